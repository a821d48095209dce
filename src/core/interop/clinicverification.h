#pragma once
// "Is this database intact?": SQLite's integrity_check and the audit chain (every entry's
// MAC and the chain head file). What triad-cli verify and the app's admin screen show.
// Reads only: verification never appends an entry nor rewrites the head file, so what it
// reports is the state it found.

#include "core/crypto/auditchain.h"
#include "core/crypto/vault.h"
#include "core/store/database.h"
#include "core/store/rowseal.h"

#include <optional>

namespace triad::interop {

struct VerificationReport
{
    bool integrityOk = false;
    QString integrityReport; // "ok" or SQLite's first findings, never empty
    crypto::VerifyResult audit;
    qint64 auditEntries = 0;
    qint64 pendingEntries = 0; // failed sign-ins waiting to join the chain
    // The chain head file as read (when it authenticates with the audit key): the outside
    // reference a clinic notes down or compares with a backup's.
    std::optional<crypto::ChainHead> head;
    // Row seals (schema v6): every sealed row, every seal and the register checked.
    store::rowseal::Finding rows;
    bool rowsSealed = false; // false: a database migrated to v6 nobody has signed in to yet
    bool ok() const { return integrityOk && audit.ok && rows.ok; }
};

// Needs the vault unlocked (the audit key); any staff member may verify.
VerificationReport verifyClinic(store::Database &db, const crypto::Vault &vault);

// A short, stable way to write a chain head down or read it aloud: the first 12 hex digits
// of SHA-256 over its entry number and MAC, in groups of four ("3f9a-41c2-7b0e").
QString headFingerprint(const crypto::ChainHead &head);

} // namespace triad::interop
