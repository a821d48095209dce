#pragma once
// Sets up the application and a QML engine the same way for the app, the self-test, the UI
// tests and the benchmark harness (tests/bench/bench_ui), so what is measured is what runs.

class QCoreApplication;
class QQmlEngine;
class QQmlApplicationEngine;
class QQuickWindow;

namespace triad::app {

// The application's names and version. The app's own words are installed by ClinicSession, in
// the language chosen in Settings.
void prepareApplication(QCoreApplication &app);
// Call before creating any engine: one Controls style everywhere, so what the tests
// render is what a tablet shows.
void prepareStyle();
// Qt 6.4 does not search the resource root for modules: add it so Triad.Ui's qmldir
// (at qrc:/Triad/Ui) is found and every file of the module resolves by name.
void prepareEngine(QQmlEngine &engine);
// Loads Main.qml into `engine` (prepared with prepareEngine); its window, or null when it
// did not load.
QQuickWindow *loadMainWindow(QQmlApplicationEngine &engine);

} // namespace triad::app
