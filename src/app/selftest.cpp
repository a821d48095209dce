#include "selftest.h"

#include "instrumentcatalog.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>

namespace triad::app {

namespace {
QStringList *g_warnings = nullptr;
QtMessageHandler g_previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_warnings && type != QtDebugMsg && type != QtInfoMsg)
        g_warnings->append(message);
    if (g_previous)
        g_previous(type, context, message);
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}
} // namespace

SelfTestReport runSelfTest(QQmlEngine &engine)
{
    SelfTestReport report;
    QStringList warnings;
    g_warnings = &warnings;
    g_previous = qInstallMessageHandler(collect);

    // 1. Every QML file of the module compiles.
    QDirIterator it(QStringLiteral(":/Triad/Ui"), {QStringLiteral("*.qml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &file : files) {
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + file));
        if (component.isError())
            report.failures << file + QStringLiteral(": ") + component.errorString();
        else
            report.checked << file;
    }

    // 2. Main.qml starts, and each instrument runs from intro to review.
    QQmlComponent main(&engine, QUrl(QStringLiteral("qrc:/Triad/Ui/Main.qml")));
    QObject *window = main.create();
    if (!window) {
        report.failures << QStringLiteral("Main.qml: ") + main.errorString();
    } else {
        settle();
        QQmlComponent runnerComponent(&engine,
                                      QUrl(QStringLiteral("qrc:/Triad/Ui/screens/FormRunner.qml")));
        auto *contentItem = qobject_cast<QQuickWindow *>(window)
                                ? qobject_cast<QQuickWindow *>(window)->contentItem()
                                : nullptr;
        const auto &instruments = InstrumentCatalog::instance()->library().instruments();
        if (instruments.isEmpty())
            report.failures << QStringLiteral("no questionnaires loaded");
        for (const auto &instrument : instruments) {
            QObject *runner = runnerComponent.createWithInitialProperties(
                {{QStringLiteral("instrumentId"), instrument.id}});
            if (!runner) {
                report.failures << instrument.id + QStringLiteral(": ") +
                                       runnerComponent.errorString();
                continue;
            }
            if (auto *item = qobject_cast<QQuickItem *>(runner)) {
                item->setParentItem(contentItem);
                item->setSize(QSizeF(1280, 800));
            }
            QMetaObject::invokeMethod(runner, "start");
            settle();
            for (int i = 0; i < instrument.items.size(); ++i) {
                QMetaObject::invokeMethod(runner, "next");
                settle();
            }
            if (runner->property("stage").toString() != QLatin1String("review"))
                report.failures << instrument.id + QStringLiteral(": did not reach the review");
            else
                report.checked << QStringLiteral("form ") + instrument.id;
            delete runner;
            settle();
        }
        delete window;
    }
    for (const auto &problem : InstrumentCatalog::instance()->problems())
        report.failures << problem;

    qInstallMessageHandler(g_previous);
    g_warnings = nullptr;
    report.failures << warnings;
    return report;
}

} // namespace triad::app
