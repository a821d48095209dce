#pragma once
// Reads the questionnaire's localized texts: an object with one non-empty string per
// declared language, and only the placeholders the renderer knows how to fill.

#include "instrument.h"
#include "jsonreader.h"

namespace triad {

class LocalizedTextReader
{
    Q_DECLARE_TR_FUNCTIONS(InstrumentLoader)

public:
    explicit LocalizedTextReader(ProblemLog *log)
        : m_log(log)
    {}

    // The languages every text must have. Until they are known (or when the file's
    // "languages" is itself broken) only the texts themselves are checked, so one
    // mistake in "languages" does not echo through every text of the file.
    void setLanguages(const QStringList &languages) { m_languages = languages; }
    const QStringList &languages() const { return m_languages; }

    LocalizedText read(JsonObjectReader &parent, const QString &key, Presence presence);
    // Only {physio} and {child} are filled in when the question is shown.
    void checkPlaceholders(const QString &text, const QString &path);

    static QStringList placeholders();

private:
    ProblemLog *m_log;
    QStringList m_languages;
};

} // namespace triad
