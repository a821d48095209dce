#pragma once
// "Is this database intact?": SQLite's integrity_check and the audit chain (every entry's
// MAC and the chain head file). What triad-cli verify and the app's admin screen show.

#include "core/crypto/auditchain.h"
#include "core/crypto/vault.h"
#include "core/store/database.h"

namespace triad::interop {

struct VerificationReport
{
    bool integrityOk = false;
    QString integrityReport; // "ok" or SQLite's first findings
    crypto::VerifyResult audit;
    qint64 auditEntries = 0;
    qint64 pendingEntries = 0; // failed sign-ins waiting to join the chain
    bool ok() const { return integrityOk && audit.ok; }
};

// Needs the vault unlocked (the audit key); any staff member may verify.
VerificationReport verifyClinic(store::Database &db, const crypto::Vault &vault);

} // namespace triad::interop
