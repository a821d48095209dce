#include "researchcolumns.h"

#include "core/store/schema.h"

#include <QCoreApplication>

namespace triad::interop::csv {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::csv::ResearchColumns", text);
}

ResearchColumn column(const char *name, const QString &label, ColumnKind kind,
                      const QString &rule = {})
{
    ResearchColumn c;
    c.name = QLatin1String(name);
    c.label = label;
    c.kind = kind;
    c.rule = rule;
    if (kind == ColumnKind::Category)
        c.values = ResearchColumns::categoryLabels(c.name);
    return c;
}

QString words(const QString &code)
{
    QString s = code;
    s.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QVector<ValueLabel> wordsFor(const QStringList &codes)
{
    QVector<ValueLabel> v;
    for (const QString &c : codes)
        v.append({c, words(c)});
    return v;
}

// What a stored answer value means for one item of one form, in English.
QVector<ValueLabel> itemValueLabels(const Instrument &instrument, const Item &item)
{
    QVector<ValueLabel> v;
    const ResponseFormat *format = instrument.format(item.formatId);
    if (!format)
        return v;
    if (format->notApplicable)
        v.append(
            {QString::number(notApplicableValue),
             format->notApplicable->label.in(QStringLiteral("en")) + tr(" (counted as missing)")});
    for (const ResponseChoice &c : format->choices)
        v.append({QString::number(c.value), c.label.in(QStringLiteral("en"))});
    if (format->kind == FormatKind::Slider) {
        v.append({QStringLiteral("0"), format->lowAnchor.in(QStringLiteral("en"))});
        v.append({QStringLiteral("100"), format->highAnchor.in(QStringLiteral("en"))});
    }
    return v;
}

const char *const kMissingRule =
    "empty when not scorable (more answers missing than the form allows, see the codebook's "
    "form section)";

} // namespace

QString ResearchColumns::variableName(const QString &id)
{
    QString name;
    for (const QChar c : id)
        name += (c.isLetterOrNumber() && c.unicode() < 128) ? c : QLatin1Char('_');
    if (name.isEmpty() || !name.at(0).isLetter())
        name.prepend(QLatin1String("v_"));
    return name;
}

QVector<ValueLabel> ResearchColumns::categoryLabels(const QString &column)
{
    if (column == QLatin1String("respondent"))
        return {{QStringLiteral("child"), tr("Child")},
                {QStringLiteral("parent"), tr("Parent")},
                {QStringLiteral("physio"), tr("Physiotherapist")}};
    if (column == QLatin1String("condition"))
        return wordsFor(store::conditionCategories());
    if (column == QLatin1String("setting"))
        return wordsFor(store::sessionSettings());
    if (column == QLatin1String("status"))
        return {{QStringLiteral("complete"), tr("Complete")},
                {QStringLiteral("declined"), tr("Declined")}};
    if (column == QLatin1String("decline_reason"))
        return wordsFor(store::declineReasons());
    if (column == QLatin1String("parent_relationship"))
        return wordsFor({QStringLiteral("mother"), QStringLiteral("father"),
                         QStringLiteral("carer"), QStringLiteral("other")});
    return {};
}

ResearchColumns::ResearchColumns(const QVector<const Instrument *> &used, bool identified,
                                 bool freeText)
    : m_freeText(freeText)
{
    using K = ColumnKind;
    m_wide << column("response_id", tr("Response id (random, links the long file)"), K::Text)
           << column("patient_code", tr("Patient pseudonym code"), K::Text);
    if (identified)
        m_wide << column("patient_name", tr("Patient name (identified export)"), K::Text)
               << column("birth_date", tr("Birth date (identified export)"), K::Date);
    m_wide << column("age_years", tr("Child's age in completed years on the session date"),
                     K::Integer)
           << column("episode_id", tr("Episode of care id (random)"), K::Text)
           << column("condition", tr("Condition treated in the episode"), K::Category)
           << column("episode_start", tr("Date the episode started"), K::Date)
           << column("session_id", tr("Session id (random)"), K::Text)
           << column("session_number", tr("Session number within the episode, from 1"), K::Integer)
           << column("session_date", tr("Session date"), K::Date)
           << column("setting", tr("Where the session took place"), K::Category)
           << column("respondent", tr("Who answered"), K::Category)
           << column("parent_relationship", tr("The answering parent's relationship to the child"),
                     K::Category)
           << column("instrument_id", tr("Form answered"), K::Text)
           << column("instrument_version", tr("Version of the form answered"), K::Text)
           << column("language", tr("Language the form was answered in (BCP-47)"), K::Text)
           << column("status", tr("Whether the respondent completed or declined the form"),
                     K::Category)
           << column("decline_reason", tr("Why the respondent declined"), K::Category)
           << column("corrects_response", tr("The response this one corrects (if any)"), K::Text)
           << column("completed_at", tr("When the response was completed (UTC, ISO 8601)"),
                     K::Text);
    m_fixed = int(m_wide.size());

    const QString scoreRule =
        tr("0-100: mean over the answered items of (value - lowest) / (highest - lowest) x 100, "
           "after reverse-keying; ");
    const auto score = [&](const char *name, const QString &kind, const QString &id,
                           const QString &label, const QString &rule) {
        ResearchColumn c = column(name, label, K::Score, scoreRule + rule + tr(kMissingRule));
        c.scoreKey = kind + QLatin1Char('/') + id;
        m_scores.insert(c.scoreKey, int(m_wide.size()));
        m_wide << c;
    };
    score("total", QStringLiteral("total"), QStringLiteral("total"),
          tr("Total alliance score (0-100)"),
          tr("over every scored item of subscales that count in the total; "));
    score("core", QStringLiteral("construct"), QStringLiteral("core"),
          tr("Shared core score (0-100): the questions every respondent answers"),
          tr("over the form's core items, at most a third missing; "));
    score("core_goal", QStringLiteral("construct"), QStringLiteral("core-goal"),
          tr("Shared core: goal (0-100)"), tr("over the core goal items, at most half missing; "));
    score("core_task", QStringLiteral("construct"), QStringLiteral("core-task"),
          tr("Shared core: task (0-100)"), tr("over the core task items, at most half missing; "));
    score("core_bond", QStringLiteral("construct"), QStringLiteral("core-bond"),
          tr("Shared core: bond (0-100)"), tr("over the core bond items, at most half missing; "));
    score("goal", QStringLiteral("construct"), QStringLiteral("goal"),
          tr("Agreement on goals (0-100)"),
          tr("over every goal item counting in the total, at most half missing; "));
    score("task", QStringLiteral("construct"), QStringLiteral("task"),
          tr("Agreement on tasks (0-100)"),
          tr("over every task item counting in the total, at most half missing; "));
    score("bond", QStringLiteral("construct"), QStringLiteral("bond"), tr("Bond (0-100)"),
          tr("over every bond item counting in the total, at most half missing; "));
    for (const Instrument *instrument : used)
        for (const Subscale &s : instrument->subscales) {
            const QString key = QStringLiteral("subscale/") + s.id;
            if (m_scores.contains(key)) {
                ResearchColumn &c = m_wide[m_scores.value(key)];
                if (!c.label.contains(instrument->id))
                    c.label.insert(c.label.size() - 1, QStringLiteral(", ") + instrument->id);
                continue;
            }
            ResearchColumn c = column(
                "", tr("Subscale %1 (0-100) of the forms (%2)").arg(s.id, instrument->id), K::Score,
                scoreRule +
                    tr("over the subscale's items, at most the form's allowed number missing "
                       "(prorated); ") +
                    tr(kMissingRule));
            c.name = QStringLiteral("sub_") + variableName(s.id);
            c.scoreKey = key;
            m_scores.insert(key, int(m_wide.size()));
            m_wide << c;
        }
    addItems(used);
}

void ResearchColumns::addItems(const QVector<const Instrument *> &used)
{
    for (const Instrument *instrument : used)
        for (const Item &item : instrument->items) {
            const ResponseFormat *format = instrument->format(item.formatId);
            const bool text = format && format->kind == FormatKind::FreeText;
            const int index = itemColumn(item.id, text);
            if (index < 0)
                continue;
            ResearchColumn &c = m_wide[index];
            if (c.sources.isEmpty()) {
                c.label = item.text.in(QStringLiteral("en"));
                c.values = itemValueLabels(*instrument, item);
                c.rule = item.practice ? tr("practice question, never scored")
                         : item.subscaleId.isEmpty()
                             ? tr("not scored")
                             : tr("subscale %1, construct %2%3%4")
                                   .arg(item.subscaleId, constructId(item.construct),
                                        item.core ? tr(", core") : QString(),
                                        item.reverse ? tr(", reversed") : QString());
            }
            c.sources.append({instrument, &item});
        }
}

int ResearchColumns::scoreColumn(const QString &kind, const QString &scoreId) const
{
    return m_scores.value(kind + QLatin1Char('/') + scoreId, -1);
}

int ResearchColumns::itemColumn(const QString &itemId, bool isText)
{
    const auto found = m_items.constFind(itemId);
    if (found != m_items.constEnd())
        return found.value();
    if (isText && !m_freeText) {
        m_items.insert(itemId, -1);
        return -1;
    }
    ResearchColumn c;
    c.name = QStringLiteral("i_") + variableName(itemId);
    c.kind = isText ? ColumnKind::FreeText : ColumnKind::Item;
    c.itemId = itemId;
    c.label = tr("Item %1 (its form is not in this library)").arg(itemId);
    m_items.insert(itemId, int(m_wide.size()));
    m_wide << c;
    return int(m_wide.size()) - 1;
}

QVector<ResearchColumn> ResearchColumns::longColumns(bool freeText)
{
    using K = ColumnKind;
    QVector<ResearchColumn> c;
    c << column("response_id", tr("Response id (the wide file's row: age, dates, form version)"),
                K::Text)
      << column("patient_code", tr("Patient pseudonym code"), K::Text)
      << column("episode_id", tr("Episode of care id (random)"), K::Text)
      << column("session_number", tr("Session number within the episode, from 1"), K::Integer)
      << column("respondent", tr("Who answered"), K::Category)
      << column("item_id", tr("Item id in the form (its wide column: see the codebook)"), K::Text)
      << column("value", tr("Stored answer (see the item's value labels in the codebook)"), K::Item)
      << column("value_label", tr("What the answer means, in English"), K::Text)
      << column("not_applicable",
                tr("1 when the answer is 'not yet / doesn't apply' (counted as missing)"),
                K::Integer);
    if (freeText)
        c << column("text", tr("Free-text answer, in the respondent's words"), K::FreeText);
    return c;
}

} // namespace triad::interop::csv
