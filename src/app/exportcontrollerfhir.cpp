// ExportController: the clinic as a FHIR R4 Bundle, and a Bundle's responses into this clinic
// (how a clinic moves data between tablets until sync exists). Both through the core's public
// API (core/interop/fhir), which checks the role, writes atomically and audits.
#include "clinicsession.h"
#include "exportcontroller.h"

#include "core/instrument/regularfile.h"
#include "core/interop/fhir/fhirbundleimport.h"
#include "core/interop/fhir/fhirexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace triad::app {
namespace {

// As `triad-cli import fhir`: a whole clinic's export (100,000 responses take about 2 GB).
constexpr qint64 kMaxBundleBytes = qint64(4) * 1024 * 1024 * 1024;

// "triad-fhir-<yyyyMMdd-HHmmss>.json" in `folder`, with "-2", "-3"... when a file of that name
// is there already (two exports in one second): an export never overwrites a file.
QString newBundleFile(const QString &folder)
{
    const QString stem = QStringLiteral("triad-fhir-") + QDateTime::currentDateTimeUtc().toString(
                                                             QStringLiteral("yyyyMMdd-HHmmss"));
    const QDir dir(folder);
    QString file = dir.filePath(stem + QStringLiteral(".json"));
    for (int n = 2; QFileInfo::exists(file) || QFileInfo(file).isSymLink(); ++n)
        file = dir.filePath(QStringLiteral("%1-%2.json").arg(stem).arg(n));
    return file;
}

} // namespace

QString ExportController::exportFhir(const QString &folder, bool transaction, bool freeText)
{
    if (const auto refused = refusal())
        return *refused;
    ClinicSession *session = ClinicSession::instance();
    const QString target = localFolder(folder);
    if (target.isEmpty())
        return finish(false, tr("Choose the folder to export into."));
    if (!QFileInfo(target).isDir())
        return finish(false, tr("The folder %1 does not exist; choose another one.")
                                 .arg(QDir::toNativeSeparators(target)));
    begin(QStringLiteral("fhir-export"), tr("Exporting the FHIR bundle…"), true);
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::fhir::ExportOptions options;
    options.transaction = transaction;
    options.includeFreeText = freeText;
    options.progress = progressStep();
    const QString file = newBundleFile(target);
    interop::fhir::ExportReport report;
    interop::InteropError error;
    if (!interop::fhir::FhirExport::write(session->database(), session->vault(), library, file,
                                          options, &report, &error))
        return finish(false, m_cancelRequested ? tr("Export cancelled. Nothing was written to %1.")
                                                     .arg(QDir::toNativeSeparators(target))
                                               : error.message);
    const QString shown = QDir::toNativeSeparators(report.file.isEmpty() ? file : report.file);
    return finish(
        true,
        (transaction ? tr("FHIR transaction bundle (for a FHIR server) saved as %1: "
                          "%2 patients, %3 responses, %4 score observations, %5 "
                          "alerts.")
                     : tr("FHIR collection bundle saved as %1: %2 patients, %3 "
                          "responses, %4 score observations, %5 alerts."))
                .arg(shown, QString::number(report.patients), QString::number(report.responses),
                     QString::number(report.observations), QString::number(report.alerts)) +
            (freeText ? tr(" It holds the free-text answers, which may name people: "
                           "keep it as you would the clinical record.")
                      : QString()),
        file);
}

QString ExportController::importFhir(const QString &file)
{
    if (const auto refused = refusal(tr("Only a clinic lead or admin may import a FHIR bundle.")))
        return *refused;
    ClinicSession *session = ClinicSession::instance();
    const QString path = localFolder(file);
    if (path.isEmpty())
        return finish(false, tr("Choose the FHIR bundle file to import."));
    const QString shown = QDir::toNativeSeparators(path);
    if (const QString problem = regularFileProblem(path, kMaxBundleBytes); !problem.isEmpty())
        return finish(false, QStringLiteral("%1: %2").arg(shown, problem));
    begin(QStringLiteral("fhir-import"),
          tr("Importing %1… Every response is scored as on this tablet.").arg(shown), true);
    // Reading and checking a large file takes a while before the bar moves: show the message.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 50);
    const RegularFileRead read = readRegularFile(path, kMaxBundleBytes);
    if (!read.ok())
        return finish(false, QStringLiteral("%1: %2").arg(shown, read.problem));
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::fhir::BundleImportOptions options;
    options.progress = progressStep();
    const interop::fhir::BundleImportReport report =
        interop::fhir::FhirBundleImport::run(session->database(), session->vault(), library,
                                             read.bytes, QFileInfo(path).fileName(), options);
    // The import is one transaction: a cancel rolled all of it back, and (as for a cancelled
    // export) the audit log keeps nothing of it.
    if (report.cancelled)
        return finish(
            false,
            m_cancelRequested
                ? tr("Import cancelled. Nothing from %1 was added to this clinic.").arg(shown)
                : tr("The import stopped because you were signed out. Nothing "
                     "from %1 was added to this clinic.")
                      .arg(shown));
    if (!report.problems.isEmpty()) {
        QStringList problems;
        for (const LoadProblem &p : report.problems)
            problems << (p.path.isEmpty() ? p.message
                                          : QStringLiteral("%1: %2").arg(p.path, p.message));
        const QString outcome = problems.size() == 1
                                    ? tr("1 problem in %1; nothing was imported.").arg(shown)
                                    : tr("%1 problems in %2; nothing was imported.")
                                          .arg(QString::number(problems.size()), shown);
        return finish(false, outcome, {}, problems);
    }
    if (!report.storeError.isEmpty())
        return finish(false, tr("%1. Nothing from %2 was added to this clinic (the import is "
                                "one transaction).")
                                 .arg(report.storeError, shown));
    const bool nothingNew = report.patientsCreated == 0 && report.episodesCreated == 0 &&
                            report.sessionsCreated == 0 && report.responsesImported == 0 &&
                            report.alertsRaised == 0;
    if (nothingNew)
        return finish(true,
                      tr("Nothing changed: the %1 responses and %2 patients in %3 were already "
                         "here.")
                          .arg(QString::number(report.responsesAlreadyThere),
                               QString::number(report.patientsFound), shown),
                      path);
    return finish(
        true,
        tr("Imported %1 responses from %2 (%3 were already here): %4 new patients "
           "(%5 found here already), %6 new episodes, %7 new sessions, %8 new cards.")
            .arg(QString::number(report.responsesImported), shown,
                 QString::number(report.responsesAlreadyThere),
                 QString::number(report.patientsCreated), QString::number(report.patientsFound),
                 QString::number(report.episodesCreated), QString::number(report.sessionsCreated),
                 QString::number(report.alertsRaised)),
        path);
}

} // namespace triad::app
