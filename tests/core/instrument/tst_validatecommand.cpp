// `triad-cli validate` as a clinic's administrator or a script runs it: exit codes, the
// ok line, every problem on stderr, and the --json report.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

const QString validDir = QStringLiteral(TRIAD_TEST_DATA "/instruments/valid");
const QString invalidDir = QStringLiteral(TRIAD_TEST_DATA "/instruments/invalid");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run validate(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(TRIAD_CLI), QStringList{QStringLiteral("validate")} + args);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestValidateCommand : public QObject
{
    Q_OBJECT

private slots:
    void validFileSaysOk();
    void invalidFilePrintsEveryProblem();
    void mixedFilesExitOne();
    void jsonReportListsProblems();
    void folderValidatesEachFile();
    void shippedFormsCarryTheWholeCore();
    void noFilesIsAUsageError();
    void missingFileIsAnEnvironmentError();
};

void TestValidateCommand::validFileSaysOk()
{
    const QString file = validDir + QStringLiteral("/licensed-12-item.json");
    const Run run = validate({file});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QStringLiteral("ok: %1 (licensed-12-item 1.0.0, 12 items, 0 core)\n").arg(file));
    QCOMPARE(run.err, QString());
}

void TestValidateCommand::invalidFilePrintsEveryProblem()
{
    const Run run = validate({invalidDir + QStringLiteral("/several-mistakes.json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    const QStringList lines = run.err.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines.contains(QStringLiteral("several-mistakes.json: items[1].subscale: \"bnod\" is "
                                          "not one of the subscales (goal, bond)")));
    QVERIFY(lines.contains(
        QStringLiteral("several-mistakes.json: items[2].text.en: must not be empty")));
    for (const auto &line : lines)
        QVERIFY2(line.startsWith(QStringLiteral("several-mistakes.json: ")), qPrintable(line));
}

void TestValidateCommand::mixedFilesExitOne()
{
    const Run run = validate({validDir + QStringLiteral("/physio-slider.json"),
                              invalidDir + QStringLiteral("/invalid-json-syntax.json")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.startsWith(QStringLiteral("ok: ")));
    QVERIFY2(run.err.contains(
                 QStringLiteral("invalid-json-syntax.json: not valid JSON at line 5, column 3")),
             qPrintable(run.err));
}

void TestValidateCommand::jsonReportListsProblems()
{
    const Run run =
        validate({QStringLiteral("--json"), validDir + QStringLiteral("/physio-slider.json"),
                  invalidDir + QStringLiteral("/slider-with-preset-value.json")});
    QCOMPARE(run.exitCode, 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray report = document.array();
    QCOMPARE(report.size(), 2);
    const QJsonObject good = report[0].toObject();
    QCOMPARE(good[QStringLiteral("ok")].toBool(), true);
    QCOMPARE(good[QStringLiteral("id")].toString(), QStringLiteral("physio-slider"));
    QCOMPARE(good[QStringLiteral("problems")].toArray().size(), 0);
    const QJsonObject bad = report[1].toObject();
    QCOMPARE(bad[QStringLiteral("ok")].toBool(), false);
    QCOMPARE(bad[QStringLiteral("file")].toString(),
             invalidDir + QStringLiteral("/slider-with-preset-value.json"));
    const QJsonArray problems = bad[QStringLiteral("problems")].toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems[0].toObject()[QStringLiteral("path")].toString(),
             QStringLiteral("responseFormats[2].initial"));
    QVERIFY(problems[0].toObject()[QStringLiteral("message")].toString().contains(
        QStringLiteral("a slider must start with no value")));
}

void TestValidateCommand::folderValidatesEachFile()
{
    const Run run = validate({validDir});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count(QStringLiteral("ok: ")), 4);
    QCOMPARE(validate({QStringLiteral(TRIAD_QUESTIONNAIRES)}).exitCode, 0);
    // The 1.x forms kept for stored responses are valid files too.
    QCOMPARE(validate({QStringLiteral(TRIAD_QUESTIONNAIRES "/archive/1.0.0")}).exitCode, 0);
}

// Each of the five shipped forms validates and carries every core facet exactly once.
void TestValidateCommand::shippedFormsCarryTheWholeCore()
{
    const Run run = validate({QStringLiteral("--json"), QStringLiteral(TRIAD_QUESTIONNAIRES)});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray report = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(report.size(), 5);
    QStringList expected = {"aim-feels-right", "aim-matters",    "exercises-feel-right",
                            "exercises-help",  "says-how-it-is", "likes-physio-with"};
    expected.sort();
    for (const auto &entry : report) {
        const QJsonObject o = entry.toObject();
        QCOMPARE(o[QStringLiteral("version")].toString(), QStringLiteral("2.0.0"));
        QStringList facets;
        for (const auto &f : o[QStringLiteral("coreFacets")].toArray())
            facets.append(f.toString());
        facets.sort();
        QVERIFY2(facets == expected, qPrintable(o[QStringLiteral("id")].toString() + ": " +
                                                facets.join(QLatin1Char(','))));
    }
}

void TestValidateCommand::noFilesIsAUsageError()
{
    const Run run = validate({});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("Usage: triad-cli validate")));
    QCOMPARE(validate({QStringLiteral("--json")}).exitCode, 2);
}

void TestValidateCommand::missingFileIsAnEnvironmentError()
{
    const Run run = validate({validDir + QStringLiteral("/no-such-form.json")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("no-such-form.json: the file does not exist")));
}

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
