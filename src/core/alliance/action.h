#pragma once
// What the physio did about an alert, and whether the alliance repaired afterwards (shown in
// the next session's summary).

#include "alert.h"
#include "findings.h"
#include "reliablechange.h"
#include "rupturerules.h"
#include "sessionseries.h"

namespace triad {

enum class ActionKind {
    TalkedAboutGoals,      // "talked-about-goals"
    AdaptedExercises,      // "adapted-exercises"
    ExplainedPlanTimeline, // "explained-plan-timeline"
    InvolvedParent,        // "involved-parent"
    Other,                 // "other"
    FalseAlarm,            // "false-alarm": not relevant / a false alarm (logged, so the
                           // clinic can see each rule's share of false alarms; no follow-up)
};
QString actionKindId(ActionKind k);
std::optional<ActionKind> actionKindFromId(const QString &id);
QString actionKindLabel(ActionKind k); // translated
QVector<ActionKind> allActionKinds();

struct AcknowledgedAlert
{
    Alert alert; // the alert as raised (its evidence holds the pre-alert level)
    ActionKind action = ActionKind::Other;
    int actionSession = 0; // the session the action was logged at (usually alert.sessionIndex)
};

struct ActionFollowUp
{
    RepairState state = RepairState::Pending;
    std::optional<int> repairedSession;
    QString summary; // translated sentence for the next session's summary
    QJsonObject evidence;
};

// `series` is the alert's respondent + measure series including the sessions after the
// action. The pre-alert level is the mean of the scored sessions before the alert session and
// its SD as rule (a) uses it (own SD floored); repair = back within repairSd SDs of that
// level, or a reliable rise from the alert's score, within the next repairWindow scored
// sessions after the action.
ActionFollowUp followUpAfterAction(const AcknowledgedAlert &acknowledged,
                                   const MeasureSeries &series, const RuptureRules &rules,
                                   const QString &childFirstName);

} // namespace triad
