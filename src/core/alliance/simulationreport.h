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

SimulationReport simulateAndEvaluate(const SimulationSettings &settings,
                                     const RuptureRules &rules = {});

} // namespace triad
