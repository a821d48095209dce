// ClinicSession::restoreFromBackup: a new tablet (no clinic yet) recreated from the clinic's
// backup file with one staff member's passphrase (ClinicBackup::restoreOnNewDevice, what
// `triad-cli restore FILE --as NAME` does), then the sign-in screen.
#include "clinicsession.h"

#include "core/interop/clinicbackup.h"
#include "core/store/clinic.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

namespace {

struct RestoreResult
{
    bool ok = false;
    QString message;
};

// Runs on a worker thread with its own connection and a scratch vault: unwrapping the key
// slot (scrypt) and decrypting every chunk are far too slow for the UI thread. Nothing is
// left at `dbPath` on failure (restoreOnNewDevice's promise).
RestoreResult restoreOnWorker(const QString &backupFile, const QString &who,
                              const QString &passphrase, const QString &dbPath)
{
    store::Database db;
    crypto::Vault vault;
    interop::RestoreReport report;
    interop::InteropError error;
    RestoreResult result;
    result.ok = interop::ClinicBackup::restoreOnNewDevice(backupFile, who, passphrase, dbPath, db,
                                                          vault, &report, &error);
    if (!result.ok)
        result.message = error.message;
    vault.lock();
    db.close();
    return result;
}

// The files an empty first-run database consists of (it holds no clinic: see the caller).
const char *const kDatabaseFiles[] = {"", "-wal", "-shm", "-journal", ".audit-head"};

// Backup files under `folder`, a few levels down (a USB stick's own folders), hidden
// folders left out, newest first; at most `limit`.
void collectBackups(const QDir &folder, int depth, QFileInfoList *found, int limit)
{
    if (found->size() >= limit)
        return;
    const QFileInfoList files = folder.entryInfoList({QStringLiteral("*.triadbak")},
                                                     QDir::Files | QDir::Readable, QDir::Time);
    for (const QFileInfo &file : files) {
        if (found->size() >= limit)
            return;
        found->append(file);
    }
    if (depth <= 0)
        return;
    for (const QFileInfo &sub :
         folder.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Readable, QDir::Name))
        if (!sub.isSymLink())
            collectBackups(QDir(sub.absoluteFilePath()), depth - 1, found, limit);
}

} // namespace

QStringList ClinicSession::backupFolders()
{
    // TRIAD_BACKUP_FOLDERS (folders separated by ':') replaces the usual places, for a
    // kiosk with its own mount point, and for tests.
    const QString fromEnv = qEnvironmentVariable("TRIAD_BACKUP_FOLDERS");
    if (!fromEnv.isEmpty())
        return fromEnv.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return {QStringLiteral("/media"), QStringLiteral("/run/media"), QStringLiteral("/mnt"),
            QDir::homePath()};
}

QVariantList ClinicSession::backupFilesNearby() const
{
    QFileInfoList found;
    for (const QString &folder : backupFolders())
        if (QFileInfo(folder).isDir())
            collectBackups(QDir(folder), 3, &found, 50);
    QVariantList out;
    for (const QFileInfo &file : found)
        out << QVariantMap{
            {QStringLiteral("path"), QDir::toNativeSeparators(file.absoluteFilePath())},
            {QStringLiteral("name"), file.fileName()},
            {QStringLiteral("folder"), QDir::toNativeSeparators(file.absolutePath())},
            {QStringLiteral("date"),
             QLocale().toString(file.lastModified(), QLocale::ShortFormat)}};
    return out;
}

QString ClinicSession::restoreFromBackup(const QString &backupFile, const QString &staffName,
                                         const QString &passphrase)
{
    if (m_busy)
        return tr("Please wait: the previous step is still running.");
    if (m_state != QLatin1String("firstRun"))
        return tr("This tablet already has a clinic; a backup is restored onto a tablet "
                  "without one.");
    const QString path = backupFile.trimmed();
    if (path.isEmpty())
        return tr("Backup file: please choose the clinic's backup file.");
    const QFileInfo info(path);
    if (!info.exists())
        return tr("Backup file: %1 does not exist.").arg(QDir::toNativeSeparators(path));
    if (info.isDir())
        return tr("Backup file: %1 is a folder; choose the backup file inside it.")
            .arg(QDir::toNativeSeparators(path));
    if (!info.isFile())
        return tr("Backup file: %1 is not a regular file (a device or a pipe); choose the "
                  "backup file itself.")
            .arg(QDir::toNativeSeparators(path));
    if (staffName.simplified().isEmpty())
        return tr("Your name: please enter your name as it was in the clinic.");
    if (passphrase.isEmpty())
        return tr("Passphrase: please type your passphrase.");

    // The first start opened an empty database here. It holds no clinic and no staff (that
    // is what firstRun means), so it is taken away: a new-device restore never replaces a
    // file, and a failed restore gets a fresh empty one again.
    {
        store::Clinic clinic(m_db);
        if (clinic.exists() || !m_staffList.isEmpty())
            return tr("This tablet already has a clinic; a backup is restored onto a tablet "
                      "without one.");
    }
    const QString dbPath = m_db.path();
    dropWorkspace();
    m_vault.lock();
    m_db.close();
    for (const char *suffix : kDatabaseFiles)
        QFile::remove(dbPath + QLatin1String(suffix));

    setBusy(true);
    setError({});
    auto *watcher = new QFutureWatcher<RestoreResult>(this);
    connect(watcher, &QFutureWatcher<RestoreResult>::finished, this, [this, watcher, path] {
        const RestoreResult result = watcher->result();
        watcher->deleteLater();
        setBusy(false);
        openDatabase();
        if (!result.ok) {
            emit restoreFinished(false, result.message);
            return;
        }
        m_lockReason = tr("The clinic \"%1\" was restored from %2. Sign in to go on.")
                           .arg(m_clinicName, QFileInfo(path).fileName());
        emit stateChanged();
        emit restoreFinished(true, {});
    });
    watcher->setFuture(QtConcurrent::run(&m_workPool, restoreOnWorker, path, staffName.simplified(),
                                         passphrase, dbPath));
    return {};
}

} // namespace triad::app
