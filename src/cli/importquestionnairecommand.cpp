// triad-cli import-questionnaire FILE [--out DIR] [--respondent child|parent|physio]: an R4
// Questionnaire (a Triad export, or a licensed instrument built in a standard form builder)
// into Triad's questionnaire format, scored from its ordinal values. Every unsupported
// construct is listed with its JSON path and then nothing is written. With --db or --as, a
// clinic lead or admin signs in first and the import is recorded in that clinic's audit log
// (which form, which version, a digest of the file written), so a clinic can show which
// licensed forms it loaded and who loaded them.
#include "adminsession.h"

#include "core/store/staffrepository.h"

#include "core/instrument/instrumentloader.h"
#include "core/instrument/regularfile.h"
#include "core/interop/fhir/questionnaireimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::ImportQuestionnaireCommand", text);
}

QString trn(const char *text, int n)
{
    return QCoreApplication::translate("triad::cli::ImportQuestionnaireCommand", text, nullptr, n);
}

const QString kUsage =
    QStringLiteral("import-questionnaire FILE [--out DIR] [--respondent child|parent|physio] "
                   "[--construct goal|task|bond|voice] [--db PATH --as NAME] [--json]");

int runImportQuestionnaire(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    const bool outGiven = args.contains(QStringLiteral("--out"));
    QString out = takeOption(args, QStringLiteral("--out"), QStringLiteral("."));
    interop::fhir::QuestionnaireImportOptions options;
    options.respondent = takeOption(args, QStringLiteral("--respondent"));
    options.construct = takeOption(args, QStringLiteral("--construct"));
    // Signed in only when a clinic is named: the conversion itself needs no database.
    const bool inClinic =
        args.contains(QStringLiteral("--db")) || args.contains(QStringLiteral("--as"));
    AdminSession session;
    session.json = json;
    if (inClinic) {
        if (const int code = openSession(args, io, session))
            return code;
        if (session.member.role == store::StaffRole::Physio)
            return reportFailure(io, json, 1,
                                 tr("Only a clinic lead or an admin may import a questionnaire "
                                    "into the clinic; %1 is a physiotherapist.")
                                     .arg(session.member.displayName));
    }
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--")))
        return reportFailure(io, json, 2, tr("usage: triad-cli %1").arg(kUsage));
    const QString file = args.first();
    const RegularFileRead read = readRegularFile(file, InstrumentLoader::maxFileSize);
    if (!read.ok())
        return reportFailure(
            io, json, 2,
            QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(file), read.problem));
    const auto result =
        interop::fhir::importQuestionnaire(read.bytes, QFileInfo(file).fileName(), options);
    if (!result.ok()) {
        if (json) {
            QJsonArray problems;
            for (const LoadProblem &p : result.problems)
                problems.append(QJsonObject{{"path", p.path}, {"message", p.message}});
            printJson(io, {{"ok", false},
                           {"error", trn("%n problem(s); nothing was imported",
                                         int(result.problems.size()))},
                           {"problems", problems}});
        } else {
            for (const LoadProblem &p : result.problems)
                io.err << p.toString() << '\n';
            io.err << trn("triad-cli: %n problem(s) in %1; nothing was imported.",
                          int(result.problems.size()))
                          .arg(QDir::toNativeSeparators(file))
                   << '\n';
        }
        return 1;
    }
    if (inClinic && !outGiven) {
        // Into the clinic's own forms, where the app and every command load them from; the
        // installed folder is read-only on a kiosk tablet.
        out = InstrumentLibrary::clinicFolder();
        if (const QString clash =
                interop::fhir::libraryClash(InstrumentLibrary::loadDefault(), *result.instrument);
            !clash.isEmpty())
            return reportFailure(io, json, 1, clash);
        if (!QDir().mkpath(out))
            return reportFailure(
                io, json, 2,
                tr("cannot create %1; nothing was imported").arg(QDir::toNativeSeparators(out)));
    }
    QString error;
    // Into a clinic: written and audited by the same core code as the app's import.
    const QString written = inClinic ? interop::fhir::importFormIntoClinic(result, out, session.db,
                                                                           session.vault, &error)
                                     : interop::fhir::writeImportedForm(result, out, &error);
    if (written.isEmpty())
        return reportFailure(io, json, 2, error);
    if (json) {
        printJson(io, {{"ok", true},
                       {"file", QDir::toNativeSeparators(written)},
                       {"id", result.instrument->id},
                       {"version", result.instrument->version},
                       {"items", int(result.instrument->items.size())},
                       {"notes", QJsonArray::fromStringList(result.notes)},
                       {"audited", inClinic}});
        return 0;
    }
    for (const QString &note : result.notes)
        io.out << tr("Note: %1").arg(note) << '\n';
    io.out << tr("Imported %1 %2 (%3 items) into %4.")
                  .arg(result.instrument->id, result.instrument->version)
                  .arg(result.instrument->items.size())
                  .arg(QDir::toNativeSeparators(written))
           << '\n';
    return 0;
}

CommandRegistration reg{{QStringLiteral("import-questionnaire"),
                         QStringLiteral("FILE [--out DIR] [--respondent R] [--db PATH --as NAME]"),
                         QStringLiteral("an R4 Questionnaire into a Triad questionnaire file"),
                         runImportQuestionnaire}};

} // namespace
} // namespace triad::cli
