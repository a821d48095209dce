#pragma once
// Repair after a rupture: the series returns to the pre-rupture level (within repairSd SDs
// of the pre-rupture mean) or rises reliably from the rupture score, within the next
// repairWindow scored sessions: the V-shape (high-low-high), the most frequent
// rupture-repair pattern (domain.md §3).

#include "findings.h"
#include "rupturerules.h"
#include "sessionseries.h"

namespace triad {

struct RepairBaseline
{
    int fromSession = 0;                // the rupture (or alert) session
    double fromScore = 0;               // the score there
    double preMean = 0;                 // the level before it
    double sd = 0;                      // the SD the rupture rule used
    std::optional<double> reliableRise; // RC threshold, when one is available
};

// Repaired at the first qualifying session; Pending while fewer than repairWindow scored
// sessions have followed; else NotRepaired.
RepairOutcome checkRepair(const QVector<SessionPoint> &points, const RepairBaseline &baseline,
                          const RuptureRules &rules);

} // namespace triad
