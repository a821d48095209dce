#pragma once
// Records when the window presented each frame (QQuickWindow::frameSwapped), on one
// monotonic clock, so the benchmark can say how long after a tap the screen changed, when
// it stopped changing, and the longest wait between two frames while it changed; and, apart
// from that, the longest time the UI thread was busy (a long wait between frames may be the
// screen waiting, idle, for a worker's read: it still answers a tap then).

#include <QMutex>
#include <QVector>

class QQuickWindow;

namespace triad::bench {

// CLOCK_MONOTONIC in nanoseconds: the same clock in a parent and the process it starts.
qint64 monotonicNs();

class FrameClock
{
public:
    void attach(QQuickWindow *window);
    qint64 now() const { return monotonicNs(); }
    int frameCount() const;
    // The first frame presented after `t`; 0 when none came within `timeoutMs`.
    qint64 waitFrameAfter(qint64 t, int timeoutMs = 2000);
    // What the screen did after an input at `t`: the first frame, the last frame before the
    // window stayed still for `quietMs`, and the longest interval between `t` and the frames
    // up to the last (the longest time the screen was stale while it was changing).
    struct Response
    {
        bool changed = false;
        double firstMs = 0;
        double settledMs = 0;
        double longestGapMs = 0;
        // The longest stretch the event loop spent in one go without coming back (the UI
        // thread blocked: building a screen, a read, painting), while waiting for the
        // frames; the caller counts the tap's own delivery on top (busySince).
        double longestBusyMs = 0;
    };
    Response waitSettled(qint64 t, int quietMs = 150, int timeoutMs = 5000);
    // waitFrameAfter and waitSettled note the longest busy stretch since this call.
    void busySince() { m_longestBusyNs = 0; }
    double longestBusyMs() const { return m_longestBusyNs / 1e6; }

private:
    QVector<qint64> framesAfter(qint64 t) const;

    mutable QMutex m_mutex;
    QVector<qint64> m_frames;
    qint64 m_longestBusyNs = 0;
};

// Runs the event loop for `ms`.
void spin(int ms);
// Runs the event loop until `done` or `ms` pass; returns done(). With `longestBusyNs`, raises
// it to the longest single turn of the loop (one turn waits at most about 1 ms when idle).
bool spinUntil(const std::function<bool()> &done, int ms = 20000, qint64 *longestBusyNs = nullptr);

} // namespace triad::bench
