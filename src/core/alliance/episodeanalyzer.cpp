#include "episodeanalyzer.h"

#include "rupturedetector.h"
#include "trenddetector.h"

#include <algorithm>
#include <QJsonArray>
#include <tuple>

namespace triad {

EpisodeAnalyzer::EpisodeAnalyzer(RuptureRules rules)
    : m_rules(rules)
{}

EpisodeAnalysis EpisodeAnalyzer::analyze(const EpisodeInput &episode) const
{
    SeriesFindings all;
    const RuptureDetector ruptures(m_rules);
    const TrendDetector trends(m_rules);
    QStringList measures;
    for (const auto &s : episode.series) {
        all.append(ruptures.detect(s, episode.childFirstName));
        all.append(trends.detect(s, episode.childFirstName));
        if (!measures.contains(s.measure))
            measures.append(s.measure);
    }

    measures.sort();
    const DiscrepancyDetector discrepancies(m_rules);
    for (const auto &measure : measures) {
        auto find = [&](Respondent r) -> const MeasureSeries * {
            for (const auto &s : episode.series)
                if (s.respondent == r && s.measure == measure)
                    return &s;
            return nullptr;
        };
        all.append(discrepancies.detect(find(Respondent::Child), find(Respondent::Parent),
                                        find(Respondent::Physio), episode.clinicGaps,
                                        episode.childFirstName));
    }
    for (const auto &r : episode.responses)
        all.alerts += responseQualityFlags(r, m_rules, episode.childFirstName);

    // Stable order whatever order the series arrived in.
    auto key = [](const Alert &a) {
        return std::make_tuple(a.sessionIndex, int(a.respondent), a.measure, int(a.type),
                               a.dyad ? int(*a.dyad) : -1);
    };
    std::stable_sort(all.alerts.begin(), all.alerts.end(),
                     [&](const Alert &a, const Alert &b) { return key(a) < key(b); });
    std::stable_sort(all.statuses.begin(), all.statuses.end(),
                     [](const SessionStatus &a, const SessionStatus &b) {
                         return std::make_tuple(a.sessionIndex, int(a.respondent), a.measure) <
                                std::make_tuple(b.sessionIndex, int(b.respondent), b.measure);
                     });

    std::stable_sort(all.repairs.begin(), all.repairs.end(),
                     [](const RepairOutcome &a, const RepairOutcome &b) {
                         return std::make_tuple(a.ruptureSession, int(a.respondent), a.measure) <
                                std::make_tuple(b.ruptureSession, int(b.respondent), b.measure);
                     });
    std::stable_sort(all.notes.begin(), all.notes.end(), [](const RuleNote &a, const RuleNote &b) {
        return std::make_tuple(int(a.respondent), a.measure, a.rule, a.dyad ? int(*a.dyad) : -1) <
               std::make_tuple(int(b.respondent), b.measure, b.rule, b.dyad ? int(*b.dyad) : -1);
    });

    EpisodeAnalysis result;
    result.alerts = all.alerts;
    result.findings = all.alerts;
    result.statuses = all.statuses;
    result.repairs = all.repairs;
    result.notes = all.notes;
    return result;
}

QVector<Alert> EpisodeAnalysis::alertsAt(int sessionIndex) const
{
    QVector<Alert> out;
    for (const auto &a : alerts)
        if (a.sessionIndex == sessionIndex)
            out.append(a);
    return out;
}

std::optional<SessionState> EpisodeAnalysis::stateAt(Respondent r, const QString &measure,
                                                     int sessionIndex) const
{
    for (const auto &s : statuses)
        if (s.respondent == r && s.measure == measure && s.sessionIndex == sessionIndex)
            return s.state;
    return std::nullopt;
}

QJsonObject EpisodeAnalysis::toJson() const
{
    QJsonArray a;
    for (const auto &x : alerts)
        a.append(x.toJson());
    QJsonArray s;
    for (const auto &x : statuses)
        s.append(QJsonObject{{QStringLiteral("respondent"), respondentId(x.respondent)},
                             {QStringLiteral("measure"), x.measure},
                             {QStringLiteral("sessionIndex"), x.sessionIndex},
                             {QStringLiteral("state"), sessionStateId(x.state)}});
    QJsonArray r;
    for (const auto &x : repairs)
        r.append(x.toJson());
    QJsonArray n;
    for (const auto &x : notes)
        n.append(x.toJson());
    return {{QStringLiteral("alerts"), a},
            {QStringLiteral("statuses"), s},
            {QStringLiteral("repairs"), r},
            {QStringLiteral("notes"), n}};
}

} // namespace triad
