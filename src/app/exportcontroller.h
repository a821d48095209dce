#pragma once
// The Export screen's controller (lead and admin): the research CSV export, the PDF episode
// report and the FHIR R4 Bundle, with progress and Cancel; the import of a FHIR Bundle (how a
// clinic moves data between tablets), with progress and Cancel; and the import of an R4
// Questionnaire into the clinic's questionnaires (checked, shown, confirmed, then added). The
// work runs on the UI thread (the clinic's database connection lives there); between batches
// of rows an export or import lets the screen repaint and take the Cancel tap. A cancelled or
// failed export leaves nothing in the chosen folder, a cancelled or failed import nothing in
// the clinic.

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <QUrl>

#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>

namespace triad::interop::fhir {
struct QuestionnaireImport;
}

namespace triad::app {

class ExportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(qreal progress READ progress NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
    // Whether Cancel can stop what runs (the CSV and FHIR exports, the bundle import; not a
    // PDF or a questionnaire).
    Q_PROPERTY(bool cancellable READ cancellable NOTIFY changed)
    // A refused import's problems, one "path: message" string each (nothing was written).
    Q_PROPERTY(QStringList problems READ problems NOTIFY changed)
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY changed)
    // What the last operation was ("csv", "pdf", "fhir-export", "fhir-import",
    // "questionnaire"): the screen names the progress bar and Cancel after it.
    Q_PROPERTY(QString operation READ operation NOTIFY changed)
    // The questionnaire checked and waiting for confirmation: title, id, version, items,
    // languages, respondent, file; empty when none waits.
    Q_PROPERTY(QVariantMap pendingQuestionnaire READ pendingQuestionnaire NOTIFY changed)
    Q_PROPERTY(bool questionnaireWaiting READ questionnaireWaiting NOTIFY changed)
    Q_PROPERTY(bool allowed READ allowed CONSTANT)
    Q_PROPERTY(QString defaultFolder READ defaultFolder CONSTANT)

public:
    explicit ExportController(QObject *parent = nullptr);
    ~ExportController() override;

    bool busy() const { return m_busy; }
    qreal progress() const { return m_progress; }
    QString message() const { return m_message; }
    bool failed() const { return m_failed; }
    bool cancellable() const { return m_cancellable; }
    QStringList problems() const { return m_problems; }
    QString lastPath() const { return m_lastPath; }
    QString operation() const { return m_operation; }
    QVariantMap pendingQuestionnaire() const { return m_pendingSummary; }
    bool questionnaireWaiting() const { return bool(m_pending); }
    bool allowed() const; // the signed-in member is a lead or admin
    QString defaultFolder() const;

    // `folder`: a path or a file: URL (from a folder dialog). Returns the message shown.
    Q_INVOKABLE QString exportCsv(const QString &folder, bool identified, bool freeText);
    // `episodeOrCode`: an episode id or a pseudonym code; the file is
    // "triad-report-<code>-<yyyyMMdd-HHmmss>.pdf" in `folder`.
    Q_INVOKABLE QString exportPdf(const QString &episodeOrCode, const QString &folder,
                                  bool identified);
    // The clinic as one FHIR R4 Bundle, "triad-fhir-<yyyyMMdd-HHmmss>.json" in `folder`:
    // a collection, or a transaction for a FHIR server; free-text answers only if asked for.
    Q_INVOKABLE QString exportFhir(const QString &folder, bool transaction, bool freeText);
    // `file`: a path or a file: URL. The Bundle's responses into this clinic, scored and carded
    // as on the tablet; a Bundle with any problem writes nothing (see problems). Progress and
    // Cancel as for an export; a cancel rolls the whole import back (one transaction).
    Q_INVOKABLE QString importFhir(const QString &file);
    // `file`: a path or a file: URL to an R4 Questionnaire. Converts it (`respondent`, child,
    // parent or physio, and `construct`, goal, task, bond or voice, for forms that do not say;
    // empty: as the file says) and checks it against the clinic's questionnaires. On success
    // pendingQuestionnaire says what would be added and nothing is written yet; on any problem
    // the problems list every one with its JSON path.
    Q_INVOKABLE QString checkQuestionnaire(const QString &file, const QString &respondent,
                                           const QString &construct);
    // Adds the pending questionnaire to the clinic's questionnaires folder (the instrument
    // catalog's), audited as `triad-cli import-questionnaire --db` does, and reloads the
    // catalog so the form is offered at once.
    Q_INVOKABLE QString importQuestionnaire();
    // Forgets the pending questionnaire (the lead said no) and says nothing was added.
    Q_INVOKABLE void discardQuestionnaire();
    Q_INVOKABLE void cancel() { m_cancelRequested = true; }
    // The folder dialog speaks URLs, the folder field paths.
    Q_INVOKABLE QString localPath(const QUrl &url) const { return url.toLocalFile(); }
    Q_INVOKABLE QUrl folderUrl(const QString &path) const { return QUrl::fromLocalFile(path); }
    // Test hook: pauses this long (ms) at every progress step, so a test can tap Cancel.
    Q_INVOKABLE void setStepDelayForTesting(int ms) { m_stepDelayMs = ms; }

signals:
    void changed();

private:
    // The prologue of every action. Empty when it may start; else the message to show (and
    // shown): busy already, nobody signed in, or, with a `leadOnly` refusal, not a lead or
    // admin.
    std::optional<QString> refusal(const QString &leadOnly = {});
    void clearPending();
    QString finish(bool ok, const QString &message, const QString &path = {},
                   const QStringList &problems = {});
    QString localFolder(const QString &folder) const;
    // Marks the controller busy with `message` (Cancel offered when `cancellable`).
    void begin(const QString &operation, const QString &message, bool cancellable);
    // The exports' progress callback: moves the bar, lets the screen repaint and take the
    // Cancel tap every 50 ms (every step with a test delay); false once Cancel was tapped or
    // the member signed out.
    std::function<bool(qint64, qint64)> progressStep();

    bool m_busy = false;
    qreal m_progress = 0;
    QString m_message;
    bool m_failed = false;
    bool m_cancellable = false;
    QStringList m_problems;
    QString m_lastPath;
    bool m_cancelRequested = false;
    int m_stepDelayMs = 0;
    QString m_operation;
    std::unique_ptr<interop::fhir::QuestionnaireImport> m_pending;
    QVariantMap m_pendingSummary;
};

} // namespace triad::app
