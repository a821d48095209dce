#pragma once
// Evaluates one episode's history after a session: every rule on every series, the dyads,
// trends and response quality. Pure and deterministic: the same input always gives the
// same alerts in the same order.

#include "discrepancydetector.h"
#include "findings.h"
#include "responsequality.h"
#include "rupturerules.h"
#include "sessionseries.h"

namespace triad {

struct EpisodeInput
{
    QString childFirstName;                  // used in prompts only; never logged
    QVector<MeasureSeries> series;           // any respondents x measures
    QVector<DyadGapNorm> clinicGaps;         // the clinic's usual gaps for the child's age band
    QVector<ResponseQualityInput> responses; // optional, for the quality flags
};

struct EpisodeAnalysis
{
    QVector<Alert> alerts;           // the CARDS (cards.h): at most one per respondent or dyad and
                                     // session, ordered by session, respondent, dyad
    QVector<Alert> findings;         // every rule that fired, ordered by session, respondent,
                                     // measure, type (what the cards are made of)
    QVector<SessionStatus> statuses; // per respondent x measure x session
    QVector<RepairOutcome> repairs;  // one per rupture
    QVector<RuleNote> notes;         // rules that could not apply at the latest session

    QVector<Alert> alertsAt(int sessionIndex) const;
    std::optional<SessionState> stateAt(Respondent r, const QString &measure,
                                        int sessionIndex) const;
    QJsonObject toJson() const;
};

// The ONE place that decides what raters are compared on: the series of `who` that dyad
// gaps use ("shared": mean of goal, task and bond; or "total" when there are no construct
// series). Switch it to the common core once the forms have one.
std::optional<MeasureSeries> comparedSeries(const EpisodeInput &episode, Respondent who);

class EpisodeAnalyzer
{
public:
    explicit EpisodeAnalyzer(RuptureRules rules = {});
    const RuptureRules &rules() const { return m_rules; }
    EpisodeAnalysis analyze(const EpisodeInput &episode) const;

private:
    RuptureRules m_rules;
};

} // namespace triad
