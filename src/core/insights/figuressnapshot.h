#pragma once
// Both whole-clinic figures (the clinic norms of ClinicFigures and the lead's ItemNorms)
// computed at once over one consistent view of the database, with the stamp of the complete
// responses they were computed from (completeResponsesStamp). For a worker thread: it opens
// its own connection to the clinic database (a Qt SQL rule), read-only, and the app installs
// the result in its caches (ClinicFiguresCache::install, ItemNormsCache::install) on the UI
// thread, where current() hands it out only while the stamp still holds.
//
// No key is needed: the figures read plain columns only (completeresponses.h).

#include "clinicfigures.h"
#include "itemnorms.h"

#include <atomic>
#include <optional>

namespace triad::insights {

struct FiguresSnapshot
{
    QString stamp;
    std::optional<ClinicFigures> clinic;
    std::optional<QVector<FormReliability>> items; // only when asked for (withItemNorms)
    QString error; // the database error, in words, when one of them could not be read
};

// Reads through `db` inside one read transaction (SQLite's WAL snapshot), so the stamp and
// both figures describe exactly the same complete responses even while the app's own
// connection saves a response meanwhile. Without `withItemNorms` only the clinic norms and
// usual gaps are worked out: the item figures are the lead's dashboard's alone, and they were
// a third of the computation (issue 12).
FiguresSnapshot computeFigures(store::Database &db, const InstrumentLibrary &library,
                               bool withItemNorms = true);

// Opens the database at `path` on the calling thread (a connection of its own, sharing the
// process's ClinicLock like every Database: a program that wants the file exclusively sees
// it in use), read-only (query_only), computes, closes, and hands the scratch back to the
// system (releaseFreedMemory). When `cancel` becomes true (the app is quitting) SQLite stops
// the statement running within a few thousand steps: the snapshot then has no figures and its
// error says the computation was interrupted.
FiguresSnapshot computeFiguresAt(const QString &path, const InstrumentLibrary &library,
                                 const std::atomic_bool *cancel = nullptr,
                                 bool withItemNorms = true);

} // namespace triad::insights
