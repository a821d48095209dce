#include "cardstate.h"

namespace triad::insights {

bool resolvedByRepair(const store::AlertRecord &alert, const EpisodeHistory &history,
                      const EpisodeAnalysis &analysis)
{
    if (alert.evidence.contains(QStringLiteral("dyad")))
        return false;
    const int index = history.indexOf(alert.sessionId);
    if (index <= 0)
        return false;
    for (const RepairOutcome &r : analysis.repairs)
        if (r.state == RepairState::Repaired && r.ruptureSession == index &&
            respondentId(r.respondent) == alert.respondent && r.measure == QLatin1String("total"))
            return true;
    return false;
}

QVector<store::AlertRecord> unacknowledgedActToday(const QVector<store::AlertRecord> &stored)
{
    QVector<store::AlertRecord> out;
    for (const store::AlertRecord &a : stored)
        if (a.severity == QLatin1String("concern") && a.acknowledgedAt.isEmpty())
            out << a;
    return out;
}

QVector<store::AlertRecord> openActTodayCards(const QVector<store::AlertRecord> &stored,
                                              const EpisodeHistory &history,
                                              const EpisodeAnalysis &analysis)
{
    QVector<store::AlertRecord> out;
    for (const store::AlertRecord &a : unacknowledgedActToday(stored))
        if (!resolvedByRepair(a, history, analysis))
            out << a;
    return out;
}

} // namespace triad::insights
