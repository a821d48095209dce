// The research export (wide and long CSV, codebook, R and SPSS scripts) of a small clinic:
// exact rows and values, pseudonymisation (the canary name, birth date and free text never
// appear unless asked for), the role rule, the audit entry, a cancel leaving nothing, the R
// script run by R and the SPSS syntax by PSPP, and triad-cli export csv.
#include "canary.h"
#include "interoptestbed.h"

#include "core/instrument/instrumentlibrary.h"
#include "core/interop/csv/csvtext.h"
#include "core/interop/csv/researchexport.h"

#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <tuple>

using namespace triad;
using namespace triad::interop::testing;
namespace csv = triad::interop::csv;

namespace {

const QString kCanary = QStringLiteral("CANARY-5d21e8");

struct Table
{
    QStringList header;
    QVector<QStringList> rows;
    QString value(int row, const QString &column) const
    {
        const int c = int(header.indexOf(column));
        return c < 0 ? QStringLiteral("<no column %1>").arg(column) : rows.at(row).value(c);
    }
};

Table readTable(const QString &path)
{
    Table t;
    const QString text = QString::fromUtf8(fileBytes(path));
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return t;
    t.header = csv::splitRecord(lines.first());
    for (int i = 1; i < lines.size(); ++i)
        t.rows << csv::splitRecord(lines.at(i));
    return t;
}

QByteArray everything(const QString &folder)
{
    QByteArray all;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        all += fileBytes(it.next());
    return all;
}

} // namespace

class TestResearchExport : public QObject
{
    Q_OBJECT

    ClinicBed m_bed;
    PatientHistory m_history;
    QString m_parentResponse;
    Answers m_parentAnswers;
    InstrumentLibrary m_library = InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
    Instrument m_parentForm = loadInstrument(QStringLiteral("triad-parent.json"));

    csv::ResearchReport exportNow(const csv::ResearchOptions &base, QTemporaryDir &out)
    {
        csv::ResearchOptions options = base;
        options.parentFolder = out.path();
        csv::ResearchReport report;
        interop::InteropError error;
        if (!csv::ResearchExport::write(m_bed.db, m_bed.vault, m_library, options, &report, &error))
            qWarning("export failed: %s", qPrintable(error.message));
        return report;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_bed.setUp());
        const auto h = m_bed.addPatient(QStringLiteral("Name ") + kCanary, kCanary);
        QVERIFY(h);
        m_history = *h;
        // A parent response in the same session, with a "doesn't apply" answer.
        const crypto::FieldCipher cipher(m_bed.vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog audit(m_bed.db, m_bed.vault.subkey(crypto::KeyPurpose::Audit),
                              m_bed.vault.staffId());
        store::SessionRepository sessions(m_bed.db, audit);
        store::ResponseRepository responses(m_bed.db, cipher, audit);
        const auto session = sessions.forEpisode(m_history.episode.id).first();
        const auto draft = responses.startDraft(session.id, Respondent::Parent, m_parentForm,
                                                QStringLiteral("en"), m_history.guardian.id);
        QVERIFY(draft);
        const QList<QPair<const char *, QVariant>> values{
            {"p-like-physio-with", 80.0}, {"p-tell-how-it-is", 60.0},   {"p-takes-seriously", 70.0},
            {"p-aim-matters", 40.0},      {"p-aim-right", -1},          {"p-exercises-right", 90.0},
            {"p-exercises-help", 100.0},  {"p-my-same-things", 50.0},   {"p-my-home-right", 50.0},
            {"p-my-listened-to", 50.0},   {"p-my-tell-how-it-is", 50.0}};
        for (const auto &[id, v] : values)
            m_parentAnswers.set(QLatin1String(id), v);
        m_parentAnswers.set(QStringLiteral("p-something-to-say"),
                            QStringLiteral("Parent words ") + kCanary);
        QVERIFY(responses.complete(draft->id, m_parentForm, m_parentAnswers));
        m_parentResponse = draft->id;
    }

    void wideAndLongHoldExactRowsAndScores()
    {
        QTemporaryDir out;
        const auto report = exportNow({}, out);
        QVERIFY(!report.folder.isEmpty());
        QCOMPARE(report.responses, 2);
        QCOMPARE(QFileInfo(report.folder).dir().absolutePath(), QDir(out.path()).absolutePath());
        QStringList files = QDir(report.folder).entryList(QDir::Files | QDir::Hidden);
        files.sort();
        QStringList expected = csv::ResearchExport::fileNames();
        expected.sort();
        QCOMPARE(files, expected);

        const Table wide = readTable(QDir(report.folder).filePath("responses_wide.csv"));
        QCOMPARE(wide.rows.size(), 2);
        QCOMPARE(wide.header.mid(0, 4),
                 QStringList({"response_id", "patient_code", "age_years", "episode_id"}));
        QVERIFY(!wide.header.contains("patient_name"));
        QVERIFY(!wide.header.contains("birth_date"));
        QVERIFY(!wide.header.contains("i_c8_something_to_say"));
        // Child first, then parent; born 2014-05-17, seen 2024-01-08: 9 years old.
        QCOMPARE(wide.value(0, "response_id"), m_history.responseId);
        QCOMPARE(wide.value(1, "response_id"), m_parentResponse);
        QCOMPARE(wide.value(0, "patient_code"), m_history.patient.code);
        QCOMPARE(wide.value(0, "age_years"), QStringLiteral("9"));
        QCOMPARE(wide.value(0, "session_number"), QStringLiteral("1"));
        QCOMPARE(wide.value(0, "session_date"), QStringLiteral("2024-01-08"));
        QCOMPARE(wide.value(0, "condition"), QStringLiteral("hypermobility"));
        QCOMPARE(wide.value(0, "respondent"), QStringLiteral("child"));
        QCOMPARE(wide.value(1, "respondent"), QStringLiteral("parent"));
        QCOMPARE(wide.value(1, "parent_relationship"), QStringLiteral("mother"));
        QCOMPARE(wide.value(0, "instrument_id"), QStringLiteral("triad-child-8to12"));
        QCOMPARE(wide.value(0, "instrument_version"), QStringLiteral("2.0.0"));
        QCOMPARE(wide.value(0, "status"), QStringLiteral("complete"));
        // Every answer 4 on a 1-5 scale: every child score is 75.
        for (const char *c : {"total", "core", "core_goal", "core_task", "core_bond", "goal",
                              "task", "bond", "sub_goal", "sub_task", "sub_bond"})
            QCOMPARE(wide.value(0, QLatin1String(c)), QStringLiteral("75"));
        QCOMPARE(wide.value(0, "i_c8_listens"), QStringLiteral("4"));
        QCOMPARE(wide.value(0, "i_p_aim_matters"), QString());
        // Parent: bond (80+60+70)/3, task (90+100)/2, the core over 5 answered core items.
        QCOMPARE(wide.value(1, "bond"), QStringLiteral("70"));
        QCOMPARE(wide.value(1, "task"), QStringLiteral("95"));
        QCOMPARE(wide.value(1, "core"), QStringLiteral("74"));
        QCOMPARE(wide.value(1, "core_goal"), QStringLiteral("40"));
        QCOMPARE(wide.value(1, "sub_with_physio"), QStringLiteral("50"));
        QCOMPARE(wide.value(1, "total"), QStringLiteral("73.33333333"));
        QCOMPARE(wide.value(1, "i_p_aim_right"), QStringLiteral("-1"));
        QCOMPARE(wide.value(1, "i_c8_listens"), QString());
        // And exactly what scoring computes, for every score column.
        const ScoreSet parent = score(m_parentForm, m_parentAnswers);
        QCOMPARE(wide.value(1, "total"),
                 QString::fromLatin1(csv::numberText(parent.total.normalised)));
        QCOMPARE(wide.value(1, "goal"),
                 QString::fromLatin1(csv::numberText(parent.construct("goal")->normalised)));

        const Table answers = readTable(QDir(report.folder).filePath("answers_long.csv"));
        // Child: 9 scored items (the free text is left out); parent: 11.
        QCOMPARE(answers.rows.size(), 9 + 11);
        QVERIFY(!answers.header.contains("text"));
        int listens = -1;
        int notApplicable = -1;
        for (int i = 0; i < answers.rows.size(); ++i) {
            if (answers.value(i, "item_id") == QLatin1String("c8-listens"))
                listens = i;
            if (answers.value(i, "item_id") == QLatin1String("p-aim-right"))
                notApplicable = i;
        }
        QVERIFY(listens >= 0 && notApplicable >= 0);
        QCOMPARE(answers.value(listens, "value"), QStringLiteral("4"));
        QCOMPARE(answers.value(listens, "value_label"), QStringLiteral("Mostly"));
        QCOMPARE(answers.value(listens, "patient_code"), m_history.patient.code);
        QCOMPARE(answers.value(notApplicable, "value"), QStringLiteral("-1"));
        QCOMPARE(answers.value(notApplicable, "not_applicable"), QStringLiteral("1"));

        // The codebook names every wide column, with the item text and value labels.
        const Table codebook = readTable(QDir(report.folder).filePath("codebook.csv"));
        QSet<QString> described;
        for (int i = 0; i < codebook.rows.size(); ++i)
            if (codebook.value(i, "file") == QLatin1String("responses_wide.csv"))
                described.insert(codebook.value(i, "variable"));
        for (const QString &c : wide.header)
            QVERIFY2(described.contains(c), qPrintable(c));
        QVERIFY(codebook.header.contains("text_en"));
        const QString md =
            QString::fromUtf8(fileBytes(QDir(report.folder).filePath("codebook.md")));
        QVERIFY(md.contains(QStringLiteral("### triad-child-8to12 2.0.0")));
        QVERIFY(md.contains(QStringLiteral("`i_c8_listens`")));
        QVERIFY(md.contains(QStringLiteral("Pseudonymised export")));
    }

    void pseudonymisedExportNeverHoldsNameBirthDateOrFreeText()
    {
        QTemporaryDir out;
        const auto report = exportNow({}, out);
        QVERIFY(!report.folder.isEmpty());
        const QByteArray all = everything(out.path());
        QVERIFY(!all.isEmpty());
        QCOMPARE(canaryLeak(all, kCanary), QString());
        QVERIFY(!all.contains("2014-05-17"));
        QVERIFY(!all.contains("Guardian of"));
        // Nothing else was written beside the export's folder.
        QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QFileInfo(report.folder).fileName()});
    }

    void freeTextOnlyWhenAskedFor()
    {
        QTemporaryDir out;
        csv::ResearchOptions options;
        options.freeText = true;
        const auto report = exportNow(options, out);
        QVERIFY(!report.folder.isEmpty());
        const Table wide = readTable(QDir(report.folder).filePath("responses_wide.csv"));
        QCOMPARE(wide.value(0, "i_c8_something_to_say"), QStringLiteral("Unsaid: ") + kCanary);
        QCOMPARE(wide.value(1, "i_p_something_to_say"), QStringLiteral("Parent words ") + kCanary);
        const Table answers = readTable(QDir(report.folder).filePath("answers_long.csv"));
        QVERIFY(answers.header.contains("text"));
        QCOMPARE(answers.rows.size(), 10 + 12);
        // Still no name and no birth date.
        const QByteArray all = everything(out.path());
        QVERIFY(!all.contains(("Name " + kCanary).toUtf8()));
        QVERIFY(!all.contains("2014-05-17"));
    }

    void identifiedExportHoldsNamesAndIsAudited()
    {
        QTemporaryDir out;
        csv::ResearchOptions options;
        options.identified = true;
        const auto report = exportNow(options, out);
        QVERIFY(!report.folder.isEmpty());
        const Table wide = readTable(QDir(report.folder).filePath("responses_wide.csv"));
        QCOMPARE(wide.value(0, "patient_name"), QStringLiteral("Name ") + kCanary);
        QCOMPARE(wide.value(0, "birth_date"), QStringLiteral("2014-05-17"));
        store::AuditLog audit(m_bed.db, m_bed.vault.subkey(crypto::KeyPurpose::Audit),
                              m_bed.vault.staffId());
        const auto entries = audit.entries();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.last().action, QStringLiteral("export-csv-identified"));
        QCOMPARE(entries.last().staffId, m_bed.admin.id);
    }

    void aPhysioMayNotExport()
    {
        store::Clinic clinic(m_bed.db);
        const auto physio =
            clinic.addStaff(m_bed.vault, QStringLiteral("Demo Physio"), store::StaffRole::Physio,
                            QStringLiteral("synthetic physio passphrase"), kCheapScrypt);
        QVERIFY(physio);
        crypto::Vault vault{crypto::PinHashing{1000}};
        QVERIFY(clinic.signIn(physio->id, QStringLiteral("synthetic physio passphrase"), vault));
        QTemporaryDir out;
        csv::ResearchOptions options;
        options.parentFolder = out.path();
        csv::ResearchReport report;
        interop::InteropError error;
        QVERIFY(!csv::ResearchExport::write(m_bed.db, vault, m_library, options, &report, &error));
        QVERIFY(error.message.contains(QStringLiteral("lead or admin")));
        QVERIFY(QDir(out.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        // The admin is still the one signed in for the other tests.
        QVERIFY(clinic.signIn(m_bed.admin.id, kAdminPassphrase, m_bed.vault));
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir out;
        csv::ResearchOptions options;
        options.parentFolder = out.path();
        options.identified = true;
        int calls = 0;
        options.progress = [&](qint64, qint64) { return ++calls < 1; };
        csv::ResearchReport report;
        interop::InteropError error;
        QVERIFY(!csv::ResearchExport::write(m_bed.db, m_bed.vault, m_library, options, &report,
                                            &error));
        QVERIFY(report.cancelled);
        QVERIFY(calls >= 1);
        QVERIFY(QDir(out.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void aMissingFolderIsNamed()
    {
        csv::ResearchOptions options;
        options.parentFolder = QStringLiteral("/nonexistent/folder-for-export");
        csv::ResearchReport report;
        interop::InteropError error;
        QVERIFY(!csv::ResearchExport::write(m_bed.db, m_bed.vault, m_library, options, &report,
                                            &error));
        QVERIFY(error.message.contains(QStringLiteral("/nonexistent/folder-for-export")));
    }

    void theRScriptReadsTheWideFileWithLabelledFactors()
    {
        QTemporaryDir out;
        const auto report = exportNow({}, out);
        QVERIFY(!report.folder.isEmpty());
        // Its column list matches the CSV header exactly.
        const QString script =
            QString::fromUtf8(fileBytes(QDir(report.folder).filePath("read_wide.R")));
        QStringList listed;
        const QRegularExpression entry(QStringLiteral("^  (\\w+) = \"(\\w+)\",?$"),
                                       QRegularExpression::MultilineOption);
        for (auto m = entry.globalMatch(script); m.hasNext();)
            listed << m.next().captured(1);
        const Table wide = readTable(QDir(report.folder).filePath("responses_wide.csv"));
        QCOMPARE(listed, wide.header);

        const QString rscript = QStandardPaths::findExecutable(QStringLiteral("Rscript"));
        if (rscript.isEmpty())
            QSKIP("Rscript is not installed (deploy/setup.sh installs r-base-core)");
        QProcess r;
        r.setWorkingDirectory(report.folder);
        r.start(rscript,
                {QStringLiteral("-e"),
                 QStringLiteral("triad_folder <- '.'; source('read_wide.R'); "
                                "cat(nrow(wide), as.character(wide$respondent), "
                                "levels(wide$respondent), is.factor(wide$condition), "
                                "as.character(wide$i_c8_listens_f[1]), "
                                "is.na(wide$i_p_aim_right[2]), format(wide$total[2], digits=6), "
                                "attr(wide$total, 'label'), sep='|')")});
        QVERIFY(r.waitForFinished(60000));
        const QString output = QString::fromUtf8(r.readAllStandardOutput());
        QVERIFY2(r.exitCode() == 0, qPrintable(QString::fromUtf8(r.readAllStandardError())));
        QCOMPARE(output, QStringLiteral("2|Child|Parent|Child|Parent|Physiotherapist|TRUE|Mostly|"
                                        "TRUE|73.3333|Total alliance score (0-100)"));
    }

    void theSpssSyntaxRunsInPspp()
    {
        const QString pspp = QStandardPaths::findExecutable(QStringLiteral("pspp"));
        if (pspp.isEmpty())
            QSKIP("pspp is not installed (deploy/setup.sh installs it)");
        QTemporaryDir out;
        const auto report = exportNow({}, out);
        QVERIFY(!report.folder.isEmpty());
        QFile check(QDir(report.folder).filePath("../check.sps"));
        QVERIFY(check.open(QIODevice::WriteOnly));
        check.write("INSERT FILE='labels.sps'.\n"
                    "DISPLAY DICTIONARY /VARIABLES=respondent total i_c8_listens.\n"
                    "LIST /VARIABLES=respondent total i_p_aim_right.\n");
        check.close();
        QProcess p;
        p.setWorkingDirectory(report.folder);
        p.start(pspp, {QStringLiteral("-O"), QStringLiteral("format=txt"), QStringLiteral("-o"),
                       QDir(out.path()).filePath("pspp.txt"), check.fileName()});
        QVERIFY(p.waitForFinished(60000));
        const QString listing = QString::fromUtf8(fileBytes(QDir(out.path()).filePath("pspp.txt")));
        QVERIFY2(p.exitCode() == 0 &&
                     !listing.contains(QStringLiteral("error"), Qt::CaseInsensitive),
                 qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("Physiotherapist")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("Mostly")), qPrintable(listing));
        QVERIFY2(listing.contains(QStringLiteral("73.333333")), qPrintable(listing));
    }

    void theCliExportsForALeadAndRefusesAPhysio()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.sqlite"));
        const auto cli = [&](const QStringList &args, const QString &passphrase,
                             const QString &newPassphrase = {}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("TRIAD_PASSPHRASE"), passphrase);
            env.insert(QStringLiteral("TRIAD_NEW_PASSPHRASE"), newPassphrase);
            p.setProcessEnvironment(env);
            p.setStandardInputFile(QProcess::nullDevice());
            p.start(QStringLiteral(TRIAD_CLI), QStringList(args) << QStringLiteral("--db") << db);
            p.waitForFinished(120000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        const QString admin = QStringLiteral("synthetic admin passphrase");
        QCOMPARE(std::get<0>(cli({"init", "--clinic", "Synthetic Clinic", "--admin", "Demo Admin"},
                                 {}, admin)),
                 0);
        QCOMPARE(std::get<0>(cli({"staff", "add", "--name", "Demo Physio", "--role", "physio"},
                                 admin, QStringLiteral("synthetic physio passphrase"))),
                 0);
        QCOMPARE(std::get<0>(cli({"staff", "add", "--name", "Demo Lead", "--role", "lead"}, admin,
                                 QStringLiteral("synthetic lead passphrase"))),
                 0);
        QCOMPARE(std::get<0>(cli(
                     {"patient", "add", "--name", kCanary, "--birth-date", "2015-03-27"}, admin)),
                 0);
        QTemporaryDir out;
        auto [code, stdOut, stdErr] =
            cli({"export", "csv", out.path(), "--identified", "--as", "Demo Physio"},
                QStringLiteral("synthetic physio passphrase"));
        QCOMPARE(code, 2);
        QVERIFY2(stdErr.contains(QStringLiteral("lead or admin")), qPrintable(stdErr));
        QVERIFY(QDir(out.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
        std::tie(code, stdOut, stdErr) =
            cli({"export", "csv", QStringLiteral("/nonexistent/x")}, admin);
        QCOMPARE(code, 2);
        QVERIFY(stdErr.contains(QStringLiteral("/nonexistent/x")));
        std::tie(code, stdOut, stdErr) =
            cli({"export", "csv", out.path(), "--json", "--as", "Demo Lead"},
                QStringLiteral("synthetic lead passphrase"));
        QVERIFY2(code == 0, qPrintable(stdErr + stdOut));
        QVERIFY(stdOut.contains(QStringLiteral("\"responses\": 0")));
        QVERIFY(!stdOut.contains(kCanary));
        QCOMPARE(
            QDir(out.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).size(), 1);
        QCOMPARE(canaryLeak(everything(out.path()), kCanary), QString());
    }
};

QTEST_GUILESS_MAIN(TestResearchExport)
#include "tst_researchexport.moc"
