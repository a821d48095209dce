#pragma once
// Discrepancy per dyad. Raters differ systematically (children above physios d ~ 0.35,
// parents d ~ 0.72; Roest 2023), so today's gap is compared with that dyad's usual gap, not
// with zero: the dyad's own mean gap in this episode (>= minDyadSessions earlier sessions
// with both scores), else the clinic's usual gap for the dyad and age band.
//
// The departure (gap - usual gap) alerts when reliable: Jacobson & Truax on the difference
// score. With independent measurement errors, the difference's s_D * sqrt(1 - r_D) equals
// sqrt(SEM_a^2 + SEM_b^2), SEM = s * sqrt(1 - r); so the threshold is
// 1.96 * sqrt(2) * sqrt(SEM_a^2 + SEM_b^2).
//
// Also the risky pattern "child-falls-adults-high": the child's score falls (a reliable drop
// or at least 1 SD since the previous session) while parent and physio both stay high.

#include "findings.h"
#include "rupturerules.h"
#include "sessionseries.h"

namespace triad {

// The clinic's usual gap (first - second) for one dyad and measure in the child's age band.
struct DyadGapNorm
{
    Dyad dyad = Dyad::ChildPhysio;
    QString measure = QStringLiteral("total");
    double meanGap = 0;
    int n = 0; // sessions it comes from
};

class DiscrepancyDetector
{
public:
    explicit DiscrepancyDetector(RuptureRules rules = {});

    // The series must share one measure; any may be null (that respondent did not answer).
    SeriesFindings detect(const MeasureSeries *child, const MeasureSeries *parent,
                          const MeasureSeries *physio, const QVector<DyadGapNorm> &clinicGaps,
                          const QString &childFirstName) const;

    // Whether `series` falls at `sessionIndex`: a reliable drop from the previous scored
    // session, or a drop of at least watchSd x SD (own SD floored, as rule (a) uses).
    bool fallsAt(const MeasureSeries &series, int sessionIndex, QJsonObject *evidence) const;

private:
    SeriesFindings detectDyad(Dyad dyad, const MeasureSeries &a, const MeasureSeries &b,
                              const QVector<DyadGapNorm> &clinicGaps,
                              const QString &childFirstName) const;
    SeriesFindings detectChildFallsAdultsHigh(const MeasureSeries &child,
                                              const MeasureSeries &parent,
                                              const MeasureSeries &physio,
                                              const QString &childFirstName) const;
    RuptureRules m_rules;
};

} // namespace triad
