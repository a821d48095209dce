// Encrypted backup and restore: the round trip, and every way a backup file can be wrong
// (another clinic's key, tampered, truncated, reordered, extended, newer schema, not a
// backup) refused with the live database byte-identical.
#include "interoptestbed.h"

#include "core/interop/clinicbackup.h"
#include "core/interop/clinicverification.h"
#include "core/interop/durablefile.h"
#include "core/store/schema.h"

#include <QDir>
#include <QSqlQuery>
#include <QtEndian>
#include <QTest>

using namespace triad;
using namespace triad::interop;
using namespace triad::interop::testing;

namespace {

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QString patientName(ClinicBed &bed, const QString &id)
{
    const crypto::FieldCipher cipher(bed.vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(bed.db, bed.vault.subkey(crypto::KeyPurpose::Audit), {});
    store::PatientRepository patients(bed.db, cipher, audit);
    const auto p = patients.get(id);
    return p ? p->name : QString();
}

// What must not change when a restore is refused: the database and its WAL, byte for byte.
QByteArray liveBytes(ClinicBed &bed)
{
    return fileBytes(bed.path) + "|wal|" + fileBytes(bed.path + QStringLiteral("-wal")) + "|head|" +
           fileBytes(bed.path + QStringLiteral(".audit-head"));
}

int headerEnd(const QByteArray &backup)
{
    return 8 + 2 + 4 + int(qFromBigEndian<quint32>(backup.constData() + 10)) + 32;
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

    // Tries to restore `file` into `bed` and checks it is refused with `kind`, leaving the
    // live database exactly as it was and no decrypted leftovers in its folder.
    void expectRefused(ClinicBed &bed, const QString &file, InteropErrorKind kind)
    {
        const QStringList before = QDir(bed.dir.path()).entryList(QDir::Files);
        const QByteArray bytes = liveBytes(bed);
        InteropError error;
        QVERIFY(!ClinicBackup::restore(bed.db, bed.path, bed.vault, file, nullptr, &error));
        QVERIFY2(error.kind == kind,
                 qPrintable(InteropError::kindId(error.kind) + ": " + error.message));
        QVERIFY(!error.message.isEmpty());
        QVERIFY(liveBytes(bed) == bytes);
        QCOMPARE(QDir(bed.dir.path()).entryList(QDir::Files), before);
        QVERIFY(bed.db.isOpen());
    }

private slots:
    void roundTripRestoresExactlyTheBackedUpData()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const auto kept = bed.addPatient(QStringLiteral("Demo Child Kept"), QStringLiteral("kept"));
        QVERIFY(kept);
        const QString file = bed.dir.filePath(QStringLiteral("clinic.triadbak"));
        BackupReport report;
        InteropError error;
        QVERIFY2(ClinicBackup::create(bed.db, bed.vault, file, &report, &error),
                 qPrintable(error.message));
        QCOMPARE(report.header.schemaVersion, store::currentSchemaVersion());
        QCOMPARE(report.header.rows.value(QStringLiteral("patient")), 1);
        QCOMPARE(report.header.rows.value(QStringLiteral("answer")),
                 bed.db.rowCount(QStringLiteral("answer")));
        // The only files: database, head, lock, backup. No snapshot or partial file stays.
        QCOMPARE(
            QDir(bed.dir.path()).entryList(QDir::Files),
            QStringList({"clinic.sqlite", "clinic.sqlite-shm", "clinic.sqlite-wal",
                         "clinic.sqlite.audit-head", "clinic.sqlite.lock", "clinic.triadbak"}));
        QCOMPARE(fileBytes(file).left(8), QByteArray("TRIADBAK"));
        QVERIFY(!fileBytes(file).contains("SQLite format 3"));
        // Only the header is readable: the staff key slots with names and roles (format 2,
        // so a new device can open the backup); no patient and no passphrase.
        QVERIFY(fileBytes(file).contains("\"name\":\"Demo Admin\""));
        QVERIFY(!fileBytes(file).contains("Demo Child"));
        QVERIFY(!fileBytes(file).contains(kAdminPassphrase.toUtf8()));

        const auto later = bed.addPatient(QStringLiteral("Demo Child Later"), QStringLiteral("l"));
        QVERIFY(later);
        const qint64 auditBefore = bed.db.rowCount(QStringLiteral("audit"));

        RestoreReport restored;
        QVERIFY2(ClinicBackup::restore(bed.db, bed.path, bed.vault, file, &restored, &error),
                 qPrintable(error.message));
        QVERIFY(bed.db.isOpen());
        QCOMPARE(restored.previousPath, bed.path + QStringLiteral(".before-restore"));
        QVERIFY(QFileInfo::exists(restored.previousPath));
        QCOMPARE(bed.db.rowCount(QStringLiteral("patient")), 1);
        QCOMPARE(patientName(bed, kept->patient.id), QStringLiteral("Demo Child Kept"));
        QVERIFY(patientName(bed, later->patient.id).isEmpty());
        for (const QString &table : store::dataTables()) {
            if (table != QLatin1String("audit"))
                QCOMPARE(bed.db.rowCount(table), report.header.rows.value(table));
        }
        // The restored chain continues with a "restore" entry; the head file follows it.
        QCOMPARE(bed.db.rowCount(QStringLiteral("audit")),
                 report.header.rows.value(QStringLiteral("audit")) + 1);
        QVERIFY(bed.db.rowCount(QStringLiteral("audit")) < auditBefore);
        QSqlQuery last = bed.db.query();
        QVERIFY(last.exec(QStringLiteral("SELECT action FROM audit ORDER BY seq DESC LIMIT 1")));
        QVERIFY(last.next());
        QCOMPARE(last.value(0).toString(), QStringLiteral("restore"));
        const VerificationReport verified = verifyClinic(bed.db, bed.vault);
        QVERIFY2(verified.ok(), qPrintable(verified.audit.message));
        QVERIFY(verified.audit.message.isEmpty());

        // The database set aside is the one from just before, and still opens.
        store::Database previous;
        QVERIFY(previous.open(restored.previousPath));
        QCOMPARE(previous.rowCount(QStringLiteral("patient")), 2);
    }

    void backupRefusesAnExistingTargetAndAMissingFolder()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const QString taken = bed.dir.filePath(QStringLiteral("taken.triadbak"));
        writeBytes(taken, "keep me");
        InteropError error;
        QVERIFY(!ClinicBackup::create(bed.db, bed.vault, taken, nullptr, &error));
        QCOMPARE(error.kind, InteropErrorKind::Invalid);
        QVERIFY(error.message.contains(QStringLiteral("taken.triadbak")));
        QCOMPARE(fileBytes(taken), QByteArray("keep me"));
        QVERIFY(!ClinicBackup::create(bed.db, bed.vault,
                                      bed.dir.filePath(QStringLiteral("no/such/x.triadbak")),
                                      nullptr, &error));
        QCOMPARE(error.kind, InteropErrorKind::Io);
        QCOMPARE(QDir(bed.dir.path()).entryList({QStringLiteral("*snapshot*")}, QDir::Files),
                 QStringList());
    }

    void backupNeedsAnAdmin()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        store::Clinic clinic(bed.db);
        const auto physio =
            clinic.addStaff(bed.vault, QStringLiteral("Demo Physio"), store::StaffRole::Physio,
                            QStringLiteral("physio passphrase"), kCheapScrypt);
        QVERIFY(physio);
        crypto::Vault physioVault;
        QVERIFY(clinic.signIn(physio->id, QStringLiteral("physio passphrase"), physioVault));
        InteropError error;
        QVERIFY(!ClinicBackup::create(
            bed.db, physioVault, bed.dir.filePath(QStringLiteral("b.triadbak")), nullptr, &error));
        QCOMPARE(error.kind, InteropErrorKind::Store);
        QVERIFY(!QFileInfo::exists(bed.dir.filePath(QStringLiteral("b.triadbak"))));
    }

    void anotherClinicsBackupIsAWrongKey()
    {
        ClinicBed ours;
        ClinicBed theirs;
        QVERIFY(ours.setUp() && theirs.setUp());
        const QString file = theirs.dir.filePath(QStringLiteral("theirs.triadbak"));
        InteropError error;
        QVERIFY(ClinicBackup::create(theirs.db, theirs.vault, file, nullptr, &error));
        expectRefused(ours, file, InteropErrorKind::WrongKey);
    }

    void tamperedBackupsAreRefused()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        QVERIFY(bed.addPatient(QStringLiteral("Demo Child Tamper"), QStringLiteral("t")));
        const QString file = bed.dir.filePath(QStringLiteral("good.triadbak"));
        InteropError error;
        QVERIFY(ClinicBackup::create(bed.db, bed.vault, file, nullptr, &error));
        const QByteArray good = fileBytes(file);
        const int end = headerEnd(good);
        const QString bad = bed.dir.filePath(QStringLiteral("bad.triadbak"));

        struct Case
        {
            const char *what;
            int offset;
            InteropErrorKind kind;
        };
        const QVector<Case> flips{
            {"header JSON", 20, InteropErrorKind::Tampered},
            {"header MAC", end - 5, InteropErrorKind::Tampered},
            {"chunk length", end + 1, InteropErrorKind::Tampered},
            {"chunk nonce", end + 6, InteropErrorKind::Tampered},
            {"chunk body", end + 200, InteropErrorKind::Tampered},
            {"chunk tag", int(good.size()) - 3, InteropErrorKind::Tampered},
        };
        for (const Case &c : flips) {
            QByteArray bytes = good;
            bytes[c.offset] = char(bytes[c.offset] ^ 0x20);
            writeBytes(bad, bytes);
            qInfo("flip in the %s", c.what);
            expectRefused(bed, bad, c.kind);
            QFile::remove(bad);
        }
        writeBytes(bad, good + QByteArray(1, '\0'));
        expectRefused(bed, bad, InteropErrorKind::Tampered);
        QFile::remove(bad);
        writeBytes(bad, QByteArray("SQLite format 3") + good.mid(15));
        expectRefused(bed, bad, InteropErrorKind::NotBackup);
        QFile::remove(bad);
    }

    void truncatedBackupsAreRefused()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const QString file = bed.dir.filePath(QStringLiteral("good.triadbak"));
        InteropError error;
        QVERIFY(ClinicBackup::create(bed.db, bed.vault, file, nullptr, &error));
        const QByteArray good = fileBytes(file);
        const int end = headerEnd(good);
        const QString cut = bed.dir.filePath(QStringLiteral("cut.triadbak"));
        for (const int length : {12, 30, end - 1, end, end + 3, end + 100, int(good.size()) - 1}) {
            writeBytes(cut, good.left(length));
            expectRefused(bed, cut, InteropErrorKind::Truncated);
            QFile::remove(cut);
        }
        writeBytes(cut, good.left(4));
        expectRefused(bed, cut, InteropErrorKind::NotBackup);
    }

    void reorderedAndDroppedChunksAreRefused()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        QVERIFY(bed.addPatient(QStringLiteral("Demo Child Chunks"), QStringLiteral("c")));
        const QString snapshot = bed.dir.filePath(QStringLiteral("snap.sqlite"));
        QVERIFY(bed.db.copyTo(snapshot));
        SnapshotSummary summary;
        QString detail;
        QVERIFY(summarize(snapshot, &summary, &detail));
        const crypto::SecureBytes key = bed.vault.subkey(crypto::KeyPurpose::Backup);
        const QString file = bed.dir.filePath(QStringLiteral("small-chunks.triadbak"));
        BackupHeader header;
        InteropError error;
        QVERIFY(writeBackupFile(snapshot, summary, key, file, &header, &error, 4096));
        QVERIFY(header.chunkCount >= 3);
        QVERIFY(decryptBackupFile(file, key, {}, nullptr, &error));
        const QByteArray good = fileBytes(file);
        const int end = headerEnd(good);
        const int chunk = 4 + crypto::kNonceBytes + 4096 + crypto::kTagBytes;
        const QString bad = bed.dir.filePath(QStringLiteral("bad.triadbak"));
        // Chunks 0 and 1 swapped: each authenticates alone, but not at the other's index.
        writeBytes(bad, good.left(end) + good.mid(end + chunk, chunk) + good.mid(end, chunk) +
                            good.mid(end + 2 * chunk));
        QVERIFY(!decryptBackupFile(bad, key, {}, nullptr, &error));
        QCOMPARE(error.kind, InteropErrorKind::Tampered);
        // Chunk 1 dropped: chunk 2 arrives at index 1.
        writeBytes(bad, good.left(end + chunk) + good.mid(end + 2 * chunk));
        QVERIFY(!decryptBackupFile(bad, key, {}, nullptr, &error));
        QVERIFY(error.kind == InteropErrorKind::Tampered ||
                error.kind == InteropErrorKind::Truncated);
        // The last chunk dropped: the new last one was not sealed as last.
        writeBytes(bad, good.left(end + int(header.chunkCount - 1) * chunk));
        QVERIFY(!decryptBackupFile(bad, key, {}, nullptr, &error));
        QCOMPARE(error.kind, InteropErrorKind::Truncated);
        removeDatabaseSecurely(snapshot);
    }

    void backupOfANewerSchemaIsRefused()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const QString snapshot = bed.dir.filePath(QStringLiteral("snap.sqlite"));
        QVERIFY(bed.db.copyTo(snapshot));
        SnapshotSummary summary;
        QString detail;
        QVERIFY(summarize(snapshot, &summary, &detail));
        BackupHeader header;
        header.schemaVersion = store::currentSchemaVersion() + 1;
        header.createdAt = QStringLiteral("2030-01-01T00:00:00.000Z");
        header.rows = summary.rows;
        header.contentDigest = summary.digest;
        const QString file = bed.dir.filePath(QStringLiteral("newer.triadbak"));
        InteropError error;
        QVERIFY(writeBackupFileWithHeader(
            snapshot, header, bed.vault.subkey(crypto::KeyPurpose::Backup), file, &error));
        removeDatabaseSecurely(snapshot);
        expectRefused(bed, file, InteropErrorKind::TooNew);
        InteropError again;
        ClinicBackup::restore(bed.db, bed.path, bed.vault, file, nullptr, &again);
        QVERIFY(again.message.contains(QStringLiteral("newer")));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
