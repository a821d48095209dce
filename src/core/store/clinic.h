#pragma once
// The clinic as a whole: first-run bootstrap, sign-in and staff administration.
//
// Sign-in is split so the slow key derivation (scrypt, about a second) never runs on the UI
// thread and never touches the database off its own thread:
//   1. keySlot(staffId)                         caller's thread (reads the database)
//   2. Clinic::unwrap(slot, passphrase, staffId) any thread, e.g. QtConcurrent::run
//      (or unwrapAsync(), which does exactly that)
//   3. finishSignIn(staffId, key, vault)        caller's thread (unlocks, audits)
// signIn() does the three in a row for command-line tools and tests.
//
// After sign-in, repositories take vault.subkey(KeyPurpose::Fields) (as a FieldCipher) and
// an AuditLog built from vault.subkey(KeyPurpose::Audit) and vault.staffId().

#include "auditlog.h"
#include "database.h"
#include "staffrepository.h"

#include "core/crypto/keyslot.h"
#include "core/crypto/vault.h"

#include <optional>
#include <QFuture>
#include <QThreadPool>

namespace triad::store {

class AuditLog;

class Clinic
{
public:
    explicit Clinic(Database &db)
        : m_db(db)
    {}

    bool exists();
    QString name();

    // First run on an empty database: the clinic row, the first admin, and a new random data
    // key sealed in the admin's key slot, all in one transaction. Unlocks `vault` as that
    // admin. Refused when a clinic exists already.
    std::optional<StaffMember> create(const QString &clinicName, const QString &adminName,
                                      const QString &passphrase, crypto::Vault &vault,
                                      const crypto::ScryptParams &params = {});

    std::optional<crypto::KeySlot> keySlot(const QString &staffId);
    static std::optional<crypto::SecureBytes>
    unwrap(const crypto::KeySlot &slot, const QString &passphrase, const QString &staffId);
    // On `pool` (Qt's global pool when null).
    static QFuture<std::optional<crypto::SecureBytes>> unwrapAsync(const crypto::KeySlot &slot,
                                                                   const QString &passphrase,
                                                                   const QString &staffId,
                                                                   QThreadPool *pool = nullptr);
    // Unlocks the vault with the unwrapped key and audits the sign-in; with no key, records
    // the failed attempt (staff id only, never the passphrase) and fails with WrongPassphrase.
    // Before appending anything it checks the end of the audit log against the chain head
    // file (AuditLog::checkEnd): if they do not match it fails with Tampered, the detail
    // naming the entry, the vault locked again and nothing written, so a cut log or a lost
    // head is never papered over by a new entry and a rewritten head. `counted`: the log
    // counted on a worker meanwhile (tallyAuditAt), used when it still holds (checkEnd).
    bool finishSignIn(const QString &staffId, std::optional<crypto::SecureBytes> dataKey,
                      crypto::Vault &vault,
                      const std::optional<AuditTally> &counted = std::nullopt);
    bool signIn(const QString &staffId, const QString &passphrase, crypto::Vault &vault);
    // Opens the vault without checking or appending to the audit log: for verification
    // (which must read the log as it is) and restore (which replaces it). A wrong passphrase
    // is still recorded as pending, as at sign-in.
    bool unlockWithoutAudit(const QString &staffId, const QString &passphrase,
                            crypto::Vault &vault);

    // Administration: `vault` must be unlocked by an active admin.
    std::optional<StaffMember> addStaff(const crypto::Vault &vault, const QString &displayName,
                                        StaffRole role, const QString &passphrase,
                                        const crypto::ScryptParams &params = {});
    // Refuses to disable the last active admin (nobody could manage staff any more).
    bool setStaffActive(const crypto::Vault &vault, const QString &staffId, bool active);
    // Seals the data key under a new passphrase and destroys the old slot, one transaction.
    bool resetPassphrase(const crypto::Vault &vault, const QString &staffId,
                         const QString &newPassphrase, const crypto::ScryptParams &params = {});

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    bool requireAdmin(const crypto::Vault &vault);
    // A database migrated to v6 is sealed at its first sign-in with the key (rowseal.h).
    bool sealRowsOnce(AuditLog &audit);
    bool storeSlot(const QString &staffId, const crypto::KeySlot &slot);

    Database &m_db;
};

} // namespace triad::store
