#include "discrepancydetector.h"

#include "descriptive.h"
#include "prompts.h"
#include "reliablechange.h"
#include "rupturedetector.h"

#include <cmath>
#include <QCoreApplication>

namespace triad {

DiscrepancyDetector::DiscrepancyDetector(RuptureRules rules)
    : m_rules(rules)
{}

SeriesFindings DiscrepancyDetector::detect(const MeasureSeries *child, const MeasureSeries *parent,
                                           const MeasureSeries *physio,
                                           const QVector<DyadGapNorm> &clinicGaps,
                                           const QString &childFirstName) const
{
    SeriesFindings out;
    if (child && physio)
        out.append(detectDyad(Dyad::ChildPhysio, *child, *physio, clinicGaps, childFirstName));
    if (parent && physio)
        out.append(detectDyad(Dyad::ParentPhysio, *parent, *physio, clinicGaps, childFirstName));
    if (child && parent)
        out.append(detectDyad(Dyad::ChildParent, *child, *parent, clinicGaps, childFirstName));
    if (child && parent && physio)
        out.append(detectChildFallsAdultsHigh(*child, *parent, *physio, childFirstName));
    return out;
}

SeriesFindings DiscrepancyDetector::detectDyad(Dyad dyad, const MeasureSeries &a,
                                               const MeasureSeries &b,
                                               const QVector<DyadGapNorm> &clinicGaps,
                                               const QString &childFirstName) const
{
    Q_UNUSED(clinicGaps) // "than usual" needs this family's own usual gap (docs/ALLIANCE.md)
    SeriesFindings out;
    const RuptureDetector ruptures(m_rules);
    const OwnHistories historyA(ruptures, a);
    const OwnHistories historyB(ruptures, b);
    // A session where either member's score was a rupture (more than ruptureSd below their
    // own usual level) says nothing about the dyad's usual gap: left out of it.
    auto ruptured = [&](const OwnHistories &histories, int session, double score) {
        const OwnHistory &h = histories.at(session);
        return h.applicable && score < h.ownMean - m_rules.ruptureSd * h.sdUsed;
    };

    struct Entry
    {
        int session;
        double gap;
        bool flagged; // a member's rupture: never part of the usual gap
        bool widened; // part of a widened run: never part of the usual gap either
    };
    QVector<Entry> entries;
    auto usualBefore = [&](int end, int *n) {
        QVector<double> gaps;
        for (int k = 0; k < end; ++k)
            if (!entries[k].flagged && !entries[k].widened)
                gaps.append(entries[k].gap);
        *n = int(gaps.size());
        return gaps.isEmpty() ? 0.0 : stats::mean(gaps);
    };
    QString latestReason;
    int latest = -1;
    bool previousWidened = false;
    const int window = m_rules.dyadWindow;
    for (const auto &pa : a.points) {
        const SessionPoint *pb = pointAt(b.points, pa.sessionIndex);
        if (!pa.score || !pb || !pb->score)
            continue;
        latest = pa.sessionIndex;
        latestReason.clear();
        const double gap = *pa.score - *pb->score;
        entries.append({pa.sessionIndex, gap,
                        ruptured(historyA, pa.sessionIndex, *pa.score) ||
                            ruptured(historyB, pa.sessionIndex, *pb->score),
                        false});
        const int i = int(entries.size()) - 1;
        int earlier = 0;
        const double usual = usualBefore(i, &earlier);
        if (earlier < m_rules.minDyadSessions) {
            latestReason = QCoreApplication::translate(
                               "Alliance", "needs %1 earlier sessions where both answered (has %2)")
                               .arg(m_rules.minDyadSessions)
                               .arg(earlier);
            previousWidened = false;
            continue;
        }
        // The departure's noise: each member's session-to-session SD (as rule (a) uses it:
        // own SD pooled with the clinic's within-person SD, floored) and the uncertainty of a
        // usual gap from `earlier` sessions.
        const double sdA = historyA.at(pa.sessionIndex).sdUsed;
        const double sdB = historyB.at(pa.sessionIndex).sdUsed;
        const double sdPair = std::sqrt(sdA * sdA + sdB * sdB);
        const double sdDeparture = sdPair * std::sqrt(1.0 + 1.0 / earlier);
        const double departure = gap - usual;
        const double z = departure / sdDeparture;
        // Sustained: the mean gap of the last `window` sessions against the usual gap of the
        // sessions before them.
        std::optional<double> windowZ;
        double windowMean = 0;
        double windowUsual = 0;
        double windowSd = 0;
        if (i + 1 >= window) {
            int before = 0;
            windowUsual = usualBefore(i + 1 - window, &before);
            for (int k = i + 1 - window; k <= i; ++k)
                windowMean += entries[k].gap / window;
            // The SDs as they were before the window (a widening must not widen its own SD).
            const int start = entries[i + 1 - window].session;
            const double wA = historyA.at(start).sdUsed;
            const double wB = historyB.at(start).sdUsed;
            windowSd = std::sqrt(wA * wA + wB * wB) * std::sqrt(1.0 / window + 1.0 / before);
            if (before >= m_rules.minDyadSessions)
                windowZ = (windowMean - windowUsual) / windowSd;
        }
        // Only a gap that WIDENS, with the first member (child, or parent against the physio)
        // lower relative to the second than usual, today and (sustained) over the window. A
        // gap that narrows is agreement, never a card.
        const bool today = z <= -m_rules.dyadSingleZ && std::abs(gap) >= std::abs(usual);
        const bool sustained = windowZ && *windowZ <= -m_rules.dyadWindowZ && departure < 0 &&
                               std::abs(windowMean) >= std::abs(windowUsual) &&
                               std::abs(gap) >= std::abs(windowUsual);
        const bool widened = today || sustained;
        if (widened) {
            entries[i].widened = true;
            if (sustained)
                for (int k = i + 1 - window; k < i; ++k)
                    entries[k].widened = true;
        }
        // One card per widening: a gap that stays wide is not news every session.
        const bool news = widened && !previousWidened;
        previousWidened = widened;
        if (!news)
            continue;
        const double threshold =
            today ? m_rules.dyadSingleZ * sdDeparture : m_rules.dyadWindowZ * windowSd;
        Alert alert;
        alert.type = AlertType::Discrepancy;
        alert.respondent = a.respondent;
        alert.dyad = dyad;
        alert.measure = a.measure;
        alert.sessionIndex = pa.sessionIndex;
        alert.severity = defaultSeverity(alert.type);
        alert.evidence = QJsonObject{{QStringLiteral("rule"), QStringLiteral("dyad-gap")},
                                     {QStringLiteral("dyad"), dyadId(dyad)},
                                     {QStringLiteral("first"), *pa.score},
                                     {QStringLiteral("second"), *pb->score},
                                     {QStringLiteral("gap"), gap},
                                     {QStringLiteral("usualGap"), today ? usual : windowUsual},
                                     {QStringLiteral("usualGapSource"), QStringLiteral("episode")},
                                     {QStringLiteral("earlierSessions"), earlier},
                                     {QStringLiteral("departure"), departure},
                                     {QStringLiteral("sdDeparture"), sdDeparture},
                                     {QStringLiteral("z"), z},
                                     {QStringLiteral("sustained"), !today},
                                     {QStringLiteral("windowMeanGap"), windowMean},
                                     {QStringLiteral("window"), window},
                                     {QStringLiteral("threshold"), threshold}};
        alert.prompt = alertPrompt(alert.type, a.respondent, dyad, childFirstName);
        out.alerts.append(alert);
    }
    if (latest >= 0 && !latestReason.isEmpty()) {
        RuleNote n;
        n.rule = QStringLiteral("dyad-gap");
        n.respondent = a.respondent;
        n.dyad = dyad;
        n.measure = a.measure;
        n.sessionIndex = latest;
        n.reason = latestReason;
        out.notes.append(n);
    }
    return out;
}

bool DiscrepancyDetector::fallsAt(const MeasureSeries &series, int sessionIndex,
                                  QJsonObject *evidence) const
{
    const SessionPoint *now = pointAt(series.points, sessionIndex);
    const SessionPoint *prev = previousScored(series.points, sessionIndex);
    if (!now || !now->score || !prev)
        return false;
    const double change = *now->score - *prev->score;
    const double sd = RuptureDetector(m_rules).sdUsed(series, sessionIndex);
    const double sdDrop = m_rules.watchSd * sd;
    const ReliableChangeBasis rc = reliableChangeBasis(series.figures, m_rules);
    const bool reliable = rc.available() && change <= -rc.threshold;
    if (evidence) {
        evidence->insert(QStringLiteral("score"), *now->score);
        evidence->insert(QStringLiteral("previous"), *prev->score);
        evidence->insert(QStringLiteral("change"), change);
        evidence->insert(QStringLiteral("sdDrop"), sdDrop);
        if (rc.available())
            evidence->insert(QStringLiteral("rcThreshold"), rc.threshold);
    }
    return reliable || change <= -sdDrop;
}

SeriesFindings DiscrepancyDetector::detectChildFallsAdultsHigh(const MeasureSeries &child,
                                                               const MeasureSeries &parent,
                                                               const MeasureSeries &physio,
                                                               const QString &childFirstName) const
{
    SeriesFindings out;
    for (const auto &p : child.points) {
        QJsonObject childEv;
        if (!p.score || !fallsAt(child, p.sessionIndex, &childEv))
            continue;
        bool adultsHigh = true;
        QJsonObject adultsEv;
        for (const MeasureSeries *adult : {&parent, &physio}) {
            const SessionPoint *ap = pointAt(adult->points, p.sessionIndex);
            QJsonObject ev;
            const bool high = ap && ap->score && *ap->score >= m_rules.adultsHighScore &&
                              !fallsAt(*adult, p.sessionIndex, &ev);
            if (ap && ap->score)
                ev.insert(QStringLiteral("score"), *ap->score);
            adultsEv.insert(respondentId(adult->respondent), ev);
            adultsHigh = adultsHigh && high;
        }
        if (!adultsHigh)
            continue;
        Alert alert;
        alert.type = AlertType::ChildFallsAdultsHigh;
        alert.respondent = Respondent::Child;
        alert.measure = child.measure;
        alert.sessionIndex = p.sessionIndex;
        alert.severity = defaultSeverity(alert.type);
        alert.evidence =
            QJsonObject{{QStringLiteral("rule"), QStringLiteral("child-falls-adults-high")},
                        {QStringLiteral("child"), childEv},
                        {QStringLiteral("parent"), adultsEv.value(QStringLiteral("parent"))},
                        {QStringLiteral("physio"), adultsEv.value(QStringLiteral("physio"))},
                        {QStringLiteral("adultsHighScore"), m_rules.adultsHighScore}};
        alert.prompt = alertPrompt(alert.type, Respondent::Child, std::nullopt, childFirstName);
        out.alerts.append(alert);
    }
    return out;
}

} // namespace triad
