// Renders the screens a person sees and saves them as PNGs in <build>/screenshots,
// checking on the way that nothing interactive is smaller than a finger and no text
// is cut off. Run under Xvfb for faithful pictures (deploy/test.sh does). Every record
// shown is the demo clinic's synthetic data.
#include "demoscreens.h"
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/episodecontroller.h"
#include "app/instrumentcatalog.h"
#include "app/patienteditor.h"
#include "app/roundflow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFont>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace triad::test;

namespace {
const QString kPhysio = QStringLiteral("Demo Physio 1");
const QString kPhysioPassphrase = QStringLiteral("demo-passphrase-1");

// What a person would notice on any screen: targets too small, text cut off, QML errors.
#define CHECK_SCREEN(ui)                                                                           \
    do {                                                                                           \
        QCOMPARE((ui).smallTargets(), QStringList());                                              \
        QCOMPARE((ui).clippedTexts(), QStringList());                                              \
        QCOMPARE((ui).warnings(), QStringList());                                                  \
    } while (false)
// Every item at the bottom of the alliance scale (reverse keys honoured): a sharp drop.
void answerLowest(triad::app::QuestionnaireModel &q)
{
    using namespace triad;
    const Instrument &in = q.instrument();
    for (int row = 0; row < q.count(); ++row) {
        const Item &item = in.items.at(row);
        const ResponseFormat *f = in.format(item.formatId);
        QVariant v;
        switch (f->kind) {
        case FormatKind::Likert:
        case FormatKind::Faces:
            v = item.reverse ? f->choices.last().value : f->choices.first().value;
            break;
        case FormatKind::Slider:
            v = item.reverse ? 100.0 : 0.0;
            break;
        case FormatKind::YesNo:
            v = item.reverse;
            break;
        case FormatKind::FreeText:
            continue;
        }
        q.setAnswer(row, v);
    }
}

QStringList openCards(const QString &episodeId)
{
    QStringList ids;
    if (!triad::testing::waitForClinicFigures()) // the cards are judged against them
        return ids;
    triad::app::EpisodeController episode;
    if (!episode.load(episodeId).isEmpty())
        return ids;
    for (const QVariant &v : episode.alerts()) {
        const QVariantMap a = v.toMap();
        if (a.value(QStringLiteral("severity")).toString() != QLatin1String("info") &&
            !a.value(QStringLiteral("acknowledged")).toBool() &&
            !a.value(QStringLiteral("resolved")).toBool())
            ids << a.value(QStringLiteral("alertId")).toString();
    }
    return ids;
}
} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        triad::app::prepareStyle();
        // Device settings live in (test-mode) QSettings and outlive a run: start from the
        // defaults every time.
        auto *session = triad::app::ClinicSession::instance();
        session->setFontScale(1.0);
        session->setHighContrast(false);
    }

    // "Explore with a demo clinic": a progress bar with named steps while the work runs, then
    // the sign-in screen naming the made-up accounts with their passphrases; tapping one fills
    // its passphrase in and "Sign in" works. Landscape and portrait, at 1x and 2x text.
    void demoClinicEndsOnSignInNamingItsAccounts()
    {
        auto *session = triad::app::ClinicSession::instance();
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QCOMPARE(session->state(), QStringLiteral("firstRun"));
        QVERIFY(!ui.screenshot(QStringLiteral("first-run")).isEmpty());
        CHECK_SCREEN(ui);
        // Each step as the screen shows it (the bar is visible, its words are the step).
        QStringList shownSteps;
        bool shot = false;
        QObject guard;
        connect(session, &triad::app::ClinicSession::demoProgressChanged, &guard, [&] {
            if (!ui.find(QStringLiteral("Demo clinic progress")))
                return;
            shownSteps << session->demoStep();
            if (!shot && session->demoStep().startsWith(QStringLiteral("Patients")))
                shot = !ui.screenshot(QStringLiteral("demo-progress")).isEmpty();
        });
        QElapsedTimer made; // a figure for docs/PERFORMANCE.md, never asserted
        made.start();
        QVERIFY(ui.click(QStringLiteral("Explore with a demo clinic")));
        QVERIFY(ui.waitFor(QStringLiteral("I am Demo Admin"), 60000));
        const qint64 madeMs = made.elapsed();
        ui.settle();
        QCOMPARE(session->state(), QStringLiteral("signIn"));
        QVERIFY(shot);
        QVERIFY2(shownSteps.contains(QStringLiteral("Staff accounts: 1 of 5")) &&
                     shownSteps.contains(QStringLiteral("Patients and their sessions: 6 of 12")) &&
                     shownSteps.contains(QStringLiteral("Alerts from the sessions: 12 of 12")),
                 qPrintable(shownSteps.join(QLatin1Char('|'))));
        const QStringList texts = ui.visibleTexts();
        for (const QString &named :
             {QStringLiteral("Demo Admin (administrator)\npassphrase: demo-passphrase-admin"),
              QStringLiteral("Demo Lead (clinic lead)\npassphrase: demo-passphrase-lead"),
              QStringLiteral("Demo Physio 1 (physiotherapist)\npassphrase: demo-passphrase-1")})
            QVERIFY2(texts.contains(named), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(!ui.screenshot(QStringLiteral("sign-in-demo")).isEmpty());
        CHECK_SCREEN(ui);
        for (const qreal scale : {2.0, 1.0}) {
            session->setFontScale(scale);
            for (const QSize size : {QSize(800, 1280), QSize(1280, 800)}) {
                ui.window()->resize(size);
                ui.settle();
                QVERIFY(!ui.screenshot(
                               QStringLiteral("sign-in-demo-%1x-%2")
                                   .arg(scale)
                                   .arg(size.width() > size.height() ? "landscape" : "portrait"))
                             .isEmpty());
                CHECK_SCREEN(ui);
            }
        }
        QVERIFY(ui.click(QStringLiteral("I am %1").arg(kPhysio)));
        QVERIFY(ui.click(QStringLiteral("Sign in")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), QStringLiteral("signedIn"), 20000);
        QCOMPARE(session->signedInName(), kPhysio);
        session->signOut();
        // Last: the driver counts every message as a warning.
        qInfo("demo clinic through the app: tap to sign-in screen in %lld ms", madeMs);
    }

    void previewScreen()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Demo clinic — synthetic data")));
        QVERIFY(ui.openPreview());
        QVERIFY2(ui.waitFor(QStringLiteral("Try How was physio today? (4–7 years)")),
                 qPrintable(ui.visibleTexts().join('|')));
        QVERIFY(!ui.screenshot(QStringLiteral("preview")).isEmpty());
        CHECK_SCREEN(ui);
    }

    void eachFormFirstQuestion_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << QStringLiteral("Physio: a parent's view")
                                << QStringLiteral("form-parent");
        QTest::newRow("physio") << QStringLiteral("End of session: your view")
                                << QStringLiteral("form-physio");
    }

    void eachFormFirstQuestion()
    {
        QFETCH(QString, title);
        QFETCH(QString, name);
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.openPreview());
        QVERIFY(ui.waitFor(QStringLiteral("Try ") + title));
        QVERIFY(ui.click(QStringLiteral("Try ") + title));
        QVERIFY(!ui.screenshot(name + QStringLiteral("-intro")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Start")));
        QVERIFY(!ui.screenshot(name + QStringLiteral("-q1")).isEmpty());
        CHECK_SCREEN(ui);
    }

    // A question that can fail to apply offers "Not yet / doesn't apply" apart from the scale;
    // tapping it marks it chosen (and the scale stays unchosen).
    void notYetAnswerBesideTheScale()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.openPreview());
        QVERIFY(ui.waitFor(QStringLiteral("Try End of session: your view")));
        QVERIFY(ui.click(QStringLiteral("Try End of session: your view")));
        QVERIFY(ui.click(QStringLiteral("Start")));
        // Next waits for an answer, and taps just after a page change are ignored.
        for (int i = 0; i < 2; ++i) {
            ui.settle(600);
            QVERIFY(ui.click(QStringLiteral("Mostly")));
            QVERIFY(ui.click(QStringLiteral("Next")));
        }
        ui.settle(600);
        QVERIFY(ui.waitFor(QStringLiteral("Not yet / doesn't apply")));
        QVERIFY(!ui.screenshot(QStringLiteral("form-physio-notyet")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Not yet / doesn't apply")));
        ui.settle();
        QVERIFY(!ui.screenshot(QStringLiteral("form-physio-notyet-chosen")).isEmpty());
        CHECK_SCREEN(ui);
    }

    void signInScreen()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        triad::app::ClinicSession::instance()->signOut();
        QVERIFY(ui.waitFor(QStringLiteral("I am %1").arg(kPhysio)));
        QVERIFY(!ui.screenshot(QStringLiteral("sign-in")).isEmpty());
        CHECK_SCREEN(ui);
        // A wrong passphrase is said plainly and keeps the screen.
        QVERIFY(ui.click(QStringLiteral("I am %1").arg(kPhysio)));
        QVERIFY(ui.click(QStringLiteral("Passphrase")));
        ui.type(QStringLiteral("not the passphrase"));
        QVERIFY(ui.click(QStringLiteral("Sign in")));
        // The message names the passphrase ("Passphrase: ..."), in the sign-in screen itself.
        QTRY_VERIFY_WITH_TIMEOUT(!ui.visibleTexts().filter(QStringLiteral("passphrase")).isEmpty(),
                                 20000);
        ui.settle();
        QCOMPARE(triad::app::ClinicSession::instance()->state(), QStringLiteral("signIn"));
        QVERIFY(!ui.screenshot(QStringLiteral("sign-in-wrong")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Passphrase")));
        ui.type(kPhysioPassphrase);
        QVERIFY(!ui.screenshot(QStringLiteral("sign-in-typed")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Sign in")));
        QTRY_COMPARE_WITH_TIMEOUT(triad::app::ClinicSession::instance()->state(),
                                  QStringLiteral("signedIn"), 20000);
        QCOMPARE(triad::app::ClinicSession::instance()->signedInName(), kPhysio);
    }

    void myPatients()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        QVERIFY(ui.waitFor(QStringLiteral("New patient")));
        QVERIFY(!ui.screenshot(QStringLiteral("patients")).isEmpty());
        CHECK_SCREEN(ui);
        ui.window()->resize(800, 1280);
        ui.settle();
        QVERIFY(!ui.screenshot(QStringLiteral("patients-portrait")).isEmpty());
        CHECK_SCREEN(ui);
        QVERIFY(ui.click(QStringLiteral("New patient")));
        QVERIFY(ui.waitFor(QStringLiteral("Save patient")));
        QVERIFY(!ui.screenshot(QStringLiteral("patient-new-portrait")).isEmpty());
        // Saving an empty form names the field that is missing.
        QVERIFY(ui.click(QStringLiteral("Save patient")));
        QVERIFY2(ui.visibleTexts().join('|').contains(QStringLiteral("ame")),
                 qPrintable(ui.visibleTexts().join('|')));
        CHECK_SCREEN(ui);
    }

    void episodeChart()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        const QVariantMap patient = findDemoPatient(
            [](const QVariantMap &p) { return p.value(QStringLiteral("sessions")).toInt() >= 10; });
        QVERIFY2(!patient.isEmpty(), "no demo episode of 10+ sessions for this physio");
        QVERIFY(openEpisode(ui, patient));
        QVERIFY(!ui.screenshot(QStringLiteral("episode")).isEmpty());
        CHECK_SCREEN(ui);
        QVERIFY(ui.click(QStringLiteral("Show Bond")));
        QVERIFY(!ui.screenshot(QStringLiteral("episode-bond")).isEmpty());
        ui.window()->resize(800, 1280);
        ui.settle();
        QVERIFY(!ui.screenshot(QStringLiteral("episode-portrait")).isEmpty());
        CHECK_SCREEN(ui);
        ui.window()->resize(1280, 800);
        auto *session = triad::app::ClinicSession::instance();
        session->setFontScale(2.0);
        ui.settle(500);
        QVERIFY(!ui.screenshot(QStringLiteral("episode-font2")).isEmpty());
        const QStringList small = ui.smallTargets(), clipped = ui.clippedTexts();
        session->setFontScale(1.0); // before any check can stop this test
        QCOMPARE(small, QStringList());
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('|'))));
    }

    void childFormInRound_data()
    {
        QTest::addColumn<int>("youngest");
        QTest::addColumn<int>("oldest");
        QTest::newRow("4-7") << 4 << 7;
        QTest::newRow("8-12") << 8 << 12;
        QTest::newRow("13-17") << 13 << 17;
    }

    void childFormInRound()
    {
        QFETCH(int, youngest);
        QFETCH(int, oldest);
        UiDriver ui;
        QVERIFY(ui.loadMain());
        // The demo spreads its children over three physios: take whoever has one this age.
        QVariantMap patient;
        for (int k = 1; k <= 3 && patient.isEmpty(); ++k) {
            QVERIFY(signInAsDemo(ui, QStringLiteral("Demo Physio %1").arg(k),
                                 QStringLiteral("demo-passphrase-%1").arg(k)));
            patient = findDemoPatient([&](const QVariantMap &p) {
                const int age = p.value(QStringLiteral("age")).toInt();
                return age >= youngest && age <= oldest;
            });
        }
        QVERIFY2(!patient.isEmpty(), "no demo child of this age");
        QVERIFY(openEpisode(ui, patient));
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(runRoundToForm(ui, QStringLiteral("round-") + tag));
        QVERIFY(ui.click(QStringLiteral("Start")));
        QVERIFY(!ui.screenshot(QStringLiteral("round-child-%1-q1").arg(tag)).isEmpty());
        CHECK_SCREEN(ui);
        QVERIFY(stopRound(ui));
    }

    void fullRoundToSummary()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        const QVariantMap patient = findDemoPatient(
            [](const QVariantMap &p) { return p.value(QStringLiteral("sessions")).toInt() >= 10; });
        QVERIFY(!patient.isEmpty());
        QVERIFY(openEpisode(ui, patient));
        auto *flow = triad::app::RoundFlow::instance();
        for (int respondent = 0; respondent < 3; ++respondent) {
            if (respondent == 2) {
                // The physio's turn: PIN first, then their own form.
                QTRY_COMPARE(flow->stage(), QStringLiteral("staffPin"));
                ui.settle();
                QVERIFY(!ui.screenshot(QStringLiteral("round-staff-pin")).isEmpty());
                // The physio's own form follows the PIN straight away, in their language.
                QVERIFY(tapPin(ui, QString::fromLatin1(kDemoPin)));
            } else if (respondent == 1) {
                QTRY_COMPARE(flow->stage(), QStringLiteral("handover"));
                ui.settle();
                QVERIFY(ui.visibleTexts().contains(QStringLiteral("Thank you!")));
                QVERIFY(!ui.screenshot(QStringLiteral("round-handover-parent")).isEmpty());
                CHECK_SCREEN(ui);
                QVERIFY(holdHandoverGate(ui));
                QVERIFY(!ui.screenshot(QStringLiteral("round-handover-parent-open")).isEmpty());
                QVERIFY(startOnHandover(ui));
            } else {
                QVERIFY(runRoundToForm(ui));
            }
            QTRY_COMPARE(flow->stage(), QStringLiteral("form"));
            QVERIFY(ui.waitFor(QStringLiteral("Start")));
            auto *form = flow->questionnaire();
            QCOMPARE(triad::testing::answerRows(*form, 0, form->count(), respondent), QString());
            QVERIFY(ui.click(QStringLiteral("Start")));
            // Next until the review, as a person taps: an answered child question also moves
            // on by itself, and a tap just after a page change is ignored (the tap guard), so
            // the number of taps needed varies.
            for (int i = 0; i < 3 * form->count() && !ui.find(QStringLiteral("I'm done")); ++i) {
                ui.settle(600); // past the tap guard (FormRunner.tapGuardMs)
                if (ui.find(QStringLiteral("Next")))
                    ui.click(QStringLiteral("Next"));
            }
            QVERIFY(ui.waitFor(QStringLiteral("I'm done")));
            ui.settle(600);
            if (respondent == 0) {
                QVERIFY(!ui.screenshot(QStringLiteral("round-child-review")).isEmpty());
                CHECK_SCREEN(ui);
            }
            QVERIFY(ui.click(QStringLiteral("I'm done")));
        }
        QTRY_COMPARE(flow->stage(), QStringLiteral("summary"));
        ui.settle();
        QVERIFY(!flow->patientMode());
        QVERIFY2(ui.visibleTexts().contains(QStringLiteral("Session summary")),
                 qPrintable(ui.visibleTexts().join('|')));
        QVERIFY(!ui.screenshot(QStringLiteral("round-summary")).isEmpty());
        CHECK_SCREEN(ui);
        QVERIFY(ui.click(QStringLiteral("Done")));
        QTRY_COMPARE(flow->stage(), QStringLiteral("idle"));
        QVERIFY(ui.waitFor(QStringLiteral("End-of-session round")));
        QVERIFY(!ui.screenshot(QStringLiteral("episode-after-round")).isEmpty());
    }

    void handleSeveralCardsAsFalseAlarm()
    {
        // A round where the parent and the physio answer at the bottom of the scale makes
        // cards; then, on the episode screen, every open card is marked "Not relevant / false
        // alarm" at once, tapped through the real dialog, and each one is logged.
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        const QVariantMap patient = findDemoPatient(
            [](const QVariantMap &p) { return p.value(QStringLiteral("sessions")).toInt() >= 6; });
        QVERIFY(!patient.isEmpty());
        const QString episodeId = patient.value(QStringLiteral("episodeId")).toString();
        auto *flow = triad::app::RoundFlow::instance();
        QCOMPARE(flow->start(episodeId), QString());
        QCOMPARE(flow->skip(QStringLiteral("child"), QStringLiteral("absent")), QString());
        QCOMPARE(flow->proceed(), QString());
        QCOMPARE(flow->proceed(), QString());
        answerLowest(*flow->questionnaire());
        QCOMPARE(flow->finishForm(), QString());
        QVERIFY(flow->leavePatientMode(QString::fromLatin1(kDemoPin)));
        answerLowest(*flow->questionnaire());
        QCOMPARE(flow->finishForm(), QString());
        QCOMPARE(flow->stage(), QStringLiteral("summary"));
        flow->close();
        const QStringList open = openCards(episodeId);
        QVERIFY2(open.size() >= 2, qPrintable(open.join(',')));

        QVERIFY(openEpisode(ui, patient));
        QVERIFY(ui.waitFor(QStringLiteral("Handle all open cards at once")));
        ui.settle(1000); // the page transition
        QVERIFY(!ui.screenshot(QStringLiteral("episode-open-cards")).isEmpty());
        // The header elides a long goal by design; nothing else may be cut off.
        for (const QString &clipped : ui.clippedTexts())
            QVERIFY2(clipped.contains(QStringLiteral("Goals:")), qPrintable(clipped));
        QCOMPARE(ui.smallTargets(), QStringList());
        QCOMPARE(ui.warnings(), QStringList());
        QVERIFY(ui.click(QStringLiteral("Handle all open cards at once")));
        QVERIFY(ui.waitFor(QStringLiteral("Kind of action")));
        QVERIFY(ui.click(QStringLiteral("Kind of action")));
        QVERIFY(ui.waitFor(QStringLiteral("Not relevant / false alarm")));
        QVERIFY(ui.click(QStringLiteral("Not relevant / false alarm")));
        ui.settle();
        QVERIFY(!ui.screenshot(QStringLiteral("acknowledge-several")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Save what you did")));
        ui.settle();
        QTRY_VERIFY(openCards(episodeId).isEmpty());
        auto *ws = triad::app::ClinicSession::instance()->workspace();
        for (const QString &id : open) {
            const auto actions = ws->alerts.actions(id);
            QVERIFY(!actions.isEmpty());
            QCOMPARE(actions.last().action, QStringLiteral("false-alarm"));
        }
        QVERIFY(!ui.find(QStringLiteral("Handle all open cards at once")));
        QVERIFY(!ui.screenshot(QStringLiteral("episode-cards-handled")).isEmpty());
        QCOMPARE(ui.warnings(), QStringList());
    }

    // The lead's view (issue 8): an act-today card left open is listed for the lead with the
    // patient's pseudonym code, the physio and the days open; the rule table beside it counts
    // the cards marked "not relevant / false alarm" above.
    void dashboardListsOpenActTodayCards()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        const QDate today = QDate::currentDate();
        // An episode with no session today (the tests above held their rounds today), of
        // whichever demo physio still has one.
        QVariantMap patient;
        QString physio;
        for (int k = 3; k >= 1 && patient.isEmpty(); --k) {
            physio = QStringLiteral("Demo Physio %1").arg(k);
            QVERIFY(signInAsDemo(ui, physio, QStringLiteral("demo-passphrase-%1").arg(k)));
            auto *ws = triad::app::ClinicSession::instance()->workspace();
            patient = findDemoPatient([&](const QVariantMap &p) {
                const auto sessions =
                    ws->sessions.forEpisode(p.value(QStringLiteral("episodeId")).toString());
                return sessions.size() >= 4 && sessions.last().date < today;
            });
        }
        QVERIFY(!patient.isEmpty());
        const QString episodeId = patient.value(QStringLiteral("episodeId")).toString();
        const QString code = patient.value(QStringLiteral("code")).toString();
        auto *flow = triad::app::RoundFlow::instance();
        QCOMPARE(flow->start(episodeId), QString());
        QCOMPARE(flow->skip(QStringLiteral("child"), QStringLiteral("absent")), QString());
        QCOMPARE(flow->proceed(), QString());
        QCOMPARE(flow->proceed(), QString());
        answerLowest(*flow->questionnaire());
        QCOMPARE(flow->finishForm(), QString());
        QVERIFY(flow->leavePatientMode(QString::fromLatin1(kDemoPin)));
        answerLowest(*flow->questionnaire());
        QCOMPARE(flow->finishForm(), QString());
        QCOMPARE(flow->stage(), QStringLiteral("summary"));
        flow->close();
        QVERIFY(!openCards(episodeId).isEmpty());

        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        QVERIFY(ui.waitFor(QStringLiteral("Dashboard")));
        QVERIFY(ui.click(QStringLiteral("Dashboard")));
        QVERIFY(
            ui.waitFor(QStringLiteral("Open act-today cards"), 10000, UiDriver::BelowTheFoldToo));
        // The screen is up at once; its figures come from a read on a worker.
        QVERIFY(triad::testing::waitFor(
            [&] { return ui.visibleTexts().contains(QStringLiteral("Demo Physio 1")); }));
        ui.settle(1000); // the page transition
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-lead")).isEmpty());
        // Scrolled to the list (a tap on it does nothing: it is a list, not a button).
        QVERIFY(ui.click(QStringLiteral("Open act-today cards")));
        ui.settle();
        QQuickItem *list = ui.find(QStringLiteral("Open act-today cards"));
        QVERIFY(list);
        const QString texts = ui.visibleTexts().join(QLatin1Char('|'));
        QVERIFY2(texts.contains(code), qPrintable(texts));
        QVERIFY2(texts.contains(physio), qPrintable(texts));
        QVERIFY2(texts.contains(QStringLiteral("open 0 days")), qPrintable(texts));
        // The rule table: the false alarms marked in handleSeveralCardsAsFalseAlarm count.
        QVERIFY(ui.find(QStringLiteral("Much lower than usual (act today)")));
        QVERIFY2(texts.contains(QStringLiteral("Cards marked \"not relevant / false alarm\"")),
                 qPrintable(texts));
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-open-cards")).isEmpty());
        CHECK_SCREEN(ui);
        QCOMPARE(ui.warnings(), QStringList());
    }

    // The round's new controls at twice the text size, in portrait: the question's Back /
    // Skip / Next bar and the "Staff" keypad. Then Settings at the same size.
    void roundAtLargeTextInPortrait()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        auto *session = triad::app::ClinicSession::instance();
        session->setFontScale(2.0);
        ui.window()->resize(800, 1280);
        ui.settle();
        // A patient with an open episode (the round starts from it).
        const QVariantMap patient = findDemoPatient([](const QVariantMap &p) {
            return !p.value(QStringLiteral("episodeId")).toString().isEmpty();
        });
        QVERIFY(openEpisode(ui, patient));
        ui.settle(500);
        QVERIFY(!ui.screenshot(QStringLiteral("episode-large-portrait")).isEmpty());
        QCOMPARE(ui.smallTargets(), QStringList());
        QVERIFY(runRoundToForm(ui, QStringLiteral("round-large-portrait")));
        QVERIFY(ui.click(QStringLiteral("Start")));
        ui.settle(600);
        QVERIFY(!ui.screenshot(QStringLiteral("round-large-portrait-question")).isEmpty());
        CHECK_SCREEN(ui);
        QVERIFY(ui.click(QStringLiteral("Staff")));
        ui.settle();
        QVERIFY(!ui.screenshot(QStringLiteral("round-large-portrait-staff-pin")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Back to the questions")));
        QVERIFY(stopRound(ui));
        ui.window()->resize(1280, 800);
        QVERIFY(ui.click(QStringLiteral("Settings")));
        ui.settle();
        QVERIFY(!ui.screenshot(QStringLiteral("settings-large")).isEmpty());
        session->setFontScale(1.0);
        ui.window()->resize(1280, 800);
    }

    // Settings at first open, at 1x and 2x text, landscape and portrait: nothing overlaps
    // (the idle-minutes box once lay over the language box), the language list offers every
    // translation built into the app, each named in itself, with items at the app's text size
    // and a finger's height; choosing one is confirmed.
    void settingsLanguagesAndLayout()
    {
        auto *session = triad::app::ClinicSession::instance();
        // Every .qm built into the app, found at run time; English first.
        QStringList built;
        for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList(QDir::Files))
            built << file.section(QLatin1Char('_'), 1).section(QLatin1Char('.'), 0, 0);
        QVERIFY2(built.contains(QStringLiteral("nl")), qPrintable(built.join(',')));
        QCOMPARE(session->uiLanguages().size(), built.size());
        QCOMPARE(session->uiLanguages().first(), QStringLiteral("en"));
        for (const QString &code : built)
            QVERIFY(session->uiLanguages().contains(code));

        for (const qreal scale : {1.0, 2.0}) {
            for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
                session->setFontScale(scale);
                UiDriver ui; // a fresh window: Settings at its first open
                QVERIFY(ui.loadMain());
                ui.window()->resize(size);
                QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
                QVERIFY(ui.waitFor(QStringLiteral("Settings")));
                QVERIFY(ui.click(QStringLiteral("Settings")));
                QVERIFY(ui.waitFor(QStringLiteral("Text size")));
                QVERIFY(ui.waitFor(QStringLiteral("Language"), 5000, UiDriver::BelowTheFoldToo));
                ui.settle(600); // the page's slide in
                // The box, not its heading (which reads the same): the box has a popup. A tap
                // on the heading brings both on screen when they are below the fold.
                QVERIFY(ui.click(QStringLiteral("Language")));
                QQuickItem *languageBox = nullptr;
                for (QQuickItem *item : ui.findAll(QStringLiteral("Language")))
                    if (item->property("popup").isValid())
                        languageBox = item;
                QVERIFY(languageBox);
                const QString tag = QStringLiteral("%1x-%2").arg(scale).arg(
                    size.width() > size.height() ? "landscape" : "portrait");
                QVERIFY(!ui.screenshot(QStringLiteral("settings-") + tag).isEmpty());
                // No control drawn over another.
                const auto rectOf = [&ui](const QString &name) {
                    QQuickItem *item = nullptr;
                    for (QQuickItem *candidate : ui.findAll(name))
                        if (!candidate->property("textFormat").isValid()) // not a heading
                            item = candidate;
                    return item ? item->mapRectToScene(item->boundingRect()) : QRectF();
                };
                const QStringList names{
                    QStringLiteral("Text size"), QStringLiteral("High contrast"),
                    QStringLiteral("Idle minutes before locking"), QStringLiteral("Language")};
                // The two once drawn over each other are on screen now; the others when
                // they fit above them.
                QVERIFY(!rectOf(names[2]).isEmpty() && !rectOf(names[3]).isEmpty());
                for (int a = 0; a < names.size(); ++a)
                    for (int b = a + 1; b < names.size(); ++b) {
                        const QRectF ra = rectOf(names[a]), rb = rectOf(names[b]);
                        if (ra.isEmpty() || rb.isEmpty())
                            continue; // scrolled away
                        QVERIFY2(!ra.intersects(rb), qPrintable(names[a] + " over " + names[b]));
                    }
                const QStringList small = ui.smallTargets();
                const QStringList clipped = ui.clippedTexts();
                QCOMPARE(small, QStringList());
                QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join('|')));

                // The drop-down: every built language, named in itself, finger-sized items.
                QVERIFY(ui.clickItem(languageBox));
                ui.settle();
                QVERIFY(ui.waitFor(QStringLiteral("Nederlands"), 3000));
                QVERIFY(ui.find(QStringLiteral("English")));
                QQuickItem *dutch = ui.find(QStringLiteral("Nederlands"));
                QVERIFY(dutch->height() >= 56 * scale - 1);
                QCOMPARE(dutch->property("font").value<QFont>().pixelSize(), qRound(19 * scale));
                QVERIFY(!ui.screenshot(QStringLiteral("settings-language-") + tag).isEmpty());
                QCOMPARE(ui.smallTargets(), QStringList());
                if (scale == 2.0 && size.width() < size.height()) {
                    QVERIFY(ui.click(QStringLiteral("Nederlands")));
                    QCOMPARE(session->language(), QStringLiteral("nl"));
                    QVERIFY(ui.waitFor(QStringLiteral("Saved: Nederlands"), 2000));
                    // Nothing is translated into Dutch yet: the screen says so.
                    QVERIFY(session->languageIncomplete());
                    ui.settle();
                    QVERIFY(!ui.screenshot(QStringLiteral("settings-dutch-chosen")).isEmpty());
                    session->setLanguage(QStringLiteral("en"));
                    QVERIFY(!session->languageIncomplete());
                } else {
                    ui.key(Qt::Key_Escape);
                }
            }
        }
        session->setFontScale(1.0);
    }

    // "Save patient" and the episode's "Save changes" confirm with a banner naming what was
    // saved; a failed save names the field and keeps what was typed.
    void savesConfirmAndFailuresKeepWhatWasTyped()
    {
        auto *session = triad::app::ClinicSession::instance();
        session->setFontScale(1.0);
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        const QVariantMap patient = findDemoPatient([](const QVariantMap &p) {
            return !p.value(QStringLiteral("episodeId")).toString().isEmpty();
        });
        QVERIFY(openEpisode(ui, patient));
        const QString code = patient.value(QStringLiteral("code")).toString();

        // The episode's condition and goals.
        QVERIFY(ui.click(QStringLiteral("Edit")));
        QVERIFY(ui.waitFor(QStringLiteral("Save changes")));
        QVERIFY(ui.click(QStringLiteral("Save changes")));
        QVERIFY(ui.waitFor(QStringLiteral("Saved: condition and goals"), 2000));
        QVERIFY(!ui.screenshot(QStringLiteral("episode-saved")).isEmpty());

        QVERIFY(ui.click(QStringLiteral("Patient details")));
        QVERIFY(ui.waitFor(QStringLiteral("Save patient"), 5000, UiDriver::BelowTheFoldToo));
        ui.settle(600);
        QQuickItem *name = ui.find(QStringLiteral("Child's name"));
        QVERIFY(name);
        const QString realName = name->property("text").toString();
        // Notes typed, then the name emptied: the save fails, naming the field. (The "Notes"
        // heading above carries the same name: the editable one has a cursor.)
        QQuickItem *notes = nullptr;
        for (QQuickItem *item : ui.findAll(QStringLiteral("Notes")))
            if (item->property("cursorPosition").isValid())
                notes = item;
        QVERIFY(notes);
        QVERIFY(ui.clickItem(notes));
        notes->forceActiveFocus(); // below the fold the tap scrolls first; the keys go here
        QTest::keyClick(ui.window(), Qt::Key_End, Qt::ControlModifier);
        ui.type(QStringLiteral(" Synthetic note typed in the test."));
        name->setProperty("text", QString());
        QVERIFY(ui.click(QStringLiteral("Save patient")));
        QVERIFY2(ui.visibleTexts().contains(QStringLiteral("Name: please enter the child's name.")),
                 qPrintable(ui.visibleTexts().join('|')));
        QVERIFY(!ui.find(QStringLiteral("Saved: patient %1").arg(code)));
        QVERIFY2(notes->property("text").toString().endsWith(
                     QStringLiteral(" Synthetic note typed in the test.")),
                 qPrintable(notes->property("text").toString()));
        QCOMPARE(name->property("text").toString(), QString()); // as the physio left it
        // The name back: saved, said so, and in the database.
        name->setProperty("text", realName);
        QVERIFY(ui.click(QStringLiteral("Save patient")));
        QVERIFY(ui.waitFor(QStringLiteral("Saved: patient %1").arg(code), 2000));
        QVERIFY(!ui.screenshot(QStringLiteral("patient-saved")).isEmpty());
        const auto stored = session->workspace()->patients.get(
            patient.value(QStringLiteral("patientId")).toString());
        QVERIFY(stored);
        QVERIFY(stored->notes.endsWith(QStringLiteral(" Synthetic note typed in the test.")));
        CHECK_SCREEN(ui);
    }

    // A synthetic patient whose physio answered the 1.0.0 form twice and then 2.0.0: the
    // episode screen says under the chart that the physio's line starts a new baseline.
    void episodeFormChangeNote()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        auto *session = triad::app::ClinicSession::instance();
        const triad::InstrumentLibrary &library =
            triad::app::InstrumentCatalog::instance()->library();
        const triad::Instrument *oldPhysio =
            library.find(QStringLiteral("triad-physio"), QStringLiteral("1.0.0"));
        const triad::Instrument *newPhysio = library.find(QStringLiteral("triad-physio"));
        QVERIFY(oldPhysio && newPhysio);
        triad::app::PatientEditor editor;
        editor.setName(QStringLiteral("Noor Upgrade"));
        editor.setBirthDate(QDate::currentDate().addYears(-10).toString(Qt::ISODate));
        editor.setGuardians({QVariantMap{{QStringLiteral("name"), QStringLiteral("Sam Example")},
                                         {QStringLiteral("relation"), QStringLiteral("mother")}}});
        editor.save();
        QVERIFY(!editor.patientId().isEmpty());
        triad::app::EpisodeController episode;
        QCOMPARE(episode.create(editor.patientId(), QStringLiteral("scoliosis"),
                                QStringLiteral("Swim again")),
                 QString());
        auto &ws = *session->workspace();
        for (int k = 0; k < 3; ++k) {
            const auto s = ws.sessions.create(episode.episodeId(), session->signedInStaffId(),
                                              QDate::currentDate().addDays(7 * (k - 3)));
            QVERIFY(s);
            const triad::Instrument &form = k < 2 ? *oldPhysio : *newPhysio;
            triad::Answers answers;
            for (const triad::Item &item : form.items)
                if (!item.subscaleId.isEmpty())
                    answers.set(item.id, 4 - k % 2);
            const auto draft = ws.responses.startDraft(s->id, triad::Respondent::Physio, form,
                                                       QStringLiteral("en"));
            QVERIFY(draft);
            QVERIFY(ws.responses.complete(draft->id, form, answers));
        }
        const QVariantMap patient = findDemoPatient([](const QVariantMap &p) {
            return p.value(QStringLiteral("name")).toString() == QLatin1String("Noor Upgrade");
        });
        QVERIFY(!patient.isEmpty());
        // Signing in again lists the new patient on "My patients".
        session->signOut();
        QVERIFY(signInAsDemo(ui, kPhysio, kPhysioPassphrase));
        QVERIFY2(openEpisode(ui, patient), qPrintable(ui.visibleTexts().join('|')));
        QVERIFY(!ui.screenshot(QStringLiteral("episode-form-change")).isEmpty());
        QVERIFY2(ui.visibleTexts().contains(QStringLiteral(
                     "Physio: new baseline from session 3 (form version 2.0.0); "
                     "the earlier scores (version 1.0.0) are not compared with it.")),
                 qPrintable(ui.visibleTexts().join('|')));
        CHECK_SCREEN(ui);
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestScreenshots test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_screenshots.moc"
