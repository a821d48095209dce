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
            // Shown as an act-today card (a rupture, or the child's fall while the adults stay
            // high).
            const bool ruptureSeen =
                std::any_of(stored.begin(), stored.end(), [](const store::AlertRecord &a) {
                    return a.severity == QLatin1String("concern");
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

    void demoCardsKeepTheIssuesBudget()
    {
        // Issue 8: the demo clinic made 1.06 stored alerts per session, 0.29 of them
        // "concern". Now, like `triad-cli demo --patients 30`: at most 0.15 cards (keep an
        // eye + act today; notes are not cards) and 0.10 act-today cards per session, and
        // every planted rupture still an act-today card. One seed here (a 30-patient demo
        // clinic takes about 45 s to create); docs/ALLIANCE.md has seeds 1-3.
        int sessions = 0, cards = 0, concern = 0;
        for (quint32 seed = 2; seed <= 2; ++seed) {
            QTemporaryDir dir;
            store::Database db;
            QVERIFY(db.open(dir.filePath(QStringLiteral("demo.sqlite"))));
            const auto library = InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
            crypto::Vault vault;
            store::DemoOptions options;
            options.seed = seed;
            options.patients = 30;
            options.scrypt = crypto::ScryptParams{1024, 8, 1}; // quick for tests only
            const auto summary = insights::createDemoClinicWithAlerts(db, library, vault, options);
            QVERIFY2(summary, qPrintable(db.lastError().message()));
            sessions += summary->sessions;
            QSqlQuery q = db.query();
            QVERIFY(
                q.exec(QStringLiteral("SELECT severity, count(*) FROM alert GROUP BY severity")));
            while (q.next()) {
                if (q.value(0).toString() != QLatin1String("info"))
                    cards += q.value(1).toInt();
                if (q.value(0).toString() == QLatin1String("concern"))
                    concern += q.value(1).toInt();
            }
            for (const QString &episodeId : summary->rupturedEpisodes) {
                QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM alert WHERE episode_id = ? "
                                                 "AND severity = 'concern'")));
                q.addBindValue(episodeId);
                QVERIFY(q.exec() && q.next());
                QVERIFY2(q.value(0).toInt() > 0, qPrintable(episodeId));
            }
        }
        const QString figures = QStringLiteral("%1 sessions, %2 cards, %3 act today")
                                    .arg(sessions)
                                    .arg(cards)
                                    .arg(concern);
        qInfo("%s", qPrintable(figures));
        QVERIFY2(sessions > 250, qPrintable(figures));
        QVERIFY2(cards <= 0.15 * sessions, qPrintable(figures));
        QVERIFY2(concern <= 0.10 * sessions, qPrintable(figures));
    }
};

QTEST_GUILESS_MAIN(TestDemoAlerts)
#include "tst_demoalerts.moc"
