#pragma once
// Sets up a QML engine the same way for the app, the self-test and the UI tests.

class QQmlEngine;

namespace triad::app {

// Call before creating any engine: one Controls style everywhere, so what the tests
// render is what a tablet shows.
void prepareStyle();
// Qt 6.4 does not search the resource root for modules: add it so Triad.Ui's qmldir
// (at qrc:/Triad/Ui) is found and every file of the module resolves by name.
void prepareEngine(QQmlEngine &engine);

} // namespace triad::app
