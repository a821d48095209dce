#pragma once
// The session summary after a round: each respondent's total now, at their previous
// session and the change, and the alerts alliance::EpisodeAnalyzer raises for this session
// (stored once in the alert table, with their plain-language prompts).

#include "roundplan.h"

#include <QVariantMap>

namespace triad::app {

struct Workspace;

// {sessionIndex, date, respondents: [{respondent, name, status, reason, reasonLabel, now,
//  previous, previousSession, change}], alerts: [{alertId, type, severity, respondent, measure,
//  prompt}], notes: [plain sentences on rules that could not apply]}. Numbers are 0-100 or null.
// On a store failure returns an empty map and sets *error.
QVariantMap summarizeRound(Workspace &ws, const Round &round, QString *error);

} // namespace triad::app
