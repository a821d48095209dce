// triad-cli backup FILE: an encrypted, verified backup of the whole clinic database.
#include "adminsession.h"

#include "core/interop/clinicbackup.h"

#include <QCoreApplication>
#include <QDir>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::BackupCommand", text);
}

// Problems with the disk or the arguments are environment errors (2); a damaged database
// or a backup that does not verify is a problem found (1).
int exitCodeFor(interop::InteropErrorKind kind)
{
    using K = interop::InteropErrorKind;
    return (kind == K::Io || kind == K::Invalid || kind == K::Store) ? 2 : 1;
}

int runBackup(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    int exitCode = 2;
    const auto argument = takeSingleArgument(
        args, QStringLiteral("backup FILE [--db PATH] [--as NAME]"), io, session.json, &exitCode);
    if (!argument)
        return exitCode;
    if (const int code = openSession(args, io, session))
        return code;
    interop::BackupReport report;
    interop::InteropError error;
    if (!interop::ClinicBackup::create(session.db, session.vault, *argument, &report, &error))
        return reportFailure(io, session.json, exitCodeFor(error.kind), error.message,
                             interop::InteropError::kindId(error.kind));
    qint64 rows = 0;
    for (const qint64 n : report.header.rows)
        rows += n;
    if (session.json)
        printJson(io, {{"ok", true},
                       {"file", QDir::toNativeSeparators(report.file)},
                       {"schema", report.header.schemaVersion},
                       {"createdAt", report.header.createdAt},
                       {"rows", double(rows)},
                       {"digest", QString::fromLatin1(report.header.contentDigest.toHex())},
                       {"headEntry", double(report.header.auditHeadSeq)},
                       {"headFingerprint", report.header.auditHeadFingerprint}});
    else
        io.out << tr("Backup written and verified: %1 (%2 rows, schema %3, digest %4).")
                      .arg(QDir::toNativeSeparators(report.file))
                      .arg(rows)
                      .arg(report.header.schemaVersion)
                      .arg(QString::fromLatin1(report.header.contentDigest.toHex().left(16)))
               << '\n'
               << tr("Chain head in this backup: entry %1, fingerprint %2 (keep it with the "
                     "backup; a later verify must not show an older entry).")
                      .arg(report.header.auditHeadSeq)
                      .arg(report.header.auditHeadFingerprint)
               << '\n';
    return 0;
}

CommandRegistration reg{{QStringLiteral("backup"), QStringLiteral("FILE [--db PATH] [--as NAME]"),
                         QStringLiteral("write an encrypted, verified backup of the database"),
                         runBackup}};

} // namespace
} // namespace triad::cli
