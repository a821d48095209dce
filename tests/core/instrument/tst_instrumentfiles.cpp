// Loading questionnaire files and folders: the shipped questionnaires, missing and oversized
// files, junk that must never crash the loader, folders, duplicate ids, and schema.json.
#include "loadproblems.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace triad;
using namespace triad::test;

class TestInstrumentFiles : public QObject
{
    Q_OBJECT

private slots:
    void shippedQuestionnairesAllLoad();
    void schemaAgreesWithLoader();
    void missingFileIsAProblem();
    void folderIsNotAFile();
    void oversizedFileIsRefusedUnread();
    void junkNeverCrashes_data();
    void junkNeverCrashes();
    void folderLoadsSortedAndSkipsSchema();
    void folderCollectsEveryFilesProblems();
    void duplicateIdsAcrossFoldersAreReported();
    void missingFolderIsAProblem();
};

void TestInstrumentFiles::shippedQuestionnairesAllLoad()
{
    const auto library = InstrumentLoader::loadFolder(QStringLiteral(TRIAD_QUESTIONNAIRES));
    QVERIFY2(library.problems.isEmpty(), qPrintable(listed(library.problems)));
    const int files = int(QDir(QStringLiteral(TRIAD_QUESTIONNAIRES))
                              .entryList({QStringLiteral("*.json")}, QDir::Files)
                              .filter(QRegularExpression(QStringLiteral("^(?!schema\\.json$)")))
                              .size());
    QCOMPARE(library.instruments.size(), files);
    const bool hasYoungChildForm =
        std::any_of(library.instruments.cbegin(), library.instruments.cend(),
                    [](const Instrument &i) { return i.id == QLatin1String("triad-child-4to7"); });
    QVERIFY(hasYoungChildForm);
}

// schema.json documents the format for editors; its lists must match what the loader accepts.
void TestInstrumentFiles::schemaAgreesWithLoader()
{
    QJsonParseError error;
    const QJsonObject schema =
        QJsonDocument::fromJson(readAll(QStringLiteral(TRIAD_QUESTIONNAIRES "/schema.json")),
                                &error)
            .object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(schema[QStringLiteral("$schema")].toString(),
             QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
    const QJsonObject top = schema[QStringLiteral("properties")].toObject();
    const QJsonObject defs = schema[QStringLiteral("$defs")].toObject();
    auto strings = [](const QJsonValue &array) {
        QStringList out;
        for (const auto &v : array.toArray())
            out.append(v.toString());
        return out;
    };
    auto property = [](const QJsonObject &object, const char *name) {
        return object[QStringLiteral("properties")].toObject()[QLatin1String(name)].toObject();
    };
    QCOMPARE(top[QStringLiteral("format")].toObject()[QStringLiteral("const")].toString(),
             QStringLiteral("triad-questionnaire/1"));
    QCOMPARE(strings(top[QStringLiteral("respondent")].toObject()[QStringLiteral("enum")]),
             (QStringList{respondentId(Respondent::Child), respondentId(Respondent::Parent),
                          respondentId(Respondent::Physio)}));
    const QJsonObject item = defs[QStringLiteral("item")].toObject();
    QCOMPARE(strings(property(item, "facet")[QStringLiteral("enum")]), knownFacets());
    QCOMPARE(strings(property(item, "construct")[QStringLiteral("enum")]),
             (QStringList{constructId(Construct::Goal), constructId(Construct::Task),
                          constructId(Construct::Bond), constructId(Construct::Voice)}));
    QStringList kinds;
    for (auto kind : {FormatKind::Likert, FormatKind::Faces, FormatKind::Slider, FormatKind::YesNo,
                      FormatKind::FreeText})
        kinds.append(formatKindId(kind));
    QCOMPARE(strings(property(defs[QStringLiteral("responseFormat")].toObject(),
                              "kind")[QStringLiteral("enum")]),
             kinds);
    // Every key the loader reads at the top level is documented, and nothing else.
    QStringList documented = top.keys();
    documented.sort();
    QStringList read = {"$schema",   "format",          "id",
                        "version",   "respondent",      "ageBand",
                        "languages", "licence",         "readAloudAutomatically",
                        "title",     "intro",           "introReadAloud",
                        "thanks",    "responseFormats", "subscales",
                        "items",     "scoring"};
    read.sort();
    QCOMPARE(documented, read);
}

void TestInstrumentFiles::missingFileIsAProblem()
{
    const LoadResult result =
        InstrumentLoader::loadFile(validDir() + QStringLiteral("/no-such-form.json"));
    QVERIFY(!result.ok());
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems[0].toString(),
             QStringLiteral("no-such-form.json: the file does not exist"));
}

void TestInstrumentFiles::folderIsNotAFile()
{
    const LoadResult result = InstrumentLoader::loadFile(validDir());
    QVERIFY(!result.ok());
    QVERIFY(hasProblem(result.problems, QString(), QStringLiteral("is a folder")));
}

void TestInstrumentFiles::oversizedFileIsRefusedUnread()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Valid JSON that would otherwise parse: size alone must refuse it.
    QByteArray json = "{\"padding\": \"" + QByteArray(InstrumentLoader::maxFileSize, 'a') + "\"}";
    file.write(json);
    file.close();
    const LoadResult result = InstrumentLoader::loadFile(file.fileName());
    QCOMPARE(result.problems.size(), 1);
    QVERIFY2(result.problems[0].message.contains(QStringLiteral("at most 1024 KiB")),
             qPrintable(listed(result.problems)));
    QCOMPARE(InstrumentLoader::loadJson(json, QStringLiteral("huge.json")).problems.size(), 1);
}

void TestInstrumentFiles::junkNeverCrashes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("part");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\x01garbage\x80\x81", 13)
                            << QStringLiteral("not valid JSON at line 1");
    QTest::newRow("deep arrays") << QByteArray(100000, '[') << QStringLiteral("not valid JSON");
    QTest::newRow("deep objects") << QByteArray("{\"a\":").repeated(5000) + "1" +
                                         QByteArray(5000, '}')
                                  << QStringLiteral("");
    QTest::newRow("string") << QByteArray("\"a questionnaire\"")
                            << QStringLiteral("not valid JSON at line 1");
    QTest::newRow("number") << QByteArray("42") << QStringLiteral("not valid JSON at line 1");
    QTest::newRow("empty object") << QByteArray("{}") << QStringLiteral("is required but missing");
    QTest::newRow("all nulls")
        << QByteArray(
               "{\"format\":null,\"id\":null,\"version\":null,\"respondent\":null,"
               "\"ageBand\":null,\"languages\":null,\"licence\":null,\"title\":null,"
               "\"responseFormats\":null,\"subscales\":null,\"items\":null,\"scoring\":null}")
        << QStringLiteral("not null");
    QTest::newRow("arrays of junk")
        << QByteArray("{\"languages\":[1,null,{}],\"responseFormats\":[1,[],{\"kind\":7}],"
                      "\"subscales\":[\"x\",{\"id\":[]}],\"items\":[{},{\"id\":{}}]}")
        << QStringLiteral("must be");
    QTest::newRow("second line error")
        << QByteArray("{\n  \"id\": tru\n}") << QStringLiteral("at line 2");
}

void TestInstrumentFiles::junkNeverCrashes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, part);
    const LoadResult result = InstrumentLoader::loadJson(json, QStringLiteral("junk.json"));
    QVERIFY(!result.ok());
    QVERIFY(!result.problems.isEmpty());
    QVERIFY2(hasProblem(result.problems, result.problems[0].path, part) ||
                 std::any_of(result.problems.cbegin(), result.problems.cend(),
                             [&](const LoadProblem &p) { return p.message.contains(part); }),
             qPrintable(listed(result.problems)));
}

void TestInstrumentFiles::folderLoadsSortedAndSkipsSchema()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *name : {"physio-slider.json", "bilingual-child.json", "licensed-12-item.json"})
        QVERIFY(QFile::copy(validDir() + '/' + QString::fromLatin1(name),
                            dir.filePath(QString::fromLatin1(name))));
    // schema.json is not a questionnaire; a non-JSON file is not even looked at.
    QFile schema(dir.filePath(QStringLiteral("schema.json")));
    QVERIFY(schema.open(QIODevice::WriteOnly));
    schema.write("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"}");
    schema.close();
    QFile notes(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not json");
    notes.close();

    const auto library = InstrumentLoader::loadFolder(dir.path());
    QVERIFY2(library.problems.isEmpty(), qPrintable(listed(library.problems)));
    QCOMPARE(library.instruments.size(), 3);
    QCOMPARE(library.instruments[0].id, QStringLiteral("bilingual-child"));
    QCOMPARE(library.instruments[1].id, QStringLiteral("licensed-12-item"));
    QCOMPARE(library.instruments[2].id, QStringLiteral("physio-slider"));
}

void TestInstrumentFiles::folderCollectsEveryFilesProblems()
{
    const auto library = InstrumentLoader::loadFolder(invalidDir());
    QVERIFY(library.instruments.isEmpty());
    QSet<QString> files;
    for (const auto &problem : library.problems)
        files.insert(problem.file);
    const auto names = QDir(invalidDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), names.size());
    // Sorted by file name, so the report reads in the order of a folder listing.
    QCOMPARE(library.problems.first().file, QStringLiteral("age-band-min-above-max.json"));
    QCOMPARE(library.problems.last().file, QStringLiteral("yesno-with-wrong-values.json"));
}

void TestInstrumentFiles::duplicateIdsAcrossFoldersAreReported()
{
    QTemporaryDir builtIn;
    QTemporaryDir clinic;
    QVERIFY(builtIn.isValid() && clinic.isValid());
    QVERIFY(
        QFile::copy(validDir() + "/physio-slider.json", builtIn.filePath("physio-slider.json")));
    QVERIFY(QFile::copy(validDir() + "/physio-slider.json", clinic.filePath("physio-slider.json")));
    QVERIFY(QFile::copy(validDir() + "/licensed-12-item.json",
                        clinic.filePath("licensed-12-item.json")));
    const auto library = InstrumentLoader::loadFolders({builtIn.path(), clinic.path()});
    QCOMPARE(library.instruments.size(), 2);
    QCOMPARE(library.problems.size(), 1);
    QCOMPARE(library.problems[0].toString(),
             QStringLiteral("physio-slider.json: id: \"physio-slider\" is already the id of %1, "
                            "which is loaded instead; each questionnaire id must be unique")
                 .arg(QDir::toNativeSeparators(builtIn.filePath("physio-slider.json"))));
}

void TestInstrumentFiles::missingFolderIsAProblem()
{
    const auto library =
        InstrumentLoader::loadFolder(validDir() + QStringLiteral("/no-such-folder"));
    QVERIFY(library.instruments.isEmpty());
    QCOMPARE(library.problems.size(), 1);
    QCOMPARE(library.problems[0].message, QStringLiteral("the folder does not exist"));
}

QTEST_GUILESS_MAIN(TestInstrumentFiles)
#include "tst_instrumentfiles.moc"
