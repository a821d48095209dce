// triad-cli import fhir BUNDLE: QuestionnaireResponses of a FHIR R4 Bundle (as `export fhir`
// writes it) into this clinic, scored and carded as on the tablet; importing it again changes
// nothing (lead or admin).
#include "adminsession.h"

#include "core/instrument/regularfile.h"
#include "core/interop/fhir/fhirbundleimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::ImportFhirCommand", text);
}

QString trn(const char *text, int n)
{
    return QCoreApplication::translate("triad::cli::ImportFhirCommand", text, nullptr, n);
}

const QString kUsage = QStringLiteral("import fhir BUNDLE [--db PATH] [--as NAME] [--json]");
// A whole clinic's export: 100,000 responses take about 2 GB.
constexpr qint64 kMaxBundleBytes = qint64(4) * 1024 * 1024 * 1024;

int runImportFhir(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    int exitCode = 2;
    const auto file = takeSingleArgument(args, kUsage, io, session.json, &exitCode);
    if (!file)
        return exitCode;
    if (const QString problem = regularFileProblem(*file, kMaxBundleBytes); !problem.isEmpty())
        return reportFailure(
            io, session.json, 2,
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(*file), problem));
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    const RegularFileRead read = readRegularFile(*file, kMaxBundleBytes);
    if (!read.ok())
        return reportFailure(
            io, session.json, 2,
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(*file), read.problem));
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    const auto report = interop::fhir::FhirBundleImport::run(
        session.db, session.vault, library, read.bytes, QFileInfo(*file).fileName());
    if (!report.problems.isEmpty()) {
        if (session.json) {
            QJsonArray problems;
            for (const LoadProblem &p : report.problems)
                problems.append(QJsonObject{{"path", p.path}, {"message", p.message}});
            printJson(io, {{"ok", false},
                           {"error", trn("%n problem(s); nothing was imported",
                                         int(report.problems.size()))},
                           {"problems", problems}});
        } else {
            for (const LoadProblem &p : report.problems)
                io.err << p.toString() << '\n';
            io.err << trn("triad-cli: %n problem(s) in %1; nothing was imported.",
                          int(report.problems.size()))
                          .arg(QDir::toNativeSeparators(*file))
                   << '\n';
        }
        return 1;
    }
    if (!report.storeError.isEmpty())
        return reportFailure(
            io, session.json, exitCodeFor(session.db.lastError().kind),
            tr("%1; nothing was imported (the import is one transaction)").arg(report.storeError));
    if (session.json) {
        printJson(io, {{"ok", true},
                       {"patientsCreated", report.patientsCreated},
                       {"patientsFound", report.patientsFound},
                       {"episodesCreated", report.episodesCreated},
                       {"sessionsCreated", report.sessionsCreated},
                       {"responsesImported", report.responsesImported},
                       {"responsesAlreadyThere", report.responsesAlreadyThere},
                       {"alertsRaised", report.alertsRaised}});
        return 0;
    }
    io.out << tr("Imported %1 responses (%2 were already there): %3 new patients, %4 new "
                 "episodes, %5 new sessions, %6 new cards.")
                  .arg(report.responsesImported)
                  .arg(report.responsesAlreadyThere)
                  .arg(report.patientsCreated)
                  .arg(report.episodesCreated)
                  .arg(report.sessionsCreated)
                  .arg(report.alertsRaised)
           << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("import fhir"), QStringLiteral("BUNDLE [--db PATH] [--as NAME]"),
     QStringLiteral("responses of a FHIR R4 Bundle into this clinic (lead or admin)"),
     runImportFhir}};

} // namespace
} // namespace triad::cli
