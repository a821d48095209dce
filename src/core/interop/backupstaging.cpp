#include "backupstaging.h"

#include "durablefile.h"

#include "core/store/auditlog.h"

#include <QCoreApplication>
#include <QDir>

namespace triad::interop {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::ClinicBackup", text);
}

bool fail(InteropError *error, InteropErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}

} // namespace

PlaintextCopy::~PlaintextCopy()
{
    if (!m_path.isEmpty())
        removeDatabaseSecurely(m_path);
}

bool sameSummary(const BackupHeader &header, const SnapshotSummary &summary)
{
    return header.rows == summary.rows && header.contentDigest == summary.digest &&
           header.schemaVersion == summary.schemaVersion;
}

bool stageBackup(const QString &backupFile, const crypto::SecureBytes &key,
                 const PlaintextCopy &staging, BackupHeader *header, InteropError *error)
{
    if (!decryptBackupFile(backupFile, key, staging.path(), header, error))
        return false;
    SnapshotSummary summary;
    QString detail;
    if (!summarize(staging.path(), &summary, &detail) || !summary.integrityOk)
        return fail(error, InteropErrorKind::Corrupt,
                    tr("The database inside the backup %1 fails its integrity check; it was "
                       "not restored.")
                        .arg(QDir::toNativeSeparators(backupFile)));
    if (!sameSummary(*header, summary))
        return fail(error, InteropErrorKind::Mismatch,
                    tr("The database inside the backup %1 does not match the row counts and "
                       "digest recorded when it was made; it was not restored.")
                        .arg(QDir::toNativeSeparators(backupFile)));
    return true;
}

bool recordClinicEvent(store::Database &db, const crypto::Vault &vault, const QString &action,
                       const QByteArray &headerJson, InteropError *error, bool requireHead)
{
    store::AuditLog log(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::Transaction tx(db);
    if (!tx.begin() ||
        !log.append(action, QStringLiteral("clinic"), QStringLiteral("1"), {}, headerJson) ||
        !tx.commit())
        return fail(error, InteropErrorKind::Store, db.lastError().message());
    if (!log.publishHead() && requireHead)
        return fail(
            error, InteropErrorKind::Io,
            tr("The audit chain head %1 could not be written: %2")
                .arg(QDir::toNativeSeparators(db.auditHeadPath()), db.lastError().message()));
    return true;
}

} // namespace triad::interop
