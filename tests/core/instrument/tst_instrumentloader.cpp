// The questionnaire loader: valid files load with their contents, and every kind of mistake is
// reported with its place and a plain message.
#include "loadproblems.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace triad;
using namespace triad::test;

namespace {

LoadResult loadValid(const QString &name)
{
    return InstrumentLoader::loadFile(validDir() + '/' + name);
}

struct ExpectedProblem
{
    const char *file; // without ".json"
    const char *path;
    const char *message; // a part of it
    int count;           // exact, so one mistake never echoes as several problems
};

// One kind of mistake per file in tests/data/instruments/invalid.
const QVector<ExpectedProblem> &expectedProblems()
{
    static const QVector<ExpectedProblem> rows = {
        {"unknown-top-level-key", "titel", "unknown key \"titel\"; did you mean \"title\"?", 1},
        {"wrong-type-version-number", "version", "must be a string, not the number 1", 1},
        {"missing-title", "title", "is required but missing", 1},
        {"bad-id-characters", "id", "\"Bad_Id\" is not a valid questionnaire id", 1},
        {"id-not-file-name", "id",
         "must equal the file name without \".json\" (\"id-not-file-name\")", 1},
        {"bad-version", "version", "\"1.0\" is not a version like \"1.0.0\" (MAJOR.MINOR.PATCH)",
         1},
        {"unknown-respondent", "respondent",
         "\"teacher\" is not one of the respondents (child, parent, physio)", 1},
        {"age-band-on-parent-form", "ageBand", "only child forms have an age band", 1},
        {"child-form-without-age-band", "ageBand", "is required for a child form", 1},
        {"age-band-min-above-max", "ageBand", "minYears (9) is more than maxYears (6)", 1},
        {"age-below-three", "ageBand.minYears", "must be between 3 and 18, not 2", 1},
        {"duplicate-item-id", "items[2].id", "\"i2\" is already the id of items[1]", 1},
        {"unknown-subscale-reference", "items[1].subscale",
         "\"bnod\" is not one of the subscales (goal, bond)", 1},
        {"unknown-format-reference", "items[0].format",
         "\"likert5\" is not one of the response formats (likert4, note)", 1},
        {"faces-with-four-choices", "responseFormats[2].choices",
         "exactly 3 or 5 choices (faces), not 4", 1},
        {"faces-without-read-aloud", "responseFormats[2].choices[1].readAloud",
         "is required but missing", 2},
        {"likert-with-one-choice", "responseFormats[0].choices", "2 to 11 choices, not 1", 1},
        {"choice-values-out-of-order", "responseFormats[0].choices[3].value", "must be 4, not 5",
         1},
        {"yesno-with-wrong-values", "responseFormats[2].choices[1].value",
         "must be 1 (yes) or 0 (no), not 2", 1},
        {"slider-with-preset-value", "responseFormats[2].initial",
         "a slider must start with no value", 1},
        {"slider-step-too-big", "responseFormats[2].step", "must be between 1 and 50, not 60", 1},
        {"key-of-another-kind", "responseFormats[1].choices",
         "\"choices\" does not belong to a text format", 1},
        {"text-max-length-too-big", "responseFormats[1].maxLength",
         "must be between 1 and 4000, not 5000", 1},
        {"unknown-format-kind", "responseFormats[2].kind",
         "\"dropdown\" is not one of the kinds (likert, faces, slider, yesno, text)", 1},
        {"duplicate-format-id", "responseFormats[1].id",
         "\"likert4\" is already the id of responseFormats[0]", 1},
        {"missing-language-in-text", "items[1].text", "has no \"nl\" text", 1},
        {"extra-language-in-text", "title.de", "\"de\" is not one of the languages (en)", 1},
        {"duplicate-language", "languages[1]", "\"en\" is listed twice", 1},
        {"bad-language-code", "languages[0]", "\"english\" is not a language code", 1},
        {"empty-text", "items[0].text.en", "must not be empty", 1},
        {"unknown-placeholder", "items[0].text.en",
         "unknown placeholder \"{therapist}\"; only {physio} and {child}", 1},
        {"unbalanced-brace", "items[0].text.en", "not part of a placeholder", 1},
        {"subscale-without-items", "subscales[2]", "no scored item belongs to subscale \"task\"",
         1},
        {"duplicate-subscale-id", "subscales[2].id", "\"goal\" is already the id of subscales[0]",
         1},
        {"max-missing-too-large", "subscales[1].maxMissing",
         "has 2 scored items; it must be less than 2", 1},
        {"max-missing-not-whole-number", "subscales[1].maxMissing",
         "must be a whole number, not the number 0.5", 1},
        {"total-max-missing-too-large", "scoring.totalMaxMissing",
         "there are 3 scored items; it must be less than 3", 1},
        {"unknown-scoring-method", "scoring.method",
         "\"median\" is not one of the scoring methods (sum, mean)", 1},
        {"reverse-on-unscored-item", "items[3].reverse",
         "only scored items (with a subscale) can be reverse-scored", 1},
        {"subscale-on-free-text", "items[3].subscale", "a free-text answer has no score", 1},
        {"child-item-without-read-aloud", "items[0].readAloud", "is required but missing", 1},
        {"unknown-construct", "items[0].construct",
         "\"alliance\" is not one of the constructs (goal, task, bond, voice)", 1},
        {"unknown-facet", "items[0].facet",
         "\"happiness\" is not one of the facets (trust, listened-to,", 1},
        {"reliability-out-of-range", "subscales[0].psychometrics.reliability",
         "at most 1 (e.g. 0.85), not 1.2", 1},
        {"cutoff-out-of-range", "scoring.psychometrics.cutoff",
         "between 0 and 100 (the 0-100 scale), not 120", 1},
        {"missing-licence-holder", "licence.holder", "is required but missing", 1},
        {"wrong-format-marker", "format", "must be \"triad-questionnaire/1\"", 1},
        {"no-scored-items", "items", "no item is scored", 1},
        {"empty-items", "items", "must list at least one item", 1},
        {"item-not-an-object", "items[3]",
         "must be an object ({...}), not the string \"Statement 4\"", 1},
        {"invalid-json-syntax", "", "not valid JSON at line 5, column 3", 1},
        {"top-level-array", "", "the top level must be an object", 1},
        {"empty-file", "", "the file is empty", 1},
        {"core-item-without-facet", "items[0].core", "a core item needs a core \"facet\"", 1},
        {"core-facet-twice", "items[1].facet",
         "core facet \"aim-feels-right\" is already on items[0]; each core facet is asked once "
         "per form",
         1},
        {"core-facet-wrong-construct", "items[0].construct",
         "core facet \"aim-feels-right\" belongs to construct \"goal\", not \"bond\"", 1},
        {"core-facet-on-plain-item", "items[2].facet",
         "\"says-how-it-is\" is a core facet: mark this item \"core\": true", 1},
        {"core-item-reverse-keyed", "items[1].reverse", "a core item cannot be reverse-keyed", 1},
        {"core-item-unscored", "items[0].core", "a core item must be scored", 1},
        {"not-applicable-with-value", "responseFormats[0].notApplicable.value",
         "has no value of its own", 1},
        {"practice-item-scored", "items[0].subscale", "a practice item is never scored", 1},
        {"no-item-counts-in-total", "items", "no item is scored towards the total", 1},

    };
    return rows;
}

} // namespace

class TestInstrumentLoader : public QObject
{
    Q_OBJECT

private slots:
    void validFixturesLoad_data();
    void validFixturesLoad();
    void licensedFixtureHasItsKey();
    void bilingualChildFormKeepsEveryDetail();
    void defaultsApplyWhenKeysAreLeftOut();
    void invalidFixtures_data();
    void invalidFixtures();
    void everyInvalidFixtureIsChecked();
    void severalMistakesAreAllReported();
    void coreAndPracticeFixtureLoads();
    void problemReadsAsFilePathMessage();
    void idMustMatchOnlyAFileName();
    void pathsPointIntoTheFileAsWritten();
};

void TestInstrumentLoader::validFixturesLoad_data()
{
    QTest::addColumn<QString>("file");
    const auto names = QDir(validDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(names.size() >= 3);
    for (const auto &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestInstrumentLoader::validFixturesLoad()
{
    QFETCH(QString, file);
    const LoadResult result = loadValid(file);
    QVERIFY2(result.problems.isEmpty(), qPrintable(listed(result.problems)));
    QVERIFY(result.ok());
    QCOMPARE(result.instrument->sourceFile, file);
    QCOMPARE(result.instrument->id + QStringLiteral(".json"), file);
}

void TestInstrumentLoader::licensedFixtureHasItsKey()
{
    const LoadResult result = loadValid(QStringLiteral("licensed-12-item.json"));
    QVERIFY2(result.ok(), qPrintable(listed(result.problems)));
    const Instrument &form = *result.instrument;
    QCOMPARE(form.licence.holder, QStringLiteral("Example Licence Holder"));
    QCOMPARE(form.respondent, Respondent::Parent);
    QVERIFY(!form.ageBand);
    QCOMPARE(form.scoring.method, ScoreMethod::Sum);
    QCOMPARE(form.items.size(), 12);
    QCOMPARE(form.scoredItems().size(), 12);
    QCOMPARE(form.formats.size(), 1);
    QCOMPARE(form.formats[0].kind, FormatKind::Likert);
    QCOMPARE(form.formats[0].choices.size(), 5);
    QCOMPARE(form.formats[0].maxValue(), 5.0);
    QCOMPARE(form.formats[0].choices[4].label.in(QStringLiteral("en")), QStringLiteral("Point 5"));
    auto numbers = [&](const QString &subscale) {
        QVector<int> out;
        for (const auto *item : form.itemsOf(subscale))
            out.append(item->id.mid(4).toInt());
        return out;
    };
    QCOMPARE(numbers(QStringLiteral("task")), (QVector<int>{1, 2, 10, 12}));
    QCOMPARE(numbers(QStringLiteral("bond")), (QVector<int>{3, 5, 7, 9}));
    QCOMPARE(numbers(QStringLiteral("goal")), (QVector<int>{4, 6, 8, 11}));
    QCOMPARE(form.item(QStringLiteral("item7"))->text.in(QStringLiteral("en")),
             QStringLiteral("Statement 7"));
    QCOMPARE(form.item(QStringLiteral("item7"))->construct, Construct::Bond);
}

void TestInstrumentLoader::bilingualChildFormKeepsEveryDetail()
{
    const LoadResult result = loadValid(QStringLiteral("bilingual-child.json"));
    QVERIFY2(result.ok(), qPrintable(listed(result.problems)));
    const Instrument &form = *result.instrument;
    QCOMPARE(form.version, QStringLiteral("2.1.0"));
    QCOMPARE(form.respondent, Respondent::Child);
    QVERIFY(form.ageBand);
    QCOMPARE(form.ageBand->minYears, 8);
    QCOMPARE(form.ageBand->maxYears, 12);
    QCOMPARE(form.languages, (QStringList{QStringLiteral("en"), QStringLiteral("nl")}));
    QCOMPARE(form.title.in(QStringLiteral("nl")), QStringLiteral("[nl] Test form for {child}"));
    QCOMPARE(form.introReadAloud.in(QStringLiteral("en")),
             QStringLiteral("Statement intro, read aloud"));
    QVERIFY(!form.readAloudAutomatically);

    const ResponseFormat *faces = form.format(QStringLiteral("faces5"));
    QVERIFY(faces);
    QCOMPARE(faces->kind, FormatKind::Faces);
    QCOMPARE(faces->choices.size(), 5);
    QCOMPARE(faces->choices[2].readAloud.in(QStringLiteral("nl")),
             QStringLiteral("[nl] Face number 3."));
    const ResponseFormat *slider = form.format(QStringLiteral("slider"));
    QVERIFY(slider);
    QCOMPARE(slider->step, 5);
    QCOMPARE(slider->highAnchor.in(QStringLiteral("en")), QStringLiteral("Completely"));
    const ResponseFormat *yesno = form.format(QStringLiteral("yesno"));
    QVERIFY(yesno);
    QCOMPARE(yesno->choices[0].value, 1);
    QCOMPARE(yesno->choices[1].value, 0);
    QCOMPARE(form.format(QStringLiteral("note"))->maxLength, 300);

    const Subscale *bond = form.subscale(QStringLiteral("bond"));
    QVERIFY(bond);
    QCOMPARE(bond->maxMissing, 1);
    QCOMPARE(bond->psychometrics.sd, std::optional<double>(12.5));
    QCOMPARE(bond->psychometrics.reliability, std::optional<double>(0.8));
    QCOMPARE(bond->psychometrics.cutoff, std::optional<double>(55));
    QCOMPARE(form.scoring.totalPsychometrics.reliability, std::optional<double>(1.0));
    QCOMPARE(form.scoring.totalPsychometrics.cutoff, std::optional<double>(0.0));
    QCOMPARE(form.scoring.totalMaxMissing, 1);

    const Item *b1 = form.item(QStringLiteral("b1"));
    QVERIFY(b1->required);
    QCOMPARE(b1->facet, QStringLiteral("trust"));
    QCOMPARE(b1->readAloud.in(QStringLiteral("en")),
             QStringLiteral("Statement 1 about {physio}, read aloud"));
    QVERIFY(form.item(QStringLiteral("b2"))->reverse);
    QVERIFY(!form.item(QStringLiteral("b1"))->reverse);
    QCOMPARE(form.item(QStringLiteral("v1"))->construct, Construct::Voice);
    // The free-text item is kept but not scored.
    QCOMPARE(form.items.size(), 4);
    QCOMPARE(form.scoredItems().size(), 3);
}

void TestInstrumentLoader::defaultsApplyWhenKeysAreLeftOut()
{
    const LoadResult result = loadValid(QStringLiteral("physio-slider.json"));
    QVERIFY2(result.ok(), qPrintable(listed(result.problems)));
    const Instrument &form = *result.instrument;
    QCOMPARE(form.format(QStringLiteral("slider"))->step, 1);
    QCOMPARE(form.format(QStringLiteral("note"))->maxLength, 1000);
    QCOMPARE(form.subscales[0].maxMissing, 0);
    QCOMPARE(form.scoring.totalMaxMissing, 0);
    QCOMPARE(form.scoring.method, ScoreMethod::Mean);
    QVERIFY(!form.scoring.totalPsychometrics.sd);
    QVERIFY(form.intro.isEmpty());
    QVERIFY(!form.item(QStringLiteral("p2"))->required);
    QCOMPARE(form.licence.source, QString());
}

void TestInstrumentLoader::invalidFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("count");
    for (const auto &row : expectedProblems())
        QTest::newRow(row.file) << QString::fromLatin1(row.file) + QStringLiteral(".json")
                                << QString::fromLatin1(row.path) << QString::fromUtf8(row.message)
                                << row.count;
}

void TestInstrumentLoader::invalidFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(int, count);
    const LoadResult result = InstrumentLoader::loadFile(invalidDir() + '/' + file);
    QVERIFY(!result.ok());
    QVERIFY2(hasProblem(result.problems, path, message), qPrintable(listed(result.problems)));
    QVERIFY2(result.problems.size() == count, qPrintable(listed(result.problems)));
    for (const auto &problem : result.problems)
        QCOMPARE(problem.file, file);
}

void TestInstrumentLoader::everyInvalidFixtureIsChecked()
{
    QSet<QString> inTable = {QStringLiteral("several-mistakes")};
    for (const auto &row : expectedProblems())
        inTable.insert(QString::fromLatin1(row.file));
    const auto names = QDir(invalidDir()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(names.size() >= 24);
    QStringList unchecked;
    for (const auto &name : names)
        if (!inTable.contains(name.chopped(5)))
            unchecked.append(name);
    QVERIFY2(unchecked.isEmpty(), qPrintable(QStringLiteral("add these to expectedProblems(): ") +
                                             unchecked.join(", ")));
    QCOMPARE(inTable.size(), names.size());
}

void TestInstrumentLoader::coreAndPracticeFixtureLoads()
{
    const LoadResult result = loadValid(QStringLiteral("core-and-practice.json"));
    QVERIFY2(result.ok(), qPrintable(listed(result.problems)));
    const Instrument &in = *result.instrument;
    QVERIFY(in.item(QStringLiteral("p0"))->practice);
    QVERIFY(in.item(QStringLiteral("p0"))->subscaleId.isEmpty());
    QCOMPARE(in.coreItems().size(), 2);
    QCOMPARE(in.coreItems()[0]->facet, QStringLiteral("aim-feels-right"));
    QVERIFY(!in.subscale(QStringLiteral("other"))->countsInTotal);
    QCOMPARE(in.totalItems().size(), 2); // i1, i2; not i3 (other relationship), not p0
    const auto &na = in.format(QStringLiteral("likert4"))->notApplicable;
    QVERIFY(na);
    QCOMPARE(na->value, notApplicableValue);
    QCOMPARE(na->label.in(QStringLiteral("en")), QStringLiteral("Not yet"));
}

void TestInstrumentLoader::severalMistakesAreAllReported()
{
    const LoadResult result =
        InstrumentLoader::loadFile(invalidDir() + QStringLiteral("/several-mistakes.json"));
    QVERIFY(!result.ok());
    const QVector<QPair<QString, QString>> expected = {
        {QStringLiteral("colour"), QStringLiteral("unknown key \"colour\"")},
        {QStringLiteral("version"), QStringLiteral("\"one\" is not a version")},
        {QStringLiteral("items[1].subscale"),
         QStringLiteral("\"bnod\" is not one of the subscales")},
        {QStringLiteral("items[2].text.en"), QStringLiteral("must not be empty")},
        {QStringLiteral("responseFormats[2].default"),
         QStringLiteral("a slider must start with no value")},
        {QStringLiteral("scoring.method"),
         QStringLiteral("\"total\" is not one of the scoring methods")},
    };
    for (const auto &[path, part] : expected)
        QVERIFY2(
            hasProblem(result.problems, path, part),
            qPrintable(path + QStringLiteral(" not reported in:\n") + listed(result.problems)));
    QVERIFY2(result.problems.size() == expected.size(), qPrintable(listed(result.problems)));
}

void TestInstrumentLoader::problemReadsAsFilePathMessage()
{
    QJsonObject form =
        QJsonDocument::fromJson(readAll(validDir() + "/licensed-12-item.json")).object();
    form[QStringLiteral("id")] = QStringLiteral("triad-child-8to12");
    QJsonArray items = form[QStringLiteral("items")].toArray();
    QJsonObject fourth = items[3].toObject();
    fourth[QStringLiteral("subscale")] = QStringLiteral("bnod");
    items[3] = fourth;
    form[QStringLiteral("items")] = items;
    const LoadResult result =
        InstrumentLoader::fromObject(form, QStringLiteral("triad-child-8to12.json"));
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems[0].toString(),
             QStringLiteral("triad-child-8to12.json: items[3].subscale: \"bnod\" is not one of the "
                            "subscales (goal, task, bond)"));
    // Whole-file problems have no path.
    const LoadResult empty =
        InstrumentLoader::loadJson(QByteArray(" \n"), QStringLiteral("x.json"));
    QCOMPARE(empty.problems.size(), 1);
    QCOMPARE(empty.problems[0].toString(), QStringLiteral("x.json: the file is empty"));
}

void TestInstrumentLoader::idMustMatchOnlyAFileName()
{
    const QByteArray json = readAll(validDir() + "/physio-slider.json");
    QVERIFY(InstrumentLoader::loadJson(json, QStringLiteral("physio-slider.json")).ok());
    // JSON that did not come from a file has no name to match.
    QVERIFY(InstrumentLoader::loadJson(json, QString()).ok());
    QVERIFY(InstrumentLoader::loadJson(json, QStringLiteral("pasted text")).ok());
    const LoadResult renamed = InstrumentLoader::loadJson(json, QStringLiteral("physio-copy.json"));
    QVERIFY(!renamed.ok());
    QVERIFY(
        hasProblem(renamed.problems, QStringLiteral("id"), QStringLiteral("(\"physio-copy\")")));
}

// A broken entry must not shift the paths of the entries after it, nor echo as more problems.
void TestInstrumentLoader::pathsPointIntoTheFileAsWritten()
{
    QJsonObject form =
        QJsonDocument::fromJson(readAll(validDir() + "/licensed-12-item.json")).object();
    QJsonArray subscales = form[QStringLiteral("subscales")].toArray();
    subscales.prepend(QStringLiteral("goal"));
    subscales.append(QJsonObject{{"id", "extra"}, {"title", QJsonObject{{"en", "Extra"}}}});
    form[QStringLiteral("subscales")] = subscales;
    QJsonArray items = form[QStringLiteral("items")].toArray();
    QJsonObject first = items[0].toObject();
    first.remove(QStringLiteral("id"));
    items[0] = first;
    form[QStringLiteral("items")] = items;

    const LoadResult result =
        InstrumentLoader::fromObject(form, QStringLiteral("licensed-12-item.json"));
    QVERIFY(hasProblem(result.problems, QStringLiteral("subscales[0]"),
                       QStringLiteral("must be an object ({...}), not the string \"goal\"")));
    QVERIFY(hasProblem(result.problems, QStringLiteral("subscales[4]"),
                       QStringLiteral("no scored item belongs to subscale \"extra\"")));
    QVERIFY(hasProblem(result.problems, QStringLiteral("items[0].id"),
                       QStringLiteral("is required but missing")));
    // The item without an id still counts in "task", so "task" is not reported as too small.
    QVERIFY2(result.problems.size() == 3, qPrintable(listed(result.problems)));
}

QTEST_GUILESS_MAIN(TestInstrumentLoader)
#include "tst_instrumentloader.moc"
