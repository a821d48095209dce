// Drives the app's controllers as the screens do, on a temporary clinic database:
// first run, sign-in, a patient, an episode, rounds with skips, drafts, resume after a real
// SIGKILL, the summary's privacy, and the PIN limit. Every check reads the store back.
#include "roundfixture.h"

#include "app/clinicsession.h"
#include "app/episodecontroller.h"
#include "app/instrumentcatalog.h"
#include "app/patienteditor.h"
#include "app/patientlistmodel.h"
#include "app/roundflow.h"

#include <algorithm>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace triad;
using namespace triad::app;

class TestRoundFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_adminId;
    QString m_patientId;
    QString m_episodeId;

    ClinicSession *session() { return ClinicSession::instance(); }
    RoundFlow *flow() { return RoundFlow::instance(); }
    Workspace &ws() { return *session()->workspace(); }

    QString newPatient(const QString &name, const QDate &birth)
    {
        PatientEditor editor;
        editor.setName(name);
        editor.setBirthDate(birth.toString(Qt::ISODate));
        editor.setGuardians({QVariantMap{{QStringLiteral("name"), QStringLiteral("Sam Example")},
                                         {QStringLiteral("relation"), QStringLiteral("mother")}}});
        editor.save();
        return editor.patientId();
    }

    QString newEpisode(const QString &patientId)
    {
        EpisodeController episode;
        if (!episode.create(patientId, QStringLiteral("acl-injury"), QStringLiteral("Run again"))
                 .isEmpty())
            return {};
        return episode.episodeId();
    }

    // Another tablet process plays the round for `episode` up to its step (roundcrashhelper)
    // and is SIGKILLed there, without any warning. "" when it died as planned, else why not.
    QString killedHelper(const QString &episode, const QStringList &step = {})
    {
        QProcess helper;
        helper.setProgram(QStringLiteral(TRIAD_CRASH_HELPER));
        helper.setArguments(
            QStringList{m_dir.filePath(QStringLiteral("triad.sqlite")), m_adminId, episode} + step);
        helper.start();
        if (!helper.waitForStarted())
            return QStringLiteral("the helper did not start");
        if (!testing::waitFor([&] { return helper.canReadLine(); }, 60000))
            return QStringLiteral("the helper said nothing");
        const QString ready = QString::fromUtf8(helper.readLine()).trimmed();
        if (!ready.startsWith(QStringLiteral("READY")))
            return ready;
        helper.kill(); // SIGKILL
        if (!helper.waitForFinished() || helper.exitStatus() != QProcess::CrashExit)
            return QStringLiteral("the helper was not killed");
        return {};
    }

    // Answers the open form completely and returns the answers given.
    Answers answerAll(int seed)
    {
        QuestionnaireModel *q = flow()->questionnaire();
        const QString problem = testing::answerRows(*q, 0, q->count(), seed);
        if (!problem.isEmpty())
            qWarning() << problem;
        return q->answers();
    }

    void signInAgain()
    {
        QSignalSpy done(session(), &ClinicSession::signInFinished);
        session()->signIn(m_adminId, QString::fromLatin1(testing::kPassphrase));
        QVERIFY(done.wait(20000));
        QCOMPARE(done.first().at(0).toBool(), true);
        QCOMPARE(session()->state(), QStringLiteral("signedIn"));
    }

    // The stored skip reason of each respondent of a session (round_skip rows).
    QHash<QString, QString> storedSkips(const QString &sessionId)
    {
        QHash<QString, QString> byWho;
        for (const auto &k : ws().skips.forSession(sessionId))
            byWho.insert(respondentId(k.respondent), k.reason);
        return byWho;
    }

    // Every scored item of the form answered `v` (1-5), as a physio would tap it.
    static Answers scoredAnswers(const Instrument &form, int v)
    {
        Answers a;
        for (const Item &item : form.items)
            if (!item.subscaleId.isEmpty())
                a.set(item.id, v);
        return a;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        testing::prepareAppEnvironment(m_dir.filePath(QStringLiteral("triad.sqlite")));
        QVERIFY(InstrumentCatalog::instance()->find(QStringLiteral("triad-child-4to7")));
    }

    void firstRunNamesTheFieldThenCreatesTheClinic()
    {
        QCOMPARE(session()->state(), QStringLiteral("firstRun"));
        QCOMPARE(session()
                     ->createClinic(QStringLiteral("Clinic A"), QStringLiteral("Alex Admin"),
                                    QStringLiteral("short"), QStringLiteral("short"))
                     .left(11),
                 QStringLiteral("Passphrase:"));
        QVERIFY(session()
                    ->createClinic(QStringLiteral("Clinic A"), QStringLiteral("Alex Admin"),
                                   QString::fromLatin1(testing::kPassphrase),
                                   QStringLiteral("something-else-entirely"))
                    .startsWith(QStringLiteral("Repeat passphrase:")));
        QVERIFY(session()
                    ->createClinic(QString(), QStringLiteral("Alex Admin"),
                                   QString::fromLatin1(testing::kPassphrase),
                                   QString::fromLatin1(testing::kPassphrase))
                    .startsWith(QStringLiteral("Clinic name:")));

        QSignalSpy created(session(), &ClinicSession::createFinished);
        QCOMPARE(session()->createClinic(QStringLiteral("Clinic A"), QStringLiteral("Alex Admin"),
                                         QString::fromLatin1(testing::kPassphrase),
                                         QString::fromLatin1(testing::kPassphrase)),
                 QString());
        QVERIFY(session()->busy()); // scrypt runs on a worker thread
        QVERIFY(created.wait(30000));
        QCOMPARE(created.first().at(0).toBool(), true);
        QCOMPARE(session()->state(), QStringLiteral("signedIn"));
        QCOMPARE(session()->signedInRole(), QStringLiteral("admin"));
        QCOMPARE(session()->signedInName(), QStringLiteral("Alex Admin"));
        QCOMPARE(session()->clinicName(), QStringLiteral("Clinic A"));
        QCOMPARE(session()->isDemo(), false);
        QCOMPARE(session()->staff().size(), 1);
        m_adminId = session()->signedInStaffId();
        QVERIFY(!m_adminId.isEmpty());
        QVERIFY(session()->setPin(QStringLiteral("12")).startsWith(QStringLiteral("PIN:")));
        QCOMPARE(session()->setPin(QStringLiteral("2468")), QString());
        QVERIFY(session()->hasPin());
    }

    void settingsAreClampedAndKept()
    {
        session()->setFontScale(3.5);
        QCOMPARE(session()->fontScale(), 2.0);
        session()->setFontScale(0.2);
        QCOMPARE(session()->fontScale(), 1.0);
        QCOMPARE(session()->idleMinutes(), 2);
        session()->setSpeechEnabled(false);
        QCOMPARE(QSettings().value(QStringLiteral("speech/enabled")).toBool(), false);
        session()->setSpeechEnabled(true);
    }

    void patientEditorNamesTheWrongField()
    {
        PatientEditor editor;
        editor.setBirthDate(QStringLiteral("2019-02-03"));
        QVERIFY(editor.save().startsWith(QStringLiteral("Name:")));
        editor.setName(QStringLiteral("Mia Example"));
        editor.setBirthDate(QStringLiteral("03/02/2019"));
        QVERIFY(editor.save().startsWith(QStringLiteral("Birth date:")));
        editor.setBirthDate(QDate::currentDate().addDays(3).toString(Qt::ISODate));
        QVERIFY(editor.save().contains(QStringLiteral("future")));
        editor.setGuardians({QVariantMap{{QStringLiteral("name"), QString()},
                                         {QStringLiteral("relation"), QStringLiteral("mother")}}});
        editor.setBirthDate(QDate::currentDate().addYears(-6).toString(Qt::ISODate));
        QVERIFY(editor.save().startsWith(QStringLiteral("Guardian 1:")));
        QVERIFY(editor.patientId().isEmpty()); // nothing saved on bad input

        // The same name rules as the store and triad-cli (core/store/personname.h).
        editor.setGuardians({QVariantMap{{QStringLiteral("name"), QStringLiteral("Sam Example")},
                                         {QStringLiteral("relation"), QStringLiteral("mother")}}});
        editor.setName(QStringLiteral("Mia \u202Eelpmaxe"));
        QString refused = editor.save();
        QVERIFY2(refused.startsWith(QStringLiteral("Name:")) && refused.contains("direction"),
                 qPrintable(refused));
        editor.setName(QStringLiteral("Mia\tExample"));
        QVERIFY(editor.save().contains(QStringLiteral("control character")));
        editor.setName(QString(150, QLatin1Char('a')));
        QVERIFY(editor.save().contains(QStringLiteral("150 characters")));
        editor.setName(QStringLiteral("Mia Example"));
        editor.setGuardians(
            {QVariantMap{{QStringLiteral("name"), QStringLiteral("Sam\u2066 Example")},
                         {QStringLiteral("relation"), QStringLiteral("mother")}}});
        refused = editor.save();
        QVERIFY2(refused.startsWith(QStringLiteral("Guardian 1:")), qPrintable(refused));
        QVERIFY(editor.patientId().isEmpty());

        editor.setName(QStringLiteral("  Mia   Example "));
        editor.setGuardians({QVariantMap{{QStringLiteral("name"), QStringLiteral("Sam Example")},
                                         {QStringLiteral("relation"), QStringLiteral("mother")}}});
        QCOMPARE(editor.save(), QString());
        m_patientId = editor.patientId();
        QVERIFY(!m_patientId.isEmpty());
        const auto stored = ws().patients.get(m_patientId);
        QVERIFY(stored);
        QCOMPARE(stored->name, QStringLiteral("Mia Example"));
        QCOMPARE(ws().patients.guardians(m_patientId).size(), 1);

        PatientEditor reopened;
        QCOMPARE(reopened.load(m_patientId), QString());
        QCOMPARE(reopened.name(), QStringLiteral("Mia Example"));
        QCOMPARE(reopened.guardians().size(), 1);

        PatientEditor old;
        old.setName(QStringLiteral("Teen Example"));
        old.setBirthDate(QDate::currentDate().addYears(-19).toString(Qt::ISODate));
        QVERIFY(old.save().contains(QStringLiteral("no child form will fit")));
        QVERIFY(!old.patientId().isEmpty()); // saved all the same
    }

    void episodeAndPatientList()
    {
        EpisodeController episode;
        QVERIFY(episode.create(m_patientId, QStringLiteral("flu"), {})
                    .startsWith(QStringLiteral("Condition:")));
        QCOMPARE(episode.create(m_patientId, QStringLiteral("acl-injury"),
                                QStringLiteral("Play football again")),
                 QString());
        m_episodeId = episode.episodeId();
        QCOMPARE(episode.patientName(), QStringLiteral("Mia Example"));
        QCOMPARE(episode.goals(), QStringLiteral("Play football again"));
        QVERIFY(episode.isOpen());
        QCOMPARE(episode.conditions().size(), 7);
        // Five things a physio may have done, and "Not relevant / false alarm" (issue 8).
        QCOMPARE(episode.actionKinds().size(), 6);
        QCOMPARE(episode.actionKinds().last().toMap().value(QStringLiteral("id")).toString(),
                 QStringLiteral("false-alarm"));

        // Condition and goals can be changed later; a fresh controller reads the change back.
        QVERIFY(episode.update(QStringLiteral("flu"), QStringLiteral("x"))
                    .startsWith(QStringLiteral("Condition:")));
        QCOMPARE(episode.update(QStringLiteral("low-back-pain"),
                                QStringLiteral("  Walk to school without stopping  ")),
                 QString());
        EpisodeController reread;
        QCOMPARE(reread.load(m_episodeId), QString());
        QCOMPARE(reread.condition(), QStringLiteral("low-back-pain"));
        QCOMPARE(reread.goals(), QStringLiteral("Walk to school without stopping"));
        QCOMPARE(
            episode.update(QStringLiteral("acl-injury"), QStringLiteral("Play football again")),
            QString());

        PatientListModel list;
        list.setSearch(QStringLiteral("mia"));
        QCOMPARE(list.rowCount(), 1);
        const QVariantMap row = list.get(0);
        QCOMPARE(row.value(QStringLiteral("episodeId")).toString(), m_episodeId);
        QCOMPARE(row.value(QStringLiteral("age")).toInt(), 6);
        QCOMPARE(row.value(QStringLiteral("nextAction")).toString(),
                 QStringLiteral("Session 1 round due"));
        list.setSearch(row.value(QStringLiteral("code")).toString().toLower());
        QCOMPARE(list.rowCount(), 1);
        list.setSearch(QStringLiteral("nobody-like-this"));
        QCOMPARE(list.rowCount(), 0);
    }

    void fullRoundStoresThreeScoredResponses()
    {
        // The clinic figures as a physio finds them at session end: worked out and current.
        QVERIFY(testing::waitForClinicFigures());
        QCOMPARE(flow()->start(m_episodeId), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("plan"));
        const QVariantList plan = flow()->plan();
        QCOMPARE(plan.size(), 3);
        QCOMPARE(plan.at(0).toMap().value(QStringLiteral("instrumentId")).toString(),
                 QStringLiteral("triad-child-4to7"));
        QCOMPARE(plan.at(0).toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Mia"));

        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("handover"));
        QVERIFY(flow()->patientMode());
        QCOMPARE(flow()->currentName(), QStringLiteral("Mia"));
        QVERIFY(session()->formRunning());
        QCOMPARE(flow()->proceed(), QString());
        if (flow()->stage() == QLatin1String("language"))
            QCOMPARE(flow()->beginForm(QStringLiteral("en")), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("form"));
        const Answers child = answerAll(0);
        // Stored, then "I'd rather not answer" before the next screen came: the stored form
        // stands (it is among the three complete responses below) and the round moves on.
        QCOMPARE(flow()->storeForm(), QString());
        QCOMPARE(flow()->declineForm(), QString());

        // The parent's turn: a fresh form, none of the child's answers, no scores anywhere.
        QCOMPARE(flow()->stage(), QStringLiteral("handover"));
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QCOMPARE(flow()->currentName(), QStringLiteral("Sam"));
        // The hand-over gate: nothing opens the parent's form before the deliberate step.
        QVERIFY(flow()->handoverGate());
        QVERIFY(flow()->proceed().contains(QStringLiteral("press and hold")));
        QVERIFY(flow()->beginForm(QStringLiteral("en")).contains(QStringLiteral("press and hold")));
        QCOMPARE(flow()->stage(), QStringLiteral("handover"));
        QCOMPARE(flow()->openHandoverGate(), QString());
        QVERIFY(!flow()->handoverGate());
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->questionnaire()->answeredCount(), 0);
        QVERIFY(flow()->questionnaire()->instrumentId() != QLatin1String("triad-child-4to7"));
        QVERIFY(flow()->summary().isEmpty());
        const Answers parent = answerAll(1);
        // The form screen stores the form on one turn and moves on at the next (issue 12):
        // stored, complete, and still on the form until finishForm(), which stores nothing
        // twice.
        QCOMPARE(flow()->storeForm(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("form"));
        QCOMPARE(flow()->storeForm(), QString());
        const auto parentStored = [this] {
            int complete = 0;
            for (const auto &r : ws().responses.forSession(flow()->sessionId()))
                complete += r.record.respondent == Respondent::Parent &&
                            r.record.status == store::ResponseStatus::Complete;
            return complete;
        };
        QCOMPARE(parentStored(), 1);
        QCOMPARE(flow()->finishForm(), QString());
        QCOMPARE(parentStored(), 1);

        QCOMPARE(flow()->stage(), QStringLiteral("staffPin"));
        QVERIFY(!flow()->leavePatientMode(QStringLiteral("0000")));
        QVERIFY(flow()->patientMode());
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        QVERIFY(!flow()->patientMode());
        QCOMPARE(flow()->stage(), QStringLiteral("form"));
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("physio"));
        const Answers physio = answerAll(2);
        // The physio's hand-in and the clinic figures worked out after it read no stamp of
        // the complete responses on this thread (issue 12: that query reads every complete
        // response, 16 ms of the hand-in at 2,000 patients): the round's own completions say
        // the figures are stale, and the worker's snapshot says what they are now.
        const int stampQueries = testing::stampQueriesHere();
        QCOMPARE(flow()->finishForm(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("summary"));
        QVERIFY(!session()->formRunning());

        // The store holds three complete responses whose scores are triad::score's.
        const auto stored = ws().responses.forSession(flow()->sessionId());
        QCOMPARE(stored.size(), 3);
        QHash<QString, Answers> given{{QStringLiteral("child"), child},
                                      {QStringLiteral("parent"), parent},
                                      {QStringLiteral("physio"), physio}};
        QVariantMap nowByRespondent;
        for (const QVariant &v : flow()->summary().value(QStringLiteral("respondents")).toList())
            nowByRespondent.insert(v.toMap().value(QStringLiteral("respondent")).toString(),
                                   v.toMap().value(QStringLiteral("now")));
        for (const auto &r : stored) {
            QCOMPARE(r.record.status, store::ResponseStatus::Complete);
            const QString who = respondentId(r.record.respondent);
            const Instrument *in = InstrumentCatalog::instance()->find(r.record.instrumentId);
            QVERIFY(in);
            const ScoreSet expected = score(*in, given.value(who));
            QVERIFY(expected.total.scorable);
            QCOMPARE(r.scores.total.normalised, expected.total.normalised);
            QCOMPARE(r.answers.count(), given.value(who).count());
            QCOMPARE(nowByRespondent.value(who).toDouble(),
                     qRound(expected.total.normalised * 10) / 10.0);
        }

        // A new clinic with one episode: too few of its own responses for the reliable-change
        // rule and the forms declare no reliability, so the summary says so instead of
        // staying silent; a first session raises no concern.
        const QString notYet = QStringLiteral(
            "Reliable-change rule not applied yet for the child: not enough of the clinic's own "
            "data yet (1 of 30 responses) and the form declares no reliability.");
        QVERIFY(testing::waitFor(
            [this] { return !flow()->summary().value(QStringLiteral("figuresPending")).toBool(); },
            120000));
        const QVariantMap summary = flow()->summary();
        QCOMPARE(testing::stampQueriesHere(), stampQueries);
        const QStringList notes = summary.value(QStringLiteral("notes")).toStringList();
        QVERIFY2(notes.contains(notYet), qPrintable(notes.join(QLatin1Char('\n'))));
        QVERIFY(notes.contains(QStringLiteral(
            "Usual-level rule not applied yet for the physio: needs at least 3 earlier sessions "
            "with a score (has 0).")));
        for (const QVariant &a : summary.value(QStringLiteral("alerts")).toList())
            QCOMPARE(a.toMap().value(QStringLiteral("severity")).toString(),
                     QStringLiteral("info")); // at most a quality flag

        EpisodeController episode;
        QCOMPARE(episode.load(m_episodeId), QString());
        QCOMPARE(episode.sessions().size(), 1);
        QCOMPARE(episode.series(QStringLiteral("child"), QStringLiteral("total")).size(), 1);
        QVERIFY(episode.notes().contains(notYet));
        flow()->close();
    }

    void skippedChildIsStoredWithTheReason()
    {
        QCOMPARE(flow()->start(m_episodeId), QString());
        QVERIFY(flow()
                    ->skip(QStringLiteral("child"), QStringLiteral("bored"))
                    .startsWith(QStringLiteral("Reason:")));
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("declined")), QString());
        QCOMPARE(flow()->plan().at(0).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("declined"));
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        // The parent hands back without beginning the form; the physio then answers.
        QCOMPARE(flow()->declineForm(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("staffPin"));
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        QCOMPARE(flow()->stage(), QStringLiteral("form"));
        answerAll(3);
        QCOMPARE(flow()->finishForm(), QString());

        // Nobody began a form: a skip row each with the exact reason, and no response.
        const QHash<QString, QString> expected{
            {QStringLiteral("child"), QStringLiteral("declined")},
            {QStringLiteral("parent"), QStringLiteral("declined")}};
        QCOMPARE(storedSkips(flow()->sessionId()), expected);
        const auto stored = ws().responses.forSession(flow()->sessionId());
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().record.respondent, Respondent::Physio);
        QCOMPARE(stored.first().record.status, store::ResponseStatus::Complete);
        flow()->close();

        QCOMPARE(flow()->start(m_episodeId), QString());
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("too-distressed")),
                 QString());
        QCOMPARE(storedSkips(flow()->sessionId()).value(QStringLiteral("child")),
                 QStringLiteral("too-distressed"));
        QVERIFY(ws().responses.forSession(flow()->sessionId()).isEmpty());
        QCOMPARE(flow()->plan().at(0).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("skipped"));
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("idle"));
        // Steps not reached leave no row.
        QCOMPARE(storedSkips(flow()->sessionId()).size(), 0);
    }

    void absentChildIsStoredAsAbsentShownInSummaryAndHistory()
    {
        QCOMPARE(flow()->start(m_episodeId), QString());
        const QString sessionId = flow()->sessionId();
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("absent")), QString());
        QCOMPARE(storedSkips(sessionId),
                 (QHash<QString, QString>{{QStringLiteral("child"), QStringLiteral("absent")}}));
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QCOMPARE(flow()->proceed(), QString());
        if (flow()->stage() == QLatin1String("language"))
            QCOMPARE(flow()->beginForm(QStringLiteral("en")), QString());
        QCOMPARE(testing::answerRows(*flow()->questionnaire(), 0, 2, 4), QString());

        // The tablet restarts mid-form: the resumed round still knows the child was absent.
        RoundFlow *other = RoundFlow::createDetached(this);
        other->refreshResume();
        QVERIFY(other->resumeAvailable());
        QCOMPARE(other->resume(), QString());
        QCOMPARE(other->sessionId(), sessionId);
        const QVariantMap child = other->plan().at(0).toMap();
        QCOMPARE(child.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        QCOMPARE(child.value(QStringLiteral("reason")).toString(), QStringLiteral("absent"));
        QCOMPARE(other->proceed(), QString());
        QuestionnaireModel *q = other->questionnaire();
        QCOMPARE(testing::answerRows(*q, 2, q->count(), 4), QString());
        QCOMPARE(other->finishForm(), QString());
        QVERIFY(other->leavePatientMode(QStringLiteral("2468")));
        QCOMPARE(other->currentRespondent(), QStringLiteral("physio"));
        QCOMPARE(testing::answerRows(*q, 0, q->count(), 6), QString());
        QCOMPARE(other->finishForm(), QString());
        QCOMPARE(other->stage(), QStringLiteral("summary"));

        const QVariantMap summaryChild =
            other->summary().value(QStringLiteral("respondents")).toList().at(0).toMap();
        QCOMPARE(summaryChild.value(QStringLiteral("status")).toString(),
                 QStringLiteral("skipped"));
        QCOMPARE(summaryChild.value(QStringLiteral("reason")).toString(), QStringLiteral("absent"));
        QCOMPARE(summaryChild.value(QStringLiteral("reasonLabel")).toString(),
                 QStringLiteral("Absent"));
        QVERIFY(!summaryChild.value(QStringLiteral("now")).isValid());
        delete other;
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        flow()->close();

        // No child response at all, yet the episode's history says why.
        for (const auto &r : ws().responses.forSession(sessionId))
            QVERIFY(r.record.respondent != Respondent::Child);
        EpisodeController episode;
        QCOMPARE(episode.load(m_episodeId), QString());
        QVariantMap row;
        for (const QVariant &v : episode.sessions())
            if (v.toMap().value(QStringLiteral("sessionId")).toString() == sessionId)
                row = v.toMap();
        QCOMPARE(row.value(QStringLiteral("childStatus")).toString(), QStringLiteral("skipped"));
        QCOMPARE(row.value(QStringLiteral("childReason")).toString(), QStringLiteral("absent"));
        QCOMPARE(row.value(QStringLiteral("childReasonLabel")).toString(),
                 QStringLiteral("Absent"));
        QCOMPARE(row.value(QStringLiteral("parentStatus")).toString(), QStringLiteral("complete"));
        QVERIFY(row.value(QStringLiteral("parentReason")).toString().isEmpty());
    }

    void startedFormSkippedIsDeclinedAndKeepsTheReason()
    {
        QCOMPARE(flow()->start(m_episodeId), QString());
        const QString sessionId = flow()->sessionId();
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->proceed(), QString());
        if (flow()->stage() == QLatin1String("language"))
            QCOMPARE(flow()->beginForm(QStringLiteral("en")), QString());
        QCOMPARE(testing::answerRows(*flow()->questionnaire(), 0, 2, 7), QString());
        // The child gets upset mid-form; the physio takes the tablet back and skips.
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        QCOMPARE(flow()->stage(), QStringLiteral("plan"));
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("too-distressed")),
                 QString());
        const auto stored = ws().responses.forSession(sessionId);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().record.status, store::ResponseStatus::Declined);
        QCOMPARE(stored.first().record.declineReason, QStringLiteral("too-upset"));
        QCOMPARE(stored.first().answers.count(), 0);
        QCOMPARE(storedSkips(sessionId).value(QStringLiteral("child")),
                 QStringLiteral("too-distressed"));
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
        QCOMPARE(storedSkips(sessionId).size(), 1);
    }

    void childOfThreeHasNoFormAndIsSkipped()
    {
        const QString patient =
            newPatient(QStringLiteral("Noa Example"), QDate::currentDate().addYears(-3));
        const QString episode = newEpisode(patient);
        QVERIFY(!episode.isEmpty());
        QCOMPARE(flow()->start(episode), QString());
        const QVariantMap child = flow()->plan().at(0).toMap();
        QCOMPARE(child.value(QStringLiteral("problem")).toString(),
                 QStringLiteral("Noa is 3 on the session date; no child form fits that age"));
        QVERIFY(child.value(QStringLiteral("instrumentId")).toString().isEmpty());
        QVERIFY(flow()->proceed().contains(QStringLiteral("no child form fits")));
        QCOMPARE(flow()->stage(), QStringLiteral("plan"));
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("no-form-for-age")),
                 QString());
        QCOMPARE(flow()->plan().at(0).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("skipped"));
        // A skip needs no form: the child of 3 has a row like anyone else.
        QCOMPARE(storedSkips(flow()->sessionId()),
                 (QHash<QString, QString>{
                     {QStringLiteral("child"), QStringLiteral("no-form-for-age")}}));
        QVERIFY(ws().responses.forSession(flow()->sessionId()).isEmpty());
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
    }

    void draftsResumeInAnotherFlowAtTheSameItem()
    {
        QCOMPARE(flow()->start(m_episodeId), QString());
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("form"));
        QCOMPARE(testing::answerRows(*flow()->questionnaire(), 0, 3, 5), QString());
        const Answers before = flow()->questionnaire()->answers();
        QVERIFY(flow()->summary().isEmpty());

        RoundFlow *other = RoundFlow::createDetached(this);
        other->refreshResume();
        QVERIFY(other->resumeAvailable());
        QVERIFY(other->resumeDescription().contains(QStringLiteral("Mia")));
        QCOMPARE(other->resumeItemIndex(), 3);
        QCOMPARE(other->resume(), QString());
        QCOMPARE(other->sessionId(), flow()->sessionId());
        QCOMPARE(other->stage(), QStringLiteral("handover"));
        QVERIFY(other->patientMode());
        QVERIFY(other->summary().isEmpty());
        QCOMPARE(other->proceed(), QString());
        QCOMPARE(other->stage(), QStringLiteral("form"));
        QCOMPARE(other->questionnaire()->answers().toJson(), before.toJson());
        QCOMPARE(other->questionnaire()->answeredCount(), 3);
        delete other;
        // Leave the singleton's round without touching the draft: a later test resumes it.
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        flow()->close();
    }

    void resumeAfterSigkillLosesNoAnswer()
    {
        // Another tablet process answers two questions and dies without any warning.
        const QString episode = newEpisode(
            newPatient(QStringLiteral("Kai Example"), QDate::currentDate().addYears(-5)));
        QVERIFY(!episode.isEmpty());
        QCOMPARE(killedHelper(episode), QString()); // two answers saved

        RoundFlow *other = RoundFlow::createDetached(this);
        other->refreshResume();
        QVERIFY(other->resumeAvailable());
        QVERIFY2(other->resumeDescription().contains(QStringLiteral("Kai")),
                 qPrintable(other->resumeDescription()));
        QCOMPARE(other->resumeItemIndex(), 2);
        QCOMPARE(other->resume(), QString());
        QCOMPARE(other->proceed(), QString());
        QuestionnaireModel *q = other->questionnaire();
        QCOMPARE(q->answeredCount(), 2);
        for (int row = 0; row < 2; ++row)
            QCOMPARE(q->answers().value(q->instrument().items.at(row).id),
                     testing::sampleAnswer(*q, row, 1));
        QCOMPARE(testing::answerRows(*q, 2, q->count(), 1), QString());
        const Answers all = q->answers();
        const Instrument form = q->instrument();
        QCOMPARE(other->finishForm(), QString());

        const auto stored = ws().responses.forSession(other->sessionId());
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().record.status, store::ResponseStatus::Complete);
        QCOMPARE(stored.first().answers.toJson(), all.toJson());
        QCOMPARE(stored.first().scores.total.normalised, score(form, all).total.normalised);
        delete other;
    }

    // One session per visit: after a kill mid-form, starting the round again from the episode
    // (not through "resume") continues the same session; a respondent who finished before
    // the kill is not asked again, and no second session appears for the day.
    void startAfterSigkillContinuesTheSameSession()
    {
        const QString episode = newEpisode(
            newPatient(QStringLiteral("Ola Example"), QDate::currentDate().addYears(-6)));
        QVERIFY(!episode.isEmpty());
        QCOMPARE(killedHelper(episode), QString()); // mid child form, two answers saved
        QCOMPARE(ws().sessions.forEpisode(episode).size(), 1);
        const QString visit = ws().sessions.forEpisode(episode).first().id;

        QVERIFY(!flow()->roundDoneToday(episode));
        QCOMPARE(flow()->start(episode), QString());
        QCOMPARE(flow()->sessionId(), visit);
        QVERIFY(flow()->continued());
        QCOMPARE(ws().sessions.forEpisode(episode).size(), 1);
        QCOMPARE(flow()->proceed(), QString()); // plan -> hand-over to the child
        QCOMPARE(flow()->proceed(), QString()); // the child's own draft, no language step
        QCOMPARE(flow()->stage(), QStringLiteral("form"));
        QuestionnaireModel *q = flow()->questionnaire();
        QCOMPARE(q->answeredCount(), 2);
        QCOMPARE(testing::answerRows(*q, 2, q->count(), 1), QString());
        QCOMPARE(flow()->finishForm(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QCOMPARE(flow()->openHandoverGate(), QString());
        QCOMPARE(flow()->proceed(), QString());
        if (flow()->stage() == QLatin1String("language"))
            QCOMPARE(flow()->beginForm(QStringLiteral("en")), QString());
        QCOMPARE(testing::answerRows(*q, 0, 1, 2), QString());
        // The round is closed mid-form (as a restart would leave it): the child stays done.
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        flow()->close();
        QCOMPARE(flow()->start(episode), QString());
        QCOMPARE(flow()->sessionId(), visit);
        QCOMPARE(flow()->plan().at(0).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("done"));
        QCOMPARE(flow()->plan().at(1).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("pending"));
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(q->answeredCount(), 1);
        QCOMPARE(testing::answerRows(*q, 1, q->count(), 2), QString());
        QCOMPARE(flow()->finishForm(), QString());
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        QCOMPARE(testing::answerRows(*q, 0, q->count(), 3), QString());
        QCOMPARE(flow()->finishForm(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("summary"));
        flow()->close();

        // One session, one response per respondent, all complete.
        QCOMPARE(ws().sessions.forEpisode(episode).size(), 1);
        const auto stored = ws().responses.forSession(visit);
        QCOMPARE(stored.size(), 3);
        for (const auto &r : stored)
            QCOMPARE(r.record.status, store::ResponseStatus::Complete);
        // A finished visit is not reopened: another round today needs the physio's word.
        QVERIFY(flow()->roundDoneToday(episode));
        QCOMPARE(flow()->startSeparate(episode), QString());
        QVERIFY(flow()->sessionId() != visit);
        QVERIFY(!flow()->continued());
        QCOMPARE(ws().sessions.forEpisode(episode).size(), 2);
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
    }

    // The form screen stores a handed-in form on one turn and moves the round on at the next
    // (storeForm, then finishForm): a kill in between leaves the form stored. Starting the
    // round again continues the same session at the next respondent, with the child's
    // answers and score as handed in.
    void killBetweenStoredFormAndNextScreenKeepsTheForm()
    {
        const QString episode = newEpisode(
            newPatient(QStringLiteral("Noa Example"), QDate::currentDate().addYears(-7)));
        QVERIFY(!episode.isEmpty());
        // Killed after storeForm(), before finishForm().
        QCOMPARE(killedHelper(episode, {QStringLiteral("stored")}), QString());

        QCOMPARE(ws().sessions.forEpisode(episode).size(), 1);
        const QString visit = ws().sessions.forEpisode(episode).first().id;
        const auto before = ws().responses.forSession(visit);
        QCOMPARE(before.size(), 1);
        QCOMPARE(before.first().record.status, store::ResponseStatus::Complete);
        QCOMPARE(before.first().record.respondent, Respondent::Child);
        const Instrument *form = InstrumentCatalog::instance()->find(
            before.first().record.instrumentId, before.first().record.instrumentVersion);
        QVERIFY(form);
        QCOMPARE(before.first().answers.count(), form->items.size());
        QCOMPARE(before.first().scores.total.normalised,
                 score(*form, before.first().answers).total.normalised);

        // No draft of Noa's to resume; the round from the episode goes on with the parent.
        flow()->refreshResume();
        QVERIFY2(!flow()->resumeDescription().contains(QStringLiteral("Noa")),
                 qPrintable(flow()->resumeDescription()));
        QCOMPARE(flow()->start(episode), QString());
        QCOMPARE(flow()->sessionId(), visit);
        QVERIFY(flow()->continued());
        QCOMPARE(flow()->plan().at(0).toMap().value(QStringLiteral("status")).toString(),
                 QStringLiteral("done"));
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
        // The child's form is as it was handed in: stored once, unchanged.
        const auto after = ws().responses.forSession(visit);
        int childForms = 0;
        for (const auto &r : after)
            if (r.record.respondent == Respondent::Child) {
                ++childForms;
                QCOMPARE(r.record.status, store::ResponseStatus::Complete);
                QCOMPARE(r.answers.toJson(), before.first().answers.toJson());
            }
        QCOMPARE(childForms, 1);
    }

    // A round opened and stopped before anyone began is not a session: the episode's
    // sessions, their numbering and the patient list leave it out, and the next round of the
    // day reuses that empty row instead of piling up more. A session where nobody handed a
    // form in still shows what happened to each respondent.
    void roundStoppedBeforeAnyoneBeganIsNotASession()
    {
        const QString patientId =
            newPatient(QStringLiteral("Ivo Example"), QDate::currentDate().addYears(-9));
        const QString episode = newEpisode(patientId);
        QVERIFY(!episode.isEmpty());
        const auto nextAction = [&] {
            PatientListModel list;
            list.setSearch(QStringLiteral("ivo"));
            return list.rowCount() == 1 ? list.get(0).value(QStringLiteral("nextAction")).toString()
                                        : QString();
        };
        QCOMPARE(flow()->start(episode), QString());
        const QString emptyVisit = flow()->sessionId();
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
        QCOMPARE(flow()->start(episode), QString());
        QCOMPARE(flow()->sessionId(), emptyVisit); // reused, not a second empty row
        QVERIFY(!flow()->continued());
        QCOMPARE(flow()->abandon(QStringLiteral("too-distressed")), QString());
        QCOMPARE(ws().sessions.forEpisode(episode).size(), 1);
        QVERIFY(ws().sessions.recordedForEpisode(episode).isEmpty());
        EpisodeController view;
        QCOMPARE(view.load(episode), QString());
        QVERIFY(view.sessions().isEmpty());
        QCOMPARE(nextAction(), QStringLiteral("Session 1 round due"));
        // "My patients" as it stays on the stack under the round: its row was shown.
        PatientListModel shown;
        shown.setSearch(QStringLiteral("ivo"));
        QCOMPARE(shown.rowCount(), 1);
        QCOMPARE(shown.data(shown.index(0), PatientListModel::NextActionRole).toString(),
                 QStringLiteral("Session 1 round due"));

        // The real visit: the child absent, the parent hands back unbegun, the physio answers.
        QCOMPARE(flow()->start(episode), QString());
        QCOMPARE(flow()->sessionId(), emptyVisit);
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("absent")), QString());
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentRespondent(), QStringLiteral("parent"));
        QCOMPARE(flow()->declineForm(), QString());
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        answerAll(2);
        QCOMPARE(flow()->finishForm(), QString());
        QCOMPARE(flow()->stage(), QStringLiteral("summary"));
        flow()->close();
        QCOMPARE(nextAction(), QStringLiteral("Session 2 round due"));
        // Back to the list: the round moved on, and the row on show says so (issue 12: the
        // rounds are read row by row as rows are shown, no longer all at every read).
        QSignalSpy changed(&shown, &QAbstractItemModel::dataChanged);
        shown.refresh();
        QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            const auto roles = args.at(2).value<QList<int>>(); // none named: every role
            return roles.isEmpty() || roles.contains(PatientListModel::NextActionRole);
        }));
        QCOMPARE(shown.data(shown.index(0), PatientListModel::NextActionRole).toString(),
                 QStringLiteral("Session 2 round due"));

        // Another round today, stopped at the plan: still one session, numbered 1.
        QVERIFY(flow()->roundDoneToday(episode));
        QCOMPARE(flow()->startSeparate(episode), QString());
        QVERIFY(flow()->sessionId() != emptyVisit);
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());
        QCOMPARE(ws().sessions.forEpisode(episode).size(), 2);
        QCOMPARE(view.load(episode), QString());
        QCOMPARE(view.sessions().size(), 1);
        const QVariantMap row = view.sessions().first().toMap();
        QCOMPARE(row.value(QStringLiteral("sessionId")).toString(), emptyVisit);
        QCOMPARE(row.value(QStringLiteral("index")).toInt(), 1);
        QCOMPARE(row.value(QStringLiteral("childStatus")).toString(), QStringLiteral("skipped"));
        QCOMPARE(row.value(QStringLiteral("parentStatus")).toString(), QStringLiteral("declined"));
        QVERIFY(row.value(QStringLiteral("physio")).isValid());
        QCOMPARE(nextAction(), QStringLiteral("Session 2 round due"));
    }

    // A parent who answered is removed in the editor: their response stays (same scores in
    // the history), the next round no longer names them, and erasing the patient still
    // removes everything, the removal mark included.
    void removedGuardianKeepsAnswersAndLeavesTheRound()
    {
        const QString patientId =
            newPatient(QStringLiteral("Uma Example"), QDate::currentDate().addYears(-10));
        const QString episode = newEpisode(patientId);
        QCOMPARE(flow()->start(episode), QString());
        QCOMPARE(flow()->skip(QStringLiteral("child"), QStringLiteral("absent")), QString());
        QCOMPARE(flow()->proceed(), QString());
        QCOMPARE(flow()->currentName(), QStringLiteral("Sam"));
        QCOMPARE(flow()->proceed(), QString());
        if (flow()->stage() == QLatin1String("language"))
            QCOMPARE(flow()->beginForm(QStringLiteral("en")), QString());
        answerAll(4);
        QCOMPARE(flow()->finishForm(), QString());
        QVERIFY(flow()->leavePatientMode(QStringLiteral("2468")));
        answerAll(5);
        QCOMPARE(flow()->finishForm(), QString());
        flow()->close();
        EpisodeController before;
        QCOMPARE(before.load(episode), QString());
        QVERIFY(before.sessions().first().toMap().value(QStringLiteral("parent")).isValid());

        PatientEditor editor;
        QCOMPARE(editor.load(patientId), QString());
        QCOMPARE(editor.removalQuestion(0),
                 QStringLiteral("Remove Sam Example from Uma's parents and carers? Sam Example "
                                "answered one parent form: those answers stay in the sessions "
                                "and the chart; Sam Example is no longer offered for new "
                                "rounds."));
        QCOMPARE(editor.removeGuardian(0), QString());
        QVERIFY(editor.guardians().isEmpty());
        QCOMPARE(editor.save(), QString()); // nothing comes back on the next save
        QVERIFY(ws().patients.guardians(patientId).isEmpty());
        QCOMPARE(editor.removeGuardian(0),
                 QStringLiteral("Guardians: there is no parent or carer 1."));
        EpisodeController after;
        QCOMPARE(after.load(episode), QString());
        QCOMPARE(after.sessions(), before.sessions());

        QVERIFY(flow()->roundDoneToday(episode));
        QCOMPARE(flow()->startSeparate(episode), QString());
        QCOMPARE(flow()->plan().at(1).toMap().value(QStringLiteral("name")).toString(), QString());
        QCOMPARE(flow()->abandon(QStringLiteral("absent")), QString());

        QVERIFY2(ws().patients.erase(patientId), qPrintable(ws().patients.lastError().message()));
        QSqlQuery q = session()->database().query();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM guardian_removal")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // An episode straddling the 2.0.0 upgrade: the physio answered 1.0.0 in sessions 1 and 2
    // and 2.0.0 in session 3. The episode screen says in plain words, from the core's note,
    // that the physio's line starts a new baseline at session 3, and charts only that point.
    void episodeScreenNamesTheFormChange()
    {
        const InstrumentLibrary &library = InstrumentCatalog::instance()->library();
        const Instrument *oldPhysio =
            library.find(QStringLiteral("triad-physio"), QStringLiteral("1.0.0"));
        const Instrument *newPhysio = library.find(QStringLiteral("triad-physio"));
        QVERIFY(oldPhysio && newPhysio);
        QCOMPARE(newPhysio->version, QStringLiteral("2.0.0"));
        const QString episode = newEpisode(
            newPatient(QStringLiteral("Noor Example"), QDate::currentDate().addYears(-10)));
        QVERIFY(!episode.isEmpty());
        for (int k = 0; k < 3; ++k) {
            const auto s = ws().sessions.create(episode, session()->signedInStaffId(),
                                                QDate::currentDate().addDays(7 * (k - 3)));
            QVERIFY(s);
            const Instrument &form = k < 2 ? *oldPhysio : *newPhysio;
            const auto draft =
                ws().responses.startDraft(s->id, Respondent::Physio, form, QStringLiteral("en"));
            QVERIFY(draft);
            QVERIFY(ws().responses.complete(draft->id, form, scoredAnswers(form, 4)));
            if (k == 1) {
                // Only 1.0.0 answers so far: no shared questions to chart.
                EpisodeController before;
                QCOMPARE(before.load(episode), QString());
                QVERIFY(!before.hasCore());
            }
        }
        EpisodeController screen;
        QCOMPARE(screen.load(episode), QString());
        // The 2.0.0 session has the common core: the chart offers it, one point at session 3.
        QVERIFY(screen.hasCore());
        const QVariantList core = screen.series(QStringLiteral("physio"), QStringLiteral("core"));
        QCOMPARE(core.size(), 1);
        QCOMPARE(core.first().toMap().value(QStringLiteral("x")).toInt(), 3);
        QCOMPARE(screen.formChanges(),
                 QStringList{QStringLiteral(
                     "Physio: new baseline from session 3 (form version 2.0.0); the earlier "
                     "scores (version 1.0.0) are not compared with it.")});
        const QVariantList physio =
            screen.series(QStringLiteral("physio"), QStringLiteral("total"));
        QCOMPARE(physio.size(), 1);
        QCOMPARE(physio.first().toMap().value(QStringLiteral("x")).toInt(), 3);
        // An episode on one form version says nothing of the kind.
        QCOMPARE(screen.load(m_episodeId), QString());
        QVERIFY(screen.formChanges().isEmpty());
    }

    // A physio draft begun on the 1.0.0 form before the upgrade is resumed after it on 1.0.0
    // (13 items, where 2.0.0 has 12), keeps its answers, and is stored and scored as 1.0.0.
    void draftBegunBeforeTheUpgradeIsFinishedOnItsVersion()
    {
        const Instrument *oldPhysio = InstrumentCatalog::instance()->library().find(
            QStringLiteral("triad-physio"), QStringLiteral("1.0.0"));
        QVERIFY(oldPhysio);
        QCOMPARE(oldPhysio->items.size(), 13);
        QVERIFY(InstrumentCatalog::instance()->find(QStringLiteral("triad-physio"))->items.size() !=
                13);
        const QString episode = newEpisode(
            newPatient(QStringLiteral("Rui Example"), QDate::currentDate().addYears(-11)));
        QVERIFY(!episode.isEmpty());
        const auto visit =
            ws().sessions.create(episode, session()->signedInStaffId(), QDate::currentDate());
        QVERIFY(visit);
        const auto draft = ws().responses.startDraft(visit->id, Respondent::Physio, *oldPhysio,
                                                     QStringLiteral("en"));
        QVERIFY(draft);
        for (int row = 0; row < 2; ++row)
            QVERIFY(
                ws().responses.saveAnswer(draft->id, *oldPhysio, oldPhysio->items.at(row).id, 2));

        RoundFlow *other = RoundFlow::createDetached(this);
        other->refreshResume();
        QVERIFY(other->resumeAvailable());
        QVERIFY2(other->resumeDescription().contains(QStringLiteral("Rui")),
                 qPrintable(other->resumeDescription()));
        QVERIFY2(other->resumeDescription().contains(QStringLiteral("question 3 of 13")),
                 qPrintable(other->resumeDescription()));
        QCOMPARE(other->resumeItemIndex(), 2);
        QCOMPARE(other->resume(), QString());
        QCOMPARE(other->stage(), QStringLiteral("form"));
        QuestionnaireModel *q = other->questionnaire();
        QCOMPARE(q->instrument().version, QStringLiteral("1.0.0"));
        QCOMPARE(q->count(), 13);
        QCOMPARE(q->answeredCount(), 2);
        QCOMPARE(testing::answerRows(*q, 2, q->count(), 4), QString());
        const Answers all = q->answers();
        QCOMPARE(other->finishForm(), QString());

        const auto stored = ws().responses.get(draft->id);
        QVERIFY(stored);
        QCOMPARE(stored->record.status, store::ResponseStatus::Complete);
        QCOMPARE(stored->record.instrumentVersion, QStringLiteral("1.0.0"));
        QCOMPARE(stored->answers.toJson(), all.toJson());
        QCOMPARE(stored->scores.total.normalised, score(*oldPhysio, all).total.normalised);
        QVERIFY(!stored->scores.hasCore());
        QCOMPARE(other->abandon(QStringLiteral("absent")), QString());
        delete other;
    }

    void trivialPinsAreRefusedAndTypedTwice()
    {
        for (const char *guess : {"1234", "0000", "1111", "9876", "45678"}) {
            const QString message = session()->setPin(QString::fromLatin1(guess));
            QVERIFY2(message.contains(QStringLiteral("the first PIN anyone would try")),
                     qPrintable(message));
        }
        QVERIFY(session()
                    ->setPinTwice(QStringLiteral("2468"), QStringLiteral("2486"))
                    .contains(QStringLiteral("not the same")));
        QCOMPARE(session()->setPinTwice(QStringLiteral("2468"), QStringLiteral("2468")), QString());
        QVERIFY(session()->hasPin());
    }

    void idleLockWaitsWhileAFormRuns()
    {
        if (session()->state() != QLatin1String("signedIn")) {
            session()->signOut();
            signInAgain();
        }
        ClinicSession::setIdleMinuteForTesting(100); // a "minute" of 100 ms
        session()->setIdleMinutes(2);
        // A form running: the family has the tablet, it never locks under them.
        session()->setFormRunning(true);
        session()->userActivity();
        QTest::qWait(400);
        QCOMPARE(session()->state(), QStringLiteral("signedIn"));
        // No form: after the idle time the tablet locks (PIN lock when a PIN is set).
        session()->setFormRunning(false);
        QTRY_VERIFY_WITH_TIMEOUT(session()->state() != QLatin1String("signedIn"), 2000);
        QVERIFY(!session()->vault().isUnlocked());
        // Said in plain English, plural and all (the English file's plural forms).
        const QString reason = session()->lockReason();
        QVERIFY2(reason == QLatin1String("Locked after 2 minutes without use. Your PIN opens it "
                                         "again.") ||
                     reason ==
                         QLatin1String("Signed out after 2 minutes without use (no PIN is set)."),
                 qPrintable(reason));
        // Activity keeps it open.
        session()->signOut();
        signInAgain();
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(100);
            session()->userActivity();
        }
        QCOMPARE(session()->state(), QStringLiteral("signedIn"));
        ClinicSession::setIdleMinuteForTesting(60 * 1000);
        session()->userActivity();
        QCOMPARE(session()->setPin(QStringLiteral("2468")), QString()); // signing out wiped it
    }

    void fiveWrongPinsRequireThePassphrase()
    {
        session()->lock();
        QCOMPARE(session()->state(), QStringLiteral("pinLocked"));
        QVERIFY(session()->workspace() == nullptr);
        QCOMPARE(session()->unlockWithPin(QStringLiteral("2468")), QString());
        QCOMPARE(session()->state(), QStringLiteral("signedIn"));
        session()->lock();
        for (int i = 1; i < 5; ++i) {
            const QString message = session()->unlockWithPin(QStringLiteral("1111"));
            QVERIFY2(message.startsWith(QStringLiteral("PIN:")), qPrintable(message));
            QCOMPARE(session()->pinAttemptsLeft(), 5 - i);
            QCOMPARE(session()->state(), QStringLiteral("pinLocked"));
        }
        QVERIFY(session()
                    ->unlockWithPin(QStringLiteral("1111"))
                    .contains(QStringLiteral("passphrase")));
        QCOMPARE(session()->state(), QStringLiteral("signIn"));
        QVERIFY(!session()->vault().holdsKey());
        signInAgain();
        QVERIFY(!session()->hasPin()); // the PIN went with the key
        session()->signOut();
        QCOMPARE(session()->state(), QStringLiteral("signIn"));
    }
};

QTEST_GUILESS_MAIN(TestRoundFlow)
#include "tst_roundflow.moc"
