#include "app/engine.h"

#include <QGuiApplication>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Triad_AppPlugin)
Q_IMPORT_QML_PLUGIN(Triad_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine *engine) { triad::app::prepareEngine(*engine); }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    triad::app::prepareStyle();
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "qml_delegates", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "tst_qml_delegates.moc"
