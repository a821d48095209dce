#include "engine.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

namespace triad::app {

void prepareApplication(QCoreApplication &app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Triad"));
    QCoreApplication::setApplicationName(QStringLiteral("Triad"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRIAD_VERSION));
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("triad"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
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
