#include "norms.h"

#include "descriptive.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>

namespace triad {

namespace {
// Normalised totals are computed in floating point; a total of 99.9999999 is the maximum.
constexpr double kEdgeTolerance = 1e-6;
} // namespace

void NormsCalculator::addResponse(std::optional<double> total,
                                  const QVector<std::optional<double>> &items,
                                  std::optional<qint64> episode, std::optional<qint64> day)
{
    if (total)
        addTotal(*total, episode, day);
    if (!items.isEmpty())
        m_rows.append(items);
}

void NormsCalculator::addTotal(double total, std::optional<qint64> episode,
                               std::optional<qint64> day)
{
    m_totals.append(total);
    if (episode) {
        auto &points = m_episodeTotals[*episode];
        points.append({day.value_or(qint64(points.size())), day.has_value(), total});
    }
}

Norms NormsCalculator::norms() const
{
    Norms n;
    n.n = int(m_totals.size());
    n.mean = stats::mean(m_totals);
    n.sd = stats::sampleSd(m_totals);
    if (n.n > 0) {
        const auto atMax = std::count_if(m_totals.cbegin(), m_totals.cend(),
                                         [](double t) { return t >= 100.0 - kEdgeTolerance; });
        const auto atMin = std::count_if(m_totals.cbegin(), m_totals.cend(),
                                         [](double t) { return t <= kEdgeTolerance; });
        n.ceilingRate = double(atMax) / n.n;
        n.floorRate = double(atMin) / n.n;
    }
    for (const auto &row : m_rows)
        n.items = std::max(n.items, int(row.size()));
    n.alpha = cronbachAlpha(m_rows, &n.alphaCases, &n.alphaReason);

    // Pooled within-episode variance: each episode's squared deviations from its own mean,
    // so differences between people (and the rater gaps) do not count as session noise.
    double squares = 0;
    QVector<double> first, second; // test-retest pairs
    for (auto points : m_episodeTotals) {
        if (points.size() < 2)
            continue;
        QVector<double> totals;
        for (const EpisodePoint &p : std::as_const(points))
            totals.append(p.total);
        const double m = stats::mean(totals);
        for (double t : std::as_const(totals))
            squares += (t - m) * (t - m);
        n.withinDf += int(totals.size()) - 1;
        std::stable_sort(
            points.begin(), points.end(),
            [](const EpisodePoint &a, const EpisodePoint &b) { return a.order < b.order; });
        for (int i = 1; i < points.size(); ++i) {
            const EpisodePoint &a = points[i - 1];
            const EpisodePoint &b = points[i];
            if (a.dated && b.dated && b.order - a.order > maxRetestDays)
                continue;
            first.append(a.total);
            second.append(b.total);
        }
    }
    if (n.withinDf > 0)
        n.withinSd = std::sqrt(squares / n.withinDf);
    n.retestPairs = int(first.size());
    n.retest = stats::pearson(first, second);
    return n;
}

std::optional<double>
NormsCalculator::cronbachAlpha(const QVector<QVector<std::optional<double>>> &rows,
                               int *completeRows, QString *reason)
{
    int k = 0;
    for (const auto &row : rows)
        k = std::max(k, int(row.size()));
    // A row is complete when it has every one of the k items.
    QVector<QVector<double>> complete;
    for (const auto &row : rows) {
        if (row.size() != k)
            continue;
        QVector<double> values;
        values.reserve(k);
        for (const auto &v : row) {
            if (!v)
                break;
            values.append(*v);
        }
        if (values.size() == k)
            complete.append(values);
    }
    if (completeRows)
        *completeRows = int(complete.size());
    auto fail = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (k < 2)
        return fail(QCoreApplication::translate("Alliance", "alpha needs at least 2 items"));
    if (complete.size() < 3)
        return fail(QCoreApplication::translate(
                        "Alliance", "alpha needs at least 3 complete responses (%1 so far)")
                        .arg(complete.size()));

    double sumItemVariances = 0;
    QVector<double> column(complete.size());
    for (int i = 0; i < k; ++i) {
        for (int r = 0; r < complete.size(); ++r)
            column[r] = complete[r][i];
        sumItemVariances += stats::sampleVariance(column);
    }
    QVector<double> rowSums(complete.size());
    for (int r = 0; r < complete.size(); ++r) {
        double s = 0;
        for (double v : complete[r])
            s += v;
        rowSums[r] = s;
    }
    const double totalVariance = stats::sampleVariance(rowSums);
    if (totalVariance <= 0)
        return fail(QCoreApplication::translate(
            "Alliance", "alpha is undefined: every complete response has the same total"));
    if (reason)
        reason->clear();
    return double(k) / double(k - 1) * (1.0 - sumItemVariances / totalVariance);
}

} // namespace triad
