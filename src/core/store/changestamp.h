#pragma once
// Whether anything was written to the clinic database since a screen last read it, so a
// screen shown again (the patient list after Back, the dashboard's open cards) can keep what
// it read instead of reading every patient again.
//
// The stamp is SQLite's own count of rows this connection inserted, updated or deleted,
// triggers included (total_changes()), with PRAGMA data_version, which changes when any other
// connection (a worker thread, another program) committed. Any write makes it differ; a
// write rolled back may too (the reader then reads again: harmless). It is only comparable
// on the same open connection: readers drop what they kept when the workspace changes.

#include "database.h"

#include <optional>

namespace triad::store {

// Nullopt with db.lastError() set on a database error.
std::optional<QString> changeStamp(Database &db);

} // namespace triad::store
