#pragma once
// The columns of the research export: what each one holds, its label, its value labels and,
// for scores, the rule that made it. One description drives the CSV header, the codebook,
// the R script and the SPSS syntax, so they can never disagree.

#include "core/instrument/instrument.h"

#include <QHash>
#include <QVector>

namespace triad::interop::csv {

enum class ColumnKind {
    Text,     // ids, codes, names, timestamps: read as text
    Integer,  // whole numbers (age, session number)
    Date,     // YYYY-MM-DD, read as text and converted by the scripts
    Category, // a code from a fixed list, with value labels: a factor in R
    Score,    // 0-100, empty when not scorable
    Item,     // an answer's stored value (items of several forms may share an id)
    FreeText  // a free-text answer (only with --free-text)
};

struct ValueLabel
{
    QString value; // as written in the CSV ("child", "3")
    QString label; // in English, the language of the codebook's labels
};

// One form version that asks the item a column holds.
struct ItemSource
{
    const Instrument *instrument = nullptr;
    const Item *item = nullptr;
};

struct ResearchColumn
{
    QString name;  // a valid R and SPSS variable name: letters, digits, underscores
    QString label; // one line, English
    ColumnKind kind = ColumnKind::Text;
    QVector<ValueLabel> values; // Category and Item columns
    QString rule;               // how a score is computed, or what a code means
    QString itemId;             // Item and FreeText columns: the item id in the forms
    QVector<ItemSource> sources;
    QString scoreKey; // Score columns: "total/total", "construct/core-goal", "subscale/bond"
};

class ResearchColumns
{
public:
    // The wide file's columns for responses answered on `used` (the forms found in the data).
    ResearchColumns(const QVector<const Instrument *> &used, bool identified, bool freeText);

    const QVector<ResearchColumn> &wide() const { return m_wide; }
    int fixedCount() const { return m_fixed; } // person, episode, session and response columns
    // The column of a stored score ("total", "subscale", "construct" and its id), or -1.
    int scoreColumn(const QString &kind, const QString &scoreId) const;
    // The column of an item id (adding one when no known form has it, e.g. an archived form
    // missing from this library), or -1 for a free-text item when free text is left out.
    int itemColumn(const QString &itemId, bool isText);
    bool freeText() const { return m_freeText; }

    // The long file's columns (fixed).
    static QVector<ResearchColumn> longColumns(bool freeText);
    // "c8-something-to-say" -> "c8_something_to_say".
    static QString variableName(const QString &id);
    // Value labels of a category column ("respondent", "condition"...); empty for others.
    static QVector<ValueLabel> categoryLabels(const QString &column);

private:
    void addItems(const QVector<const Instrument *> &used);

    QVector<ResearchColumn> m_wide;
    QHash<QString, int> m_scores;
    QHash<QString, int> m_items;
    int m_fixed = 0;
    bool m_freeText = false;
};

} // namespace triad::interop::csv
