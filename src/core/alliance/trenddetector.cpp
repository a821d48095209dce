#include "trenddetector.h"

#include "descriptive.h"
#include "prompts.h"
#include "reliablechange.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>

namespace triad {

TrendDetector::TrendDetector(RuptureRules rules)
    : m_rules(rules)
{}

bool TrendDetector::declinesAt(const MeasureSeries &series, int sessionIndex,
                               QJsonObject *evidence) const
{
    QVector<double> x;
    QVector<double> y;
    for (const auto &p : series.points) {
        if (p.sessionIndex > sessionIndex || !p.score)
            continue;
        x.append(p.sessionIndex);
        y.append(*p.score);
    }
    if (x.size() < m_rules.trendWindow)
        return false;
    x = x.mid(x.size() - m_rules.trendWindow);
    y = y.mid(y.size() - m_rules.trendWindow);

    const auto slope = stats::olsSlope(x, y);
    if (!slope || *slope > -m_rules.trendSlope)
        return false;
    bool nonIncreasing = true;
    int downSteps = 0;
    double largestStep = 0;
    for (int i = 1; i < y.size(); ++i) {
        nonIncreasing = nonIncreasing && y[i] <= y[i - 1];
        downSteps += y[i] < y[i - 1] ? 1 : 0;
        largestStep = std::max(largestStep, y[i - 1] - y[i]);
    }
    const double totalDrop = y.first() - y.last();
    const ReliableChangeBasis rc = reliableChangeBasis(series.figures, m_rules);
    // A sustained decline: a reliable fall over the window, spread over most of its steps
    // (one big step is a rupture's business, e.g. 100, 100, 100, 50), and never while the
    // latest score rises.
    const double needed = rc.available() ? rc.threshold : m_rules.trendSlope * (x.size() - 1);
    if (totalDrop < needed || y.last() > y[y.size() - 2] || downSteps < y.size() - 2 ||
        largestStep > m_rules.trendMaxStepShare * totalDrop)
        return false;
    if (evidence) {
        QJsonArray sessions;
        QJsonArray scores;
        for (int i = 0; i < x.size(); ++i) {
            sessions.append(int(x[i]));
            scores.append(y[i]);
        }
        *evidence = QJsonObject{{QStringLiteral("rule"), QStringLiteral("trend")},
                                {QStringLiteral("window"), m_rules.trendWindow},
                                {QStringLiteral("sessions"), sessions},
                                {QStringLiteral("scores"), scores},
                                {QStringLiteral("slope"), *slope},
                                {QStringLiteral("slopeThreshold"), -m_rules.trendSlope},
                                {QStringLiteral("nonIncreasing"), nonIncreasing},
                                {QStringLiteral("largestStep"), largestStep},
                                {QStringLiteral("totalDrop"), totalDrop}};
        if (rc.available())
            rc.addTo(*evidence);
    }
    return true;
}

SeriesFindings TrendDetector::detect(const MeasureSeries &series,
                                     const QString &childFirstName) const
{
    SeriesFindings out;
    bool previous = false;
    int latest = -1;
    int scored = 0;
    for (const auto &p : series.points) {
        if (!p.score)
            continue;
        latest = p.sessionIndex;
        ++scored;
        QJsonObject ev;
        const bool now = declinesAt(series, p.sessionIndex, &ev);
        if (now && !previous) {
            Alert a;
            a.type = AlertType::DecliningTrend;
            a.respondent = series.respondent;
            a.measure = series.measure;
            a.sessionIndex = p.sessionIndex;
            a.severity = defaultSeverity(a.type);
            a.evidence = ev;
            a.prompt = alertPrompt(a.type, series.respondent, std::nullopt, childFirstName,
                                   QString::number(m_rules.trendWindow));
            out.alerts.append(a);
        }
        previous = now;
    }
    if (latest >= 0 && scored < m_rules.trendWindow) {
        RuleNote n;
        n.rule = QStringLiteral("trend");
        n.respondent = series.respondent;
        n.measure = series.measure;
        n.sessionIndex = latest;
        n.reason =
            QCoreApplication::translate("Alliance", "needs %1 sessions with a score (has %2)")
                .arg(m_rules.trendWindow)
                .arg(scored);
        out.notes.append(n);
    }
    return out;
}

} // namespace triad
