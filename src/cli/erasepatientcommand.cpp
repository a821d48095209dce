// triad-cli erase-patient CODE: the right to erasure, rows and bytes.
#include "adminsession.h"

#include "core/interop/patienterasure.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::ErasePatientCommand", text);
}

int runErase(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    int exitCode = 2;
    const auto argument =
        takeSingleArgument(args, QStringLiteral("erase-patient CODE [--db PATH] [--as NAME]"), io,
                           session.json, &exitCode);
    if (!argument)
        return exitCode;
    if (const int code = openSession(args, io, session))
        return code;
    interop::ErasureReport report;
    interop::InteropError error;
    if (!interop::erasePatient(session.db, session.vault, *argument, &report, &error)) {
        const int code = error.kind == interop::InteropErrorKind::Invalid ? 1 : 2;
        return reportFailure(io, session.json, code, error.message,
                             interop::InteropError::kindId(error.kind));
    }
    QStringList removed;
    for (const QString &copy : report.removedCopies)
        removed << QDir::toNativeSeparators(copy);
    if (session.json) {
        printJson(io, {{"ok", true},
                       {"code", report.code},
                       {"removedCopies", QJsonArray::fromStringList(removed)}});
    } else {
        io.out << tr("Erased patient %1 and everything recorded about them. Backups made "
                     "before today still hold them; see docs/SECURITY.md.")
                      .arg(report.code)
               << '\n';
        if (!removed.isEmpty())
            io.out << tr("Also overwrote and removed the copies Triad had kept: %1")
                          .arg(removed.join(QStringLiteral(", ")))
                   << '\n';
    }
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("erase-patient"), QStringLiteral("CODE [--db PATH] [--as NAME]"),
     QStringLiteral("erase a patient's rows and bytes (right to erasure)"), runErase}};

} // namespace
} // namespace triad::cli
