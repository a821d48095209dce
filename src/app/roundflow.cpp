#include "roundflow.h"

#include "clinicsession.h"
#include "episodeopening.h"
#include "episodereading.h"
#include "instrumentcatalog.h"
#include "roundsummary.h"

#include "core/store/freedmemory.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QQmlEngine>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

RoundFlow *RoundFlow::instance()
{
    static RoundFlow *flow = new RoundFlow;
    return flow;
}

RoundFlow *RoundFlow::create(QQmlEngine *, QJSEngine *)
{
    auto *f = instance();
    QQmlEngine::setObjectOwnership(f, QQmlEngine::CppOwnership);
    return f;
}

RoundFlow *RoundFlow::createDetached(QObject *parent)
{
    return new RoundFlow(parent);
}

RoundFlow::RoundFlow(QObject *parent)
    : QObject(parent)
    , m_questionnaire(new QuestionnaireModel(this))
{
    QQmlEngine::setObjectOwnership(m_questionnaire, QQmlEngine::CppOwnership);
    connect(m_questionnaire, &QuestionnaireModel::answerAccepted, this,
            &RoundFlow::onAnswerAccepted);
    connect(m_questionnaire, &QuestionnaireModel::answerCleared, this, &RoundFlow::onAnswerCleared);
    ClinicSession *session = ClinicSession::instance();
    connect(session, &ClinicSession::workspaceChanged, this, [this, session] {
        // Signed out (not just PIN-locked): the next person must not land in this round.
        // Its drafts stay in the store and are offered for resume at the next sign-in.
        // A PIN lockout in patient mode is not a sign-out: the round waits for a passphrase.
        if (!session->vault().holdsKey() && !session->staffLockout() &&
            m_stage != QLatin1String("idle"))
            reset();
        refreshResume();
    });
    // The cards of a finished round, once the figures are ready; never while a family member
    // answers (storing them writes and fsyncs on this thread), but right after.
    connect(session, &ClinicSession::clinicFiguresChanged, this, &RoundFlow::judgeWhenReady);
    connect(session, &ClinicSession::formRunningChanged, this, &RoundFlow::judgeWhenReady);
    connect(session, &ClinicSession::staffPinChecked, this,
            [this](bool accepted, const QString &message) {
                if (!m_awaitingStaff)
                    return;
                m_awaitingStaff = false;
                if (accepted)
                    leaveAfterCheck();
                else
                    emit staffCheckFailed(fail(message));
            });
    connect(session, &ClinicSession::staffPassphraseChecked, this,
            [this](bool ok, const QString &message) {
                if (!m_awaitingStaff)
                    return;
                m_awaitingStaff = false;
                if (ok)
                    leaveAfterCheck();
                else
                    emit staffCheckFailed(fail(message));
            });
    // A summary's stored cards show about a frame later: a timer due at once ran in the same
    // turn of the event loop as the storing, often (17-18 ms in all).
    m_showCards.setSingleShot(true);
    m_showCards.setInterval(16);
    connect(&m_showCards, &QTimer::timeout, this, [this] {
        // Still that round's summary on screen (Done was not tapped meanwhile).
        if (m_stage == QLatin1String("summary") && m_round.sessionId == m_cardsSessionId) {
            m_summary = m_summaryWithCards;
            emit summaryChanged();
        }
        m_summaryWithCards.clear();
        m_cardsSessionId.clear();
    });
    refreshResume();
}

RoundFlow::~RoundFlow() = default;

QVariantList RoundFlow::plan() const
{
    QVariantList out;
    for (const PlanEntry &e : m_round.plan)
        out << e.toMap();
    return out;
}

QString RoundFlow::currentRespondent() const
{
    return m_current >= 0 ? respondentId(m_round.plan.at(m_current).respondent) : QString();
}

QString RoundFlow::currentName() const
{
    return m_current >= 0 ? m_round.plan.at(m_current).name : QString();
}

QString RoundFlow::currentInstrumentId() const
{
    return m_current >= 0 ? m_round.plan.at(m_current).instrumentId : QString();
}

QStringList RoundFlow::currentLanguages() const
{
    if (m_current < 0)
        return {};
    const PlanEntry &entry = m_round.plan.at(m_current);
    const Instrument *in =
        InstrumentCatalog::instance()->find(entry.instrumentId, entry.instrumentVersion);
    return in ? in->languages : QStringList();
}

QVariantMap RoundFlow::summary() const
{
    // Scores are for the physio: nothing while the family holds the tablet.
    return m_patientMode ? QVariantMap() : m_summary;
}

QVariantList RoundFlow::skipReasons() const
{
    return skipReasonList();
}

void RoundFlow::setStage(const QString &stage)
{
    m_stage = stage;
    if (stage != QLatin1String("handover"))
        m_handoverGate = false;
    syncFormRunning();
    emit stageChanged();
}

void RoundFlow::setPatientMode(bool on)
{
    if (m_patientMode == on)
        return;
    m_patientMode = on;
    if (on) {
        // The tablet goes to a family member. What earlier work freed goes back to the system
        // first (the clinic figures' worker, the integrity check, a PIN's two hash lanes: each
        // thread frees into a malloc arena of its own that nothing else trims), so the forms
        // run as small as they can: 4-7 MiB of the app's PSS stayed behind in one run of three
        // at 2,000 patients (issue 12).
        store::releaseFreedMemory(); // 0.3-0.5 ms here
    }
    syncFormRunning();
    emit stageChanged();
    emit summaryChanged();
}

void RoundFlow::syncFormRunning()
{
    ClinicSession::instance()->setFormRunning(m_patientMode || m_stage == QLatin1String("form"));
}

QString RoundFlow::fail(const QString &message)
{
    m_error = message;
    emit errorMessageChanged();
    return message;
}

void RoundFlow::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    emit errorMessageChanged();
}

void RoundFlow::reset()
{
    m_round = Round();
    m_continued = false;
    m_current = -1;
    m_summary.clear();
    m_showCards.stop();
    m_summaryWithCards.clear();
    m_cardsSessionId.clear();
    m_resuming = false;
    m_questionnaire->setInstrument(Instrument());
    m_patientMode = false;
    setStage(QStringLiteral("idle"));
    emit planChanged();
    emit summaryChanged();
}

void RoundFlow::close()
{
    reset();
    refreshResume();
}

int RoundFlow::nextPending() const
{
    for (int i = 0; i < m_round.plan.size(); ++i)
        if (m_round.plan.at(i).status == QLatin1String("pending"))
            return i;
    return -1;
}

QString RoundFlow::start(const QString &episodeId)
{
    return startRound(episodeId, false);
}

QString RoundFlow::startSeparate(const QString &episodeId)
{
    return startRound(episodeId, true);
}

QString RoundFlow::startRound(const QString &episodeId, bool separate)
{
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (!ws)
        return fail(tr("Please sign in first."));
    if (m_stage != QLatin1String("idle") && m_stage != QLatin1String("summary"))
        return fail(tr("A round is already running; finish or stop it first."));
    // Patient mode can only be left with the physio's PIN: without one the tablet would stay
    // in the family's hands for good.
    if (!session->hasPin())
        return fail(tr("PIN: set your PIN first; it is needed to take the tablet back."));
    const auto episode = ws->episodes.get(episodeId);
    if (!episode)
        return fail(ws->episodes.lastError().message());
    if (!episode->isOpen())
        return fail(tr("This episode is closed; open a new episode for a new round."));
    if (!session->seesAllPatients() && episode->physioId != session->signedInStaffId())
        return fail(tr("This episode belongs to another physiotherapist."));
    const auto patient = ws->patients.get(episode->patientId);
    if (!patient)
        return fail(ws->patients.lastError().message());
    std::optional<store::Session> visit;
    if (!separate)
        visit = visitToContinue(*ws, episode->id, QDate::currentDate());
    const bool continued = visit.has_value();
    if (!visit)
        visit =
            emptyVisitToReuse(*ws, episode->id, QDate::currentDate(), session->signedInStaffId());
    if (!visit)
        visit = ws->sessions.create(episode->id, session->signedInStaffId(), QDate::currentDate());
    if (!visit)
        return fail(ws->sessions.lastError().message());

    Round round = roundFor(ws->patients, *episode, *patient, *visit, session->signedInName(),
                           InstrumentCatalog::instance()->library());
    if (continued) {
        const QString problem = loadProgress(*ws, round);
        if (!problem.isEmpty())
            return fail(tr("Today's session cannot be continued: %1").arg(problem));
    }

    m_round = round;
    m_continued = continued;
    m_current = -1;
    m_summary.clear();
    m_resuming = false;
    clearError();
    emit planChanged();
    emit summaryChanged();
    setStage(QStringLiteral("plan"));
    return {};
}

QString RoundFlow::proceed()
{
    clearError();
    if (m_stage == QLatin1String("plan")) {
        const int next = nextPending();
        if (next < 0) {
            finishRound();
            return {};
        }
        const PlanEntry &entry = m_round.plan.at(next);
        if (!entry.problem.isEmpty())
            return fail(tr("%1. Skip this step with a reason to go on.").arg(entry.problem));
        m_current = next;
        if (entry.respondent == Respondent::Physio) {
            // A draft begun earlier (interrupted, or a continued visit) is reopened as it is.
            if (!entry.responseId.isEmpty())
                return openForm(QString(), false);
            const QStringList languages = currentLanguages();
            const QString mine = ClinicSession::instance()->language();
            return openForm(languages.contains(mine) ? mine : languages.value(0), true);
        }
        // The physio hands the tablet over in person: no gate on this hand-over.
        m_handoverGate = false;
        setPatientMode(true);
        setStage(QStringLiteral("handover"));
        return {};
    }
    if (m_stage == QLatin1String("handover")) {
        if (m_current < 0)
            return fail(tr("Nobody is waiting for the tablet."));
        if (m_handoverGate)
            return fail(tr("%1: press and hold the button with your name to start.")
                            .arg(m_round.plan.at(m_current).name));
        // A draft begun earlier keeps its answers and the language it was started in: one
        // response per respondent and session, never a second draft beside it.
        if (!m_round.plan.at(m_current).responseId.isEmpty())
            return openForm(QString(), false);
        const QStringList languages = currentLanguages();
        if (languages.size() == 1)
            return openForm(languages.first(), true);
        setStage(QStringLiteral("language"));
        return {};
    }
    return fail(tr("There is nothing to go on to from here."));
}

QString RoundFlow::beginForm(const QString &language)
{
    clearError();
    if (m_stage != QLatin1String("language") && m_stage != QLatin1String("handover"))
        return fail(tr("The form cannot start from here."));
    if (m_handoverGate)
        return fail(tr("%1: press and hold the button with your name to start.")
                        .arg(m_round.plan.at(m_current).name));
    if (!currentLanguages().contains(language))
        return fail(tr("Language: this form has no \"%1\" version.").arg(language));
    return openForm(language, true);
}

QString RoundFlow::openHandoverGate()
{
    if (m_stage != QLatin1String("handover"))
        return fail(tr("Nobody is waiting for the tablet."));
    clearError();
    if (m_handoverGate) {
        m_handoverGate = false;
        emit stageChanged();
    }
    return {};
}

QString RoundFlow::openForm(const QString &language, bool startDraft)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws || m_current < 0)
        return fail(tr("Please sign in first."));
    PlanEntry &entry = m_round.plan[m_current];
    // A new draft takes the current form; a stored draft keeps the version it was begun on.
    const bool fresh = startDraft || entry.responseId.isEmpty();
    const QString version = fresh ? QString() : entry.instrumentVersion;
    const Instrument *instrument = InstrumentCatalog::instance()->find(entry.instrumentId, version);
    if (!instrument)
        return fail(
            version.isEmpty()
                ? tr("The form \"%1\" is not installed on this tablet.").arg(entry.instrumentId)
                : tr("The form \"%1\" version %2, on which this draft was begun, is not "
                     "installed on this tablet.")
                      .arg(entry.instrumentId, version));
    entry.instrumentVersion = instrument->version;
    Answers answers;
    QString chosen = language;
    if (fresh) {
        const auto draft = ws->responses.startDraft(
            m_round.sessionId, entry.respondent, *instrument, language,
            entry.respondent == Respondent::Parent ? m_round.guardianId : QString());
        if (!draft)
            return fail(ws->responses.lastError().message());
        entry.responseId = draft->id;
    } else {
        const auto stored = ws->responses.get(entry.responseId);
        if (!stored)
            return fail(ws->responses.lastError().message());
        answers = stored->answers;
        chosen = stored->record.language;
    }
    m_resuming = false;
    // A fresh model state per respondent: nothing of the previous person's answers remains.
    m_questionnaire->setInstrument(*instrument);
    m_questionnaire->setLanguage(chosen);
    m_questionnaire->setChildName(m_round.childName);
    m_questionnaire->setPhysioName(m_round.physioName);
    m_questionnaire->setAnswers(answers);
    emit planChanged();
    setStage(QStringLiteral("form"));
    return {};
}

void RoundFlow::onAnswerAccepted(const QString &itemId, const QVariant &value)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (m_stage != QLatin1String("form") || m_current < 0)
        return;
    const QString responseId = m_round.plan.at(m_current).responseId;
    // The answer is on screen; if it did not reach the disk, the person must know now.
    if (!ws || !ws->responses.saveAnswer(responseId, m_questionnaire->instrument(), itemId, value))
        fail(tr("This answer could not be saved: %1")
                 .arg(ws ? ws->responses.lastError().message() : tr("the tablet is locked")));
    else
        clearError();
}

void RoundFlow::onAnswerCleared(const QString &itemId)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (m_stage != QLatin1String("form") || m_current < 0 || !ws)
        return;
    if (!ws->responses.clearAnswer(m_round.plan.at(m_current).responseId, itemId))
        fail(tr("Clearing this answer was not saved: %1").arg(ws->responses.lastError().message()));
}

QString RoundFlow::storeForm()
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return fail(tr("Please sign in first."));
    if (m_stage != QLatin1String("form") || m_current < 0)
        return fail(tr("No form is open."));
    PlanEntry &entry = m_round.plan[m_current];
    if (entry.status == QLatin1String("done"))
        return {}; // stored already: finishForm() moves on
    if (!m_questionnaire->requiredAnswered()) {
        for (int i = 0; i < m_questionnaire->count(); ++i) {
            const Item &item = m_questionnaire->instrument().items.at(i);
            if (item.required && !m_questionnaire->answers().has(item.id))
                return fail(tr("Question %1 still needs an answer.").arg(i + 1));
        }
    }
    const auto scores = ws->responses.complete(entry.responseId, m_questionnaire->instrument(),
                                               m_questionnaire->answers());
    if (!scores)
        return fail(
            tr("The answers could not be stored: %1").arg(ws->responses.lastError().message()));
    entry.status = QStringLiteral("done");
    clearError();
    return {};
}

QString RoundFlow::finishForm()
{
    const QString problem = storeForm();
    return problem.isEmpty() ? goToNext() : problem;
}

QString RoundFlow::declineForm()
{
    if (m_current < 0 ||
        (m_stage != QLatin1String("form") && m_stage != QLatin1String("language") &&
         m_stage != QLatin1String("handover")))
        return fail(tr("No form is open."));
    // Handed in a moment ago (storeForm): it stands, and the round moves on.
    if (m_round.plan.at(m_current).status == QLatin1String("done"))
        return goToNext();
    const QString problem = skipEntry(m_current, QStringLiteral("declined"));
    if (!problem.isEmpty())
        return problem;
    return goToNext();
}

QString RoundFlow::goToNext()
{
    m_questionnaire->setInstrument(Instrument());
    const int next = nextPending();
    if (m_patientMode) {
        // The family may only be handed on to another family member with a form; anything
        // else (the physio's form, a step to skip, the summary) needs the physio's PIN.
        if (next >= 0 && m_round.plan.at(next).respondent != Respondent::Physio &&
            m_round.plan.at(next).problem.isEmpty()) {
            m_current = next;
            emit planChanged();
            setStage(QStringLiteral("handover"));
            m_handoverGate = true;
            emit stageChanged();
            return {};
        }
        m_current = -1;
        emit planChanged();
        setStage(QStringLiteral("staffPin"));
        return {};
    }
    m_current = -1;
    emit planChanged();
    if (next < 0) {
        finishRound();
        return {};
    }
    setStage(QStringLiteral("plan"));
    return {};
}

bool RoundFlow::leavePatientMode(const QString &pin)
{
    if (!m_patientMode)
        return true;
    if (!ClinicSession::instance()->checkStaffPin(pin)) {
        fail(tr("PIN: that is not the PIN of the signed-in physiotherapist."));
        return false;
    }
    leaveAfterCheck();
    return true;
}

void RoundFlow::leaveWithPin(const QString &pin)
{
    if (!m_patientMode) {
        leaveAfterCheck();
        return;
    }
    m_awaitingStaff = true;
    ClinicSession::instance()->checkStaffPinAsync(pin);
}

void RoundFlow::leaveWithPassphrase(const QString &staffId, const QString &passphrase)
{
    if (!m_patientMode) {
        leaveAfterCheck();
        return;
    }
    m_awaitingStaff = true;
    ClinicSession::instance()->confirmStaffPassphrase(staffId, passphrase);
}

void RoundFlow::leaveAfterCheck()
{
    if (!m_patientMode)
        return;
    clearError();
    const bool afterFamily = m_stage == QLatin1String("staffPin");
    // Interrupted mid-form: the draft stays and the physio decides (go on, or skip).
    m_questionnaire->setInstrument(Instrument());
    m_current = -1;
    setPatientMode(false);
    const int next = nextPending();
    if (next < 0) {
        finishRound();
        return;
    }
    setStage(QStringLiteral("plan"));
    // The usual path: the family is done, the physio's own form comes straight away; after
    // a PIN lockout the plan shows first, with what happened.
    if (afterFamily && ClinicSession::instance()->lockoutNotice().isEmpty() &&
        m_round.plan.at(next).respondent == Respondent::Physio &&
        m_round.plan.at(next).problem.isEmpty())
        proceed();
}

void RoundFlow::finishRound()
{
    Workspace *ws = ClinicSession::instance()->workspace();
    m_current = -1;
    setPatientMode(false);
    QString error;
    m_summary = ws ? summarizeRound(*ws, m_round, &error) : QVariantMap();
    if (!error.isEmpty())
        fail(tr("The summary could not be made: %1").arg(error));
    // The scores are on show at once; the cards follow once the clinic's figures (which
    // this round's responses changed) are worked out again on the worker thread.
    else if (m_summary.value(QStringLiteral("figuresPending")).toBool())
        m_alertsToJudge.append({m_round.episodeId, m_round.sessionId});
    emit summaryChanged();
    emit planChanged();
    setStage(QStringLiteral("summary"));
    emit roundFinished(m_round.sessionId);
}

void RoundFlow::judgeWhenReady()
{
    const ClinicSession *session = ClinicSession::instance();
    if (!session->clinicFiguresWorking() && !session->formRunning() && !m_alertsToJudge.isEmpty())
        judgeWaitingAlerts();
}

void RoundFlow::judgeWaitingAlerts()
{
    ClinicSession *session = ClinicSession::instance();
    if (!session->workspace() || m_judging)
        return; // kept until someone signs in again; or judged when the read under way is back
    bool failed = false;
    const insights::ClinicFigures *figures = session->readyClinicFigures(&failed);
    if (!figures && !failed)
        return; // judged when they are ready (clinicFiguresChanged)
    if (failed || session->database().path().isEmpty()) {
        judgeOnThisThread(); // says what failed; or a database without a file
        return;
    }
    // The episodes are read on the reader pool's connection, in a snapshot with this round's
    // responses, against a copy of the figures; the cards are then judged and stored here
    // (issue 12: read, stored and shown in one turn, the cards' arrival blocked the UI thread
    // 17-25 ms at 2,000 patients).
    const QVector<QPair<QString, QString>> batch = m_alertsToJudge;
    EpisodeSource source = workerSource(figures);
    m_judging = true;
    using Watcher = QFutureWatcher<QVector<EpisodeOpening>>;
    auto *watcher = new Watcher(this);
    connect(watcher, &Watcher::finished, this, [this, watcher, batch] {
        watcher->deleteLater();
        m_judging = false;
        judgeRead(batch, watcher->result());
        judgeWhenReady(); // rounds that finished meanwhile
    });
    watcher->setFuture(
        QtConcurrent::run(session->readerPool(), [source = std::move(source), batch] {
            QVector<EpisodeOpening> readings;
            for (const auto &entry : batch)
                readings << readEpisodeAt(source, entry.first);
            return readings;
        }));
}

void RoundFlow::judgeRead(const QVector<QPair<QString, QString>> &batch,
                          const QVector<EpisodeOpening> &readings)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws || readings.size() != batch.size())
        return; // signed out meanwhile: still waiting, judged after the next sign-in
    for (int i = 0; i < batch.size(); ++i) {
        const auto &[episodeId, sessionId] = batch.at(i);
        m_alertsToJudge.removeOne(batch.at(i));
        const EpisodeOpening &read = readings.at(i);
        if (!read.error.isEmpty()) {
            fail(tr("The alert cards of a finished round could not be stored: %1").arg(read.error));
            continue;
        }
        if (m_stage == QLatin1String("summary") && m_round.sessionId == sessionId) {
            // The summary of that round still on screen: made again, now with its cards. They
            // are stored now and shown on a later turn of the event loop, so storing them (a
            // write with its fsync) and building them on screen are not one long turn.
            QString error;
            const QVariantMap summary = summarizeReading(*ws, m_round, read.reading, &error);
            if (!error.isEmpty()) {
                fail(tr("The alert cards of this session could not be worked out: %1").arg(error));
                continue;
            }
            m_summaryWithCards = summary;
            m_cardsSessionId = sessionId;
            m_showCards.start();
        } else {
            EpisodeReader reader(*ws);
            if (!reader.recordSessionAlerts(read.reading,
                                            read.reading.history.indexOf(sessionId))) {
                fail(tr("The alert cards of a finished round could not be stored: %1")
                         .arg(reader.errorMessage()));
                continue;
            }
        }
        emit cardsStored(episodeId);
    }
}

// Reads, judges and stores here, in one go: with a database without a file, and to say
// what went wrong when the figures could not be worked out.
void RoundFlow::judgeOnThisThread()
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return; // kept until someone signs in again
    QVector<QPair<QString, QString>> waiting;
    for (const auto &[episodeId, sessionId] : std::as_const(m_alertsToJudge)) {
        // The summary of that round still on screen: made again, now with its cards.
        if (m_stage == QLatin1String("summary") && m_round.sessionId == sessionId) {
            QString error;
            const QVariantMap summary = summarizeRound(*ws, m_round, &error);
            if (!error.isEmpty()) {
                fail(tr("The alert cards of this session could not be worked out: %1").arg(error));
                continue;
            }
            if (summary.value(QStringLiteral("figuresPending")).toBool()) {
                waiting.append({episodeId, sessionId});
                continue;
            }
            m_summary = summary;
            emit summaryChanged();
            emit cardsStored(episodeId);
            continue;
        }
        EpisodeReader reader(*ws);
        const auto reading = reader.readNow(episodeId);
        if (reading && reading->figuresPending) {
            waiting.append({episodeId, sessionId});
            continue;
        }
        if (!reading || !reader.recordSessionAlerts(*reading, reading->history.indexOf(sessionId)))
            fail(tr("The alert cards of a finished round could not be stored: %1")
                     .arg(reader.errorMessage()));
        else
            emit cardsStored(episodeId);
    }
    m_alertsToJudge = waiting;
}

} // namespace triad::app
