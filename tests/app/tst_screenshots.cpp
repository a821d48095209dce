// Renders the screens a person sees and saves them as PNGs in
// <build>/screenshots, checking on the way that nothing interactive is smaller
// than a finger and no text is cut off. Run under Xvfb for faithful pictures
// (deploy/test.sh does).
#include "uidriver.h"

#include "app/engine.h"

#include <QApplication>
#include <QtTest>

using triad::test::UiDriver;

class TestScreenshots : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { triad::app::prepareStyle(); }

    void previewScreen()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(!ui.screenshot(QStringLiteral("preview")).isEmpty());
        QVERIFY2(ui.find(QStringLiteral("Try How was physio today? (4–7 years)")),
                 qPrintable(ui.visibleTexts().join('|')));
        QVERIFY(!ui.screenshot(QStringLiteral("preview")).isEmpty());
        QCOMPARE(ui.smallTargets(), QStringList());
        QCOMPARE(ui.clippedTexts(), QStringList());
        QCOMPARE(ui.warnings(), QStringList());
    }

    void eachFormFirstQuestion_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("name");
        QTest::newRow("4-7") << QStringLiteral("How was physio today? (4–7 years)")
                             << QStringLiteral("form-child-4to7");
        QTest::newRow("8-12") << QStringLiteral("How was physio today? (8–12 years)")
                              << QStringLiteral("form-child-8to12");
        QTest::newRow("13-17") << QStringLiteral("Physio today: your view (13–17 years)")
                               << QStringLiteral("form-teen-13to17");
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
        QVERIFY(ui.click(QStringLiteral("Try ") + title));
        QVERIFY(!ui.screenshot(name + QStringLiteral("-intro")).isEmpty());
        QVERIFY(ui.click(QStringLiteral("Start")));
        QVERIFY(!ui.screenshot(name + QStringLiteral("-q1")).isEmpty());
        QCOMPARE(ui.smallTargets(), QStringList());
        QCOMPARE(ui.clippedTexts(), QStringList());
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    TestScreenshots test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_screenshots.moc"
