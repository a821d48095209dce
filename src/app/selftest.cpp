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
QStringList *g_deviceNotes = nullptr;
QtMessageHandler g_previous = nullptr;

// A tablet without an audio device or speech engine is a normal device state (the forms
// then hide "Read aloud" and a grown-up reads): what the audio and speech stack says about
// it is noted, never counted as a failure.
bool isAudioDeviceNotice(const QMessageLogContext &context, const QString &message)
{
    const QLatin1String category(context.category ? context.category : "");
    return category.startsWith(QLatin1String("qt.multimedia")) ||
           category.startsWith(QLatin1String("qt.speech")) ||
           message.startsWith(QLatin1String("PulseAudioService")) ||
           message.contains(QLatin1String("speech-dispatcher"), Qt::CaseInsensitive) ||
           message.contains(QLatin1String("speechd"), Qt::CaseInsensitive);
}

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_deviceNotes && type != QtFatalMsg && isAudioDeviceNotice(context, message))
        g_deviceNotes->append(message);
    else if (g_warnings && type != QtDebugMsg && type != QtInfoMsg)
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
    QStringList deviceNotes;
    g_warnings = &warnings;
    g_deviceNotes = &deviceNotes;
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
    g_deviceNotes = nullptr;
    report.failures << warnings;
    deviceNotes.removeDuplicates();
    for (const QString &note : std::as_const(deviceNotes))
        report.checked << QStringLiteral("audio/speech not available (not a failure): ") + note;
    return report;
}

} // namespace triad::app
