#pragma once
// The right to erasure: every row about one patient goes, and so do the bytes. The store's
// PatientRepository::erase deletes the rows in one transaction (secure_delete zeroes what
// they occupied); this then rebuilds the file (VACUUM), empties the WAL
// (wal_checkpoint(TRUNCATE)) and checks that both steps really happened, so neither a
// freed page nor an old page image in the WAL keeps the patient's ciphertext.

#include "interoperror.h"

#include "core/crypto/vault.h"
#include "core/store/database.h"

namespace triad::interop {

struct ErasureReport
{
    QString code;      // the pseudonym code, canonical form: all that is left of the patient
    QString patientId; // the audit entry's row id
    qint64 databaseBytes = 0;
    // Copies Triad had made that were overwritten and removed with the patient:
    // "<db>.before-restore", pre-migration copies, snapshots left by a killed backup.
    QStringList removedCopies;
};

// `code`: what the admin typed (case and separators forgiven). Needs an active admin, and
// no other program may have the database open (the ClinicLock is taken exclusively, or the
// erasure stops naming who has it). Every full copy Triad made beside the database is
// overwritten and removed too; a copy that cannot be removed makes the erasure fail with a
// message naming the files that still hold the patient.
bool erasePatient(store::Database &db, const crypto::Vault &vault, const QString &code,
                  ErasureReport *report, InteropError *error);

} // namespace triad::interop
