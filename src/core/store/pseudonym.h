#pragma once
// Patient pseudonym codes such as "TRD-7K4M-Q2": random, short enough to read aloud, and
// drawn from characters that cannot be mistaken for each other (no 0/O, 1/I/L, 5/S, U/V).

#include <QString>

namespace triad::store {

// 27^6 (about 3.9e8) codes; uniqueness is still checked by the database (UNIQUE).
QString newPseudonymCode();
// Accepts what a person types: case and separators are forgiven ("trd 7k4m q2").
// Returns the canonical form, or an empty string when it cannot be a code.
QString normalisePseudonymCode(const QString &typed);

} // namespace triad::store
