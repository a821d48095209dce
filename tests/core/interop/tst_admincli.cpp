// The administration commands as an admin runs them: the built triad-cli in a QProcess,
// passphrases from the environment, exit codes and messages checked, and the canary patient
// never printed.
#include "canary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace triad::interop::testing;

namespace {

const QString kPassphrase = QStringLiteral("synthetic admin passphrase");
const QString kCanary = QStringLiteral("CANARY-7f3a9c");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestAdminCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QString m_allOutput; // everything any command printed, for the canary check

    Run cli(const QStringList &args, const QString &passphrase = kPassphrase,
            const QString &newPassphrase = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRIAD_PASSPHRASE"), passphrase);
        if (!newPassphrase.isEmpty())
            env.insert(QStringLiteral("TRIAD_NEW_PASSPHRASE"), newPassphrase);
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        p.setProcessEnvironment(env);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(TRIAD_CLI), args);
        if (!p.waitForFinished(60000))
            return {};
        Run r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
              QString::fromUtf8(p.readAllStandardError())};
        m_allOutput += r.out + r.err;
        return r;
    }

    QStringList withDb(QStringList args) const { return args << QStringLiteral("--db") << m_db; }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("clinic.sqlite"));
    }

    void initSetsUpTheClinicOnce()
    {
        Run r = cli(withDb({"init", "--clinic", "Synthetic Clinic", "--admin", "Demo Admin"}), {},
                    kPassphrase);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Synthetic Clinic")));
        QVERIFY(QFileInfo::exists(m_db));
        r = cli(withDb({"init", "--clinic", "Other", "--admin", "Other Admin"}), {}, kPassphrase);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("already holds the clinic")));
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        r = cli({"init", "--clinic", "X", "--admin", "Y", "--db", other}, {},
                QStringLiteral("short"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("passphrase")));
        QVERIFY(!QFileInfo::exists(other));
        r = cli(withDb({"demo"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("empty database")));
    }

    // The clinic lead's item figures on the demo clinic: every shipped 2.0.0 form, each total
    // item with its corrected item-total correlation, the core's test-retest measure.
    void normsListItemFiguresPerForm()
    {
        const QString db = m_dir.filePath(QStringLiteral("norms.sqlite"));
        Run r = cli({"demo", "--patients", "6", "--json", "--db", db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject demo = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QJsonObject lead;
        for (const auto &a : demo[QStringLiteral("accounts")].toArray())
            if (a.toObject()[QStringLiteral("role")].toString() == QLatin1String("admin"))
                lead = a.toObject();
        QVERIFY(!lead.isEmpty());
        r = cli({"norms", "--json", "--db", db, "--as", lead[QStringLiteral("name")].toString()},
                lead[QStringLiteral("passphrase")].toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("ok")].toBool(), true);
        QSet<QString> forms;
        for (const auto &value : report[QStringLiteral("forms")].toArray()) {
            const QJsonObject form = value.toObject();
            forms.insert(form[QStringLiteral("instrument")].toString());
            QCOMPARE(form[QStringLiteral("majorVersion")].toString(), QStringLiteral("2"));
            QCOMPARE(form[QStringLiteral("retestMeasure")].toString(), QStringLiteral("core"));
            const QJsonArray items = form[QStringLiteral("items")].toArray();
            QVERIFY(items.size() >= 6);
            int core = 0;
            for (const auto &item : items) {
                QVERIFY(item.toObject().contains(QStringLiteral("correctedItemTotal")));
                core += item.toObject()[QStringLiteral("core")].toBool() ? 1 : 0;
            }
            QCOMPARE(core, 6);
        }
        QVERIFY(forms.contains(QStringLiteral("triad-physio")));
        QVERIFY(forms.contains(QStringLiteral("triad-parent")));
        QCOMPARE(
            cli({"norms", "--db", db, "--as", lead[QStringLiteral("name")].toString(), "extra"},
                lead[QStringLiteral("passphrase")].toString())
                .exitCode,
            2);
    }

    void staffAndPatientsAreAdded()
    {
        Run r = cli(withDb({"staff", "add", "--name", "Demo Physio", "--role", "physio"}),
                    kPassphrase, QStringLiteral("physio passphrase"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Demo Physio")));
        r = cli(withDb({"staff", "add", "--name", "X", "--role", "surgeon"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--role")));

        r = cli(withDb({"patient", "add", "--name", kCanary, "--birth-date", "2015-03-27"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QRegularExpression(QStringLiteral("^TRD-[A-Z0-9]{4}-[A-Z0-9]{2}\\n$"))
                    .match(r.out)
                    .hasMatch());
        r = cli(withDb({"patient", "add", "--name", "Demo Child Two", "--birth-date", "2016-07-01",
                        "--json"}));
        QCOMPARE(r.exitCode, 0);
        const QString code =
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("code").toString();
        QVERIFY(code.startsWith(QStringLiteral("TRD-")));
        QFile codeFile(m_dir.filePath(QStringLiteral("code.txt")));
        QVERIFY(codeFile.open(QIODevice::WriteOnly));
        codeFile.write(code.toUtf8());
    }

    // The demo's cheap key derivation (SECURITY.md, "Demo clinic") never reaches a real
    // account: `init` and `staff add` seal with N = 2^17, only the demo accounts with 2^12.
    void onlyDemoAccountsHaveTheCheapKeyCost()
    {
        const auto costs = [](const QString &path) {
            QList<qint64> n;
            {
                QSqlDatabase db =
                    QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("costs"));
                db.setDatabaseName(path);
                db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
                if (db.open()) {
                    QSqlQuery q(db);
                    q.exec(QStringLiteral("SELECT slot FROM key_slot WHERE kind = 'passphrase'"));
                    while (q.next())
                        n << QJsonDocument::fromJson(q.value(0).toByteArray())
                                 .object()
                                 .value(QStringLiteral("n"))
                                 .toInteger();
                }
            }
            QSqlDatabase::removeDatabase(QStringLiteral("costs"));
            return n;
        };
        const QList<qint64> real = costs(m_db); // init's admin and staff add's physio
        QCOMPARE(real, (QList<qint64>{qint64(1) << 17, qint64(1) << 17}));
        const QList<qint64> demo = costs(m_dir.filePath(QStringLiteral("norms.sqlite")));
        QCOMPARE(demo.size(), 5);
        for (const qint64 n : demo)
            QCOMPARE(n, qint64(1) << 12);
    }

    void badBirthDatesNameTheField()
    {
        const QString future = QDate::currentDate().addDays(3).toString(Qt::ISODate);
        Run r = cli(withDb({"patient", "add", "--name", "Demo Child", "--birth-date", future}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("birth date")));
        QVERIFY(r.err.contains(QStringLiteral("future")));
        QVERIFY(r.err.contains(QStringLiteral("--birth-date")));
        r = cli(withDb({"patient", "add", "--name", "Demo Child", "--birth-date", "27/03/2015"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("YYYY-MM-DD")));
        r = cli(withDb({"patient", "add", "--name", "Demo Child", "--birth-date", "2015-02-30"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("not a real date")));
    }

    void wrongPassphraseIsAnEnvironmentError()
    {
        const Run r = cli(withDb({"verify"}), kCanary);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("wrong passphrase for Demo Admin")));
        const Run who = cli(withDb({"verify", "--as", "Nobody Here"}));
        QCOMPARE(who.exitCode, 2);
        QVERIFY(who.err.contains(QStringLiteral("Nobody Here")));
        const Run missing = cli({"verify", "--db", m_dir.filePath(QStringLiteral("none.sqlite"))});
        QCOMPARE(missing.exitCode, 2);
    }

    void backupVerifyRestoreVerifyErase()
    {
        const QString backup = m_dir.filePath(QStringLiteral("clinic.triadbak"));
        Run r = cli(withDb({"backup", backup}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("verified")));
        QVERIFY(QFileInfo::exists(backup));
        r = cli(withDb({"backup", backup}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("exists already")));

        r = cli(withDb({"verify"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("Audit log: ok")));

        // A tampered copy is refused and the database stays byte-identical.
        QFile good(backup);
        QVERIFY(good.open(QIODevice::ReadOnly));
        QByteArray bytes = good.readAll();
        bytes[bytes.size() - 40] = char(bytes[bytes.size() - 40] ^ 1);
        const QString tampered = m_dir.filePath(QStringLiteral("tampered.triadbak"));
        QFile out(tampered);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        // Sign-in itself is audited, so compare around the failing step only: the restore
        // writes nothing, and the next sign-in's entry is the only change.
        r = cli(withDb({"restore", tampered, "--json"}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("kind").toString(),
                 QStringLiteral("tampered"));

        r = cli(withDb({"restore", backup}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo::exists(m_db + QStringLiteral(".before-restore")));
        r = cli(withDb({"verify", "--json"}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("ok").toBool(), true);

        QFile codeFile(m_dir.filePath(QStringLiteral("code.txt")));
        QVERIFY(codeFile.open(QIODevice::ReadOnly));
        const QString code = QString::fromUtf8(codeFile.readAll());
        r = cli(withDb({"erase-patient", code}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(code));
        r = cli(withDb({"erase-patient", code}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("No patient has the code")));
        r = cli(withDb({"verify"}));
        QCOMPARE(r.exitCode, 0);
    }

    void verifyNamesATamperedAuditEntry()
    {
        {
            // What someone with the file and sqlite3 could do: drop the guard, edit a row.
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
            raw.setDatabaseName(m_db);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_no_update")));
            QVERIFY(q.exec(QStringLiteral("UPDATE audit SET action = 'insert' WHERE seq = 3")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        Run r = cli(withDb({"verify"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("TAMPERED at entry 3")), qPrintable(r.out));
        r = cli(withDb({"verify", "--json"}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("firstBadEntry").toInt(),
                 3);
    }

    // The tablet is lost: its folder is gone, and the backup with a staff member's
    // passphrase recreates the database on a new one.
    void restoreOnANewDeviceFromTheBackupAlone()
    {
        const QString tablet = m_dir.filePath(QStringLiteral("tablet"));
        const QString db = tablet + QStringLiteral("/clinic.sqlite");
        const QString backup = m_dir.filePath(QStringLiteral("tablet.triadbak"));
        const QString physioPassphrase = QStringLiteral("tablet physio passphrase");
        QVERIFY(QDir().mkpath(tablet)); // init never creates the folder of --db
        Run r = cli({"init", "--db", db, "--clinic", "Tablet Clinic", "--admin", "Tablet Admin"},
                    {}, kPassphrase);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({"staff", "add", "--db", db, "--name", "Tablet Physio", "--role", "physio"},
                kPassphrase, physioPassphrase);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({"patient", "add", "--db", db, "--name", "Demo Child Tablet", "--birth-date",
                 "2017-02-14"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString code = r.out.trimmed();
        r = cli({"backup", "--db", db, backup});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QDir(tablet).removeRecursively());

        // Refusals leave nothing behind: wrong passphrase and unknown name exit 2.
        r = cli({"restore", backup, "--db", db, "--as", "Tablet Physio"}, kPassphrase);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("wrong passphrase for Tablet Physio")),
                 qPrintable(r.err));
        r = cli({"restore", backup, "--db", db, "--as", "Nobody Here", "--json"}, kPassphrase);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("kind").toString(),
                 QStringLiteral("unknown-staff"));
        QVERIFY(!QFileInfo::exists(db));

        r = cli({"restore", backup, "--db", db, "--as", "tablet physio"}, physioPassphrase);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("new database")), qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(db + QStringLiteral(".before-restore")));
        r = cli({"verify", "--db", db, "--as", "Tablet Physio"}, physioPassphrase);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("Audit log: ok")));
        {
            QSqlDatabase sql =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tablet"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("SELECT code FROM patient")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), code);
            QVERIFY(!q.next());
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tablet"));

        // Now that a database exists, restore is the usual swap, never the new-device path.
        r = cli({"restore", backup, "--db", db, "--as", "Tablet Admin"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo::exists(db + QStringLiteral(".before-restore")));
    }

    void nothingPrintedOrStoredHoldsTheCanary()
    {
        QVERIFY(m_allOutput.contains(QStringLiteral("TRD-")));
        QString leak = canaryLeak(m_allOutput.toUtf8(), kCanary);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
        const QStringList files = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        QVERIFY(files.contains(QStringLiteral("clinic.triadbak")));
        for (const QString &name : files) {
            QFile f(m_dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            leak = canaryLeak(f.readAll(), kCanary);
            QVERIFY2(leak.isEmpty(), qPrintable(name + QStringLiteral(": ") + leak));
        }
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
