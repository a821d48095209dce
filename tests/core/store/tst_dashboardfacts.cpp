// The dashboard's facts (dashboard_fact, schema v4, reshaped in v5): completing, declining and
// skipping each write exactly one fact in the same transaction as the row it comes from (a failure
// after the fact is written takes both back), a completed correction replaces the fact of the
// response it corrects, no code can edit or delete a fact while its source stands, and a
// patient's erasure removes that patient's facts only.

#include "storetestbed.h"

#include "core/store/roundskiprepository.h"
#include "core/store/schema.h"

#include <QSqlQuery>
#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

namespace {

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

// "respondent:status:day:total:at_maximum:instrument" of the fact of a response or skip.
QString factOf(Database &db, const QString &sourceId)
{
    return scalar(db,
                  QStringLiteral(
                      "SELECT (f.outcome & 3) || ':' || ((f.outcome >> 2) & 3) || ':' || "
                      "f.day || ':' || "
                      "CASE WHEN f.total IS NULL THEN '-' ELSE printf('%.2f', f.total) END || "
                      "':' || ((f.outcome >> 4) & 1) || "
                      "':' || coalesce(i.instrument_id, '-') FROM dashboard_fact f "
                      "LEFT JOIN dashboard_instrument i ON i.code = f.outcome >> 5 "
                      "WHERE ? IN (f.response_id, f.skip_id)"),
                  {sourceId})
        .toString();
}

Answers allAnswers(const Instrument &form, int value)
{
    Answers answers;
    for (const Item *item : form.scoredItems())
        answers.set(item->id, value);
    return answers;
}

} // namespace

class TestDashboardFacts : public QObject
{
    Q_OBJECT

private:
    Instrument parentForm = loadInstrument(QStringLiteral("triad-parent.json"));

private slots:
    void eachOutcomeWritesOneFactWithItsCodes()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        // 2024-01-08 is day 19730 since 1970-01-01.
        const auto done = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                   QStringLiteral("en"));
        QVERIFY(done);
        // A started draft has its fact (status 3, no total) from the start: the dashboard counts
        // it as skipped once its day has passed. Completing replaces it.
        QCOMPARE(factOf(bed.db, done->id), QStringLiteral("1:3:19730:-:0:triad-parent"));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(1));
        const auto scores = bed.responses.complete(done->id, parentForm, allAnswers(parentForm, 3));
        QVERIFY2(scores, qPrintable(bed.db.lastError().detail));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(1));
        QCOMPARE(
            factOf(bed.db, done->id),
            QStringLiteral("1:0:19730:%1:0:triad-parent").arg(scores->total.normalised, 0, 'f', 2));
        QCOMPARE(scalar(bed.db,
                        QStringLiteral("SELECT count(*) FROM dashboard_fact f "
                                       "JOIN episode e ON e.seq = f.episode "
                                       "JOIN session s ON s.seq = f.session "
                                       "WHERE e.id = ? AND s.id = ?"),
                        {bed.episode.id, bed.session.id})
                     .toInt(),
                 1);

        const auto later = bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 15));
        QVERIFY(later);
        const auto declined = bed.responses.startDraft(later->id, Respondent::Parent, parentForm,
                                                       QStringLiteral("en"));
        QVERIFY(declined);
        QVERIFY(bed.responses.decline(declined->id, QStringLiteral("no-time")));
        QCOMPARE(factOf(bed.db, declined->id), QStringLiteral("1:1:19737:-:0:triad-parent"));

        RoundSkipRepository skips(bed.db, bed.audit);
        const auto absent = skips.skip(later->id, Respondent::Child, QStringLiteral("absent"));
        QVERIFY(absent);
        QCOMPARE(factOf(bed.db, absent->id), QStringLiteral("0:2:19737:-:0:-"));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(3));

        // Declining a started form as a skip: the declined response and the skip, both kept
        // (the dashboard lets the skip decide).
        const auto third = bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 22));
        QVERIFY(third);
        const auto started = bed.responses.startDraft(third->id, Respondent::Parent, parentForm,
                                                      QStringLiteral("en"));
        QVERIFY(started);
        const auto skip = bed.responses.declineAsSkip(started->id, QStringLiteral("too-upset"),
                                                      QStringLiteral("too-distressed"));
        QVERIFY2(skip, qPrintable(bed.db.lastError().detail));
        QCOMPARE(factOf(bed.db, started->id), QStringLiteral("1:1:19744:-:0:triad-parent"));
        QCOMPARE(factOf(bed.db, skip->id), QStringLiteral("1:2:19744:-:0:-"));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(5));
    }

    void highestPossibleTotalIsMarked()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        // The best answer to every statement (the lowest where the statement is reversed).
        Answers best;
        for (const Item *item : parentForm.scoredItems()) {
            const ResponseFormat *format = parentForm.format(item->formatId);
            best.set(item->id, int(item->reverse ? format->minValue() : format->maxValue()));
        }
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        QVERIFY(bed.responses.complete(draft->id, parentForm, best));
        QCOMPARE(factOf(bed.db, draft->id), QStringLiteral("1:0:19730:100.00:1:triad-parent"));
    }

    void correctionReplacesTheFactOfWhatItCorrects()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto original = bed.responses.startDraft(bed.session.id, Respondent::Parent,
                                                       parentForm, QStringLiteral("en"));
        QVERIFY(original);
        QVERIFY(bed.responses.complete(original->id, parentForm, allAnswers(parentForm, 2)));
        const auto correction = bed.responses.startDraft(
            bed.session.id, Respondent::Parent, parentForm, QStringLiteral("en"), {}, original->id);
        QVERIFY2(correction, qPrintable(bed.db.lastError().detail));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(2)); // + its draft
        QVERIFY(!factOf(bed.db, original->id).isEmpty()); // still counts while corrected
        const auto scores =
            bed.responses.complete(correction->id, parentForm, allAnswers(parentForm, 4));
        QVERIFY2(scores, qPrintable(bed.db.lastError().detail));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(1));
        QCOMPARE(factOf(bed.db, original->id), QString());
        QVERIFY(factOf(bed.db, correction->id).startsWith(QStringLiteral("1:0:19730:")));
        // The original response itself is untouched.
        QCOMPARE(scalar(bed.db, QStringLiteral("SELECT status FROM response WHERE id = ?"),
                        {original->id})
                     .toString(),
                 QStringLiteral("complete"));
    }

    // A failure after the fact is inserted (here the fact's own insert aborting, then the
    // audit entry that follows the status change) rolls the completion back whole.
    void failureAfterTheFactRollsBothBack()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        QVERIFY(bed.db.execSql(QStringLiteral(
            "CREATE TEMP TRIGGER fail_after_fact AFTER INSERT ON dashboard_fact BEGIN "
            "SELECT RAISE(ABORT, 'injected failure after the fact'); END")));
        QVERIFY(!bed.responses.complete(draft->id, parentForm, allAnswers(parentForm, 3)));
        QVERIFY(!bed.responses.decline(draft->id, QStringLiteral("no-time")));
        RoundSkipRepository skips(bed.db, bed.audit);
        QVERIFY(!skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));
        QVERIFY(bed.db.execSql(QStringLiteral("DROP TRIGGER temp.fail_after_fact")));

        QVERIFY(bed.db.execSql(
            QStringLiteral("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON audit WHEN "
                           "(SELECT count(*) FROM dashboard_fact WHERE (outcome >> 2) & 3 <> 3)"
                           " > 0 BEGIN "
                           "SELECT RAISE(ABORT, 'injected failure after the fact'); END")));
        QVERIFY(!bed.responses.complete(draft->id, parentForm, allAnswers(parentForm, 3)));
        QVERIFY(!skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));
        QVERIFY(bed.db.execSql(QStringLiteral("DROP TRIGGER temp.fail_audit")));

        // Only the draft's own fact is left, as it was before the attempts.
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(1));
        QCOMPARE(factOf(bed.db, draft->id), QStringLiteral("1:3:19730:-:0:triad-parent"));
        QCOMPARE(bed.db.rowCount(QStringLiteral("round_skip")), qint64(0));
        QCOMPARE(bed.db.rowCount(QStringLiteral("score")), qint64(0));
        QCOMPARE(
            scalar(bed.db, QStringLiteral("SELECT status FROM response WHERE id = ?"), {draft->id})
                .toString(),
            QStringLiteral("draft"));
        // With nothing in the way, the same completion goes through with its one fact.
        QVERIFY(bed.responses.complete(draft->id, parentForm, allAnswers(parentForm, 3)));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(1));
    }

    void factsCannotBeChangedWhileTheirSourceStands()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        QVERIFY(bed.responses.complete(draft->id, parentForm, allAnswers(parentForm, 3)));
        RoundSkipRepository skips(bed.db, bed.audit);
        QVERIFY(skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));
        QVERIFY(!bed.db.execSql(QStringLiteral("UPDATE dashboard_fact SET total = 0")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
        QVERIFY(!bed.db.execSql(QStringLiteral("DELETE FROM dashboard_fact")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(2));
    }

    void erasureRemovesThePatientsFactsOnly()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        QVERIFY(bed.responses.complete(draft->id, parentForm, allAnswers(parentForm, 3)));
        QVERIFY(skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));

        const auto other =
            bed.patients.create(QStringLiteral("Demo Child Yolanda"), QDate(2015, 2, 3), {});
        QVERIFY(other);
        Episode e;
        e.patientId = other->id;
        e.physioId = bed.physio.id;
        e.condition = QStringLiteral("scoliosis");
        e.startDate = QDate(2024, 1, 9);
        const auto episode = bed.episodes.create(e);
        QVERIFY(episode);
        const auto session = bed.sessions.create(episode->id, bed.physio.id, QDate(2024, 1, 9));
        QVERIFY(session);
        const auto kept = skips.skip(session->id, Respondent::Parent, QStringLiteral("absent"));
        QVERIFY(kept);
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(3));

        QVERIFY2(bed.patients.erase(bed.patient.id), qPrintable(bed.db.lastError().detail));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), qint64(1));
        QCOMPARE(factOf(bed.db, kept->id), QStringLiteral("1:2:19731:-:0:-"));
        QVERIFY(bed.db.checkIntegrity());
    }
};

QTEST_GUILESS_MAIN(TestDashboardFacts)
#include "tst_dashboardfacts.moc"
