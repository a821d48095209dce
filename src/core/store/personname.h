#pragma once
// The rules every stored person's name follows (patients, guardians, staff), shared by the
// store, triad-cli and the app's editors so all of them refuse the same names with the same
// words (docs/SECURITY.md, "Input rules").

#include <QString>

namespace triad::store {

// Longest name kept, in characters (UTF-16 units) after cleaning.
constexpr int kMaxNameLength = 100;

// Leading and trailing white space removed, inner runs of spaces collapsed to one.
QString cleanName(const QString &name);

// Empty when `name` may be stored; else a translated sentence that starts with `field`
// ("--name", "Name", "Guardian 2") and says what is wrong: empty, longer than
// kMaxNameLength, a control character (tab, new line, NUL...), text that was not valid
// UTF-8 (U+FFFD or a lone surrogate), or a direction override / isolate character
// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) that can make a name display as
// something else.
QString nameProblem(const QString &name, const QString &field);

} // namespace triad::store
