// FHIR R4 export: the clinic as a Bundle that a real validator accepts with zero errors, with
// what a receiving record system needs (pseudonym, authors, scores derived from the responses,
// alerts with their evidence) and nothing it must not get (names, birth dates, free text,
// prompts and notes).
#include "fhirtesting.h"

#include "../core/interop/interoptestbed.h"

#include "core/interop/fhir/fhirexport.h"
#include "core/interop/fhir/fhirquestionnaire.h"
#include "core/interop/fhir/fhirvocabulary.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace triad;
using namespace triad::interop;
using namespace triad::interop::testing;
using namespace triad::fhirtesting;

namespace {

QJsonValue extensionValue(const QJsonObject &object, const QString &url, const QString &key)
{
    for (const QJsonValue &e : object.value(QStringLiteral("extension")).toArray())
        if (e.toObject().value(QStringLiteral("url")).toString() == url)
            return e.toObject().value(key);
    return {};
}

// Every text of an instrument also in `language`, as a translator would deliver it.
void addLanguage(Instrument &instrument, const QString &language)
{
    const auto translate = [&](LocalizedText &t) {
        if (!t.isEmpty())
            t.set(language, QStringLiteral("[%1] %2").arg(language, t.in(QStringLiteral("en"))));
    };
    instrument.languages << language;
    translate(instrument.title);
    translate(instrument.intro);
    translate(instrument.introReadAloud);
    translate(instrument.thanks);
    for (ResponseFormat &f : instrument.formats) {
        for (ResponseChoice &c : f.choices) {
            translate(c.label);
            translate(c.readAloud);
        }
        translate(f.lowAnchor);
        translate(f.highAnchor);
        if (f.notApplicable) {
            translate(f.notApplicable->label);
            translate(f.notApplicable->readAloud);
        }
    }
    for (Subscale &s : instrument.subscales)
        translate(s.title);
    for (Item &i : instrument.items) {
        translate(i.text);
        translate(i.readAloud);
    }
}

} // namespace

class TestFhirExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void questionnairesAreValidInEveryLanguage()
    {
        QStringList files;
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        QCOMPARE(library.instruments().size(), 5);
        QVector<Instrument> forms = library.instruments();
        Instrument bilingual = library.find(QStringLiteral("triad-parent"))
                                   ? *library.find(QStringLiteral("triad-parent"))
                                   : Instrument();
        addLanguage(bilingual, QStringLiteral("nl"));
        forms << bilingual;
        for (const Instrument &form : forms) {
            const QJsonObject q = fhir::questionnaireResource(form);
            const QString path =
                m_dir.filePath(form.id + QString::number(files.size()) + QStringLiteral(".json"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(q).toJson());
            f.close();
            files << path;
            QCOMPARE(q.value(QStringLiteral("url")).toString(), fhir::questionnaireUrl(form.id));
            QCOMPARE(q.value(QStringLiteral("version")).toString(), form.version);
            QCOMPARE(q.value(QStringLiteral("item")).toArray().size(), form.items.size());
        }
        const Run r = validate(files);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("6 resources, 0 errors")));

        // The bilingual parent form: Dutch through the translation extension; its sliders
        // through item-control and slider-step.
        const QJsonObject q = fhir::questionnaireResource(bilingual);
        const QJsonObject first = q.value(QStringLiteral("item")).toArray().at(0).toObject();
        const QJsonObject translation = first.value(QStringLiteral("_text"))
                                            .toObject()
                                            .value(QStringLiteral("extension"))
                                            .toArray()
                                            .at(0)
                                            .toObject();
        QCOMPARE(translation.value(QStringLiteral("url")).toString(), fhir::kTranslation);
        QVERIFY(QJsonDocument(translation).toJson().contains("\"nl\""));
        QVERIFY(QJsonDocument(translation).toJson().contains("[nl] "));
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("decimal"));
        const QJsonObject control =
            extensionValue(first, fhir::kItemControl, QStringLiteral("valueCodeableConcept"))
                .toObject();
        QCOMPARE(control.value(QStringLiteral("coding"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("code")),
                 QStringLiteral("slider"));
        QCOMPARE(extensionValue(first, fhir::kSliderStep, QStringLiteral("valueInteger")).toInt(),
                 1);

        // Faces: answer options with ordinal values 1..5.
        const QJsonObject child =
            fhir::questionnaireResource(*library.find(QStringLiteral("triad-child-8to12")));
        const QJsonArray options = child.value(QStringLiteral("item"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("answerOption"))
                                       .toArray();
        QCOMPARE(options.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(extensionValue(options.at(i).toObject(), fhir::kOrdinalValue,
                                    QStringLiteral("valueDecimal"))
                         .toDouble(),
                     double(i + 1));
    }

    void clinicExportIsValidAndPseudonymised()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const auto ada = bed.addPatient(QStringLiteral("Ada Canary"), QStringLiteral("kite-7731"));
        const auto bo = bed.addPatient(QStringLiteral("Bo Canary"), QStringLiteral("lark-4420"));
        QVERIFY(ada && bo);
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);

        const QString collection = m_dir.filePath(QStringLiteral("clinic.json"));
        fhir::ExportOptions options;
        fhir::ExportReport report;
        InteropError error;
        QVERIFY2(fhir::FhirExport::write(bed.db, bed.vault, library, collection, options, &report,
                                         &error),
                 qPrintable(error.message));
        QCOMPARE(report.patients, 2);
        QCOMPARE(report.responses, 2);
        QCOMPARE(report.alerts, 2);
        QCOMPARE(report.actions, 2);
        // Only the user who exported may read it.
        const QFileDevice::Permissions mode = QFile::permissions(collection);
        QVERIFY(mode.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!(mode & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                          QFileDevice::WriteGroup | QFileDevice::WriteOther)));
        options.transaction = true;
        const QString transaction = m_dir.filePath(QStringLiteral("clinic-tx.json"));
        QVERIFY2(fhir::FhirExport::write(bed.db, bed.vault, library, transaction, options, &report,
                                         &error),
                 qPrintable(error.message));

        const Run r = validate({collection, transaction});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral(" 0 errors")), qPrintable(r.out));

        // Nothing that names anyone or holds the family's words.
        const QByteArray bytes = fileBytes(collection);
        for (const char *secret : {"Canary", "kite-7731", "lark-4420", "2014-05-17", "Guardian of",
                                   "Prompt:", "Action note:", "Unsaid:"})
            QVERIFY2(!bytes.contains(secret), secret);
        QVERIFY(bytes.contains(ada->patient.code.toUtf8()));
        QVERIFY(bytes.contains(bo->patient.code.toUtf8()));

        const QJsonObject bundle = readJson(collection);
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("collection"));
        QCOMPARE(readJson(transaction).value(QStringLiteral("type")).toString(),
                 QStringLiteral("transaction"));
        const auto patients = resourcesOf(bundle, QStringLiteral("Patient"));
        QCOMPARE(patients.size(), 2);
        for (const QJsonObject &p : patients) {
            QVERIFY(!p.contains(QStringLiteral("name")));
            QVERIFY(!p.contains(QStringLiteral("birthDate")));
        }

        // The response: questionnaire canonical, the child as author, its answers.
        const auto responses = resourcesOf(bundle, QStringLiteral("QuestionnaireResponse"));
        QCOMPARE(responses.size(), 2);
        QJsonObject adaResponse;
        for (const QJsonObject &q : responses)
            if (q.value(QStringLiteral("id")).toString() == ada->responseId)
                adaResponse = q;
        QVERIFY(!adaResponse.isEmpty());
        QCOMPARE(adaResponse.value(QStringLiteral("questionnaire")).toString(),
                 fhir::questionnaireCanonical(bed.child));
        QCOMPARE(adaResponse.value(QStringLiteral("status")).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(adaResponse.value(QStringLiteral("author"))
                     .toObject()
                     .value(QStringLiteral("reference")),
                 QStringLiteral("urn:uuid:") + ada->patient.id);
        const QJsonArray items = adaResponse.value(QStringLiteral("item")).toArray();
        QVERIFY(!items.isEmpty());
        QCOMPARE(items.at(0)
                     .toObject()
                     .value(QStringLiteral("answer"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("valueCoding"))
                     .toObject()
                     .value(QStringLiteral("code")),
                 QStringLiteral("4"));

        // Scores: every stored score, derived from the response, with the same value.
        const crypto::FieldCipher cipher(bed.vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog audit(bed.db, bed.vault.subkey(crypto::KeyPurpose::Audit), bed.admin.id);
        store::ResponseRepository repo(bed.db, cipher, audit);
        const auto stored = repo.get(ada->responseId);
        QVERIFY(stored);
        int scores = 0;
        bool totalFound = false;
        for (const QJsonObject &o : resourcesOf(bundle, QStringLiteral("Observation"))) {
            const QJsonArray derived = o.value(QStringLiteral("derivedFrom")).toArray();
            if (derived.isEmpty() || derived.at(0).toObject().value(QStringLiteral("reference")) !=
                                         QStringLiteral("urn:uuid:") + ada->responseId)
                continue;
            const QJsonObject code = o.value(QStringLiteral("code"))
                                         .toObject()
                                         .value(QStringLiteral("coding"))
                                         .toArray()
                                         .at(0)
                                         .toObject();
            if (code.value(QStringLiteral("system")).toString() !=
                fhir::codeSystemUrl(fhir::kScoresCodeSystem))
                continue;
            ++scores;
            if (code.value(QStringLiteral("code")) == QStringLiteral("total")) {
                totalFound = true;
                QCOMPARE(o.value(QStringLiteral("valueQuantity"))
                             .toObject()
                             .value(QStringLiteral("value"))
                             .toDouble(),
                         stored->scores.total.normalised);
            }
        }
        QVERIFY(totalFound);
        // total + 3 subscales + 3 constructs + core + 3 core constructs
        QCOMPARE(scores,
                 1 + stored->scores.subscales.size() + stored->scores.constructs.size() +
                     (stored->scores.hasCore() ? 1 + stored->scores.coreConstructs.size() : 0));

        // The alert: a Flag whose flag-detail is the Observation with the evidence; the action
        // focused on the Flag.
        const auto flags = resourcesOf(bundle, QStringLiteral("Flag"));
        QCOMPARE(flags.size(), 2);
        QJsonObject flag;
        for (const QJsonObject &f : flags)
            if (f.value(QStringLiteral("id")).toString() == ada->alertId)
                flag = f;
        QCOMPARE(flag.value(QStringLiteral("status")).toString(), QStringLiteral("inactive"));
        const QString detail =
            extensionValue(flag, fhir::kFlagDetail, QStringLiteral("valueReference"))
                .toObject()
                .value(QStringLiteral("reference"))
                .toString();
        bool evidenceFound = false, actionFound = false;
        for (const QJsonObject &o : resourcesOf(bundle, QStringLiteral("Observation"))) {
            if (QStringLiteral("urn:uuid:") + o.value(QStringLiteral("id")).toString() == detail) {
                evidenceFound = true;
                QCOMPARE(o.value(QStringLiteral("derivedFrom"))
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(QStringLiteral("reference")),
                         QStringLiteral("urn:uuid:") + ada->responseId);
            }
            if (o.value(QStringLiteral("focus"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("reference")) ==
                QStringLiteral("urn:uuid:") + ada->alertId) {
                actionFound = true;
                QVERIFY(QJsonDocument(o).toJson().contains("talked-about-goals"));
            }
        }
        QVERIFY(evidenceFound);
        QVERIFY(actionFound);

        // Free text only when asked for.
        options.transaction = false;
        options.includeFreeText = true;
        const QString withText = m_dir.filePath(QStringLiteral("clinic-text.json"));
        QVERIFY(fhir::FhirExport::write(bed.db, bed.vault, library, withText, options, &report,
                                        &error));
        QVERIFY(fileBytes(withText).contains("Unsaid: kite-7731"));
        QVERIFY(!fileBytes(withText).contains("Canary"));

        // Never over an existing file: it stays as it was.
        const QByteArray before = fileBytes(collection);
        QVERIFY(!fhir::FhirExport::write(bed.db, bed.vault, library, collection, options, &report,
                                         &error));
        QCOMPARE(error.kind, InteropErrorKind::Invalid);
        QCOMPARE(fileBytes(collection), before);
        // Exports are audited.
        bool audited = false;
        for (const auto &e : audit.entries())
            audited = audited || e.action == QLatin1String("export-fhir");
        QVERIFY(audited);
    }

    // Progress is reported per patient; cancelling leaves no file and no temporary file.
    void cancelLeavesNothing()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        QVERIFY(bed.addPatient(QStringLiteral("Cy Canary"), QStringLiteral("wren-1")));
        QVERIFY(bed.addPatient(QStringLiteral("Di Canary"), QStringLiteral("wren-2")));
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        QTemporaryDir out;
        const QString file = out.filePath(QStringLiteral("cancelled.json"));
        fhir::ExportOptions options;
        QVector<QPair<int, int>> calls;
        options.progress = [&](int done, int total) {
            calls.append({done, total});
            return done < 1;
        };
        fhir::ExportReport report;
        InteropError error;
        QVERIFY(
            !fhir::FhirExport::write(bed.db, bed.vault, library, file, options, &report, &error));
        QVERIFY(error.message.contains(QStringLiteral("cancelled")));
        QCOMPARE(calls, (QVector<QPair<int, int>>{{1, 2}}));
        QVERIFY(QDir(out.path())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
        // A folder that does not exist: refused, nothing created.
        QVERIFY(!fhir::FhirExport::write(bed.db, bed.vault, library,
                                         out.filePath(QStringLiteral("missing/clinic.json")), {},
                                         &report, &error));
        QCOMPARE(error.kind, InteropErrorKind::Io);
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("missing"))));
    }

    // A row whose encrypted field was swapped for another row's (with sqlite3, say) does not
    // decrypt: the export stops, names the row and leaves no file. An alert's prompt and a
    // guardian's name are checked although neither leaves the clinic.
    void aFieldThatDoesNotDecryptStopsTheExport_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("column");
        QTest::newRow("alert prompt") << QStringLiteral("alert") << QStringLiteral("prompt");
        QTest::newRow("guardian name") << QStringLiteral("guardian") << QStringLiteral("name");
    }
    void aFieldThatDoesNotDecryptStopsTheExport()
    {
        QFETCH(QString, table);
        QFETCH(QString, column);
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const auto ada = bed.addPatient(QStringLiteral("Ada Canary"), QStringLiteral("kite-7731"));
        const auto bo = bed.addPatient(QStringLiteral("Bo Canary"), QStringLiteral("lark-4420"));
        QVERIFY(ada && bo);
        const QString victim = table == QLatin1String("alert") ? ada->alertId : ada->guardian.id;
        const QString donor = table == QLatin1String("alert") ? bo->alertId : bo->guardian.id;
        QSqlQuery swap = bed.db.query();
        QVERIFY(swap.prepare(QStringLiteral("UPDATE %1 SET %2 = (SELECT %2 FROM %1 WHERE id = ?) "
                                            "WHERE id = ?")
                                 .arg(table, column)));
        swap.addBindValue(donor);
        swap.addBindValue(victim);
        QVERIFY2(swap.exec(), qPrintable(swap.lastError().text()));
        QCOMPARE(swap.numRowsAffected(), 1);

        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        QTemporaryDir out;
        const QString file = out.filePath(QStringLiteral("clinic.json"));
        fhir::ExportReport report;
        InteropError error;
        QVERIFY(!fhir::FhirExport::write(bed.db, bed.vault, library, file, {}, &report, &error));
        QCOMPARE(error.kind, InteropErrorKind::Store);
        QVERIFY2(error.message.contains(victim), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("does not decrypt")),
                 qPrintable(error.message));
        QVERIFY(QDir(out.path())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
    }

    // The demo clinic through triad-cli: lead may export, a physio may not; both bundle types
    // validate with zero errors.
    void demoClinicThroughTheCli()
    {
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const QString xdg = m_dir.filePath(QStringLiteral("xdg"));
        Run r = cli({"demo", "--patients", "6", "--db", db}, {}, xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString out = m_dir.filePath(QStringLiteral("demo.json"));
        const QString tx = m_dir.filePath(QStringLiteral("demo-tx.json"));
        r = cli({"export", "fhir", out, "--db", db, "--as", "Demo Lead", "--json"},
                QStringLiteral("demo-passphrase-lead"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("patients")).toInt(), 6);
        QVERIFY(summary.value(QStringLiteral("responses")).toInt() > 100);
        QVERIFY(summary.value(QStringLiteral("alerts")).toInt() > 0);
        r = cli({"export", "fhir", tx, "--transaction", "--db", db},
                QStringLiteral("demo-passphrase-admin"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({"export", "fhir", m_dir.filePath(QStringLiteral("physio.json")), "--db", db,
                 "--as", "Demo Physio 1"},
                QStringLiteral("demo-passphrase-1"), xdg);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("clinic lead or an admin")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("physio.json"))));

        // No child's or parent's name anywhere (the cards' headlines name the child).
        r = cli({"patient", "list", "--json", "--db", db}, QStringLiteral("demo-passphrase-admin"),
                xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray listed = QJsonDocument::fromJson(r.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("patients"))
                                      .toArray();
        QCOMPARE(listed.size(), 6);
        const QByteArray exported = fileBytes(out) + fileBytes(tx);
        for (const QJsonValue &p : listed) {
            const QString name = p.toObject().value(QStringLiteral("name")).toString();
            QVERIFY(!name.isEmpty());
            for (const QString &part : name.split(QLatin1Char(' ')))
                if (part.size() > 3 && part != QLatin1String("Demo"))
                    QVERIFY2(!exported.contains(part.toUtf8()), qPrintable(part));
        }

        const Run v = validate({out, tx});
        QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
        QVERIFY2(v.out.contains(QStringLiteral(" 0 errors")), qPrintable(v.out));
        QVERIFY(v.out.contains(QStringLiteral("Flag ")));
    }
};

QTEST_GUILESS_MAIN(TestFhirExport)
#include "tst_fhirexport.moc"
