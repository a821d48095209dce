// The theme's text stays readable: WCAG 2.x contrast ratio of every text colour against
// every background it is drawn on is at least 4.5:1, in the normal and high-contrast palette.
#include "app/engine.h"

#include <cmath>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQmlProperty>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Triad_AppPlugin)
Q_IMPORT_QML_PLUGIN(Triad_UiPlugin)

namespace {
double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private slots:
    void formulaMatchesKnownValues()
    {
        QCOMPARE(qRound(contrast(Qt::black, Qt::white) * 10), 210);
        QCOMPARE(qRound(contrast(QColor("#777777"), Qt::white) * 100), 448);
    }

    void textIsReadable_data()
    {
        QTest::addColumn<bool>("highContrast");
        QTest::newRow("normal") << false;
        QTest::newRow("high contrast") << true;
    }

    void textIsReadable()
    {
        QFETCH(bool, highContrast);
        QQmlEngine engine;
        triad::app::prepareEngine(engine);
        QQmlComponent component(&engine);
        component.setData(
            "import QtQuick\nimport Triad.Ui\nQtObject { property QtObject theme: Theme }", QUrl());
        std::unique_ptr<QObject> holder(component.create());
        QVERIFY2(holder, qPrintable(component.errorString()));
        auto *theme = holder->property("theme").value<QObject *>();
        QVERIFY(theme);
        theme->setProperty("highContrast", highContrast);
        const auto color = [theme](const char *name) {
            const QColor c = QQmlProperty::read(theme, QString::fromLatin1(name)).value<QColor>();
            if (!c.isValid())
                qWarning("Theme.%s is not a valid colour", name);
            return c;
        };

        // {text colour, background} pairs as the screens draw them.
        const QList<QPair<const char *, const char *>> pairs = {
            {"text", "background"},   {"text", "surface"},         {"mutedText", "background"},
            {"mutedText", "surface"}, {"warning", "background"},   {"warning", "surface"},
            {"accentText", "accent"}, {"text", "alertSurface"},    {"text", "bannerSurface"},
            {"accent", "surface"},    {"warning", "alertSurface"}, {"mutedText", "alertSurface"},
        };
        for (const auto &[fg, bg] : pairs) {
            QVERIFY2(color(fg).isValid() && color(bg).isValid(), fg);
            const double ratio = contrast(color(fg), color(bg));
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 %2 on %3 %4: %5:1")
                                                  .arg(fg, color(fg).name(), bg, color(bg).name())
                                                  .arg(ratio, 0, 'f', 2)));
        }
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    TestTheme test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_theme.moc"
