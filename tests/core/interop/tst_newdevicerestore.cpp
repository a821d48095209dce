// Restoring onto a device with no database (the tablet was lost): the backup alone, a staff
// member's name and passphrase bring the clinic back. Refusals: wrong passphrase, unknown or
// disabled staff, slots or header changed, something already at the target; and a backup of
// the previous format (no slots) still restores into the existing database.
#include "interoptestbed.h"

#include "core/interop/clinicbackup.h"
#include "core/interop/clinicverification.h"
#include "core/interop/durablefile.h"
#include "core/store/schema.h"

#include <functional>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QtEndian>
#include <QTest>

using namespace triad;
using namespace triad::interop;
using namespace triad::interop::testing;

namespace {

const QString kPhysioPassphrase = QStringLiteral("synthetic physio passphrase");
const QString kFormerPassphrase = QStringLiteral("synthetic former passphrase");

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QString patientName(store::Database &db, const crypto::Vault &vault, const QString &id)
{
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), {});
    store::PatientRepository patients(db, cipher, audit);
    const auto p = patients.get(id);
    return p ? p->name : QString();
}

// The header JSON of a backup file, and the file rebuilt around a changed one (length
// field adjusted, MAC and chunks kept): what someone editing the file would produce.
QJsonObject headerOf(const QByteArray &backup)
{
    const quint32 n = qFromBigEndian<quint32>(backup.constData() + 10);
    return QJsonDocument::fromJson(backup.mid(14, int(n))).object();
}

QByteArray withHeader(const QByteArray &backup, const QJsonObject &header)
{
    const quint32 n = qFromBigEndian<quint32>(backup.constData() + 10);
    const QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    char length[4];
    qToBigEndian(quint32(json.size()), length);
    return backup.left(10) + QByteArray(length, 4) + json + backup.mid(14 + int(n));
}

QJsonObject withStaffEntry(QJsonObject header, const QString &name,
                           const std::function<void(QJsonObject &)> &change)
{
    QJsonArray staff = header.value(QLatin1String("staff")).toArray();
    for (int i = 0; i < staff.size(); ++i) {
        QJsonObject member = staff.at(i).toObject();
        if (member.value(QLatin1String("name")).toString() == name) {
            change(member);
            staff[i] = member;
        }
    }
    header.insert(QStringLiteral("staff"), staff);
    return header;
}

QString lastAuditAction(store::Database &db, QString *staffId = nullptr)
{
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("SELECT action, staff_id FROM audit ORDER BY seq DESC LIMIT 1")) ||
        !q.next())
        return {};
    if (staffId)
        *staffId = q.value(1).toString();
    return q.value(0).toString();
}

} // namespace

class TestNewDeviceRestore : public QObject
{
    Q_OBJECT

    // A clinic with an admin, a physio, a disabled member and two patients, backed up into
    // m_backups; then its whole folder is deleted, as when the tablet is gone.
    QTemporaryDir m_backups;
    QString m_backup;
    store::StaffMember m_admin;
    store::StaffMember m_physio;
    QVector<PatientHistory> m_patients;
    BackupHeader m_header;

    // Restores into a fresh folder and expects a refusal of `kind`, leaving nothing there.
    void expectRefused(const QString &file, const QString &who, const QString &passphrase,
                       InteropErrorKind kind, InteropError *errorOut = nullptr)
    {
        QTemporaryDir device;
        const QString path = device.filePath(QStringLiteral("data/triad.sqlite"));
        store::Database db;
        crypto::Vault vault;
        InteropError error;
        QVERIFY(!ClinicBackup::restoreOnNewDevice(file, who, passphrase, path, db, vault, nullptr,
                                                  &error));
        QVERIFY2(error.kind == kind,
                 qPrintable(InteropError::kindId(error.kind) + ": " + error.message));
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!vault.holdsKey());
        QVERIFY(!db.isOpen());
        QVERIFY(!QFileInfo::exists(path));
        const QDir data(device.filePath(QStringLiteral("data")));
        QCOMPARE(data.entryList(QDir::Files | QDir::Hidden), QStringList());
        if (errorOut)
            *errorOut = error;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_backups.isValid());
        m_backup = m_backups.filePath(QStringLiteral("clinic.triadbak"));
        ClinicBed bed;
        QVERIFY(bed.setUp());
        m_admin = bed.admin;
        store::Clinic clinic(bed.db);
        const auto physio =
            clinic.addStaff(bed.vault, QStringLiteral("Demo Physio"), store::StaffRole::Physio,
                            kPhysioPassphrase, kCheapScrypt);
        const auto former =
            clinic.addStaff(bed.vault, QStringLiteral("Demo Former"), store::StaffRole::Physio,
                            kFormerPassphrase, kCheapScrypt);
        QVERIFY(physio && former);
        QVERIFY(clinic.setStaffActive(bed.vault, former->id, false));
        m_physio = *physio;
        for (const char *name : {"Demo Child One", "Demo Child Two"}) {
            const auto h = bed.addPatient(QLatin1String(name), QStringLiteral("synthetic"));
            QVERIFY(h);
            m_patients << *h;
        }
        BackupReport report;
        InteropError error;
        QVERIFY2(ClinicBackup::create(bed.db, bed.vault, m_backup, &report, &error),
                 qPrintable(error.message));
        m_header = report.header;
        QCOMPARE(m_header.format, 2);
        // Active members only, each with id, name, role and their slot.
        QCOMPARE(m_header.staff.size(), 2);
        QCOMPARE(m_header.staff.at(0).displayName, QStringLiteral("Demo Admin"));
        QCOMPARE(m_header.staff.at(0).role, QStringLiteral("admin"));
        QCOMPARE(m_header.staff.at(1).staffId, m_physio.id);
        QCOMPARE(m_header.staff.at(1).role, QStringLiteral("physio"));

        // The tablet is gone: database, WAL, shm and chain head, the folder itself.
        for (const char *suffix : {"", "-wal", "-shm", ".audit-head"})
            QVERIFY(QFileInfo::exists(bed.path + QLatin1String(suffix)));
        bed.db.close();
        bed.vault.lock();
        QVERIFY(QDir(bed.dir.path()).removeRecursively());
        QVERIFY(!QFileInfo::exists(bed.path));
    }

    void adminAndPhysioEachRestoreTheClinic()
    {
        struct Case
        {
            QString who;
            QString passphrase;
            QString expectedId;
        };
        const QVector<Case> cases{
            {QStringLiteral("demo  admin"), kAdminPassphrase, m_admin.id}, // as typed at sign-in
            {QStringLiteral("Demo Physio"), kPhysioPassphrase, m_physio.id},
            {m_physio.id, kPhysioPassphrase, m_physio.id}, // a staff id works too
        };
        for (const Case &c : cases) {
            QTemporaryDir device;
            const QString path = device.filePath(QStringLiteral("new tablet/triad.sqlite"));
            store::Database db;
            crypto::Vault vault;
            RestoreReport report;
            InteropError error;
            QVERIFY2(ClinicBackup::restoreOnNewDevice(m_backup, c.who, c.passphrase, path, db,
                                                      vault, &report, &error),
                     qPrintable(error.message));
            QVERIFY(db.isOpen());
            QVERIFY(vault.isUnlocked());
            QCOMPARE(vault.staffId(), c.expectedId);
            QCOMPARE(report.databasePath, QFileInfo(path).absoluteFilePath());
            QVERIFY(report.previousPath.isEmpty());

            // Same rows and the same decrypted names; one more audit entry: the restore.
            for (const QString &table : store::dataTables()) {
                const qint64 expected =
                    m_header.rows.value(table) + (table == QLatin1String("audit") ? 1 : 0);
                QVERIFY2(db.rowCount(table) == expected, qPrintable(table));
            }
            QCOMPARE(patientName(db, vault, m_patients.at(0).patient.id),
                     QStringLiteral("Demo Child One"));
            QCOMPARE(patientName(db, vault, m_patients.at(1).patient.id),
                     QStringLiteral("Demo Child Two"));
            QString actor;
            QCOMPARE(lastAuditAction(db, &actor), QStringLiteral("restore"));
            QCOMPARE(actor, c.expectedId);
            const VerificationReport verified = verifyClinic(db, vault);
            QVERIFY2(verified.ok(), qPrintable(verified.audit.message));
            QVERIFY2(verified.audit.message.isEmpty(), qPrintable(verified.audit.message));

            // Nothing but the database and its companions; the staging copy is gone.
            const QStringList files = QFileInfo(path).dir().entryList(QDir::Files);
            QVERIFY2(files.contains(QStringLiteral("triad.sqlite.audit-head")),
                     qPrintable(files.join(',')));
            for (const QString &f : files)
                QVERIFY2(f == QLatin1String("triad.sqlite") ||
                             f == QLatin1String("triad.sqlite-wal") ||
                             f == QLatin1String("triad.sqlite-shm") ||
                             f == QLatin1String("triad.sqlite.audit-head") ||
                             f == QLatin1String("triad.sqlite.lock"),
                         qPrintable(f));

            // The restored clinic works as usual: the same member signs in to it.
            db.close();
            store::Database again;
            QVERIFY(again.open(path));
            crypto::Vault signedIn;
            QVERIFY(store::Clinic(again).signIn(c.expectedId, c.passphrase, signedIn));
        }
    }

    void wrongPassphraseIsRefusedLikeSignIn()
    {
        InteropError error;
        expectRefused(m_backup, QStringLiteral("Demo Physio"), kAdminPassphrase,
                      InteropErrorKind::WrongPassphrase, &error);
        QCOMPARE(error.message,
                 store::StoreError::messageFor(store::StoreErrorKind::WrongPassphrase));
        expectRefused(m_backup, QStringLiteral("Demo Admin"), QStringLiteral("not the passphrase"),
                      InteropErrorKind::WrongPassphrase);
    }

    void unknownAndDisabledStaffAreNotInTheBackup()
    {
        InteropError error;
        expectRefused(m_backup, QStringLiteral("Nobody Here"), kAdminPassphrase,
                      InteropErrorKind::UnknownStaff, &error);
        QVERIFY(error.message.contains(QStringLiteral("No such staff member in this backup")));
        // A disabled member could not sign in, so their slot is not carried.
        expectRefused(m_backup, QStringLiteral("Demo Former"), kFormerPassphrase,
                      InteropErrorKind::UnknownStaff);
        expectRefused(m_backup, QString(), kAdminPassphrase, InteropErrorKind::UnknownStaff);
    }

    void changedSlotsOrHeaderAreRefused()
    {
        const QByteArray good = fileBytes(m_backup);
        QVERIFY(good.contains("\"staff\":["));
        QVERIFY(!good.contains("Demo Child")); // patients stay inside the encrypted chunks
        QVERIFY(!good.contains(kAdminPassphrase.toUtf8()));
        const QString bad = m_backups.filePath(QStringLiteral("bad.triadbak"));

        // Bytes of the admin's wrapped key altered: the slot no longer opens.
        writeBytes(
            bad, withHeader(good, withStaffEntry(headerOf(good), "Demo Admin", [](QJsonObject &m) {
                                QJsonObject slot = m.value("slot").toObject();
                                QByteArray w = QByteArray::fromBase64(
                                    slot.value("wrapped").toString().toLatin1());
                                w[20] = char(w[20] ^ 1);
                                slot.insert("wrapped", QString::fromLatin1(w.toBase64()));
                                m.insert("slot", slot);
                            })));
        expectRefused(bad, QStringLiteral("Demo Admin"), kAdminPassphrase,
                      InteropErrorKind::WrongPassphrase);

        // The admin's slot replaced by one that wraps another key under a passphrase the
        // attacker knows: it opens, but the header MAC and key id refuse it.
        const crypto::SecureBytes otherKey = crypto::newDataKey();
        const auto forged = crypto::wrapDataKey(otherKey, QStringLiteral("attacker passphrase"),
                                                m_admin.id, kCheapScrypt);
        QVERIFY(forged);
        writeBytes(
            bad, withHeader(good, withStaffEntry(headerOf(good), "Demo Admin", [&](QJsonObject &m) {
                                m.insert("slot", forged->toJson());
                            })));
        expectRefused(bad, QStringLiteral("Demo Admin"), QStringLiteral("attacker passphrase"),
                      InteropErrorKind::Tampered);

        // The physio promoted to admin in the header: the slot opens, the MAC does not match.
        writeBytes(
            bad, withHeader(good, withStaffEntry(headerOf(good), "Demo Physio", [](QJsonObject &m) {
                                m.insert("role", "admin");
                            })));
        expectRefused(bad, QStringLiteral("Demo Physio"), kPhysioPassphrase,
                      InteropErrorKind::Tampered);

        // A physio's slot under a new name: still the MAC.
        writeBytes(
            bad, withHeader(good, withStaffEntry(headerOf(good), "Demo Physio", [](QJsonObject &m) {
                                m.insert("name", "Demo Other");
                            })));
        expectRefused(bad, QStringLiteral("Demo Other"), kPhysioPassphrase,
                      InteropErrorKind::Tampered);

        // The slots stripped and the file passed off as format 1.
        QJsonObject stripped = headerOf(good);
        stripped.remove(QStringLiteral("staff"));
        stripped.insert(QStringLiteral("format"), 1);
        QByteArray downgraded = withHeader(good, stripped);
        downgraded[9] = 1;
        writeBytes(bad, downgraded);
        InteropError error;
        expectRefused(bad, QStringLiteral("Demo Admin"), kAdminPassphrase,
                      InteropErrorKind::Invalid, &error);
        QVERIFY(error.message.contains(QStringLiteral("older Triad")));

        // A chunk changed: the slot opens and the header verifies, the chunk does not.
        QByteArray chunk = good;
        chunk[chunk.size() - 30] = char(chunk[chunk.size() - 30] ^ 0x40);
        writeBytes(bad, chunk);
        expectRefused(bad, QStringLiteral("Demo Admin"), kAdminPassphrase,
                      InteropErrorKind::Tampered);
        QFile::remove(bad);
    }

    void existingDatabaseIsNeverReplaced()
    {
        QTemporaryDir device;
        const QString path = device.filePath(QStringLiteral("triad.sqlite"));
        for (const char *suffix : {"", "-wal", ".audit-head"}) {
            const QString file = path + QLatin1String(suffix);
            writeBytes(file, "keep me");
            store::Database db;
            crypto::Vault vault;
            InteropError error;
            QVERIFY(!ClinicBackup::restoreOnNewDevice(m_backup, QStringLiteral("Demo Admin"),
                                                      kAdminPassphrase, path, db, vault, nullptr,
                                                      &error));
            QCOMPARE(error.kind, InteropErrorKind::Invalid);
            QVERIFY2(error.message.contains(QStringLiteral("exists already")),
                     qPrintable(error.message));
            QVERIFY(error.message.contains(QStringLiteral("triad-cli restore")));
            QCOMPARE(fileBytes(file), QByteArray("keep me"));
            QCOMPARE(QDir(device.path()).entryList(QDir::Files),
                     QStringList{QFileInfo(file).fileName()});
            QVERIFY(!vault.holdsKey());
            QFile::remove(file);
        }
    }

    void previousFormatStillRestoresIntoTheExistingDatabase()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const auto kept = bed.addPatient(QStringLiteral("Demo Child Old"), QStringLiteral("o"));
        QVERIFY(kept);
        const QString snapshot = bed.dir.filePath(QStringLiteral("snap.sqlite"));
        QVERIFY(bed.db.copyTo(snapshot));
        SnapshotSummary summary;
        QString detail;
        QVERIFY(summarize(snapshot, &summary, &detail));
        BackupHeader header;
        header.format = 1;
        header.schemaVersion = summary.schemaVersion;
        header.createdAt = QStringLiteral("2025-01-01T00:00:00.000Z");
        header.clinicUuid = summary.clinicUuid;
        header.rows = summary.rows;
        header.contentDigest = summary.digest;
        const QString file = bed.dir.filePath(QStringLiteral("format1.triadbak"));
        InteropError error;
        QVERIFY(writeBackupFileWithHeader(
            snapshot, header, bed.vault.subkey(crypto::KeyPurpose::Backup), file, &error));
        removeDatabaseSecurely(snapshot);
        const QByteArray bytes = fileBytes(file);
        QCOMPARE(qFromBigEndian<quint16>(bytes.constData() + 8), quint16(1));
        QVERIFY(!bytes.contains("\"staff\":["));

        // It opens only with the existing database's key...
        QVERIFY(bed.addPatient(QStringLiteral("Demo Child Later"), QStringLiteral("l")));
        RestoreReport report;
        QVERIFY2(ClinicBackup::restore(bed.db, bed.path, bed.vault, file, &report, &error),
                 qPrintable(error.message));
        QCOMPARE(report.header.format, 1);
        QCOMPARE(bed.db.rowCount(QStringLiteral("patient")), 1);
        QCOMPARE(patientName(bed.db, bed.vault, kept->patient.id),
                 QStringLiteral("Demo Child Old"));
        QVERIFY(verifyClinic(bed.db, bed.vault).ok());

        // ...and a new device is told why it cannot use it.
        expectRefused(file, QStringLiteral("Demo Admin"), kAdminPassphrase,
                      InteropErrorKind::Invalid, &error);
        QVERIFY(error.message.contains(QStringLiteral("format 1")));
    }
};

QTEST_GUILESS_MAIN(TestNewDeviceRestore)
#include "tst_newdevicerestore.moc"
