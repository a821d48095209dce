#pragma once
// The end-of-session round: child -> parent -> physio, each on their own form, then the
// summary. Stages, as the screens show them:
//
//   idle --start()--> plan --proceed()--> handover --proceed()--> language --beginForm()-->
//   form --finishForm()/declineForm()--> handover (next family member) | staffPin | summary
//   staffPin --leavePatientMode(pin)--> plan (the physio's turn, skips, or going on)
//
// Patient mode (no navigation, staff PIN to leave) runs from the first hand-over until the
// physio's PIN. Every accepted answer is saved as a draft at once, so a crash loses nothing
// and resume() reopens the round at the same respondent and item. The child's answers and
// every score stay hidden while the tablet is in the family's hands.

#include "questionnairemodel.h"
#include "roundplan.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>
#include <QVariantMap>

class QQmlEngine;
class QJSEngine;

namespace triad::app {

struct Workspace;
struct EpisodeOpening;

class RoundFlow : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged)
    Q_PROPERTY(QVariantList plan READ plan NOTIFY planChanged)
    Q_PROPERTY(QString episodeId READ episodeId NOTIFY planChanged)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY planChanged)
    Q_PROPERTY(QString currentRespondent READ currentRespondent NOTIFY stageChanged)
    Q_PROPERTY(QString currentName READ currentName NOTIFY stageChanged)
    Q_PROPERTY(QString currentInstrumentId READ currentInstrumentId NOTIFY stageChanged)
    Q_PROPERTY(QStringList currentLanguages READ currentLanguages NOTIFY stageChanged)
    Q_PROPERTY(bool patientMode READ patientMode NOTIFY stageChanged)
    Q_PROPERTY(triad::app::QuestionnaireModel *questionnaire READ questionnaire CONSTANT)
    Q_PROPERTY(QString childName READ childName NOTIFY planChanged)
    Q_PROPERTY(QString physioName READ physioName NOTIFY planChanged)
    Q_PROPERTY(QVariantMap summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(bool resumeAvailable READ resumeAvailable NOTIFY resumeChanged)
    Q_PROPERTY(QString resumeDescription READ resumeDescription NOTIFY resumeChanged)
    Q_PROPERTY(int resumeItemIndex READ resumeItemIndex NOTIFY resumeChanged)
    Q_PROPERTY(QVariantList skipReasons READ skipReasons CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // The round continues a session begun earlier today (what was answered is kept).
    Q_PROPERTY(bool continued READ continued NOTIFY planChanged)
    // The hand-over after a family member finished: the next form opens only after the
    // deliberate step of openHandoverGate() (a press-and-hold naming the next person), so
    // the child who just finished cannot open the parent's form by tapping on.
    Q_PROPERTY(bool handoverGate READ handoverGate NOTIFY stageChanged)

public:
    static RoundFlow *instance();
    static RoundFlow *create(QQmlEngine *, QJSEngine *);
    // A separate flow on the same store, for tests and tools that play a second tablet
    // session (QML always uses the singleton).
    static RoundFlow *createDetached(QObject *parent);
    ~RoundFlow() override;

    QString stage() const { return m_stage; }
    QVariantList plan() const;
    QString episodeId() const { return m_round.episodeId; }
    QString sessionId() const { return m_round.sessionId; }
    QString currentRespondent() const;
    QString currentName() const;
    QString currentInstrumentId() const;
    QStringList currentLanguages() const;
    bool patientMode() const { return m_patientMode; }
    QuestionnaireModel *questionnaire() const { return m_questionnaire; }
    QString childName() const { return m_round.childName; }
    QString physioName() const { return m_round.physioName; }
    QVariantMap summary() const;
    bool resumeAvailable() const { return !m_resumeResponseId.isEmpty(); }
    QString resumeDescription() const { return m_resumeDescription; }
    int resumeItemIndex() const { return m_resumeItemIndex; }
    QVariantList skipReasons() const;
    QString errorMessage() const { return m_error; }
    bool continued() const { return m_continued; }
    bool handoverGate() const { return m_handoverGate; }

    // Plans the round of today's visit: continues today's session of the episode when
    // someone began answering and somebody is still to do (a crash, a kill, a round stopped
    // before anyone declined), else creates today's session. "" or a message.
    Q_INVOKABLE QString start(const QString &episodeId);
    // The physio explicitly records another session today, beside a finished one.
    Q_INVOKABLE QString startSeparate(const QString &episodeId);
    // True when today's session of the episode is finished (the screen asks before a
    // separate session is made).
    Q_INVOKABLE bool roundDoneToday(const QString &episodeId);
    // Moves on from "plan" (to the next respondent) and from "handover" (to "language").
    Q_INVOKABLE QString proceed();
    // reason: "absent", "declined", "too-distressed", "no-form-for-age". Not in patient mode.
    Q_INVOKABLE QString skip(const QString &respondent, const QString &reason);
    Q_INVOKABLE QString beginForm(const QString &language);
    Q_INVOKABLE QString openHandoverGate();
    // Stores the open form (complete, scored, audited) and stays on it; finishForm() then
    // moves on. The form screen calls them a frame apart, so the save and the next screen
    // are not built in one turn of the UI thread (issue 12). finishForm() alone does both.
    Q_INVOKABLE QString storeForm();
    Q_INVOKABLE QString finishForm();
    Q_INVOKABLE QString declineForm();
    // Checks the PIN on the spot (for tools and tests; the hash is slow in production).
    Q_INVOKABLE bool leavePatientMode(const QString &pin);
    // What the screens use: the check runs off the UI thread (ClinicSession.busy meanwhile)
    // and a refusal comes back as staffCheckFailed. After too many wrong PINs, or with no
    // PIN set, a staff passphrase (any active member's) leads out instead.
    Q_INVOKABLE void leaveWithPin(const QString &pin);
    Q_INVOKABLE void leaveWithPassphrase(const QString &staffId, const QString &passphrase);
    Q_INVOKABLE QString resume();
    // Stops the round: an open draft is declined with the reason ("too-distressed", ...).
    Q_INVOKABLE QString abandon(const QString &reason);
    // Back to "idle" after the summary.
    Q_INVOKABLE void close();
    // Looks for an unfinished round of the signed-in physio (called at every sign-in).
    Q_INVOKABLE void refreshResume();
    // The cards of a finished round are being judged (its episode read on a worker).
    bool judgingAlerts() const { return m_judging; }

signals:
    void stageChanged();
    void planChanged();
    void summaryChanged();
    void resumeChanged();
    void errorMessageChanged();
    void roundFinished(const QString &sessionId);
    void staffCheckFailed(const QString &message);
    // The cards of a finished round of this episode were judged and stored.
    void cardsStored(const QString &episodeId);

private:
    explicit RoundFlow(QObject *parent = nullptr);

    void setStage(const QString &stage);
    void setPatientMode(bool on);
    QString fail(const QString &message);
    void clearError();
    void reset();
    // The next entry still pending, from the start of the plan; -1 when none.
    int nextPending() const;
    QString goToNext();
    QString openForm(const QString &language, bool startDraft);
    QString skipEntry(int index, const QString &reason);
    void onAnswerAccepted(const QString &itemId, const QVariant &value);
    void onAnswerCleared(const QString &itemId);
    void finishRound();
    void syncFormRunning();
    // Patient mode ends once a staff member is confirmed (PIN or passphrase).
    void leaveAfterCheck();
    QString startRound(const QString &episodeId, bool separate);
    // Marks each plan entry done, skipped or declined from what the session stores.
    static QString loadProgress(Workspace &ws, Round &round);
    static std::optional<store::Session> visitToContinue(Workspace &ws, const QString &episodeId,
                                                         const QDate &day);
    // Today's newest session of the episode when nothing was recorded in it (a round of
    // this physio stopped before anyone began): reused, so no empty session piles up.
    static std::optional<store::Session> emptyVisitToReuse(Workspace &ws, const QString &episodeId,
                                                           const QDate &day,
                                                           const QString &physioId);

    QuestionnaireModel *m_questionnaire = nullptr;
    Round m_round;
    int m_current = -1;
    QString m_stage = QStringLiteral("idle");
    bool m_patientMode = false;
    QVariantMap m_summary;
    QString m_error;
    QString m_resumeResponseId;
    QString m_resumeDescription;
    int m_resumeItemIndex = 0;
    bool m_resuming = false; // the next proceed() from "handover" goes straight to the form
    bool m_continued = false;
    bool m_handoverGate = false;
    bool m_awaitingStaff = false; // this flow asked ClinicSession to confirm a staff member
    // Finished rounds whose alert cards are still to be judged and stored, as (episode id,
    // session id): the clinic figures they need were being worked out when the round ended.
    // Judged as soon as the figures are ready (judgeWaitingAlerts), whatever screen shows by
    // then; kept across a lock or sign-out until a workspace can store them.
    QVector<QPair<QString, QString>> m_alertsToJudge;
    void judgeWhenReady();
    void judgeWaitingAlerts();
    void judgeRead(const QVector<QPair<QString, QString>> &batch,
                   const QVector<EpisodeOpening> &readings);
    void judgeOnThisThread();
    bool m_judging = false; // their episodes are being read on the reader pool
    // The summary on screen, made again with its stored cards: shown on a later turn.
    QVariantMap m_summaryWithCards;
    QString m_cardsSessionId;
    QTimer m_showCards;
};

} // namespace triad::app
