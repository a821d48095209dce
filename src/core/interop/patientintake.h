#pragma once
// Checks on what an admin types when adding a patient, shared by the CLI and the app.

#include <optional>
#include <QDate>
#include <QString>

namespace triad::interop {

// "YYYY-MM-DD", a real date, not after `today`, and not more than 25 years before it
// (Triad's forms cover ages 4-17; young adults finishing an episode are allowed).
// nullopt with a translated sentence naming the birth date in *problem otherwise.
std::optional<QDate> parseBirthDate(const QString &text, const QDate &today, QString *problem);

} // namespace triad::interop
