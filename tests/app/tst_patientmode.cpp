// Patient mode holds: while a child answers, Escape, Android's Back and closing the window
// leave the form exactly where it was (same stage, same question). Only a staff PIN leads
// out, and a wrong PIN does not. Synthetic demo clinic only.
#include "demoscreens.h"
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/roundflow.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QJsonObject>
#include <QPointer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace triad::test;

class TestPatientMode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { triad::app::prepareStyle(); }

    void escapeBackAndCloseKeepTheForm()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        const QVariantMap patient = findDemoPatient([](const QVariantMap &) { return true; });
        QVERIFY(!patient.isEmpty());
        QVERIFY(openEpisode(ui, patient));
        QVERIFY2(runRoundToForm(ui), qPrintable(ui.warnings().join(QLatin1Char('\n'))));
        auto *flow = triad::app::RoundFlow::instance();
        QVERIFY(flow->patientMode());
        QVERIFY(ui.click(QStringLiteral("Start")));
        // Move to the second question, so "unchanged" is not just "back at the start".
        QCOMPARE(triad::testing::answerRows(*flow->questionnaire(), 0, 1, 0), QString());
        ui.settle(600); // past the tap guard
        QVERIFY(ui.click(QStringLiteral("Next")));
        auto *runner = ui.window()->findChild<QObject *>(QStringLiteral("patientForm"));
        QVERIFY(runner);
        QCOMPARE(runner->property("stage").toString(), QStringLiteral("question"));
        QCOMPARE(runner->property("currentIndex").toInt(), 1);
        ui.settle(500);
        const QStringList before = ui.visibleTexts();

        ui.key(Qt::Key_Escape);
        ui.key(Qt::Key_Back);
        QCloseEvent close;
        QCoreApplication::sendEvent(ui.window(), &close);
        ui.settle();

        QVERIFY(!close.isAccepted());
        QVERIFY(ui.window()->isVisible());
        QCOMPARE(flow->stage(), QStringLiteral("form"));
        QVERIFY(flow->patientMode());
        QCOMPARE(runner->property("stage").toString(), QStringLiteral("question"));
        QCOMPARE(runner->property("currentIndex").toInt(), 1);
        QCOMPARE(ui.visibleTexts(), before);

        // A wrong PIN keeps patient mode; the right one leads back to the plan.
        QVERIFY(ui.click(QStringLiteral("Staff")));
        QVERIFY(tapPin(ui, QStringLiteral("1111")));
        QTRY_VERIFY(!triad::app::ClinicSession::instance()->busy());
        QVERIFY(flow->patientMode());
        QTRY_VERIFY(
            ui.visibleTexts().contains(QStringLiteral("That PIN did not match. 4 tries left.")));
        QVERIFY(tapPin(ui, QString::fromLatin1(kDemoPin)));
        QTRY_VERIFY(!flow->patientMode());
        QTRY_COMPARE(flow->stage(), QStringLiteral("plan"));
        QVERIFY(stopRound(ui));
        QCOMPARE(ui.warnings(), QStringList());
    }

    // A child taps "I'm done" twice, fast. The form shows its thank-you and is handed in
    // once (stored after the thank-you's first frame: bench_ui measures that); the second tap
    // hands in nothing else, and the parent's form waits behind the hand-over.
    void doubleTapOnImDoneHandsInOnce()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 2"), QStringLiteral("demo-passphrase-2")));
        const QVariantMap patient = findDemoPatient([](const QVariantMap &) { return true; });
        QVERIFY(!patient.isEmpty());
        QVERIFY(openEpisode(ui, patient));
        QVERIFY2(runRoundToForm(ui), qPrintable(ui.warnings().join(QLatin1Char('\n'))));
        auto *flow = triad::app::RoundFlow::instance();
        auto *form = flow->questionnaire();
        const QString first = flow->currentRespondent();
        QCOMPARE(triad::testing::answerRows(*form, 0, form->count(), 0), QString());
        QVERIFY(ui.click(QStringLiteral("Start")));
        for (int i = 0; i < 3 * form->count() && !ui.find(QStringLiteral("I'm done")); ++i) {
            ui.settle(600); // past the tap guard
            if (ui.find(QStringLiteral("Next")))
                ui.click(QStringLiteral("Next"));
        }
        QVERIFY(ui.waitFor(QStringLiteral("I'm done")));
        ui.settle(600);
        QQuickItem *done = ui.find(QStringLiteral("I'm done"));
        QVERIFY(done);
        const QPoint spot =
            done->mapToScene(QPointF(done->width() / 2, done->height() / 2)).toPoint();
        // What the form showed when the round moved on.
        const QPointer<QObject> runner =
            ui.window()->findChild<QObject *>(QStringLiteral("patientForm"));
        QVERIFY(runner);
        QStringList formStageWhenStored;
        const auto watch = connect(flow, &triad::app::RoundFlow::stageChanged, this, [&] {
            formStageWhenStored << (runner ? runner->property("stage").toString() : QString());
        });
        QTest::mouseClick(ui.window(), Qt::LeftButton, {}, spot);
        QTest::mouseClick(ui.window(), Qt::LeftButton, {}, spot);
        QTRY_COMPARE(flow->stage(), QStringLiteral("handover"));
        disconnect(watch);
        QCOMPARE(formStageWhenStored.value(0), QStringLiteral("thanks"));
        ui.settle(600);
        QCOMPARE(flow->errorMessage(), QString());
        QVERIFY(flow->currentRespondent() != first);

        QSqlQuery q = triad::app::ClinicSession::instance()->database().query();
        q.prepare(QStringLiteral("SELECT respondent, status FROM response WHERE session_id = ?"));
        q.addBindValue(flow->sessionId());
        QVERIFY(q.exec());
        QStringList stored;
        while (q.next())
            stored << q.value(0).toString() + QLatin1Char(':') + q.value(1).toString();
        QCOMPARE(stored, QStringList{first + QStringLiteral(":complete")});
        QVERIFY(stopRound(ui));
        QCOMPARE(ui.warnings(), QStringList());
    }

    // A child mashes the "Staff" keypad until the PIN is switched off. The tablet does not
    // fall to the sign-in screen: the same keypad turns into a passphrase form, the form and
    // its saved answers stay, and the physio gets the tablet back with their passphrase and
    // is told what happened. The lockout is in the audit log.
    void childMashingPinsThenPhysioPassphrase()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        auto *session = triad::app::ClinicSession::instance();
        const QString physioId = session->signedInStaffId();
        const QVariantMap patient = findDemoPatient([](const QVariantMap &) { return true; });
        QVERIFY(openEpisode(ui, patient));
        QVERIFY(runRoundToForm(ui));
        auto *flow = triad::app::RoundFlow::instance();
        QVERIFY(ui.click(QStringLiteral("Start")));
        QCOMPARE(triad::testing::answerRows(*flow->questionnaire(), 0, 2, 0), QString());
        const QJsonObject answers = flow->questionnaire()->answers().toJson();
        const QString sessionId = flow->sessionId();

        QVERIFY(ui.click(QStringLiteral("Staff")));
        for (int i = 0; i < triad::crypto::Vault::kMaxPinAttempts; ++i) {
            QVERIFY(ui.waitFor(QStringLiteral("Digit 1")));
            QVERIFY(tapPin(ui, QStringLiteral("%1%1%1%1").arg(i + 1)));
            QTRY_VERIFY(!session->busy());
            ui.settle(100);
        }
        // Locked out: the key is gone, but the round is still on screen, in patient mode.
        QTRY_VERIFY(session->staffLockout());
        QVERIFY(!session->vault().holdsKey());
        QCOMPARE(flow->stage(), QStringLiteral("form"));
        QVERIFY(flow->patientMode());
        QVERIFY(ui.waitFor(QStringLiteral("Unlock with passphrase")));
        QVERIFY(ui.find(QStringLiteral("Digit 1")) == nullptr); // no PIN that cannot exist
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Too many wrong PINs")));
        QVERIFY(!ui.visibleTexts().contains(QStringLiteral("Who are you?"))); // not sign-in
        ui.screenshot(QStringLiteral("round-pin-lockout"));

        // A wrong passphrase is refused and says so; the round stays.
        QVERIFY(ui.clickItem(ui.find(QStringLiteral("Passphrase"))));
        ui.type(QStringLiteral("not-the-passphrase"));
        QVERIFY(ui.click(QStringLiteral("Unlock with passphrase")));
        QTRY_VERIFY(ui.visibleTexts().contains(
            QStringLiteral("Passphrase: this is not the passphrase of this staff member.")));
        QVERIFY(flow->patientMode());
        QVERIFY(session->staffLockout());

        // The physio's passphrase: out of patient mode, to the plan, told what happened.
        QVERIFY(ui.clickItem(ui.find(QStringLiteral("Passphrase"))));
        ui.type(QStringLiteral("demo-passphrase-1"));
        QVERIFY(ui.click(QStringLiteral("Unlock with passphrase")));
        QTRY_COMPARE_WITH_TIMEOUT(flow->stage(), QStringLiteral("plan"), 20000);
        QVERIFY(!flow->patientMode());
        QVERIFY(!session->staffLockout());
        QCOMPARE(session->state(), QStringLiteral("signedIn"));
        QCOMPARE(session->signedInStaffId(), physioId);
        QCOMPARE(flow->sessionId(), sessionId);
        ui.settle();
        bool told = false;
        for (const QString &t : ui.visibleTexts())
            told = told || (t.contains(QStringLiteral("5 wrong PINs were typed")) &&
                            t.contains(QStringLiteral("Demo Physio 1")));
        QVERIFY(told);
        ui.screenshot(QStringLiteral("round-pin-lockout-notice"));

        // The answers are still there: the draft holds them and the form reopens with them.
        QVERIFY(ui.click(QStringLiteral("Go on with the round")));
        QTRY_COMPARE(flow->stage(), QStringLiteral("handover"));
        QVERIFY(flow->proceed().isEmpty());
        QTRY_COMPARE(flow->stage(), QStringLiteral("form"));
        QCOMPARE(flow->questionnaire()->answers().toJson(), answers);

        // Audited: the lockout joined the audit chain at the passphrase sign-in.
        QSqlQuery q = session->database().query();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'pin-lockout'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);

        // No PIN now: the hand-back asks for the passphrase, never a PIN that is gone.
        QVERIFY(!session->hasPin());
        QVERIFY(ui.click(QStringLiteral("Staff")));
        QVERIFY(ui.waitFor(QStringLiteral("Unlock with passphrase")));
        QVERIFY(ui.clickItem(ui.find(QStringLiteral("Passphrase"))));
        ui.type(QStringLiteral("demo-passphrase-1"));
        QVERIFY(ui.click(QStringLiteral("Unlock with passphrase")));
        QTRY_COMPARE_WITH_TIMEOUT(flow->stage(), QStringLiteral("plan"), 20000);
        session->dismissLockoutNotice();
        QVERIFY(stopRound(ui));

        // The next round asks for a new PIN right there, on the episode screen.
        QVERIFY(openEpisode(ui, patient));
        QVERIFY(ui.click(QStringLiteral("End-of-session round")));
        QVERIFY(ui.waitFor(QStringLiteral("Set PIN and start")));
        QVERIFY(ui.clickItem(ui.find(QStringLiteral("New PIN (digits)"))));
        ui.type(QString::fromLatin1(kDemoPin));
        QVERIFY(ui.clickItem(ui.find(QStringLiteral("The same PIN again"))));
        ui.type(QString::fromLatin1(kDemoPin));
        QVERIFY(ui.click(QStringLiteral("Set PIN and start")));
        QTRY_VERIFY(session->hasPin());
        // Today's session was recorded (stopped, the child absent): the physio confirms a
        // separate one.
        QVERIFY(ui.waitFor(QStringLiteral("Confirm: Record another session")));
        QVERIFY(ui.click(QStringLiteral("Confirm: Record another session")));
        QTRY_COMPARE(flow->stage(), QStringLiteral("plan"));
        QVERIFY(stopRound(ui));
        QCOMPARE(ui.warnings(), QStringList());
    }

    // The PIN lock screen (idle lock or "Lock"): the PIN's slow hash runs on a worker
    // thread while the screen shows "Checking the PIN…"; wrong PINs say how many tries are
    // left, the right one returns to the same person; the fifth wrong PIN in a row forgets
    // the key and the sign-in screen says why.
    void lockScreenChecksThePinOffTheUiThread()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        auto *session = triad::app::ClinicSession::instance();
        const QString physioId = session->signedInStaffId();
        QVERIFY(session->hasPin());
        QVERIFY(ui.click(QStringLiteral("Lock")));
        QTRY_COMPARE(session->state(), QStringLiteral("pinLocked"));
        QVERIFY(ui.waitFor(QStringLiteral("Digit 1")));

        // What the screen shows at the moment the check starts, and whether the verdict came
        // back inside the tap (it must not: the hash runs elsewhere, the UI thread goes on).
        int checks = 0, indicatorShown = 0, buttonsDisabled = 0;
        bool checking = false;
        const auto watch = connect(session, &triad::app::ClinicSession::busyChanged, session, [&] {
            checking = session->busy();
            if (!checking)
                return;
            ++checks;
            QQuickItem *indicator = ui.find(QStringLiteral("Checking"));
            if (indicator && indicator->isVisible() &&
                ui.visibleTexts().contains(QStringLiteral("Checking the PIN…")))
                ++indicatorShown;
            QQuickItem *ok = ui.find(QStringLiteral("Enter PIN"));
            QQuickItem *signOut = ui.find(QStringLiteral("Sign out"));
            if (ok && !ok->isEnabled() && signOut && !signOut->isEnabled())
                ++buttonsDisabled;
        });
        int verdicts = 0;
        bool verdictInsideTap = false;
        const auto heard = connect(session, &triad::app::ClinicSession::pinUnlockFinished, session,
                                   [&](bool, const QString &) { ++verdicts; });

        for (const QString &wrong : {QStringLiteral("1357"), QStringLiteral("8642")}) {
            const int before = verdicts;
            for (const QChar digit : wrong)
                QVERIFY(ui.click(QStringLiteral("Digit %1").arg(digit)));
            QQuickItem *ok = ui.find(QStringLiteral("Enter PIN"));
            QVERIFY(ok);
            QMetaObject::invokeMethod(ok, "clicked");
            verdictInsideTap = verdictInsideTap || verdicts != before;
            QTRY_VERIFY(verdicts == before + 1);
            QTRY_VERIFY(!session->busy());
        }
        QVERIFY(!verdictInsideTap);
        QCOMPARE(session->state(), QStringLiteral("pinLocked"));
        QCOMPARE(session->pinAttemptsLeft(), 3);
        QTRY_VERIFY(
            ui.visibleTexts().contains(QStringLiteral("PIN: wrong PIN. Attempts left: 3.")));
        const QStringList problems = ui.screenshotEveryWay(QStringLiteral("pin-lock-wrong-pin"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

        QVERIFY(tapPin(ui, QString::fromLatin1(kDemoPin)));
        QTRY_COMPARE(session->state(), QStringLiteral("signedIn"));
        QCOMPARE(session->signedInStaffId(), physioId);
        QCOMPARE(session->pinAttemptsLeft(), 5);
        QCOMPARE(checks, 3);
        QCOMPARE(indicatorShown, 3);
        QCOMPARE(buttonsDisabled, 3);

        // Five wrong PINs in a row: the key is forgotten and the sign-in screen says why.
        QVERIFY(ui.click(QStringLiteral("Lock")));
        QTRY_COMPARE(session->state(), QStringLiteral("pinLocked"));
        for (int i = 0; i < triad::crypto::Vault::kMaxPinAttempts; ++i) {
            QVERIFY(ui.waitFor(QStringLiteral("Digit 1")));
            QVERIFY(tapPin(ui, QStringLiteral("%1%1%1%2").arg(i + 1).arg(i + 2)));
            QTRY_VERIFY(!session->busy());
            ui.settle(50);
        }
        disconnect(watch);
        disconnect(heard);
        QTRY_COMPARE(session->state(), QStringLiteral("signIn"));
        QVERIFY(!session->vault().holdsKey());
        QVERIFY(ui.waitFor(QStringLiteral("Sign in")));
        QTRY_VERIFY(ui.visibleTexts().contains(
            QStringLiteral("Too many wrong PINs: please sign in again with your passphrase.")));
        ui.screenshot(QStringLiteral("pin-lock-too-many"));
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestPatientMode test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_patientmode.moc"
