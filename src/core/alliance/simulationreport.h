#pragma once
// Runs the EpisodeAnalyzer over simulated episodes and scores each rule against the planted
// truth. Sensitivity: planted ruptures the rule flags at the planted session, on the planted
// respondent. False-alarm rate: respondent-sessions with no planted rupture (and not the two
// sessions after one, where a persisting low is no false alarm) that the rule flags, out of
// those where the rule could apply.

#include "episodesimulator.h"

#include <QJsonObject>

namespace triad {

struct RuleRates
{
    QString rule; // "2sd" (the rupture alert), "1sd", "reliable-drop", "cutoff", "any-rupture"
    int planted = 0;
    int detected = 0;
    int stableSessions = 0;
    int falseAlarms = 0;
    double sensitivity() const { return planted ? double(detected) / planted : 0; }
    double falseAlarmRate() const
    {
        return stableSessions ? double(falseAlarms) / stableSessions : 0;
    }
    QJsonObject toJson() const;
};

struct SimulationReport
{
    SimulationSettings settings;
    int episodes = 0;
    int planted = 0;
    RuleRates rupture;        // the "rupture" alert (2 SD below own mean)
    QVector<RuleRates> rules; // per rule
    int vShapesDetected = 0;  // detected planted V-shapes ...
    int vShapesRepaired = 0;  // ... that the repair rule marked repaired
    std::array<Norms, 3> clinic;

    // {"sensitivity", "false_alarm_rate", "rules": {...}, "episodes", "planted", "seed",
    //  "repair": {...}, "clinic": {...}}
    QJsonObject toJson() const;
};

// The whole card stream the physio would see (stream mode: stable episodes and one planted
// event of each kind in others). A card is an alert of level watch or concern; notes (info)
// are counted apart. An event is found when a card on its respondent (or, for a gap, its
// dyad) appears from its first to its last session (PlantedEvent).
struct EventRates
{
    int planted = 0;
    int detected = 0;        // any card (keep an eye or act today)
    int detectedConcern = 0; // an act-today card
    double sensitivity() const { return planted ? double(detected) / planted : 0; }
    QJsonObject toJson() const;
};

struct StreamReport
{
    int episodes = 0;
    int stableEpisodes = 0;
    int stableSessions = 0;
    int stableCards = 0;              // watch + concern, in stable episodes
    int stableConcern = 0;            // concern, in stable episodes
    int stableNotes = 0;              // info, in stable episodes
    int convergenceCards = 0;         // dyad cards whose gap is narrower than the usual gap
    std::array<EventRates, 4> events; // by PlantedEventKind
    double cardsPerStableSession() const
    {
        return stableSessions ? double(stableCards) / stableSessions : 0;
    }
    double concernPerStableSession() const
    {
        return stableSessions ? double(stableConcern) / stableSessions : 0;
    }
    // {"stable_sessions", "cards_per_stable_session", "concern_cards_per_stable_session",
    //  "notes_per_stable_session", "convergence_cards", "events": {kind: {...}}}
    QJsonObject toJson() const;
};

// settings.eventMix is set by the function; settings.episodes episodes.
StreamReport simulateStream(SimulationSettings settings, const RuptureRules &rules = {});

SimulationReport simulateAndEvaluate(const SimulationSettings &settings,
                                     const RuptureRules &rules = {});

} // namespace triad
