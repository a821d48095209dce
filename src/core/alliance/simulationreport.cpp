#include "simulationreport.h"

#include <cmath>
#include <QJsonArray>

namespace triad {

namespace {
struct RuleCheck
{
    const char *id;
    QVector<AlertType> types; // the rule fires when any of these is raised
    int minEarlier;           // scored sessions needed before the rule can apply
};

bool fired(const EpisodeAnalysis &a, const RuleCheck &rule, Respondent r, int session)
{
    for (const auto &alert : a.findings)
        if (alert.sessionIndex == session && alert.respondent == r && !alert.dyad &&
            rule.types.contains(alert.type))
            return true;
    return false;
}
} // namespace

QJsonObject RuleRates::toJson() const
{
    return {{QStringLiteral("sensitivity"), sensitivity()},
            {QStringLiteral("false_alarm_rate"), falseAlarmRate()},
            {QStringLiteral("planted"), planted},
            {QStringLiteral("detected"), detected},
            {QStringLiteral("stable_sessions"), stableSessions},
            {QStringLiteral("false_alarms"), falseAlarms}};
}

QJsonObject SimulationReport::toJson() const
{
    QJsonObject perRule;
    for (const auto &r : rules)
        perRule.insert(r.rule, r.toJson());
    QJsonObject clinicJson;
    for (Respondent r : {Respondent::Child, Respondent::Parent, Respondent::Physio}) {
        const Norms &n = clinic[size_t(r)];
        clinicJson.insert(
            respondentId(r),
            QJsonObject{{QStringLiteral("n"), n.n},
                        {QStringLiteral("mean"), n.mean},
                        {QStringLiteral("sd"), n.sd},
                        {QStringLiteral("within_sd"), n.withinSd},
                        {QStringLiteral("alpha"), n.alpha ? *n.alpha : 0.0},
                        {QStringLiteral("retest"), n.retest ? *n.retest : 0.0},
                        {QStringLiteral("retest_pairs"), n.retestPairs},
                        {QStringLiteral("ceiling_rate"), n.ceilingRate},
                        {QStringLiteral("rupture_size"), settings.ruptureSizeSd * n.sd}});
    }
    return {{QStringLiteral("sensitivity"), rupture.sensitivity()},
            {QStringLiteral("false_alarm_rate"), rupture.falseAlarmRate()},
            {QStringLiteral("rules"), perRule},
            {QStringLiteral("episodes"), episodes},
            {QStringLiteral("planted"), planted},
            {QStringLiteral("seed"), qint64(settings.seed)},
            {QStringLiteral("repair"),
             QJsonObject{{QStringLiteral("v_shapes_detected"), vShapesDetected},
                         {QStringLiteral("v_shapes_repaired"), vShapesRepaired}}},
            {QStringLiteral("clinic"), clinicJson}};
}

QJsonObject EventRates::toJson() const
{
    return {{QStringLiteral("planted"), planted},
            {QStringLiteral("detected"), detected},
            {QStringLiteral("sensitivity"), sensitivity()},
            {QStringLiteral("detected_act_today"), detectedConcern}};
}

QJsonObject StreamReport::toJson() const
{
    QJsonObject ev;
    for (int k = 0; k < int(events.size()); ++k)
        ev.insert(plantedEventKindId(PlantedEventKind(k)), events[size_t(k)].toJson());
    return {{QStringLiteral("episodes"), episodes},
            {QStringLiteral("stable_episodes"), stableEpisodes},
            {QStringLiteral("stable_sessions"), stableSessions},
            {QStringLiteral("cards_per_stable_session"), cardsPerStableSession()},
            {QStringLiteral("concern_cards_per_stable_session"), concernPerStableSession()},
            {QStringLiteral("notes_per_stable_session"),
             stableSessions ? double(stableNotes) / stableSessions : 0.0},
            {QStringLiteral("convergence_cards"), convergenceCards},
            {QStringLiteral("events"), ev}};
}

namespace {
bool isCard(const Alert &a)
{
    return a.severity != Severity::Info;
}

// The card concerns the event: its respondent, or (gap widening) its dyad.
bool concerns(const Alert &a, const PlantedEvent &e)
{
    if (a.sessionIndex < e.firstSession || a.sessionIndex > e.lastSession)
        return false;
    if (e.dyad) // a gap is found by its dyad's card, not by a card on one member
        return a.dyad && *a.dyad == *e.dyad;
    return !a.dyad && a.respondent == e.respondent;
}
} // namespace

StreamReport simulateStream(SimulationSettings settings, const RuptureRules &rules)
{
    settings.eventMix = true;
    StreamReport report;
    EpisodeSimulator simulator(settings);
    const EpisodeAnalyzer analyzer(rules);
    for (int e = 0; e < settings.episodes; ++e) {
        const SimulatedEpisode ep = simulator.next();
        const EpisodeAnalysis analysis = analyzer.analyze(ep.input);
        ++report.episodes;
        for (const Alert &a : analysis.alerts) {
            if (!isCard(a) || a.type != AlertType::Discrepancy)
                continue;
            const double gap = a.evidence.value(QStringLiteral("gap")).toDouble();
            const double usual = a.evidence.value(QStringLiteral("usualGap")).toDouble();
            if (std::abs(gap) < std::abs(usual))
                ++report.convergenceCards;
        }
        if (!ep.event) {
            ++report.stableEpisodes;
            int sessions = 0;
            for (const auto &s : ep.input.series)
                sessions = std::max(sessions, int(s.points.size()));
            report.stableSessions += sessions;
            for (const Alert &a : analysis.alerts) {
                if (!isCard(a)) {
                    ++report.stableNotes;
                    continue;
                }
                ++report.stableCards;
                if (a.severity == Severity::Concern)
                    ++report.stableConcern;
            }
            continue;
        }
        EventRates &rates = report.events[size_t(ep.event->kind)];
        ++rates.planted;
        bool found = false, concern = false;
        for (const Alert &a : analysis.alerts) {
            if (!isCard(a) || !concerns(a, *ep.event))
                continue;
            found = true;
            concern = concern || a.severity == Severity::Concern;
        }
        rates.detected += found ? 1 : 0;
        rates.detectedConcern += concern ? 1 : 0;
    }
    return report;
}

SimulationReport simulateAndEvaluate(const SimulationSettings &settings, const RuptureRules &rules)
{
    const QVector<RuleCheck> checks = {
        {"2sd", {AlertType::Rupture}, rules.minEarlierSessions},
        {"1sd", {AlertType::Rupture, AlertType::Watch}, rules.minEarlierSessions},
        {"reliable-drop", {AlertType::ReliableDrop}, 1},
        {"cutoff", {AlertType::BelowCutoff}, 0},
        {"any-rupture", {AlertType::Rupture, AlertType::ReliableDrop}, 1},
    };
    SimulationReport report;
    report.settings = settings;
    for (const auto &c : checks)
        report.rules.append(RuleRates{QString::fromLatin1(c.id), 0, 0, 0, 0});

    EpisodeSimulator simulator(settings);
    report.clinic = simulator.clinicNorms();
    const EpisodeAnalyzer analyzer(rules);
    for (int e = 0; e < settings.episodes; ++e) {
        const SimulatedEpisode ep = simulator.next();
        const EpisodeAnalysis analysis = analyzer.analyze(ep.input);
        ++report.episodes;
        const auto &planted = ep.planted;
        if (planted)
            ++report.planted;
        for (const auto &series : ep.input.series) {
            int scoredBefore = 0;
            for (const auto &p : series.points) {
                if (!p.score)
                    continue;
                const bool isPlantedSeries = planted && planted->respondent == series.respondent;
                const bool isPlanted = isPlantedSeries && p.sessionIndex == planted->sessionIndex;
                const bool aftermath = isPlantedSeries && p.sessionIndex > planted->sessionIndex &&
                                       p.sessionIndex <= planted->sessionIndex + 2;
                for (int i = 0; i < checks.size(); ++i) {
                    const bool hit = fired(analysis, checks[i], series.respondent, p.sessionIndex);
                    RuleRates &rates = report.rules[i];
                    if (isPlanted) {
                        ++rates.planted;
                        rates.detected += hit ? 1 : 0;
                    } else if (!aftermath && scoredBefore >= checks[i].minEarlier) {
                        ++rates.stableSessions;
                        rates.falseAlarms += hit ? 1 : 0;
                    }
                }
                if (isPlanted && planted->vShape &&
                    fired(analysis, checks[0], series.respondent, p.sessionIndex)) {
                    ++report.vShapesDetected;
                    for (const auto &r : analysis.repairs)
                        if (r.respondent == series.respondent &&
                            r.ruptureSession == p.sessionIndex && r.state == RepairState::Repaired)
                            ++report.vShapesRepaired;
                }
                ++scoredBefore;
            }
        }
    }
    report.rupture = report.rules.first();
    return report;
}

} // namespace triad
