// Faults a clinic meets: a wrong passphrase, a database cut short, flipped bytes, a picture
// or a text named like the database, a full disk, a read-only file. Each gives its own clear
// error, never a crash, and the file is byte-identical afterwards.

#include "core/store/clinic.h"

#include "storetestbed.h"

#include <QCryptographicHash>
#include <QtTest>

#include <unistd.h>

using namespace triad;
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

void rewrite(const QString &path, const std::function<void(QByteArray &)> &change)
{
    QFile f(path);
    f.open(QIODevice::ReadWrite);
    QByteArray bytes = f.readAll();
    change(bytes);
    f.resize(0);
    f.seek(0);
    f.write(bytes);
}

StoreErrorKind openKind(const QString &path)
{
    Database db;
    Database::Options options;
    options.mode = Database::OpenMode::ExistingOnly;
    if (db.open(path, options))
        return StoreErrorKind::None;
    return db.lastError().kind;
}
} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void wrongPassphraseIsClearAndLeavesNoTrace()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("clinic.sqlite"))));
        Clinic clinic(db);
        crypto::Vault vault;
        const auto admin = clinic.create(
            QStringLiteral("Demo Clinic"), QStringLiteral("Demo Admin"),
            QStringLiteral("demo-passphrase-admin"), vault, crypto::ScryptParams{1024, 8, 1});
        vault.lock();
        QVERIFY(!clinic.signIn(admin->id, QStringLiteral("demo-passphrase-wrong"), vault));
        QCOMPARE(db.lastError().kind, StoreErrorKind::WrongPassphrase);
        QCOMPARE(db.lastError().message(),
                 QStringLiteral("The passphrase is not right. Try again."));
        QVERIFY(!vault.isUnlocked());
        QVERIFY(!rawStorage(db.path()).contains("demo-passphrase-wrong"));
    }

    void truncatedFileIsCorrupt_data()
    {
        QTest::addColumn<double>("keep");
        QTest::newRow("half") << 0.5;
        QTest::newRow("one page") << 0.0;
        QTest::newRow("not whole pages") << 0.77;
        QTest::newRow("50 bytes") << -1.0;
    }

    void truncatedFileIsCorrupt()
    {
        QFETCH(double, keep);
        QTemporaryDir dir;
        const QString path = makeClinicFile(dir);
        QVERIFY(!path.isEmpty());
        rewrite(path, [&](QByteArray &bytes) {
            if (keep < 0)
                bytes.truncate(50);
            else if (keep == 0)
                bytes.truncate(4096);
            else if (keep == 0.5)
                bytes.truncate(bytes.size() / 2 / 4096 * 4096);
            else
                bytes.truncate(int(bytes.size() * keep));
        });
        const QByteArray before = fileHash(path);
        QCOMPARE(openKind(path), StoreErrorKind::Corrupt);
        QCOMPARE(fileHash(path), before);
        QVERIFY(StoreError::messageFor(StoreErrorKind::Corrupt).contains(QLatin1String("backup")));
    }

    void flippedBytesAreCorrupt_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("kind");
        QTest::newRow("magic") << 3 << int(StoreErrorKind::WrongFile);
        QTest::newRow("page size") << 16 << int(StoreErrorKind::Corrupt);
        QTest::newRow("page 2 type") << 4096 << int(StoreErrorKind::Corrupt);
        QTest::newRow("page 3 cell count") << 2 * 4096 + 3 << int(StoreErrorKind::Corrupt);
        QTest::newRow("page 5 type") << 4 * 4096 << int(StoreErrorKind::Corrupt);
        QTest::newRow("schema page cell pointer") << 100 + 9 << int(StoreErrorKind::Corrupt);
    }

    void flippedBytesAreCorrupt()
    {
        QFETCH(int, offset);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const QString path = makeClinicFile(dir);
        rewrite(path, [&](QByteArray &bytes) { bytes[offset] = char(bytes.at(offset) ^ 0x5a); });
        const QByteArray before = fileHash(path);
        QCOMPARE(int(openKind(path)), kind);
        QCOMPARE(fileHash(path), before);
    }

    void foreignFileNamedLikeTheDatabase_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) +
                                    QByteArray(4000, '\x07')
                             << int(StoreErrorKind::WrongFile);
        QTest::newRow("text") << QByteArray("Shopping list\nmilk\nbread\n")
                              << int(StoreErrorKind::WrongFile);
        QTest::newRow("empty") << QByteArray() << int(StoreErrorKind::Corrupt);
        QTest::newRow("header only")
            << QByteArray("SQLite format 3\0", 16) << int(StoreErrorKind::Corrupt);
    }

    void foreignFileNamedLikeTheDatabase()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        Database db;
        QVERIFY(!db.open(path)); // even in CreateIfMissing mode: never replaced
        QCOMPARE(int(db.lastError().kind), kind);
        QVERIFY(!db.lastError().message().isEmpty());
        QFile back(path);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), content);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void fullDiskSavesNothingAndSaysSo()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const Instrument form = loadInstrument(QStringLiteral("triad-physio.json"));
        const qint64 patientsBefore = bed.db.rowCount(QStringLiteral("patient"));
        QSqlQuery pages = bed.db.query();
        QVERIFY(pages.exec(QStringLiteral("PRAGMA page_count")) && pages.next());
        QVERIFY(bed.db.setMaxPageCount(pages.value(0).toLongLong()));
        pages.finish();

        // Big enough rows that new pages are needed at once.
        const QString longNote(3000, QLatin1Char('n'));
        bool failed = false;
        for (int i = 0; i < 50 && !failed; ++i)
            failed = !bed.patients.create(QStringLiteral("Demo Child Full %1").arg(i),
                                          QDate(2013, 1, 1), longNote);
        QVERIFY(failed);
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::DiskFull);
        QVERIFY(bed.db.lastError().message().contains(QLatin1String("storage is full")));

        // Completing responses until the space runs out: the one that fails stays a draft
        // (or is never started), and nothing of it is half-stored.
        const QString words(200, QLatin1Char('w'));
        QString failedDraft;
        for (int i = 0; i < 200 && failedDraft.isEmpty(); ++i) {
            const auto draft = bed.responses.startDraft(bed.session.id, Respondent::Physio, form,
                                                        QStringLiteral("en"));
            if (!draft) {
                failedDraft = QStringLiteral("not started");
                break;
            }
            Answers answers;
            for (const Item &item : form.items)
                answers.set(item.id,
                            item.formatId == QLatin1String("text") ? QVariant(words) : QVariant(3));
            if (!bed.responses.complete(draft->id, form, answers)) {
                failedDraft = draft->id;
                QCOMPARE(bed.responses.record(draft->id)->status, ResponseStatus::Draft);
                QSqlQuery scores = bed.db.query();
                scores.prepare(QStringLiteral("SELECT count(*) FROM score WHERE response_id = ?"));
                scores.addBindValue(draft->id);
                QVERIFY(scores.exec() && scores.next());
                QCOMPARE(scores.value(0).toInt(), 0);
            }
        }
        QVERIFY(!failedDraft.isEmpty());
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::DiskFull);
        QVERIFY(bed.db.checkIntegrity());
        QCOMPARE(bed.db.rowCount(QStringLiteral("patient")), patientsBefore);
    }

    void fullDiskLeavesTheFileByteIdentical()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        QVERIFY(bed.db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        const QByteArray before = fileHash(bed.path);
        QSqlQuery pages = bed.db.query();
        QVERIFY(pages.exec(QStringLiteral("PRAGMA page_count")) && pages.next());
        QVERIFY(bed.db.setMaxPageCount(pages.value(0).toLongLong()));
        pages.finish();
        QVERIFY(!bed.patients.create(QStringLiteral("Demo Child Big"), QDate(2013, 1, 1),
                                     QString(20000, QLatin1Char('n'))));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::DiskFull);
        bed.db.close();
        QCOMPARE(fileHash(bed.path), before);
    }

    void readOnlyFileIsRefused()
    {
        if (::geteuid() == 0)
            QSKIP("root may write any file: permissions cannot be tested");
        QTemporaryDir dir;
        const QString path = makeClinicFile(dir);
        QFile::setPermissions(path, QFile::ReadOwner);
        const QByteArray before = fileHash(path);
        QCOMPARE(openKind(path), StoreErrorKind::ReadOnly);
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
