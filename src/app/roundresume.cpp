// RoundFlow: finding and reopening a round a crash or a flat battery interrupted.
#include "clinicsession.h"
#include "instrumentcatalog.h"
#include "roundflow.h"

#include <QLocale>
#include <QSet>

namespace triad::app {

namespace {

QString respondentWords(Respondent r)
{
    switch (r) {
    case Respondent::Child:
        return RoundFlow::tr("the child's form");
    case Respondent::Parent:
        return RoundFlow::tr("the parent's form");
    case Respondent::Physio:
        return RoundFlow::tr("your own form");
    }
    return {};
}

// The form version the draft was begun on, current or archived.
const Instrument *formOf(const store::ResponseRecord &record)
{
    return InstrumentCatalog::instance()->find(record.instrumentId, record.instrumentVersion);
}

} // namespace

QString RoundFlow::loadProgress(Workspace &ws, Round &round)
{
    // What the session already holds decides each step: answered, declined, or in progress.
    for (const auto &stored : ws.responses.forSession(round.sessionId)) {
        for (PlanEntry &entry : round.plan) {
            if (entry.respondent != stored.record.respondent)
                continue;
            entry.responseId = stored.record.id;
            entry.instrumentId = stored.record.instrumentId;
            entry.instrumentVersion = stored.record.instrumentVersion;
            if (stored.record.status == store::ResponseStatus::Complete) {
                entry.status = QStringLiteral("done");
            } else if (stored.record.status == store::ResponseStatus::Declined) {
                entry.reason = skipReasonFromStored(stored.record.declineReason);
                entry.status = entry.reason == QLatin1String("declined")
                                   ? QStringLiteral("declined")
                                   : QStringLiteral("skipped");
            }
        }
    }
    // Skips (schema v3) carry the exact reason, and are the only row of a step skipped
    // before its form began. The shared error is cleared first: a stale one must not read as
    // this query's failure.
    ClinicSession::instance()->database().clearError();
    const auto skips = ws.skips.forSession(round.sessionId);
    if (ws.skips.lastError().isError())
        return ws.skips.lastError().message();
    for (const store::RoundSkip &skip : skips) {
        for (PlanEntry &entry : round.plan) {
            if (entry.respondent != skip.respondent)
                continue;
            entry.reason = skip.reason;
            entry.status = skip.reason == QLatin1String("declined") ? QStringLiteral("declined")
                                                                    : QStringLiteral("skipped");
        }
    }
    return {};
}

std::optional<store::Session> RoundFlow::visitToContinue(Workspace &ws, const QString &episodeId,
                                                         const QDate &day)
{
    // One session per visit: today's session of this episode is continued when someone
    // began answering and somebody is still to do, unless the round was stopped (a stop
    // with a form open leaves a skip row). Finished or stopped visits are not reopened.
    std::optional<store::Session> found;
    for (const store::Session &s : ws.sessions.forEpisode(episodeId)) {
        if (s.date != day)
            continue;
        bool draft = false;
        bool complete = false;
        QSet<int> answered;
        for (const auto &r : ws.responses.forSession(s.id)) {
            draft = draft || r.record.status == store::ResponseStatus::Draft;
            complete = complete || r.record.status == store::ResponseStatus::Complete;
            if (r.record.status != store::ResponseStatus::Draft)
                answered.insert(int(r.record.respondent));
        }
        const auto skips = ws.skips.forSession(s.id);
        for (const store::RoundSkip &k : skips)
            answered.insert(int(k.respondent));
        const bool someonePending = answered.size() < 3;
        if (draft || (complete && skips.isEmpty() && someonePending))
            if (!found || s.createdAt > found->createdAt)
                found = s;
    }
    return found;
}

std::optional<store::Session> RoundFlow::emptyVisitToReuse(Workspace &ws, const QString &episodeId,
                                                           const QDate &day,
                                                           const QString &physioId)
{
    const QVector<store::Session> all = ws.sessions.forEpisode(episodeId);
    if (all.isEmpty() || all.last().date != day || all.last().physioId != physioId)
        return std::nullopt;
    ClinicSession::instance()->database().clearError(); // lastError() outlives a success
    const QVector<store::Session> recorded = ws.sessions.recordedForEpisode(episodeId);
    if (ws.sessions.lastError().isError())
        return std::nullopt;
    if (!recorded.isEmpty() && recorded.last().id == all.last().id)
        return std::nullopt;
    return all.last();
}

bool RoundFlow::roundDoneToday(const QString &episodeId)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return false;
    if (visitToContinue(*ws, episodeId, QDate::currentDate()))
        return false;
    for (const store::Session &s : ws->sessions.forEpisode(episodeId))
        if (s.date == QDate::currentDate() && !ws->responses.forSession(s.id).isEmpty())
            return true;
    return false;
}

void RoundFlow::refreshResume()
{
    const QString before = m_resumeResponseId;
    m_resumeResponseId.clear();
    m_resumeDescription.clear();
    m_resumeItemIndex = 0;
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (ws && m_stage == QLatin1String("idle")) {
        // The newest draft of a session this physio ran: that is the round they were in.
        const store::ResumePoint *best = nullptr;
        // The item index is taken below from the draft's own form version.
        const auto drafts = ws->responses.unfinishedDrafts({});
        for (const auto &point : drafts) {
            const auto s = ws->sessions.get(point.record.sessionId);
            if (!s || s->physioId != session->signedInStaffId())
                continue;
            if (!best || point.record.updatedAt > best->record.updatedAt)
                best = &point;
        }
        if (best) {
            const auto s = ws->sessions.get(best->record.sessionId);
            const auto e = s ? ws->episodes.get(s->episodeId) : std::nullopt;
            const auto p = e ? ws->patients.get(e->patientId) : std::nullopt;
            const Instrument *in = formOf(best->record);
            if (p && in) {
                m_resumeResponseId = best->record.id;
                m_resumeItemIndex = store::ResponseRepository::resumeIndex(*in, best->answers);
                m_resumeDescription =
                    tr("%1's round of %2 was interrupted in %3, at question %4 of %5.")
                        .arg(firstName(p->name), QLocale().toString(s->date, QLocale::LongFormat),
                             respondentWords(best->record.respondent))
                        .arg(std::min(m_resumeItemIndex + 1, int(in->items.size())))
                        .arg(in->items.size());
            }
        }
    }
    if (before != m_resumeResponseId || !before.isEmpty())
        emit resumeChanged();
}

QString RoundFlow::resume()
{
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (!ws)
        return fail(tr("Please sign in first."));
    if (m_resumeResponseId.isEmpty())
        return fail(tr("There is no interrupted round to resume."));
    const auto draft = ws->responses.record(m_resumeResponseId);
    const auto s = draft ? ws->sessions.get(draft->sessionId) : std::nullopt;
    const auto episode = s ? ws->episodes.get(s->episodeId) : std::nullopt;
    const auto patient = episode ? ws->patients.get(episode->patientId) : std::nullopt;
    if (!patient)
        return fail(tr("The interrupted round cannot be opened: %1")
                        .arg(ws->responses.lastError().message()));

    Round round =
        roundFor(ws->patients, *episode, *patient, *s, session->displayNameOf(s->physioId),
                 InstrumentCatalog::instance()->library());

    const QString loadProblem = loadProgress(*ws, round);
    if (!loadProblem.isEmpty())
        return fail(tr("The interrupted round cannot be opened: %1").arg(loadProblem));

    m_round = round;
    m_summary.clear();
    m_current = -1;
    for (int i = 0; i < m_round.plan.size(); ++i)
        if (m_round.plan.at(i).responseId == m_resumeResponseId)
            m_current = i;
    if (m_current < 0)
        return fail(tr("The interrupted round cannot be opened."));
    clearError();
    emit planChanged();
    emit summaryChanged();
    m_resumeResponseId.clear();
    m_resumeDescription.clear();
    emit resumeChanged();

    // The form reopens with every saved answer, at the first unanswered question.
    const QString problem = openForm(QString(), false);
    if (!problem.isEmpty())
        return problem;
    if (m_round.plan.at(m_current).respondent != Respondent::Physio) {
        // The physio hands the tablet back to the child or parent.
        m_resuming = true;
        setPatientMode(true);
        setStage(QStringLiteral("handover"));
    }
    return {};
}

} // namespace triad::app
