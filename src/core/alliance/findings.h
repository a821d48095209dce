#pragma once
// What the detectors return besides alerts: each session's state, each rupture's repair,
// and the rules that could not apply at the latest session (with a reason for the UI).

#include "alert.h"

#include <QJsonObject>
#include <QVector>

namespace triad {

enum class SessionState {
    NoScore,
    Stable,
    Watch,
    Rupture,
    Repaired
};
QString sessionStateId(SessionState s); // "no-score", "stable", "watch", "rupture", "repaired"

struct SessionStatus
{
    Respondent respondent = Respondent::Child;
    QString measure;
    int sessionIndex = 0;
    SessionState state = SessionState::Stable;
};

// A rule that could not be applied at the latest session of a series or dyad.
struct RuleNote
{
    QString rule; // "own-mean", "reliable-change", "cutoff", "dyad-gap", "trend"
    Respondent respondent = Respondent::Child;
    std::optional<Dyad> dyad;
    QString measure;
    int sessionIndex = 0;
    QString reason; // plain, translated
    QJsonObject toJson() const;
};

enum class RepairState {
    Repaired,
    NotRepaired,
    Pending
};
QString repairStateId(RepairState s); // "repaired", "not-repaired", "pending"

struct RepairOutcome
{
    Respondent respondent = Respondent::Child;
    QString measure;
    int ruptureSession = 0;
    RepairState state = RepairState::Pending;
    std::optional<int> repairedSession;
    QJsonObject evidence; // preMean, sd, rupture score, the repairing score and rule
    QJsonObject toJson() const;
};

struct SeriesFindings
{
    QVector<Alert> alerts;
    QVector<SessionStatus> statuses;
    QVector<RepairOutcome> repairs;
    QVector<RuleNote> notes;
    void append(const SeriesFindings &other);
};

} // namespace triad
