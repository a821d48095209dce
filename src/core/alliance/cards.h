#pragma once
// Cards, not rule firings: everything the rules found for one respondent at one session
// becomes at most ONE card, and everything for one dyad at one session at most one card.
// The card is an Alert whose type is its strongest finding (the headline), whose severity is
// the card's level (concern = act today, watch = keep an eye, info = a note on the score,
// never counted as open), whose prompt says the headline in plain words with the numbers
// ("Ayla: 44, usually about 80.") followed by what to talk about, and whose evidence keeps
// the headline finding's numbers plus "card": {"level", "findings": [types], "details":
// [sentences naming every measure that moved and by how much], "moved": [{measure, score,
// reference, change}], "evidence": {finding id: that finding's numbers}}.
//
// Which findings make a card (docs/ALLIANCE.md, "Cards"):
//   act today   rupture on the total (more than 2 SD below the own mean); the child's drop
//               while both adults stay high, when the child's drop is itself a rupture or a
//               reliable drop;
//   keep an eye a reliable drop on the total that is also more than 1 SD below the own
//               mean; a declining trend of the total; the total first falling below the
//               form's cut-off; a dyad's gap widening (dyad card);
//   note        quality flags (once per episode for a repeating pattern);
// every other finding (1 SD alone, a reliable drop alone, a subscale) is a detail of the
// respondent's card when there is one, and no card otherwise.

#include "episodeanalyzer.h"

namespace triad {

QVector<Alert> composeCards(const QVector<Alert> &findings, const EpisodeInput &episode,
                            const RuptureRules &rules);

} // namespace triad
