#pragma once
// A declining trend over the last trendWindow scored sessions: a slow slide that no single
// session flags. Declining when the OLS slope is at most -trendSlope points per session AND
// either every step is non-increasing or the total drop (first - last) is a reliable change.
// The alert fires at the first session of a run where this holds, not at every later one.

#include "findings.h"
#include "rupturerules.h"
#include "sessionseries.h"

namespace triad {

class TrendDetector
{
public:
    explicit TrendDetector(RuptureRules rules = {});

    // Whether the window ending at `sessionIndex` declines; fills `evidence` when it does.
    bool declinesAt(const MeasureSeries &series, int sessionIndex, QJsonObject *evidence) const;
    SeriesFindings detect(const MeasureSeries &series, const QString &childFirstName) const;

private:
    RuptureRules m_rules;
};

} // namespace triad
