// triad-cli restore FILE: replaces the database with a backup, keeping the old one aside.
#include "adminsession.h"

#include "core/interop/clinicbackup.h"

#include <QCoreApplication>
#include <QDir>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::RestoreCommand", text);
}

int runRestore(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    const QStringList positional = [&] {
        QStringList copy = args;
        takeFlag(copy, QStringLiteral("--json"));
        takeOption(copy, QStringLiteral("--db"));
        takeOption(copy, QStringLiteral("--as"));
        return copy;
    }();
    if (positional.size() != 1)
        return reportFailure(io, session.json, 2,
                             tr("usage: triad-cli restore FILE [--db PATH] [--as NAME]"));
    args.removeOne(positional.first());
    if (const int code = openSession(args, io, session))
        return code;
    interop::RestoreReport report;
    interop::InteropError error;
    if (!interop::ClinicBackup::restore(session.db, session.db.path(), session.vault,
                                        positional.first(), &report, &error)) {
        using K = interop::InteropErrorKind;
        const int code = (error.kind == K::Io || error.kind == K::Store) ? 2 : 1;
        return reportFailure(io, session.json, code,
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

CommandRegistration reg{{QStringLiteral("restore"), QStringLiteral("FILE [--db PATH] [--as NAME]"),
                         QStringLiteral("replace the database with a backup (old one kept aside)"),
                         runRestore}};

} // namespace
} // namespace triad::cli
