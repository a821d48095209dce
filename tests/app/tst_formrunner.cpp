// Runs each form end to end through the real QML, as a person would, and checks the
// scores shown at the end.
#include "roundfixture.h"
#include "uidriver.h"

#include "app/engine.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QtTest>

using triad::test::UiDriver;

class TestFormRunner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { triad::app::prepareStyle(); }

    void childFormAllHappyFacesScores100()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.openPreview());
        QVERIFY(ui.waitFor(QStringLiteral("Try How was physio today? (4–7 years)")));
        QVERIFY(ui.click(QStringLiteral("Try How was physio today? (4–7 years)")));
        QVERIFY(ui.click(QStringLiteral("Start")));
        // The practice question, then the six core questions; the fourth question ("are you
        // practising for something you want to do?") is answered "Not yet", which counts as
        // missing, not as a sad face.
        for (int i = 0; i < 7; ++i) {
            const QString choice = i == 3 ? QStringLiteral("Not yet") : QStringLiteral("Yes!");
            QVERIFY2(ui.click(choice), qPrintable(QString::number(i)));
            QVERIFY(ui.click(QStringLiteral("Next")));
            ui.settle(400); // the next question slides in (200 ms); nobody taps faster
        }
        // The not-so-good bit and the something-to-tell question: skip them.
        QVERIFY(ui.click(QStringLiteral("Next")));
        ui.settle(400);
        QVERIFY(ui.click(QStringLiteral("Next")));
        ui.settle(400);
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Check your answers")));
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Not answered")));
        QVERIFY2(ui.visibleTexts().contains(QStringLiteral("Not yet")),
                 qPrintable(ui.visibleTexts().join(QLatin1Char('|'))));
        QVERIFY(ui.click(QStringLiteral("I'm done")));
        ui.settle(500);
        const QStringList texts = ui.visibleTexts();
        QVERIFY2(texts.join('|').contains(QStringLiteral("100 / 100")),
                 qPrintable(texts.join('|')));
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestFormRunner test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_formrunner.moc"
