// triad-cli restore FILE: replaces the database with a backup, keeping the old one aside;
// or, when there is no database at --db yet (a new tablet), recreates it from the backup
// with the key slot of the staff member named by --as.
#include "adminsession.h"

#include "core/interop/clinicbackup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::RestoreCommand", text);
}

const QString kUsage = QStringLiteral("restore FILE [--db PATH] [--as NAME]");

int exitCodeFor(interop::InteropErrorKind kind)
{
    using K = interop::InteropErrorKind;
    switch (kind) {
    case K::Io:
    case K::Store:
    case K::Invalid:
    case K::WrongPassphrase:
    case K::UnknownStaff:
        return 2; // the environment or what was typed
    default:
        return 1; // the backup itself is wrong
    }
}

// Without --as, the backup's only admin (as openSession does with a database).
QString defaultRestorer(const QString &backupFile, QString *problem)
{
    int format = 0;
    QVector<interop::BackupStaffSlot> staff;
    interop::InteropError error;
    if (!interop::readBackupStaffUnauthenticated(backupFile, &format, &staff, &error)) {
        *problem = error.message;
        return {};
    }
    QStringList admins;
    for (const auto &member : staff)
        if (member.role == QLatin1String("admin"))
            admins << member.displayName;
    if (admins.size() == 1)
        return admins.first();
    *problem = tr("say who restores the backup with --as NAME (any active staff member of the "
                  "clinic can, with their passphrase).");
    return {};
}

int restoreOnNewDevice(const QString &backupFile, const QString &databasePath, QString who,
                       bool json, Io &io)
{
    if (who.isEmpty()) {
        QString problem;
        who = defaultRestorer(backupFile, &problem);
        if (who.isEmpty())
            return reportFailure(io, json, 2, problem);
    }
    const auto passphrase =
        readPassphrase(tr("Passphrase for %1: ").arg(who), "TRIAD_PASSPHRASE", false, io);
    if (!passphrase)
        return 2;
    store::Database db;
    crypto::Vault vault;
    interop::RestoreReport report;
    interop::InteropError error;
    if (!interop::ClinicBackup::restoreOnNewDevice(backupFile, who, *passphrase, databasePath, db,
                                                   vault, &report, &error)) {
        const QString message = error.kind == interop::InteropErrorKind::WrongPassphrase
                                    ? tr("wrong passphrase for %1; nothing was done.").arg(who)
                                    : error.message;
        return reportFailure(io, json, exitCodeFor(error.kind), message,
                             interop::InteropError::kindId(error.kind));
    }
    if (json)
        printJson(io, {{"ok", true},
                       {"database", QDir::toNativeSeparators(report.databasePath)},
                       {"newDatabase", true},
                       {"backupCreatedAt", report.header.createdAt},
                       {"schema", report.header.schemaVersion}});
    else
        io.out << tr("Restored the backup made %1 into the new database %2.")
                      .arg(report.header.createdAt, QDir::toNativeSeparators(report.databasePath))
               << '\n';
    return 0;
}

int runRestore(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    int exitCode = 2;
    const auto argument = takeSingleArgument(
        args, QStringLiteral("restore FILE [--db PATH] [--as NAME]"), io, session.json, &exitCode);
    if (!argument)
        return exitCode;
    {
        QStringList peek = args;
        const QString dbPath = takeOption(peek, QStringLiteral("--db"), defaultDatabasePath());
        if (!QFileInfo::exists(dbPath)) {
            const QString who = takeOption(peek, QStringLiteral("--as"));
            takeFlag(peek, QStringLiteral("--json"));
            if (const int code = rejectExtra(peek, kUsage, io, session.json))
                return code;
            return restoreOnNewDevice(*argument, dbPath, who, session.json, io);
        }
    }
    SessionOptions options;
    options.auditSignIn = false; // the database being replaced may be the damaged one
    if (const int code = openSession(args, io, session, options))
        return code;
    interop::RestoreReport report;
    interop::InteropError error;
    if (!interop::ClinicBackup::restore(session.db, session.db.path(), session.vault, *argument,
                                        &report, &error)) {
        return reportFailure(io, session.json, exitCodeFor(error.kind),
                             error.message + QLatin1Char(' ') +
                                 tr("The current database was left as it was."),
                             interop::InteropError::kindId(error.kind));
    }
    if (session.json)
        printJson(io, {{"ok", true},
                       {"database", QDir::toNativeSeparators(report.databasePath)},
                       {"previous", QDir::toNativeSeparators(report.previousPath)},
                       {"backupCreatedAt", report.header.createdAt},
                       {"schema", report.header.schemaVersion}});
    else
        io.out << tr("Restored the backup made %1 into %2; the previous database is kept as %3.")
                      .arg(report.header.createdAt, QDir::toNativeSeparators(report.databasePath),
                           QDir::toNativeSeparators(report.previousPath))
               << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("restore"), QStringLiteral("FILE [--db PATH] [--as NAME]"),
     QStringLiteral("replace the database with a backup (old one kept aside), or recreate it "
                    "from a backup when there is none yet (new device)"),
     runRestore}};

} // namespace
} // namespace triad::cli
