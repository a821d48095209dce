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
    if (items.isEmpty())
        return;
    if (items.size() > m_itemColumns) { // rows narrower than k are never complete
        m_itemColumns = int(items.size());
        m_completeCells.clear();
    }
    if (items.size() < m_itemColumns ||
        std::any_of(items.cbegin(), items.cend(), [](const auto &v) { return !v.has_value(); }))
        return;
    for (const auto &v : items)
        m_completeCells.append(*v);
}

void NormsCalculator::addTotal(double total, std::optional<qint64> episode,
                               std::optional<qint64> day)
{
    m_totals.append(total);
    if (episode)
        m_episodeTotals.append({*episode, day.value_or(0), day.has_value(), total});
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
    n.items = m_itemColumns;
    n.alpha = alphaOfCompleteRows(m_completeCells, m_itemColumns, &n.alphaCases, &n.alphaReason);

    // Pooled within-episode variance: each episode's squared deviations from its own mean,
    // so differences between people (and the rater gaps) do not count as session noise.
    double squares = 0;
    QVector<double> first, second; // test-retest pairs
    // Episodes in the order of their keys, never the hash's: the hash's order changes with its
    // per-process seed, and so would the last bits of these sums (two runs over the same
    // responses gave within-episode SDs that differed in the 15th digit).
    // Each episode's points stay in the order added (a stable sort).
    QVector<EpisodePoint> all = m_episodeTotals;
    std::stable_sort(all.begin(), all.end(), [](const EpisodePoint &a, const EpisodePoint &b) {
        return a.episode < b.episode;
    });
    for (qsizetype from = 0, to = 0; from < all.size(); from = to) {
        while (to < all.size() && all.at(to).episode == all.at(from).episode)
            ++to;
        QVector<EpisodePoint> points(all.cbegin() + from, all.cbegin() + to);
        for (qsizetype i = 0; i < points.size(); ++i)
            if (!points.at(i).dated)
                points[i].order = qint64(i); // as many points as it had when it was added
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
    QVector<double> cells;
    for (const auto &row : rows) {
        if (row.size() != k ||
            std::any_of(row.cbegin(), row.cend(), [](const auto &v) { return !v.has_value(); }))
            continue;
        for (const auto &v : row)
            cells.append(*v);
    }
    return alphaOfCompleteRows(cells, k, completeRows, reason);
}

std::optional<double> NormsCalculator::alphaOfCompleteRows(const QVector<double> &cells, int k,
                                                           int *completeRows, QString *reason)
{
    const int rowCount = k > 0 ? int(cells.size()) / k : 0;
    if (completeRows)
        *completeRows = rowCount;
    auto fail = [reason](const QString &why) {
        if (reason)
            *reason = why;
        return std::nullopt;
    };
    if (k < 2)
        return fail(QCoreApplication::translate("Alliance", "alpha needs at least 2 items"));
    if (rowCount < 3)
        return fail(QCoreApplication::translate(
                        "Alliance", "alpha needs at least 3 complete responses (%1 so far)")
                        .arg(rowCount));

    double sumItemVariances = 0;
    QVector<double> column(rowCount);
    for (int i = 0; i < k; ++i) {
        for (int r = 0; r < rowCount; ++r)
            column[r] = cells[r * k + i];
        sumItemVariances += stats::sampleVariance(column);
    }
    QVector<double> rowSums(rowCount);
    for (int r = 0; r < rowCount; ++r) {
        double s = 0;
        for (int i = 0; i < k; ++i)
            s += cells[r * k + i];
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
