// triad-cli export csv DIR: the research export (wide and long CSV, codebook, R and SPSS
// scripts) in a new folder inside DIR. Pseudonymised unless --identified (lead or admin,
// audited); free text only with --free-text.
#include "adminsession.h"

#include "core/interop/csv/researchexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::ExportCsvCommand", text);
}

const QString kUsage =
    QStringLiteral("export csv DIR [--identified] [--free-text] [--db PATH] [--as NAME]");

int runExportCsv(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    interop::csv::ResearchOptions options;
    options.identified = takeFlag(args, QStringLiteral("--identified"));
    options.freeText = takeFlag(args, QStringLiteral("--free-text"));
    int exitCode = 2;
    const auto folder = takeSingleArgument(args, kUsage, io, session.json, &exitCode);
    if (!folder)
        return exitCode;
    if (!QFileInfo(*folder).isDir())
        return reportFailure(io, session.json, 2,
                             tr("The folder %1 does not exist; choose an existing folder.")
                                 .arg(QDir::toNativeSeparators(*folder)));
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    options.parentFolder = *folder;
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::csv::ResearchReport report;
    interop::InteropError error;
    if (!interop::csv::ResearchExport::write(session.db, session.vault, library, options, &report,
                                             &error))
        return reportFailure(io, session.json,
                             error.kind == interop::InteropErrorKind::Store &&
                                     !session.db.lastError().detail.isEmpty()
                                 ? exitCodeFor(session.db.lastError().kind)
                                 : 2,
                             error.message, interop::InteropError::kindId(error.kind));
    if (session.json) {
        printJson(io, {{"ok", true},
                       {"folder", QDir::toNativeSeparators(report.folder)},
                       {"files", QJsonArray::fromStringList(report.files)},
                       {"responses", double(report.responses)},
                       {"answers", double(report.answers)},
                       {"identified", options.identified},
                       {"freeText", options.freeText}});
        return 0;
    }
    io.out << tr("Research export written: %1 (%2 responses, %3 answers; %4).")
                  .arg(QDir::toNativeSeparators(report.folder))
                  .arg(report.responses)
                  .arg(report.answers)
                  .arg(options.identified ? tr("IDENTIFIED: names and birth dates included")
                                          : tr("pseudonymised"))
           << '\n';
    if (options.freeText)
        io.out << tr("Free-text answers are included; they may name people.") << '\n';
    return 0;
}

CommandRegistration reg{{QStringLiteral("export csv"),
                         QStringLiteral("DIR [--identified] [--free-text] [--db PATH] [--as NAME]"),
                         QStringLiteral("research export: wide and long CSV, codebook, R and SPSS"),
                         runExportCsv}};

} // namespace
} // namespace triad::cli
