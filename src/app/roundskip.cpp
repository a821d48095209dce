// RoundFlow: skipping a respondent (absent, declined, too distressed, no form for the age)
// and stopping a round. A skip is stored (store::RoundSkipRepository, schema v3), never just
// forgotten, so the history shows who did not answer and why.
#include "clinicsession.h"
#include "roundflow.h"

namespace triad::app {

QString RoundFlow::skip(const QString &respondent, const QString &reason)
{
    if (m_patientMode)
        return fail(tr("Leave patient mode with your PIN first."));
    if (m_stage != QLatin1String("plan"))
        return fail(tr("Steps can be skipped from the round's plan only."));
    const auto who = respondentFromId(respondent);
    if (!who)
        return fail(tr("Respondent: \"%1\" is not child, parent or physio.").arg(respondent));
    if (!isSkipReason(reason))
        return fail(tr("Reason: please choose a reason from the list."));
    for (int i = 0; i < m_round.plan.size(); ++i) {
        if (m_round.plan.at(i).respondent != *who)
            continue;
        if (m_round.plan.at(i).status != QLatin1String("pending"))
            return fail(tr("This step is already finished."));
        const QString problem = skipEntry(i, reason);
        if (problem.isEmpty())
            clearError();
        return problem;
    }
    return fail(tr("Respondent: not part of this round."));
}

QString RoundFlow::skipEntry(int index, const QString &reason)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return fail(tr("Please sign in first."));
    PlanEntry &entry = m_round.plan[index];
    if (entry.responseId.isEmpty()) {
        // Not begun: a skip row alone says who did not answer and why. It needs no form, so
        // a child whose age fits no form is recorded like anyone else.
        if (!ws->skips.skip(m_round.sessionId, entry.respondent, reason))
            return fail(ws->skips.lastError().message());
    } else {
        // Begun: the draft is declined as ever (the response vocabulary has no "absent"), and
        // the skip row beside it keeps the exact reason, both in one transaction.
        if (!ws->responses.declineAsSkip(entry.responseId,
                                         storedDeclineReason(reason, entry.respondent), reason))
            return fail(ws->responses.lastError().message());
    }
    entry.status = reason == QLatin1String("declined") ? QStringLiteral("declined")
                                                       : QStringLiteral("skipped");
    entry.reason = reason;
    if (m_current == index)
        m_current = -1;
    emit planChanged();
    return {};
}

QString RoundFlow::abandon(const QString &reason)
{
    if (m_patientMode)
        return fail(tr("Leave patient mode with your PIN first."));
    if (m_stage == QLatin1String("idle"))
        return {};
    if (!isSkipReason(reason))
        return fail(tr("Reason: please choose a reason from the list."));
    // Only a form already begun has a draft to close; steps not reached leave no row.
    for (int i = 0; i < m_round.plan.size(); ++i) {
        const PlanEntry &e = m_round.plan.at(i);
        if (e.status == QLatin1String("pending") && !e.responseId.isEmpty()) {
            const QString problem = skipEntry(i, reason);
            if (!problem.isEmpty())
                return problem;
        }
    }
    close();
    return {};
}

} // namespace triad::app
