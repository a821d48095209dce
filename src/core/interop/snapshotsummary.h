#pragma once
// What a database file holds, measured without writing to it: schema version, rows per
// clinic table, and a content digest. A backup's header carries the summary of its
// snapshot; restore measures the decrypted file again and compares.

#include <QByteArray>
#include <QMap>
#include <QString>

namespace triad::interop {

struct SnapshotSummary
{
    int schemaVersion = 0;
    QString clinicUuid;
    QMap<QString, qint64> rows; // table -> row count, for store::dataTables()
    // SHA-256 over every table's rows. Rows are hashed one by one and sorted, so the digest
    // does not depend on the order SQLite returns them in (VACUUM may renumber rowids).
    QByteArray digest;
    bool integrityOk = false;
    QString integrityReport; // "ok", or SQLite's first findings
    // The snapshot's newest audit entry (its chain head): 0 and empty for an empty log.
    qint64 auditHeadSeq = 0;
    QByteArray auditHeadMac;
};

// Opens `path` read-only (no -wal or -shm is created for a rollback-journal file such as a
// VACUUM INTO copy) and measures it. nullopt-like: returns false with a plain *error.
bool summarize(const QString &path, SnapshotSummary *summary, QString *error);

} // namespace triad::interop
