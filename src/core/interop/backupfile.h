#pragma once
// The encrypted backup file format, "triad-backup/2":
//
//   "TRIADBAK"  u16 format (2)  u32 n  header JSON (n bytes)  header MAC (32 bytes)
//   chunk*:     u32 m  sealed (m bytes)
//
// The header (schema version, created-at, clinic uuid, row counts, content digest, size and
// SHA-256 of the snapshot, chunk size and count, key id, and since format 2 the active staff
// members' key slots: backupstaff.h) is MACed with the backup key, and
// every chunk is AES-256-GCM sealed with associated data binding the header MAC, the chunk's
// index and whether it is the last one. So a changed header, a changed/reordered/missing
// chunk, a cut-off tail and appended bytes are all refused, and told apart from a wrong key
// by the key id (an HMAC of the key, which reveals nothing about it).
//
// Format 1 (no staff slots) is still read; such a backup opens only with the key of the
// clinic's existing database.

#include "backupstaff.h"
#include "interoperror.h"
#include "snapshotsummary.h"

#include "core/crypto/securebytes.h"

#include <QDateTime>
#include <QString>

namespace triad::interop {

constexpr int kBackupFormat = 2;
constexpr int kFirstFormatWithStaffSlots = 2;

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
    // Format 2: every active staff member's passphrase slot, id, display name and role, as
    // in the snapshot. Empty in format 1.
    QVector<BackupStaffSlot> staff;
    // The audit chain head of the snapshot (entry number and headFingerprint()), the outside
    // reference for a rollback (docs/SECURITY.md). -1 / empty in backups made before it.
    qint64 auditHeadSeq = -1;
    QString auditHeadFingerprint;

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

// Reads the staff slots of a backup WITHOUT authenticating anything: nothing in the file
// can be checked before a data key is in hand, and the slots are how one gets it. Only for
// choosing the slot to try; the caller must then read the header again with the unwrapped
// key (readBackupHeader), which verifies the MAC over these very slots. *format says
// whether the file has slots at all (kFirstFormatWithStaffSlots).
bool readBackupStaffUnauthenticated(const QString &backupPath, int *format,
                                    QVector<BackupStaffSlot> *staff, InteropError *error);

// Writes a backup whose header says what the caller wants, for tests of refusal (a newer
// schema) and of older formats (header.format = 1 writes a format-1 file); the content is
// encrypted and authenticated exactly as a real one. With format 2 and no staff given, the
// slots are read from the snapshot as writeBackupFile does.
bool writeBackupFileWithHeader(const QString &snapshotPath, BackupHeader header,
                               const crypto::SecureBytes &backupKey, const QString &target,
                               InteropError *error);

} // namespace triad::interop
