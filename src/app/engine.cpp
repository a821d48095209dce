#include "engine.h"

#include "core/store/freedmemory.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

namespace triad::app {

void prepareApplication(QCoreApplication &app)
{
    store::fixMallocThresholds();
    app.setOrganizationName(QStringLiteral("Triad"));
    app.setApplicationName(QStringLiteral("Triad"));
    app.setApplicationVersion(QStringLiteral(TRIAD_VERSION));
}

void prepareStyle()
{
    QQuickStyle::setStyle(QStringLiteral("Basic"));
}

void prepareEngine(QQmlEngine &engine)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
}

QQuickWindow *loadMainWindow(QQmlApplicationEngine &engine)
{
    engine.load(QUrl(QStringLiteral("qrc:/Triad/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(engine.rootObjects().first());
}

} // namespace triad::app
