#pragma once
// An episode's sessions and every respondent's scores across them, read from the store:
// what the episode screen draws and what alliance::EpisodeAnalyzer evaluates.

#include "core/alliance/episodeanalyzer.h"
#include "core/store/episoderepository.h"
#include "core/store/responserepository.h"

#include <optional>

namespace triad::app {

struct Workspace;

struct SessionScores
{
    store::Session session;
    int index = 0; // 1-based, in date order
    // respondent id -> measure ("total", "goal", "task", "bond") -> 0-100
    QHash<QString, QHash<QString, double>> scores;
    // respondent id -> "complete" | "declined" | "skipped" ("declined" also for a skip whose
    // reason is "declined", as the round's plan shows it)
    QHash<QString, QString> status;
    QHash<QString, QString> skipReason; // respondent id -> store::skipReasons() id (v3 skips)
};

struct EpisodeHistory
{
    QVector<SessionScores> sessions;
    QVector<MeasureSeries> series;
    QVector<ResponseQualityInput> quality;

    int indexOf(const QString &sessionId) const; // 0 when unknown
    std::optional<double> scoreAt(int sessionIndex, const QString &respondent,
                                  const QString &measure) const;
    // The last session before `sessionIndex` with a score for this respondent and measure.
    std::optional<QPair<int, double>> previous(int sessionIndex, const QString &respondent,
                                               const QString &measure) const;
};

QStringList historyMeasures(); // total, goal, task, bond

std::optional<EpisodeHistory> loadEpisodeHistory(Workspace &ws, const QString &episodeId);

} // namespace triad::app
