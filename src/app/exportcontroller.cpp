#include "exportcontroller.h"

#include "clinicsession.h"
#include "report/episodereportpdf.h"

#include "core/interop/csv/researchexport.h"
#include "core/interop/fhir/questionnaireimport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace triad::app {

ExportController::ExportController(QObject *parent)
    : QObject(parent)
{}

ExportController::~ExportController() = default;

std::optional<QString> ExportController::refusal(const QString &leadOnly)
{
    if (m_busy)
        return m_message;
    if (!ClinicSession::instance()->workspace())
        return finish(false, tr("Sign in first."));
    if (!leadOnly.isEmpty() && !allowed())
        return finish(false, leadOnly);
    return std::nullopt;
}

bool ExportController::allowed() const
{
    const QString role = ClinicSession::instance()->signedInRole();
    return role == QLatin1String("lead") || role == QLatin1String("admin");
}

QString ExportController::defaultFolder() const
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(documents).exists() ? documents : QDir::homePath();
}

QString ExportController::localFolder(const QString &folder) const
{
    const QString f = folder.trimmed();
    return f.startsWith(QLatin1String("file:")) ? QUrl(f).toLocalFile() : f;
}

void ExportController::begin(const QString &operation, const QString &message, bool cancellable)
{
    m_operation = operation;
    clearPending(); // a questionnaire waiting for confirmation is not added behind the lead's back
    m_busy = true;
    m_failed = false;
    m_cancellable = cancellable;
    m_cancelRequested = false;
    m_progress = 0;
    m_message = message;
    m_problems.clear();
    emit changed();
}

std::function<bool(qint64, qint64)> ExportController::progressStep()
{
    QElapsedTimer repaint;
    repaint.start();
    return [this, repaint](qint64 done, qint64 total) mutable {
        // Work in progress is use: the idle lock must not sign out (and wipe the keys) while
        // a bundle import holds its transaction open, nor mid-export.
        ClinicSession::instance()->userActivity();
        if (m_stepDelayMs > 0)
            QThread::msleep(m_stepDelayMs);
        if (repaint.elapsed() >= 50 || m_stepDelayMs > 0) {
            m_progress = total > 0 ? qreal(done) / qreal(total) : 0;
            emit changed();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            repaint.restart();
        }
        // Signed out (or locked) mid-way, from the header or the idle lock: stop, so nothing
        // is written without the keys (an import rolls back, an export leaves no file).
        return !m_cancelRequested && ClinicSession::instance()->workspace() != nullptr;
    };
}

QString ExportController::finish(bool ok, const QString &message, const QString &path,
                                 const QStringList &problems)
{
    m_busy = false;
    m_cancellable = false;
    m_problems = problems;
    m_failed = !ok;
    m_message = message;
    if (ok)
        m_lastPath = path;
    m_progress = ok ? 1 : 0;
    emit changed();
    return message;
}

QString ExportController::exportCsv(const QString &folder, bool identified, bool freeText)
{
    if (const auto refused = refusal())
        return *refused;
    ClinicSession *session = ClinicSession::instance();
    const QString target = localFolder(folder);
    if (target.isEmpty())
        return finish(false, tr("Choose the folder to export into."));
    begin(QStringLiteral("csv"), tr("Exporting…"), true);
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::csv::ResearchOptions options;
    options.parentFolder = target;
    options.identified = identified;
    options.freeText = freeText;
    options.progress = progressStep();
    interop::csv::ResearchReport report;
    interop::InteropError error;
    if (!interop::csv::ResearchExport::write(session->database(), session->vault(), library,
                                             options, &report, &error))
        return finish(false, report.cancelled ? tr("Export cancelled. Nothing was written to %1.")
                                                    .arg(QDir::toNativeSeparators(target))
                                              : error.message);
    return finish(true,
                  tr("Exported %1 responses (%2 answers) to %3.")
                          .arg(report.responses)
                          .arg(report.answers)
                          .arg(QDir::toNativeSeparators(report.folder)) +
                      (identified ? tr(" It holds names and birth dates: keep it as you would "
                                       "the clinical record.")
                                  : QString()),
                  report.folder);
}

QString ExportController::exportPdf(const QString &episodeOrCode, const QString &folder,
                                    bool identified)
{
    if (const auto refused = refusal())
        return *refused;
    ClinicSession *session = ClinicSession::instance();
    const QString target = localFolder(folder);
    if (target.isEmpty())
        return finish(false, tr("Choose the folder to save the report in."));
    if (episodeOrCode.trimmed().isEmpty())
        return finish(false, tr("Type the patient's pseudonym code (or open the episode)."));
    begin(QStringLiteral("pdf"), tr("Drawing the report…"), false);
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    interop::InteropError error;
    const auto report = report::EpisodeReport::load(session->database(), session->vault(), library,
                                                    episodeOrCode, identified, &error);
    if (!report)
        return finish(false, error.message);
    const QString file = QDir(target).filePath(
        QStringLiteral("triad-report-%1-%2.pdf")
            .arg(report->patientCode,
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (!report::writeEpisodePdf(*report, file, &error))
        return finish(false, error.message);
    return finish(
        true,
        tr("Report for %1 saved as %2.").arg(report->patientCode, QDir::toNativeSeparators(file)),
        file);
}

} // namespace triad::app
