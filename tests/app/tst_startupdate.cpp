// The first start after an update of Triad: a clinic file of the schema before (the v8
// fixture) is migrated on a worker thread while the "updating" screen shows its stage, then
// the sign-in screen. A damaged older file ends on the error screen, byte for byte as it was.
// Synthetic fixture clinic only.
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "core/store/schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using triad::app::ClinicSession;
using triad::test::UiDriver;

namespace {
QTemporaryDir *g_dir = nullptr;
QSemaphore *g_updateGate = nullptr; // holds the migration until released

QString fixture(int version)
{
    return QStringLiteral(TRIAD_TEST_DATA "/db/v%1.sqlite").arg(version);
}

// A copy of the fixture at `path`, writable as the app's own file is.
bool copyFixture(int version, const QString &path)
{
    QFile::remove(path);
    return QFile::copy(fixture(version), path) &&
           QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

int userVersionOf(const QString &path)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("tst-startupdate-read"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
                version = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst-startupdate-read"));
    return version;
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QStringList backupsBeside(const QString &path)
{
    const QFileInfo info(path);
    return info.absoluteDir().entryList({info.fileName() + QStringLiteral(".v*-backup-*")},
                                        QDir::Files);
}
} // namespace

class TestStartUpdate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { triad::app::prepareStyle(); }

    void olderFileIsUpdatedBehindItsOwnScreen()
    {
        const QString path = qEnvironmentVariable("TRIAD_DB");
        QCOMPARE(userVersionOf(path), 8);
        QVERIFY(triad::store::currentSchemaVersion() > 8);

        // The migration is held on its worker: the window must come up all the same.
        UiDriver ui;
        QVERIFY(ui.loadMain());
        auto *session = ClinicSession::instance();
        QCOMPARE(session->state(), QStringLiteral("updating"));
        QList<int> stages;
        const auto stageSeen = connect(session, &ClinicSession::updateStageChanged, this,
                                       [&stages, session] { stages << session->updateStage(); });
        const QStringList texts = ui.visibleTexts();
        QVERIFY2(texts.contains(QStringLiteral("Updating the clinic's records")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.contains(
                     QStringLiteral("Step 1 of 2: keeping a copy of the records as they were.")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(ui.find(QStringLiteral("Updating the clinic's records")) != nullptr);
        // The spinner turns: frames keep coming while the file waits.
        int frames = 0;
        const auto counter =
            connect(ui.window(), &QQuickWindow::frameSwapped, this, [&frames] { ++frames; });
        QTest::qWait(1000);
        disconnect(counter);
        QVERIFY2(frames >= 2, qPrintable(QString::number(frames)));
        const QStringList problems = ui.screenshotEveryWay(QStringLiteral("start-update"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // Nothing written while it is held: still the older file, no copy yet.
        QCOMPARE(userVersionOf(path), 8);
        QVERIFY(backupsBeside(path).isEmpty());

        g_updateGate->release();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), QStringLiteral("signIn"), 30000);
        // It said when it moved from the copy to the update, then was done.
        disconnect(stageSeen);
        QCOMPARE(stages, (QList<int>{2, 0}));
        QCOMPARE(session->updateStage(), 0);
        QCOMPARE(session->clinicName(), QStringLiteral("Fixture Clinic"));
        ui.settle();
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Demo Physio One")));
        QCOMPARE(userVersionOf(path), triad::store::currentSchemaVersion());
        // The copy of the file as it was stays beside it.
        const QStringList backups = backupsBeside(path);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(userVersionOf(QFileInfo(path).dir().filePath(backups.first())), 8);
        QVERIFY2(ui.warnings().isEmpty(), qPrintable(ui.warnings().join(QLatin1Char('\n'))));
    }

    void damagedOlderFileEndsOnTheErrorScreenAsItWas()
    {
        const QString path = g_dir->filePath(QStringLiteral("damaged.sqlite"));
        QVERIFY(copyFixture(8, path));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QByteArray bytes = f.readAll();
            const qsizetype last = bytes.size() - 4096;
            bytes[last] = char(bytes.at(last) ^ 0x5a); // the last page's type
            f.seek(0);
            QCOMPARE(f.write(bytes), bytes.size());
        }
        const QByteArray before = sha256Of(path);
        qputenv("TRIAD_DB", path.toUtf8());
        UiDriver ui;
        QVERIFY(ui.loadMain());
        auto *session = ClinicSession::instance();
        g_updateGate->release(); // this test does not hold it
        session->reopen();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), QStringLiteral("error"), 30000);
        QVERIFY2(session->errorMessage().startsWith(
                     QStringLiteral("The clinic database cannot be opened")),
                 qPrintable(session->errorMessage()));
        ui.settle();
        QVERIFY(ui.visibleTexts().contains(session->errorMessage()));
        QCOMPARE(sha256Of(path), before);
        QVERIFY(backupsBeside(path).isEmpty());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    g_dir = &dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    if (!copyFixture(8, path)) {
        qWarning("could not copy the v8 fixture");
        return 1;
    }
    triad::testing::prepareAppEnvironment(path);
    g_updateGate = new QSemaphore; // outlives the safety net's thread: never deleted
    ClinicSession::setUpdateHoldForTesting([] { g_updateGate->acquire(); });
    // Never left waiting: freed after 60 s whatever the test did.
    std::thread safetyNet([] {
        QThread::sleep(60);
        g_updateGate->release(100);
    });
    safetyNet.detach();
    TestStartUpdate test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_startupdate.moc"
