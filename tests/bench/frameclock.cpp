#include "frameclock.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QQuickWindow>
#include <QTimer>

#include <algorithm>

namespace triad::bench {

void FrameClock::attach(QQuickWindow *window)
{
    // Direct: with a threaded render loop the signal comes from the render thread, and the
    // time that counts is when the frame was handed to the screen, not when the GUI thread
    // got round to hearing about it.
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [this] {
            const qint64 t = monotonicNs();
            QMutexLocker lock(&m_mutex);
            m_frames.append(t);
        },
        Qt::DirectConnection);
}

int FrameClock::frameCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_frames.size());
}

QVector<qint64> FrameClock::framesAfter(qint64 t) const
{
    QMutexLocker lock(&m_mutex);
    QVector<qint64> after;
    for (auto it = m_frames.crbegin(); it != m_frames.crend() && *it > t; ++it)
        after.prepend(*it);
    return after;
}

qint64 FrameClock::waitFrameAfter(qint64 t, int timeoutMs)
{
    qint64 found = 0;
    spinUntil(
        [&] {
            const auto after = framesAfter(t);
            found = after.isEmpty() ? 0 : after.first();
            return found != 0;
        },
        timeoutMs, &m_longestBusyNs);
    return found;
}

FrameClock::Response FrameClock::waitSettled(qint64 t, int quietMs, int timeoutMs)
{
    const qint64 quietNs = qint64(quietMs) * 1000000;
    spinUntil(
        [&] {
            const auto after = framesAfter(t);
            const qint64 last = after.isEmpty() ? t : after.last();
            return monotonicNs() - last >= quietNs;
        },
        timeoutMs, &m_longestBusyNs);
    Response r;
    r.longestBusyMs = longestBusyMs();
    const auto after = framesAfter(t);
    if (after.isEmpty())
        return r;
    r.changed = true;
    r.firstMs = (after.first() - t) / 1e6;
    r.settledMs = (after.last() - t) / 1e6;
    qint64 previous = t;
    qint64 longest = 0;
    for (qint64 frame : after) {
        longest = std::max(longest, frame - previous);
        previous = frame;
    }
    r.longestGapMs = longest / 1e6;
    if (qEnvironmentVariableIsSet("TRIAD_BENCH_FRAMES")) {
        QString line;
        qint64 prev = t;
        for (qint64 frame : after) {
            line += QString::number((frame - prev) / 1e6, 'f', 1) + QLatin1Char(' ');
            prev = frame;
        }
        qWarning("FRAMES %s", qPrintable(line));
    }
    return r;
}

void spin(int ms)
{
    spinUntil([] { return false; }, ms);
}

bool spinUntil(const std::function<bool()> &done, int ms, qint64 *longestBusyNs)
{
    // Sleeps in the event loop between checks (a 1 ms tick wakes it): no busy loop taking a
    // core from the app being measured.
    QTimer tick;
    tick.start(1);
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired()) {
        const qint64 turn = monotonicNs();
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        if (longestBusyNs)
            *longestBusyNs = std::max(*longestBusyNs, monotonicNs() - turn);
        // For a profiler's timeline: each turn over 8 ms, with CLOCK_MONOTONIC seconds (the
        // clock of `perf record -k CLOCK_MONOTONIC`).
        const qint64 end = monotonicNs();
        if (end - turn > 8000000 && qEnvironmentVariableIsSet("TRIAD_BENCH_TURNS"))
            qWarning("TURN %.1f ms at %.6f-%.6f", (end - turn) / 1e6, turn / 1e9, end / 1e9);
    }
    return done();
}

} // namespace triad::bench
