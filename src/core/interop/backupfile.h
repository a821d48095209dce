#pragma once
// The encrypted backup file format, "triad-backup/1":
//
//   "TRIADBAK"  u16 format (1)  u32 n  header JSON (n bytes)  header MAC (32 bytes)
//   chunk*:     u32 m  sealed (m bytes)
//
// The header (schema version, created-at, clinic uuid, row counts, content digest, size and
// SHA-256 of the snapshot, chunk size and count, key id) is MACed with the backup key, and
// every chunk is AES-256-GCM sealed with associated data binding the header MAC, the chunk's
// index and whether it is the last one. So a changed header, a changed/reordered/missing
// chunk, a cut-off tail and appended bytes are all refused, and told apart from a wrong key
// by the key id (an HMAC of the key, which reveals nothing about it).

#include "interoperror.h"
#include "snapshotsummary.h"

#include "core/crypto/securebytes.h"

#include <QDateTime>
#include <QString>

namespace triad::interop {

constexpr int kBackupFormat = 1;

struct BackupHeader
{
    int format = kBackupFormat;
    int schemaVersion = 0;
    QString createdAt; // ISO 8601 UTC
    QString clinicUuid;
    QMap<QString, qint64> rows;
    QByteArray contentDigest;  // SnapshotSummary::digest
    qint64 snapshotSize = 0;   // bytes of the plaintext snapshot
    QByteArray snapshotSha256; // of those bytes
    qint64 chunkSize = 0;
    qint64 chunkCount = 0;
    QByteArray keyId;

    QByteArray toJson() const;
};

// Encrypts the snapshot file into `target` (which must not exist), fsyncs it, and returns
// the header written. The caller renames it into place.
bool writeBackupFile(const QString &snapshotPath, const SnapshotSummary &summary,
                     const crypto::SecureBytes &backupKey, const QString &target,
                     BackupHeader *written, InteropError *error, qint64 chunkSize = 1 << 20);

// Reads and authenticates the header only (wrong key, tampering, newer format/schema).
bool readBackupHeader(const QString &backupPath, const crypto::SecureBytes &backupKey,
                      BackupHeader *header, InteropError *error);

// Authenticates the whole file and writes the plaintext snapshot to `target` (must not
// exist; removed securely on any failure). With an empty target only checks.
bool decryptBackupFile(const QString &backupPath, const crypto::SecureBytes &backupKey,
                       const QString &target, BackupHeader *header, InteropError *error);

// Writes a backup whose header says what the caller wants, for tests of refusal (a newer
// schema); the content is encrypted and authenticated exactly as a real one.
bool writeBackupFileWithHeader(const QString &snapshotPath, BackupHeader header,
                               const crypto::SecureBytes &backupKey, const QString &target,
                               InteropError *error);

} // namespace triad::interop
