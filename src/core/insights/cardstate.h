#pragma once
// Where a stored card stands in its life cycle (issue 8): open, acknowledged (a reason
// logged, "not relevant / false alarm" among them), or resolved automatically because the
// person's total came back after it (the repair rule's V-shape). The episode screen draws
// them apart; My patients and the lead's list count only OPEN act-today cards: a card the
// repair already resolved is not something to act on today, acknowledged or not.

#include "episodehistory.h"

#include "core/alliance/episodeanalyzer.h"
#include "core/store/alertrepository.h"

namespace triad::insights {

// True when the repair rule saw the alert's respondent's total come back after the alert's
// session (a card on a dyad is never resolved this way: it is handled by acknowledging it).
bool resolvedByRepair(const store::AlertRecord &alert, const EpisodeHistory &history,
                      const EpisodeAnalysis &analysis);

// The act-today (concern) cards that are open: not acknowledged and not resolved by repair.
QVector<store::AlertRecord> openActTodayCards(const QVector<store::AlertRecord> &stored,
                                              const EpisodeHistory &history,
                                              const EpisodeAnalysis &analysis);

// Unacknowledged act-today cards: the only ones that can still be open. A caller reads the
// episode's history (to rule out resolved ones) only when this is not empty.
QVector<store::AlertRecord> unacknowledgedActToday(const QVector<store::AlertRecord> &stored);

} // namespace triad::insights
