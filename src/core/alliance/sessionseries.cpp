#include "sessionseries.h"

namespace triad {

QVector<double> scoresBefore(const QVector<SessionPoint> &points, int sessionIndex)
{
    QVector<double> out;
    for (const auto &p : points)
        if (p.sessionIndex < sessionIndex && p.score)
            out.append(*p.score);
    return out;
}

const SessionPoint *previousScored(const QVector<SessionPoint> &points, int sessionIndex)
{
    const SessionPoint *best = nullptr;
    for (const auto &p : points)
        if (p.sessionIndex < sessionIndex && p.score &&
            (!best || p.sessionIndex > best->sessionIndex))
            best = &p;
    return best;
}

const SessionPoint *pointAt(const QVector<SessionPoint> &points, int sessionIndex)
{
    for (const auto &p : points)
        if (p.sessionIndex == sessionIndex)
            return &p;
    return nullptr;
}

} // namespace triad
