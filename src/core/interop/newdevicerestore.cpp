// ClinicBackup::restoreOnNewDevice: the backup is all there is, so the key comes from a
// staff key slot in its header rather than from a signed-in session.
#include "backupstaging.h"
#include "clinicbackup.h"
#include "durablefile.h"

#include "core/store/storeerror.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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

// The first file of a database that is already at `dbPath`, or empty. A leftover -wal
// counts: SQLite would replay it into the new file.
QString somethingAt(const QString &dbPath)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".audit-head"}) {
        const QFileInfo info(dbPath + QLatin1String(suffix));
        if (info.exists() || info.isSymLink())
            return info.absoluteFilePath();
    }
    return {};
}

// Tries the passphrase on each matching slot (normally one; two members may share a
// name). Unlocks `vault` as the member whose slot opens.
bool unlockFromSlots(const QVector<BackupStaffSlot> &candidates, const QString &passphrase,
                     crypto::Vault &vault, BackupStaffSlot *used)
{
    for (const BackupStaffSlot &member : candidates) {
        auto key = crypto::unwrapDataKey(member.slot, passphrase, member.staffId);
        if (key && vault.unlock(std::move(*key), member.staffId)) {
            *used = member;
            return true;
        }
    }
    vault.lock();
    return false;
}

} // namespace

bool ClinicBackup::restoreOnNewDevice(const QString &backupFile, const QString &who,
                                      const QString &passphrase, const QString &databasePath,
                                      store::Database &db, crypto::Vault &vault,
                                      RestoreReport *report, InteropError *error)
{
    vault.lock();
    if (db.isOpen())
        db.close();
    const QString dbPath = QFileInfo(databasePath).absoluteFilePath();
    const QString inTheWay = somethingAt(dbPath);
    if (!inTheWay.isEmpty())
        return fail(error, InteropErrorKind::Invalid,
                    tr("%1 exists already, so this is not a new device; nothing was replaced. "
                       "To restore into the existing database, sign in to it and restore "
                       "there (triad-cli restore FILE --db %2), which keeps it aside first.")
                        .arg(shown(inTheWay), shown(dbPath)));

    int format = 0;
    QVector<BackupStaffSlot> staff;
    if (!readBackupStaffUnauthenticated(backupFile, &format, &staff, error))
        return false;
    if (format < kFirstFormatWithStaffSlots)
        return fail(error, InteropErrorKind::Invalid,
                    tr("The backup %1 was made by an older Triad (backup format %2) and holds "
                       "no staff key slots, so it opens only with the clinic's existing "
                       "database: restore it there.")
                        .arg(shown(backupFile))
                        .arg(format));
    const QVector<BackupStaffSlot> candidates = staffMatching(staff, who);
    if (candidates.isEmpty())
        return fail(error, InteropErrorKind::UnknownStaff,
                    tr("No such staff member in this backup: \"%1\".").arg(who.simplified()));
    BackupStaffSlot member;
    if (!unlockFromSlots(candidates, passphrase, vault, &member))
        return fail(error, InteropErrorKind::WrongPassphrase,
                    store::StoreError::messageFor(store::StoreErrorKind::WrongPassphrase));

    // Until now nothing in the file was trusted: the slots had to be read before any key
    // existed. The header MAC is keyed from the data key, so it can only be checked now,
    // AFTER unwrapping; it covers the slots, names and roles, so a slot substituted with one
    // that wraps another key (whose passphrase the attacker knows) gives a key whose id
    // does not match, and any other change fails the MAC. Either way: tampered.
    const auto refuse = [&] {
        vault.lock();
        return false;
    };
    const crypto::SecureBytes key = vault.subkey(crypto::KeyPurpose::Backup);
    BackupHeader header;
    InteropError headerError;
    if (!readBackupHeader(backupFile, key, &header, &headerError)) {
        if (headerError.kind == InteropErrorKind::WrongKey)
            headerError = {InteropErrorKind::Tampered,
                           tr("The staff key slots of the backup %1 were changed after it was "
                              "written (tampered); it will not be used.")
                               .arg(shown(backupFile))};
        if (error)
            *error = headerError;
        return refuse();
    }
    // The slot that opened must be the one the authenticated header holds for that member
    // (the file could have been replaced between the two reads).
    const auto same =
        std::find_if(header.staff.cbegin(), header.staff.cend(), [&](const BackupStaffSlot &s) {
            return s.staffId == member.staffId && s.slot.serialize() == member.slot.serialize();
        });
    if (same == header.staff.cend()) {
        fail(error, InteropErrorKind::Tampered,
             tr("The backup %1 changed while it was being read; it will not be used.")
                 .arg(shown(backupFile)));
        return refuse();
    }

    // A new device may not have the app's data folder yet.
    const QString folder = QFileInfo(dbPath).absolutePath();
    if (!QDir().mkpath(folder)) {
        fail(error, InteropErrorKind::Io, tr("Cannot create the folder %1.").arg(shown(folder)));
        return refuse();
    }
    PlaintextCopy incoming(siblingTempName(dbPath, QStringLiteral("restoring")));
    BackupHeader decrypted;
    if (!stageBackup(backupFile, key, incoming, &decrypted, error))
        return refuse();
    if (decrypted.toJson() != header.toJson()) {
        fail(error, InteropErrorKind::Tampered,
             tr("The backup %1 changed while it was being read; it will not be used.")
                 .arg(shown(backupFile)));
        return refuse();
    }
    // No-replace rename: should a database appear at the path meanwhile, it stays as it is.
    if (!QFile::rename(incoming.path(), dbPath)) {
        fail(error, InteropErrorKind::Io,
             tr("Cannot move the restored database into place at %1; nothing was replaced.")
                 .arg(shown(dbPath)));
        return refuse();
    }
    incoming.release();
    syncFolder(folder);

    // A restored file that cannot be opened or audited is not a database the device should
    // start from: it is taken away again (the backup itself is untouched).
    const auto undo = [&] {
        db.close();
        removeDatabaseSecurely(dbPath);
        QFile::remove(dbPath + QStringLiteral(".audit-head"));
        QFile::remove(store::ClinicLock::lockPath(dbPath)); // nobody else uses a new path
        return refuse();
    };
    store::Database::Options options;
    options.mode = store::Database::OpenMode::ExistingOnly;
    if (!db.open(dbPath, options)) {
        fail(error, InteropErrorKind::Store,
             tr("The restored database could not be opened: %1").arg(db.lastError().message()));
        return undo();
    }
    if (!recordClinicEvent(db, vault, QStringLiteral("restore"), header.toJson(), error,
                           /*requireHead=*/true))
        return undo();
    if (report)
        *report = {dbPath, QString(), header};
    return true;
}

} // namespace triad::interop
