#include "clinicbackup.h"

#include "adminaccess.h"
#include "backupstaging.h"
#include "durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

namespace triad::interop {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::ClinicBackup", text);
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool fail(InteropError *error, InteropErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}

// Gives up the exclusive lock a restore took, on every path out.
struct ExclusiveUse
{
    store::Database &db;
    ~ExclusiveUse() { db.unlockExclusive(); }
};

// Empties the WAL into the main file. False when another connection keeps it busy.
bool checkpoint(store::Database &db)
{
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !q.next())
        return false;
    return q.value(0).toInt() == 0;
}

} // namespace

bool ClinicBackup::create(store::Database &db, const crypto::Vault &vault, const QString &target,
                          BackupReport *report, InteropError *error)
{
    if (!requireAdmin(db, vault, error))
        return false;
    const QFileInfo targetInfo(target);
    if (targetInfo.exists())
        return fail(
            error, InteropErrorKind::Invalid,
            tr("%1 exists already; choose a new file name for the backup.").arg(shown(target)));
    if (!QFileInfo(targetInfo.absolutePath()).isDir())
        return fail(error, InteropErrorKind::Io,
                    tr("The folder %1 does not exist.").arg(shown(targetInfo.absolutePath())));
    const crypto::SecureBytes key = vault.subkey(crypto::KeyPurpose::Backup);

    PlaintextCopy snapshot(siblingTempName(db.path(), QStringLiteral("snapshot")));
    if (!db.copyTo(snapshot.path()))
        return fail(
            error, InteropErrorKind::Store,
            tr("Could not take a snapshot of the database: %1").arg(db.lastError().message()));
    SnapshotSummary summary;
    QString detail;
    if (!summarize(snapshot.path(), &summary, &detail) || !summary.integrityOk)
        return fail(error, InteropErrorKind::Corrupt,
                    tr("The database snapshot failed its integrity check; run \"triad-cli "
                       "verify\" before backing up."));

    const QString absoluteTarget = targetInfo.absoluteFilePath();
    const QString partial = siblingTempName(absoluteTarget, QStringLiteral("partial"));
    BackupHeader header;
    if (!writeBackupFile(snapshot.path(), summary, key, partial, &header, error)) {
        QFile::remove(partial);
        return false;
    }
    QString renameError;
    if (!renameDurably(partial, absoluteTarget, &renameError)) {
        QFile::remove(partial);
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot move the backup into place at %1: %2")
                        .arg(shown(absoluteTarget), renameError));
    }
    // Read back what the disk now holds, through the same code a restore uses.
    BackupHeader readBack;
    InteropError readError;
    if (!decryptBackupFile(absoluteTarget, key, {}, &readBack, &readError) ||
        !sameSummary(readBack, summary)) {
        QFile::remove(absoluteTarget);
        return fail(error, InteropErrorKind::Io,
                    tr("The backup written to %1 did not read back correctly (%2); it was "
                       "removed. Try another disk.")
                        .arg(shown(absoluteTarget), readError.message));
    }
    if (!recordClinicEvent(db, vault, QStringLiteral("backup"), header.toJson(), error))
        return false;
    if (report)
        *report = {absoluteTarget, header};
    return true;
}

bool ClinicBackup::restore(store::Database &live, const QString &databasePath,
                           const crypto::Vault &vault, const QString &backupFile,
                           RestoreReport *report, InteropError *error)
{
    const QString dbPath = QFileInfo(live.isOpen() ? live.path() : databasePath).absoluteFilePath();
    if (live.isOpen() && !requireAdmin(live, vault, error))
        return false;
    if (!vault.isUnlocked())
        return fail(error, InteropErrorKind::Store,
                    QCoreApplication::translate("triad::interop::AdminAccess", "Sign in first."));
    const crypto::SecureBytes key = vault.subkey(crypto::KeyPurpose::Backup);
    BackupHeader header;
    if (!readBackupHeader(backupFile, key, &header, error))
        return false;

    // Nobody else may write while the file is swapped: a write to the old file after the
    // swap would be reported as saved and then be gone. Held until the restore entry is in.
    if (live.isOpen() && !live.lockExclusively())
        return fail(error, InteropErrorKind::Io,
                    tr("Another program has the database open (%1). Close it and try again; "
                       "nothing was restored.")
                        .arg(live.lastError().detail));
    const ExclusiveUse exclusive{live};

    PlaintextCopy incoming(siblingTempName(dbPath, QStringLiteral("restoring")));
    if (!stageBackup(backupFile, key, incoming, &header, error))
        return false;

    // The swap. The live WAL must be empty and nobody else may hold the database, or the
    // old WAL would be replayed into the restored file.
    const bool hadDatabase = QFileInfo::exists(dbPath);
    if (live.isOpen() && !checkpoint(live))
        return fail(error, InteropErrorKind::Io,
                    tr("Another program is using the database; close Triad everywhere and "
                       "try again."));
    live.close();
    const auto reopen = [&] {
        if (hadDatabase)
            live.open(dbPath);
    };
    const QFileInfo wal(dbPath + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0) {
        reopen();
        return fail(error, InteropErrorKind::Io,
                    tr("Another program is using the database; close Triad everywhere and "
                       "try again."));
    }
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    const QString previous = dbPath + QStringLiteral(".before-restore");
    const QString headPath = dbPath + QStringLiteral(".audit-head");
    QString renameError;
    if (hadDatabase && !renameDurably(dbPath, previous, &renameError)) {
        reopen();
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot set the current database aside: %1").arg(renameError));
    }
    if (!renameDurably(incoming.path(), dbPath, &renameError)) {
        if (hadDatabase)
            renameDurably(previous, dbPath);
        reopen();
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot move the restored database into place: %1").arg(renameError));
    }
    incoming.release();
    if (QFileInfo::exists(headPath)) {
        QFile::remove(previous + QStringLiteral(".audit-head"));
        QFile::copy(headPath, previous + QStringLiteral(".audit-head"));
    }
    if (!live.open(dbPath))
        return fail(
            error, InteropErrorKind::Store,
            tr("The restored database could not be opened: %1").arg(live.lastError().message()));
    // The head file still describes the database set aside; the restore entry continues the
    // restored chain and the new head replaces it.
    if (!recordClinicEvent(live, vault, QStringLiteral("restore"), header.toJson(), error))
        return false;
    if (report)
        *report = {dbPath, hadDatabase ? previous : QString(), header};
    return true;
}

} // namespace triad::interop
