#pragma once
// Steps both restores share (the one into an existing database and the one onto a new
// device): a decrypted copy that is removed securely whatever happens, the checks a
// decrypted backup must pass before it may become the live database, and the audit entry.
// Internal to triad_interop.

#include "backupfile.h"

#include "core/crypto/vault.h"
#include "core/store/database.h"

namespace triad::interop {

// Removes a plaintext database copy however the function it guards returns.
class PlaintextCopy
{
public:
    explicit PlaintextCopy(QString path)
        : m_path(std::move(path))
    {}
    ~PlaintextCopy();
    PlaintextCopy(const PlaintextCopy &) = delete;
    PlaintextCopy &operator=(const PlaintextCopy &) = delete;
    const QString &path() const { return m_path; }
    void release() { m_path.clear(); } // it became the live database

private:
    QString m_path;
};

bool sameSummary(const BackupHeader &header, const SnapshotSummary &summary);

// Decrypts `backupFile` with `key` into `staging.path()` (which must not exist) and checks
// the result: every chunk authenticates, integrity_check is ok, and the row counts, digest
// and schema version are those the header recorded. *header is the header authenticated
// by this very read.
bool stageBackup(const QString &backupFile, const crypto::SecureBytes &key,
                 const PlaintextCopy &staging, BackupHeader *header, InteropError *error);

// Appends `action` ("backup", "restore") to the audit chain of `db` as the vault's staff
// member, in its own transaction, and publishes the chain head file. `requireHead`: a head
// file that cannot be written is an error (a new device has no older head to fall back on).
bool recordClinicEvent(store::Database &db, const crypto::Vault &vault, const QString &action,
                       const QByteArray &headerJson, InteropError *error, bool requireHead = false);

} // namespace triad::interop
