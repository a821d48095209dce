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
    // Test-retest reliability: Pearson's r of the totals at consecutive sessions of one
    // episode (at most NormsCalculator::maxRetestDays apart when the sessions are dated),
    // over retestPairs pairs. The reliability of session-to-session change, which the
    // reliable-change rule needs (docs/ALLIANCE.md, "Which reliability"); nullopt for fewer
    // than 3 pairs or no spread.
    std::optional<double> retest;
    int retestPairs = 0;
};

// Accumulates a clinic's responses for one instrument + respondent + measure and computes
// its Norms. Item values are on the 0-100 scale after reverse-keying (triad::itemValue);
// a missing answer is nullopt and takes the row out of the alpha computation only.
class NormsCalculator
{
public:
    // Pairs of consecutive dated sessions further apart than this are not test-retest pairs.
    static constexpr int maxRetestDays = 14;

    // `episode` groups the totals of one person's episode for the within-person SD and the
    // test-retest pairs; a response without one counts for everything else. `day` (a Julian
    // day) orders an episode's totals; without it they are taken in the order added.
    void addResponse(std::optional<double> total, const QVector<std::optional<double>> &items,
                     std::optional<qint64> episode = std::nullopt,
                     std::optional<qint64> day = std::nullopt);
    void addTotal(double total, std::optional<qint64> episode = std::nullopt,
                  std::optional<qint64> day = std::nullopt);
    Norms norms() const;

    // alpha = k / (k - 1) * (1 - sum of item variances / variance of the row sums),
    // sample variances, complete rows only. Nullopt with a reason when it cannot be computed
    // (fewer than 2 items or 3 complete rows, or no spread in the row sums).
    static std::optional<double> cronbachAlpha(const QVector<QVector<std::optional<double>>> &rows,
                                               int *completeRows, QString *reason);
    // The same over complete rows of k values laid one after another in `cells`.
    static std::optional<double> alphaOfCompleteRows(const QVector<double> &cells, int k,
                                                     int *completeRows, QString *reason);

private:
    QVector<double> m_totals;
    struct EpisodePoint
    {
        qint64 episode = 0;
        qint64 order = 0; // the day; undated, its place in its episode's points (norms())
        bool dated = false;
        double total = 0;
    };
    // Every episode's totals in the order added, all in one list, grouped by episode (a
    // stable sort) when the norms are worked out. A hash of a list per episode cost a hash
    // look-up and often a list's growth for each response (issue 12).
    QVector<EpisodePoint> m_episodeTotals;
    // For alpha, only what it reads: k (the widest item row added) and the complete rows of
    // k values, one after another. A row per response took 40 MiB of a 2,000-patient clinic's
    // figures (issue 12).
    int m_itemColumns = 0;
    QVector<double> m_completeCells;
};

} // namespace triad
