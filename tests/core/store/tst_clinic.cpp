// Clinic bootstrap and sign-in: the first admin's slot opens the data key, a wrong
// passphrase is refused and audited without the passphrase, admins manage staff, and a
// reset passphrase makes the old one useless.

#include "core/store/clinic.h"

#include "storetestbed.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

namespace {
// Cheap scrypt for tests; production uses the default N = 2^17.
const crypto::ScryptParams kFast{quint64(1) << 10, 8, 1};
const QString kAdminPass = QStringLiteral("demo-passphrase-admin");

// A new clinic in `db` (opened at `path`) with its first admin, the vault unlocked by them.
std::optional<StaffMember> newClinic(Database &db, const QString &path, crypto::Vault &vault)
{
    if (!db.open(path))
        return std::nullopt;
    return Clinic(db).create(QStringLiteral("Demo Clinic"), QStringLiteral("Demo Admin"),
                             kAdminPass, vault, kFast);
}

// Patients added by whoever unlocked `vault`, each with an audit entry.
bool addPatients(Database &db, const crypto::Vault &vault, const QStringList &names)
{
    crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    PatientRepository patients(db, cipher, audit);
    for (const QString &name : names)
        if (!patients.create(name, QDate(2015, 3, 3)))
            return false;
    return true;
}
} // namespace

class TestClinic : public QObject
{
    Q_OBJECT

private slots:
    void bootstrapAndSignIn()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("clinic.sqlite"))));
        Clinic clinic(db);
        QVERIFY(!clinic.exists());
        crypto::Vault vault;
        QVERIFY(!clinic.create(QStringLiteral("Demo Clinic"), QStringLiteral("Demo Admin"),
                               QStringLiteral("short"), vault, kFast));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Invalid);
        const auto admin = clinic.create(QStringLiteral("Demo Clinic"),
                                         QStringLiteral("Demo Admin"), kAdminPass, vault, kFast);
        QVERIFY2(admin, qPrintable(db.lastError().detail));
        QVERIFY(vault.isUnlocked());
        QCOMPARE(clinic.name(), QStringLiteral("Demo Clinic"));
        QVERIFY(
            !clinic.create(QStringLiteral("Again"), QStringLiteral("X"), kAdminPass, vault, kFast));

        // Data written under the first unlock is readable after signing in again.
        crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
        AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        PatientRepository patients(db, cipher, audit);
        const auto patient =
            patients.create(QStringLiteral("Demo Child Ingrid"), QDate(2015, 3, 3));
        QVERIFY(patient);
        vault.lock();

        QVERIFY(!clinic.signIn(admin->id, QStringLiteral("not-the-passphrase"), vault));
        QCOMPARE(db.lastError().kind, StoreErrorKind::WrongPassphrase);
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(db.rowCount(QStringLiteral("audit_pending")), qint64(1));
        QVERIFY(!rawStorage(db.path()).contains("not-the-passphrase"));

        QVERIFY(clinic.signIn(admin->id, kAdminPass, vault));
        QCOMPARE(db.rowCount(QStringLiteral("audit_pending")), qint64(0));
        AuditLog after(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        const auto entries = after.entries();
        QCOMPARE(entries.at(entries.size() - 2).action, QStringLiteral("sign-in-failed"));
        QCOMPARE(entries.at(entries.size() - 2).staffId, admin->id);
        QCOMPARE(entries.last().action, QStringLiteral("sign-in"));
        QVERIFY(after.verify().ok);
        crypto::FieldCipher again(vault.subkey(crypto::KeyPurpose::Fields));
        PatientRepository reread(db, again, after);
        QCOMPARE(reread.get(patient->id)->name, QStringLiteral("Demo Child Ingrid"));
    }

    // What the app's sign-in sees after someone worked on the files: it must stop before it
    // appends its own entry (which would rewrite the head and hide the problem), and say why.
    void signInChecksTheLogBeforeAppending()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("clinic.sqlite"))));
        Clinic clinic(db);
        crypto::Vault vault;
        const auto admin = clinic.create(QStringLiteral("Demo Clinic"),
                                         QStringLiteral("Demo Admin"), kAdminPass, vault, kFast);
        QVERIFY(admin);
        const qint64 entriesAtCreation = db.rowCount(QStringLiteral("audit"));
        QFile headFile(db.auditHeadPath());
        QVERIFY(headFile.open(QIODevice::ReadOnly));
        const QByteArray oldHead = headFile.readAll();
        headFile.close();
        {
            crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
            AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
            PatientRepository patients(db, cipher, audit);
            QVERIFY(patients.create(QStringLiteral("Demo Child Ingrid"), QDate(2015, 3, 3)));
        }
        vault.lock();
        const qint64 entries = db.rowCount(QStringLiteral("audit"));

        // An older head put back.
        QVERIFY(headFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        headFile.write(oldHead);
        headFile.close();
        QVERIFY(!clinic.signIn(admin->id, kAdminPass, vault));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Tampered);
        QVERIFY2(db.lastError().detail.contains(
                     QStringLiteral("the head file says the last entry is %1 but the log ends at "
                                    "entry %2")
                         .arg(entriesAtCreation)
                         .arg(entries)),
                 qPrintable(db.lastError().detail));
        QVERIFY2(db.lastError().message().contains(QStringLiteral("administrator")),
                 qPrintable(db.lastError().message()));
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(db.rowCount(QStringLiteral("audit")), entries);
        QVERIFY(headFile.open(QIODevice::ReadOnly));
        QCOMPARE(headFile.readAll(), oldHead);
        headFile.close();

        // No head at all.
        QVERIFY(QFile::remove(db.auditHeadPath()));
        QVERIFY(!clinic.signIn(admin->id, kAdminPass, vault));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Tampered);
        QVERIFY2(db.lastError().detail.contains(QStringLiteral("is missing")),
                 qPrintable(db.lastError().detail));
        QVERIFY(!QFileInfo::exists(db.auditHeadPath()));
        QCOMPARE(db.rowCount(QStringLiteral("audit")), entries);

        // Verification still opens the vault, reads as it is, and writes nothing.
        QVERIFY(clinic.unlockWithoutAudit(admin->id, kAdminPass, vault));
        AuditLog log(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        QVERIFY(!log.verify().ok);
        QVERIFY(!QFileInfo::exists(db.auditHeadPath()));
        QCOMPARE(db.rowCount(QStringLiteral("audit")), entries);
    }

    // The log's count, taken on a worker beside the key derivation, stands in for counting it
    // at sign-in only while nobody else has written to the file since it began.
    void signInUsesTheLogCountedBesideTheDerivation()
    {
        QTemporaryDir dir;
        Database db;
        crypto::Vault vault;
        const auto admin = newClinic(db, dir.filePath(QStringLiteral("clinic.sqlite")), vault);
        QVERIFY(admin);
        Clinic clinic(db);
        QVERIFY(addPatients(
            db, vault, {QStringLiteral("Demo Child Ingrid"), QStringLiteral("Demo Child Omar")}));
        vault.lock();
        const auto key = [&] {
            return Clinic::unwrap(*clinic.keySlot(admin->id), kAdminPass, admin->id);
        };
        const auto tally = [&] { return tallyAuditAt(db.path(), dataVersion(db)); };

        // Nothing written since: the worker's count is taken, the log not counted again.
        const qint64 entries = db.rowCount(QStringLiteral("audit"));
        auto counted = tally();
        QVERIFY(counted);
        QCOMPARE(counted->count, entries);
        int countsBefore = AuditLog::logCountsForTesting();
        QVERIFY2(clinic.finishSignIn(admin->id, key(), vault, counted),
                 qPrintable(db.lastError().detail));
        QCOMPARE(AuditLog::logCountsForTesting(), countsBefore);
        QCOMPARE(db.rowCount(QStringLiteral("audit")), entries + 1);

        // This connection appended since (the sign-in above): the log is counted again, and
        // the sign-in goes through.
        vault.lock();
        counted->sinceVersion = dataVersion(db);
        countsBefore = AuditLog::logCountsForTesting();
        QVERIFY2(clinic.finishSignIn(admin->id, key(), vault, counted),
                 qPrintable(db.lastError().detail));
        QCOMPARE(AuditLog::logCountsForTesting(), countsBefore + 1);
        vault.lock();

        // sqlite3 in someone's hands after the count: the guard dropped, entry 2 deleted, the
        // guard put back. The ends are the same; the other connection's commit is noticed,
        // the log counted here, and the sign-in refused.
        counted = tally();
        QVERIFY(counted);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
            raw.setDatabaseName(db.path());
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            const QString guard = QStringLiteral("CREATE TRIGGER audit_no_delete BEFORE DELETE ON "
                                                 "audit BEGIN SELECT RAISE(ABORT, 'kept'); END");
            for (const QString &step : {QStringLiteral("DROP TRIGGER audit_no_delete"),
                                        QStringLiteral("DELETE FROM audit WHERE seq = 2"), guard})
                QVERIFY2(q.exec(step), qPrintable(step));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const qint64 left = db.rowCount(QStringLiteral("audit"));
        QVERIFY(!clinic.finishSignIn(admin->id, key(), vault, counted));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Tampered);
        QVERIFY2(db.lastError().detail.contains(QStringLiteral("entries are missing")),
                 qPrintable(db.lastError().detail));
        QVERIFY(!vault.isUnlocked());
        QCOMPARE(db.rowCount(QStringLiteral("audit")), left);

        // Counted after the deletion: the worker's count finds the gap itself.
        counted = tally();
        QVERIFY(counted);
        countsBefore = AuditLog::logCountsForTesting();
        QVERIFY(!clinic.finishSignIn(admin->id, key(), vault, counted));
        QCOMPARE(db.lastError().kind, StoreErrorKind::Tampered);
        QVERIFY2(db.lastError().detail.contains(QStringLiteral("entries are missing")),
                 qPrintable(db.lastError().detail));
        QCOMPARE(AuditLog::logCountsForTesting(), countsBefore);
    }

    void signInRunsOffTheCallingThread()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("clinic.sqlite"))));
        Clinic clinic(db);
        crypto::Vault vault;
        const auto admin = clinic.create(QStringLiteral("Demo Clinic"),
                                         QStringLiteral("Demo Admin"), kAdminPass, vault, kFast);
        vault.lock();
        const auto slot = clinic.keySlot(admin->id);
        QVERIFY(slot);
        auto future = Clinic::unwrapAsync(*slot, kAdminPass, admin->id);
        future.waitForFinished();
        QVERIFY(clinic.finishSignIn(admin->id, future.result(), vault));
        QCOMPARE(vault.staffId(), admin->id);
    }

    void adminsManageStaff()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("clinic.sqlite"))));
        Clinic clinic(db);
        crypto::Vault vault;
        const auto admin = clinic.create(QStringLiteral("Demo Clinic"),
                                         QStringLiteral("Demo Admin"), kAdminPass, vault, kFast);
        const auto physio =
            clinic.addStaff(vault, QStringLiteral("Demo Physio One"), StaffRole::Physio,
                            QStringLiteral("demo-passphrase-1"), kFast);
        QVERIFY(physio);
        QVERIFY(!clinic.setStaffActive(vault, admin->id, false)); // the last admin
        QCOMPARE(db.lastError().kind, StoreErrorKind::NotAllowed);

        // A physio cannot manage staff.
        crypto::Vault physioVault;
        QVERIFY(clinic.signIn(physio->id, QStringLiteral("demo-passphrase-1"), physioVault));
        QVERIFY(!clinic.addStaff(physioVault, QStringLiteral("Someone"), StaffRole::Admin,
                                 QStringLiteral("demo-passphrase-9"), kFast));
        QCOMPARE(db.lastError().kind, StoreErrorKind::NotAllowed);

        const QByteArray oldSlot =
            *StaffRepository(db).keySlot(physio->id, KeySlotKind::Passphrase);
        QVERIFY(clinic.resetPassphrase(vault, physio->id, QStringLiteral("demo-passphrase-new"),
                                       kFast));
        QVERIFY(!clinic.signIn(physio->id, QStringLiteral("demo-passphrase-1"), physioVault));
        QVERIFY(clinic.signIn(physio->id, QStringLiteral("demo-passphrase-new"), physioVault));
        QVERIFY(!rawStorage(db.path()).contains(oldSlot)); // destroyed, not just unlinked

        QVERIFY(clinic.setStaffActive(vault, physio->id, false));
        QVERIFY(!clinic.signIn(physio->id, QStringLiteral("demo-passphrase-new"), physioVault));
        QCOMPARE(db.lastError().kind, StoreErrorKind::NotAllowed);
        QCOMPARE(StaffRepository(db).list(true).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClinic)
#include "tst_clinic.moc"
