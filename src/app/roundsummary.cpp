#include "roundsummary.h"

#include "clinicsession.h"
#include "episodehistory.h"

#include <QCoreApplication>

namespace triad::app {

namespace {

QVariant rounded(const std::optional<double> &v)
{
    return v ? QVariant(qRound(*v * 10) / 10.0) : QVariant();
}

// Alerts are stored once per session: a summary shown again (or recomputed after a crash)
// must not raise the same alert twice.
QVector<store::AlertRecord> storeAlerts(Workspace &ws, const Round &round,
                                        const QVector<Alert> &alerts, QString *error)
{
    QVector<store::AlertRecord> stored;
    for (const auto &a : ws.alerts.forEpisode(round.episodeId))
        if (a.sessionId == round.sessionId)
            stored << a;
    if (!stored.isEmpty() || alerts.isEmpty())
        return stored;
    for (const Alert &alert : alerts) {
        store::AlertRecord r;
        r.episodeId = round.episodeId;
        r.sessionId = round.sessionId;
        r.type = alert.typeId();
        r.respondent = respondentId(alert.respondent);
        r.severity = severityId(alert.severity);
        r.evidence = alert.evidence;
        r.evidence.insert(QStringLiteral("measure"), alert.measure);
        if (alert.dyad)
            r.evidence.insert(QStringLiteral("dyad"), dyadId(*alert.dyad));
        r.prompt = alert.prompt;
        const auto raised = ws.alerts.raise(r);
        if (!raised) {
            *error = ws.alerts.lastError().message();
            return stored;
        }
        stored << *raised;
    }
    return stored;
}

} // namespace

QVariantMap summarizeRound(Workspace &ws, const Round &round, QString *error)
{
    const auto history = loadEpisodeHistory(ws, round.episodeId);
    if (!history) {
        *error = ws.responses.lastError().message();
        return {};
    }
    const int index = history->indexOf(round.sessionId);

    const SessionScores *held = index > 0 ? &history->sessions.at(index - 1) : nullptr;
    QVariantList respondents;
    for (const PlanEntry &e : round.plan) {
        const QString who = respondentId(e.respondent);
        // The stored skip is the record (also after a resume): its reason is the exact one.
        QString status = e.status;
        QString reason = e.reason;
        if (held && held->skipReason.contains(who)) {
            status = held->status.value(who);
            reason = held->skipReason.value(who);
        }
        const auto now = history->scoreAt(index, who, QStringLiteral("total"));
        const auto before = history->previous(index, who, QStringLiteral("total"));
        QVariantMap row{{QStringLiteral("respondent"), who},
                        {QStringLiteral("name"), e.name},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("reason"), reason},
                        {QStringLiteral("reasonLabel"), skipReasonLabel(reason)},
                        {QStringLiteral("now"), rounded(now)},
                        {QStringLiteral("previous"), before ? rounded(before->second) : QVariant()},
                        {QStringLiteral("previousSession"), before ? before->first : QVariant()},
                        {QStringLiteral("change"),
                         now && before ? rounded(*now - before->second) : QVariant()}};
        respondents << row;
    }

    EpisodeInput input;
    input.childFirstName = round.childName;
    input.series = history->series;
    input.responses = history->quality;
    const EpisodeAnalysis analysis = EpisodeAnalyzer().analyze(input);
    const auto stored = storeAlerts(ws, round, analysis.alertsAt(index), error);
    if (!error->isEmpty())
        return {};

    QVariantList alerts;
    for (const store::AlertRecord &a : stored)
        alerts << QVariantMap{
            {QStringLiteral("alertId"), a.id},
            {QStringLiteral("type"), a.type},
            {QStringLiteral("severity"), a.severity},
            {QStringLiteral("respondent"), a.respondent},
            {QStringLiteral("measure"), a.evidence.value(QStringLiteral("measure")).toString()},
            {QStringLiteral("prompt"), a.prompt}};
    QStringList notes;
    for (const RuleNote &n : analysis.notes)
        if (n.sessionIndex == index && !notes.contains(n.reason))
            notes << n.reason;

    return {{QStringLiteral("sessionIndex"), index},
            {QStringLiteral("date"), round.sessionDate.toString(Qt::ISODate)},
            {QStringLiteral("respondents"), respondents},
            {QStringLiteral("alerts"), alerts},
            {QStringLiteral("notes"), notes}};
}

} // namespace triad::app
