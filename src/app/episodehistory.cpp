#include "episodehistory.h"

#include "clinicsession.h"
#include "instrumentcatalog.h"

#include <QDateTime>

namespace triad::app {

QStringList historyMeasures()
{
    return {QStringLiteral("total"), QStringLiteral("goal"), QStringLiteral("task"),
            QStringLiteral("bond")};
}

int EpisodeHistory::indexOf(const QString &sessionId) const
{
    for (const auto &s : sessions)
        if (s.session.id == sessionId)
            return s.index;
    return 0;
}

std::optional<double> EpisodeHistory::scoreAt(int sessionIndex, const QString &respondent,
                                              const QString &measure) const
{
    for (const auto &s : sessions) {
        if (s.index != sessionIndex)
            continue;
        const auto byMeasure = s.scores.value(respondent);
        if (byMeasure.contains(measure))
            return byMeasure.value(measure);
    }
    return std::nullopt;
}

std::optional<QPair<int, double>>
EpisodeHistory::previous(int sessionIndex, const QString &respondent, const QString &measure) const
{
    for (int i = sessionIndex - 1; i >= 1; --i)
        if (const auto s = scoreAt(i, respondent, measure))
            return qMakePair(i, *s);
    return std::nullopt;
}

namespace {

std::optional<double> secondsBetween(const QString &from, const QString &to)
{
    const QDateTime a = QDateTime::fromString(from, Qt::ISODateWithMs);
    const QDateTime b = QDateTime::fromString(to, Qt::ISODateWithMs);
    if (!a.isValid() || !b.isValid())
        return std::nullopt;
    return a.msecsTo(b) / 1000.0;
}

ResponseQualityInput qualityOf(const store::StoredResponse &r, const Instrument &instrument,
                               int sessionIndex)
{
    ResponseQualityInput q;
    q.respondent = r.record.respondent;
    q.sessionIndex = sessionIndex;
    bool anyReverse = false;
    for (const Item *item : instrument.scoredItems()) {
        if (!r.answers.has(item->id))
            continue;
        const ResponseFormat *format = instrument.format(item->formatId);
        if (!format)
            continue;
        q.answerPositions << toPercent(*format, r.answers.value(item->id).toDouble());
        if (const auto keyed = itemValue(instrument, *item, r.answers))
            q.keyedValues << *keyed;
        anyReverse = anyReverse || item->reverse;
    }
    if (!anyReverse)
        q.keyedValues.clear();
    q.durationSeconds = secondsBetween(r.record.startedAt, r.record.completedAt);
    return q;
}

} // namespace

std::optional<EpisodeHistory> loadEpisodeHistory(Workspace &ws, const QString &episodeId)
{
    EpisodeHistory history;
    // Repositories report failures through the shared lastError() and do not clear it on
    // success: start clean so an old failure (a wrong passphrase) is not read as this one's.
    ClinicSession::instance()->database().clearError();
    const auto sessions = ws.sessions.forEpisode(episodeId);
    if (ws.sessions.lastError().isError())
        return std::nullopt;
    QHash<QString, int> indexOf;
    for (const auto &s : sessions) {
        SessionScores ss;
        ss.session = s;
        ss.index = int(history.sessions.size()) + 1;
        indexOf.insert(s.id, ss.index);
        history.sessions << ss;
    }
    const auto responses = ws.responses.forEpisode(episodeId);
    if (ws.responses.lastError().isError())
        return std::nullopt;

    // The figures of the latest form each respondent used: a child moving up an age band
    // is judged by the form they answer now.
    QHash<QString, Psychometrics> declared;
    const InstrumentCatalog *catalog = InstrumentCatalog::instance();
    for (const auto &r : responses) {
        const int index = indexOf.value(r.record.sessionId);
        if (index == 0)
            continue;
        SessionScores &ss = history.sessions[index - 1];
        const QString who = respondentId(r.record.respondent);
        ss.status.insert(who, store::responseStatusId(r.record.status));
        if (r.record.status != store::ResponseStatus::Complete)
            continue;
        auto &byMeasure = ss.scores[who];
        if (r.scores.total.scorable)
            byMeasure.insert(QStringLiteral("total"), r.scores.total.normalised);
        for (const Score &c : r.scores.constructs)
            if (c.scorable)
                byMeasure.insert(c.id, c.normalised);
        if (const Instrument *instrument = catalog->find(r.record.instrumentId)) {
            declared.insert(who, instrument->scoring.totalPsychometrics);
            history.quality << qualityOf(r, *instrument, index);
        }
    }

    // Skips carry the exact reason (an absence is no longer a decline "other"); a step skipped
    // before its form began has no response at all.
    const auto skips = ws.skips.forEpisode(episodeId);
    if (ws.skips.lastError().isError())
        return std::nullopt;
    for (const store::RoundSkip &k : skips) {
        const int index = indexOf.value(k.sessionId);
        if (index == 0)
            continue;
        SessionScores &ss = history.sessions[index - 1];
        const QString who = respondentId(k.respondent);
        if (ss.status.value(who) == QLatin1String("complete"))
            continue;
        ss.skipReason.insert(who, k.reason);
        ss.status.insert(who, k.reason == QLatin1String("declined") ? QStringLiteral("declined")
                                                                    : QStringLiteral("skipped"));
    }

    for (Respondent r : {Respondent::Child, Respondent::Parent, Respondent::Physio}) {
        const QString who = respondentId(r);
        for (const QString &measure : historyMeasures()) {
            MeasureSeries series;
            series.respondent = r;
            series.measure = measure;
            if (measure == QLatin1String("total"))
                series.figures.declared = declared.value(who);
            bool any = false;
            for (const auto &ss : history.sessions) {
                SessionPoint p;
                p.sessionIndex = ss.index;
                p.date = ss.session.date;
                const auto byMeasure = ss.scores.value(who);
                if (byMeasure.contains(measure)) {
                    p.score = byMeasure.value(measure);
                    any = true;
                }
                series.points << p;
            }
            if (any)
                history.series << series;
        }
    }
    return history;
}

} // namespace triad::app
