// Repositories round trip: what a physio stores comes back the same with the clinic's key,
// nothing personal is readable in the file, completed responses cannot change, corrections
// supersede, drafts resume where they stopped, and erasure leaves nothing of the patient.

#include "storetestbed.h"

#include "core/store/alertrepository.h"
#include "core/store/pseudonym.h"

#include <QRegularExpression>
#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

class TestRepositories : public QObject
{
    Q_OBJECT

private:
    Instrument child = loadInstrument(QStringLiteral("triad-child-8to12.json"));

    Answers childAnswers(int base)
    {
        Answers a;
        for (const Item &item : child.items) {
            if (item.formatId == QLatin1String("faces5") || !item.subscaleId.isEmpty())
                a.set(item.id, base);
        }
        return a;
    }

private slots:
    void pseudonymCodesAreReadableAndUnique()
    {
        const QRegularExpression shape(QStringLiteral("^TRD-[2346789ABCDEFGHJKMNPQRTWXYZ]{4}-"
                                                      "[2346789ABCDEFGHJKMNPQRTWXYZ]{2}$"));
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            const QString code = newPseudonymCode();
            QVERIFY2(shape.match(code).hasMatch(), qPrintable(code));
            seen.insert(code);
        }
        QVERIFY(seen.size() > 1990); // random, not a counter
        QCOMPARE(normalisePseudonymCode(QStringLiteral(" trd 7k4m q2 ")),
                 QStringLiteral("TRD-7K4M-Q2"));
        QCOMPARE(normalisePseudonymCode(QStringLiteral("7K4M-Q2")), QStringLiteral("TRD-7K4M-Q2"));
        QVERIFY(normalisePseudonymCode(QStringLiteral("TRD-0O1I-Q2")).isEmpty());
    }

    void patientRoundTripIsEncryptedAtRest()
    {
        TestBed bed;
        QVERIFY2(bed.setUp(), qPrintable(bed.db.lastError().detail));
        const auto again = bed.patients.get(bed.patient.id);
        QVERIFY(again);
        QCOMPARE(again->name, QStringLiteral("Demo Child Zebedee"));
        QCOMPARE(again->birthDate, QDate(2014, 5, 17));
        QCOMPARE(again->notes, QStringLiteral("Synthetic note"));
        QCOMPARE(again->createdBy, bed.physio.id);

        const auto byCode = bed.patients.findByCode(bed.patient.code.toLower());
        QVERIFY(byCode);
        QCOMPARE(byCode->id, bed.patient.id);

        Patient changed = *again;
        changed.name = QStringLiteral("Demo Child Abigail");
        QVERIFY(bed.patients.update(changed));
        QVERIFY(bed.patients.create(QStringLiteral("Demo Child Xavier"), QDate(2016, 2, 1)));
        const QVector<Patient> all = bed.patients.list();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("Demo Child Abigail")); // sorted by name
        QCOMPARE(all.at(1).name, QStringLiteral("Demo Child Xavier"));

        const auto guardian = bed.patients.addGuardian(
            bed.patient.id, QStringLiteral("Demo Parent Quentin"), QStringLiteral("father"));
        QVERIFY(guardian);
        QCOMPARE(bed.patients.guardians(bed.patient.id).first().name,
                 QStringLiteral("Demo Parent Quentin"));
        QVERIFY(!bed.patients.addGuardian(bed.patient.id, QStringLiteral("X"),
                                          QStringLiteral("uncle-bob")));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);

        bed.db.execSql(QStringLiteral("PRAGMA wal_checkpoint(FULL)"));
        const QByteArray raw = rawStorage(bed.path);
        QVERIFY(raw.contains(bed.patient.code.toUtf8())); // the pseudonym is plain
        for (const char *secret : {"Zebedee", "Abigail", "Xavier", "Quentin", "2014-05-17",
                                   "Synthetic note", "Ride a bike"})
            QVERIFY2(!raw.contains(secret), secret);
        QVERIFY(raw.contains("Demo Physio One")); // staff names are plain by design
    }

    void anotherKeyCannotReadPatients()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        crypto::FieldCipher wrong(randomKey());
        AuditLog audit(bed.db, randomKey(), bed.physio.id);
        PatientRepository other(bed.db, wrong, audit);
        QVERIFY(!other.get(bed.patient.id));
        QCOMPARE(other.lastError().kind, StoreErrorKind::CryptoFailed);
        QVERIFY(other.list().isEmpty());
        QCOMPARE(other.lastError().kind, StoreErrorKind::CryptoFailed);
    }

    void episodeAndSessionRoundTrip()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto e = bed.episodes.get(bed.episode.id);
        QVERIFY(e);
        QCOMPARE(e->goals, QStringLiteral("Ride a bike to school"));
        QCOMPARE(e->condition, QStringLiteral("hypermobility"));
        QVERIFY(e->isOpen());
        QCOMPARE(bed.episodes.forPhysio(bed.physio.id).size(), 1);

        Episode bad = *e;
        bad.condition = QStringLiteral("broken-heart");
        QVERIFY(!bed.episodes.create(bad));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);

        QVERIFY(bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 22),
                                    QStringLiteral("home")));
        const QVector<Session> list = bed.sessions.forEpisode(bed.episode.id);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).setting, QStringLiteral("home"));

        QVERIFY(!bed.episodes.close(bed.episode.id, QDate(2023, 12, 31))); // before the start
        QVERIFY(bed.episodes.close(bed.episode.id, QDate(2024, 6, 30)));
        QCOMPARE(bed.episodes.get(bed.episode.id)->endDate, QDate(2024, 6, 30));
        QCOMPARE(bed.episodes.forPhysio(bed.physio.id, true).size(), 0);
        QCOMPARE(bed.episodes.forPhysio(bed.physio.id, false).size(), 1);
    }

    void completeStoresAnswersScoresAndAudit()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"));
        QVERIFY2(draft, qPrintable(bed.db.lastError().detail));
        Answers answers = childAnswers(4);
        answers.set(QStringLiteral("c8-listens"), 5);
        answers.set(QStringLiteral("c8-something-to-say"),
                    QStringLiteral("Synthetic secret words"));
        const qint64 auditBefore = bed.db.rowCount(QStringLiteral("audit"));
        const auto scores = bed.responses.complete(draft->id, child, answers);
        QVERIFY2(scores, qPrintable(bed.db.lastError().detail));
        QCOMPARE(bed.db.rowCount(QStringLiteral("audit")), auditBefore + 1);

        const ScoreSet expected = triad::score(child, answers);
        QCOMPARE(scores->total.normalised, expected.total.normalised);
        const auto stored = bed.responses.get(draft->id);
        QVERIFY(stored);
        QCOMPARE(stored->record.status, ResponseStatus::Complete);
        QCOMPARE(stored->sessionDate, QDate(2024, 1, 8));
        QCOMPARE(stored->answers.value(QStringLiteral("c8-listens")).toInt(), 5);
        QCOMPARE(stored->answers.value(QStringLiteral("c8-something-to-say")).toString(),
                 QStringLiteral("Synthetic secret words"));
        QCOMPARE(stored->scores.total.normalised, expected.total.normalised);
        QCOMPARE(stored->scores.total.raw, expected.total.raw);
        QCOMPARE(stored->scores.subscales.size(), expected.subscales.size());
        for (int i = 0; i < expected.subscales.size(); ++i) {
            QCOMPARE(stored->scores.subscales.at(i).id, expected.subscales.at(i).id);
            QCOMPARE(stored->scores.subscales.at(i).normalised,
                     expected.subscales.at(i).normalised);
        }
        QCOMPARE(stored->scores.constructs.size(), expected.constructs.size());
        // The core the dyads are compared on is stored and read back as it was scored.
        QVERIFY(expected.hasCore());
        QVERIFY(stored->scores.hasCore());
        QCOMPARE(stored->scores.core.normalised, expected.core.normalised);
        QCOMPARE(stored->scores.core.answered, expected.core.answered);
        QCOMPARE(stored->scores.coreConstructs.size(), 3);
        QCOMPARE(stored->scores.measure(QStringLiteral("core-bond"))->normalised,
                 expected.measure(QStringLiteral("core-bond"))->normalised);
        QVERIFY(!rawStorage(bed.path).contains("Synthetic secret words"));
        QVERIFY(bed.audit.verify().ok);
    }

    void completedResponseIsImmutable()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"));
        QVERIFY(bed.responses.complete(draft->id, child, childAnswers(3)));

        // Through the repository.
        QVERIFY(
            !bed.responses.saveAnswer(draft->id, child, QStringLiteral("c8-like-physio-with"), 1));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
        QVERIFY(!bed.responses.complete(draft->id, child, childAnswers(1)));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
        QVERIFY(!bed.responses.decline(draft->id, QStringLiteral("no-time")));

        // Through raw SQL: SQLite's triggers refuse, whoever asks.
        const QStringList attempts{
            QStringLiteral("UPDATE response SET status = 'draft' WHERE id = '%1'"),
            QStringLiteral("UPDATE response SET language = 'nl' WHERE id = '%1'"),
            QStringLiteral("DELETE FROM response WHERE id = '%1'"),
            QStringLiteral("UPDATE answer SET value_num = 1 WHERE response_id = '%1'"),
            QStringLiteral("DELETE FROM answer WHERE response_id = '%1'"),
            QStringLiteral("INSERT INTO answer VALUES ('%1', 'extra', 'int', 1, NULL, 'x')"),
            QStringLiteral("UPDATE score SET normalised = 100 WHERE response_id = '%1'"),
            QStringLiteral("DELETE FROM score WHERE response_id = '%1'"),
            QStringLiteral("DELETE FROM audit"),
        };
        for (const QString &sql : attempts) {
            const QString statement = sql.contains(QLatin1String("%1")) ? sql.arg(draft->id) : sql;
            QVERIFY2(!bed.db.execSql(statement), qPrintable(sql));
            QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Immutable);
        }
        const auto stored = bed.responses.get(draft->id);
        QCOMPARE(stored->answers.value(QStringLiteral("c8-like-physio-with")).toInt(), 3);
        QCOMPARE(stored->scores.total.normalised,
                 triad::score(child, childAnswers(3)).total.normalised);
    }

    void correctionSupersedes()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto first = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"));
        QVERIFY(bed.responses.complete(first->id, child, childAnswers(2)));
        const auto fix = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                  QStringLiteral("en"), {}, first->id);
        QVERIFY(fix);
        // Until the correction is complete, the original still counts.
        QCOMPARE(bed.responses.forEpisode(bed.episode.id).size(), 1);
        QCOMPARE(bed.responses.forEpisode(bed.episode.id).first().record.id, first->id);
        QVERIFY(bed.responses.complete(fix->id, child, childAnswers(5)));

        const QVector<StoredResponse> current = bed.responses.forEpisode(bed.episode.id);
        QCOMPARE(current.size(), 1);
        QCOMPARE(current.first().record.id, fix->id);
        QCOMPARE(current.first().record.supersedes, first->id);
        QCOMPARE(current.first().scores.total.normalised, 100.0);
        QCOMPARE(bed.responses.forEpisode(bed.episode.id, true).size(), 2);
        QCOMPARE(bed.responses.get(first->id)->record.status, ResponseStatus::Complete);

        // A second correction of the same original is refused at completion.
        const auto again = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"), {}, first->id);
        QVERIFY(again);
        QVERIFY(!bed.responses.complete(again->id, child, childAnswers(1)));
        QCOMPARE(bed.responses.get(again->id)->record.status, ResponseStatus::Draft);
    }

    // An episode is read in three statements whatever its length (issue 12): every response
    // still comes back with its own answers and scores, never a neighbour's.
    void episodeResponsesComeBackEachWithItsOwnAnswersAndScores()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto later = bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 15));
        QVERIFY(later);
        QHash<QString, int> baseOf;
        int base = 1;
        for (const QString &sessionId : {bed.session.id, later->id}) {
            const auto draft =
                bed.responses.startDraft(sessionId, Respondent::Child, child, QStringLiteral("en"));
            QVERIFY(draft);
            Answers answers = childAnswers(base);
            answers.set(QStringLiteral("c8-something-to-say"),
                        QStringLiteral("Synthetic words %1").arg(base));
            QVERIFY(bed.responses.complete(draft->id, child, answers));
            baseOf.insert(draft->id, base);
            base += 3;
        }
        const Instrument parentForm = loadInstrument(QStringLiteral("triad-parent.json"));
        const auto declined = bed.responses.startDraft(later->id, Respondent::Parent, parentForm,
                                                       QStringLiteral("en"));
        QVERIFY(declined);
        QVERIFY2(bed.responses.decline(declined->id, QStringLiteral("no-time")),
                 qPrintable(bed.db.lastError().detail));
        // A draft is not part of the episode's history.
        const Instrument physioForm = loadInstrument(QStringLiteral("triad-physio.json"));
        QVERIFY(bed.responses.startDraft(later->id, Respondent::Physio, physioForm,
                                         QStringLiteral("en")));

        const QVector<StoredResponse> read = bed.responses.forEpisode(bed.episode.id);
        QCOMPARE(read.size(), 3);
        QCOMPARE(read.at(0).sessionDate, QDate(2024, 1, 8));
        QCOMPARE(read.at(2).sessionDate, QDate(2024, 1, 15));
        for (const StoredResponse &r : read) {
            if (r.record.status == ResponseStatus::Declined) {
                QCOMPARE(r.record.id, declined->id);
                QCOMPARE(r.answers.count(), 0);
                QVERIFY(!r.scores.total.scorable);
                continue;
            }
            const int own = baseOf.value(r.record.id);
            QVERIFY(own > 0);
            QCOMPARE(r.answers.value(QStringLiteral("c8-like-physio-with")).toInt(), own);
            QCOMPARE(r.answers.value(QStringLiteral("c8-something-to-say")).toString(),
                     QStringLiteral("Synthetic words %1").arg(own));
            const ScoreSet expected = triad::score(child, childAnswers(own));
            QCOMPARE(r.scores.total.normalised, expected.total.normalised);
            QCOMPARE(r.scores.subscales.size(), expected.subscales.size());
            for (int i = 0; i < expected.subscales.size(); ++i)
                QCOMPARE(r.scores.subscales.at(i).id, expected.subscales.at(i).id);
            // The same as reading that one response alone.
            const auto alone = bed.responses.get(r.record.id);
            QVERIFY(alone);
            QCOMPARE(alone->answers.toJson(), r.answers.toJson());
            QCOMPARE(alone->scores.total.raw, r.scores.total.raw);
        }
    }

    // Where an episode's rounds stand (the patient list's "Session 3 round due"): sessions
    // with nothing recorded are not counted; the last one's round counts completed, declined
    // and skipped forms, not drafts.
    void roundProgressCountsRecordedSessionsAndTheLastRound()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const Instrument parentForm = loadInstrument(QStringLiteral("triad-parent.json"));
        // Session 1: the child answered. Session 2 (later): the parent declined, the physio
        // was skipped, the child's form is still a draft.
        const auto first = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"));
        QVERIFY(bed.responses.complete(first->id, child, childAnswers(3)));
        const auto later = bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 15));
        QVERIFY(later);
        const auto declined = bed.responses.startDraft(later->id, Respondent::Parent, parentForm,
                                                       QStringLiteral("en"));
        QVERIFY(declined);
        QVERIFY(bed.responses.decline(declined->id, QStringLiteral("no-time")));
        RoundSkipRepository skips(bed.db, bed.audit);
        QVERIFY(skips.skip(later->id, Respondent::Physio, QStringLiteral("absent")));
        QVERIFY(
            bed.responses.startDraft(later->id, Respondent::Child, child, QStringLiteral("en")));
        // An empty session (a round stopped before anyone began) is not counted.
        QVERIFY(bed.sessions.create(bed.episode.id, bed.physio.id, QDate(2024, 1, 22)));

        // A second open episode with no session yet, and a closed one with a session.
        Episode fresh = bed.episode;
        fresh.id.clear();
        fresh.startDate = QDate(2024, 2, 1);
        const auto second = bed.episodes.create(fresh);
        QVERIFY(second);
        const auto closed = bed.episodes.create(fresh);
        QVERIFY(closed);
        const auto closedSession =
            bed.sessions.create(closed->id, bed.physio.id, QDate(2024, 2, 1));
        const auto closedDraft = bed.responses.startDraft(closedSession->id, Respondent::Child,
                                                          child, QStringLiteral("en"));
        QVERIFY(bed.responses.complete(closedDraft->id, child, childAnswers(2)));
        QVERIFY(bed.episodes.close(closed->id, QDate(2024, 2, 2)));

        const auto one = bed.sessions.roundProgress(bed.episode.id);
        QVERIFY2(one, qPrintable(bed.db.lastError().detail));
        QCOMPARE(one->recordedSessions, 2);
        QCOMPARE(one->doneInLast, 2);
        QCOMPARE(bed.sessions.roundProgress(second->id)->recordedSessions, 0);
        QCOMPARE(bed.sessions.roundProgress(closed->id)->recordedSessions, 1);
        QCOMPARE(bed.sessions.roundProgress(closed->id)->doneInLast, 1);
        QCOMPARE(bed.episodes.all().size(), 3);
    }

    void draftsResumeAtTheFirstUnansweredItem()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"));
        QVERIFY(bed.responses.saveAnswer(draft->id, child, child.items.at(0).id, 4));
        QVERIFY(bed.responses.saveAnswer(draft->id, child, child.items.at(1).id, 2));
        QVERIFY(bed.responses.saveAnswer(draft->id, child, child.items.at(1).id, 3)); // changed
        QVERIFY(!bed.responses.saveAnswer(draft->id, child, child.items.at(2).id, 9));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);
        QVERIFY(bed.db.lastError().detail.contains(child.items.at(2).id));

        const auto lookup = [&](const QString &id) { return id == child.id ? &child : nullptr; };
        const QVector<ResumePoint> points = bed.responses.unfinishedDrafts(lookup);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.first().record.id, draft->id);
        QCOMPARE(points.first().itemIndex, 2);
        QCOMPARE(points.first().itemId, child.items.at(2).id);
        QCOMPARE(points.first().answers.value(child.items.at(1).id).toInt(), 3);
        QCOMPARE(bed.responses.unfinishedDrafts(lookup, bed.session.id).size(), 1);
        QCOMPARE(bed.responses.unfinishedDrafts(lookup, QStringLiteral("other")).size(), 0);

        QVERIFY(bed.responses.clearAnswer(draft->id, child.items.at(0).id));
        QCOMPARE(bed.responses.unfinishedDrafts(lookup).first().itemIndex, 0);

        QVERIFY(!bed.responses.decline(draft->id, QStringLiteral("bored")));
        QVERIFY(bed.responses.decline(draft->id, QStringLiteral("too-upset")));
        QVERIFY(bed.responses.unfinishedDrafts(lookup).isEmpty());
        const auto declined = bed.responses.get(draft->id);
        QCOMPARE(declined->record.status, ResponseStatus::Declined);
        QCOMPARE(declined->record.declineReason, QStringLiteral("too-upset"));
        QCOMPARE(declined->answers.count(), 0);
    }

    // A draft answer (a tap in patient mode) is committed before saveAnswer returns, so
    // another connection (the tablet after a kill) reads it at once, and its fsync runs on a
    // worker thread; everything else still commits with synchronous=FULL.
    void draftAnswersAreCommittedAtOnceAndFsyncedInTheBackground()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                    QStringLiteral("en"));
        QVERIFY(draft);
        const int before = bed.db.backgroundSyncCount();
        QVERIFY(bed.responses.saveAnswer(draft->id, child, child.items.at(0).id, 4));

        Database other;
        QVERIFY(other.open(bed.path));
        QSqlQuery read = other.query();
        QVERIFY(read.prepare(QStringLiteral("SELECT count(*) FROM answer WHERE response_id = ?")));
        read.addBindValue(draft->id);
        QVERIFY(read.exec() && read.next());
        QCOMPARE(read.value(0).toInt(), 1);
        read.finish();

        QVERIFY(bed.db.waitForBackgroundSync());
        QVERIFY(bed.db.backgroundSyncCount() > before);
        // Back to FULL (2) for the commits that must be durable when they return.
        QSqlQuery level = bed.db.query();
        QVERIFY(level.exec(QStringLiteral("PRAGMA synchronous")) && level.next());
        QCOMPARE(level.value(0).toInt(), 2);
        level.finish();

        // A refused answer rolls back and leaves the level at FULL too.
        QVERIFY(!bed.responses.saveAnswer(draft->id, child, child.items.at(2).id, 9));
        QVERIFY(level.exec(QStringLiteral("PRAGMA synchronous")) && level.next());
        QCOMPARE(level.value(0).toInt(), 2);
        level.finish();
        QVERIFY(bed.responses.complete(draft->id, child, childAnswers(1)).has_value());
        QCOMPARE(bed.responses.get(draft->id)->record.status, ResponseStatus::Complete);
    }

    void alertsAndActions()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        AlertRepository alerts(bed.db, bed.cipher, bed.audit);
        AlertRecord a;
        a.episodeId = bed.episode.id;
        a.sessionId = bed.session.id;
        a.type = QStringLiteral("rupture");
        a.respondent = QStringLiteral("child");
        a.severity = QStringLiteral("concern");
        a.evidence = QJsonObject{{QStringLiteral("score"), 41}};
        a.prompt = QStringLiteral("Talk about goals with Zebedee");
        const auto raised = alerts.raise(a);
        QVERIFY(raised);
        QCOMPARE(alerts.forEpisode(bed.episode.id, true).size(), 1);
        const auto action = alerts.logAction(raised->id, QStringLiteral("talked-about-goals"),
                                             QStringLiteral("Agreed a cycling goal"));
        QVERIFY(action);
        const auto back = alerts.get(raised->id);
        QCOMPARE(back->prompt, a.prompt);
        QCOMPARE(back->evidence.value(QStringLiteral("score")).toInt(), 41);
        QCOMPARE(back->acknowledgedBy, bed.physio.id);
        QCOMPARE(alerts.forEpisode(bed.episode.id, true).size(), 0);
        QCOMPARE(alerts.actions(raised->id).first().note, QStringLiteral("Agreed a cycling goal"));
        bed.db.execSql(QStringLiteral("PRAGMA wal_checkpoint(FULL)"));
        QVERIFY(!rawStorage(bed.path).contains("cycling goal"));
    }

    void erasureRemovesEverythingOfThePatient()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const auto other =
            bed.patients.create(QStringLiteral("Demo Child Other"), QDate(2015, 1, 1));
        QVERIFY(other);
        bed.patients.addGuardian(bed.patient.id, QStringLiteral("Demo Parent Yolanda"),
                                 QStringLiteral("mother"));
        const auto r = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                QStringLiteral("en"));
        Answers answers = childAnswers(4);
        answers.set(QStringLiteral("c8-something-to-say"),
                    QStringLiteral("Synthetic private words"));
        QVERIFY(bed.responses.complete(r->id, child, answers));
        const auto fix = bed.responses.startDraft(bed.session.id, Respondent::Child, child,
                                                  QStringLiteral("en"), {}, r->id);
        QVERIFY(bed.responses.complete(fix->id, child, childAnswers(5)));
        AlertRepository alerts(bed.db, bed.cipher, bed.audit);
        AlertRecord a{{},
                      bed.episode.id,
                      bed.session.id,
                      QStringLiteral("rupture"),
                      {},
                      QStringLiteral("watch"),
                      {},
                      QStringLiteral("Prompt"),
                      {},
                      {},
                      {}};
        const auto raised = alerts.raise(a);
        QVERIFY(alerts.logAction(raised->id, QStringLiteral("talked")));

        QVERIFY2(bed.patients.erase(bed.patient.id), qPrintable(bed.db.lastError().detail));
        for (const QString &table :
             {QStringLiteral("guardian"), QStringLiteral("episode"), QStringLiteral("session"),
              QStringLiteral("response"), QStringLiteral("answer"), QStringLiteral("score"),
              QStringLiteral("alert"), QStringLiteral("action_log")})
            QCOMPARE(bed.db.rowCount(table), qint64(0));
        QCOMPARE(bed.db.rowCount(QStringLiteral("patient")), qint64(1));
        QCOMPARE(bed.db.rowCount(QStringLiteral("erasure_permit")), qint64(-1)); // not data
        QVERIFY(!bed.patients.get(bed.patient.id));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::NotFound);
        QVERIFY(bed.patients.get(other->id));
        QVERIFY(bed.audit.verify().ok);
        const QByteArray raw = rawStorage(bed.path);
        QVERIFY(!raw.contains(bed.patient.code.toUtf8()));
        QVERIFY(!bed.patients.erase(bed.patient.id));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::NotFound);
    }

    void auditChainsEveryChangeAndPendingEntriesJoinLater()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const qint64 entries = bed.db.rowCount(QStringLiteral("audit"));
        QCOMPARE(entries, qint64(3)); // patient, episode, session (staff: audited by Clinic)
        AuditLog locked(bed.db, {}, {});
        QVERIFY(!locked.canAppend());
        QVERIFY(locked.recordPending(bed.physio.id, QStringLiteral("sign-in-failed"),
                                     QStringLiteral("staff"), bed.physio.id));
        QCOMPARE(locked.pendingCount(), qint64(1));
        QVERIFY(bed.audit.flushPending());
        QCOMPARE(bed.audit.pendingCount(), qint64(0));
        const QVector<crypto::AuditEntry> all = bed.audit.entries();
        QCOMPARE(all.size(), entries + 1);
        QCOMPARE(all.last().action, QStringLiteral("sign-in-failed"));
        QVERIFY(bed.audit.verify().ok);
        AuditLog wrongKey(bed.db, randomKey(), {});
        QVERIFY(!wrongKey.verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
