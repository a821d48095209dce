// Importing an R4 Questionnaire: Triad's own exports come back as the same instruments with
// the same scores; a form-builder Questionnaire becomes a form scored from its ordinal values;
// malformed files give every problem with its JSON path and import nothing.
#include "fhirtesting.h"

#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/scoring.h"
#include "core/interop/fhir/fhirquestionnaire.h"
#include "core/interop/fhir/questionnaireimport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace triad;
using namespace triad::fhirtesting;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kData = QStringLiteral(TRIAD_TEST_DATA "/fhir/");

// Answers as a tablet would store them: some missing, some "not yet", every format.
Answers randomAnswers(const Instrument &instrument, QRandomGenerator &rng)
{
    Answers a;
    for (const Item &item : instrument.items) {
        const ResponseFormat *f = instrument.format(item.formatId);
        if (!f || rng.bounded(10) == 0)
            continue;
        if (f->notApplicable && rng.bounded(12) == 0) {
            a.set(item.id, f->kind == FormatKind::Slider ? QVariant(double(notApplicableValue))
                                                         : QVariant(notApplicableValue));
            continue;
        }
        switch (f->kind) {
        case FormatKind::Likert:
        case FormatKind::Faces:
            a.set(item.id, f->choices.at(int(rng.bounded(int(f->choices.size())))).value);
            break;
        case FormatKind::YesNo:
            a.set(item.id, rng.bounded(2) == 1);
            break;
        case FormatKind::Slider:
            a.set(item.id, double(rng.bounded(101)));
            break;
        case FormatKind::FreeText:
            a.set(item.id, QStringLiteral("synthetic"));
            break;
        }
    }
    return a;
}

} // namespace

class TestFhirImport : public QObject
{
    Q_OBJECT

private slots:
    // Export -> import -> score gives identical scores on every form we ship (current and
    // archived), for 300 answer sets each.
    void roundTripScoresAreIdentical()
    {
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        QVector<Instrument> forms = library.instruments();
        QCOMPARE(forms.size(), 5);
        forms += library.archived();
        QRandomGenerator rng(11);
        for (const Instrument &original : forms) {
            const QByteArray bytes =
                QJsonDocument(interop::fhir::questionnaireResource(original)).toJson();
            const auto imported = interop::fhir::importQuestionnaire(bytes, original.id);
            QVERIFY2(imported.ok(), qPrintable(imported.problems.value(0).toString()));
            const Instrument &copy = *imported.instrument;
            QCOMPARE(copy.id, original.id);
            QCOMPARE(copy.version, original.version);
            QCOMPARE(copy.respondent, original.respondent);
            QCOMPARE(copy.items.size(), original.items.size());
            QCOMPARE(copy.subscales.size(), original.subscales.size());
            QCOMPARE(copy.coreItems().size(), original.coreItems().size());
            for (int i = 0; i < original.items.size(); ++i) {
                QCOMPARE(copy.items[i].id, original.items[i].id);
                QCOMPARE(copy.items[i].text.in(QStringLiteral("en")),
                         original.items[i].text.in(QStringLiteral("en")));
                QCOMPARE(copy.items[i].reverse, original.items[i].reverse);
            }
            for (int n = 0; n < 300; ++n) {
                const Answers answers = randomAnswers(original, rng);
                const QJsonObject expected = score(original, answers).toJson();
                const QJsonObject actual = score(copy, answers).toJson();
                QVERIFY2(expected == actual,
                         qPrintable(original.id + QStringLiteral(": ") +
                                    QString::fromUtf8(QJsonDocument(expected).toJson()) +
                                    QString::fromUtf8(QJsonDocument(actual).toJson())));
            }
        }
    }

    // A form builder's Questionnaire (synthetic wording): groups flattened, ordinalValue and
    // itemWeight read, translations kept, one scale of every scored question.
    void formBuilderQuestionnaire()
    {
        interop::fhir::QuestionnaireImportOptions options;
        options.respondent = QStringLiteral("parent");
        options.construct = QStringLiteral("bond");
        const auto r = interop::fhir::importQuestionnaire(
            readFile(kData + QStringLiteral("synthetic-session-check.json")),
            QStringLiteral("synthetic-session-check.json"), options);
        QVERIFY2(r.ok(), qPrintable(r.problems.value(0).toString()));
        const Instrument &form = *r.instrument;
        QCOMPARE(form.id, QStringLiteral("synthetic-session-check"));
        QCOMPARE(form.version, QStringLiteral("1.2.0"));
        QCOMPARE(form.languages, (QStringList{QStringLiteral("en"), QStringLiteral("nl")}));
        QCOMPARE(form.items.size(), 4);
        QCOMPARE(form.items[0].construct, Construct::Goal); // from item.code
        QCOMPARE(form.items[0].text.in(QStringLiteral("nl")),
                 QStringLiteral("[nl] We agreed on what today was for."));
        QCOMPARE(form.scoredItems().size(), 3);
        QCOMPARE(form.scoring.method, ScoreMethod::Sum);
        Answers a;
        a.set(QStringLiteral("1-1"), 5);
        a.set(QStringLiteral("1-2"), 3);
        a.set(QStringLiteral("2"), 1);
        const ScoreSet s = score(form, a);
        QVERIFY(s.total.scorable);
        QCOMPARE(s.total.raw, 9.0);
        QCOMPARE(s.total.normalised, 50.0); // (4 + 2 + 0) / 12
        QVERIFY(
            r.notes.join(QLatin1Char('\n')).contains(QStringLiteral("0..4 are stored as 1..5")));

        // Written once, atomically; never over an existing file.
        QTemporaryDir dir;
        QString error;
        const QString path = interop::fhir::writeImportedForm(r, dir.path(), &error);
        QVERIFY2(!path.isEmpty(), qPrintable(error));
        const LoadResult loaded = InstrumentLoader::loadFile(path);
        QVERIFY(loaded.ok());
        QCOMPARE(score(*loaded.instrument, a).toJson(), s.toJson());
        const QByteArray before = readFile(path);
        QVERIFY(interop::fhir::writeImportedForm(r, dir.path(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("already exists")));
        QCOMPARE(readFile(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("words");
        const struct
        {
            const char *file, *path, *words;
        } cases[] = {
            {"not-json", "", "not valid JSON"},
            {"not-object", "", "must be a JSON object"},
            {"duplicate-key", "version", "twice"},
            {"wrong-resource-type", "resourceType", "must be \"Questionnaire\""},
            {"no-version", "version", "MAJOR.MINOR.PATCH"},
            {"bad-version", "version", "MAJOR.MINOR.PATCH"},
            {"no-title", "title", "missing"},
            {"no-items", "item", "needs questions"},
            {"unknown-element", "scoringRule", "not an element"},
            {"enable-when", "item[1].enableWhen", "conditional"},
            {"repeats", "item[1].repeats", "repeating"},
            {"answer-value-set", "item[1].answerValueSet", "value set"},
            {"display-item", "item[0].type", "display items"},
            {"no-ordinal", "item[1].answerOption[2]", "no ordinal value"},
            {"ordinal-gap", "item[1].answerOption[4]", "rising by one"},
            {"date-item", "item[3].type", "\"date\" items are not supported"},
            {"modifier-extension", "item[1].modifierExtension", "modifier"},
            {"duplicate-linkid", "item[3].linkId", "earlier item"},
            {"nested-question", "item[1].item", "nested"},
            {"initial-value", "item[2].initial", "pre-filled"},
            {"number-entry", "item[3].type", "number typed in"},
            {"slider-range", "item[3].extension[1]", "0 to 100"},
            {"missing-linkid", "item[1].linkId", "linkId"},
            {"boolean-item", "item[3].type", "boolean"},
            {"bad-translation", "item[1]._text.extension[0]", "translation"},
            {"option-without-value", "item[1].answerOption[0]", "valueCoding"},
            {"initial-selected", "item[1].answerOption[0].initialSelected", "pre-selected"},
            {"item-not-object", "item[3]", "must be an object"},
        };
        for (const auto &c : cases)
            QTest::newRow(c.file) << QString::fromLatin1(c.file) << QString::fromLatin1(c.path)
                                  << QString::fromUtf8(c.words);
    }

    // 28 kinds of malformed input: each named with its JSON path, nothing imported.
    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFETCH(QString, words);
        interop::fhir::QuestionnaireImportOptions options;
        options.respondent = QStringLiteral("parent");
        options.construct = QStringLiteral("bond");
        const auto r = interop::fhir::importQuestionnaire(
            readFile(kData + QStringLiteral("malformed/") + file + QStringLiteral(".json")),
            file + QStringLiteral(".json"), options);
        QVERIFY(!r.ok());
        QVERIFY(r.form.isEmpty());
        bool found = false;
        for (const LoadProblem &p : r.problems)
            found = found || (p.path == path && p.message.contains(words));
        QVERIFY2(found, qPrintable(r.problems.value(0).toString()));
        QTemporaryDir dir;
        QString error;
        QVERIFY(interop::fhir::writeImportedForm(r, dir.path(), &error).isEmpty());
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    // Every problem of a file at once, not only the first.
    void everyProblemIsListed()
    {
        QJsonObject q = readJson(kData + QStringLiteral("synthetic-session-check.json"));
        q.insert(QStringLiteral("version"), QStringLiteral("draft"));
        QJsonArray items = q.value(QStringLiteral("item")).toArray();
        QJsonObject second = items.at(1).toObject();
        second.insert(QStringLiteral("repeats"), true);
        items[1] = second;
        items.append(QJsonObject{{QStringLiteral("linkId"), QStringLiteral("9")},
                                 {QStringLiteral("type"), QStringLiteral("attachment")},
                                 {QStringLiteral("text"), QStringLiteral("Upload")}});
        q.insert(QStringLiteral("item"), items);
        const auto r = interop::fhir::importQuestionnaire(q, QStringLiteral("q.json"));
        QStringList paths;
        for (const LoadProblem &p : r.problems)
            paths << p.path;
        QVERIFY2(paths.contains(QStringLiteral("version")), qPrintable(paths.join(' ')));
        QVERIFY(paths.contains(QStringLiteral("item[1].repeats")));
        QVERIFY(paths.contains(QStringLiteral("item[3].type")));
        QVERIFY(paths.contains(QStringLiteral("extension"))); // no respondent
        QVERIFY(paths.contains(QStringLiteral("item[1]")));   // no construct
    }

    void throughTheCli()
    {
        QTemporaryDir dir;
        Run r = cli({"import-questionnaire", kData + QStringLiteral("malformed/enable-when.json"),
                     "--respondent", "parent", "--construct", "bond", "--out", dir.path()},
                    {});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("item[1].enableWhen")));
        QVERIFY(r.err.contains(QStringLiteral("nothing was imported")));
        QVERIFY(QDir(dir.path()).isEmpty());
        r = cli({"import-questionnaire", kData + QStringLiteral("synthetic-session-check.json"),
                 "--respondent", "parent", "--construct", "bond", "--out", dir.path(), "--json"},
                {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(out.value(QStringLiteral("items")).toInt(), 4);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("synthetic-session-check.json"))));
        r = cli({"validate", dir.filePath(QStringLiteral("synthetic-session-check.json"))}, {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        r = cli({"import-questionnaire", kData + QStringLiteral("synthetic-session-check.json"),
                 "--respondent", "parent", "--construct", "bond", "--out", dir.path()},
                {});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("already exists")));
    }

    // Into a clinic: a physio may not load a form; the lead may, and the clinic's audit log
    // then names the form, its version and who loaded it (verify still passes).
    void intoAClinicIsAudited()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        const QString xdg = dir.filePath(QStringLiteral("xdg"));
        const QString forms = dir.filePath(QStringLiteral("forms"));
        QVERIFY(QDir().mkpath(forms));
        QCOMPARE(cli({"demo", "--patients", "1", "--db", db}, {}, xdg).exitCode, 0);
        const QString source = kData + QStringLiteral("synthetic-session-check.json");
        const QStringList convert{"--respondent", "parent", "--construct", "bond", "--out", forms};
        Run r =
            cli(QStringList{"import-questionnaire", source, "--db", db, "--as", "Demo Physio 1"} +
                    convert,
                QStringLiteral("demo-passphrase-1"), xdg);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("lead or an admin")), qPrintable(r.err));
        QVERIFY(QDir(forms).isEmpty());
        r = cli(
            QStringList{"import-questionnaire", source, "--db", db, "--as", "Demo Lead", "--json"} +
                convert,
            QStringLiteral("demo-passphrase-lead"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value("audited").toBool(), true);
        QVERIFY(
            QFile::exists(QDir(forms).filePath(QStringLiteral("synthetic-session-check.json"))));
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"),
                     {db, QStringLiteral("SELECT row_id FROM audit WHERE action = "
                                         "'import-questionnaire'")});
        QVERIFY(sqlite.waitForFinished(30000));
        const QString logged = QString::fromUtf8(sqlite.readAllStandardOutput()).trimmed();
        QVERIFY2(logged.startsWith(QStringLiteral("synthetic-session-check@")), qPrintable(logged));
        r = cli({"verify", "--db", db}, QStringLiteral("demo-passphrase-admin"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    }

    // Without --out, a form loaded into a clinic goes to the clinic's own forms folder (the
    // installed one is read-only on a kiosk tablet), and every later command loads it from
    // there: a second import of the same form is refused as already present.
    void intoTheClinicsOwnForms()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
        const QString xdg = dir.filePath(QStringLiteral("xdg"));
        QCOMPARE(cli({"demo", "--patients", "1", "--db", db}, {}, xdg).exitCode, 0);
        const QString source = kData + QStringLiteral("synthetic-session-check.json");
        const QStringList args{
            "import-questionnaire", source,   "--db",        db,    "--as", "Demo Lead",
            "--respondent",         "parent", "--construct", "bond"};
        Run r = cli(args, QStringLiteral("demo-passphrase-lead"), xdg);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString written = xdg + QStringLiteral("/Triad/Triad/clinic-questionnaires/"
                                                     "synthetic-session-check.json");
        QVERIFY2(QFile::exists(written), qPrintable(r.out));
        r = cli(args, QStringLiteral("demo-passphrase-lead"), xdg);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("already in this clinic's questionnaires")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestFhirImport)
#include "tst_fhirimport.moc"
