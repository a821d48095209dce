#include "episodesimulator.h"

#include "descriptive.h"

#include <algorithm>
#include <cmath>

namespace triad {

namespace {
constexpr Respondent kRespondents[] = {Respondent::Child, Respondent::Parent, Respondent::Physio};
}

EpisodeSimulator::EpisodeSimulator(SimulationSettings settings)
    : m_s(settings)
    , m_rng(settings.seed)
{
    buildClinicHistory();
}

double EpisodeSimulator::uniform()
{
    // 32 random bits to [0, 1): fully specified, unlike std::uniform_real_distribution.
    return double(m_rng()) / 4294967296.0;
}

int EpisodeSimulator::uniformInt(int lo, int hi)
{
    return lo + std::min(hi - lo, int(uniform() * (hi - lo + 1)));
}

double EpisodeSimulator::normal()
{
    if (m_spare) {
        const double v = *m_spare;
        m_spare.reset();
        return v;
    }
    double u1 = 0;
    while (u1 <= 0)
        u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    m_spare = radius * std::sin(2.0 * M_PI * u2);
    return radius * std::cos(2.0 * M_PI * u2);
}

double EpisodeSimulator::respondentMean(Respondent r) const
{
    // Gaps in nominal SD units: the spread of a total across episodes and sessions.
    const double nominalSd =
        std::sqrt(m_s.betweenSd * m_s.betweenSd + m_s.sessionSd * m_s.sessionSd +
                  m_s.itemSd * m_s.itemSd / std::max(1, m_s.items));
    switch (r) {
    case Respondent::Child:
        return m_s.physioMean + m_s.childGapSd * nominalSd;
    case Respondent::Parent:
        return m_s.physioMean + m_s.parentGapSd * nominalSd;
    case Respondent::Physio:
        break;
    }
    return m_s.physioMean;
}

EpisodeSimulator::Response EpisodeSimulator::respond(double latent)
{
    Response r;
    double sum = 0;
    for (int i = 0; i < m_s.items; ++i) {
        // A 5-point answer: the nearest step of 25, clipped at both ends (the ceiling).
        const double raw = latent + m_s.itemSd * normal();
        const double value = std::clamp(std::round(raw / 25.0), 0.0, 4.0) * 25.0;
        r.items.append(value);
        sum += value;
    }
    r.total = sum / m_s.items;
    return r;
}

std::array<QVector<double>, 3> EpisodeSimulator::latentSeries(int sessions)
{
    std::array<QVector<double>, 3> out;
    // One shared episode effect (a good or poor fit) plus each respondent's own view.
    const double shared = 0.8 * m_s.betweenSd * normal();
    for (Respondent r : kRespondents) {
        const double own = 0.6 * m_s.betweenSd * normal();
        const double level = respondentMean(r) + shared + own;
        QVector<double> &v = out[size_t(r)];
        for (int k = 0; k < sessions; ++k)
            v.append(level + m_s.sessionSd * normal());
    }
    return out;
}

void EpisodeSimulator::buildClinicHistory()
{
    std::array<NormsCalculator, 3> calc;
    QVector<double> gaps[3];
    for (int e = 0; e < m_s.historyEpisodes; ++e) {
        const auto latent = latentSeries(uniformInt(m_s.minSessions, m_s.maxSessions));
        for (int k = 0; k < latent[0].size(); ++k) {
            double totals[3];
            for (Respondent r : kRespondents) {
                const Response resp = respond(latent[size_t(r)][k]);
                calc[size_t(r)].addResponse(resp.total, resp.items, qint64(e));
                totals[int(r)] = *resp.total;
            }
            gaps[int(Dyad::ChildPhysio)].append(totals[0] - totals[2]);
            gaps[int(Dyad::ParentPhysio)].append(totals[1] - totals[2]);
            gaps[int(Dyad::ChildParent)].append(totals[0] - totals[1]);
        }
    }
    for (Respondent r : kRespondents)
        m_norms[size_t(r)] = calc[size_t(r)].norms();
    for (Dyad d : {Dyad::ChildPhysio, Dyad::ParentPhysio, Dyad::ChildParent}) {
        m_gaps.append(
            {d, QStringLiteral("total"), stats::mean(gaps[int(d)]), int(gaps[int(d)].size())});
        m_gapSd[size_t(d)] = stats::sampleSd(gaps[int(d)]);
    }
}

QString plantedEventKindId(PlantedEventKind k)
{
    switch (k) {
    case PlantedEventKind::Rupture:
        return QStringLiteral("rupture");
    case PlantedEventKind::ChildFallsAdultsHigh:
        return QStringLiteral("child-falls-adults-high");
    case PlantedEventKind::GapWidening:
        return QStringLiteral("gap-widening");
    case PlantedEventKind::SlowDecline:
        break;
    }
    return QStringLiteral("slow-decline");
}

void EpisodeSimulator::plantEvent(SimulatedEpisode &ep, std::array<QVector<double>, 3> &latent,
                                  int sessions)
{
    if (uniform() < m_s.stableShare)
        return;
    PlantedEvent e;
    e.kind = PlantedEventKind(uniformInt(0, 3));
    const int earliest = m_s.minEarlierSessions + 1;
    // A drop is from what the respondent can show: a level above the ceiling reads 100.
    auto lower = [](double &level, double by) { level = std::min(level, 100.0) - by; };
    switch (e.kind) {
    case PlantedEventKind::Rupture:
    case PlantedEventKind::ChildFallsAdultsHigh: {
        e.respondent = e.kind == PlantedEventKind::Rupture ? kRespondents[uniformInt(0, 2)]
                                                           : Respondent::Child;
        e.firstSession = e.lastSession = uniformInt(earliest, sessions);
        const double size = m_s.ruptureSizeSd * m_norms[size_t(e.respondent)].sd;
        const bool vShape = uniform() < m_s.vShapeShare;
        QVector<double> &v = latent[size_t(e.respondent)];
        lower(v[e.firstSession - 1], size);
        if (!vShape && e.firstSession < sessions)
            lower(v[e.firstSession], size);
        if (e.kind == PlantedEventKind::ChildFallsAdultsHigh) {
            // Both adults stay high: their whole series lifted to a mean of at least 85.
            for (Respondent adult : {Respondent::Parent, Respondent::Physio}) {
                QVector<double> &a = latent[size_t(adult)];
                const double lift = std::max(0.0, 85.0 - stats::mean(a));
                for (double &x : a)
                    x += lift;
            }
        }
        break;
    }
    case PlantedEventKind::GapWidening: {
        const Dyad d = Dyad(uniformInt(0, 2));
        e.dyad = d;
        e.respondent = dyadFirst(d);
        // Sustained: it starts early enough to be seen on three sessions.
        e.firstSession = uniformInt(earliest, std::max(earliest, sessions - 2));
        e.lastSession = std::min(sessions, e.firstSession + 2);
        // The gap widens in the direction that matters: the first member ends up lower than
        // the second by `widening` more than usual (or, when usually above, `widening` below),
        // half of the move each way. A move that only narrows a positive gap is no widening.
        const double widening = m_s.gapWideningSd * m_gapSd[size_t(d)];
        const double usualGap =
            stats::mean(latent[size_t(dyadFirst(d))]) - stats::mean(latent[size_t(dyadSecond(d))]);
        const double move = widening + std::max(0.0, usualGap);
        for (int k = e.firstSession - 1; k < sessions; ++k) {
            lower(latent[size_t(dyadFirst(d))][k], move / 2);
            latent[size_t(dyadSecond(d))][k] += move / 2;
        }
        break;
    }
    case PlantedEventKind::SlowDecline: {
        e.respondent = kRespondents[uniformInt(0, 2)];
        const int length = std::min(uniformInt(4, 6), sessions - earliest + 1);
        e.firstSession = uniformInt(earliest, sessions - length + 1);
        const int end = e.firstSession + length - 1; // the decline is complete here
        e.lastSession = std::min(sessions, end + 1);
        const double total = m_s.declineSizeSd * m_norms[size_t(e.respondent)].sd;
        QVector<double> &v = latent[size_t(e.respondent)];
        for (int k = e.firstSession; k <= sessions; ++k)
            lower(v[k - 1], total * std::min(1.0, double(k - e.firstSession + 1) / length));
        break;
    }
    }
    ep.event = e;
}

SimulatedEpisode EpisodeSimulator::next()
{
    SimulatedEpisode ep;
    ++m_episodeNumber;
    const int sessions = uniformInt(std::max(m_s.minSessions, m_s.minEarlierSessions + 1),
                                    std::max(m_s.maxSessions, m_s.minEarlierSessions + 1));
    auto latent = latentSeries(sessions);

    if (m_s.eventMix) {
        plantEvent(ep, latent, sessions);
    } else if (uniform() < m_s.plantedShare) {
        PlantedRupture p;
        p.respondent = kRespondents[uniformInt(0, 2)];
        p.sessionIndex = uniformInt(m_s.minEarlierSessions + 1, sessions);
        p.sizePoints = m_s.ruptureSizeSd * m_norms[size_t(p.respondent)].sd;
        p.vShape = uniform() < m_s.vShapeShare;
        QVector<double> &v = latent[size_t(p.respondent)];
        // The drop is from what the respondent can show: a level above the ceiling reads 100.
        const int at = p.sessionIndex - 1;
        v[at] = std::min(v[at], 100.0) - p.sizePoints;
        if (!p.vShape && at + 1 < v.size())
            v[at + 1] = std::min(v[at + 1], 100.0) - p.sizePoints;
        ep.planted = p;
    }

    const QDate start = QDate(2024, 1, 8).addDays(7 * (m_episodeNumber % 40));
    ep.input.childFirstName = QStringLiteral("Sam");
    ep.input.clinicGaps = m_gaps;
    for (Respondent r : kRespondents) {
        MeasureSeries s;
        s.respondent = r;
        s.measure = QStringLiteral("total");
        s.figures.clinic = m_norms[size_t(r)];
        s.figures.declared.cutoff = m_s.declaredCutoff;
        s.figures.declared.source = QStringLiteral("simulated form");
        // The planted series is complete up to its event (so the event can be seen).
        int protectUpTo = 0;
        if (ep.planted && ep.planted->respondent == r)
            protectUpTo = ep.planted->sessionIndex;
        if (ep.event &&
            (ep.event->respondent == r || (ep.event->dyad && dyadSecond(*ep.event->dyad) == r) ||
             ep.event->kind == PlantedEventKind::ChildFallsAdultsHigh))
            protectUpTo = ep.event->lastSession;
        for (int k = 0; k < sessions; ++k) {
            SessionPoint point{k + 1, start.addDays(7 * k), std::nullopt};
            const bool keep = k + 1 <= protectUpTo || uniform() >= m_s.missingShare;
            const Response resp = respond(latent[size_t(r)][k]);
            if (keep) {
                point.score = resp.total;
                // What was tapped, for the quality flags (the simulated items are not
                // reverse-keyed, so positions and keyed values are the same).
                ResponseQualityInput q;
                q.respondent = r;
                q.sessionIndex = k + 1;
                for (const auto &item : resp.items)
                    q.answerPositions.append(item.value_or(0));
                ep.input.responses.append(q);
            }
            s.points.append(point);
        }
        ep.input.series.append(s);
    }
    return ep;
}

} // namespace triad
