// Clinic norms, the three rupture rules, repair and the declining trend, each on a case whose
// arithmetic is worked out by hand in the comments.
#include "seriesbuilder.h"

#include "core/alliance/descriptive.h"
#include "core/alliance/episodeanalyzer.h"
#include "core/alliance/norms.h"
#include "core/alliance/rupturedetector.h"
#include "core/alliance/trenddetector.h"

#include <QtTest>

using namespace triad;
using namespace triad::testing;

namespace {
QVector<Alert> ofType(const SeriesFindings &f, AlertType t)
{
    QVector<Alert> out;
    for (const auto &a : f.alerts)
        if (a.type == t)
            out.append(a);
    return out;
}
} // namespace

class TestAllianceRules : public QObject
{
    Q_OBJECT
private slots:
    void alphaOnASmallMatrix()
    {
        // Items (columns) over 4 complete responses:
        //   item1 1,2,3,4 -> mean 2.5, var (2.25+0.25+0.25+2.25)/3 = 5/3
        //   item2 2,2,4,4 -> mean 3,   var (1+1+1+1)/3           = 4/3
        //   item3 1,3,3,5 -> mean 3,   var (4+0+0+4)/3           = 8/3
        // Row sums 4,7,10,13 -> mean 8.5, var (20.25+2.25+2.25+20.25)/3 = 15
        // alpha = 3/2 * (1 - (17/3)/15) = 1.5 * 28/45 = 0.9333...
        // A fifth row misses item 2 and must be left out.
        QVector<QVector<std::optional<double>>> rows = {
            {1, 2, 1}, {2, 2, 3}, {3, 4, 3}, {4, 4, 5}, {5, std::nullopt, 1}};
        int complete = 0;
        QString reason;
        const auto alpha = NormsCalculator::cronbachAlpha(rows, &complete, &reason);
        QVERIFY(alpha.has_value());
        QCOMPARE(complete, 4);
        QVERIFY(qAbs(*alpha - 42.0 / 45.0) < 1e-12);
        QVERIFY(reason.isEmpty());
    }

    void clinicAlphaCountsOnlyCompleteRowsOfTheWidestForm()
    {
        // The clinic's responses as the calculator gets them: the small matrix above, with a
        // row that misses an item, a row from a narrower form added first (k grows to 3 and
        // it no longer counts) and one added between the complete rows.
        NormsCalculator calc;
        calc.addResponse(70, {1, 2});
        calc.addResponse(50, {1, 2, 1});
        calc.addResponse(60, {2, 2, 3});
        calc.addResponse(40, {5, std::nullopt, 1});
        calc.addResponse(65, {4, 5});
        calc.addResponse(80, {3, 4, 3});
        calc.addResponse(90, {4, 4, 5});
        calc.addResponse(75, {});
        const Norms n = calc.norms();
        QCOMPARE(n.n, 8);
        QCOMPARE(n.items, 3);
        QCOMPARE(n.alphaCases, 4);
        QVERIFY(n.alpha.has_value());
        QVERIFY(qAbs(*n.alpha - 42.0 / 45.0) < 1e-12);
        QVERIFY(n.alphaReason.isEmpty());

        NormsCalculator narrow;
        narrow.addResponse(70, {1, 2});
        narrow.addResponse(60, {2, 3});
        narrow.addResponse(50, {1, 2, std::nullopt});
        const Norms m = narrow.norms();
        QCOMPARE(m.items, 3);
        QCOMPARE(m.alphaCases, 0);
        QVERIFY(!m.alpha);
        QCOMPARE(m.alphaReason,
                 QStringLiteral("alpha needs at least 3 complete responses (0 so far)"));
    }

    void alphaExplainsWhyItIsMissing()
    {
        int complete = 0;
        QString reason;
        QVERIFY(!NormsCalculator::cronbachAlpha({{1, 2}, {2, 3}}, &complete, &reason));
        QCOMPARE(reason, QStringLiteral("alpha needs at least 3 complete responses (2 so far)"));
        QVERIFY(!NormsCalculator::cronbachAlpha({{1}, {2}, {3}}, &complete, &reason));
        QCOMPARE(reason, QStringLiteral("alpha needs at least 2 items"));
    }

    void normsSdCeilingAndFloor()
    {
        // Totals 100, 100, 80, 60, 0: mean 68; squared deviations 1024+1024+144+64+4624 = 6880;
        // sample variance 6880/4 = 1720, SD 41.473; 2 of 5 at 100 (ceiling 0.4), 1 at 0 (0.2).
        NormsCalculator calc;
        for (double t : {100.0, 100.0, 80.0, 60.0, 0.0})
            calc.addTotal(t);
        const Norms n = calc.norms();
        QCOMPARE(n.n, 5);
        QCOMPARE(n.mean, 68.0);
        QVERIFY(qAbs(n.sd - std::sqrt(1720.0)) < 1e-9);
        QCOMPARE(n.ceilingRate, 0.4);
        QCOMPARE(n.floorRate, 0.2);
        QVERIFY(!n.alpha);
    }

    void ownMeanRuleUsesTheFixedFloorWithoutClinicData()
    {
        // Earlier 80, 82, 78: mean 80, SD sqrt((0+4+4)/2) = 2; no clinic data and no declared
        // SD, so the floor is the fixed 5 points: SD used 5. Watch line 80 - 5 = 75,
        // rupture line 80 - 10 = 70. 72 is a watch, 69 a rupture.
        const RuptureDetector detector;
        auto f =
            detector.detect(series(Respondent::Child, {80, 82, 78, 72}), QStringLiteral("Mia"));
        auto watch = ofType(f, AlertType::Watch);
        QCOMPARE(watch.size(), 1);
        QCOMPARE(watch[0].sessionIndex, 4);
        QCOMPARE(watch[0].evidence.value("rule").toString(), QStringLiteral("1sd"));
        QCOMPARE(watch[0].evidence.value("ownMean").toDouble(), 80.0);
        QCOMPARE(watch[0].evidence.value("ownSd").toDouble(), 2.0);
        QCOMPARE(watch[0].evidence.value("sd").toDouble(), 5.0);
        QCOMPARE(watch[0].evidence.value("sdFloorSource").toString(), QStringLiteral("fixed"));
        QCOMPARE(watch[0].evidence.value("threshold").toDouble(), 75.0);
        QVERIFY(watch[0].prompt.contains(QStringLiteral("Mia")));
        QVERIFY(ofType(f, AlertType::Rupture).isEmpty());

        f = detector.detect(series(Respondent::Child, {80, 82, 78, 69}), QStringLiteral("Mia"));
        const auto rupture = ofType(f, AlertType::Rupture);
        QCOMPARE(rupture.size(), 1);
        QCOMPARE(rupture[0].evidence.value("threshold").toDouble(), 70.0);
        QCOMPARE(rupture[0].severity, Severity::Concern);
        QVERIFY(ofType(f, AlertType::Watch).isEmpty()); // the stricter alert replaces it
    }

    // The usual level worked out once for a whole series gives, session by session, what
    // asking for each session on its own gives: the episode screen's analysis uses the one
    // walk instead of one walk per session.
    void usualLevelOfEverySessionInOneWalk()
    {
        // 80, 82, 78 (mean 80, SD used 5: the fixed floor), then 60: more than 2 SD below,
        // a rupture, left out of every later usual level; a session without a score; 80, 81.
        MeasureSeries s = series(Respondent::Child, {80, 82, 78, 60, 80, 80, 81});
        s.points[4].score.reset();
        const RuptureDetector detector;
        const OwnHistories histories(detector, s);
        QVERIFY(!histories.at(3).applicable);
        QCOMPARE(histories.at(3).earlierSessions, 2);
        QVERIFY(!histories.at(3).reason.isEmpty());
        QCOMPARE(histories.at(5).leftOut, 1);
        QCOMPARE(histories.at(5).ownMean, 80.0);
        QCOMPARE(histories.at(7).earlierSessions, 4); // 80, 82, 78 and the 80 of session 6
        QCOMPARE(histories.at(8).earlierSessions, 5); // after the last session
        for (int session = 0; session <= 9; ++session) {
            const OwnHistory one = detector.ownHistory(s, session);
            const OwnHistory &walked = histories.at(session);
            QCOMPARE(walked.applicable, one.applicable);
            QCOMPARE(walked.earlierSessions, one.earlierSessions);
            QCOMPARE(walked.leftOut, one.leftOut);
            QCOMPARE(walked.ownMean, one.ownMean);
            QCOMPARE(walked.ownSd, one.ownSd);
            QCOMPARE(walked.pooledSd, one.pooledSd);
            QCOMPARE(walked.sdUsed, one.sdUsed);
            QCOMPARE(walked.reason, one.reason);
        }
    }

    void ownMeanRuleFloorFromClinicSd()
    {
        // Clinic SD 12 with 40 responses: floor 0.5 * 12 = 6 > own SD 2. Rupture line
        // 80 - 12 = 68, so 69 is only a watch (line 74).
        ReferenceFigures fig;
        fig.clinic = clinicNorms(40, 12, 0.85);
        const auto f =
            RuptureDetector().detect(series(Respondent::Child, {80, 82, 78, 69}, fig), {});
        QCOMPARE(ofType(f, AlertType::Rupture).size(), 0);
        QCOMPARE(ofType(f, AlertType::Watch).size(), 1);
        QCOMPARE(ofType(f, AlertType::Watch)[0].evidence.value("sdFloorSource").toString(),
                 QStringLiteral("clinic"));
    }

    void ownMeanRulePoolsOwnSdWithThePrior()
    {
        // Earlier 60, 80, 100: mean 80, own SD 20 (df 2). No clinic data: the prior is the
        // fixed floor 5 with priorDf 4. Pooled SD = sqrt((2 * 400 + 4 * 25) / 6) = sqrt(150)
        // = 12.247 > floor 5. Watch line 80 - 12.247 = 67.75, rupture line 55.51: 60 is a
        // watch, 45 a rupture (with the own SD 20 alone 45 would only have been a watch).
        auto f = RuptureDetector().detect(series(Respondent::Physio, {60, 80, 100, 60}), {});
        QCOMPARE(ofType(f, AlertType::Watch).size(), 1);
        const QJsonObject ev = ofType(f, AlertType::Watch)[0].evidence;
        QVERIFY(qAbs(ev.value("sd").toDouble() - std::sqrt(150.0)) < 1e-9);
        QVERIFY(qAbs(ev.value("pooledSd").toDouble() - std::sqrt(150.0)) < 1e-9);
        QCOMPARE(ev.value("ownSd").toDouble(), 20.0);
        QCOMPARE(ev.value("priorSd").toDouble(), 5.0);
        QCOMPARE(ev.value("priorSource").toString(), QStringLiteral("fixed"));
        QCOMPARE(ev.value("priorDf").toDouble(), 4.0);

        f = RuptureDetector().detect(series(Respondent::Physio, {60, 80, 100, 45}), {});
        QCOMPARE(ofType(f, AlertType::Rupture).size(), 1);
    }

    void ownMeanRulePriorFromClinicWithinSd()
    {
        // Clinic: 40 responses, SD 12, within-person SD 7 over 30 df -> the prior is 7.
        // Earlier 70, 80, 90, 80: mean 80, own variance 200 / 3 (df 3). Pooled SD =
        // sqrt((200 + 4 * 49) / 7) = sqrt(56.571) = 7.521 > floor 6: rupture line
        // 80 - 15.043 = 64.96, so 64 is a rupture (own SD 8.165 alone: line 63.67, a watch).
        ReferenceFigures fig;
        fig.clinic = clinicNorms(40, 12, 0.85);
        fig.clinic->withinSd = 7;
        fig.clinic->withinDf = 30;
        auto f =
            RuptureDetector().detect(series(Respondent::Parent, {70, 80, 90, 80, 64}, fig), {});
        const auto rupture = ofType(f, AlertType::Rupture);
        QCOMPARE(rupture.size(), 1);
        QCOMPARE(rupture[0].evidence.value("priorSource").toString(), QStringLiteral("clinic"));
        QCOMPARE(rupture[0].evidence.value("priorSd").toDouble(), 7.0);
        QVERIFY(qAbs(rupture[0].evidence.value("sd").toDouble() - std::sqrt(396.0 / 7)) < 1e-9);

        // Too few within-episode df (19 < 20): the prior falls back to the floor 0.5 * 12 = 6,
        // pooled sqrt((200 + 4 * 36) / 7) = 7.010.
        fig.clinic->withinDf = 19;
        f = RuptureDetector().detect(series(Respondent::Parent, {70, 80, 90, 80, 64}, fig), {});
        const auto fallback = ofType(f, AlertType::Rupture);
        QCOMPARE(fallback.size(), 1);
        QCOMPARE(fallback[0].evidence.value("priorSd").toDouble(), 6.0);
        QVERIFY(qAbs(fallback[0].evidence.value("sd").toDouble() - std::sqrt(344.0 / 7)) < 1e-9);
    }

    void normsWithinPersonSd()
    {
        // Episode 1: 70, 80, 90 (mean 80, squares 200, df 2); episode 2: 50, 60 (mean 55,
        // squares 50, df 1); episode 3: 40 alone (df 0); one total without an episode.
        // Within SD = sqrt(250 / 3) = 9.129; the overall SD uses all 7 totals.
        NormsCalculator calc;
        for (double t : {70.0, 80.0, 90.0})
            calc.addTotal(t, 1);
        calc.addTotal(50, 2);
        calc.addTotal(60, 2);
        calc.addTotal(40, 3);
        calc.addTotal(75);
        const Norms n = calc.norms();
        QCOMPARE(n.n, 7);
        QCOMPARE(n.withinDf, 3);
        QVERIFY(qAbs(n.withinSd - std::sqrt(250.0 / 3)) < 1e-9);
    }

    void ownMeanRuleNeedsThreeEarlierSessions()
    {
        const auto f = RuptureDetector().detect(series(Respondent::Child, {90, 91, 20}), {});
        QVERIFY(ofType(f, AlertType::Rupture).isEmpty());
        bool noted = false;
        for (const auto &n : f.notes)
            if (n.rule == QLatin1String("own-mean")) {
                QCOMPARE(n.reason,
                         QStringLiteral("needs at least 3 earlier sessions with a score (has 2)"));
                noted = true;
            }
        QVERIFY(noted);
    }

    void reliableDropWithClinicFigures()
    {
        // Clinic: n 40, SD 10, alpha 0.8. Threshold 1.96 * 10 * sqrt(2 * 0.2) = 12.396.
        // 80 -> 67 (change -13) is reliable; 80 -> 68 (-12) is not.
        ReferenceFigures fig;
        fig.clinic = clinicNorms(40, 10, 0.8);
        auto f = RuptureDetector().detect(series(Respondent::Parent, {80, 67}, fig), {});
        const auto drops = ofType(f, AlertType::ReliableDrop);
        QCOMPARE(drops.size(), 1);
        QVERIFY(qAbs(drops[0].evidence.value("threshold").toDouble() - 12.396) < 1e-3);
        QCOMPARE(drops[0].evidence.value("rcSource").toString(), QStringLiteral("clinic"));
        QCOMPARE(drops[0].evidence.value("change").toDouble(), -13.0);
        QCOMPARE(f.statuses.last().state, SessionState::Rupture);

        f = RuptureDetector().detect(series(Respondent::Parent, {80, 68}, fig), {});
        QVERIFY(ofType(f, AlertType::ReliableDrop).isEmpty());
    }

    void reliableDropFallsBackToDeclaredFigures()
    {
        // Only 12 clinic responses: the form's SD 15 and reliability 0.9 are used.
        // Threshold 1.96 * 15 * sqrt(0.2) = 13.148.
        ReferenceFigures fig;
        fig.clinic = clinicNorms(12, 10, 0.8);
        fig.declared.sd = 15;
        fig.declared.reliability = 0.9;
        const auto basis = reliableChangeBasis(fig, RuptureRules{});
        QCOMPARE(basis.source, FigureSource::Declared);
        QVERIFY(qAbs(basis.threshold - 13.148) < 1e-3);
    }

    // Which reliability the reliable-change rule uses (issue 8 / 13): the clinic's test-retest
    // r once it has 10 session pairs, else the form's declared figure, else alpha.
    void reliableChangeUsesTestRetestOnceTheClinicHasEnoughPairs()
    {
        // Clinic: n 40, SD 10, alpha 0.8, test-retest 0.6 over 10 pairs. Threshold
        // 1.96 * 10 * sqrt(2 * 0.4) = 17.531: 80 -> 67 (-13) is no longer reliable (it was
        // with alpha, 12.396), 80 -> 62 (-18) is.
        ReferenceFigures fig;
        fig.clinic = clinicNorms(40, 10, 0.8);
        fig.clinic->retest = 0.6;
        fig.clinic->retestPairs = 10;
        auto basis = reliableChangeBasis(fig, RuptureRules{});
        QCOMPARE(basis.source, FigureSource::ClinicRetest);
        QVERIFY(qAbs(basis.threshold - 17.531) < 1e-3);
        QVERIFY(ofType(RuptureDetector().detect(series(Respondent::Parent, {80, 67}, fig), {}),
                       AlertType::ReliableDrop)
                    .isEmpty());
        const auto drops =
            ofType(RuptureDetector().detect(series(Respondent::Parent, {80, 62}, fig), {}),
                   AlertType::ReliableDrop);
        QCOMPARE(drops.size(), 1);
        QCOMPARE(drops[0].evidence.value("rcSource").toString(), QStringLiteral("clinic-retest"));
        QCOMPARE(drops[0].evidence.value("rcReliabilityKind").toString(),
                 QStringLiteral("test-retest"));
        QCOMPARE(drops[0].evidence.value("rcPairs").toInt(), 10);

        // 9 pairs: the form's declared reliability 0.9 with the clinic's SD:
        // 1.96 * 10 * sqrt(0.2) = 8.765.
        fig.clinic->retestPairs = 9;
        fig.declared.reliability = 0.9;
        basis = reliableChangeBasis(fig, RuptureRules{});
        QCOMPARE(basis.source, FigureSource::Declared);
        QVERIFY(qAbs(basis.threshold - 8.765) < 1e-3);
        QCOMPARE(basis.reliabilityKind(), QStringLiteral("declared"));
        // Nothing declared either: alpha, as before (12.396).
        fig.declared.reliability.reset();
        basis = reliableChangeBasis(fig, RuptureRules{});
        QCOMPARE(basis.source, FigureSource::Clinic);
        QCOMPARE(basis.reliabilityKind(), QStringLiteral("alpha"));
        QVERIFY(qAbs(basis.threshold - 12.396) < 1e-3);
    }

    // Test-retest pairs: consecutive sessions of one episode, dated ones at most 14 days
    // apart. Episode 1 (days 0, 7, 30: 60, 70, 80) gives (60, 70) only; episode 2 (days 0,
    // 7, 14: 50, 55, 65) gives (50, 55) and (55, 65); episode 3, undated (90, 85, 95), gives
    // (90, 85) and (85, 95). r over the 5 pairs = 1090 / sqrt(1330 * 1020) = 0.9358.
    void testRetestPairsByHand()
    {
        NormsCalculator calc;
        calc.addTotal(60, 1, 0);
        calc.addTotal(80, 1, 30); // added out of order: sorted by day
        calc.addTotal(70, 1, 7);
        calc.addTotal(50, 2, 0);
        calc.addTotal(55, 2, 7);
        calc.addTotal(65, 2, 14);
        calc.addTotal(90, 3);
        calc.addTotal(85, 3);
        calc.addTotal(95, 3);
        const Norms n = calc.norms();
        QCOMPARE(n.retestPairs, 5);
        QVERIFY(n.retest && qAbs(*n.retest - 1090.0 / std::sqrt(1330.0 * 1020.0)) < 1e-12);
    }

    void reliableDropSaysWhyItCannotApply()
    {
        ReferenceFigures fig;
        fig.clinic = clinicNorms(12, 10, 0.8);
        const auto f = RuptureDetector().detect(series(Respondent::Child, {80, 40}, fig), {});
        QVERIFY(ofType(f, AlertType::ReliableDrop).isEmpty());
        QString reason;
        for (const auto &n : f.notes)
            if (n.rule == QLatin1String("reliable-change"))
                reason = n.reason;
        QCOMPARE(reason, QStringLiteral("not enough of the clinic's own data yet (12 of 30 "
                                        "responses) and the form declares no reliability"));
    }

    void belowCutoff()
    {
        ReferenceFigures fig;
        fig.declared.cutoff = 60;
        const auto f = RuptureDetector().detect(series(Respondent::Child, {60, 55}, fig), {});
        const auto below = ofType(f, AlertType::BelowCutoff);
        QCOMPARE(below.size(), 1); // 60 is not below 60
        QCOMPARE(below[0].sessionIndex, 2);
        QCOMPARE(below[0].evidence.value("cutoff").toDouble(), 60.0);
    }

    void repairVShape()
    {
        // Earlier 80, 82, 78, 80: mean 80, SD 1.63 -> floor 5. Session 5 = 60 < 70: rupture.
        // Repair level 80 - 5 = 75; session 6 = 79 -> repaired there.
        const auto f =
            RuptureDetector().detect(series(Respondent::Child, {80, 82, 78, 80, 60, 79}), {});
        QCOMPARE(f.repairs.size(), 1);
        QCOMPARE(f.repairs[0].ruptureSession, 5);
        QCOMPARE(f.repairs[0].state, RepairState::Repaired);
        QCOMPARE(*f.repairs[0].repairedSession, 6);
        QCOMPARE(f.statuses[4].state, SessionState::Rupture);
        QCOMPARE(f.statuses[5].state, SessionState::Repaired);
    }

    void noRepairWithinTwoSessionsAndPending()
    {
        auto f =
            RuptureDetector().detect(series(Respondent::Child, {80, 82, 78, 80, 60, 62, 63}), {});
        QCOMPARE(f.repairs[0].state, RepairState::NotRepaired);
        f = RuptureDetector().detect(series(Respondent::Child, {80, 82, 78, 80, 60, 62}), {});
        QCOMPARE(f.repairs[0].state, RepairState::Pending);
    }

    void decliningTrendMonotone()
    {
        // 80, 77, 74, 71: OLS slope -3 per session <= -2.5 and every step down.
        const auto f = TrendDetector().detect(series(Respondent::Child, {80, 77, 74, 71}), {});
        QCOMPARE(f.alerts.size(), 1);
        QCOMPARE(f.alerts[0].type, AlertType::DecliningTrend);
        QCOMPARE(f.alerts[0].sessionIndex, 4);
        QCOMPARE(f.alerts[0].evidence.value("slope").toDouble(), -3.0);
    }

    void decliningTrendNeedsAReliableFall()
    {
        // 80, 74, 72, 66: x deviations -1.5,-.5,.5,1.5; y deviations 7,1,-1,-7; Sxy = -22,
        // Sxx = 5 -> slope -4.4. Fall 14 >= 12.396 (clinic SD 10, alpha .8: 1.96 * 10 *
        // sqrt(2 * .2)), spread over the steps (6, 2, 6; none above 60 % of 14) -> declining.
        // 80, 76, 73, 70: slope -3.3 but a fall of 10 < 12.396 -> not a trend.
        ReferenceFigures fig;
        fig.clinic = clinicNorms(40, 10, 0.8);
        auto f = TrendDetector().detect(series(Respondent::Child, {80, 74, 72, 66}, fig), {});
        QCOMPARE(f.alerts.size(), 1);
        QVERIFY(qAbs(f.alerts[0].evidence.value("slope").toDouble() + 4.4) < 1e-9);
        f = TrendDetector().detect(series(Respondent::Child, {80, 76, 73, 70}, fig), {});
        QVERIFY(f.alerts.isEmpty());
    }

    void trendAlertsOncePerRun()
    {
        const auto f =
            TrendDetector().detect(series(Respondent::Child, {90, 87, 84, 81, 78, 75}), {});
        QCOMPARE(f.alerts.size(), 1);
    }

    void stableSeriesRaisesNothing()
    {
        EpisodeInput in;
        in.childFirstName = QStringLiteral("Mia");
        in.series = {series(Respondent::Child, {80, 81, 79, 80, 82, 80, 79})};
        const auto analysis = EpisodeAnalyzer().analyze(in);
        QVERIFY(analysis.alerts.isEmpty());
        QCOMPARE(analysis.stateAt(Respondent::Child, QStringLiteral("total"), 7),
                 SessionState::Stable);
    }
};

QTEST_GUILESS_MAIN(TestAllianceRules)
#include "tst_alliance_rules.moc"
