// Someone with the clinic's files and the sqlite3 tool, but without a passphrase: the audit
// log cut short behind its guard trigger, the chain head file deleted, emptied, filled with
// garbage, or swapped for an older or a newer one. triad-cli verify must name what is wrong,
// and neither verify nor any other command may append an entry or rewrite the head first.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kPassphrase = QStringLiteral("synthetic admin passphrase");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

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

} // namespace

class TestTamper : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_clean; // a clinic folder's database, closed (no -wal), with its head beside it
    int m_caseNumber = 0;

    Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRIAD_PASSPHRASE"), kPassphrase);
        env.insert(QStringLiteral("TRIAD_NEW_PASSPHRASE"), kPassphrase);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(TRIAD_CLI), args);
        if (!p.waitForFinished(60000))
            return {};
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

    // A fresh copy of the clean clinic (database and head) in its own folder.
    QString freshCopy()
    {
        const QString folder = m_dir.filePath(QStringLiteral("case%1").arg(++m_caseNumber));
        QDir().mkpath(folder);
        const QString db = folder + QStringLiteral("/clinic.sqlite");
        QFile::copy(m_clean, db);
        QFile::copy(m_clean + QStringLiteral(".audit-head"), db + QStringLiteral(".audit-head"));
        return db;
    }

    bool addPatient(const QString &db, const QString &name)
    {
        const Run r =
            cli({"patient", "add", "--name", name, "--birth-date", "2015-03-27", "--db", db});
        return r.exitCode == 0;
    }

    static qint64 auditCount(const QString &db)
    {
        qint64 n = -1;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "count");
            raw.setDatabaseName(db);
            raw.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (raw.open()) {
                QSqlQuery q(raw);
                if (q.exec(QStringLiteral("SELECT count(*) FROM audit")) && q.next())
                    n = q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }

    // Verify reports the problem, writes nothing, and a normal command refuses to work.
    void expectRefused(const QString &db, const QString &expected)
    {
        const QByteArray headBefore = readAll(db + QStringLiteral(".audit-head"));
        const bool headExisted = QFileInfo::exists(db + QStringLiteral(".audit-head"));
        const qint64 entriesBefore = auditCount(db);

        Run r = cli({"verify", "--db", db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Audit log: TAMPERED")), qPrintable(r.out));
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("restore the latest good backup")),
                 qPrintable(r.out));
        r = cli({"verify", "--db", db, "--json"});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("ok").toBool(true), false);
        QCOMPARE(json.value("auditOk").toBool(true), false);
        QVERIFY2(json.value("auditMessage").toString().contains(expected), qPrintable(r.out));

        // A command that would append an entry refuses before appending.
        r = cli(
            {"patient", "add", "--name", "Late Demo", "--birth-date", "2016-01-02", "--db", db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("changed outside Triad")), qPrintable(r.err));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("triad-cli verify")), qPrintable(r.err));

        QCOMPARE(QFileInfo::exists(db + QStringLiteral(".audit-head")), headExisted);
        QCOMPARE(readAll(db + QStringLiteral(".audit-head")), headBefore);
        QCOMPARE(auditCount(db), entriesBefore);
    }

    // sqlite3 by hand: runs `statements`, with the audit guard triggers dropped around them.
    static bool editRaw(const QString &db, const QStringList &statements)
    {
        bool ok = true;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "edit");
            raw.setDatabaseName(db);
            ok = raw.open();
            QSqlQuery q(raw);
            QStringList triggers;
            ok = ok && q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name IN "
                                             "('audit_no_delete', 'audit_no_update')"));
            while (ok && q.next())
                triggers << q.value(0).toString();
            q.finish();
            ok = ok && q.exec(QStringLiteral("DROP TRIGGER audit_no_delete")) &&
                 q.exec(QStringLiteral("DROP TRIGGER audit_no_update"));
            for (const QString &statement : statements)
                ok = ok && q.exec(statement);
            for (const QString &trigger : triggers)
                ok = ok && q.exec(trigger);
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        return ok;
    }

    static QString lastAction(const QString &db, QString *staffId)
    {
        QString action;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "last");
            raw.setDatabaseName(db);
            raw.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (raw.open()) {
                QSqlQuery q(raw);
                if (q.exec(QStringLiteral("SELECT action, coalesce(staff_id, '') FROM audit "
                                          "ORDER BY seq DESC LIMIT 1")) &&
                    q.next()) {
                    action = q.value(0).toString();
                    *staffId = q.value(1).toString();
                }
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("last"));
        return action;
    }

    static QString adminId(const QString &db)
    {
        QString id;
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "admin");
            raw.setDatabaseName(db);
            raw.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (raw.open()) {
                QSqlQuery q(raw);
                if (q.exec(QStringLiteral("SELECT id FROM staff WHERE role = 'admin'")) && q.next())
                    id = q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return id;
    }

    // The re-issue is refused: the message names why, the head file and the log unchanged.
    void expectNoReissue(const QString &db, const QStringList &extra, int exitCode,
                         const QString &expected)
    {
        const QString headPath = db + QStringLiteral(".audit-head");
        const bool headExisted = QFileInfo::exists(headPath);
        const QByteArray headBefore = readAll(headPath);
        const qint64 entriesBefore = auditCount(db);
        const Run r =
            cli(QStringList{"verify", "--reissue-head", "--db", db, "--as", "Demo Admin"} + extra);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("re-issued")), qPrintable(r.out));
        QCOMPARE(QFileInfo::exists(headPath), headExisted);
        QCOMPARE(readAll(headPath), headBefore);
        QCOMPARE(auditCount(db), entriesBefore);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString folder = m_dir.filePath(QStringLiteral("clean"));
        QDir().mkpath(folder);
        m_clean = folder + QStringLiteral("/clinic.sqlite");
        const Run r =
            cli({"init", "--clinic", "Synthetic Clinic", "--admin", "Demo Admin", "--db", m_clean});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (int i = 0; i < 4; ++i)
            QVERIFY(addPatient(m_clean, QStringLiteral("Demo Child %1").arg(i)));
        QVERIFY(!QFileInfo::exists(m_clean + QStringLiteral("-wal")));
    }

    void cleanVerifyShowsTheHeadAndWritesNothing()
    {
        const QString db = freshCopy();
        const QByteArray head = readAll(db + QStringLiteral(".audit-head"));
        const qint64 entries = auditCount(db);
        Run r = cli({"verify", "--db", db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Audit log: ok, %1 entries").arg(entries)),
                 qPrintable(r.out));
        const QRegularExpression shown(
            QStringLiteral("Chain head: entry %1, fingerprint [0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}")
                .arg(entries));
        QVERIFY2(shown.match(r.out).hasMatch(), qPrintable(r.out));
        r = cli({"verify", "--db", db, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("headEntry").toInt(), int(entries));
        QCOMPARE(json.value("headFingerprint").toString().size(), 14);
        // Verification reads only.
        QCOMPARE(readAll(db + QStringLiteral(".audit-head")), head);
        QCOMPARE(auditCount(db), entries);
    }

    void backupRecordsTheHeadVerifyShows()
    {
        const QString db = freshCopy();
        const qint64 entries = auditCount(db);
        const QString backup = db + QStringLiteral(".triadbak");
        Run r = cli({"backup", backup, "--db", db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The snapshot holds the entries so far and this command's sign-in.
        const QRegularExpression recorded(
            QStringLiteral("Chain head in this backup: entry %1, fingerprint "
                           "([0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4})")
                .arg(entries + 1));
        const auto match = recorded.match(r.out);
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        r = cli({"verify", "--db", db, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("headEntry").toInt(), int(entries + 2)); // + the backup entry
        QVERIFY(json.value("rowsOk").toBool());
        QVERIFY(json.value("rowsSealed").toBool());
        QVERIFY(json.value("headFingerprint").toString() != match.captured(1));

        // Restored on a new device, the database starts from that head: its restore entry
        // follows the recorded entry.
        const QString folder = m_dir.filePath(QStringLiteral("newdevice%1").arg(m_caseNumber));
        QDir().mkpath(folder);
        const QString restored = folder + QStringLiteral("/clinic.sqlite");
        r = cli({"restore", backup, "--db", restored, "--as", "Demo Admin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({"verify", "--db", restored});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Chain head: entry %1,").arg(entries + 2)),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Rows: ok")), qPrintable(r.out));
    }

    void editedRowIsNamedByVerify()
    {
        const QString db = freshCopy();
        QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(
                q.exec(QStringLiteral("UPDATE staff SET role = 'physio' WHERE role = 'admin'")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        Run r = cli({"verify", "--db", db, "--as", "Demo Admin"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Audit log: ok")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Rows: TAMPERED: table staff, row ")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("column role was changed outside Triad")),
                 qPrintable(r.out));
        r = cli({"verify", "--db", db, "--as", "Demo Admin", "--json"});
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("badTable").toString(), QStringLiteral("staff"));
        QCOMPARE(json.value("badColumn").toString(), QStringLiteral("role"));
    }

    // A physio who raises their own role to admin with sqlite3 cannot sign in on it: the
    // member's own row is checked at sign-in, before anything is appended.
    void raisedRoleIsRefusedAtSignIn()
    {
        const QString db = freshCopy();
        Run r = cli({"staff", "add", "--name", "Demo Physio", "--role", "physio", "--db", db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral(
                "UPDATE staff SET role = 'admin' WHERE display_name = 'Demo Physio'")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const qint64 entries = auditCount(db);
        r = cli({"patient", "list", "--db", db, "--as", "Demo Physio"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("column role was changed outside Triad")),
                 qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("Demo Child")), qPrintable(r.out));
        QCOMPARE(auditCount(db), entries);
    }

    void cutLogIsReported()
    {
        const QString db = freshCopy();
        const qint64 entries = auditCount(db);
        // sqlite3 by hand: drop the guard, delete the newest 5 entries, put the guard back.
        QVERIFY(editRaw(db, {QStringLiteral("DELETE FROM audit WHERE seq > %1").arg(entries - 5)}));
        QCOMPARE(auditCount(db), entries - 5);
        expectRefused(db, QStringLiteral("entries after %1 are missing (the chain head says %2)")
                              .arg(entries - 5)
                              .arg(entries));
    }

    void missingHeadIsReported()
    {
        const QString db = freshCopy();
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));
        expectRefused(db, QStringLiteral("is missing"));
    }

    void emptyHeadIsReported()
    {
        const QString db = freshCopy();
        QVERIFY(writeAll(db + QStringLiteral(".audit-head"), {}));
        expectRefused(db, QStringLiteral("is empty"));
    }

    void garbageHeadIsReported()
    {
        const QString db = freshCopy();
        QVERIFY(writeAll(db + QStringLiteral(".audit-head"), "\x89PNG garbage {\"v\":1"));
        expectRefused(db, QStringLiteral("is damaged"));
        // Well-formed but not made with this clinic's key.
        QVERIFY(writeAll(db + QStringLiteral(".audit-head"),
                         "{\"v\":1,\"seq\":3,\"mac\":\"" + QByteArray(32, 'a').toBase64() +
                             "\",\"check\":\"" + QByteArray(32, 'b').toBase64() + "\"}"));
        expectRefused(db, QStringLiteral("was altered or belongs to another database"));
    }

    void olderHeadIsReported()
    {
        const QString db = freshCopy();
        const QByteArray oldHead = readAll(db + QStringLiteral(".audit-head"));
        const qint64 before = auditCount(db);
        QVERIFY(addPatient(db, QStringLiteral("Demo Newer")));
        const qint64 after = auditCount(db);
        QVERIFY(after > before);
        QVERIFY(writeAll(db + QStringLiteral(".audit-head"), oldHead));
        expectRefused(db, QStringLiteral("the head file says the last entry is %1 but the log "
                                         "ends at entry %2")
                              .arg(before)
                              .arg(after));
    }

    void futureHeadIsReported()
    {
        // The database put back from an older copy while the head file moved on.
        const QString db = freshCopy();
        const QByteArray oldDatabase = readAll(db);
        const qint64 before = auditCount(db);
        QVERIFY(addPatient(db, QStringLiteral("Demo Newer")));
        const qint64 after = auditCount(db);
        // triad-cli checkpointed on exit; what is left beside the file is our read's empty log.
        QFile::remove(db + QStringLiteral("-wal"));
        QFile::remove(db + QStringLiteral("-shm"));
        QVERIFY(writeAll(db, oldDatabase));
        expectRefused(db, QStringLiteral("entries after %1 are missing (the chain head says %2)")
                              .arg(before)
                              .arg(after));
    }
    // A lost head with the log intact: the admin re-issues it, audited, and work goes on.
    void lostHeadIsReissuedByAnAdmin()
    {
        const QString db = freshCopy();
        const qint64 entries = auditCount(db);
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));
        Run r = cli({"verify", "--reissue-head", "--db", db, "--as", "Demo Admin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("The previous chain head was unusable")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("is missing")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Not compared with a backup")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Chain head re-issued by Demo Admin (audit entry "
                                               "\"reissue-head\"): entry %1, fingerprint ")
                                    .arg(entries + 1)),
                 qPrintable(r.out));
        QCOMPARE(auditCount(db), entries + 1);
        QString who;
        QCOMPARE(lastAction(db, &who), QStringLiteral("reissue-head"));
        QCOMPARE(who, adminId(db));

        r = cli({"verify", "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value("headEntry").toInt(), int(entries + 1));
        QVERIFY(addPatient(db, QStringLiteral("Demo After Reissue")));
    }

    void garbageHeadIsReissuedAndSaysWhatItFound()
    {
        const QString db = freshCopy();
        QVERIFY(writeAll(db + QStringLiteral(".audit-head"), "\x89PNG garbage {\"v\":1"));
        const Run r = cli({"verify", "--reissue-head", "--db", db, "--as", "Demo Admin", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(json.value("previousHead").toString().contains(QStringLiteral("is damaged")),
                 qPrintable(r.out));
        QCOMPARE(json.value("reissuedBy").toString(), QStringLiteral("Demo Admin"));
        QCOMPARE(json.value("backupChecked").toBool(true), false);
        QVERIFY(json.value("warning").toString().contains(QStringLiteral("cut")));
        QCOMPARE(cli({"verify", "--db", db}).exitCode, 0);
    }

    void goodHeadIsNotReissued()
    {
        const QString db = freshCopy();
        expectNoReissue(db, {}, 2, QStringLiteral("nothing to re-issue"));
    }

    // An older head written with the clinic's key is evidence of a cut log, not a lost head.
    void headThatDisagreesIsNotReplaced()
    {
        const QString db = freshCopy();
        const QByteArray oldHead = readAll(db + QStringLiteral(".audit-head"));
        QVERIFY(addPatient(db, QStringLiteral("Demo Newer")));
        QVERIFY(writeAll(db + QStringLiteral(".audit-head"), oldHead));
        expectNoReissue(db, {}, 1, QStringLiteral("not of a lost head"));
    }

    void editedRowStopsTheReissue()
    {
        const QString db = freshCopy();
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));
        QVERIFY(editRaw(db, {QStringLiteral("UPDATE patient SET birth_date = '2014-01-01'")}));
        expectNoReissue(db, {}, 1, QStringLiteral("does not match its seal"));
    }

    void brokenChainStopsTheReissue()
    {
        const QString db = freshCopy();
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));
        QVERIFY(editRaw(db, {QStringLiteral("UPDATE audit SET action = 'nothing' WHERE seq = 2")}));
        expectNoReissue(db, {}, 1, QStringLiteral("does not verify at entry 2"));
    }

    void onlyAnAdminReissues()
    {
        const QString db = freshCopy();
        QVERIFY(cli({"staff", "add", "--name", "Demo Physio", "--role", "physio", "--db", db})
                    .exitCode == 0);
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));
        const qint64 entries = auditCount(db);
        const Run r = cli({"verify", "--reissue-head", "--db", db, "--as", "Demo Physio"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Only an active admin")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(db + QStringLiteral(".audit-head")));
        QCOMPARE(auditCount(db), entries);
    }

    // A cut log whose head was deleted too looks intact on its own; the newest backup's
    // recorded head is what shows the cut.
    void backupShowsACutLogWhoseHeadWasDeleted()
    {
        const QString db = freshCopy();
        const QString backup = db + QStringLiteral(".triadbak");
        QVERIFY(cli({"backup", backup, "--db", db}).exitCode == 0);
        const qint64 atBackup = auditCount(db) - 1; // the snapshot holds up to the sign-in
        QVERIFY(addPatient(db, QStringLiteral("Demo Later One")));
        QVERIFY(addPatient(db, QStringLiteral("Demo Later Two")));
        QVERIFY(
            editRaw(db, {QStringLiteral("DELETE FROM audit WHERE seq > %1").arg(atBackup - 1)}));
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));

        expectNoReissue(db, {"--against", backup}, 1,
                        QStringLiteral("recorded the chain head at entry %1, but the audit log "
                                       "ends at entry %2: entries were cut off the log")
                            .arg(atBackup)
                            .arg(atBackup - 1));
        // Without the backup the same files pass every check: what the warning says.
        const Run r = cli({"verify", "--reissue-head", "--db", db, "--as", "Demo Admin"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("a log whose newest entries were cut and whose "
                                               "head was deleted as well looks exactly like this")),
                 qPrintable(r.out));
    }

    void backupConfirmsTheLogItRecorded()
    {
        const QString db = freshCopy();
        const QString backup = db + QStringLiteral(".triadbak");
        QVERIFY(cli({"backup", backup, "--db", db}).exitCode == 0);
        const qint64 atBackup = auditCount(db) - 1;
        QVERIFY(addPatient(db, QStringLiteral("Demo Later")));
        QVERIFY(QFile::remove(db + QStringLiteral(".audit-head")));
        const Run r = cli(
            {"verify", "--reissue-head", "--against", backup, "--db", db, "--as", "Demo Admin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("recorded the chain head at entry %1; the log "
                                               "still holds that entry unchanged")
                                    .arg(atBackup)),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("Not compared with a backup")));
    }

    void againstWithoutReissueIsAUsageError()
    {
        const QString db = freshCopy();
        const Run r = cli({"verify", "--against", db + ".triadbak", "--db", db});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--against BACKUP goes with --reissue-head")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
