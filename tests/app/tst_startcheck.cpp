// At start the app opens an existing clinic database without waiting for its integrity
// check (a read of the whole file) and checks it on a worker thread while the sign-in screen
// shows. A damaged file still ends on the error screen with the usual message, and nobody
// signs in to it. Synthetic clinic only.
#include "roundfixture.h"

#include "app/clinicsession.h"
#include "core/store/clinic.h"
#include "core/store/patientrepository.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
QTemporaryDir *g_dir = nullptr;
QString g_adminId;

// A clinic with an admin and a few patients, closed, with page 5 damaged.
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
    bytes[4 * 4096] = char(bytes.at(4 * 4096) ^ 0x5a); // page 5's type
    f.seek(0);
    return f.write(bytes) == bytes.size();
}
} // namespace

class TestStartCheck : public QObject
{
    Q_OBJECT
private slots:
    void damagedDatabaseEndsOnTheErrorScreen()
    {
        auto *session = triad::app::ClinicSession::instance();
        // The sign-in screen comes first: the check runs beside it, not before it.
        QCOMPARE(session->state(), QStringLiteral("signIn"));
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
    TestStartCheck test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_startcheck.moc"
