#pragma once
// The session summary after a round: each respondent's total now, at their previous
// session and the change, and the alerts the core's insights raise for this session with
// the clinic's own figures (stored once in the alert table, with their plain-language
// prompts), and why any rule could not apply yet.

#include "episodereading.h"
#include "roundplan.h"

#include <QVariantMap>

namespace triad::app {

struct Workspace;

// {sessionIndex, date, respondents: [{respondent, name, status, reason, reasonLabel, now,
//  previous, previousSession, change, marks: [note sentences (info cards) on this response]}],
//  figuresPending (true while the clinic figures are worked out: alerts and notes are empty
//  and nothing is stored yet; call again when ClinicSession::clinicFiguresChanged),
//  alerts: [the session's cards to act on (act today / keep an eye), one per person or dyad:
//  {alertId, type, severity, respondent, dyad, measure, prompt (headline with numbers and
//  what to talk about), details (every measure that moved), evidence}], notes: [plain sentences on
//  rules that could not apply on the total and why, e.g. "Reliable-change rule not applied yet for
//  the child: not enough of the clinic's own data yet (1 of 30 responses) and the form declares no
//  reliability."]}.
// Numbers are 0-100 or null; evidence is the alert's stored evidence (rcSource "clinic"...).
// On a store failure returns an empty map and sets *error.
QVariantMap summarizeRound(Workspace &ws, const Round &round, QString *error);
// The same from a reading of the round's episode made elsewhere (on a worker, readEpisodeAt):
// with the clinic figures in it, the session's cards are judged and stored on ws's connection.
QVariantMap summarizeReading(Workspace &ws, const Round &round, const EpisodeReading &reading,
                             QString *error);

} // namespace triad::app
