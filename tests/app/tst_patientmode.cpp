// Patient mode holds: while a child answers, Escape, Android's Back and closing the window
// leave the form exactly where it was (same stage, same question). Only a staff PIN leads
// out, and a wrong PIN does not. Synthetic demo clinic only.
#include "demoscreens.h"
#include "roundfixture.h"
#include "uidriver.h"

#include "app/engine.h"
#include "app/roundflow.h"

#include <QApplication>
#include <QCloseEvent>
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
        QVERIFY(flow->patientMode());
        QVERIFY(ui.visibleTexts().contains(
            QStringLiteral("That PIN did not match. The questions stay open.")));
        QVERIFY(tapPin(ui, QString::fromLatin1(kDemoPin)));
        QTRY_VERIFY(!flow->patientMode());
        QTRY_COMPARE(flow->stage(), QStringLiteral("plan"));
        QVERIFY(stopRound(ui));
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestPatientMode test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_patientmode.moc"
