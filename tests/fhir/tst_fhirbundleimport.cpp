// import fhir: a demo clinic exported and imported into an empty clinic has every response,
// score and card again (same episode and session ids, same ages at every session); importing
// the same Bundle twice changes nothing; a malformed Bundle is refused whole, every problem
// named with its JSON path; the progress callback moves from the first patient to the last
// episode and a cancel at any step (the first, midway, the last) leaves the clinic as it was,
// its audit log included (the import is one transaction).
#include "fhirtesting.h"

#include "../core/interop/interoptestbed.h"

#include "core/insights/demoalerts.h"
#include "core/interop/fhir/fhirbundleimport.h"
#include "core/interop/fhir/fhirexport.h"

#include <QSqlQuery>

using namespace triad;
using namespace triad::interop;
using namespace triad::interop::testing;

namespace {

struct Clinic
{
    QTemporaryDir dir;
    store::Database db;
    crypto::Vault vault{crypto::PinHashing{1000}};
};

qint64 rows(store::Database &db, const QString &table)
{
    QSqlQuery q = db.query();
    q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return q.next() ? q.value(0).toLongLong() : -1;
}

QStringList tableCounts(store::Database &db)
{
    QStringList out;
    for (const char *t :
         {"patient", "guardian", "episode", "session", "response", "answer", "score", "alert"})
        out << QStringLiteral("%1=%2").arg(QLatin1String(t)).arg(rows(db, QLatin1String(t)));
    return out;
}

// Everything a clinician sees of an episode: responses with answers and scores, and cards.
// A card's figures to 10 significant digits: the clinic norms behind them are sums taken in
// hash order, so two clinics holding the same responses can differ in the last bit of a
// threshold (9.118374482360151 against ...153), which no card, prompt or level shows.
QJsonValue roundedFigures(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 10).toDouble();
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = roundedFigures(it.value());
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i)
            a[i] = roundedFigures(a.at(i));
        return a;
    }
    return v;
}

QStringList episodeFacts(store::Database &db, crypto::Vault &vault, const QString &episodeId)
{
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::ResponseRepository responses(db, cipher, audit);
    store::AlertRepository alerts(db, cipher, audit);
    QStringList facts;
    for (const store::StoredResponse &r : responses.forEpisode(episodeId, true))
        facts << QStringLiteral("response %1 %2 %3 %4 %5 %6 %7 %8")
                     .arg(r.record.sessionId, respondentId(r.record.respondent),
                          r.record.instrumentId, r.record.instrumentVersion,
                          store::responseStatusId(r.record.status), r.record.completedAt,
                          QString::fromUtf8(
                              QJsonDocument(r.answers.toJson()).toJson(QJsonDocument::Compact)),
                          QString::fromUtf8(
                              QJsonDocument(r.scores.toJson()).toJson(QJsonDocument::Compact)));
    for (const store::AlertRecord &a : alerts.forEpisode(episodeId)) {
        QJsonObject evidence = a.evidence;
        evidence.remove(QStringLiteral("card")); // its headline names the child
        evidence = roundedFigures(evidence).toObject();
        facts << QStringLiteral("card %1 %2 %3 %4 %5")
                     .arg(
                         a.sessionId, a.type, a.respondent, a.severity,
                         QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)));
    }
    facts.sort();
    return facts;
}

bool newClinic(Clinic &c)
{
    if (!c.db.open(c.dir.filePath(QStringLiteral("clinic.sqlite"))))
        return false;
    store::Clinic clinic(c.db);
    return clinic
        .create(QStringLiteral("Receiving Clinic"), QStringLiteral("Receiving Admin"),
                kAdminPassphrase, c.vault, kCheapScrypt)
        .has_value();
}

} // namespace

class TestFhirBundleImport : public QObject
{
    Q_OBJECT

    Clinic m_source;
    store::DemoSummary m_demo;
    QString m_bundle;
    InstrumentLibrary m_library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);

private slots:
    void initTestCase()
    {
        QVERIFY(m_source.db.open(m_source.dir.filePath(QStringLiteral("demo.sqlite"))));
        store::DemoOptions options;
        options.patients = 5;
        options.scrypt = kCheapScrypt;
        options.lastSessionDate = QDate(2025, 3, 27);
        const auto demo =
            insights::createDemoClinicWithAlerts(m_source.db, m_library, m_source.vault, options);
        QVERIFY(demo);
        m_demo = *demo;
        m_bundle = m_source.dir.filePath(QStringLiteral("demo.json"));
        fhir::ExportReport report;
        InteropError error;
        QVERIFY2(fhir::FhirExport::write(m_source.db, m_source.vault, m_library, m_bundle, {},
                                         &report, &error),
                 qPrintable(error.message));
        QVERIFY(report.alerts > 0);
    }

    void roundTripGivesTheSameScoresAndCards()
    {
        Clinic target;
        QVERIFY(newClinic(target));
        const auto report = fhir::FhirBundleImport::run(
            target.db, target.vault, m_library, fileBytes(m_bundle), QStringLiteral("demo.json"));
        QVERIFY2(report.ok(), qPrintable(report.storeError + report.problems.value(0).toString()));
        QCOMPARE(report.patientsCreated, m_demo.patients);
        QCOMPARE(report.episodesCreated, m_demo.episodes);
        QCOMPARE(report.sessionsCreated, m_demo.sessions);
        QCOMPARE(report.responsesImported, m_demo.responses);
        QVERIFY(report.alertsRaised > 0);

        const crypto::FieldCipher sourceCipher(m_source.vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog sourceAudit(m_source.db, m_source.vault.subkey(crypto::KeyPurpose::Audit),
                                    m_source.vault.staffId());
        store::PatientRepository sourcePatients(m_source.db, sourceCipher, sourceAudit);
        store::EpisodeRepository sourceEpisodes(m_source.db, sourceCipher, sourceAudit);
        store::SessionRepository sourceSessions(m_source.db, sourceAudit);
        const crypto::FieldCipher cipher(target.vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog audit(target.db, target.vault.subkey(crypto::KeyPurpose::Audit),
                              target.vault.staffId());
        store::PatientRepository patients(target.db, cipher, audit);
        store::EpisodeRepository episodes(target.db, cipher, audit);
        int compared = 0;
        for (const store::Patient &p : sourcePatients.list()) {
            const auto copy = patients.findByCode(p.code);
            QVERIFY2(copy, qPrintable(p.code));
            QVERIFY(copy->name != p.name); // the pseudonymised Bundle has no name
            for (const store::Episode &e : sourceEpisodes.forPatient(p.id)) {
                const auto other = episodes.get(e.id);
                QVERIFY(other);
                QCOMPARE(other->patientId, copy->id);
                QCOMPARE(other->startDate, e.startDate);
                QCOMPARE(other->endDate, e.endDate);
                QCOMPARE(other->condition, e.condition);
                // The same age at every session, so the same forms and age-band norms.
                for (const store::Session &s : sourceSessions.forEpisode(e.id))
                    QCOMPARE(InstrumentLibrary::ageOn(copy->birthDate, s.date),
                             InstrumentLibrary::ageOn(p.birthDate, s.date));
                const QStringList expected = episodeFacts(m_source.db, m_source.vault, e.id);
                const QStringList actual = episodeFacts(target.db, target.vault, e.id);
                QCOMPARE(actual.size(), expected.size());
                for (int i = 0; i < expected.size(); ++i)
                    QVERIFY2(actual.at(i) == expected.at(i),
                             qPrintable(actual.at(i) + QStringLiteral("\n!=\n") + expected.at(i)));
                compared += int(expected.size());
            }
        }
        QVERIFY(compared > m_demo.responses); // responses and cards

        // Twice: nothing changes.
        const QStringList before = tableCounts(target.db);
        const auto again = fhir::FhirBundleImport::run(
            target.db, target.vault, m_library, fileBytes(m_bundle), QStringLiteral("demo.json"));
        QVERIFY(again.ok());
        QCOMPARE(again.responsesImported, 0);
        QCOMPARE(again.responsesAlreadyThere, m_demo.responses);
        QCOMPARE(again.patientsFound, m_demo.patients);
        QCOMPARE(again.alertsRaised, 0);
        QCOMPARE(tableCounts(target.db), before);
    }

    void progressReachesTheEnd()
    {
        Clinic target;
        QVERIFY(newClinic(target));
        QVector<QPair<qint64, qint64>> calls;
        fhir::BundleImportOptions options;
        options.progress = [&](qint64 done, qint64 total) {
            calls.append({done, total});
            return true;
        };
        const auto report =
            fhir::FhirBundleImport::run(target.db, target.vault, m_library, fileBytes(m_bundle),
                                        QStringLiteral("demo.json"), options);
        QVERIFY2(report.ok(), qPrintable(report.storeError));
        QVERIFY(!report.cancelled);
        QCOMPARE(report.responsesImported, m_demo.responses);
        // One step per patient, episode, session and response, and per episode carded.
        const qint64 total =
            m_demo.patients + 2 * m_demo.episodes + m_demo.sessions + m_demo.responses;
        QCOMPARE(calls.size(), qsizetype(total));
        for (int i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls.at(i).first, qint64(i + 1));
            QCOMPARE(calls.at(i).second, total);
        }
    }

    void cancelLeavesTheClinicAsItWas_data()
    {
        QTest::addColumn<int>("stopAt"); // the step whose callback says stop; -1: the last
        QTest::newRow("first patient") << 1;
        QTest::newRow("midway through the responses")
            << m_demo.patients + m_demo.episodes + m_demo.sessions + m_demo.responses / 2;
        QTest::newRow("last episode's cards") << -1;
    }

    void cancelLeavesTheClinicAsItWas()
    {
        QFETCH(int, stopAt);
        Clinic target;
        QVERIFY(newClinic(target));
        const QStringList before = tableCounts(target.db);
        const qint64 auditBefore = rows(target.db, QStringLiteral("audit"));
        QVERIFY(auditBefore > 0); // the clinic's creation
        qint64 lastDone = 0;
        fhir::BundleImportOptions options;
        options.progress = [&](qint64 done, qint64 total) {
            lastDone = done;
            return done != (stopAt < 0 ? total : stopAt);
        };
        const auto report =
            fhir::FhirBundleImport::run(target.db, target.vault, m_library, fileBytes(m_bundle),
                                        QStringLiteral("demo.json"), options);
        QVERIFY(report.cancelled);
        QVERIFY(!report.ok());
        QVERIFY(report.problems.isEmpty());
        QCOMPARE(report.storeError, QString());
        QVERIFY(lastDone > 0);
        // Nothing counted, nothing stored, nothing audited.
        QCOMPARE(report.responsesImported, 0);
        QCOMPARE(report.patientsCreated, 0);
        QCOMPARE(tableCounts(target.db), before);
        QCOMPARE(rows(target.db, QStringLiteral("audit")), auditBefore);
        QVERIFY(!target.db.inBatch());
        store::AuditLog audit(target.db, target.vault.subkey(crypto::KeyPurpose::Audit),
                              target.vault.staffId());
        const crypto::VerifyResult verified = audit.verify();
        QVERIFY2(verified.ok, qPrintable(verified.message));

        // The clinic works on: the same Bundle imported whole afterwards.
        const auto again = fhir::FhirBundleImport::run(
            target.db, target.vault, m_library, fileBytes(m_bundle), QStringLiteral("demo.json"));
        QVERIFY2(again.ok(), qPrintable(again.storeError));
        QCOMPARE(again.responsesImported, m_demo.responses);
        QCOMPARE(again.patientsCreated, m_demo.patients);
        const crypto::VerifyResult afterwards = audit.verify();
        QVERIFY2(afterwards.ok, qPrintable(afterwards.message));
    }

    void malformedBundles_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("words");
        QTest::newRow("not-json") << "not-json"
                                  << ""
                                  << "not valid JSON";
        QTest::newRow("not-bundle") << "not-bundle"
                                    << "resourceType"
                                    << "Bundle";
        QTest::newRow("no-entries") << "no-entries"
                                    << "entry"
                                    << "missing";
        QTest::newRow("unknown-form") << "unknown-form"
                                      << ".questionnaire"
                                      << "no form";
        QTest::newRow("answer-out-of-range") << "answer-out-of-range"
                                             << ".answer[0]"
                                             << "";
        QTest::newRow("unknown-item") << "unknown-item"
                                      << ".linkId"
                                      << "not a question";
        QTest::newRow("dangling-encounter") << "dangling-encounter"
                                            << ".encounter"
                                            << "no Encounter";
        QTest::newRow("no-pseudonym") << "no-pseudonym"
                                      << ".identifier"
                                      << "pseudonym";
        QTest::newRow("bad-condition") << "bad-condition"
                                       << ".extension"
                                       << "condition";
        QTest::newRow("bad-session-date") << "bad-session-date"
                                          << ".period.start"
                                          << "not a date";
        QTest::newRow("draft-status") << "draft-status"
                                      << ".status"
                                      << "only completed";
        QTest::newRow("no-age") << "no-age"
                                << "resource"
                                << "child's age";
    }

    void malformedBundles()
    {
        QFETCH(QString, change);
        QFETCH(QString, path);
        QFETCH(QString, words);
        QJsonObject bundle = fhirtesting::readJson(m_bundle);
        QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        const auto firstOf = [&](const QString &type) {
            for (int i = 0; i < entries.size(); ++i)
                if (entries.at(i)
                        .toObject()
                        .value(QStringLiteral("resource"))
                        .toObject()
                        .value(QStringLiteral("resourceType")) == type)
                    return i;
            return -1;
        };
        const auto edit = [&](const QString &type, const std::function<void(QJsonObject &)> &f) {
            const int i = firstOf(type);
            QJsonObject entry = entries.at(i).toObject();
            QJsonObject r = entry.value(QStringLiteral("resource")).toObject();
            f(r);
            entry.insert(QStringLiteral("resource"), r);
            entries[i] = entry;
        };
        const auto firstChildResponse = [&](const std::function<void(QJsonObject &)> &f) {
            for (int i = 0; i < entries.size(); ++i) {
                QJsonObject entry = entries.at(i).toObject();
                QJsonObject r = entry.value(QStringLiteral("resource")).toObject();
                if (r.value(QStringLiteral("resourceType")) !=
                        QStringLiteral("QuestionnaireResponse") ||
                    !r.value(QStringLiteral("questionnaire"))
                         .toString()
                         .contains(QStringLiteral("child")))
                    continue;
                f(r);
                entry.insert(QStringLiteral("resource"), r);
                entries[i] = entry;
                return;
            }
        };
        QByteArray bytes;
        if (change == QLatin1String("not-json")) {
            bytes = "{\"resourceType\": \"Bundle\", \"entry\": [";
        } else {
            if (change == QLatin1String("not-bundle"))
                bundle.insert(QStringLiteral("resourceType"), QStringLiteral("Patient"));
            else if (change == QLatin1String("no-entries"))
                bundle.remove(QStringLiteral("entry"));
            else if (change == QLatin1String("unknown-form"))
                firstChildResponse([](QJsonObject &r) {
                    r.insert(
                        QStringLiteral("questionnaire"),
                        r.value(QStringLiteral("questionnaire")).toString().section('|', 0, 0) +
                            QStringLiteral("|9.9.9"));
                });
            else if (change == QLatin1String("answer-out-of-range") ||
                     change == QLatin1String("unknown-item"))
                firstChildResponse([&](QJsonObject &r) {
                    QJsonArray items = r.value(QStringLiteral("item")).toArray();
                    QJsonObject item = items.at(0).toObject();
                    if (change == QLatin1String("unknown-item"))
                        item.insert(QStringLiteral("linkId"), QStringLiteral("no-such-question"));
                    else
                        item.insert(QStringLiteral("answer"),
                                    QJsonArray{QJsonObject{{QStringLiteral("valueCoding"),
                                                            QJsonObject{{QStringLiteral("code"),
                                                                         QStringLiteral("9")}}}}});
                    items[0] = item;
                    r.insert(QStringLiteral("item"), items);
                });
            else if (change == QLatin1String("dangling-encounter"))
                firstChildResponse([](QJsonObject &r) {
                    r.insert(
                        QStringLiteral("encounter"),
                        QJsonObject{{QStringLiteral("reference"), QStringLiteral("urn:uuid:0")}});
                });
            else if (change == QLatin1String("draft-status"))
                firstChildResponse([](QJsonObject &r) {
                    r.insert(QStringLiteral("status"), QStringLiteral("in-progress"));
                });
            else if (change == QLatin1String("no-pseudonym"))
                edit(QStringLiteral("Patient"),
                     [](QJsonObject &r) { r.remove(QStringLiteral("identifier")); });
            else if (change == QLatin1String("bad-condition"))
                edit(QStringLiteral("EpisodeOfCare"),
                     [](QJsonObject &r) { r.insert(QStringLiteral("extension"), QJsonArray()); });
            else if (change == QLatin1String("bad-session-date"))
                edit(QStringLiteral("Encounter"), [](QJsonObject &r) {
                    r.insert(QStringLiteral("period"),
                             QJsonObject{{QStringLiteral("start"), QStringLiteral("yesterday")}});
                });
            else if (change == QLatin1String("no-age"))
                for (int i = 0; i < entries.size(); ++i) {
                    QJsonObject entry = entries.at(i).toObject();
                    QJsonObject r = entry.value(QStringLiteral("resource")).toObject();
                    if (r.value(QStringLiteral("resourceType")) != QStringLiteral("Encounter"))
                        continue;
                    r.remove(QStringLiteral("extension"));
                    entry.insert(QStringLiteral("resource"), r);
                    entries[i] = entry;
                }
            if (bundle.contains(QStringLiteral("entry")))
                bundle.insert(QStringLiteral("entry"), entries);
            bytes = QJsonDocument(bundle).toJson();
        }
        Clinic target;
        QVERIFY(newClinic(target));
        const QStringList before = tableCounts(target.db);
        const auto report = fhir::FhirBundleImport::run(target.db, target.vault, m_library, bytes,
                                                        QStringLiteral("bad.json"));
        QVERIFY(!report.ok());
        bool found = false;
        for (const LoadProblem &p : report.problems)
            found = found || ((path.isEmpty() ? p.path.isEmpty() : p.path.endsWith(path)) &&
                              p.message.contains(words));
        QVERIFY2(found, qPrintable(QStringLiteral("[%1][%2] ").arg(path, words) +
                                   report.problems.value(0).toString()));
        QCOMPARE(tableCounts(target.db), before); // nothing written
    }

    // Through triad-cli: a physio may not import; the lead may.
    void throughTheCli()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        const QString xdg = dir.filePath(QStringLiteral("xdg"));
        using fhirtesting::cli;
        QCOMPARE(cli({"demo", "--patients", "1", "--db", db}, {}, xdg).exitCode, 0);
        fhirtesting::Run r = cli({"import", "fhir", m_bundle, "--db", db, "--as", "Demo Physio 1"},
                                 QStringLiteral("demo-passphrase-1"), xdg);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("lead or an admin")), qPrintable(r.err));
        r = cli({"import", "fhir", m_bundle, "--db", db, "--as", "Demo Lead", "--json"},
                QStringLiteral("demo-passphrase-lead"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(out.value(QStringLiteral("responsesImported")).toInt(), m_demo.responses);
        r = cli({"verify", "--db", db}, QStringLiteral("demo-passphrase-admin"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }
};

QTEST_GUILESS_MAIN(TestFhirBundleImport)
#include "tst_fhirbundleimport.moc"
