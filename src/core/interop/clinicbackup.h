#pragma once
// Encrypted backups of the whole clinic database and restoring one (docs/SECURITY.md,
// "Backup, restore and erasure"). Backing up and restoring into an existing database need
// the vault unlocked by an active admin: the backup key is the vault's KeyPurpose::Backup
// subkey. Restoring onto a new device needs any active staff member's passphrase instead.

#include "backupfile.h"

#include "core/crypto/vault.h"
#include "core/store/database.h"

namespace triad::interop {

struct BackupReport
{
    QString file;
    BackupHeader header;
};

struct RestoreReport
{
    QString databasePath;
    QString previousPath; // "<db>.before-restore"; empty when there was no database
    BackupHeader header;
};

class ClinicBackup
{
public:
    // A consistent snapshot (VACUUM INTO a temporary file next to the live database, which
    // already holds the same data), encrypted to a temporary file next to `target`, synced,
    // renamed into place and read back. The plaintext snapshot is overwritten and removed
    // on every path. Refuses an existing `target`. Audits "backup".
    static bool create(store::Database &db, const crypto::Vault &vault, const QString &target,
                       BackupReport *report, InteropError *error);

    // Decrypts `backupFile` into a new file next to the live database, checks it
    // (integrity_check, row counts, content digest), then swaps it in by rename and keeps
    // the previous database as "<db>.before-restore". `live` is closed for the swap and
    // reopened on the restored database (migrated if it is older), which gets a "restore"
    // audit entry and a new chain head. On any failure before the swap, the live database
    // is not touched. `live` may be closed (a new device: nothing at its path yet), then
    // `databasePath` says where to restore.
    static bool restore(store::Database &live, const QString &databasePath,
                        const crypto::Vault &vault, const QString &backupFile,
                        RestoreReport *report, InteropError *error);

    // Restore onto a device that has no database (the tablet was lost or broken): the
    // backup's header carries each active staff member's key slot (format 2), so `who` (a
    // display name as at sign-in, or a staff id) and their `passphrase` unwrap the data
    // key. Then, in this order: `vault` is unlocked as that member, the header MAC is
    // verified with the key just unwrapped, every chunk is decrypted and checked into a
    // file next to `databasePath`, which must hold nothing yet (no database, -wal, -shm,
    // -journal or audit head: this path never replaces anything; an existing database is
    // restored with restore()). It is checked (integrity_check, row counts, digest),
    // moved into place, opened into `db` (migrated if older) and gets a "restore" audit
    // entry and a new chain head. On success `db` is open and `vault` unlocked as `who`;
    // on failure nothing is left at `databasePath` and `vault` is locked.
    // A wrong passphrase gives WrongPassphrase with the sign-in's sentence; a name not in
    // the backup gives UnknownStaff; slots or header changed give Tampered; a format-1
    // backup (no slots) gives Invalid.
    static bool restoreOnNewDevice(const QString &backupFile, const QString &who,
                                   const QString &passphrase, const QString &databasePath,
                                   store::Database &db, crypto::Vault &vault, RestoreReport *report,
                                   InteropError *error);
};

} // namespace triad::interop
