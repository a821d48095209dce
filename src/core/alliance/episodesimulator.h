#pragma once
// Synthetic episodes for checking the rupture rules against known truth: realistic noise,
// 5-point items with a ceiling at 100, the published rater gaps (children above physios by
// ~0.35 SD, parents by ~0.72 SD; Roest 2023) and planted ruptures of a known size and
// session. Deterministic for a seed on every platform (mt19937 + our own Box-Muller).
// Synthetic data only: no real person is behind any number.

#include "episodeanalyzer.h"

#include <array>
#include <random>

namespace triad {

struct SimulationSettings
{
    int episodes = 300;
    quint32 seed = 1;
    int minSessions = 8;
    int maxSessions = 14;
    double plantedShare = 0.5;  // episodes with one planted rupture
    double ruptureSizeSd = 2.0; // drop size in the respondent's clinic SD
    int minEarlierSessions = 4; // sessions before the planted one
    double vShapeShare = 0.7;   // planted ruptures back at the usual level next session
    double missingShare = 0.05; // responses not given (never the planted series up to it)
    int items = 6;              // 5-point items per form, scored 0/25/50/75/100
    double physioMean = 76;     // latent mean on 0-100 (the physios' view)
    double betweenSd = 11;      // spread of episodes' latent levels
    double sessionSd = 5;       // session-to-session wobble of the latent level
    double itemSd = 10;         // item noise around the session level
    double childGapSd = 0.35;   // child above physio, in nominal SD units
    double parentGapSd = 0.72;  // parent above physio
    double declaredCutoff = 50; // the simulated form's declared cut-off
    int historyEpisodes = 150;  // stable episodes that make the clinic's own norms
    // The stream mix (triad-cli simulate's "stream"): instead of plantedShare ruptures, a
    // share stableShare of episodes stays stable and the rest get ONE event each, the four
    // kinds of PlantedEventKind in equal shares.
    bool eventMix = false;
    double stableShare = 0.5;
    double gapWideningSd = 2.0; // widening of a dyad's gap, in the clinic's SD of that gap
    double declineSizeSd = 2.0; // total slow decline, in the respondent's clinic SD
};

enum class PlantedEventKind {
    Rupture,              // one respondent drops 2 SD at one session (70 % back the next)
    ChildFallsAdultsHigh, // the child drops 2 SD while both adults stay at 85 or more
    GapWidening,          // a dyad's gap widens (first lower, second higher) and stays so
    SlowDecline           // one respondent declines 2 SD evenly over 4-6 sessions, stays low
};
QString plantedEventKindId(PlantedEventKind k); // "rupture", "child-falls-adults-high", ...

struct PlantedEvent
{
    PlantedEventKind kind = PlantedEventKind::Rupture;
    Respondent respondent = Respondent::Child; // the one who drops (gap: the dyad's first)
    std::optional<Dyad> dyad;                  // gap widening only
    int firstSession = 0;                      // where the event starts
    int lastSession = 0;                       // the last session a card still counts as found
};

struct PlantedRupture
{
    Respondent respondent = Respondent::Child;
    int sessionIndex = 0;
    double sizePoints = 0; // the latent drop, in points
    bool vShape = false;   // back at the usual level the next session
};

struct SimulatedEpisode
{
    EpisodeInput input; // one "total" series per respondent, with the clinic's figures
    std::optional<PlantedRupture> planted; // classic mode (eventMix false)
    std::optional<PlantedEvent> event;     // stream mode (eventMix true)
};

class EpisodeSimulator
{
public:
    explicit EpisodeSimulator(SimulationSettings settings);

    // The clinic's own norms per respondent (from stable history episodes) and usual gaps.
    const std::array<Norms, 3> &clinicNorms() const { return m_norms; }
    const QVector<DyadGapNorm> &clinicGaps() const { return m_gaps; }
    // The next episode; planted with probability plantedShare.
    SimulatedEpisode next();

private:
    struct Response
    {
        std::optional<double> total;
        QVector<std::optional<double>> items;
    };
    double uniform();
    int uniformInt(int lo, int hi); // inclusive
    double normal();
    Response respond(double latent);
    double respondentMean(Respondent r) const;
    // One episode's latent session levels per respondent (no rupture), sessions 1..n.
    std::array<QVector<double>, 3> latentSeries(int sessions);
    void buildClinicHistory();
    void plantEvent(SimulatedEpisode &ep, std::array<QVector<double>, 3> &latent, int sessions);

    SimulationSettings m_s;
    std::mt19937 m_rng;
    std::optional<double> m_spare;
    std::array<Norms, 3> m_norms;
    QVector<DyadGapNorm> m_gaps;
    std::array<double, 3> m_gapSd{}; // the clinic's SD of each dyad's gap
    int m_episodeNumber = 0;
};

} // namespace triad
