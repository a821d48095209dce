// The PDF episode report: drawn for a small clinic and read back with pdftotext (clinic,
// pseudonym code, sessions with their scores, the card and its action, the form versions,
// generated-at), the name only in an identified report, a physio refused, an existing file
// never overwritten, and a page rendered with pdftoppm into build/screenshots to look at.
#include "canary.h"
#include "interoptestbed.h"

#include "app/report/episodereportpdf.h"
#include "core/alliance/action.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace triad;
using namespace triad::interop::testing;

namespace {

const QString kCanary = QStringLiteral("CANARY-9b41c2");

QString pdfText(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestEpisodeReport : public QObject
{
    Q_OBJECT

    ClinicBed m_bed;
    PatientHistory m_history;
    InstrumentLibrary m_library = InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
    QTemporaryDir m_out;

    QString draw(const QString &which, bool identified, const QString &name,
                 interop::InteropError *error, const crypto::Vault *vault = nullptr)
    {
        const QString file = m_out.filePath(name);
        const auto report = report::EpisodeReport::load(m_bed.db, vault ? *vault : m_bed.vault,
                                                        m_library, which, identified, error);
        if (!report || !report::writeEpisodePdf(*report, file, error))
            return {};
        return file;
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext is not installed (deploy/setup.sh installs poppler-utils)");
        QVERIFY(m_bed.setUp());
        const auto h = m_bed.addPatient(QStringLiteral("Name ") + kCanary, kCanary);
        QVERIFY(h);
        m_history = *h;
    }

    void thePdfHoldsTheEpisode()
    {
        interop::InteropError error;
        const QString file =
            draw(m_history.patient.code, false, QStringLiteral("report.pdf"), &error);
        QVERIFY2(!file.isEmpty(), qPrintable(error.message));
        const QByteArray bytes = fileBytes(file);
        QVERIFY(bytes.startsWith("%PDF-"));
        const QString text = pdfText(file);
        QVERIFY2(text.contains(QStringLiteral("Synthetic Clinic")), qPrintable(text));
        QVERIFY(text.contains(m_history.patient.code));
        QVERIFY(text.contains(QStringLiteral("pseudonymised report")));
        QVERIFY(text.contains(QStringLiteral("Hypermobility")));
        QVERIFY(text.contains(QStringLiteral("2024-01-08")));
        QVERIFY(text.contains(QStringLiteral("Age at the start of the episode: 9 years")));
        QVERIFY(text.contains(QStringLiteral("Alliance over the sessions")));
        QVERIFY(text.contains(QStringLiteral("Physiotherapist"))); // the chart's legend
        // The session row: every child answer 4 on 1-5, so total and core are 75.
        bool rowFound = false;
        for (const QString &line : text.split(QLatin1Char('\n')))
            rowFound = rowFound ||
                       line.simplified().startsWith(QStringLiteral("1 2024-01-08 Clinic 75 75"));
        QVERIFY2(rowFound, qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Session 1 · Rupture · watch")));
        QVERIFY(text.contains(actionKindLabel(ActionKind::TalkedAboutGoals)));
        QVERIFY(text.contains(QStringLiteral("by Demo Admin")));
        QVERIFY(text.contains(QStringLiteral("triad-child-8to12 2.0.0")));
        QVERIFY(text.contains(QStringLiteral("Generated ")));
        // No name, no birth date, no prompt, no note, no free text.
        QCOMPARE(canaryLeak(bytes, kCanary), QString());
        QVERIFY(!text.contains(kCanary));
        QVERIFY(!text.contains(QStringLiteral("2014-05-17")));

        // A page to look at.
        const QString shots = QStringLiteral(TRIAD_SCREENSHOT_DIR);
        QDir().mkpath(shots);
        QProcess render;
        render.start(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"),
                      QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                      QStringLiteral("1"), QStringLiteral("-singlefile"), file,
                      QDir(shots).filePath(QStringLiteral("episode-report"))});
        QVERIFY(render.waitForFinished(30000));
        QCOMPARE(render.exitCode(), 0);
        QVERIFY(QFileInfo(QDir(shots).filePath(QStringLiteral("episode-report.png"))).size() > 0);
    }

    void anIdentifiedReportNamesThePatientAndIsAudited()
    {
        interop::InteropError error;
        const QString file = draw(m_history.episode.id, true, QStringLiteral("named.pdf"), &error);
        QVERIFY2(!file.isEmpty(), qPrintable(error.message));
        const QString text = pdfText(file);
        QVERIFY(text.contains(QStringLiteral("Name ") + kCanary));
        QVERIFY(text.contains(QStringLiteral("2014-05-17")));
        QVERIFY(text.contains(QStringLiteral("Action note: ") + kCanary));
        store::AuditLog audit(m_bed.db, m_bed.vault.subkey(crypto::KeyPurpose::Audit),
                              m_bed.vault.staffId());
        const auto entries = audit.entries();
        QCOMPARE(entries.last().action, QStringLiteral("export-pdf-identified"));
        QCOMPARE(entries.last().rowId, m_history.episode.id);
    }

    void anExistingFileIsNeverOverwritten()
    {
        const QString file = m_out.filePath(QStringLiteral("taken.pdf"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        interop::InteropError error;
        QVERIFY(draw(m_history.patient.code, false, QStringLiteral("taken.pdf"), &error).isEmpty());
        QVERIFY(error.message.contains(QStringLiteral("exists already")));
        QCOMPARE(fileBytes(file), QByteArray("keep me"));
    }

    void unknownEpisodeOrCodeIsNamed()
    {
        interop::InteropError error;
        QVERIFY(
            draw(QStringLiteral("TRD-0000-00"), false, QStringLiteral("x.pdf"), &error).isEmpty());
        QVERIFY(error.message.contains(QStringLiteral("TRD-0000-00")));
        QVERIFY(draw(QStringLiteral("no-such-episode"), false, QStringLiteral("y.pdf"), &error)
                    .isEmpty());
        QVERIFY(error.message.contains(QStringLiteral("no-such-episode")));
        QVERIFY(!QFileInfo::exists(m_out.filePath(QStringLiteral("x.pdf"))));
    }

    void aPhysioMayNotExportAReport()
    {
        store::Clinic clinic(m_bed.db);
        const auto physio =
            clinic.addStaff(m_bed.vault, QStringLiteral("Demo Physio"), store::StaffRole::Physio,
                            QStringLiteral("synthetic physio passphrase"), kCheapScrypt);
        QVERIFY(physio);
        crypto::Vault vault{crypto::PinHashing{1000}};
        QVERIFY(clinic.signIn(physio->id, QStringLiteral("synthetic physio passphrase"), vault));
        interop::InteropError error;
        QVERIFY(draw(m_history.patient.code, false, QStringLiteral("physio.pdf"), &error, &vault)
                    .isEmpty());
        QVERIFY(error.message.contains(QStringLiteral("lead or admin")));
        QVERIFY(!QFileInfo::exists(m_out.filePath(QStringLiteral("physio.pdf"))));
    }

    void theCliWritesTheReport()
    {
        // The command needs a QGuiApplication: triad-cli makes one on the offscreen platform.
        const QString file = m_out.filePath(QStringLiteral("cli.pdf"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRIAD_PASSPHRASE"), kAdminPassphrase);
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TRIAD_CLI),
                {QStringLiteral("export"), QStringLiteral("pdf"), m_history.patient.code, file,
                 QStringLiteral("--db"), m_bed.path, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY(out.contains(QStringLiteral("\"sessions\": 1")));
        QVERIFY(pdfText(file).contains(m_history.patient.code));
        // Usage: exactly two arguments.
        p.start(QStringLiteral(TRIAD_CLI),
                {QStringLiteral("export"), QStringLiteral("pdf"), m_history.patient.code});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }
};

QTEST_MAIN(TestEpisodeReport)
#include "tst_episodereport.moc"
