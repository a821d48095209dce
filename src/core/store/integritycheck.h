#pragma once
// The database's integrity check off the UI thread. Database::open runs PRAGMA
// integrity_check before anything else, which reads the whole file: about 0.5 s of CPU for
// a clinic of 400 children (110 MB), before the first screen could show. The app opens with
// Options::checkIntegrity = false when the schema is current, runs this on a worker thread
// while the sign-in screen shows, and waits for it before anything is written.

#include "storeerror.h"

#include <QString>

namespace triad::store {

// PRAGMA integrity_check of the database file at `path` on a read-only connection of its
// own (WAL lets it read while the file is open elsewhere); callable from any thread.
// No error when SQLite says "ok"; Corrupt with SQLite's first findings otherwise.
StoreError checkIntegrityOf(const QString &path);

} // namespace triad::store
