#pragma once
// --self-test: loads the whole UI offscreen and succeeds only if every QML file of the
// Triad.Ui module compiles, Main.qml starts, and every instrument's form can be stepped
// through to its review screen, all without a single QML warning.

#include <QStringList>

class QQmlEngine;

namespace triad::app {

struct SelfTestReport
{
    QStringList checked;  // what was loaded
    QStringList failures; // every error and QML warning
    bool ok() const { return failures.isEmpty() && !checked.isEmpty(); }
};

SelfTestReport runSelfTest(QQmlEngine &engine);

} // namespace triad::app
