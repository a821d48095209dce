#pragma once
// Patients and their guardians. The pseudonym code is plain (it is what appears on
// exports and screens shared with researchers); name, birth date and notes are encrypted
// per field with the row id bound in (crypto/fieldcipher.h).

#include "auditlog.h"
#include "database.h"

#include "core/crypto/fieldcipher.h"

#include <optional>
#include <QDate>
#include <QVector>

namespace triad::store {

struct Patient
{
    QString id;   // uuid
    QString code; // "TRD-7K4M-Q2"
    QString name;
    QDate birthDate;
    QString notes;
    QString createdAt;
    QString createdBy; // staff id
};

struct Guardian
{
    QString id;
    QString patientId;
    QString name;
    QString relationship; // mother, father, carer, other
    QString createdAt;
};

class PatientRepository
{
public:
    PatientRepository(Database &db, const crypto::FieldCipher &cipher, AuditLog &audit)
        : m_db(db)
        , m_cipher(cipher)
        , m_audit(audit)
    {}

    // A new patient with a fresh unique pseudonym code, or with `code` (a canonical code that
    // no patient has yet: an import keeps the code the patient has at the other clinic).
    std::optional<Patient> create(const QString &name, const QDate &birthDate,
                                  const QString &notes = {}, const QString &code = {});
    std::optional<Patient> get(const QString &id);
    std::optional<Patient> findByCode(const QString &typedCode);
    // Every patient, names decrypted, sorted by name. A row that does not decrypt with this
    // key is an error (CryptoFailed), never shown with an empty name.
    QVector<Patient> list();
    // Rewrites name, birth date and notes (the code never changes).
    bool update(const Patient &patient);
    // Removes the patient and everything about them (guardians, episodes, sessions,
    // responses with answers and scores, alerts, actions) in one transaction, then
    // checkpoints the WAL so no page with their data stays in it. The audit log keeps an
    // "erase" entry naming only the row id.
    bool erase(const QString &patientId);

    std::optional<Guardian> addGuardian(const QString &patientId, const QString &name,
                                        const QString &relationship);
    // The guardians still on the patient's list (removed ones are left out).
    QVector<Guardian> guardians(const QString &patientId);
    bool renameGuardian(const QString &guardianId, const QString &name);
    // How many forms (responses of any status) the guardian answered; -1 on error.
    int responsesBy(const QString &guardianId);
    // Takes a guardian off the patient's list, audited. One who never answered a form is
    // deleted ("delete" guardian); one who answered keeps the row their responses point at,
    // so those answers stay whole, scored and in the history, and is marked removed
    // (guardian_removal, schema v7; "remove" guardian): no longer listed or offered for a
    // round. NotFound for an unknown or already removed guardian.
    bool removeGuardian(const QString &guardianId);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    std::optional<Patient> readOne(const QString &where, const QString &value);
    bool decryptInto(Patient &p, const QByteArray &name, const QByteArray &birth,
                     const QByteArray &notes);
    QByteArray seal(const QString &value, const char *table, const char *column,
                    const QString &rowId);

    Database &m_db;
    const crypto::FieldCipher &m_cipher;
    AuditLog &m_audit;
};

} // namespace triad::store
