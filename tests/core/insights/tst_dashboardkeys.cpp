// The dashboard names episodes, sessions and physios by stable keys (schema v5 `seq`), not by
// rowid: SQLite may renumber the rowids of uuid-keyed tables in a VACUUM (run after every
// patient erasure) or a VACUUM INTO copy. Here a clinic's rowids are made to diverge on
// purpose (an erasure of the earliest rows, VACUUM, then every rowid renumbered as such a copy
// may do) and the dashboard's figures per physio and per episode must stay what they were and
// equal a direct count by uuid; rows added afterwards must land on the right physio too.

#include "core/insights/dashboardquery.h"

#include "../store/storetestbed.h"

#include "core/store/roundskiprepository.h"

#include <QSqlQuery>
#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

namespace {

// Per physio uuid: "completed/episodes/sessions/parent declined/child skipped"; per episode
// uuid: the number of counted outcomes.
struct Figures
{
    QMap<QString, QString> physios;
    QMap<QString, int> episodes;
};

QVariant scalar(Database &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q = db.query();
    if (!q.prepare(sql))
        return {};
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

std::optional<Figures> dashboardFigures(Database &db, const InstrumentLibrary &library)
{
    insights::DashboardQuery query(db, library);
    const auto data = query.load(QDate(2025, 1, 1));
    if (!data)
        return std::nullopt;
    Figures f;
    const Dashboard d = aggregateDashboard(data->records, data->alerts, {}, 1);
    for (const PhysioFigures &p : d.physios)
        f.physios.insert(data->codes.physioStaffIds.value(p.physioId),
                         QStringLiteral("%1/%2/%3/%4/%5")
                             .arg(p.responses)
                             .arg(p.episodes)
                             .arg(p.sessions)
                             .arg(p.byRespondent[int(Respondent::Parent)].declined)
                             .arg(p.byRespondent[int(Respondent::Child)].skipped));
    for (const triad::ResponseRecord &r : data->records)
        ++f.episodes[scalar(db, QStringLiteral("SELECT id FROM episode WHERE seq = ?"),
                            {r.episodeId})
                         .toString()];
    return f;
}

// The same figures counted straight from the source rows, joined by uuid only.
Figures countedByUuid(Database &db)
{
    const QString outcomes = QStringLiteral(
        "(SELECT r.session_id, r.respondent, r.status FROM response r WHERE r.status <> 'draft' "
        "UNION ALL SELECT k.session_id, k.respondent, 'skipped' FROM round_skip k) o "
        "JOIN session s ON s.id = o.session_id JOIN episode e ON e.id = s.episode_id");
    Figures f;
    QSqlQuery q = db.query();
    q.exec(QStringLiteral("SELECT e.physio_id, sum(o.status = 'complete'), count(DISTINCT e.id), "
                          "count(DISTINCT s.id), sum(o.status = 'declined' AND o.respondent = "
                          "'parent'), sum(o.status = 'skipped' AND o.respondent = 'child') "
                          "FROM %1 GROUP BY e.physio_id")
               .arg(outcomes));
    while (q.next())
        f.physios.insert(q.value(0).toString(), QStringLiteral("%1/%2/%3/%4/%5")
                                                    .arg(q.value(1).toInt())
                                                    .arg(q.value(2).toInt())
                                                    .arg(q.value(3).toInt())
                                                    .arg(q.value(4).toInt())
                                                    .arg(q.value(5).toInt()));
    q.exec(QStringLiteral("SELECT e.id, count(*) FROM %1 GROUP BY e.id").arg(outcomes));
    while (q.next())
        f.episodes.insert(q.value(0).toString(), q.value(1).toInt());
    return f;
}

Answers keyedAnswers(const Instrument &instrument, int v)
{
    Answers a;
    for (const Item &item : instrument.items)
        if (!item.subscaleId.isEmpty())
            a.set(item.id, item.reverse ? 6 - v : v);
    return a;
}

} // namespace

class TestDashboardKeys : public QObject
{
    Q_OBJECT

private:
    InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);

    // `sessions` weekly sessions from `first`: parent and physio complete, except that the
    // parent declines in the last one and the child is absent in every second one.
    bool treat(TestBed &bed, const QString &episodeId, const QString &physioId, QDate first,
               int sessions)
    {
        const Instrument *parent = library.find(QStringLiteral("triad-parent"));
        const Instrument *physio = library.find(QStringLiteral("triad-physio"));
        RoundSkipRepository skips(bed.db, bed.audit);
        for (int k = 0; k < sessions; ++k) {
            const auto s = bed.sessions.create(episodeId, physioId, first.addDays(7 * k));
            if (!s)
                return false;
            const auto p =
                bed.responses.startDraft(s->id, Respondent::Parent, *parent, QStringLiteral("en"));
            const auto t =
                bed.responses.startDraft(s->id, Respondent::Physio, *physio, QStringLiteral("en"));
            if (!p || !t || !bed.responses.complete(t->id, *physio, keyedAnswers(*physio, 4)))
                return false;
            if (!(k == sessions - 1
                      ? bed.responses.decline(p->id, QStringLiteral("no-time"))
                      : bool(bed.responses.complete(p->id, *parent, keyedAnswers(*parent, 5)))))
                return false;
            if (k % 2 == 1 && !skips.skip(s->id, Respondent::Child, QStringLiteral("absent")))
                return false;
        }
        return true;
    }

    std::optional<Episode> newEpisode(TestBed &bed, const QString &child, const QString &physioId)
    {
        const auto patient = bed.patients.create(child, QDate(2016, 4, 5));
        if (!patient)
            return std::nullopt;
        Episode e;
        e.patientId = patient->id;
        e.physioId = physioId;
        e.condition = QStringLiteral("scoliosis");
        e.startDate = QDate(2024, 2, 5);
        return bed.episodes.create(e);
    }

private slots:
    void figuresSurviveRenumberedRowids()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto two = bed.staff.create(QStringLiteral("Demo Physio Two"), StaffRole::Physio);
        QVERIFY(two);
        // The bed's own patient holds the earliest rows; they are erased below.
        QVERIFY(treat(bed, bed.episode.id, bed.physio.id, QDate(2024, 1, 15), 3));
        const QStringList physios{bed.physio.id, two->id, two->id, bed.physio.id};
        QStringList episodes;
        for (int i = 0; i < physios.size(); ++i) {
            const auto e = newEpisode(bed, QStringLiteral("Demo Child %1").arg(i), physios[i]);
            QVERIFY(e);
            QVERIFY(treat(bed, e->id, physios[i], QDate(2024, 2, 5), 2 + i));
            episodes << e->id;
        }
        const auto before = dashboardFigures(bed.db, library);
        QVERIFY2(before, qPrintable(bed.db.lastError().detail));
        QCOMPARE(before->physios, countedByUuid(bed.db).physios);
        QCOMPARE(before->episodes, countedByUuid(bed.db).episodes);
        QCOMPARE(before->physios.value(two->id), QStringLiteral("12/2/7/2/3"));

        QVERIFY2(bed.patients.erase(bed.patient.id), qPrintable(bed.db.lastError().detail));
        const auto erased = dashboardFigures(bed.db, library);
        QVERIFY(erased);
        QCOMPARE(erased->physios, countedByUuid(bed.db).physios);
        QVERIFY(!erased->episodes.contains(bed.episode.id));

        // What a VACUUM may do to tables without an INTEGER PRIMARY KEY: new rowids, here in
        // reverse order so that no row keeps its old number.
        QVERIFY(bed.db.execSql(QStringLiteral("VACUUM")));
        for (const char *table : {"staff", "episode", "session"})
            QVERIFY(bed.db.execSql(
                QStringLiteral("UPDATE %1 SET rowid = 1000000 - rowid").arg(QLatin1String(table))));
        QCOMPARE(scalar(bed.db, QStringLiteral("SELECT count(*) FROM dashboard_fact f JOIN "
                                               "episode e ON e.seq = f.episode WHERE "
                                               "e.rowid = f.episode"))
                     .toInt(),
                 0);
        const auto renumbered = dashboardFigures(bed.db, library);
        QVERIFY(renumbered);
        QCOMPARE(renumbered->physios, erased->physios);
        QCOMPARE(renumbered->episodes, erased->episodes);
        QCOMPARE(renumbered->physios, countedByUuid(bed.db).physios);
        QCOMPARE(renumbered->episodes, countedByUuid(bed.db).episodes);

        // Rows written afterwards get fresh keys and land on their own physio and episode.
        QVERIFY(treat(bed, episodes[1], two->id, QDate(2024, 5, 6), 2));
        const auto third = bed.staff.create(QStringLiteral("Demo Physio Three"), StaffRole::Physio);
        QVERIFY(third);
        const auto late = newEpisode(bed, QStringLiteral("Demo Child Late"), third->id);
        QVERIFY(late);
        QVERIFY(treat(bed, late->id, third->id, QDate(2024, 6, 3), 1));
        const auto after = dashboardFigures(bed.db, library);
        QVERIFY(after);
        QCOMPARE(after->physios, countedByUuid(bed.db).physios);
        QCOMPARE(after->episodes, countedByUuid(bed.db).episodes);
        QCOMPARE(after->physios.value(third->id), QStringLiteral("1/1/1/1/0"));
        QCOMPARE(after->physios.value(bed.physio.id), erased->physios.value(bed.physio.id));
        QVERIFY(bed.db.checkIntegrity());
    }
};

QTEST_GUILESS_MAIN(TestDashboardKeys)
#include "tst_dashboardkeys.moc"
