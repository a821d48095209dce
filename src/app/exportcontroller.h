#pragma once
// The Export screen's controller (lead and admin): the research CSV export and the PDF episode
// report, with progress and Cancel. The export runs on the UI thread (the clinic's database
// connection lives there); between batches of rows it lets the screen repaint and take the
// Cancel tap, and a cancelled or failed export leaves nothing in the chosen folder.

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QUrl>

namespace triad::app {

class ExportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(qreal progress READ progress NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool failed READ failed NOTIFY changed)
    Q_PROPERTY(QString lastPath READ lastPath NOTIFY changed)
    Q_PROPERTY(bool allowed READ allowed CONSTANT)
    Q_PROPERTY(QString defaultFolder READ defaultFolder CONSTANT)

public:
    explicit ExportController(QObject *parent = nullptr);

    bool busy() const { return m_busy; }
    qreal progress() const { return m_progress; }
    QString message() const { return m_message; }
    bool failed() const { return m_failed; }
    QString lastPath() const { return m_lastPath; }
    bool allowed() const; // the signed-in member is a lead or admin
    QString defaultFolder() const;

    // `folder`: a path or a file: URL (from a folder dialog). Returns the message shown.
    Q_INVOKABLE QString exportCsv(const QString &folder, bool identified, bool freeText);
    // `episodeOrCode`: an episode id or a pseudonym code; the file is
    // "triad-report-<code>-<yyyyMMdd-HHmmss>.pdf" in `folder`.
    Q_INVOKABLE QString exportPdf(const QString &episodeOrCode, const QString &folder,
                                  bool identified);
    Q_INVOKABLE void cancel() { m_cancelRequested = true; }
    // The folder dialog speaks URLs, the folder field paths.
    Q_INVOKABLE QString localPath(const QUrl &url) const { return url.toLocalFile(); }
    Q_INVOKABLE QUrl folderUrl(const QString &path) const { return QUrl::fromLocalFile(path); }
    // Test hook: pauses this long (ms) at every progress step, so a test can tap Cancel.
    Q_INVOKABLE void setStepDelayForTesting(int ms) { m_stepDelayMs = ms; }

signals:
    void changed();

private:
    QString finish(bool ok, const QString &message, const QString &path = {});
    QString localFolder(const QString &folder) const;

    bool m_busy = false;
    qreal m_progress = 0;
    QString m_message;
    bool m_failed = false;
    QString m_lastPath;
    bool m_cancelRequested = false;
    int m_stepDelayMs = 0;
};

} // namespace triad::app
