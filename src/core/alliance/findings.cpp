#include "findings.h"

namespace triad {

QString sessionStateId(SessionState s)
{
    switch (s) {
    case SessionState::NoScore:
        return QStringLiteral("no-score");
    case SessionState::Stable:
        return QStringLiteral("stable");
    case SessionState::Watch:
        return QStringLiteral("watch");
    case SessionState::Rupture:
        return QStringLiteral("rupture");
    case SessionState::Repaired:
        break;
    }
    return QStringLiteral("repaired");
}

QString repairStateId(RepairState s)
{
    switch (s) {
    case RepairState::Repaired:
        return QStringLiteral("repaired");
    case RepairState::NotRepaired:
        return QStringLiteral("not-repaired");
    case RepairState::Pending:
        break;
    }
    return QStringLiteral("pending");
}

QJsonObject RuleNote::toJson() const
{
    QJsonObject o{{QStringLiteral("rule"), rule},
                  {QStringLiteral("respondent"), respondentId(respondent)},
                  {QStringLiteral("measure"), measure},
                  {QStringLiteral("sessionIndex"), sessionIndex},
                  {QStringLiteral("reason"), reason}};
    if (dyad)
        o.insert(QStringLiteral("dyad"), dyadId(*dyad));
    return o;
}

QJsonObject RepairOutcome::toJson() const
{
    QJsonObject o{{QStringLiteral("respondent"), respondentId(respondent)},
                  {QStringLiteral("measure"), measure},
                  {QStringLiteral("ruptureSession"), ruptureSession},
                  {QStringLiteral("state"), repairStateId(state)},
                  {QStringLiteral("evidence"), evidence}};
    if (repairedSession)
        o.insert(QStringLiteral("repairedSession"), *repairedSession);
    return o;
}

void SeriesFindings::append(const SeriesFindings &other)
{
    alerts += other.alerts;
    statuses += other.statuses;
    repairs += other.repairs;
    notes += other.notes;
}

} // namespace triad
