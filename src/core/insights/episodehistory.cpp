#include "episodehistory.h"

namespace triad::insights {

int EpisodeHistory::indexOf(const QString &sessionId) const
{
    return int(sessionIds.indexOf(sessionId)) + 1;
}

const MeasureSeries *EpisodeHistory::series(const QString &respondent, const QString &measure) const
{
    for (const MeasureSeries &s : input.series)
        if (s.measure == measure && respondentId(s.respondent) == respondent)
            return &s;
    return nullptr;
}

std::optional<double> EpisodeHistory::scoreAt(int sessionIndex, const QString &respondent,
                                              const QString &measure) const
{
    if (const MeasureSeries *s = series(respondent, measure))
        for (const SessionPoint &p : s->points)
            if (p.sessionIndex == sessionIndex)
                return p.score;
    return std::nullopt;
}

std::optional<QPair<int, double>>
EpisodeHistory::previous(int sessionIndex, const QString &respondent, const QString &measure) const
{
    for (int i = sessionIndex - 1; i >= 1; --i)
        if (const auto s = scoreAt(i, respondent, measure))
            return qMakePair(i, *s);
    return std::nullopt;
}

} // namespace triad::insights
