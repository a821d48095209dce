#pragma once
// Shared by the round tests and the crash helper: a temporary clinic database, cheap key
// derivation, and answering a form the way a respondent taps it (synthetic values only).

#include "app/questionnairemodel.h"

#include <QString>
#include <QVariant>

namespace triad::testing {

constexpr const char *kPassphrase = "test-passphrase-1234";

// Points TRIAD_DB at `dbPath`, isolates QSettings, makes scrypt and PIN hashing cheap.
// Call before anything touches ClinicSession.
void prepareAppEnvironment(const QString &dbPath);

// A valid value for row `row` of the form, varied by `seed`, as QML would hand it over.
QVariant sampleAnswer(const app::QuestionnaireModel &model, int row, int seed);
// Answers rows [from, to) through QuestionnaireModel::setAnswer; returns the first problem.
QString answerRows(app::QuestionnaireModel &model, int from, int to, int seed);

// Runs the event loop until `done` is true or `ms` pass; returns done().
bool waitFor(const std::function<bool()> &done, int ms = 20000);

// Runs the event loop until the clinic figures, worked out on the worker thread after sign-in
// or after responses completed, are current (ClinicSession::readyClinicFigures), or until an
// error or `ms` pass; true when they are current, and the cards of the rounds that waited for
// them (RoundFlow) are stored.
bool waitForClinicFigures(int ms = 120000);

// The stamp queries the clinic figures' and item figures' caches ran on this (the UI) thread
// so far (each reads every complete response).
int stampQueriesHere();

} // namespace triad::testing
