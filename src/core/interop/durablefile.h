#pragma once
// File operations a backup relies on: data that is on the disk before we say so, renames
// that replace a file in one step, and removal that overwrites the bytes first.

#include <QString>

class QFile;

namespace triad::interop {

// fsync of an open file (flushes Qt's buffer first).
bool syncFile(QFile &file);
// fsync of a folder, so a rename or a removal in it survives a power cut.
bool syncFolder(const QString &folder);
// rename(2): replaces `to` atomically if it exists; then syncs the folder of `to`.
bool renameDurably(const QString &from, const QString &to, QString *error = nullptr);
// Overwrites the file with zeros, syncs, and unlinks it. A missing file is success. On
// flash storage the old blocks may survive in the device's spare area; what a copy of the
// folder sees is gone (docs/SECURITY.md, Backup, restore and erasure).
bool removeSecurely(const QString &path);
// The file and its SQLite companions (-journal, -wal, -shm), each removed securely.
bool removeDatabaseSecurely(const QString &path);
// ENOSPC, EDQUOT or EFBIG: the disk (or the user's quota, or the largest file this system
// allows) is full, which the user can fix by freeing space or choosing another disk.
bool isDiskFull(int errnum);
// A name next to `path` that does not exist yet: "<path>.<tag>-<random>".
QString siblingTempName(const QString &path, const QString &tag);

} // namespace triad::interop
