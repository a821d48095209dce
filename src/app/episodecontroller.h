#pragma once
// One episode of care for the episode screen: the patient, condition and goals, the
// sessions with their three scores, the trajectories for the chart, the alerts and what
// the physio did about them, and why a rule could not apply yet. Scores, follow-ups and
// notes come from the core's insights with the clinic's own figures (episodereading.h).

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace triad::insights {
class ClinicFigures;
}

namespace triad::app {

struct EpisodeOpening;

class EpisodeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString episodeId READ episodeId NOTIFY changed)
    Q_PROPERTY(QString patientId READ patientId NOTIFY changed)
    Q_PROPERTY(QString patientName READ patientName NOTIFY changed)
    Q_PROPERTY(QString patientCode READ patientCode NOTIFY changed)
    Q_PROPERTY(QString condition READ condition NOTIFY changed)
    Q_PROPERTY(QString conditionLabel READ conditionLabel NOTIFY changed)
    Q_PROPERTY(QString goals READ goals NOTIFY changed)
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    Q_PROPERTY(QVariantList sessions READ sessions NOTIFY changed)
    Q_PROPERTY(QVariantList alerts READ alerts NOTIFY changed)
    Q_PROPERTY(QStringList notes READ notes NOTIFY changed)
    Q_PROPERTY(QStringList formChanges READ formChanges NOTIFY changed)
    // Whether any respondent's form has the common triad core (2.x): the chart then offers
    // the shared questions, the measure the three views are compared on.
    Q_PROPERTY(bool hasCore READ hasCore NOTIFY changed)
    Q_PROPERTY(QVariantList conditions READ conditions CONSTANT)
    Q_PROPERTY(QVariantList actionKinds READ actionKinds CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    // The clinic figures are still being worked out (right after sign-in, after a round): the
    // sessions, scores and chart are shown, the alert cards and rule notes (judged against the
    // clinic's norms) are left empty and fill in by themselves when the figures are ready.
    Q_PROPERTY(bool figuresPending READ figuresPending NOTIFY changed)
    // openEpisode() is reading the episode on a worker (what is on show is the last read, or none).
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    explicit EpisodeController(QObject *parent = nullptr);

    QString episodeId() const { return m_episodeId; }
    QString patientId() const { return m_patientId; }
    QString patientName() const { return m_patientName; }
    QString patientCode() const { return m_patientCode; }
    QString condition() const { return m_condition; }
    QString conditionLabel() const;
    QString goals() const { return m_goals; }
    bool isOpen() const { return m_open; }
    // [{sessionId, index, date, child, parent, physio (0-100 or null), alerts: [alertId...],
    //   childStatus ("complete" | "declined" | "skipped" | ""), childReason (skip reason id),
    //   childReasonLabel ("Absent"), and the same for parent and physio}]
    QVariantList sessions() const { return m_sessions; }
    // [{alertId, resolved (repaired after it), falseAlarm, type, severity, sessionIndex,
    //   respondent, prompt, acknowledged, action}]
    QVariantList alerts() const { return m_alerts; }
    // Why a rule could not apply on the total at each respondent's latest session, one plain
    // sentence each ("Reliable-change rule not applied yet for the child: ..."), for a quiet
    // line under the chart.
    QStringList notes() const { return m_notes; }
    // One plain sentence per respondent whose form changed major version during the episode
    // ("Physio: new baseline from session 5 (form version 2.0.0); ..."), oldest first, from
    // the core's EpisodeHistory::formChanges; shown by the chart.
    QStringList formChanges() const { return m_formChanges; }
    bool hasCore() const;
    QVariantList conditions() const;
    QVariantList actionKinds() const;
    QString errorMessage() const { return m_error; }
    bool figuresPending() const { return m_figuresPending; }
    bool loading() const { return m_loading; }

    // Reads the episode on this thread; returns what went wrong, empty when nothing did.
    Q_INVOKABLE QString load(const QString &episodeId);
    // The same read on ClinicSession's reader pool, for the screen: it is up at once and
    // fills in when the read returns (`loading` meanwhile; errorMessage says what went
    // wrong). A database without a file is read at once. Its refreshes read in the background
    // too.
    Q_INVOKABLE void openEpisode(const QString &episodeId);
    Q_INVOKABLE QString reload() { return load(m_episodeId); }
    // Read again as the episode was last read (openEpisode() or load()).
    Q_INVOKABLE void refresh();
    // A new open episode for the patient, with the signed-in physio; loads it.
    Q_INVOKABLE QString create(const QString &patientId, const QString &condition,
                               const QString &goals);
    Q_INVOKABLE QString close();
    // Changes the condition and the goals (in the family's words) of the loaded episode.
    Q_INVOKABLE QString update(const QString &condition, const QString &goals);
    // [{x: sessionIndex, y: score}] for one respondent ("child", "parent", "physio") and
    // measure ("total", "goal", "task", "bond"); sessions without a score are left out.
    Q_INVOKABLE QVariantList series(const QString &respondent, const QString &measure) const;
    Q_INVOKABLE QString acknowledge(const QString &alertId, const QString &actionKind,
                                    const QString &note);
    // The same action (e.g. "false-alarm") for several cards at once, each logged; stops at
    // the first that cannot be saved and says how many were.
    Q_INVOKABLE QString acknowledgeMany(const QStringList &alertIds, const QString &actionKind,
                                        const QString &note);

signals:
    void changed();
    void loadingChanged();

private:
    void setError(const QString &message);
    QString apply(const EpisodeOpening &opening);
    bool underTheRound() const;
    QString finishLoading(const QString &error);
    void setLoading(bool loading);
    const insights::ClinicFigures *currentFigures(QString *error) const;
    QString readableBy() const;

    QString m_episodeId;
    QString m_patientId;
    QString m_patientName;
    QString m_patientCode;
    QString m_condition;
    QString m_goals;
    bool m_open = false;
    QVariantList m_sessions;
    QVariantList m_alerts;
    QStringList m_notes;
    QStringList m_formChanges;
    QString m_error;
    bool m_figuresPending = false;
    bool m_loading = false;
    bool m_async = false;     // last read by openEpisode(): so are its refreshes
    QString m_requestedId;    // the episode last asked for (shown, or still being read)
    quint64 m_generation = 0; // which read may still be shown
    // respondent -> measure -> [(sessionIndex, score)]
    QHash<QString, QHash<QString, QVector<QPair<int, double>>>> m_scores;
};

} // namespace triad::app
