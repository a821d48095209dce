// Row seals against someone with the database file and the sqlite3 tool: any edited, deleted
// or added row is named by verify (table, row, column when known), and 1,000 random
// single-byte flips of the file either are reported or left every row as it was.
#include "core/insights/demoalerts.h"
#include "core/interop/clinicverification.h"
#include "core/store/clinic.h"
#include "core/store/database.h"
#include "core/store/patientrepository.h"
#include "core/store/rowseal.h"
#include "core/store/schema.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace triad;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs statements on the file as sqlite3 would: no Triad, no triggers of ours beyond the file's.
bool raw(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (!ok)
                break;
            ok = q.exec(s);
            if (!ok)
                qWarning() << s << q.lastError().text();
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

QString firstValue(const QString &path, const QString &sql)
{
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "peek");
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return value;
}

// Every row of every table (the seals and the audit too), exactly as stored.
QStringList dump(store::Database &db)
{
    QStringList rows;
    QSqlQuery tables = db.query();
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                    "ORDER BY name")))
        return {QStringLiteral("unreadable")};
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &table : names) {
        QSqlQuery cols = db.query();
        cols.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table));
        QStringList parts;
        while (cols.next())
            parts << QStringLiteral("hex(quote(\"%1\"))").arg(cols.value(1).toString());
        QSqlQuery q = db.query();
        if (!q.exec(QStringLiteral("SELECT %1 FROM \"%2\"")
                        .arg(parts.join(QStringLiteral(" || ',' || ")), table))) {
            rows << table + QStringLiteral(": unreadable");
            continue;
        }
        QStringList tableRows;
        while (q.next())
            tableRows << table + QLatin1Char(':') + q.value(0).toString();
        tableRows.sort();
        rows << tableRows;
    }
    return rows;
}

} // namespace

class TestRowSeals : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clean; // the demo clinic, closed (no -wal), with its head file
    crypto::Vault m_vault;
    QString m_adminId;
    int m_case = 0;

    QString freshCopy()
    {
        const QString path = m_dir.filePath(QStringLiteral("case%1.sqlite").arg(++m_case));
        QFile::copy(m_clean, path);
        QFile::copy(m_clean + QStringLiteral(".audit-head"), path + QStringLiteral(".audit-head"));
        return path;
    }

    interop::VerificationReport verifyFile(const QString &path)
    {
        store::Database db;
        store::Database::Options options;
        options.mode = store::Database::OpenMode::ExistingOnly;
        options.checkIntegrity = false;
        if (!db.open(path, options))
            qFatal("cannot open %s", qPrintable(path));
        return interop::verifyClinic(db, m_vault);
    }

    void expectFinding(const QString &path, const QString &table, const QString &expected)
    {
        const interop::VerificationReport report = verifyFile(path);
        QVERIFY(!report.ok());
        QVERIFY2(!report.rows.ok, qPrintable(report.rows.message));
        QCOMPARE(report.rows.table, table);
        QVERIFY2(report.rows.message.contains(expected), qPrintable(report.rows.message));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clean = m_dir.filePath(QStringLiteral("clean.sqlite"));
        const auto library = InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
        store::DemoOptions options;
        options.patients = 2;
        options.scrypt = crypto::ScryptParams{1024, 8, 1}; // quick for tests only
        {
            store::Database db;
            QVERIFY(db.open(m_clean));
            QVERIFY2(insights::createDemoClinicWithAlerts(db, library, m_vault, options),
                     qPrintable(db.lastError().detail));
            m_adminId = m_vault.staffId();
        }
        QVERIFY(!QFile::exists(m_clean + QStringLiteral("-wal")));
        QVERIFY(m_vault.isUnlocked());
    }

    void demoClinicIsSealedAndVerifies()
    {
        const interop::VerificationReport report = verifyFile(freshCopy());
        QVERIFY2(report.ok(), qPrintable(report.audit.message + report.rows.message));
        QVERIFY(report.rows.ok);
        QVERIFY(report.rows.rowsChecked > 50);
        QVERIFY(report.rowsSealed);
    }

    void editedTotalScoreIsNamed()
    {
        const QString path = freshCopy();
        // A completed total; its normalised value set to 62.5 first would itself be an edit,
        // so the test takes the first complete total and moves it, as the issue did, to 5.
        const QString where = QStringLiteral(
            "WHERE kind = 'total' AND response_id = (SELECT r.id FROM response r JOIN score s "
            "ON s.response_id = r.id AND s.kind = 'total' WHERE r.status = 'complete' "
            "AND s.normalised <> 5 ORDER BY r.id LIMIT 1)");
        const QString response =
            firstValue(path, QStringLiteral("SELECT response_id FROM score ") + where);
        QVERIFY(!response.isEmpty());
        const QString trigger = firstValue(
            path,
            QStringLiteral("SELECT sql FROM sqlite_master WHERE name = 'score_final_no_update'"));
        QVERIFY(!trigger.isEmpty());
        QVERIFY(raw(path, {QStringLiteral("DROP TRIGGER score_final_no_update"),
                           QStringLiteral("UPDATE score SET normalised = 5 ") + where, trigger}));
        expectFinding(path, QStringLiteral("score"),
                      QStringLiteral("column normalised was changed"));
        const interop::VerificationReport report = verifyFile(path);
        QVERIFY2(report.rows.row.contains(response), qPrintable(report.rows.row));
        QCOMPARE(report.rows.column, QStringLiteral("normalised"));
    }

    void editedAndDeletedRowsAreNamed_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("expected");
        const QString anyResponse = QStringLiteral(
            "(SELECT id FROM response WHERE status = 'complete' ORDER BY id LIMIT 1)");
        QTest::newRow("response edited")
            << QStringList{QStringLiteral("DROP TRIGGER response_final_no_update"),
                           QStringLiteral(
                               "UPDATE response SET staff_id = 'someone-else' WHERE id = ") +
                               anyResponse}
            << QStringLiteral("response") << QStringLiteral("column staff_id was changed");
        QTest::newRow("response deleted")
            << QStringList{QStringLiteral("DROP TRIGGER response_final_no_delete"),
                           QStringLiteral("DELETE FROM response WHERE id = ") + anyResponse}
            << QStringLiteral("response") << QStringLiteral("was deleted outside Triad");
        QTest::newRow("answer edited")
            << QStringList{QStringLiteral("DROP TRIGGER answer_final_no_update"),
                           QStringLiteral("UPDATE answer SET value_num = 4 WHERE rowid = (SELECT "
                                          "min(rowid) FROM answer WHERE value_kind = 'int' AND "
                                          "value_num <> 4)")}
            << QStringLiteral("answer") << QStringLiteral("column value_num was changed");
        QTest::newRow("patient edited")
            << QStringList{QStringLiteral("UPDATE patient SET code = 'TRD-AAAA-AA' WHERE rowid = "
                                          "(SELECT min(rowid) FROM patient)")}
            << QStringLiteral("patient") << QStringLiteral("column code was changed");
        QTest::newRow("patient deleted")
            << QStringList{QStringLiteral("DELETE FROM patient WHERE rowid = (SELECT min(rowid) "
                                          "FROM patient)")}
            << QStringLiteral("patient") << QStringLiteral("was deleted outside Triad");
        QTest::newRow("staff edited")
            << QStringList{QStringLiteral("UPDATE staff SET role = 'admin' WHERE role = 'physio'")}
            << QStringLiteral("staff") << QStringLiteral("column role was changed");
        QTest::newRow("staff deleted")
            << QStringList{QStringLiteral("DELETE FROM staff WHERE role = 'lead'")}
            << QStringLiteral("staff") << QStringLiteral("was deleted outside Triad");
        QTest::newRow("alert edited")
            << QStringList{QStringLiteral("UPDATE alert SET severity = CASE severity WHEN 'info' "
                                          "THEN 'concern' ELSE 'info' END WHERE rowid = "
                                          "(SELECT min(rowid) FROM alert)")}
            << QStringLiteral("alert") << QStringLiteral("column severity was changed");
        QTest::newRow("alert deleted")
            << QStringList{QStringLiteral("DELETE FROM alert WHERE rowid = (SELECT min(rowid) "
                                          "FROM alert)")}
            << QStringLiteral("alert") << QStringLiteral("was deleted outside Triad");
        QTest::newRow("patient added")
            << QStringList{QStringLiteral("INSERT INTO patient SELECT 'intruder', 'TRD-ZZZZ-ZZ', "
                                          "name, birth_date, notes, created_at, created_by "
                                          "FROM patient LIMIT 1")}
            << QStringLiteral("patient") << QStringLiteral("was added outside Triad");
        QTest::newRow("dashboard fact edited")
            << QStringList{QStringLiteral("DROP TRIGGER dashboard_fact_no_update"),
                           QStringLiteral("UPDATE dashboard_fact SET total = 1 WHERE id = (SELECT "
                                          "min(id) FROM dashboard_fact WHERE total IS NOT NULL "
                                          "AND total <> 1)")}
            << QStringLiteral("dashboard_fact") << QStringLiteral("column total was changed");
        QTest::newRow("row deleted with its seal")
            << QStringList{QStringLiteral(
                               "DELETE FROM row_seal WHERE table_name = 'patient' AND "
                               "row_key = (SELECT id FROM patient ORDER BY rowid LIMIT 1)"),
                           QStringLiteral("DELETE FROM patient WHERE rowid = (SELECT min(rowid) "
                                          "FROM patient)")}
            << QString() << QStringLiteral("register of row seals does not match");
    }

    void editedAndDeletedRowsAreNamed()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, table);
        QFETCH(QString, expected);
        const QString path = freshCopy();
        QVERIFY(raw(path, statements));
        expectFinding(path, table, expected);
    }

    // A clinic made by a v5 Triad: migration to v6 has no key, so the first sign-in seals.
    void migratedClinicIsSealedAtTheFirstSignIn()
    {
        const QString path = m_dir.filePath(QStringLiteral("v5clinic.sqlite"));
        QVERIFY(raw(path, [] {
            QStringList sql{QStringLiteral("PRAGMA journal_mode = WAL")};
            for (const store::MigrationStep &step : store::migrationSteps()) {
                if (step.version > 5)
                    break;
                sql << step.statements
                    << QStringLiteral("PRAGMA user_version = %1").arg(step.version);
            }
            return sql;
        }()));
        const crypto::ScryptParams fast{1024, 8, 1};
        const QString passphrase = QStringLiteral("synthetic admin passphrase");
        QString adminId;
        {
            store::Database v5;
            store::Database::Options asIs;
            asIs.migrate = false;
            QVERIFY(v5.open(path, asIs));
            QCOMPARE(v5.schemaVersion(), 5);
            crypto::Vault vault;
            store::Clinic clinic(v5);
            const auto admin = clinic.create(QStringLiteral("Old Clinic"),
                                             QStringLiteral("Demo Admin"), passphrase, vault, fast);
            QVERIFY2(admin, qPrintable(v5.lastError().detail));
            adminId = admin->id;
        }
        store::Database db;
        QVERIFY(db.open(path)); // migrates to v6, without a key
        QCOMPARE(db.schemaVersion(), store::currentSchemaVersion());
        QVERIFY(!store::rowseal::isActive(db));
        crypto::Vault vault;
        store::Clinic clinic(db);
        QVERIFY(clinic.unlockWithoutAudit(adminId, passphrase, vault));
        interop::VerificationReport before = interop::verifyClinic(db, vault);
        QVERIFY2(before.ok(), qPrintable(before.audit.message + before.rows.message));
        QVERIFY(!before.rowsSealed);
        QVERIFY(clinic.signIn(adminId, passphrase, vault));
        QVERIFY(store::rowseal::isActive(db));
        const interop::VerificationReport after = interop::verifyClinic(db, vault);
        QVERIFY2(after.ok(), qPrintable(after.audit.message + after.rows.message));
        QVERIFY(after.rowsSealed);
        QVERIFY(after.rows.rowsChecked >= 3); // clinic, staff, key slot
        QSqlQuery q = db.query();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'seal-rows'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    // The register gone although the log says the rows were sealed: seals were removed.
    void removedRegisterIsReported()
    {
        const QString path = freshCopy();
        QVERIFY(raw(path, {QStringLiteral("DELETE FROM row_seal_register")}));
        const interop::VerificationReport report = verifyFile(path);
        QVERIFY(!report.ok());
        QVERIFY2(report.rows.message.contains(QStringLiteral("register of row seals was removed")),
                 qPrintable(report.rows.message));
    }

    void thousandByteFlipsAreReportedOrChangeNothing()
    {
        const QByteArray original = readAll(m_clean);
        const QByteArray head = readAll(m_clean + QStringLiteral(".audit-head"));
        QStringList before;
        {
            store::Database db;
            QVERIFY(db.open(freshCopy()));
            before = dump(db);
        }
        QRandomGenerator rng(20261204);
        const QString path = m_dir.filePath(QStringLiteral("flip.sqlite"));
        int reported = 0, harmless = 0;
        for (int i = 0; i < 1000; ++i) {
            for (const char *suffix : {"-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
            QByteArray bytes = original;
            const int at = int(rng.bounded(quint32(bytes.size())));
            const char mask = char(1 + rng.bounded(255));
            bytes[at] = char(bytes.at(at) ^ mask);
            QVERIFY(writeAll(path, bytes));
            QVERIFY(writeAll(path + QStringLiteral(".audit-head"), head));
            store::Database db;
            store::Database::Options options;
            options.mode = store::Database::OpenMode::ExistingOnly;
            options.checkIntegrity = false;
            options.migrate = false;
            if (!db.open(path, options) || db.schemaVersion() != store::currentSchemaVersion()) {
                ++reported; // refused: what verify prints as "cannot open" (exit 2)
                continue;
            }
            const interop::VerificationReport report = interop::verifyClinic(db, m_vault);
            if (!report.ok()) {
                ++reported;
                QVERIFY2(!report.integrityReport.isEmpty() || report.integrityOk,
                         "damage is never reported with an empty reason");
                continue;
            }
            const QStringList after = dump(db);
            if (after != before) {
                QStringList changed;
                for (const QString &row : after)
                    if (!before.contains(row))
                        changed << row.left(160);
                QFAIL(qPrintable(QStringLiteral("flip %1 at byte %2 verified ok over changed "
                                                "rows: %3")
                                     .arg(i)
                                     .arg(at)
                                     .arg(changed.mid(0, 3).join(QStringLiteral(" | ")))));
            }
            ++harmless;
        }
        qInfo("1000 flips: %d reported, %d changed no row", reported, harmless);
    }
};

QTEST_GUILESS_MAIN(TestRowSeals)
#include "tst_rowseals.moc"
