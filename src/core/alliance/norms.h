#pragma once
// A clinic's own figures for one instrument + respondent + measure, computed from its
// completed responses. No published reliable-change index exists for alliance scales
// (domain.md §3), so the clinic's own SD and Cronbach's alpha replace the form's declared
// figures once there are enough responses.

#include <optional>
#include <QHash>
#include <QString>
#include <QVector>

namespace triad {

struct Norms
{
    int n = 0;                   // completed responses with a total
    double mean = 0;             // of the 0-100 totals
    double sd = 0;               // sample SD (n - 1) of the totals
    std::optional<double> alpha; // Cronbach's alpha over complete item rows
    QString alphaReason;         // why there is no alpha (plain words), empty when there is one
    int alphaCases = 0;          // complete rows used for alpha
    int items = 0;               // k, the number of item columns
    double ceilingRate = 0;      // share of totals at the maximum (100)
    double floorRate = 0;        // share of totals at 0
    // The typical session-to-session spread of one person's totals: the pooled
    // within-episode SD, sqrt(sum over episodes of sum (x - episode mean)^2 / withinDf),
    // withinDf = sum over episodes of (sessions - 1). 0 / 0 when no episode has two totals
    // (responses added without an episode key). Rule (a) shrinks a person's own SD from
    // 3-5 sessions towards it (docs/ALLIANCE.md, "Pooled SD").
    double withinSd = 0;
    int withinDf = 0;
};

// Accumulates a clinic's responses for one instrument + respondent + measure and computes
// its Norms. Item values are on the 0-100 scale after reverse-keying (triad::itemValue);
// a missing answer is nullopt and takes the row out of the alpha computation only.
class NormsCalculator
{
public:
    // `episode` groups the totals of one person's episode for the within-person SD; a
    // response without one counts for everything else.
    void addResponse(std::optional<double> total, const QVector<std::optional<double>> &items,
                     std::optional<qint64> episode = std::nullopt);
    void addTotal(double total, std::optional<qint64> episode = std::nullopt);
    Norms norms() const;

    // alpha = k / (k - 1) * (1 - sum of item variances / variance of the row sums),
    // sample variances, complete rows only. Nullopt with a reason when it cannot be computed
    // (fewer than 2 items or 3 complete rows, or no spread in the row sums).
    static std::optional<double> cronbachAlpha(const QVector<QVector<std::optional<double>>> &rows,
                                               int *completeRows, QString *reason);

private:
    QVector<double> m_totals;
    QHash<qint64, QVector<double>> m_episodeTotals;
    QVector<QVector<std::optional<double>>> m_rows;
};

} // namespace triad
