#pragma once
// An episode as the core's insights read it, for the screens: the clinic's own figures
// (norms with the within-person SD, alpha and ceiling; usual dyad gaps per age band) from the
// workspace's cache (recomputed only after a response completed), the episode's sessions
// and series from the store, and their alliance analysis.
// Every rule lives in core/insights and core/alliance; the app only words the result.

#include "core/insights/episodeinsights.h"

#include <QStringList>

namespace triad::app {

struct Workspace;

struct EpisodeReading
{
    insights::EpisodeHistory history;
    EpisodeAnalysis analysis;
};

class EpisodeReader
{
public:
    explicit EpisodeReader(Workspace &ws);

    // Nullopt on a store failure; errorMessage() says why.
    std::optional<EpisodeReading> read(const QString &episodeId);
    // Stores the alerts the analysis raises at the session that are not stored yet (the
    // same alert is never stored twice), then returns every stored alert of that session.
    std::optional<QVector<store::AlertRecord>> recordSessionAlerts(const EpisodeReading &reading,
                                                                   int sessionIndex);
    QString errorMessage() const { return m_error; }

private:
    Workspace &m_ws;
    insights::EpisodeInsights m_insights;
    QString m_error;
};

// One plain sentence per rule that could not apply on the total score at the latest
// session (of `sessionIndex` when > 0), naming the rule, who it concerns and why; the
// screens show them as a quiet line under the scores.
QStringList ruleNoteSentences(const EpisodeAnalysis &analysis, int sessionIndex = 0);

} // namespace triad::app
