#include "episodeanalyzer.h"

#include "cards.h"
#include "rupturedetector.h"
#include "trenddetector.h"

#include <algorithm>
#include <QJsonArray>
#include <tuple>

namespace triad {

namespace {
// A pattern (all answers at the maximum, or all the same) that repeats over an episode is ONE
// note, at its first session: later repeats stay findings but make no card of their own.
QVector<Alert> withoutRepeatedPatterns(const QVector<Alert> &findings)
{
    QVector<Alert> out;
    QSet<QString> seen;
    for (const Alert &f : findings) {
        if (f.type == AlertType::QualityAllMaximum || f.type == AlertType::QualityStraightLine) {
            const QString key = f.typeId() + respondentId(f.respondent);
            if (seen.contains(key))
                continue;
            seen.insert(key);
        }
        out.append(f);
    }
    return out;
}
} // namespace

namespace {
const MeasureSeries *seriesOf(const EpisodeInput &episode, Respondent who, const QString &measure)
{
    for (const auto &s : episode.series)
        if (s.respondent == who && s.measure == measure)
            return &s;
    return nullptr;
}

// Whether every respondent with scores in this episode has the common core (Triad 2.x forms):
// only then do dyads compare like with like on it.
bool everyoneHasTheCore(const EpisodeInput &episode)
{
    bool any = false;
    for (Respondent who : {Respondent::Child, Respondent::Parent, Respondent::Physio}) {
        if (!seriesOf(episode, who, QStringLiteral("total")))
            continue;
        if (!seriesOf(episode, who, QStringLiteral("core")))
            return false;
        any = true;
    }
    return any;
}
} // namespace

std::optional<MeasureSeries> comparedSeries(const EpisodeInput &episode, Respondent who)
{
    // Raters are compared on the common triad core (the same questions from every viewpoint)
    // when all of them answered forms that have it. Otherwise (1.x forms, a licensed form
    // without a core) on the constructs every form measures: the mean of goal, task and bond
    // at each session where all three were scored, with the respondent's total's reference
    // figures (the three constructs make up most of each total). Without construct series
    // (the simulation): the total.
    if (everyoneHasTheCore(episode)) {
        if (const MeasureSeries *core = seriesOf(episode, who, QStringLiteral("core")))
            return *core;
    }
    static const QStringList shared{QStringLiteral("goal"), QStringLiteral("task"),
                                    QStringLiteral("bond")};
    const MeasureSeries *total = nullptr;
    QVector<const MeasureSeries *> parts;
    for (const auto &s : episode.series) {
        if (s.respondent != who)
            continue;
        if (s.measure == QLatin1String("total"))
            total = &s;
        else if (shared.contains(s.measure))
            parts.append(&s);
    }
    if (!total)
        return std::nullopt;
    if (parts.size() < shared.size())
        return *total;
    MeasureSeries out = *total;
    out.measure = QStringLiteral("shared");
    for (auto &p : out.points) {
        double sum = 0;
        bool all = true;
        for (const MeasureSeries *part : parts) {
            const SessionPoint *q = pointAt(part->points, p.sessionIndex);
            all = all && q && q->score;
            if (all)
                sum += *q->score;
        }
        p.score = all ? std::optional<double>(sum / parts.size()) : std::nullopt;
    }
    return out;
}

EpisodeAnalyzer::EpisodeAnalyzer(RuptureRules rules)
    : m_rules(rules)
{}

EpisodeAnalysis EpisodeAnalyzer::analyze(const EpisodeInput &episode) const
{
    SeriesFindings all;
    const RuptureDetector ruptures(m_rules);
    const TrendDetector trends(m_rules);
    for (const auto &s : episode.series) {
        // The core is for comparing raters; each person's own changes are read on the total
        // and the constructs, so one drop does not make findings twice.
        if (s.measure == QLatin1String("core"))
            continue;
        all.append(ruptures.detect(s, episode.childFirstName));
        all.append(trends.detect(s, episode.childFirstName));
    }

    const DiscrepancyDetector discrepancies(m_rules);
    const auto child = comparedSeries(episode, Respondent::Child);
    const auto parent = comparedSeries(episode, Respondent::Parent);
    const auto physio = comparedSeries(episode, Respondent::Physio);
    all.append(discrepancies.detect(child ? &*child : nullptr, parent ? &*parent : nullptr,
                                    physio ? &*physio : nullptr, episode.clinicGaps,
                                    episode.childFirstName));
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
    result.findings = all.alerts;
    result.alerts = composeCards(withoutRepeatedPatterns(all.alerts), episode, m_rules);
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
