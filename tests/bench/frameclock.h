#pragma once
// Records when the window presented each frame (QQuickWindow::frameSwapped), on one
// monotonic clock, so the benchmark can say how long after a tap the screen changed, when
// it stopped changing, and the longest wait between two frames while it changed.

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
    };
    Response waitSettled(qint64 t, int quietMs = 150, int timeoutMs = 5000);

private:
    QVector<qint64> framesAfter(qint64 t) const;

    mutable QMutex m_mutex;
    QVector<qint64> m_frames;
};

// Runs the event loop for `ms`.
void spin(int ms);
// Runs the event loop until `done` or `ms` pass; returns done().
bool spinUntil(const std::function<bool()> &done, int ms = 20000);

} // namespace triad::bench
