#pragma once
// Hands the heap pages freed by a large computation back to the system.
//
// glibc keeps freed small blocks in its arenas: after a computation that built and dropped
// tens of MiB of small objects (the clinic norms over every response), the process stays that
// large until the pages are reused, and a later sign-in adds the 128 MiB scrypt buffer on top
// (issue 12: peak RSS 286 MiB on a 400-patient clinic). malloc_trim(0) returns every whole
// free page of every arena; it costs a few milliseconds, so it is called after such a
// computation only, never per row. Elsewhere than glibc it does nothing.
//
// With a database: its connection's page cache (up to 2 MiB of the file's pages, kept after a
// migration or a large read) is emptied too; the pages are read again when needed.

#include "core/store/database.h"

#include <QSqlQuery>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace triad::store {

inline void releaseFreedMemory(const Database *db = nullptr)
{
    if (db)
        db->query().exec(QStringLiteral("PRAGMA shrink_memory"));
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

// Fixed malloc thresholds for the whole process, set once at start (app::prepareApplication):
// an arena whose free top grows past 2 MiB gives it back at the next free, and only blocks of
// 32 MiB or more get pages of their own. glibc's default moves the trim threshold up after a
// large block is freed (up to 64 MiB), and malloc_trim(0) never gives back a thread arena's
// free top: a worker's 4.4 MiB stayed resident behind the forms in some runs and not in
// others, depending on which thread freed what first (PSS with the first form showing at
// 2,000 patients, 77 or 81 MiB; docs/PERFORMANCE.md, tenth pass). The mmap threshold is the
// default's own ceiling: at 1 MiB the clinic figures took 10-15 % longer, at 32 MiB 3-4 %.
inline void fixMallocThresholds()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 2 * 1024 * 1024);
#endif
}

} // namespace triad::store
