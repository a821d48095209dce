// The rupture rules against synthetic episodes with planted ruptures (fixed seeds).
#include "core/alliance/simulationreport.h"

#include <QJsonDocument>
#include <QtTest>

using namespace triad;

namespace {
RuleRates rule(const SimulationReport &r, const QString &id)
{
    for (const auto &x : r.rules)
        if (x.rule == id)
            return x;
    return RuleRates{};
}

void add(RuleRates &sum, const RuleRates &x)
{
    sum.planted += x.planted;
    sum.detected += x.detected;
    sum.stableSessions += x.stableSessions;
    sum.falseAlarms += x.falseAlarms;
}
} // namespace

class TestAllianceSimulation : public QObject
{
    Q_OBJECT
private slots:
    void rupturesMeetTheIssuesTargets()
    {
        // Ten simulated clinics (seeds 1-10, each its own 150-episode history and so its own
        // SDs) of 400 episodes. One definition throughout: the `rupture` alert as the
        // analyzer raises it, which is also what `triad-cli simulate --json` reports as
        // sensitivity / false_alarm_rate. Sensitivity differs between clinics (about 86-95%
        // per clinic, docs/ALLIANCE.md), so the targets are checked over all ten.
        RuleRates rupture, lenient;
        int vShapesDetected = 0, vShapesRepaired = 0;
        for (quint32 seed = 1; seed <= 10; ++seed) {
            SimulationSettings s;
            s.episodes = 400;
            s.seed = seed;
            const SimulationReport r = simulateAndEvaluate(s);
            QVERIFY2(r.planted > 150, qPrintable(QString::number(r.planted)));
            QCOMPARE(r.rupture.rule, QStringLiteral("2sd"));
            const QJsonObject json = r.toJson();
            QCOMPARE(json.value("sensitivity").toDouble(), r.rupture.sensitivity());
            QCOMPARE(json.value("false_alarm_rate").toDouble(), r.rupture.falseAlarmRate());
            add(rupture, r.rupture);
            add(lenient, rule(r, QStringLiteral("1sd")));
            vShapesDetected += r.vShapesDetected;
            vShapesRepaired += r.vShapesRepaired;
            // The simulated clinic has ceiling effects: parents at the maximum most often.
            QVERIFY(r.clinic[size_t(Respondent::Parent)].ceilingRate >
                    r.clinic[size_t(Respondent::Physio)].ceilingRate);
        }
        const QString figures = QStringLiteral("sensitivity %1 (%2/%3), false alarms %4 (%5/%6)")
                                    .arg(rupture.sensitivity())
                                    .arg(rupture.detected)
                                    .arg(rupture.planted)
                                    .arg(rupture.falseAlarmRate())
                                    .arg(rupture.falseAlarms)
                                    .arg(rupture.stableSessions);
        // Planted 2-SD drops after >= 4 sessions: the rupture alert at least 90% of the time;
        // stable sessions: the rupture alert in at most 5%.
        QVERIFY2(rupture.sensitivity() >= 0.90, qPrintable(figures));
        QVERIFY2(rupture.falseAlarmRate() <= 0.05, qPrintable(figures));
        // The lenient 1-SD "watch" catches nearly every planted drop.
        QVERIFY(lenient.sensitivity() >= 0.95);
        // Most V-shaped ruptures are seen to repair.
        QVERIFY(vShapesRepaired * 10 >= vShapesDetected * 6);
    }

    void cardStreamMeetsTheIssuesTargets()
    {
        // Issue 8's targets, exactly as `triad-cli simulate --episodes 2000 --seed S --json`
        // reports them in "stream" for seeds 1, 2, 3 (about 1 s per seed): every card a
        // physio would see per stable session <= 0.15, act-today cards <= 0.10, no card on
        // converging raters, the planted rupture found >= 90 %, each other event >= 80 %.
        for (quint32 seed = 1; seed <= 3; ++seed) {
            SimulationSettings s;
            s.episodes = 2000;
            s.seed = seed;
            const StreamReport r = simulateStream(s);
            const QString figures =
                QStringLiteral("seed %1: %2")
                    .arg(seed)
                    .arg(QString::fromUtf8(
                        QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)));
            QVERIFY2(r.stableSessions > 9000, qPrintable(figures));
            QVERIFY2(r.cardsPerStableSession() <= 0.15, qPrintable(figures));
            QVERIFY2(r.concernPerStableSession() <= 0.10, qPrintable(figures));
            QVERIFY2(r.convergenceCards == 0, qPrintable(figures));
            for (int k = 0; k < 4; ++k) {
                const EventRates &e = r.events[size_t(k)];
                QVERIFY2(e.planted > 150, qPrintable(figures));
                const double target =
                    PlantedEventKind(k) == PlantedEventKind::Rupture ? 0.90 : 0.80;
                QVERIFY2(e.sensitivity() >= target, qPrintable(figures));
            }
        }
    }

    void sameSeedSameReport()
    {
        SimulationSettings s;
        s.episodes = 50;
        s.seed = 5;
        QCOMPARE(QJsonDocument(simulateAndEvaluate(s).toJson()).toJson(),
                 QJsonDocument(simulateAndEvaluate(s).toJson()).toJson());
    }

    void stableEpisodesOnly()
    {
        SimulationSettings s;
        s.episodes = 200;
        s.seed = 21;
        s.plantedShare = 0;
        const SimulationReport r = simulateAndEvaluate(s);
        QCOMPARE(r.planted, 0);
        QVERIFY(r.rupture.stableSessions > 1000);
        QVERIFY(r.rupture.falseAlarmRate() <= 0.05);
    }
};

QTEST_GUILESS_MAIN(TestAllianceSimulation)
#include "tst_alliance_simulation.moc"
