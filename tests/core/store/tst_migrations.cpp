// Schema versions: a new database is current; every released version (tests/data/db/v<N>.sqlite)
// migrates to current with its data intact and a backup beside it; a newer or foreign
// database is refused and left byte-identical.
//
// The fixtures are written by this test when TRIAD_WRITE_DB_FIXTURES=1 (once, when a schema
// version is released), then committed and never regenerated: the switch writes only the
// fixtures that do not exist yet, so released ones keep their bytes.

#include "core/store/database.h"
#include "core/store/schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>
#include <QtTest>

using namespace triad::store;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString fixturePath(int version)
{
    return QStringLiteral(TRIAD_TEST_DATA "/db/v%1.sqlite").arg(version);
}

// A raw connection that applies migration steps up to `version` only, as a released build of
// that version would have, then fills it with synthetic rows through plain SQL. From v3 on
// (or when `withDecline`), the parent declined in session 1 with the catch-all reason
// "other", as rounds before v3 stored an absence; from v3 on, the child of session 2 has a
// round_skip row ("absent").
bool writeFixture(const QString &path, int version, bool withDecline = false)
{
    QFile::remove(path);
    const QString name = QStringLiteral("fixture-writer-%1").arg(version);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        const auto run = [&](const QString &sql, const QVariantList &values = {}) {
            if (!ok)
                return;
            q.prepare(sql);
            for (const QVariant &v : values)
                q.addBindValue(v);
            ok = q.exec();
            if (!ok)
                qWarning() << sql << q.lastError().text();
        };
        run(QStringLiteral("PRAGMA journal_mode = WAL"));
        run(QStringLiteral("PRAGMA foreign_keys = ON"));
        for (const MigrationStep &step : migrationSteps()) {
            if (step.version > version)
                break;
            for (const QString &s : step.statements)
                run(s);
            run(QStringLiteral("PRAGMA user_version = %1").arg(step.version));
        }
        const QString at = QStringLiteral("2024-03-01T10:00:00.000Z");
        run(QStringLiteral("INSERT INTO clinic VALUES (1, ?, ?, ?)"),
            {QStringLiteral("00000000-0000-4000-8000-00000000c11c"),
             QStringLiteral("Fixture Clinic"), at});
        // Columns named: v5 adds staff.seq, which its trigger fills.
        run(QStringLiteral("INSERT INTO staff (id, display_name, role, active, created_at) "
                           "VALUES (?, ?, 'physio', 1, ?)"),
            {QStringLiteral("staff-1"), QStringLiteral("Demo Physio One"), at});
        run(QStringLiteral("INSERT INTO patient VALUES (?, ?, ?, ?, NULL, ?, 'staff-1')"),
            {QStringLiteral("patient-1"), QStringLiteral("TRD-7K4M-Q2"),
             QByteArray("v1:fixture-name-ciphertext"), QByteArray("v1:fixture-dob-ciphertext"),
             at});
        run(QStringLiteral("INSERT INTO episode (id, patient_id, physio_id, condition, "
                           "instrument_set, start_date, created_at) "
                           "VALUES ('episode-1', 'patient-1', 'staff-1', 'scoliosis', '{}', "
                           "'2024-03-01', ?)"),
            {at});
        run(QStringLiteral("INSERT INTO session (id, episode_id, physio_id, session_date, "
                           "created_at) VALUES ('session-1', 'episode-1', 'staff-1', "
                           "'2024-03-01', ?)"),
            {at});
        run(QStringLiteral("INSERT INTO response (id, session_id, respondent, staff_id, "
                           "instrument_id, instrument_version, language, status, started_at, "
                           "updated_at) VALUES ('response-1', 'session-1', 'child', 'staff-1', "
                           "'triad-child-4to7', '1.0.0', 'en', 'draft', ?, ?)"),
            {at, at});
        run(QStringLiteral("INSERT INTO answer VALUES ('response-1', 'c4-fun', 'int', 3, "
                           "NULL, ?)"),
            {at});
        run(QStringLiteral("INSERT INTO answer VALUES ('response-1', 'c4-listened', 'int', 2, "
                           "NULL, ?)"),
            {at});
        run(QStringLiteral("INSERT INTO score VALUES ('response-1', 'total', 'total', 1, NULL, "
                           "2.5, 1, 3, 75, 2, 2, 0)"));
        run(QStringLiteral("UPDATE response SET status = 'complete', completed_at = ? "
                           "WHERE id = 'response-1'"),
            {at});
        if (version >= 2)
            run(QStringLiteral("INSERT INTO session (id, episode_id, physio_id, session_date, "
                               "created_at, setting) VALUES ('session-2', 'episode-1', "
                               "'staff-1', '2024-03-08', ?, 'home')"),
                {at});
        if (withDecline || version >= 3) {
            run(QStringLiteral("INSERT INTO response (id, session_id, respondent, staff_id, "
                               "instrument_id, instrument_version, language, status, "
                               "started_at, updated_at) VALUES ('response-2', 'session-1', "
                               "'parent', 'staff-1', 'triad-parent', '1.0.0', 'en', 'draft', "
                               "?, ?)"),
                {at, at});
            run(QStringLiteral("UPDATE response SET status = 'declined', decline_reason = "
                               "'other', completed_at = ? WHERE id = 'response-2'"),
                {at});
        }
        if (version >= 3)
            run(QStringLiteral("INSERT INTO round_skip (id, session_id, respondent, reason, "
                               "created_at) VALUES ('skip-1', 'session-2', 'child', 'absent', "
                               "?)"),
                {at});
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// Every fact as "source:respondent:status:day:total:at_maximum:instrument", in source order.
const QString kFacts = QStringLiteral(
    "SELECT group_concat(x, ';') FROM (SELECT coalesce(f.response_id, f.skip_id) || ':' || "
    "(f.outcome & 3) || ':' || ((f.outcome >> 2) & 3) || ':' || f.day || ':' || "
    "coalesce(f.total, '-') || ':' || ((f.outcome >> 4) & 1) || ':' || "
    "coalesce(i.instrument_id, '-') AS x FROM dashboard_fact f "
    "LEFT JOIN dashboard_instrument i ON i.code = f.outcome >> 5 ORDER BY 1)");
// Facts whose episode and session keys (v5: the stable seq columns) name the rows they came
// from.
const QString kFactsOfTheirRows =
    QStringLiteral("SELECT count(*) FROM dashboard_fact f JOIN session s ON s.seq = f.session "
                   "JOIN episode e ON e.seq = f.episode AND e.id = s.episode_id "
                   "WHERE s.id = coalesce("
                   "(SELECT session_id FROM response WHERE id = f.response_id),"
                   " (SELECT session_id FROM round_skip WHERE id = f.skip_id))");

QVariant scalar(Database &db, const QString &sql)
{
    QSqlQuery q = db.query();
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIntValue("TRIAD_WRITE_DB_FIXTURES") == 1) {
            QDir().mkpath(QStringLiteral(TRIAD_TEST_DATA "/db"));
            for (const MigrationStep &step : migrationSteps())
                if (!QFile::exists(fixturePath(step.version)))
                    QVERIFY(writeFixture(fixturePath(step.version), step.version));
        }
    }

    void stepsAreOrderedAndCurrentIsLast()
    {
        int previous = 0;
        for (const MigrationStep &step : migrationSteps()) {
            QCOMPARE(step.version, previous + 1);
            QVERIFY(!step.statements.isEmpty());
            previous = step.version;
        }
        QCOMPARE(currentSchemaVersion(), previous);
    }

    void newDatabaseIsCurrentWithSafePragmas()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY2(db.open(dir.filePath(QStringLiteral("clinic.sqlite"))),
                 qPrintable(db.lastError().detail));
        QCOMPARE(db.schemaVersion(), currentSchemaVersion());
        QVERIFY(db.backupPath().isEmpty()); // nothing to back up in a new database
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA secure_delete")).toInt(), 1);
        for (const QString &table : db.tables())
            QCOMPARE(db.rowCount(table), qint64(0));
    }

    void eachConnectionHasItsOwnName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        Database a;
        Database b;
        QVERIFY(a.open(path));
        QVERIFY(b.open(path));
        QVERIFY(a.connectionName() != b.connectionName());
        const QString name = a.connectionName();
        a.close();
        QVERIFY(!QSqlDatabase::contains(name));
        QVERIFY(b.isOpen());
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        {
            Database db;
            QVERIFY(db.open(path));
            QVERIFY(db.execSql(
                QStringLiteral("PRAGMA user_version = %1").arg(currentSchemaVersion() + 1)));
        }
        const QByteArray before = fileHash(path);
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.lastError().kind, StoreErrorKind::TooNew);
        QVERIFY(db.lastError().message().contains(QLatin1String("newer version of Triad")));
        QVERIFY(!db.isOpen());
        QCOMPARE(fileHash(path), before);
    }

    void sqliteDatabaseOfAnotherProgramIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "other");
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE photos (id INTEGER, path TEXT)")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray before = fileHash(path);
        Database db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.lastError().kind, StoreErrorKind::WrongFile);
        QCOMPARE(fileHash(path), before);
    }

    void existingOnlyDoesNotCreate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
        Database db;
        Database::Options options;
        options.mode = Database::OpenMode::ExistingOnly;
        QVERIFY(!db.open(path, options));
        QCOMPARE(db.lastError().kind, StoreErrorKind::NotFound);
        QVERIFY(!QFile::exists(path));
    }

    void fixtureMigratesWithDataIntact_data()
    {
        QTest::addColumn<int>("version");
        for (const MigrationStep &step : migrationSteps())
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(step.version))) << step.version;
    }

    void fixtureMigratesWithDataIntact()
    {
        QFETCH(int, version);
        QVERIFY2(QFile::exists(fixturePath(version)),
                 "every released schema version needs tests/data/db/v<N>.sqlite");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        QVERIFY(QFile::copy(fixturePath(version), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const QByteArray original = fileHash(path);

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.lastError().detail));
        QCOMPARE(db.schemaVersion(), currentSchemaVersion());
        if (version < currentSchemaVersion()) {
            QVERIFY(!db.backupPath().isEmpty());
            QVERIFY(db.backupPath().startsWith(path + QStringLiteral(".v%1-backup-").arg(version)));
            Database backup;
            Database::Options asIs;
            asIs.migrate = false;
            QVERIFY(backup.open(db.backupPath(), asIs));
            QCOMPARE(backup.schemaVersion(), version);
            // What a reader of an old snapshot (a backup being restored) may count.
            QSqlQuery q = backup.query();
            for (const QString &table : dataTables(version))
                QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)),
                         qPrintable(table));
            if (version < 3)
                QVERIFY(!dataTables(version).contains(QStringLiteral("round_skip")));
            if (version < 4)
                QVERIFY(!dataTables(version).contains(QStringLiteral("dashboard_fact")));
        } else {
            QVERIFY(db.backupPath().isEmpty());
            QCOMPARE(fileHash(path), original);
        }

        QCOMPARE(scalar(db, QStringLiteral("SELECT name FROM clinic")).toString(),
                 QStringLiteral("Fixture Clinic"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT code FROM patient")).toString(),
                 QStringLiteral("TRD-7K4M-Q2"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT name FROM patient")).toByteArray(),
                 QByteArray("v1:fixture-name-ciphertext"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT status FROM response WHERE id = "
                                           "'response-1'"))
                     .toString(),
                 QStringLiteral("complete"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT sum(value_num) FROM answer")).toInt(), 5);
        QCOMPARE(scalar(db, QStringLiteral("SELECT normalised FROM score")).toDouble(), 75.0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT setting FROM session WHERE id = "
                                           "'session-1'"))
                     .toString(),
                 QStringLiteral("clinic")); // v1 rows get v2's default
        if (version >= 2)
            QCOMPARE(scalar(db, QStringLiteral("SELECT setting FROM session WHERE id = "
                                               "'session-2'"))
                         .toString(),
                     QStringLiteral("home"));
        // v3: skips are their own table; a v3 database keeps its skip as it was written.
        QCOMPARE(dataTables(currentSchemaVersion()), dataTables());
        QVERIFY(db.tables().contains(QStringLiteral("round_skip")));
        QCOMPARE(db.rowCount(QStringLiteral("round_skip")), qint64(version >= 3 ? 1 : 0));
        if (version >= 3) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT respondent || ':' || reason FROM "
                                               "round_skip WHERE session_id = 'session-2'"))
                         .toString(),
                     QStringLiteral("child:absent"));
            QCOMPARE(scalar(db, QStringLiteral("SELECT decline_reason FROM response WHERE "
                                               "id = 'response-2'"))
                         .toString(),
                     QStringLiteral("other"));
        }
        // v4/v5: one dashboard fact per final response and per skip, rebuilt from the source
        // rows by the v5 step (whatever an older database held), written by the store's
        // triggers in a v5 one.
        QCOMPARE(db.rowCount(QStringLiteral("dashboard_fact")), qint64(version >= 3 ? 3 : 1));
        QString expected = QStringLiteral("response-1:0:0:19783:75.0:0:triad-child-4to7");
        if (version >= 3)
            expected += QStringLiteral(";response-2:1:1:19783:-:0:triad-parent"
                                       ";skip-1:0:2:19790:-:0:-");
        QCOMPARE(scalar(db, kFacts).toString(), expected);
        QCOMPARE(scalar(db, kFactsOfTheirRows).toLongLong(),
                 db.rowCount(QStringLiteral("dashboard_fact")));
        // v5: every staff, episode and session row has its stable key, numbered in the order
        // the rows were written; a new row takes the next one, and a key never changes.
        for (const char *table : {"staff", "episode", "session"})
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM %1 WHERE seq IS NULL OR "
                                               "seq <> rowid")
                                    .arg(QLatin1String(table)))
                         .toInt(),
                     0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT group_concat(id || '=' || seq) FROM "
                                           "(SELECT id, seq FROM session ORDER BY seq)"))
                     .toString(),
                 version >= 2 ? QStringLiteral("session-1=1,session-2=2")
                              : QStringLiteral("session-1=1"));
        QVERIFY(db.execSql(QStringLiteral("INSERT INTO session (id, episode_id, physio_id, "
                                          "session_date, created_at) VALUES ('session-9', "
                                          "'episode-1', 'staff-1', '2024-03-15', "
                                          "'2024-03-15T10:00:00.000Z')")));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT seq FROM session WHERE id = 'session-9'")).toInt(),
            version >= 2 ? 3 : 2);
        QVERIFY(!db.execSql(QStringLiteral("UPDATE session SET seq = 7 WHERE id = 'session-9'")));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Immutable);
        QVERIFY(db.execSql(QStringLiteral("INSERT INTO round_skip VALUES ('skip-8', "
                                          "'session-9', 'child', 'absent', "
                                          "'2024-03-15T10:05:00.000Z')")));
        QCOMPARE(scalar(db, kFactsOfTheirRows).toLongLong(),
                 db.rowCount(QStringLiteral("dashboard_fact")));
        // The immutability rules still hold after the migration.
        QVERIFY(!db.execSql(QStringLiteral("UPDATE answer SET value_num = 1")));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Immutable);
        QVERIFY(db.execSql(QStringLiteral("INSERT INTO round_skip VALUES ('skip-9', "
                                          "'session-1', 'physio', 'no-form-for-age', "
                                          "'2024-03-01T10:05:00.000Z')")));
        QVERIFY(!db.execSql(QStringLiteral("UPDATE round_skip SET reason = 'declined'")));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Immutable);
        QVERIFY(!db.execSql(QStringLiteral("DELETE FROM round_skip")));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Immutable);
        // v8: the dashboard scans the narrow copy of the facts (dashboard_fact_scan) instead
        // of the table, and the copy holds every fact, new ones included.
        QSqlQuery plan = db.query();
        QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT episode, session, day, "
                                         "outcome, total FROM dashboard_fact")));
        QVERIFY(plan.next());
        QCOMPARE(plan.value(3).toString(),
                 QStringLiteral("SCAN dashboard_fact USING COVERING INDEX dashboard_fact_scan"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM dashboard_fact INDEXED BY "
                                           "dashboard_fact_scan WHERE episode > 0"))
                     .toLongLong(),
                 db.rowCount(QStringLiteral("dashboard_fact")));
        // v9: the clinic figures read answers and scores from indexes that carry the values,
        // never from the tables, and the indexes hold every row.
        const auto planOf = [&db](const QString &sql) {
            QSqlQuery q = db.query();
            QStringList steps;
            if (q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
                while (q.next())
                    steps << q.value(3).toString();
            return steps.join(QLatin1Char('\n'));
        };
        const QString answers = planOf(QStringLiteral(
            "SELECT r.id, a.item_id, a.value_kind, a.value_num FROM answer a JOIN response r ON "
            "r.id = a.response_id WHERE r.status = 'complete' ORDER BY r.id"));
        QVERIFY2(answers.contains(QStringLiteral("USING COVERING INDEX answer_values")),
                 qPrintable(answers));
        const QString scores = planOf(QStringLiteral(
            "SELECT r.id, sc.kind, sc.score_id, sc.normalised FROM response r JOIN score sc ON "
            "sc.response_id = r.id WHERE sc.scorable = 1 AND sc.kind IN ('total', 'construct') "
            "ORDER BY r.id"));
        QVERIFY2(scores.contains(QStringLiteral("USING COVERING INDEX score_values")),
                 qPrintable(scores));
        for (const auto &[table, index] :
             {std::pair{"answer", "answer_values"}, std::pair{"score", "score_values"}})
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM %1 INDEXED BY %2 WHERE "
                                               "response_id > ''")
                                    .arg(QLatin1String(table), QLatin1String(index)))
                         .toLongLong(),
                     db.rowCount(QLatin1String(table)));
        QVERIFY(db.checkIntegrity());
    }

    // The tablet switched off while the copy before a migration was being written: the copy
    // cut short is never left looking like a backup. It is written as a leftover and renamed
    // once whole; the next open removes the leftover and takes a whole copy.
    void aCopyCutShortIsNeverTakenForABackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        const int version = currentSchemaVersion() - 1;
        QVERIFY(QFile::copy(fixturePath(version), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        // What a copy killed half-way leaves: part of the file and SQLite's journal.
        const QString cut =
            path + QStringLiteral(".snapshot-clinic.sqlite.v%1-backup-20261207-230520.sqlite")
                       .arg(version);
        QFile part(cut);
        QVERIFY(part.open(QIODevice::WriteOnly));
        QFile whole(fixturePath(version));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        part.write(whole.read(whole.size() / 3));
        part.close();
        QFile journal(cut + QStringLiteral("-journal"));
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.write(QByteArray(1024, '\0'));
        journal.close();
        QCOMPARE(Database::keptCopies(path), QStringList());

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.lastError().detail));
        QCOMPARE(db.schemaVersion(), currentSchemaVersion());
        QCOMPARE(Database::leftoverCopies(path), QStringList());
        QCOMPARE(Database::keptCopies(path), QStringList{db.backupPath()});
        Database backup;
        Database::Options asIs;
        asIs.migrate = false;
        QVERIFY(backup.open(db.backupPath(), asIs));
        QCOMPARE(backup.schemaVersion(), version);
        QCOMPARE(backup.rowCount(QStringLiteral("response")),
                 db.rowCount(QStringLiteral("response")));
    }

    // A response declined with "other" before v3 may have been an absence or not; nothing
    // says which, so the migration leaves it exactly as it was and invents no skip for it.
    void declinedResponsesAreLeftAsTheyWere_data()
    {
        QTest::addColumn<int>("version");
        for (const MigrationStep &step : migrationSteps())
            if (step.version < 3)
                QTest::newRow(qPrintable(QStringLiteral("v%1").arg(step.version))) << step.version;
    }

    void declinedResponsesAreLeftAsTheyWere()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        QVERIFY(writeFixture(path, version, true));
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.lastError().detail));
        QCOMPARE(db.schemaVersion(), currentSchemaVersion());
        QVERIFY(!db.backupPath().isEmpty());
        QCOMPARE(scalar(db, QStringLiteral("SELECT status || ':' || decline_reason || ':' || "
                                           "completed_at FROM response WHERE id = "
                                           "'response-2'"))
                     .toString(),
                 QStringLiteral("declined:other:2024-03-01T10:00:00.000Z"));
        QCOMPARE(db.rowCount(QStringLiteral("response")), qint64(2));
        QCOMPARE(db.rowCount(QStringLiteral("round_skip")), qint64(0));
        // The declined response counts as declined on the dashboard, not as a skip.
        QCOMPARE(scalar(db, kFacts).toString(),
                 QStringLiteral("response-1:0:0:19783:75.0:0:triad-child-4to7"
                                ";response-2:1:1:19783:-:0:triad-parent"));
        QVERIFY(!db.execSql(QStringLiteral("UPDATE response SET decline_reason = 'too-upset' "
                                           "WHERE id = 'response-2'")));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Immutable);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
