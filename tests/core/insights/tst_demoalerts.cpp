// The demo clinic must look like a clinic in use: its planted ruptures are stored alerts
// with prompts, so the episode chart and the lead's dashboard show them.
#include "core/insights/demoalerts.h"
#include "core/store/alertrepository.h"
#include "core/store/auditlog.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace triad;

class TestDemoAlerts : public QObject
{
    Q_OBJECT
private slots:
    void plantedRupturesAreStoredAlerts()
    {
        QTemporaryDir dir;
        store::Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("demo.sqlite"))));
        const auto library = InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
        QVERIFY(library.problems().isEmpty());
        crypto::Vault vault;
        store::DemoOptions options;
        options.scrypt = crypto::ScryptParams{1024, 8, 1}; // quick for tests only
        const auto summary = insights::createDemoClinicWithAlerts(db, library, vault, options);
        QVERIFY2(summary, qPrintable(db.lastError().message()));
        QVERIFY(!summary->rupturedEpisodes.isEmpty());

        const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        store::AlertRepository alerts(db, cipher, audit);
        for (const QString &episodeId : summary->rupturedEpisodes) {
            const auto stored = alerts.forEpisode(episodeId);
            const bool ruptureSeen =
                std::any_of(stored.begin(), stored.end(), [](const store::AlertRecord &a) {
                    return a.type == QLatin1String("rupture") ||
                           a.type == QLatin1String("reliable-drop");
                });
            QVERIFY2(ruptureSeen, qPrintable(episodeId));
            for (const auto &a : stored)
                QVERIFY2(!a.prompt.isEmpty(), qPrintable(a.type));
        }
        QSqlQuery q = db.query();
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM alert")) && q.next());
        QVERIFY(q.value(0).toInt() >= summary->rupturedEpisodes.size());
        // Answered at a human pace, so no "answered very quickly" flag on demo rounds ...
        QVERIFY(
            q.exec(QStringLiteral("SELECT count(*) FROM alert WHERE type = 'quality-too-fast'")) &&
            q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        // ... and on the day of their session, as a real round would be.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM response r JOIN session s ON "
                                      "s.id = r.session_id WHERE substr(r.completed_at, 1, 10) "
                                      "<> s.session_date")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(audit.verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestDemoAlerts)
#include "tst_demoalerts.moc"
