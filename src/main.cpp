// Triad: arguments, services, Main.qml. Everything else lives in the libraries.
#include "app/engine.h"
#include "app/selftest.h"
#include "core/buildinfo.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QTextStream>

Q_IMPORT_QML_PLUGIN(Triad_AppPlugin)
Q_IMPORT_QML_PLUGIN(Triad_UiPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    // Names and version, shared with the benchmark harness. The app's own words: ClinicSession
    // installs the translation of the language chosen in Settings (by default the device's, when
    // one is built) and swaps it when it changes.
    triad::app::prepareApplication(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Therapeutic alliance in paediatric physiotherapy"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption selfTest(QStringLiteral("self-test"),
                                QStringLiteral("Load the whole UI, report problems, exit."));
    parser.addOption(selfTest);
    parser.process(app);

    triad::app::prepareStyle();
    QQmlApplicationEngine engine;
    triad::app::prepareEngine(engine);
    if (parser.isSet(selfTest)) {
        const auto report = triad::app::runSelfTest(engine);
        QTextStream out(stdout);
        out << triad::buildInfo() << '\n';
        for (const auto &c : report.checked)
            out << "ok   " << c << '\n';
        for (const auto &f : report.failures)
            out << "FAIL " << f << '\n';
        out << (report.ok() ? "self-test passed" : "self-test FAILED") << '\n';
        return report.ok() ? 0 : 1;
    }

    if (!triad::app::loadMainWindow(engine))
        return 1;
    return app.exec();
}
