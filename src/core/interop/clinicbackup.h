#pragma once
// Encrypted backups of the whole clinic database and restoring one (docs/SECURITY.md,
// "Backup, restore and erasure"). Both need the vault unlocked by an active admin: the
// backup key is the vault's KeyPurpose::Backup subkey.

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
};

} // namespace triad::interop
