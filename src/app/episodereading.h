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
    // The clinic figures were not ready: `analysis` (alerts, repairs, rule notes) is not the
    // episode's real one, only `history`'s sessions and scores are.
    bool figuresPending = false;
};

class EpisodeReader
{
public:
    explicit EpisodeReader(Workspace &ws);

    // Nullopt on a store failure; errorMessage() says why. Computes the clinic figures on
    // this thread when they are not current (a whole-clinic read: seconds in a large clinic),
    // so the screens use readNow(); this is for the command line and tests.
    std::optional<EpisodeReading> read(const QString &episodeId);
    // The same without ever computing the clinic figures here (issue 12): when they are not
    // current yet (being worked out on the worker thread, ClinicSession::readyClinicFigures)
    // the reading has figuresPending set and its analysis made without clinic norms, which
    // the screens must not show as current (their scores and sessions are right).
    std::optional<EpisodeReading> readNow(const QString &episodeId);
    // Stores the alerts the analysis raises at the session that are not stored yet (the
    // same alert is never stored twice), then returns every stored alert of that session.
    std::optional<QVector<store::AlertRecord>> recordSessionAlerts(const EpisodeReading &reading,
                                                                   int sessionIndex);
    QString errorMessage() const { return m_error; }

private:
    std::optional<EpisodeReading> readWith(const QString &episodeId,
                                           const insights::ClinicFigures &figures);

    Workspace &m_ws;
    insights::EpisodeInsights m_insights;
    QString m_error;
};

// One plain sentence per rule that could not apply on the total score at the latest
// session (of `sessionIndex` when > 0), naming the rule, who it concerns and why; the
// screens show them as a quiet line under the scores.
QStringList ruleNoteSentences(const EpisodeAnalysis &analysis, int sessionIndex = 0);

} // namespace triad::app
