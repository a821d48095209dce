// At start the app opens an existing clinic database without waiting for its integrity
// check (a read of the whole file) and checks it on a worker thread while the sign-in screen
// shows. A damaged file still ends on the error screen with the usual message, and nobody
// signs in to it. Synthetic clinic only.
#include "roundfixture.h"

#include "app/clinicsession.h"
#include "core/store/clinic.h"
#include "core/store/patientrepository.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <thread>

namespace {
QTemporaryDir *g_dir = nullptr;
QSemaphore *g_checkGate = nullptr; // holds the integrity check until released
QString g_adminId;

// A clinic with an admin, closed, with its last page damaged (the staff and their key slots
// stay readable, so a sign-in gets as far as the key).
bool writeDamagedClinic(const QString &path)
{
    {
        triad::store::Database db;
        if (!db.open(path))
            return false;
        triad::store::Clinic clinic(db);
        triad::crypto::Vault vault;
        const auto admin =
            clinic.create(QStringLiteral("Demo Clinic"), QStringLiteral("Demo Admin"),
                          QString::fromLatin1(triad::testing::kPassphrase), vault,
                          triad::crypto::ScryptParams{1024, 8, 1});
        if (!admin)
            return false;
        g_adminId = admin->id;
        db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    QByteArray bytes = f.readAll();
    if (bytes.size() <= 5 * 4096)
        return false;
    const qsizetype last = bytes.size() - 4096;
    bytes[last] = char(bytes.at(last) ^ 0x5a); // the last page's type
    f.seek(0);
    return f.write(bytes) == bytes.size();
}
} // namespace

class TestStartCheck : public QObject
{
    Q_OBJECT
private slots:
    void signInWaitsForTheCheckWithoutFreezingTheScreen()
    {
        auto *session = triad::app::ClinicSession::instance();
        QCOMPARE(session->state(), QStringLiteral("signIn"));
        // The check is held on its worker; only a timer of this (the UI) thread lets it go
        // on, 300 ms after the sign-in began. A sign-in that waited for the check on the UI
        // thread would never let that timer run: the safety net then frees the check after
        // 30 s, and the test fails.
        QSignalSpy done(session, &triad::app::ClinicSession::signInFinished);
        session->signIn(g_adminId, QString::fromLatin1(triad::testing::kPassphrase));
        QVERIFY2(session->busy(), done.isEmpty() ? "" : qPrintable(done.first().at(1).toString()));
        bool releasedByTheScreen = false;
        int globalPoolThreadsBusy = -1;
        QTimer::singleShot(300, [&] {
            releasedByTheScreen =
                done.isEmpty() && session->busy() && session->state() == QLatin1String("signIn");
            // Qt's raster painting borrows the global pool's threads to fill a frame and waits
            // for them: the held check, the log's count and the key derivation take none.
            globalPoolThreadsBusy = QThreadPool::globalInstance()->activeThreadCount();
            g_checkGate->release();
        });
        QVERIFY(done.wait(60000));
        QVERIFY(releasedByTheScreen);
        QCOMPARE(globalPoolThreadsBusy, 0);
        // The check found the file damaged: nobody is signed in to it.
        QCOMPARE(done.first().at(0).toBool(), false);
        QCOMPARE(session->state(), QStringLiteral("error"));
        QVERIFY(!session->isSignedIn());
        QVERIFY(session->workspace() == nullptr);
    }

    void damagedDatabaseEndsOnTheErrorScreen()
    {
        auto *session = triad::app::ClinicSession::instance();
        // The sign-in screen came first (above): the check ran beside it, not before it.
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), QStringLiteral("error"), 20000);
        QVERIFY2(session->errorMessage().startsWith(
                     QStringLiteral("The clinic database cannot be opened")),
                 qPrintable(session->errorMessage()));
        QVERIFY(!session->isSignedIn());
        QVERIFY(session->workspace() == nullptr);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    g_dir = &dir;
    const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    triad::testing::prepareAppEnvironment(path);
    if (!writeDamagedClinic(path)) {
        qWarning("could not write the damaged clinic");
        return 1;
    }
    g_checkGate = new QSemaphore; // outlives the safety net's thread: never deleted
    triad::app::ClinicSession::setIntegrityHoldForTesting([] { g_checkGate->acquire(); });
    // Never left waiting: freed after 30 s whatever the screen did.
    std::thread safetyNet([] {
        QThread::sleep(30);
        g_checkGate->release(100);
    });
    safetyNet.detach();
    TestStartCheck test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_startcheck.moc"
