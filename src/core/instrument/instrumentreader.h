#pragma once
// Reads one parsed questionnaire (triad-questionnaire/1) into an Instrument, recording every
// problem: the top-level keys, subscales, items and scoring, and how they refer to each other.

#include "responseformatreader.h"

namespace triad {

class InstrumentReader
{
    Q_DECLARE_TR_FUNCTIONS(InstrumentLoader)

public:
    // `expectedId`: the file's base name, which the id must equal; empty when there is no file.
    InstrumentReader(ProblemLog *log, QString expectedId);

    // The instrument as far as it could be read; only meaningful when the log stays empty.
    Instrument read(const QJsonObject &root);

    static QString formatName() { return QStringLiteral("triad-questionnaire/1"); }

private:
    void readIdentity(JsonObjectReader &root);
    void readAgeBand(JsonObjectReader &root);
    void readLanguages(JsonObjectReader &root);
    void readLicence(JsonObjectReader &root);
    void readSubscales(JsonObjectReader &root);
    void readItems(JsonObjectReader &root);
    void readItem(JsonObjectReader &object, Item &item);
    void checkCoreItem(JsonObjectReader &object, const Item &item, const ResponseFormat *format);
    void checkPracticeItem(JsonObjectReader &object, const Item &item,
                           const ResponseFormat *format);
    void readScoring(JsonObjectReader &root);
    Psychometrics readPsychometrics(JsonObjectReader &parent);
    // Needs all items: a subscale without items, or that allows too many missing answers.
    void checkSubscaleSizes();

    ProblemLog *m_log;
    QString m_expectedId;
    LocalizedTextReader m_texts;
    Instrument m_instrument;
    std::optional<Respondent> m_respondent;
    QString m_subscalesPath;
    QVector<int> m_subscaleIndex; // where each read subscale is in the file's array, for paths
    QString m_itemsPath;
    bool m_itemsReadable = false;
    bool m_formatsDeclared = false;
    bool m_subscalesDeclared = false;
    std::optional<int> m_totalMaxMissing;
    QString m_totalMaxMissingPath;
    int m_itemIndex = 0;                  // where the item being read is in the file's array
    QHash<QString, int> m_coreFacetIndex; // core facet -> index of the item that has it
};

} // namespace triad
