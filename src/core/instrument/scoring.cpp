#include "scoring.h"

#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>

namespace triad {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Scoring", text);
}

// The answer on the format's own scale after reverse-keying, or nullopt.
// The item's keyed value from its answer (nullptr: not answered).
std::optional<double> keyedValueOf(const ResponseFormat *format, const Item &item,
                                   const QVariant *answer)
{
    if (!format || !format->isScorable() || !answer)
        return std::nullopt;
    const QVariant &v = *answer;
    if (!Answers::problemWith(*format, v).isEmpty() || isNotApplicable(*format, v))
        return std::nullopt;
    double value = format->kind == FormatKind::YesNo ? (v.toBool() ? 1.0 : 0.0) : v.toDouble();
    if (item.reverse)
        value = format->minValue() + format->maxValue() - value;
    return value;
}

std::optional<double> keyedValue(const Instrument &instrument, const Item &item,
                                 const Answers &answers)
{
    const ResponseFormat *format = instrument.format(item.formatId);
    if (!format || !format->isScorable() || !answers.has(item.id))
        return std::nullopt;
    const QVariant v = answers.value(item.id);
    return keyedValueOf(format, item, &v);
}

// The item's keyed value from answers held by item index (ItemAnswers).
std::optional<double> keyedValue(const Instrument &instrument, const Item &item,
                                 const ItemAnswers &answers)
{
    const qsizetype i = &item - instrument.items.constData();
    const QVariant *answer = i >= 0 && i < answers.size() ? answers.at(i) : nullptr;
    return keyedValueOf(instrument.format(item.formatId), item, answer);
}

template <typename AnswerSet>
Score scoreGroup(const QString &id, const QVector<const Item *> &items, ScoreMethod method,
                 int maxMissing, const Instrument &instrument, const AnswerSet &answers)
{
    Score s;
    s.id = id;
    s.itemCount = int(items.size());
    double sum = 0, sumMin = 0, sumMax = 0, sumPercent = 0;
    for (const Item *item : items) {
        const ResponseFormat *format = instrument.format(item->formatId);
        sumMin += format->minValue();
        sumMax += format->maxValue();
        if (const auto v = keyedValue(instrument, *item, answers)) {
            ++s.answered;
            sum += *v;
            sumPercent += toPercent(*format, *v);
        }
    }
    const int missing = s.itemCount - s.answered;
    if (s.itemCount == 0) {
        s.reason = tr("no scored items");
        return s;
    }
    if (s.answered == 0) {
        s.reason = tr("no answers");
        return s;
    }
    if (missing > maxMissing) {
        s.reason = tr("%1 of %2 answers missing; at most %3 may be missing")
                       .arg(missing)
                       .arg(s.itemCount)
                       .arg(maxMissing);
        return s;
    }
    s.scorable = true;
    s.prorated = missing > 0;
    const double n = s.itemCount;
    if (method == ScoreMethod::Sum) {
        s.raw = sum * n / s.answered;
        s.minPossible = sumMin;
        s.maxPossible = sumMax;
    } else {
        s.raw = sum / s.answered;
        s.minPossible = sumMin / n;
        s.maxPossible = sumMax / n;
    }
    s.normalised = sumPercent / s.answered;
    return s;
}

double rounded(double v)
{
    return std::round(v * 10000.0) / 10000.0;
}

} // namespace

QStringList coreMeasures()
{
    return {QStringLiteral("core"), QStringLiteral("core-goal"), QStringLiteral("core-task"),
            QStringLiteral("core-bond")};
}

bool isNotApplicable(const ResponseFormat &format, const QVariant &value)
{
    if (!format.notApplicable || format.kind == FormatKind::YesNo ||
        format.kind == FormatKind::FreeText || value.typeId() == QMetaType::Bool ||
        value.typeId() == QMetaType::QString)
        return false;
    bool ok = false;
    const double v = value.toDouble(&ok);
    return ok && v == notApplicableValue;
}

double toPercent(const ResponseFormat &format, double value)
{
    const double lo = format.minValue(), hi = format.maxValue();
    if (hi <= lo)
        return 0;
    return (value - lo) / (hi - lo) * 100.0;
}

std::optional<double> itemValue(const Instrument &instrument, const Item &item,
                                const Answers &answers)
{
    const auto v = keyedValue(instrument, item, answers);
    if (!v)
        return std::nullopt;
    return toPercent(*instrument.format(item.formatId), *v);
}

std::optional<double> itemValue(const Instrument &instrument, const Item &item,
                                const QVariant *answer)
{
    const ResponseFormat *format = instrument.format(item.formatId);
    const auto v = keyedValueOf(format, item, answer);
    if (!v)
        return std::nullopt;
    return toPercent(*format, *v);
}

namespace {
template <typename AnswerSet>
Score scoreTotalOf(const Instrument &instrument, const AnswerSet &answers)
{
    return scoreGroup(QStringLiteral("total"), instrument.totalItems(), instrument.scoring.method,
                      instrument.scoring.totalMaxMissing, instrument, answers);
}

template <typename AnswerSet>
Score scoreCoreOf(const Instrument &instrument, const AnswerSet &answers)
{
    const QVector<const Item *> core = instrument.coreItems();
    Score s = scoreGroup(QStringLiteral("core"), core, instrument.scoring.method,
                         int(core.size()) / 3, instrument, answers);
    if (core.isEmpty())
        s.reason = tr("this form has no core items");
    return s;
}
} // namespace

Score scoreTotal(const Instrument &instrument, const Answers &answers)
{
    return scoreTotalOf(instrument, answers);
}

Score scoreTotal(const Instrument &instrument, const ItemAnswers &answers)
{
    return scoreTotalOf(instrument, answers);
}

Score scoreCore(const Instrument &instrument, const Answers &answers)
{
    return scoreCoreOf(instrument, answers);
}

Score scoreCore(const Instrument &instrument, const ItemAnswers &answers)
{
    return scoreCoreOf(instrument, answers);
}

ScoreSet score(const Instrument &instrument, const Answers &answers)
{
    ScoreSet set;
    set.instrumentId = instrument.id;
    set.instrumentVersion = instrument.version;
    const auto method = instrument.scoring.method;
    const QVector<const Item *> totalItems = instrument.totalItems();
    set.total = scoreTotal(instrument, answers);
    for (const auto &sub : instrument.subscales)
        set.subscales.append(scoreGroup(sub.id, instrument.itemsOf(sub.id), method, sub.maxMissing,
                                        instrument, answers));
    for (Construct c : {Construct::Goal, Construct::Task, Construct::Bond}) {
        QVector<const Item *> items;
        for (const Item *item : totalItems)
            if (item->construct == c)
                items.append(item);
        if (!items.isEmpty())
            set.constructs.append(scoreGroup(constructId(c), items, method, int(items.size()) / 2,
                                             instrument, answers));
    }
    const QVector<const Item *> core = instrument.coreItems();
    set.core = scoreCore(instrument, answers);
    for (Construct c : {Construct::Goal, Construct::Task, Construct::Bond}) {
        QVector<const Item *> items;
        for (const Item *item : core)
            if (item->construct == c)
                items.append(item);
        if (!items.isEmpty())
            set.coreConstructs.append(scoreGroup(QStringLiteral("core-") + constructId(c), items,
                                                 method, int(items.size()) / 2, instrument,
                                                 answers));
    }
    return set;
}

const Score *ScoreSet::subscale(const QString &id) const
{
    for (const auto &s : subscales)
        if (s.id == id)
            return &s;
    return nullptr;
}

const Score *ScoreSet::construct(const QString &id) const
{
    for (const auto &s : constructs)
        if (s.id == id)
            return &s;
    return nullptr;
}

const Score *ScoreSet::measure(const QString &id) const
{
    if (id == QLatin1String("total"))
        return &total;
    if (id == QLatin1String("core"))
        return hasCore() ? &core : nullptr;
    for (const auto &s : coreConstructs)
        if (s.id == id)
            return &s;
    if (const Score *s = construct(id))
        return s;
    return subscale(id);
}

QJsonObject Score::toJson() const
{
    QJsonObject o{{QStringLiteral("scorable"), scorable},
                  {QStringLiteral("items"), itemCount},
                  {QStringLiteral("answered"), answered}};
    if (scorable) {
        o.insert(QStringLiteral("raw"), rounded(raw));
        o.insert(QStringLiteral("min"), rounded(minPossible));
        o.insert(QStringLiteral("max"), rounded(maxPossible));
        o.insert(QStringLiteral("normalised"), rounded(normalised));
        o.insert(QStringLiteral("prorated"), prorated);
    } else {
        o.insert(QStringLiteral("reason"), reason);
    }
    return o;
}

QJsonObject ScoreSet::toJson() const
{
    QJsonObject subs, cons;
    for (const auto &s : subscales)
        subs.insert(s.id, s.toJson());
    for (const auto &s : constructs)
        cons.insert(s.id, s.toJson());
    QJsonObject o{{QStringLiteral("instrument"), instrumentId},
                  {QStringLiteral("version"), instrumentVersion},
                  {QStringLiteral("total"), total.toJson()},
                  {QStringLiteral("subscales"), subs},
                  {QStringLiteral("constructs"), cons}};
    // Only forms with a core have these keys, so a 1.x response's JSON is as it always was.
    if (hasCore()) {
        QJsonObject coreCons;
        for (const auto &s : coreConstructs)
            coreCons.insert(s.id, s.toJson());
        o.insert(QStringLiteral("core"), core.toJson());
        o.insert(QStringLiteral("coreConstructs"), coreCons);
    }
    return o;
}

} // namespace triad
