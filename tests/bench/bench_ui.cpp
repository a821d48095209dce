// bench_ui: the app's figures measured through the real QML. Main.qml is loaded as
// src/main.cpp loads it (app::prepareApplication, prepareStyle, prepareEngine,
// loadMainWindow) and every figure is read off QQuickWindow::frameSwapped.
//
//   bench_ui cold                      (TRIAD_DB, TRIAD_BENCH_T0_NS) start -> first frame
//   bench_ui signin --runs K           (TRIAD_DB empty) sign-in and PIN unlock, real scrypt
//   bench_ui demo                      (TRIAD_DB empty) "Explore with a demo clinic"
//   bench_ui staff --runs K            (TRIAD_DB a demo clinic) episode, dashboard, Back
//   bench_ui round --taps N            (TRIAD_DB a demo clinic) patient-mode taps, memory
//
// The measuring modes print "SAMPLE <figure> <value>" lines; the suite (bench_suite) runs
// them in fresh processes, gathers the samples and prints the JSON (tests/bench/benchsuite.cpp).
// TRIAD_BENCH_FRAMES=1 also prints each timed tap's frame intervals; TRIAD_BENCH_TURNS=1 each
// UI-thread turn over 8 ms, with its CLOCK_MONOTONIC times to find it in a `perf record`.
#include "benchsuite.h"
#include "frameclock.h"
#include "staffbench.h"

#include "app/engine.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTextStream>

using namespace triad;

namespace {

int runCold()
{
    const qint64 t0 = qEnvironmentVariable("TRIAD_BENCH_T0_NS").toLongLong();
    app::prepareStyle();
    QQmlApplicationEngine engine;
    app::prepareEngine(engine);
    QQuickWindow *window = app::loadMainWindow(engine);
    if (!window)
        return 1;
    bool first = true;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&] {
            if (!first)
                return;
            first = false;
            bench::printSample("cold_start_ms", (bench::monotonicNs() - t0) / 1e6);
            QMetaObject::invokeMethod(
                qApp, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    // As the app: a QGuiApplication, its names and translation.
    QGuiApplication app(argc, argv);
    app::prepareApplication(app);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const auto option = [&](const QString &name, int fallback) {
        const int at = int(args.indexOf(name));
        return at > 0 ? args.value(at + 1).toInt() : fallback;
    };
    if (mode == QLatin1String("cold"))
        return runCold();
    if (mode == QLatin1String("signin"))
        return bench::runSignIn(option(QStringLiteral("--runs"), 5));
    if (mode == QLatin1String("demo"))
        return bench::runDemoCreation();
    if (mode == QLatin1String("staff"))
        return bench::runStaffScreens(option(QStringLiteral("--runs"), 5));
    if (mode == QLatin1String("round"))
        return bench::runRound(option(QStringLiteral("--taps"), 100));
    QTextStream(stderr) << "usage: bench_ui cold | signin [--runs K] | demo | staff [--runs K] | "
                           "round [--taps N]\n(the whole suite: bench_suite, deploy/bench.sh)\n";
    return 2;
}
