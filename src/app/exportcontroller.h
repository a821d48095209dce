#pragma once
// The Export screen's controller (lead and admin): the research CSV export, the PDF episode
// report and the FHIR R4 Bundle, with progress and Cancel, and the import of a FHIR Bundle
// (how a clinic moves data between tablets). The work runs on the UI thread (the clinic's
// database connection lives there); between batches of rows an export lets the screen repaint
// and take the Cancel tap, and a cancelled or failed export leaves nothing in the chosen folder.

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <QUrl>

#include <functional>

namespace triad::app {

class ExportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(qreal progress READ progress NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
    // Whether Cancel can stop what runs (the CSV and FHIR exports; not a PDF or an import).
    Q_PROPERTY(bool cancellable READ cancellable NOTIFY changed)
    // A refused import's problems, one "path: message" string each (nothing was written).
    Q_PROPERTY(QStringList problems READ problems NOTIFY changed)
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY changed)
    Q_PROPERTY(bool allowed READ allowed CONSTANT)
    Q_PROPERTY(QString defaultFolder READ defaultFolder CONSTANT)

public:
    explicit ExportController(QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    qreal progress() const { return m_progress; }
    QString message() const { return m_message; }
    bool failed() const { return m_failed; }
    bool cancellable() const { return m_cancellable; }
    QStringList problems() const { return m_problems; }
    QString lastPath() const { return m_lastPath; }
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
    // as on the tablet; a Bundle with any problem writes nothing (see problems).
    Q_INVOKABLE QString importFhir(const QString &file);
    Q_INVOKABLE void cancel() { m_cancelRequested = true; }
    // The folder dialog speaks URLs, the folder field paths.
    Q_INVOKABLE QString localPath(const QUrl &url) const { return url.toLocalFile(); }
    Q_INVOKABLE QUrl folderUrl(const QString &path) const { return QUrl::fromLocalFile(path); }
    // Test hook: pauses this long (ms) at every progress step, so a test can tap Cancel.
    Q_INVOKABLE void setStepDelayForTesting(int ms) { m_stepDelayMs = ms; }

signals:
    void changed();

private:
    QString finish(bool ok, const QString &message, const QString &path = {},
                   const QStringList &problems = {});
    QString localFolder(const QString &folder) const;
    // Marks the controller busy with `message` (Cancel offered when `cancellable`).
    void begin(const QString &message, bool cancellable);
    // The exports' progress callback: moves the bar, lets the screen repaint and take the
    // Cancel tap every 50 ms (every step with a test delay); false once Cancel was tapped.
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
};

} // namespace triad::app
