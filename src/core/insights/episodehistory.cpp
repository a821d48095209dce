#include "episodehistory.h"

#include <QCoreApplication>

namespace triad::insights {

QString FormChange::note() const
{
    const char *const who[] = {QT_TRANSLATE_NOOP("FormChange", "Child"),
                               QT_TRANSLATE_NOOP("FormChange", "Parent"),
                               QT_TRANSLATE_NOOP("FormChange", "Physio")};
    return QCoreApplication::translate("FormChange",
                                       "%1: new baseline from session %2 (form version %3); the "
                                       "earlier scores (version %4) are not compared with it.")
        .arg(QCoreApplication::translate("FormChange", who[size_t(respondent)]))
        .arg(sessionIndex)
        .arg(toVersion, fromVersion);
}

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
