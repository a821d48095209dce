#include "repair.h"

namespace triad {

RepairOutcome checkRepair(const QVector<SessionPoint> &points, const RepairBaseline &baseline,
                          const RuptureRules &rules)
{
    RepairOutcome out;
    out.ruptureSession = baseline.fromSession;
    const double level = baseline.preMean - rules.repairSd * baseline.sd;
    QJsonObject ev{{QStringLiteral("ruptureScore"), baseline.fromScore},
                   {QStringLiteral("preMean"), baseline.preMean},
                   {QStringLiteral("sd"), baseline.sd},
                   {QStringLiteral("repairLevel"), level}};
    if (baseline.reliableRise)
        ev.insert(QStringLiteral("rcThreshold"), *baseline.reliableRise);

    int seen = 0;
    for (const auto &p : points) {
        if (p.sessionIndex <= baseline.fromSession || !p.score)
            continue;
        if (seen == rules.repairWindow)
            break;
        ++seen;
        const double score = *p.score;
        const bool backToLevel = score >= level;
        const bool reliableRise =
            baseline.reliableRise && score - baseline.fromScore >= *baseline.reliableRise;
        if (backToLevel || reliableRise) {
            out.state = RepairState::Repaired;
            out.repairedSession = p.sessionIndex;
            ev.insert(QStringLiteral("score"), score);
            ev.insert(QStringLiteral("rule"), backToLevel ? QStringLiteral("back-to-level")
                                                          : QStringLiteral("reliable-rise"));
            out.evidence = ev;
            return out;
        }
    }
    out.state = seen < rules.repairWindow ? RepairState::Pending : RepairState::NotRepaired;
    ev.insert(QStringLiteral("laterSessions"), seen);
    out.evidence = ev;
    return out;
}

} // namespace triad
