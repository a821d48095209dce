// The right to erasure (rows and bytes gone from the database, its WAL and shared memory
// file) and the canary: a patient whose name, goals, free text and notes carry a unique
// string that must never appear, in any encoding, in any file or log Triad writes while
// every operation runs.
#include "canary.h"
#include "interoptestbed.h"

#include "core/interop/clinicbackup.h"
#include "core/interop/clinicverification.h"
#include "core/interop/patienterasure.h"

#include <QDir>
#include <QDirIterator>
#include <QSqlQuery>
#include <QTest>

using namespace triad;
using namespace triad::interop;
using namespace triad::interop::testing;

namespace {

const QString kCanary = QStringLiteral("CANARY-7f3a9c");

QStringList g_log;
void captureLog(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log << message;
}

QByteArray storageBytes(const QString &db)
{
    return fileBytes(db) + fileBytes(db + QStringLiteral("-wal")) +
           fileBytes(db + QStringLiteral("-shm"));
}

// Every stored (encrypted) personal value of one patient, as the database holds it.
QList<QByteArray> storedSecrets(store::Database &db, const PatientHistory &h)
{
    QList<QByteArray> secrets;
    const QList<QPair<QString, QString>> queries{
        {QStringLiteral("SELECT name FROM patient WHERE id = ?"), h.patient.id},
        {QStringLiteral("SELECT birth_date FROM patient WHERE id = ?"), h.patient.id},
        {QStringLiteral("SELECT notes FROM patient WHERE id = ?"), h.patient.id},
        {QStringLiteral("SELECT name FROM guardian WHERE id = ?"), h.guardian.id},
        {QStringLiteral("SELECT goals FROM episode WHERE id = ?"), h.episode.id},
        {QStringLiteral("SELECT value_text FROM answer WHERE response_id = ? AND "
                        "value_text IS NOT NULL"),
         h.responseId},
        {QStringLiteral("SELECT prompt FROM alert WHERE id = ?"), h.alertId},
        {QStringLiteral("SELECT note FROM action_log WHERE alert_id = ?"), h.alertId},
    };
    for (const auto &[sql, id] : queries) {
        QSqlQuery q = db.query();
        q.prepare(sql);
        q.addBindValue(id);
        if (q.exec() && q.next())
            secrets << q.value(0).toByteArray();
    }
    return secrets;
}

} // namespace

class TestErasure : public QObject
{
    Q_OBJECT

private slots:
    void erasureRemovesRowsAndBytes()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const auto kept = bed.addPatient(QStringLiteral("Demo Child Stays"), QStringLiteral("s"));
        const auto gone = bed.addPatient(QStringLiteral("Demo Child Goes"), QStringLiteral("g"));
        QVERIFY(kept && gone);
        const QList<QByteArray> secrets = storedSecrets(bed.db, *gone);
        QCOMPARE(secrets.size(), 8);
        // The check below can see them: each is in the files before the erasure.
        bed.db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        for (const QByteArray &s : secrets)
            QVERIFY(storageBytes(bed.path).contains(s));
        QVERIFY(storageBytes(bed.path).contains(gone->patient.code.toUtf8()));
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), 2); // one completed each

        ErasureReport report;
        InteropError error;
        // Typed the way a person reads it aloud.
        QVERIFY2(erasePatient(bed.db, bed.vault, gone->patient.code.toLower().replace('-', ' '),
                              &report, &error),
                 qPrintable(error.message));
        QCOMPARE(report.code, gone->patient.code);

        QCOMPARE(QFileInfo(bed.path + QStringLiteral("-wal")).size(), 0);
        const QByteArray after = storageBytes(bed.path);
        for (const QByteArray &s : secrets)
            QVERIFY2(!after.contains(s), s.constData());
        QVERIFY(!after.contains(gone->patient.code.toUtf8()));
        // Exactly the kept patient's rows remain.
        QCOMPARE(bed.db.rowCount(QStringLiteral("patient")), 1);
        QCOMPARE(bed.db.rowCount(QStringLiteral("guardian")), 1);
        QCOMPARE(bed.db.rowCount(QStringLiteral("episode")), 1);
        QCOMPARE(bed.db.rowCount(QStringLiteral("response")), 1);
        QCOMPARE(bed.db.rowCount(QStringLiteral("alert")), 1);
        QCOMPARE(bed.db.rowCount(QStringLiteral("action_log")), 1);
        QVERIFY(bed.db.rowCount(QStringLiteral("answer")) > 0);
        QCOMPARE(bed.db.rowCount(QStringLiteral("dashboard_fact")), 1);
        // The kept patient is whole; the audit still verifies and says "erase".
        QCOMPARE(storedSecrets(bed.db, *kept).size(), 8);
        QVERIFY(verifyClinic(bed.db, bed.vault).ok());
        QSqlQuery q = bed.db.query();
        QVERIFY(q.exec(QStringLiteral("SELECT action FROM audit ORDER BY seq DESC LIMIT 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("erase"));

        // A second erasure of the same code: a clear "no patient" and nothing else changes.
        QVERIFY(!erasePatient(bed.db, bed.vault, gone->patient.code, nullptr, &error));
        QCOMPARE(error.kind, InteropErrorKind::Invalid);
        QVERIFY(error.message.contains(gone->patient.code));
        QVERIFY(!erasePatient(bed.db, bed.vault, QStringLiteral("not a code!"), nullptr, &error));
        QVERIFY(error.message.contains(QStringLiteral("pseudonym code")));
    }

    void canaryNeverLeaks()
    {
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const auto canary = bed.addPatient(kCanary, kCanary);
        const auto other = bed.addPatient(QStringLiteral("Demo Child Other"), QStringLiteral("o"));
        QVERIFY(canary && other);
        QVERIFY(canary->episode.goals.contains(kCanary));

        // Sign-in failures, recorded while locked and chained at the next sign-in.
        store::Clinic clinic(bed.db);
        crypto::Vault wrong;
        QVERIFY(!clinic.signIn(bed.admin.id, kCanary, wrong));
        QVERIFY(!clinic.signIn(bed.admin.id, QStringLiteral("not the passphrase"), wrong));
        QVERIFY(clinic.signIn(bed.admin.id, kAdminPassphrase, bed.vault));

        const QString first = bed.dir.filePath(QStringLiteral("first.triadbak"));
        const QString second = bed.dir.filePath(QStringLiteral("second.triadbak"));
        InteropError error;
        QVERIFY(ClinicBackup::create(bed.db, bed.vault, first, nullptr, &error));
        QVERIFY(verifyClinic(bed.db, bed.vault).ok());
        QVERIFY(ClinicBackup::restore(bed.db, bed.path, bed.vault, first, nullptr, &error));
        QVERIFY(verifyClinic(bed.db, bed.vault).ok());
        QVERIFY2(erasePatient(bed.db, bed.vault, other->patient.code, nullptr, &error),
                 qPrintable(error.message));
        QVERIFY(ClinicBackup::create(bed.db, bed.vault, second, nullptr, &error));
        QVERIFY(verifyClinic(bed.db, bed.vault).ok());

        // The canary patient is still there, readable with the key...
        const crypto::FieldCipher cipher(bed.vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog audit(bed.db, bed.vault.subkey(crypto::KeyPurpose::Audit), {});
        QCOMPARE(store::PatientRepository(bed.db, cipher, audit).get(canary->patient.id)->name,
                 kCanary);
        qInstallMessageHandler(previous);

        // ...and nowhere in clear, in any file in the folder or in the log.
        QVERIFY(!canaryForms(kCanary).isEmpty());
        QVERIFY(!canaryLeak("xx" + kCanary.toUtf8().toBase64(), kCanary).isEmpty());
        QDirIterator files(bed.dir.path(), QDir::Files | QDir::Hidden);
        int checked = 0;
        while (files.hasNext()) {
            const QString file = files.next();
            const QString leak = canaryLeak(fileBytes(file), kCanary);
            QVERIFY2(leak.isEmpty(), qPrintable(file + QStringLiteral(": ") + leak));
            ++checked;
        }
        QVERIFY(checked >= 5); // database, -wal, -shm, head, before-restore, two backups
        const QString leak = canaryLeak(g_log.join(QLatin1Char('\n')).toUtf8(), kCanary);
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
        QVERIFY(canaryLeak(error.message.toUtf8(), kCanary).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestErasure)
#include "tst_erasure.moc"
