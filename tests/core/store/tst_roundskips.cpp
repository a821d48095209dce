// Skipped respondents (schema v3, round_skip): the exact reason comes back, every reason of
// the vocabulary is accepted and nothing else is, a skip is audited by its row id, a started
// draft is declined together with its skip (all or nothing), skips cannot be changed by any
// code, and a patient's erasure takes their skips with them.

#include "storetestbed.h"

#include "core/store/roundskiprepository.h"
#include "core/store/schema.h"

#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

class TestRoundSkips : public QObject
{
    Q_OBJECT

private:
    Instrument parentForm = loadInstrument(QStringLiteral("triad-parent.json"));

private slots:
    void skipKeepsTheExactReasonAndIsAudited()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        const auto absent = skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent"));
        QVERIFY2(absent, qPrintable(bed.db.lastError().detail));
        QCOMPARE(absent->reason, QStringLiteral("absent"));
        QVERIFY(absent->createdAt.endsWith(QLatin1Char('Z')));

        const auto later = bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 15));
        QVERIFY(later);
        QVERIFY(skips.skip(later->id, Respondent::Child, QStringLiteral("no-form-for-age")));
        QVERIFY(skips.skip(later->id, Respondent::Parent, QStringLiteral("too-distressed")));

        const auto first = skips.forSession(bed.session.id);
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().id, absent->id);
        QCOMPARE(first.first().respondent, Respondent::Child);
        QCOMPARE(first.first().reason, QStringLiteral("absent"));
        const auto all = skips.forEpisode(bed.episode.id);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).sessionId, bed.session.id); // oldest session first
        QCOMPARE(all.at(1).reason, QStringLiteral("no-form-for-age"));
        QCOMPARE(all.at(2).reason, QStringLiteral("too-distressed"));
        // A skip is not a response: nothing with an instrument was written.
        QCOMPARE(bed.db.rowCount(QStringLiteral("response")), qint64(0));

        const auto entries = bed.audit.entries();
        int found = 0;
        for (const auto &e : entries)
            if (e.action == QLatin1String("skip") && e.tableName == QLatin1String("round_skip") &&
                e.rowId == absent->id)
                ++found;
        QCOMPARE(found, 1);
        QVERIFY(bed.audit.verify().ok);
    }

    void everyReasonOfTheVocabularyIsAcceptedAndNothingElse()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        QCOMPARE(skipReasons().size(), 5);
        for (int day = 0; day < skipReasons().size(); ++day) {
            const auto s =
                bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 2, 1).addDays(day));
            QVERIFY(s);
            const QString reason = skipReasons().at(day);
            QVERIFY2(skips.skip(s->id, Respondent::Physio, reason), qPrintable(reason));
        }
        QCOMPARE(bed.db.rowCount(QStringLiteral("round_skip")), qint64(5));

        QVERIFY(!skips.skip(bed.session.id, Respondent::Child, QStringLiteral("bored")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);
        QVERIFY(bed.db.lastError().detail.contains(QStringLiteral("no-form-for-age")));
        QVERIFY(!skips.skip(QStringLiteral("no-such-session"), Respondent::Child,
                            QStringLiteral("absent")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::NotFound);
        // The table's own CHECK refuses what the repository would never write.
        QVERIFY(!bed.db.execSql(
            QStringLiteral("INSERT INTO round_skip VALUES ('x', '%1', 'child', 'bored', "
                           "'2024-01-08T10:00:00.000Z')")
                .arg(bed.session.id)));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);
        QVERIFY(!bed.db.execSql(
            QStringLiteral("INSERT INTO round_skip VALUES ('y', '%1', 'child', 'absent', "
                           "'2024-01-08 10:00')")
                .arg(bed.session.id))); // not UTC
        QCOMPARE(bed.db.rowCount(QStringLiteral("round_skip")), qint64(5));
    }

    void oneSkipPerRespondentAndNoneAfterAnAnswer()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        QVERIFY(skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));
        QVERIFY(!skips.skip(bed.session.id, Respondent::Child, QStringLiteral("declined")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);
        QVERIFY(bed.db.lastError().detail.contains(QStringLiteral("already skipped")));

        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        Answers answers;
        for (const Item *item : parentForm.scoredItems())
            answers.set(item->id, 3);
        QVERIFY2(bed.responses.complete(draft->id, parentForm, answers),
                 qPrintable(bed.db.lastError().detail));
        QVERIFY(!skips.skip(bed.session.id, Respondent::Parent, QStringLiteral("absent")));
        QVERIFY(bed.db.lastError().detail.contains(QStringLiteral("already answered")));
        QCOMPARE(skips.forSession(bed.session.id).size(), 1);
    }

    void startedDraftIsDeclinedTogetherWithItsSkip()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Parent, parentForm,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        const QString firstItem = parentForm.scoredItems().first()->id;
        QVERIFY(bed.responses.saveAnswer(draft->id, parentForm, firstItem, 2));

        const auto skip = bed.responses.declineAsSkip(draft->id, QStringLiteral("other"),
                                                      QStringLiteral("absent"));
        QVERIFY2(skip, qPrintable(bed.db.lastError().detail));
        QCOMPARE(skip->respondent, Respondent::Parent);
        const auto stored = bed.responses.get(draft->id);
        QCOMPARE(stored->record.status, ResponseStatus::Declined);
        QCOMPARE(stored->record.declineReason, QStringLiteral("other"));
        QCOMPARE(stored->answers.count(), 0);
        QCOMPARE(skips.forSession(bed.session.id).first().reason, QStringLiteral("absent"));

        // All or nothing: when the skip cannot be stored, the draft stays a draft.
        const auto child = bed.responses.startDraft(
            bed.session.id, Respondent::Child,
            loadInstrument(QStringLiteral("triad-child-8to12.json")), QStringLiteral("en"));
        QVERIFY(child);
        QVERIFY(skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));
        QVERIFY(!bed.responses.declineAsSkip(child->id, QStringLiteral("too-upset"),
                                             QStringLiteral("too-distressed")));
        QCOMPARE(bed.responses.record(child->id)->status, ResponseStatus::Draft);
        QVERIFY(!bed.responses.declineAsSkip(child->id, QStringLiteral("too-upset"),
                                             QStringLiteral("bored")));
        QCOMPARE(bed.responses.record(child->id)->status, ResponseStatus::Draft);
        QCOMPARE(skips.forSession(bed.session.id).size(), 2);
    }

    void skipsAreImmutableWhateverCodeAsks()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        const auto s = skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent"));
        QVERIFY(s);
        const QStringList attempts{
            QStringLiteral("UPDATE round_skip SET reason = 'declined' WHERE id = '%1'"),
            QStringLiteral("UPDATE round_skip SET respondent = 'parent' WHERE id = '%1'"),
            QStringLiteral("UPDATE round_skip SET created_at = '2020-01-01T00:00:00.000Z' "
                           "WHERE id = '%1'"),
            QStringLiteral("DELETE FROM round_skip WHERE id = '%1'"),
            QStringLiteral("DELETE FROM round_skip"),
        };
        for (const QString &sql : attempts) {
            QVERIFY2(!bed.db.execSql(sql.contains(QLatin1String("%1")) ? sql.arg(s->id) : sql),
                     qPrintable(sql));
            QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
        }
        const auto after = skips.forSession(bed.session.id);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().reason, QStringLiteral("absent"));
        QCOMPARE(after.first().createdAt, s->createdAt);
    }

    void erasureTakesThePatientsSkipsOnly()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        RoundSkipRepository skips(bed.db, bed.audit);
        QVERIFY(skips.skip(bed.session.id, Respondent::Child, QStringLiteral("absent")));
        QVERIFY(skips.skip(bed.session.id, Respondent::Parent, QStringLiteral("declined")));

        const auto other =
            bed.patients.create(QStringLiteral("Demo Child Other"), QDate(2015, 1, 1));
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
        QVERIFY(skips.skip(session->id, Respondent::Child, QStringLiteral("no-form-for-age")));

        QVERIFY2(bed.patients.erase(bed.patient.id), qPrintable(bed.db.lastError().detail));
        QCOMPARE(bed.db.rowCount(QStringLiteral("round_skip")), qint64(1));
        QCOMPARE(skips.forSession(bed.session.id).size(), 0);
        QCOMPARE(skips.forEpisode(episode->id).first().reason, QStringLiteral("no-form-for-age"));
        QCOMPARE(bed.db.rowCount(QStringLiteral("erasure_permit")), qint64(-1)); // not data
        QVERIFY(bed.audit.verify().ok);
        // The permit was gone at commit: the other patient's skip is as immutable as before.
        QVERIFY(!bed.db.execSql(QStringLiteral("DELETE FROM round_skip")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
    }

    void roundSkipIsADataTableAfterTheSession()
    {
        const QStringList tables = dataTables();
        QVERIFY(tables.contains(QStringLiteral("round_skip")));
        QVERIFY(tables.indexOf(QStringLiteral("session")) <
                tables.indexOf(QStringLiteral("round_skip")));
    }
};

QTEST_GUILESS_MAIN(TestRoundSkips)
#include "tst_roundskips.moc"
