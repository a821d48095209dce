#include "staffbench.h"

#include "benchsuite.h"
#include "frameclock.h"

#include "../app/demoscreens.h"
#include "../app/uidriver.h"

#include "app/clinicsession.h"
#include "core/instrument/instrumentlibrary.h"

#include <QQuickItem>
#include <QTest>
#include <QTextStream>

#include <algorithm>

namespace triad::bench {

namespace {

constexpr const char *kBenchPassphrase = "bench-passphrase-long-enough-1";

app::ClinicSession *session()
{
    return app::ClinicSession::instance();
}

bool inState(const char *state)
{
    return session()->state() == QLatin1String(state);
}

int fail(const QString &what)
{
    QTextStream(stderr) << "bench_ui: " << what << '\n';
    return 1;
}

// The time the session reached `state`, 0 until then.
struct StateWatch
{
    explicit StateWatch(const char *state)
    {
        QObject::connect(session(), &app::ClinicSession::stateChanged, &context, [this, state] {
            if (session()->state() == QLatin1String(state) && reached == 0)
                reached = monotonicNs();
        });
    }
    QObject context;
    qint64 reached = 0;
};

} // namespace

qint64 tap(test::UiDriver &ui, QQuickItem *item)
{
    const QPoint centre =
        item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    const qint64 t = monotonicNs();
    QTest::mousePress(ui.window(), Qt::LeftButton, Qt::NoModifier, centre);
    QTest::mouseRelease(ui.window(), Qt::LeftButton, Qt::NoModifier, centre);
    return t;
}

bool timedTap(test::UiDriver &ui, FrameClock &clock, const QString &name, const char *figure,
              const char *gapFigure, const char *busyFigure)
{
    QQuickItem *item = ui.find(name);
    if (!item)
        return false;
    clock.busySince();
    const qint64 t = tap(ui, item);
    // The tap is delivered at once: what its handler did (pushing a screen) ran until now.
    const double handled = (monotonicNs() - t) / 1e6;
    // A slow screen is a figure, not a failure: its first frame may take longer than the
    // quiet time that ends the wait below.
    clock.waitFrameAfter(t, 10000);
    const FrameClock::Response r = clock.waitSettled(t, 200, 10000);
    if (!r.changed)
        return false;
    printSample(figure, r.settledMs);
    if (gapFigure)
        printSample(gapFigure, r.longestGapMs);
    if (busyFigure)
        printSample(busyFigure, std::max(handled, r.longestBusyMs));
    return true;
}

int runSignIn(int runs)
{
    test::UiDriver ui;
    if (!ui.loadMain() || !inState("firstRun"))
        return fail(QStringLiteral("expected an empty database (first run)"));
    FrameClock clock;
    clock.attach(ui.window());
    // A real clinic: its admin's key slot is sealed with the production cost (N=2^17).
    const QString pass = QString::fromLatin1(kBenchPassphrase);
    const QString problem = session()->createClinic(QStringLiteral("Bench Clinic"),
                                                    QStringLiteral("Bench Admin"), pass, pass);
    if (!problem.isEmpty() || !spinUntil([] { return inState("signedIn"); }, 60000))
        return fail(QStringLiteral("could not create the clinic: %1").arg(problem));
    for (int run = 0; run < runs; ++run) {
        session()->signOut();
        if (!spinUntil([] { return inState("signIn"); }, 5000))
            return fail(QStringLiteral("no sign-in screen"));
        ui.settle(300);
        if (!ui.click(QStringLiteral("I am Bench Admin")))
            return fail(QStringLiteral("no \"I am Bench Admin\""));
        ui.type(pass);
        QQuickItem *button = ui.find(QStringLiteral("Sign in"));
        if (!button)
            return fail(QStringLiteral("no \"Sign in\" button"));
        StateWatch watch("signedIn");
        const qint64 t = tap(ui, button);
        if (!spinUntil([&] { return watch.reached != 0; }, 20000))
            return fail(
                QStringLiteral("sign-in did not finish: %1").arg(session()->errorMessage()));
        const qint64 frame = clock.waitFrameAfter(watch.reached);
        if (frame == 0)
            return fail(QStringLiteral("no frame after sign-in"));
        printSample("sign_in_ms", (frame - t) / 1e6);
        ui.settle(300);
    }
    // The PIN lock screen: the PIN is checked with the production PIN hashing.
    if (!session()->setPin(QString::fromLatin1(test::kDemoPin)).isEmpty())
        return fail(QStringLiteral("could not set a PIN"));
    for (int run = 0; run < runs; ++run) {
        session()->lock();
        if (!spinUntil([] { return inState("pinLocked"); }, 5000))
            return fail(QStringLiteral("no PIN lock"));
        ui.settle(300);
        for (const QChar digit : QString::fromLatin1(test::kDemoPin))
            if (!ui.click(QStringLiteral("Digit %1").arg(digit)))
                return fail(QStringLiteral("no PIN pad"));
        QQuickItem *enter = ui.find(QStringLiteral("Enter PIN"));
        if (!enter)
            return fail(QStringLiteral("no \"Enter PIN\""));
        StateWatch watch("signedIn");
        const qint64 t = tap(ui, enter);
        if (!spinUntil([&] { return watch.reached != 0; }, 10000))
            return fail(QStringLiteral("PIN unlock did not finish"));
        const qint64 frame = clock.waitFrameAfter(watch.reached);
        if (frame == 0)
            return fail(QStringLiteral("no frame after the PIN unlock"));
        printSample("pin_unlock_ms", (frame - t) / 1e6);
        ui.settle(300);
    }
    printSample("signin_peak_rss_mib", procMiB("/proc/self/status", "VmHWM"));
    return 0;
}

int runDemoCreation()
{
    test::UiDriver ui;
    if (!ui.loadMain() || !inState("firstRun"))
        return fail(QStringLiteral("expected an empty database (first run)"));
    FrameClock clock;
    clock.attach(ui.window());
    QQuickItem *button = ui.find(QStringLiteral("Explore with a demo clinic"));
    if (!button)
        return fail(QStringLiteral("no \"Explore with a demo clinic\""));
    // Created, then the sign-in screen naming the demo accounts (nobody is signed in silently).
    StateWatch watch("signIn");
    const qint64 t = tap(ui, button);
    if (!spinUntil([&] { return watch.reached != 0; }, 180000))
        return fail(
            QStringLiteral("the demo clinic was not created: %1").arg(session()->errorMessage()));
    const qint64 frame = clock.waitFrameAfter(watch.reached);
    if (frame == 0)
        return fail(QStringLiteral("no frame after creating the demo clinic"));
    printSample("demo_create_ms", (frame - t) / 1e6);
    return 0;
}

} // namespace triad::bench
