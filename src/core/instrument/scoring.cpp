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
std::optional<double> keyedValue(const Instrument &instrument, const Item &item,
                                 const Answers &answers)
{
    const ResponseFormat *format = instrument.format(item.formatId);
    if (!format || !format->isScorable() || !answers.has(item.id))
        return std::nullopt;
    const QVariant v = answers.value(item.id);
    if (!Answers::problemWith(instrument, item.id, v).isEmpty())
        return std::nullopt;
    double value = format->kind == FormatKind::YesNo ? (v.toBool() ? 1.0 : 0.0) : v.toDouble();
    if (item.reverse)
        value = format->minValue() + format->maxValue() - value;
    return value;
}

Score scoreGroup(const QString &id, const QVector<const Item *> &items, ScoreMethod method,
                 int maxMissing, const Instrument &instrument, const Answers &answers)
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

ScoreSet score(const Instrument &instrument, const Answers &answers)
{
    ScoreSet set;
    set.instrumentId = instrument.id;
    set.instrumentVersion = instrument.version;
    const auto method = instrument.scoring.method;
    set.total = scoreGroup(QStringLiteral("total"), instrument.scoredItems(), method,
                           instrument.scoring.totalMaxMissing, instrument, answers);
    for (const auto &sub : instrument.subscales)
        set.subscales.append(scoreGroup(sub.id, instrument.itemsOf(sub.id), method, sub.maxMissing,
                                        instrument, answers));
    for (Construct c : {Construct::Goal, Construct::Task, Construct::Bond}) {
        QVector<const Item *> items;
        for (const Item *item : instrument.scoredItems())
            if (item->construct == c)
                items.append(item);
        if (!items.isEmpty())
            set.constructs.append(scoreGroup(constructId(c), items, method, int(items.size()) / 2,
                                             instrument, answers));
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
    return {{QStringLiteral("instrument"), instrumentId},
            {QStringLiteral("version"), instrumentVersion},
            {QStringLiteral("total"), total.toJson()},
            {QStringLiteral("subscales"), subs},
            {QStringLiteral("constructs"), cons}};
}

} // namespace triad
