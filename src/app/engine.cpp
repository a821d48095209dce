#include "engine.h"

#include "clinicsession.h"
#include "instrumentcatalog.h"

#include "core/store/freedmemory.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

#include <memory>

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
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (window) {
        // The questionnaires are read once the first frame is up, off the UI thread, so the
        // sign-in does not read them (issue 12) and the start does not wait for them.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [once] {
                QObject::disconnect(*once);
                InstrumentCatalog::preload(ClinicSession::instance()->workPool());
            },
            Qt::QueuedConnection);
    }
    return window;
}

} // namespace triad::app
