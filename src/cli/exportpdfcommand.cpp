// triad-cli export pdf EPISODE-ID|PATIENT-CODE FILE: the episode report as a PDF (clinic,
// patient by pseudonym unless --identified, the alliance chart of the three respondents, the
// sessions with scores, the cards with actions taken, the forms used). Lead or admin; audited.
// Drawn with QPainter (main.cpp gives this command a QGuiApplication on the offscreen
// platform).
#include "adminsession.h"

#include "app/report/episodereportpdf.h"

#include <QCoreApplication>
#include <QDir>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::ExportPdfCommand", text);
}

const QString kUsage = QStringLiteral(
    "export pdf EPISODE-ID|PATIENT-CODE FILE [--identified] [--db PATH] [--as NAME]");

int runExportPdf(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    const bool identified = takeFlag(args, QStringLiteral("--identified"));
    QStringList positional = args;
    takeFlag(positional, QStringLiteral("--json"));
    takeOption(positional, QStringLiteral("--db"));
    takeOption(positional, QStringLiteral("--as"));
    if (positional.size() != 2)
        return reportFailure(io, session.json, 2, tr("usage: triad-cli %1").arg(kUsage));
    for (const QString &p : positional)
        args.removeOne(p);
    const QString which = positional.at(0);
    const QString file = positional.at(1);
    if (QFileInfo::exists(file))
        return reportFailure(io, session.json, 2,
                             tr("%1 exists already; choose a new file name (a report never "
                                "overwrites a file).")
                                 .arg(QDir::toNativeSeparators(file)));
    if (!QFileInfo(file).absoluteDir().exists())
        return reportFailure(io, session.json, 2,
                             tr("The folder %1 does not exist.")
                                 .arg(QDir::toNativeSeparators(QFileInfo(file).absolutePath())));
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::InteropError error;
    const auto report =
        report::EpisodeReport::load(session.db, session.vault, library, which, identified, &error);
    if (!report || !report::writeEpisodePdf(*report, file, &error))
        return reportFailure(io, session.json,
                             error.kind == interop::InteropErrorKind::Invalid &&
                                     !error.message.contains(QStringLiteral("exists"))
                                 ? 1
                                 : 2,
                             error.message, interop::InteropError::kindId(error.kind));
    if (session.json)
        printJson(io, {{"ok", true},
                       {"file", QDir::toNativeSeparators(QFileInfo(file).absoluteFilePath())},
                       {"episode", report->episodeId},
                       {"patient", report->patientCode},
                       {"sessions", int(report->sessions.size())},
                       {"cards", int(report->cards.size())},
                       {"identified", identified}});
    else
        io.out << tr("Episode report written: %1 (patient %2, %3 sessions, %4 cards; %5).")
                      .arg(QDir::toNativeSeparators(file), report->patientCode)
                      .arg(report->sessions.size())
                      .arg(report->cards.size())
                      .arg(identified ? tr("IDENTIFIED: name and birth date included")
                                      : tr("pseudonymised"))
               << '\n';
    return 0;
}

CommandRegistration reg{{QStringLiteral("export pdf"),
                         QStringLiteral("EPISODE-ID|PATIENT-CODE FILE [--identified] [--db PATH] "
                                        "[--as NAME]"),
                         QStringLiteral("the episode report as a PDF (chart, sessions, cards)"),
                         runExportPdf}};

} // namespace
} // namespace triad::cli
