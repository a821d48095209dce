#pragma once
// Walks the real screens of the demo clinic for the UI tests: signing in as a demo
// account, finding a demo patient that fits, opening their episode, running a round up to
// a form. All data is the demo clinic's synthetic data.

#include "uidriver.h"

#include <functional>
#include <QString>
#include <QVariantMap>

namespace triad::test {

constexpr const char *kDemoPin = "2468";

// Signs out and in again as `name` with its demo passphrase (README: demo-only), then
// makes sure that account has the demo PIN (needed to leave patient mode).
bool signInAsDemo(UiDriver &ui, const QString &name, const QString &passphrase);

// The first patient row the signed-in account sees that `fits`, with `sessions` set to the
// number of sessions of its open episode; an empty map when none fits.
QVariantMap findDemoPatient(const std::function<bool(const QVariantMap &row)> &fits);

// My patients -> search by code -> the patient's episode screen.
bool openEpisode(UiDriver &ui, const QVariantMap &patient);

// Episode -> "End-of-session round" -> plan -> hand-over (language); stops at the form's
// intro. Screenshots on the way when `shotPrefix` is not empty.
bool runRoundToForm(UiDriver &ui, const QString &shotPrefix = {});

// On the hand-over screen without a gate: "Start my questions" (one language) or English.
bool startOnHandover(UiDriver &ui);

// Presses and holds the hand-over gate ("Press and hold to start") for `ms`, then lets go.
bool holdHandoverGate(UiDriver &ui, int ms = 1800);

// Taps the PIN on the pad shown, digit by digit, then "Enter PIN".
bool tapPin(UiDriver &ui, const QString &pin);

// In patient mode: "Staff" -> PIN -> plan -> "Stop the round" with a reason.
bool stopRound(UiDriver &ui);

// The visible object of the round screen, for reading stage and form state.
QObject *roundScreen(UiDriver &ui);

} // namespace triad::test
