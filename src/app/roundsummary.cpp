#include "roundsummary.h"

#include "clinicsession.h"
#include "episodereading.h"
#include "instrumentcatalog.h"

#include <QCoreApplication>

namespace triad::app {

namespace {

QVariant rounded(const std::optional<double> &v)
{
    return v ? QVariant(qRound(*v * 10) / 10.0) : QVariant();
}

// A "yes" to the child's "is there something you want to tell?" item (facet "unsaid"),
// which no score carries: it must reach the physio as a plain prompt.
QString unsaidPrompt(Workspace &ws, const Round &round)
{
    for (const auto &r : ws.responses.forSession(round.sessionId)) {
        if (r.record.respondent != Respondent::Child ||
            r.record.status != store::ResponseStatus::Complete)
            continue;
        const Instrument *in = InstrumentCatalog::instance()->find(r.record.instrumentId);
        if (!in)
            continue;
        for (const Item &item : in->items) {
            const ResponseFormat *format = in->format(item.formatId);
            if (item.facet == QLatin1String("unsaid") && format &&
                format->kind == FormatKind::YesNo && r.answers.value(item.id).toBool())
                return QCoreApplication::translate(
                           "RoundSummary",
                           "%1 answered \"yes\": there is something %1 wants to tell you. Ask "
                           "about it, in private if needed.")
                    .arg(round.childName);
        }
    }
    return {};
}

} // namespace

QVariantMap summarizeRound(Workspace &ws, const Round &round, QString *error)
{
    EpisodeReader reader(ws);
    const auto reading = reader.read(round.episodeId);
    if (!reading) {
        *error = reader.errorMessage();
        return {};
    }
    const insights::EpisodeHistory &history = reading->history;
    const int index = history.indexOf(round.sessionId);

    const insights::SessionRow *held = index > 0 ? &history.sessions.at(index - 1) : nullptr;
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
        const auto now = history.scoreAt(index, who, QStringLiteral("total"));
        const auto before = history.previous(index, who, QStringLiteral("total"));
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

    // Stored once: a summary shown again (or remade after a crash) raises nothing new.
    const auto stored = reader.recordSessionAlerts(*reading, index);
    if (!stored) {
        *error = reader.errorMessage();
        return {};
    }
    // One card per thing to talk about: the same sentence for the same person (a drop seen
    // on the total and on goals and bond, say) is shown once, naming every measure.
    QVariantList alerts;
    QHash<QString, int> cardOf; // respondent + prompt -> index in alerts
    for (const store::AlertRecord &a : *stored) {
        const QString measure = a.evidence.value(QStringLiteral("measure")).toString();
        const QString key = a.respondent + QLatin1Char('\n') + a.prompt;
        if (const auto it = cardOf.constFind(key); it != cardOf.constEnd()) {
            QVariantMap card = alerts.at(*it).toMap();
            QStringList measures = card.value(QStringLiteral("measures")).toStringList();
            if (!measure.isEmpty() && !measures.contains(measure))
                measures << measure;
            const QStringList order{QStringLiteral("total"), QStringLiteral("goal"),
                                    QStringLiteral("task"), QStringLiteral("bond")};
            std::sort(measures.begin(), measures.end(), [&](const QString &x, const QString &y) {
                return order.indexOf(x) < order.indexOf(y);
            });
            card.insert(QStringLiteral("measures"), measures);
            card.insert(QStringLiteral("alertIds"),
                        card.value(QStringLiteral("alertIds")).toStringList() << a.id);
            alerts[*it] = card;
            continue;
        }
        cardOf.insert(key, int(alerts.size()));
        alerts << QVariantMap{
            {QStringLiteral("alertId"), a.id},
            {QStringLiteral("alertIds"), QStringList{a.id}},
            {QStringLiteral("type"), a.type},
            {QStringLiteral("severity"), a.severity},
            {QStringLiteral("respondent"), a.respondent},
            {QStringLiteral("measure"), measure},
            {QStringLiteral("measures"), measure.isEmpty() ? QStringList() : QStringList{measure}},
            {QStringLiteral("prompt"), a.prompt},
            {QStringLiteral("evidence"), a.evidence.toVariantMap()}};
    }

    return {{QStringLiteral("sessionIndex"), index},
            {QStringLiteral("date"), round.sessionDate.toString(Qt::ISODate)},
            {QStringLiteral("respondents"), respondents},
            {QStringLiteral("alerts"), alerts},
            {QStringLiteral("notes"), ruleNoteSentences(reading->analysis, index)},
            {QStringLiteral("childWantsToTell"), unsaidPrompt(ws, round)}};
}

} // namespace triad::app
