#include "rupturedetector.h"

#include "descriptive.h"
#include "prompts.h"
#include "repair.h"

#include <algorithm>
#include <limits>
#include <QCoreApplication>

namespace triad {

RuptureDetector::RuptureDetector(RuptureRules rules)
    : m_rules(rules)
{}

QVector<double> RuptureDetector::usualScoresBefore(const MeasureSeries &series, int sessionIndex,
                                                   int *leftOut) const
{
    return walk(series, sessionIndex, leftOut, nullptr);
}

QVector<double> RuptureDetector::walk(const MeasureSeries &series, int sessionIndex, int *leftOut,
                                      QVector<OwnHistory> *before) const
{
    // Walk forward: a session that was itself more than ruptureSd below the usual level of
    // the sessions kept before it is left out of every later usual level (a rupture must not
    // drag the usual level down, nor widen the SD that judges the next one).
    const SdFloor floor = sdFloor(series.figures, m_rules);
    const PriorSd prior = priorWithinSd(series.figures, m_rules);
    QVector<double> kept;
    int skipped = 0;
    for (const auto &p : series.points) {
        if (p.sessionIndex >= sessionIndex)
            break;
        if (!before && !p.score)
            continue;
        const OwnHistory h = historyFrom(kept, skipped, floor, prior);
        if (before)
            before->append(h);
        if (!p.score)
            continue;
        if (h.applicable && *p.score < h.ownMean - m_rules.ruptureSd * h.sdUsed) {
            ++skipped;
            continue;
        }
        kept.append(*p.score);
    }
    if (leftOut)
        *leftOut = skipped;
    return kept;
}

OwnHistory RuptureDetector::historyFrom(const QVector<double> &earlier, int leftOut,
                                        const SdFloor &floor, const PriorSd &prior) const
{
    OwnHistory h;
    h.earlierSessions = int(earlier.size());
    h.leftOut = leftOut;
    h.floor = floor;
    h.sdUsed = h.floor.value;
    if (h.earlierSessions < m_rules.minEarlierSessions) {
        h.reason = QCoreApplication::translate(
                       "Alliance", "needs at least %1 earlier sessions with a score (has %2)")
                       .arg(m_rules.minEarlierSessions)
                       .arg(h.earlierSessions);
        return h;
    }
    h.applicable = true;
    h.ownMean = stats::mean(earlier);
    h.ownSd = stats::sampleSd(earlier);
    h.prior = prior;
    h.pooledSd = pooledSd(h.ownSd, h.earlierSessions, h.prior.value, m_rules.priorDf);
    h.sdUsed = std::max(h.pooledSd, h.floor.value);
    return h;
}

OwnHistory RuptureDetector::ownHistory(const MeasureSeries &series, int sessionIndex) const
{
    int leftOut = 0;
    const QVector<double> kept = walk(series, sessionIndex, &leftOut, nullptr);
    return historyFrom(kept, leftOut, sdFloor(series.figures, m_rules),
                       priorWithinSd(series.figures, m_rules));
}

OwnHistories::OwnHistories(const RuptureDetector &detector, const MeasureSeries &series)
    : m_series(&series)
{
    int leftOut = 0;
    const QVector<double> kept =
        detector.walk(series, std::numeric_limits<int>::max(), &leftOut, &m_before);
    m_before.append(detector.historyFrom(kept, leftOut, sdFloor(series.figures, detector.m_rules),
                                         priorWithinSd(series.figures, detector.m_rules)));
}

const OwnHistory &OwnHistories::at(int sessionIndex) const
{
    // As the walk: the history before the first point at or after sessionIndex.
    int i = 0;
    while (i < m_series->points.size() && m_series->points.at(i).sessionIndex < sessionIndex)
        ++i;
    return m_before.at(i);
}

double RuptureDetector::sdUsed(const MeasureSeries &series, int sessionIndex) const
{
    return ownHistory(series, sessionIndex).sdUsed;
}

SeriesFindings RuptureDetector::detect(const MeasureSeries &series,
                                       const QString &childFirstName) const
{
    SeriesFindings out;
    const ReliableChangeBasis rc = reliableChangeBasis(series.figures, m_rules);
    const auto &cutoff = series.figures.declared.cutoff;
    auto makeAlert = [&](AlertType type, int session, QJsonObject evidence) {
        Alert a;
        a.type = type;
        a.respondent = series.respondent;
        a.measure = series.measure;
        a.sessionIndex = session;
        a.severity = defaultSeverity(type);
        a.evidence = std::move(evidence);
        a.prompt = alertPrompt(type, series.respondent, std::nullopt, childFirstName);
        out.alerts.append(a);
    };

    const OwnHistories histories(*this, series);
    QVector<RepairOutcome> repairs;
    int latest = -1;
    for (const auto &p : series.points) {
        SessionStatus status{series.respondent, series.measure, p.sessionIndex,
                             SessionState::NoScore};
        if (!p.score) {
            out.statuses.append(status);
            continue;
        }
        latest = p.sessionIndex;
        const double score = *p.score;
        status.state = SessionState::Stable;
        bool rupture = false;
        RepairBaseline baseline{p.sessionIndex, score, score, 0, std::nullopt};
        if (rc.available())
            baseline.reliableRise = rc.threshold;

        const OwnHistory &own = histories.at(p.sessionIndex);
        if (own.applicable) {
            const double watchLine = own.ownMean - m_rules.watchSd * own.sdUsed;
            const double ruptureLine = own.ownMean - m_rules.ruptureSd * own.sdUsed;
            const bool strict = score < ruptureLine;
            if (strict || score < watchLine) {
                QJsonObject ev{{QStringLiteral("rule"),
                                strict ? QStringLiteral("2sd") : QStringLiteral("1sd")},
                               {QStringLiteral("score"), score},
                               {QStringLiteral("ownMean"), own.ownMean},
                               {QStringLiteral("ownSd"), own.ownSd},
                               {QStringLiteral("priorSd"), own.prior.value},
                               {QStringLiteral("priorSource"), figureSourceId(own.prior.source)},
                               {QStringLiteral("priorDf"), m_rules.priorDf},
                               {QStringLiteral("pooledSd"), own.pooledSd},
                               {QStringLiteral("sdFloor"), own.floor.value},
                               {QStringLiteral("sdFloorSource"), figureSourceId(own.floor.source)},
                               {QStringLiteral("sd"), own.sdUsed},
                               {QStringLiteral("earlierSessions"), own.earlierSessions},
                               {QStringLiteral("leftOut"), own.leftOut},
                               {QStringLiteral("threshold"), strict ? ruptureLine : watchLine}};
                makeAlert(strict ? AlertType::Rupture : AlertType::Watch, p.sessionIndex, ev);
                status.state = strict ? SessionState::Rupture : SessionState::Watch;
                rupture = strict;
            }
            baseline.preMean = own.ownMean;
            baseline.sd = own.sdUsed;
        }

        const SessionPoint *prev = previousScored(series.points, p.sessionIndex);
        if (rc.available() && prev) {
            const double change = score - *prev->score;
            if (change <= -rc.threshold) {
                QJsonObject ev{{QStringLiteral("rule"), QStringLiteral("reliable-change")},
                               {QStringLiteral("score"), score},
                               {QStringLiteral("previous"), *prev->score},
                               {QStringLiteral("previousSession"), prev->sessionIndex},
                               {QStringLiteral("change"), change},
                               {QStringLiteral("threshold"), rc.threshold}};
                rc.addTo(ev);
                makeAlert(AlertType::ReliableDrop, p.sessionIndex, ev);
                status.state = SessionState::Rupture;
                if (!rupture && !own.applicable) {
                    // Too little history for an own mean: the previous score is the level.
                    baseline.preMean = *prev->score;
                    baseline.sd = own.sdUsed;
                }
                rupture = true;
            }
        }

        if (cutoff && score < *cutoff) {
            makeAlert(
                AlertType::BelowCutoff, p.sessionIndex,
                QJsonObject{{QStringLiteral("rule"), QStringLiteral("cutoff")},
                            {QStringLiteral("score"), score},
                            {QStringLiteral("cutoff"), *cutoff},
                            {QStringLiteral("cutoffSource"), series.figures.declared.source}});
        }

        if (rupture) {
            RepairOutcome r = checkRepair(series.points, baseline, m_rules);
            r.respondent = series.respondent;
            r.measure = series.measure;
            repairs.append(r);
        }
        out.statuses.append(status);
    }

    // A repaired session is shown as such unless it is itself a new rupture or watch.
    for (const auto &r : repairs) {
        if (!r.repairedSession)
            continue;
        for (auto &s : out.statuses)
            if (s.sessionIndex == *r.repairedSession && s.state == SessionState::Stable)
                s.state = SessionState::Repaired;
    }
    out.repairs = repairs;
    if (latest >= 0)
        notesForLatest(series, histories.at(latest), latest, rc, out);
    return out;
}

void RuptureDetector::notesForLatest(const MeasureSeries &series, const OwnHistory &own, int latest,
                                     const ReliableChangeBasis &rc, SeriesFindings &out) const
{
    auto note = [&](const QString &rule, const QString &reason) {
        RuleNote n;
        n.rule = rule;
        n.respondent = series.respondent;
        n.measure = series.measure;
        n.sessionIndex = latest;
        n.reason = reason;
        out.notes.append(n);
    };
    if (!own.applicable)
        note(QStringLiteral("own-mean"), own.reason);
    if (!rc.available())
        note(QStringLiteral("reliable-change"), rc.reason);
    else if (!previousScored(series.points, latest))
        note(QStringLiteral("reliable-change"),
             QCoreApplication::translate("Alliance", "no earlier session to compare with"));
    if (!series.figures.declared.cutoff)
        note(QStringLiteral("cutoff"),
             QCoreApplication::translate("Alliance", "the form declares no cut-off"));
}

} // namespace triad
