#pragma once
// The measuring modes of bench_ui, each run in a process of its own by the suite. Each
// drives the real Main.qml (tests/app/uidriver.h finds controls by Accessible.name, as a
// person finds them by their label) and prints SAMPLE lines.

#include <QString>

class QQuickItem;

namespace triad::test {
class UiDriver;
}

namespace triad::bench {

class FrameClock;

// Sign-in with the production scrypt cost (N=2^17) on a clinic created for it in an
// empty database: sign_in_ms (tap "Sign in" -> first frame of the signed-in screen) and
// pin_unlock_ms (tap "Enter PIN" on the lock screen -> first frame of the staff screen).
int runSignIn(int runs);
// First run -> "Explore with a demo clinic" -> first frame signed in: demo_create_ms.
int runDemoCreation();
// On a demo clinic: episode_open_ms (50 sessions, chart drawn), dashboard_open_ms,
// staff_back_ms, staff_frame_gap_ms (the longest stale screen while they build) and
// staff_ui_blocked_ms (the longest the UI thread was busy in one go meanwhile, the tap's own
// handling included: what a second tap would wait for).
int runStaffScreens(int runs);
// Patient mode through a whole round: tap_to_next_ms, tap_to_settled_ms, frame_gap_ms over
// at least `taps` taps, pss_mib with a form showing and peak_rss_mib.
int runRound(int taps);

// Presses and releases the mouse at the item's centre; returns the time of the press.
qint64 tap(test::UiDriver &ui, QQuickItem *item);
// Sends the named control a tap and reports (as `figure`) how long until the screen settled,
// the longest stale screen meanwhile (`gapFigure`) and the longest the UI thread was busy in
// one go (`busyFigure`, the tap's own handling counted as one).
bool timedTap(test::UiDriver &ui, FrameClock &clock, const QString &name, const char *figure,
              const char *gapFigure = nullptr, const char *busyFigure = nullptr);

} // namespace triad::bench
