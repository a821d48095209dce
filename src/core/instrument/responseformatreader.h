#pragma once
// Reads "responseFormats": how each question is answered, with the rules each kind
// of answer has (faces come in 3 or 5, a slider starts with no value, ...).

#include "localizedtextreader.h"

namespace triad {

class ResponseFormatReader
{
    Q_DECLARE_TR_FUNCTIONS(InstrumentLoader)

public:
    ResponseFormatReader(ProblemLog *log, LocalizedTextReader *texts)
        : m_log(log)
        , m_texts(texts)
    {}

    // Formats with a readable id are returned even when something else in them is wrong,
    // so items that use them are not also reported as pointing to an unknown format.
    QVector<ResponseFormat> read(JsonObjectReader &root);

    // The keys a format of `kind` may have, besides "id" and "kind".
    static QStringList keysOf(FormatKind kind);

private:
    std::optional<ResponseFormat> readFormat(JsonObjectReader &object);
    void checkKeys(JsonObjectReader &object, std::optional<FormatKind> kind);
    void readNotApplicable(JsonObjectReader &object, ResponseFormat &format);
    void readChoices(JsonObjectReader &object, ResponseFormat &format);
    std::optional<ResponseChoice> readChoice(JsonObjectReader &object, FormatKind kind);
    void checkChoiceValues(const QVector<std::optional<int>> &values, FormatKind kind,
                           const QString &choicesPath);

    ProblemLog *m_log;
    LocalizedTextReader *m_texts;
};

} // namespace triad
