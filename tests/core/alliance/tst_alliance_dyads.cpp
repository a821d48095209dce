// Dyad gaps, child-falls-adults-high, response quality flags, actions and the analyzer's
// determinism, with the arithmetic in the comments.
#include "seriesbuilder.h"

#include "core/alliance/action.h"
#include "core/alliance/discrepancydetector.h"
#include "core/alliance/episodeanalyzer.h"
#include "core/alliance/prompts.h"
#include "core/alliance/responsequality.h"

#include <QJsonDocument>
#include <QtTest>

using namespace triad;
using namespace triad::testing;

namespace {
// SD 10, alpha .8 for both members: SEM = 10 * sqrt(.2) = 4.4721 each; threshold
// 1.96 * sqrt(2) * sqrt(20 + 20) = 17.531.
ReferenceFigures clinicFigures()
{
    ReferenceFigures f;
    f.clinic = clinicNorms(40, 10, 0.8);
    return f;
}

QVector<Alert> ofType(const QVector<Alert> &alerts, AlertType t)
{
    QVector<Alert> out;
    for (const auto &a : alerts)
        if (a.type == t)
            out.append(a);
    return out;
}
} // namespace

class TestAllianceDyads : public QObject
{
    Q_OBJECT
private slots:
    void gapComparedWithTheDyadsUsualGap()
    {
        // Child 85, 86, 84, 55 vs physio 75, 76, 74, 80: gaps 10, 10, 10, -25. At session 4
        // the usual gap is 10 (3 earlier sessions), departure -35. Each member's SD is the
        // floor 5 (0.5 x clinic SD 10; own SDs 1 pooled with it: sqrt((2 + 4 * 25) / 6) =
        // 4.12), so the departure's SD is sqrt(25 + 25) * sqrt(1 + 1/3) = 8.165 and the
        // one-session line 3 x 8.165 = 24.495: -35 is beyond it and the gap is wider than
        // usual (25 >= 10), the child lower: a card. Sessions 1-2 have no usual gap yet.
        const auto child = series(Respondent::Child, {85, 86, 84, 55}, clinicFigures());
        const auto physio = series(Respondent::Physio, {75, 76, 74, 80}, clinicFigures());
        const auto f =
            DiscrepancyDetector().detect(&child, nullptr, &physio, {}, QStringLiteral("Mia"));
        const auto alerts = ofType(f.alerts, AlertType::Discrepancy);
        QCOMPARE(alerts.size(), 1);
        const Alert &a = alerts[0];
        QCOMPARE(a.sessionIndex, 4);
        QCOMPARE(*a.dyad, Dyad::ChildPhysio);
        QCOMPARE(a.evidence.value("usualGap").toDouble(), 10.0);
        QCOMPARE(a.evidence.value("usualGapSource").toString(), QStringLiteral("episode"));
        QCOMPARE(a.evidence.value("departure").toDouble(), -35.0);
        QVERIFY(qAbs(a.evidence.value("threshold").toDouble() - 24.495) < 1e-3);
        QVERIFY(a.prompt.contains(QStringLiteral("Mia")));
    }

    void smallDepartureIsNoDiscrepancy()
    {
        // Gap -5 against a usual 10: departure -15 < 17.531.
        const auto child = series(Respondent::Child, {85, 86, 84, 75}, clinicFigures());
        const auto physio = series(Respondent::Physio, {75, 76, 74, 80}, clinicFigures());
        const auto f = DiscrepancyDetector().detect(&child, nullptr, &physio, {}, {});
        QVERIFY(ofType(f.alerts, AlertType::Discrepancy).isEmpty());
    }

    void noUsualGapAtTheFirstSession()
    {
        // First session: child 90, physio 60, gap 30. The clinic's usual child-physio gap for
        // this age band is 5, but "than usual" needs this family's own usual: no card, and
        // the rule says why it could not apply.
        const auto child = series(Respondent::Child, {90}, clinicFigures());
        const auto physio = series(Respondent::Physio, {60}, clinicFigures());
        const QVector<DyadGapNorm> gaps = {{Dyad::ChildPhysio, QStringLiteral("total"), 5, 200}};
        const auto f = DiscrepancyDetector().detect(&child, nullptr, &physio, gaps, {});
        QVERIFY(f.alerts.isEmpty());
        QCOMPARE(f.notes.size(), 1);
        QCOMPARE(f.notes[0].rule, QStringLiteral("dyad-gap"));
        QCOMPARE(f.notes[0].reason,
                 QStringLiteral("needs 2 earlier sessions where both answered (has 0)"));
    }

    void childFallsWhileAdultsStayHigh()
    {
        // Child 85, 86, 84, 60: own SD of earlier sessions 1, floor 5 -> falls by 24 >= 5.
        // Parent 90, 90, 92, 91 and physio 80, 82, 81, 82 stay >= 70 and do not fall.
        const auto child = series(Respondent::Child, {85, 86, 84, 60});
        const auto parent = series(Respondent::Parent, {90, 90, 92, 91});
        auto physio = series(Respondent::Physio, {80, 82, 81, 82});
        auto f = DiscrepancyDetector().detect(&child, &parent, &physio, {}, QStringLiteral("Mia"));
        auto risky = ofType(f.alerts, AlertType::ChildFallsAdultsHigh);
        QCOMPARE(risky.size(), 1);
        QCOMPARE(risky[0].sessionIndex, 4);
        QCOMPARE(risky[0].typeId(), QStringLiteral("child-falls-adults-high"));
        QCOMPARE(risky[0].prompt,
                 QStringLiteral("Mia's score dropped since last time while yours and the "
                                "parent's stayed high: ask Mia what felt different, in a way Mia "
                                "can answer freely."));

        // The physio's own rating is below "high" (70): not this pattern.
        physio = series(Respondent::Physio, {80, 82, 81, 65});
        f = DiscrepancyDetector().detect(&child, &parent, &physio, {}, {});
        QVERIFY(ofType(f.alerts, AlertType::ChildFallsAdultsHigh).isEmpty());
    }

    void qualityFlags()
    {
        const RuptureRules rules;
        ResponseQualityInput r;
        r.respondent = Respondent::Child;
        r.sessionIndex = 3;
        r.answerPositions = {50, 50, 50, 50};
        auto flags = responseQualityFlags(r, rules, QStringLiteral("Mia"));
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags[0].type, AlertType::QualityStraightLine);
        QCOMPARE(flags[0].severity, Severity::Info);

        // Every answer at the top: all-maximum replaces straight-lining.
        r.answerPositions = {100, 100, 100};
        flags = responseQualityFlags(r, rules, QStringLiteral("Mia"));
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags[0].typeId(), QStringLiteral("quality-all-maximum"));

        // A reverse-keyed item answered at the bottom is still "all at the maximum" once keyed.
        r.answerPositions = {100, 0, 100};
        r.keyedValues = {100, 100, 100};
        flags = responseQualityFlags(r, rules, {});
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags[0].type, AlertType::QualityAllMaximum);

        // 4 answers in 4 s: 1.0 s per item < 1.5 s.
        r.answerPositions = {25, 75, 50, 100};
        r.keyedValues.clear();
        r.durationSeconds = 4;
        flags = responseQualityFlags(r, rules, QStringLiteral("Mia"));
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags[0].type, AlertType::QualityTooFast);
        QCOMPARE(flags[0].evidence.value("secondsPerItem").toDouble(), 1.0);
        QVERIFY(flags[0].prompt.contains(QStringLiteral("1.0 seconds per question")));

        // Two identical answers are too few to call a pattern.
        r.answerPositions = {50, 50};
        r.durationSeconds.reset();
        QVERIFY(responseQualityFlags(r, rules, {}).isEmpty());
    }

    void actionFollowedByRepair()
    {
        // Rupture at session 5 (60 below 80 - 2 * 5); "talked about goals" logged at 5;
        // session 6 = 79 >= 80 - 5: repaired.
        const auto s = series(Respondent::Child, {80, 82, 78, 80, 60, 79});
        EpisodeInput in;
        in.childFirstName = QStringLiteral("Mia");
        in.series = {s};
        const auto analysis = EpisodeAnalyzer().analyze(in);
        const auto ruptures = ofType(analysis.alerts, AlertType::Rupture);
        QCOMPARE(ruptures.size(), 1);

        AcknowledgedAlert ack{ruptures[0], ActionKind::TalkedAboutGoals, 5};
        auto follow = followUpAfterAction(ack, s, RuptureRules{}, QStringLiteral("Mia"));
        QCOMPARE(follow.state, RepairState::Repaired);
        QCOMPARE(*follow.repairedSession, 6);
        QCOMPARE(follow.summary, QStringLiteral("After \"Talked about goals\", Mia's score "
                                                "returned to the usual level (session 6)."));

        // Before any later session it is too early to tell.
        const auto early = series(Respondent::Child, {80, 82, 78, 80, 60});
        follow = followUpAfterAction(ack, early, RuptureRules{}, QStringLiteral("Mia"));
        QCOMPARE(follow.state, RepairState::Pending);
        QVERIFY(follow.summary.startsWith(QStringLiteral("Too early to tell")));
    }

    void actionKindsHaveIdsAndLabels()
    {
        for (ActionKind k : allActionKinds()) {
            QCOMPARE(actionKindFromId(actionKindId(k)), k);
            QVERIFY(!actionKindLabel(k).isEmpty());
        }
        QCOMPARE(actionKindId(ActionKind::ExplainedPlanTimeline),
                 QStringLiteral("explained-plan-timeline"));
        QVERIFY(!actionKindFromId(QStringLiteral("shouted")));
    }

    void alertTypeIdsAreStable()
    {
        for (AlertType t : allAlertTypes())
            QCOMPARE(alertTypeFromId(alertTypeId(t)), t);
        QCOMPARE(alertTypeId(AlertType::ReliableDrop), QStringLiteral("reliable-drop"));
    }

    void promptWithoutANameSaysTheChild()
    {
        QCOMPARE(alertPrompt(AlertType::Watch, Respondent::Child, std::nullopt, QString()),
                 QStringLiteral("the child's score is a little lower than usual today: check "
                                "in briefly about how physio feels."));
    }

    void analyzerIsDeterministicWhateverTheInputOrder()
    {
        EpisodeInput in;
        in.childFirstName = QStringLiteral("Mia");
        in.series = {series(Respondent::Child, {85, 86, 84, 60}, clinicFigures()),
                     series(Respondent::Parent, {90, 90, 92, 91}, clinicFigures()),
                     series(Respondent::Physio, {80, 82, 81, 82}, clinicFigures())};
        const auto a = EpisodeAnalyzer().analyze(in);
        std::reverse(in.series.begin(), in.series.end());
        const auto b = EpisodeAnalyzer().analyze(in);
        QCOMPARE(QJsonDocument(a.toJson()).toJson(), QJsonDocument(b.toJson()).toJson());
        // Session 4: the child's rupture (24 below a mean of 85 with SD floor 5), reliable drop
        // (-24 <= -12.396), discrepancies and the risky pattern are all found ...
        QStringList types;
        for (const auto &alert : a.findings)
            if (alert.sessionIndex == 4)
                types << alert.typeId();
        QVERIFY(types.contains(QStringLiteral("rupture")));
        QVERIFY(types.contains(QStringLiteral("reliable-drop")));
        QVERIFY(types.contains(QStringLiteral("child-falls-adults-high")));
        QVERIFY(types.contains(QStringLiteral("discrepancy")));
        QCOMPARE(a.stateAt(Respondent::Child, QStringLiteral("total"), 4), SessionState::Rupture);
        // ... and make ONE card for the child (the strongest finding, act today), one per
        // widened dyad (child-physio: gaps 5, 4, 3, -22; child-parent: -5, -4, -8, -31).
        int childCards = 0;
        for (const auto &card : a.alertsAt(4)) {
            if (card.dyad)
                continue;
            ++childCards;
            QCOMPARE(card.type, AlertType::ChildFallsAdultsHigh);
            QCOMPARE(card.severity, Severity::Concern);
        }
        QCOMPARE(childCards, 1);
    }
};

QTEST_GUILESS_MAIN(TestAllianceDyads)
#include "tst_alliance_dyads.moc"
