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
        const Instrument *in =
            InstrumentCatalog::instance()->find(r.record.instrumentId, r.record.instrumentVersion);
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
    // Never the whole-clinic computation on the UI thread (issue 12): the round's responses
    // just changed the clinic's figures, which the worker works out again meanwhile. Until
    // they are ready the summary shows the scores, and the cards are judged and stored
    // afterwards (RoundFlow calls this again then).
    const auto reading = reader.readNow(round.episodeId);
    if (!reading) {
        *error = reader.errorMessage();
        return {};
    }
    return summarizeReading(ws, round, *reading, error);
}

QVariantMap summarizeReading(Workspace &ws, const Round &round, const EpisodeReading &reading,
                             QString *error)
{
    EpisodeReader reader(ws);
    const insights::EpisodeHistory &history = reading.history;
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

    if (reading.figuresPending)
        return {{QStringLiteral("sessionIndex"), index},
                {QStringLiteral("date"), round.sessionDate.toString(Qt::ISODate)},
                {QStringLiteral("respondents"), respondents},
                {QStringLiteral("alerts"), QVariantList()},
                {QStringLiteral("notes"), QStringList()},
                {QStringLiteral("figuresPending"), true},
                {QStringLiteral("childWantsToTell"), unsaidPrompt(ws, round)}};

    // Stored once: a summary shown again (or remade after a crash) raises nothing new.
    const auto stored = reader.recordSessionAlerts(reading, index);
    if (!stored) {
        *error = reader.errorMessage();
        return {};
    }
    // The core makes one card per person (and dyad) and session (core/alliance/cards.h).
    // Notes (info) are a small mark on that person's score, never a card to act on.
    QVariantList alerts;
    QHash<QString, QStringList> marks; // respondent -> note sentences
    for (const store::AlertRecord &a : *stored) {
        const QJsonObject card = a.evidence.value(QStringLiteral("card")).toObject();
        if (a.severity == QLatin1String("info")) {
            marks[a.respondent] << a.prompt;
            continue;
        }
        const QString measure = a.evidence.value(QStringLiteral("measure")).toString();
        alerts << QVariantMap{
            {QStringLiteral("alertId"), a.id},
            {QStringLiteral("alertIds"), QStringList{a.id}},
            {QStringLiteral("type"), a.type},
            {QStringLiteral("severity"), a.severity},
            {QStringLiteral("respondent"), a.respondent},
            {QStringLiteral("dyad"), a.evidence.value(QStringLiteral("dyad")).toString()},
            {QStringLiteral("measure"), measure},
            {QStringLiteral("measures"), measure.isEmpty() ? QStringList() : QStringList{measure}},
            {QStringLiteral("prompt"), a.prompt},
            {QStringLiteral("details"), card.value(QStringLiteral("details")).toVariant()},
            {QStringLiteral("evidence"), a.evidence.toVariantMap()}};
    }
    for (QVariant &v : respondents) {
        QVariantMap row = v.toMap();
        row.insert(QStringLiteral("marks"),
                   marks.value(row.value(QStringLiteral("respondent")).toString()));
        v = row;
    }

    return {{QStringLiteral("sessionIndex"), index},
            {QStringLiteral("date"), round.sessionDate.toString(Qt::ISODate)},
            {QStringLiteral("respondents"), respondents},
            {QStringLiteral("alerts"), alerts},
            {QStringLiteral("notes"), ruleNoteSentences(reading.analysis, index)},
            {QStringLiteral("figuresPending"), false},
            {QStringLiteral("childWantsToTell"), unsaidPrompt(ws, round)}};
}

} // namespace triad::app
