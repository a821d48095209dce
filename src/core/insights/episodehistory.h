#pragma once
// One episode as read from the clinic database: the analyzer's input (every respondent's
// series with the clinic's and the form's figures, the usual dyad gaps for the child's age
// band, the quality inputs) and, for the screens, each session with who answered, declined
// or was skipped and why. Built by EpisodeInsights::history().

#include "core/alliance/episodeanalyzer.h"
#include "core/store/episoderepository.h"

#include <QHash>

namespace triad::insights {

struct SessionRow
{
    store::Session session;
    int index = 0; // 1-based, in date order
    // respondent id -> "complete" | "declined" | "skipped" ("declined" also for a skip whose
    // reason is "declined", as the round's plan shows it); absent = nothing stored (a draft
    // left behind is not a response yet)
    QHash<QString, QString> status;
    QHash<QString, QString> skipReason; // respondent id -> store::skipReasons() id
};

// A respondent's form changed to a new major version during the episode (e.g. 1.0.0 to
// 2.0.0): scores before `sessionIndex` are on another scale, so that respondent's series
// starts a new baseline there and the earlier scores are left out (not compared).
struct FormChange
{
    Respondent respondent = Respondent::Child;
    int sessionIndex = 0; // first session on the new version
    QString instrumentId;
    QString fromVersion;
    QString toVersion;

    // Plain words for the chart, e.g. "Parent: new baseline from session 3 (form version
    // 2.0.0); the earlier scores (version 1.0.0) are not compared with it."
    QString note() const;
};

struct EpisodeHistory
{
    QString episodeId;
    EpisodeInput input;
    QStringList sessionIds; // sessionIds[i] is session index i + 1 (oldest first)
    QVector<SessionRow> sessions;
    QVector<FormChange> formChanges; // oldest first; empty when no form changed version

    int indexOf(const QString &sessionId) const; // 0 when unknown
    // The respondent's ("child", "parent", "physio") score on a measure at a session.
    std::optional<double> scoreAt(int sessionIndex, const QString &respondent,
                                  const QString &measure) const;
    // The last session before `sessionIndex` with a score: (session index, score).
    std::optional<QPair<int, double>> previous(int sessionIndex, const QString &respondent,
                                               const QString &measure) const;
    const MeasureSeries *series(const QString &respondent, const QString &measure) const;
};

} // namespace triad::insights
