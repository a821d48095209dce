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

} // namespace triad::store
