// The staff screens' chart (LineChart) draws what a physio reads off it: each line through
// its points in its colour, a card's marker where it was raised, nothing where there is no
// data, and the whole-number session ticks. Checked on the rendered pixels.
#include "app/engine.h"

#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Triad_AppPlugin)
Q_IMPORT_QML_PLUGIN(Triad_UiPlugin)

namespace {
const char *const kChart = R"(
import QtQuick
import Triad.App
Window {
    width: 600; height: 400; visible: true; color: "#ffffff"
    property alias chart: chart
    LineChart {
        id: chart
        anchors.fill: parent
        xMin: 1; xMax: 5; yMin: 0; yMax: 100
        xTitle: "Session"; yTitle: "Score"
        backgroundColor: "#ffffff"; gridColor: "#eeeeee"; textColor: "#000000"
        lineWidth: 4
        lines: [
            { "name": "Child", "color": "#0b5f8a", "style": "solid",
              "points": [{ "x": 1, "y": 20 }, { "x": 5, "y": 80 }] },
            { "name": "Parent", "color": "#b34700", "style": "dash", "points": [] }
        ]
        markers: [
            { "name": "Open card", "color": "#c62828", "borderColor": "#ffffff",
              "shape": "square", "size": 16, "points": [{ "x": 3, "y": 90 }] },
            { "name": "Done", "color": "#4a5563", "borderColor": "#ffffff",
              "shape": "circle", "size": 14, "points": [{ "x": 3, "y": 90 }, { "x": 4, "y": 90 }] }
        ]
    }
}
)";

bool near(QRgb pixel, const QColor &expected)
{
    const QColor got(pixel);
    return qAbs(got.red() - expected.red()) < 40 && qAbs(got.green() - expected.green()) < 40 &&
           qAbs(got.blue() - expected.blue()) < 40;
}
} // namespace

class TestLineChart : public QObject
{
    Q_OBJECT
private slots:
    void drawsTheLinesAndTheCards()
    {
        QQmlEngine engine;
        triad::app::prepareEngine(engine);
        QQmlComponent component(&engine);
        component.setData(kChart, QUrl());
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *window = qobject_cast<QQuickWindow *>(root.get());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *chart = root->property("chart").value<QQuickItem *>();
        QVERIFY(chart);
        QCOMPARE(chart->property("count").toInt(), 2); // the lines, as ChartView's count

        const auto at = [&](double x, double y) {
            QPointF p;
            QMetaObject::invokeMethod(chart, "mapToPosition", Q_RETURN_ARG(QPointF, p),
                                      Q_ARG(double, x), Q_ARG(double, y));
            return p.toPoint();
        };
        // The axes run the right way inside the item: session 1 left of 5, 100 above 0.
        QVERIFY(at(1, 0).x() < at(5, 0).x());
        QVERIFY(at(1, 100).y() < at(1, 0).y());
        QVERIFY(QRect(0, 0, 600, 400).contains(at(1, 0)));
        QVERIFY(QRect(0, 0, 600, 400).contains(at(5, 100)));

        QImage image;
        QTRY_VERIFY((image = window->grabWindow(), near(image.pixel(at(1, 20)), "#0b5f8a")));
        // The line between its points: at session 2 the child's line is at 35, at 3 at 50.
        QVERIFY(near(image.pixel(at(2, 35)), QColor("#0b5f8a")));
        QVERIFY(near(image.pixel(at(3, 50)), QColor("#0b5f8a")));
        QVERIFY(near(image.pixel(at(5, 80)), QColor("#0b5f8a")));
        // The open card's marker, on top of a done card's at the same point; the done card
        // alone elsewhere; nothing where no series has data.
        QVERIFY(near(image.pixel(at(3, 90)), QColor("#c62828")));
        QVERIFY(near(image.pixel(at(4, 90)), QColor("#4a5563")));
        QVERIFY(near(image.pixel(at(2.5, 70)), Qt::white));
        QVERIFY(near(image.pixel(at(4.5, 10)), Qt::white));

        // New data redraws: the child's line moves to the top.
        chart->setProperty(
            "lines", QVariantList{QVariantMap{{QStringLiteral("name"), QStringLiteral("Child")},
                                              {QStringLiteral("color"), QColor("#0b5f8a")},
                                              {QStringLiteral("points"),
                                               QVariantList{QPointF(1, 100), QPointF(5, 100)}}}});
        QCOMPARE(chart->property("count").toInt(), 1);
        QTRY_VERIFY((image = window->grabWindow(), near(image.pixel(at(3, 50)), Qt::white)));
        QVERIFY(near(image.pixel(at(3, 100)), QColor("#0b5f8a")));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestLineChart test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_linechart.moc"
