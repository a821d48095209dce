// triad-cli export fhir FILE [--transaction] [--free-text]: the clinic as one FHIR R4 Bundle,
// pseudonymised, for an electronic health record or a FHIR server (lead or admin).
#include "adminsession.h"

#include "core/interop/fhir/fhirexport.h"

#include <QCoreApplication>
#include <QDir>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::ExportFhirCommand", text);
}

const QString kUsage = QStringLiteral(
    "export fhir FILE [--transaction] [--free-text] [--db PATH] [--as NAME] [--json]");

int runExportFhir(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    interop::fhir::ExportOptions options;
    options.transaction = takeFlag(args, QStringLiteral("--transaction"));
    options.includeFreeText = takeFlag(args, QStringLiteral("--free-text"));
    int exitCode = 2;
    const auto file = takeSingleArgument(args, kUsage, io, session.json, &exitCode);
    if (!file)
        return exitCode;
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::fhir::ExportReport report;
    interop::InteropError error;
    if (!interop::fhir::FhirExport::write(session.db, session.vault, library, *file, options,
                                          &report, &error)) {
        const int code = error.kind == interop::InteropErrorKind::Io ||
                                 error.kind == interop::InteropErrorKind::Invalid
                             ? 2
                             : 1;
        return reportFailure(io, session.json, code, error.message,
                             interop::InteropError::kindId(error.kind));
    }
    if (session.json) {
        printJson(io, {{"ok", true},
                       {"file", QDir::toNativeSeparators(report.file)},
                       {"bundle", options.transaction ? "transaction" : "collection"},
                       {"patients", report.patients},
                       {"episodes", report.episodes},
                       {"sessions", report.sessions},
                       {"responses", report.responses},
                       {"scoreObservations", report.observations},
                       {"alerts", report.alerts},
                       {"actions", report.actions},
                       {"entries", double(report.entries)}});
        return 0;
    }
    io.out << tr("FHIR R4 %1 Bundle written: %2 (%3 entries: %4 patients, %5 episodes, %6 "
                 "sessions, %7 responses, %8 score observations, %9 alerts)")
                  .arg(options.transaction ? tr("transaction") : tr("collection"),
                       QDir::toNativeSeparators(report.file))
                  .arg(report.entries)
                  .arg(report.patients)
                  .arg(report.episodes)
                  .arg(report.sessions)
                  .arg(report.responses)
                  .arg(report.observations)
                  .arg(report.alerts)
           << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("export fhir"), QStringLiteral("FILE [--transaction] [--free-text]"),
     QStringLiteral("the clinic as a pseudonymised FHIR R4 Bundle (lead or admin)"),
     runExportFhir}};

} // namespace
} // namespace triad::cli
