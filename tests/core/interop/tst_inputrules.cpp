// Odd input given to triad-cli, as an attacker or a slip of the keyboard would give it: names
// with control, direction or broken characters, staff names that differ only in case, pipes
// instead of files, JSON with a NUL, a lone surrogate or a key written twice, folders that
// do not exist. Each is refused with a message naming what is wrong, and nothing is stored.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

const QString kPassphrase = QStringLiteral("synthetic admin passphrase");
const QString kPhysioPassphrase = QStringLiteral("synthetic physio passphrase");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestInputRules : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    Run cli(const QStringList &args, const QString &passphrase = kPassphrase,
            const QString &newPassphrase = {}, int timeoutMs = 60000)
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
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return {-1, {}, QStringLiteral("timed out")};
        }
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QStringList withDb(QStringList args) const { return args << QStringLiteral("--db") << m_db; }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(bytes);
        return path;
    }

    QString staffId(const QString &displayName)
    {
        QString id;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_db);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT id FROM staff WHERE display_name = ?"));
                q.addBindValue(displayName);
                if (q.exec() && q.next())
                    id = q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("clinic.sqlite"));
    }

    void initRefusesAMissingFolder()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/clinic.sqlite"));
        const Run r =
            cli({"init", "--clinic", "Synthetic Clinic", "--admin", "Demo Admin", "--db", missing},
                {}, kPassphrase);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no-such-folder"))));

        const Run bad = cli(withDb({"init", "--clinic", "Synthetic Clinic", "--admin",
                                    QStringLiteral("Demo\u202EAdmin")}),
                            {}, kPassphrase);
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("--admin")));
        QVERIFY(!QFileInfo::exists(m_db));

        const Run ok =
            cli(withDb({"init", "--clinic", "Synthetic Clinic", "--admin", "  Odd   Admin "}), {},
                kPassphrase);
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QVERIFY(!staffId(QStringLiteral("Odd Admin")).isEmpty());
    }

    void staffNamesDifferInMoreThanCase()
    {
        for (const QString &twin : {QStringLiteral("Odd Admin"), QStringLiteral("odd admin"),
                                    QStringLiteral(" ODD  ADMIN ")}) {
            const Run r = cli(withDb({"staff", "add", "--name", twin, "--role", "physio"}),
                              kPassphrase, kPhysioPassphrase);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("already called \"Odd Admin\"")),
                     qPrintable(r.err));
        }
        const Run added = cli(withDb({"staff", "add", "--name", "Demo Physio", "--role", "physio"}),
                              kPassphrase, kPhysioPassphrase);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        // The admin still signs in by name, in any case, and by id.
        QCOMPARE(cli(withDb({"verify", "--as", "odd admin"})).exitCode, 0);
        const QString adminId = staffId(QStringLiteral("Odd Admin"));
        const Run byId = cli(withDb({"verify", "--as", adminId}));
        QVERIFY2(byId.exitCode == 0, qPrintable(byId.err));
    }

    void anOldDatabaseWithTwinNamesSaysToUseTheId()
    {
        // Made before the rule: a physio whose name differs from the admin's only in case.
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO staff (id, display_name, role, active, created_at) VALUES "
                "('00000000-0000-4000-8000-000000000001', 'ODD ADMIN', 'physio', 1, "
                "'2026-01-01T00:00:00Z')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        const Run r = cli(withDb({"verify", "--as", "Odd Admin"}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("staff id")), qPrintable(r.err));
        QVERIFY(r.err.contains(staffId(QStringLiteral("Odd Admin"))));
        QVERIFY(!r.err.contains(QStringLiteral("wrong passphrase")));
        // By id the admin signs in (not verify: the row added by hand above carries no seal,
        // which verify rightly reports as an edit made outside Triad).
        const Run byId =
            cli(withDb({"patient", "list", "--as", staffId(QStringLiteral("Odd Admin"))}));
        QVERIFY2(byId.exitCode == 0, qPrintable(byId.err));
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("undo"));
        db.setDatabaseName(m_db);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("DELETE FROM staff WHERE display_name = 'ODD ADMIN'"));
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("undo"));
    }

    void patientNamesAreCheckedBeforeSignIn()
    {
        const QList<QPair<QString, QString>> refused = {
            {QStringLiteral("Mia\tExample"), QStringLiteral("control character")},
            {QStringLiteral("Mia \u202Eelpmaxe"), QStringLiteral("direction")},
            {QString(100000, QLatin1Char('a')), QStringLiteral("100000 characters")},
            {QStringLiteral("Mia \uFFFD"), QStringLiteral("UTF-8")},
        };
        for (const auto &[name, why] : refused) {
            // A wrong passphrase: the name must be refused before it is ever asked for.
            const Run r =
                cli(withDb({"patient", "add", "--name", name, "--birth-date", "2015-03-27"}),
                    QStringLiteral("not the passphrase"));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QStringLiteral("--name")) && r.err.contains(why),
                     qPrintable(r.err.left(300)));
        }
        const Run ok = cli(withDb(
            {"patient", "add", "--name", "  Mia    Example ", "--birth-date", "2015-03-27"}));
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        const QString code = ok.out.trimmed();

        const Run list = cli(withDb({"patient", "list", "--json"}));
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        const QJsonArray patients =
            QJsonDocument::fromJson(list.out.toUtf8()).object().value("patients").toArray();
        QCOMPARE(patients.size(), 1);
        QCOMPARE(patients.at(0).toObject().value("name").toString(), QStringLiteral("Mia Example"));
        QCOMPARE(patients.at(0).toObject().value("code").toString(), code);
        QCOMPARE(patients.at(0).toObject().value("birthDate").toString(),
                 QStringLiteral("2015-03-27"));
        const Run text = cli(withDb({"patient", "list"}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(code + QStringLiteral("\t2015-03-27\tMia Example\n")));
    }

    void patientListIsForAdmins()
    {
        const Run r = cli(withDb({"patient", "list", "--as", "Demo Physio"}), kPhysioPassphrase);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("admin")), qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("Mia")));
    }

    void backupRefusesAMissingFolder()
    {
        const QString target = m_dir.filePath(QStringLiteral("no-such-folder/b.triadbak"));
        const Run r = cli(withDb({"backup", target}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no-such-folder"))));
    }

    void pipesAreNeverRead()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("pipe.json"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        Run r = cli({"validate", fifo}, {}, {}, 20000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not an ordinary file")), qPrintable(r.out + r.err));
        r = cli({"score", "triad-physio", fifo}, {}, {}, 20000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not an ordinary file")), qPrintable(r.err));
        r = cli({"score", fifo, fifo}, {}, {}, 20000);
        QVERIFY(r.exitCode != 0 && r.exitCode != -1);
        r = cli(withDb({"restore", fifo}), kPassphrase, {}, 20000);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("not an ordinary file")), qPrintable(r.err));
    }

    void answersWithADuplicateKeyAreRefused()
    {
        const QString twice =
            writeFile(QStringLiteral("twice.json"),
                      R"({"answers": {"ph-listened": 1, "ph-tell": 2, "ph-listened": 5}})");
        Run r = cli({"score", "triad-physio", twice});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("answers.ph-listened")) &&
                     r.err.contains(QStringLiteral("twice")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const QString big = writeFile(QStringLiteral("big.json"), QByteArray(2 << 20, ' '));
        r = cli({"score", "triad-physio", big});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("too large")), qPrintable(r.err));
    }

    void questionnaireTextWithNulOrLoneSurrogateIsRefused()
    {
        QFile source(QStringLiteral(TRIAD_QUESTIONNAIRES "/triad-physio.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray json = source.readAll();
        const int title = json.indexOf("\"title\"");
        QVERIFY(title > 0);
        const int open = json.indexOf('"', json.indexOf(':', title)) + 1;
        const QList<QPair<QByteArray, QString>> cases = {
            {QByteArray(1, '\0'), QStringLiteral("raw control character (byte 0x00)")},
            {QByteArray("\\ud800"), QStringLiteral("lone surrogate (\\ud800)")},
            {QByteArray("\\udc00x"), QStringLiteral("lone surrogate (\\udc00)")},
            {QByteArray("\\u0000"), QStringLiteral("NUL")},
        };
        for (const auto &[insert, why] : cases) {
            QByteArray bad = json;
            bad.insert(open, insert);
            QDir().mkpath(m_dir.filePath(QStringLiteral("odd")));
            const QString path = writeFile(QStringLiteral("odd/triad-physio.json"), bad);
            const Run r = cli({"validate", path});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(why) && r.err.contains(QStringLiteral("title")),
                     qPrintable(r.out + r.err));
        }
        QByteArray dup = json;
        dup.insert(json.indexOf('{') + 1, "\"version\": 99,");
        const Run r = cli({"validate", writeFile(QStringLiteral("odd/triad-physio.json"), dup)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("version")) && r.err.contains("twice"),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestInputRules)
#include "tst_inputrules.moc"
