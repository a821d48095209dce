#include "patienterasure.h"

#include "adminaccess.h"
#include "durablefile.h"

#include "core/crypto/fieldcipher.h"
#include "core/store/auditlog.h"
#include "core/store/patientrepository.h"
#include "core/store/pseudonym.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

namespace triad::interop {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::PatientErasure", text);
}

bool fail(InteropError *error, InteropErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}
} // namespace

bool erasePatient(store::Database &db, const crypto::Vault &vault, const QString &code,
                  ErasureReport *report, InteropError *error)
{
    if (!requireAdmin(db, vault, error))
        return false;
    const QString canonical = store::normalisePseudonymCode(code);
    if (canonical.isEmpty())
        return fail(
            error, InteropErrorKind::Invalid,
            tr("\"%1\" is not a pseudonym code (they look like TRD-7K4M-Q2).").arg(code.left(40)));
    QString patientId;
    {
        QSqlQuery q = db.query();
        if (!db.prepare(q, QStringLiteral("SELECT id FROM patient WHERE code = ?")))
            return fail(error, InteropErrorKind::Store, db.lastError().message());
        q.addBindValue(canonical);
        if (!db.exec(q))
            return fail(error, InteropErrorKind::Store, db.lastError().message());
        if (!q.next())
            return fail(error, InteropErrorKind::Invalid,
                        tr("No patient has the code %1.").arg(canonical));
        patientId = q.value(0).toString();
    }
    if (!db.lockExclusively())
        return fail(error, InteropErrorKind::Io,
                    tr("Another program has the database open (%1). Close it and try again; "
                       "nothing was erased.")
                        .arg(db.lastError().detail));
    struct ExclusiveUse
    {
        store::Database &db;
        ~ExclusiveUse() { db.unlockExclusive(); }
    } exclusive{db};
    crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::PatientRepository patients(db, cipher, audit);
    if (!patients.erase(patientId))
        return fail(error, InteropErrorKind::Store,
                    tr("The patient was not erased: %1").arg(db.lastError().message()));

    // The rows are gone (committed, audited). Now the bytes: VACUUM rewrites the database
    // without free pages, and the TRUNCATE checkpoint moves every page into the main file
    // and cuts the WAL to zero bytes.
    const QString unfinished =
        tr("The patient's rows were erased, but %1. Close Triad everywhere and run "
           "\"triad-cli erase-patient %2\" again to finish.");
    if (!db.execSql(QStringLiteral("VACUUM")))
        return fail(error, InteropErrorKind::Io,
                    unfinished.arg(tr("the database could not be compacted"), canonical));
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next() ||
        q.value(0).toInt() != 0)
        return fail(error, InteropErrorKind::Io,
                    unfinished.arg(tr("another program kept the journal busy"), canonical));
    const QFileInfo wal(db.path() + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return fail(error, InteropErrorKind::Io,
                    unfinished.arg(tr("the journal could not be emptied"), canonical));
    // The copies Triad made hold the patient as well. With the lock exclusive nobody is
    // writing a snapshot or a restore: every copy beside the database can go.
    QStringList removed;
    QStringList kept;
    for (const QString &copy :
         store::Database::leftoverCopies(db.path()) + store::Database::keptCopies(db.path())) {
        if (removeSecurely(copy))
            removed << copy;
        else
            kept << QDir::toNativeSeparators(copy);
    }
    if (!kept.isEmpty())
        return fail(error, InteropErrorKind::Io,
                    tr("The patient was erased from the database, but these copies Triad made "
                       "still hold them and could not be removed: %1. Remove them by hand.")
                        .arg(kept.join(QStringLiteral(", "))));
    if (report)
        *report = {canonical, patientId, QFileInfo(db.path()).size(), removed};
    return true;
}

} // namespace triad::interop
