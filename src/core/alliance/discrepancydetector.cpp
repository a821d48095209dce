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
    SeriesFindings out;
    const ReliableChangeBasis rcA = reliableChangeBasis(a.figures, m_rules);
    const ReliableChangeBasis rcB = reliableChangeBasis(b.figures, m_rules);
    const DyadGapNorm *clinic = nullptr;
    for (const auto &g : clinicGaps)
        if (g.dyad == dyad && g.measure == a.measure)
            clinic = &g;

    QVector<double> earlierGaps;
    QString latestReason;
    int latest = -1;
    for (const auto &pa : a.points) {
        const SessionPoint *pb = pointAt(b.points, pa.sessionIndex);
        if (!pa.score || !pb || !pb->score)
            continue;
        latest = pa.sessionIndex;
        latestReason.clear();
        const double gap = *pa.score - *pb->score;
        const int earlier = int(earlierGaps.size());
        std::optional<double> usual;
        QString usualSource;
        if (earlier >= m_rules.minDyadSessions) {
            usual = stats::mean(earlierGaps);
            usualSource = QStringLiteral("episode");
        } else if (clinic) {
            usual = clinic->meanGap;
            usualSource = QStringLiteral("clinic");
        }
        earlierGaps.append(gap);

        if (!usual) {
            latestReason = QCoreApplication::translate(
                               "Alliance", "needs %1 earlier sessions where both answered (has "
                                           "%2) and the clinic has no usual gap for this dyad "
                                           "and age band")
                               .arg(m_rules.minDyadSessions)
                               .arg(earlier);
            continue;
        }
        if (!rcA.available() || !rcB.available()) {
            latestReason = !rcA.available() ? rcA.reason : rcB.reason;
            continue;
        }
        const double threshold =
            1.96 * std::sqrt(2.0) * std::sqrt(rcA.sem() * rcA.sem() + rcB.sem() * rcB.sem());
        const double departure = gap - *usual;
        if (std::abs(departure) < threshold)
            continue;
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
                                     {QStringLiteral("usualGap"), *usual},
                                     {QStringLiteral("usualGapSource"), usualSource},
                                     {QStringLiteral("earlierSessions"), earlier},
                                     {QStringLiteral("departure"), departure},
                                     {QStringLiteral("semFirst"), rcA.sem()},
                                     {QStringLiteral("semSecond"), rcB.sem()},
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
