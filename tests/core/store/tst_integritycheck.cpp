// The integrity check the app runs off the UI thread at start (store/integritycheck.h):
// "ok" for a sound clinic file, Corrupt for a damaged one, from any thread, and the file is
// byte-identical afterwards (a read-only look).

#include "core/store/integritycheck.h"

#include "storetestbed.h"

#include <QCryptographicHash>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace triad::store;
using namespace triad::store::testing;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
               : QByteArray();
}

// A checkpointed clinic database with a few rows, closed, WAL folded into the file.
QString makeClinicFile(QTemporaryDir &dir)
{
    TestBed bed;
    if (!bed.setUp())
        return {};
    for (int i = 0; i < 20; ++i)
        bed.patients.create(QStringLiteral("Demo Child %1").arg(i), QDate(2012, 1, 1 + i));
    bed.db.close();
    const QString target = dir.filePath(QStringLiteral("clinic.sqlite"));
    QFile::copy(bed.path, target);
    return target;
}
} // namespace

class TestIntegrityCheck : public QObject
{
    Q_OBJECT
private slots:
    void soundFileIsOkFromAWorkerThread()
    {
        QTemporaryDir dir;
        const QString path = makeClinicFile(dir);
        QVERIFY(!path.isEmpty());
        const QByteArray before = fileHash(path);
        const StoreError error = QtConcurrent::run(&checkIntegrityOf, path).result();
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QCOMPARE(fileHash(path), before);
    }

    void damagedPageIsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = makeClinicFile(dir);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 5 * 4096);
        bytes[4 * 4096] = char(bytes.at(4 * 4096) ^ 0x5a); // page 5's type
        f.seek(0);
        f.write(bytes);
        f.close();
        const QByteArray before = fileHash(path);
        const StoreError error = QtConcurrent::run(&checkIntegrityOf, path).result();
        QCOMPARE(error.kind, StoreErrorKind::Corrupt);
        QVERIFY(!error.message().isEmpty());
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestIntegrityCheck)
#include "tst_integritycheck.moc"
