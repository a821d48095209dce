// The Export screen through the real QML on the synthetic demo clinic: the lead or admin
// exports the research CSV (pseudonymised, then identified after the confirmation dialog),
// cancels an export and finds nothing left, saves a PDF report; a physio has no Export
// button. The screen is rendered to export.png (look at it).
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/exportcontroller.h"

#include <QDir>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace triad;
using namespace triad::test;

namespace {

QString firstLine(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readLine()) : QString();
}

} // namespace

class TestExportScreen : public QObject
{
    Q_OBJECT

    UiDriver m_ui;
    QTemporaryDir m_out;

    QString message() const
    {
        // The label may be below the fold; what it shows is the controller's message.
        const app::ExportController *c = exporter();
        return c ? c->message() : QString();
    }
    bool setField(const QString &name, const QString &text)
    {
        // Tapped first, as a person would (this scrolls it into view), then filled in.
        if (!m_ui.click(name))
            return false;
        QQuickItem *field = m_ui.find(name);
        return field && field->setProperty("text", text);
    }
    app::ExportController *exporter() const
    {
        QObject *stack = m_ui.window()->findChild<QObject *>(QStringLiteral("mainStack"));
        QObject *page = stack ? stack->property("currentItem").value<QObject *>() : nullptr;
        return page ? qobject_cast<app::ExportController *>(
                          page->property("controller").value<QObject *>())
                    : nullptr;
    }
    QStringList exportsIn(const QString &folder) const
    {
        return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }

private slots:
    void initTestCase()
    {
        app::prepareStyle();
        QVERIFY(m_out.isValid());
        QVERIFY(m_ui.loadMain());
        QVERIFY(m_ui.enterDemoClinic());
    }

    void theAdminExportsPseudonymisedResearchData()
    {
        QVERIFY(m_ui.waitFor(QStringLiteral("Export")));
        QVERIFY(m_ui.click(QStringLiteral("Export")));
        QVERIFY(m_ui.waitFor(QStringLiteral("Export research data")));
        const QString folder = m_out.filePath(QStringLiteral("plain"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(setField(QStringLiteral("Export folder"), folder));
        QVERIFY(m_ui.click(QStringLiteral("Export research data")));
        QVERIFY(
            testing::waitFor([&] { return message().startsWith(QStringLiteral("Exported ")); }));
        const QStringList made = exportsIn(folder);
        QCOMPARE(made.size(), 1);
        QVERIFY(made.first().startsWith(QStringLiteral("triad-research-")));
        QVERIFY(message().contains(made.first()));
        const QString wide = QDir(folder).filePath(made.first() + "/responses_wide.csv");
        QVERIFY(firstLine(wide).startsWith(QStringLiteral("response_id,patient_code,age_years")));
        QVERIFY(!firstLine(wide).contains(QStringLiteral("patient_name")));
        m_ui.settle();
        // The outcome is at the top of the page, in view.
        QVERIFY(m_ui.find(QStringLiteral("Export message")));
        m_ui.screenshot(QStringLiteral("export"));
        QCOMPARE(m_ui.smallTargets(), QStringList());
        QCOMPARE(m_ui.clippedTexts(), QStringList());
    }

    void anIdentifiedExportAsksFirst()
    {
        const QString folder = m_out.filePath(QStringLiteral("named"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(setField(QStringLiteral("Export folder"), folder));
        QVERIFY(m_ui.click(QStringLiteral("Include names and birth dates (identified)")));
        QVERIFY(m_ui.click(QStringLiteral("Export research data")));
        QVERIFY(m_ui.waitFor(QStringLiteral("Confirm: Export identified data")));
        m_ui.settle();
        m_ui.screenshot(QStringLiteral("export-confirm"));
        QVERIFY(exportsIn(folder).isEmpty()); // nothing before the confirmation
        QVERIFY(m_ui.click(QStringLiteral("Confirm: Export identified data")));
        QVERIFY(testing::waitFor([&] { return exportsIn(folder).size() == 1; }));
        const QString wide =
            QDir(folder).filePath(exportsIn(folder).first() + "/responses_wide.csv");
        QVERIFY(firstLine(wide).contains(QStringLiteral("patient_name,birth_date")));
        QVERIFY(message().contains(QStringLiteral("names and birth dates")));
        QVERIFY(m_ui.click(QStringLiteral("Include names and birth dates (identified)")));
    }

    void cancelLeavesNothing()
    {
        const QString folder = m_out.filePath(QStringLiteral("cancelled"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(setField(QStringLiteral("Export folder"), folder));
        app::ExportController *controller = exporter();
        QVERIFY(controller);
        controller->setStepDelayForTesting(200);
        bool clicked = false;
        // Fires while the export runs (the screen keeps handling events between batches).
        QTimer::singleShot(50, this, [&] {
            clicked = m_ui.click(QStringLiteral("Cancel export"));
            if (!clicked)
                controller->cancel();
        });
        QVERIFY(m_ui.click(QStringLiteral("Export research data")));
        QVERIFY(testing::waitFor(
            [&] { return message().startsWith(QStringLiteral("Export cancelled")); }));
        QVERIFY2(clicked, "the Cancel button was on screen during the export");
        QCOMPARE(exportsIn(folder), QStringList());
        controller->setStepDelayForTesting(0);
    }

    void thePdfReportIsSaved()
    {
        const QString folder = m_out.filePath(QStringLiteral("pdf"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(setField(QStringLiteral("Export folder"), folder));
        QVERIFY(setField(QStringLiteral("Patient code or episode"), QStringLiteral("TRD-0000-00")));
        QVERIFY(m_ui.click(QStringLiteral("Export PDF report")));
        QVERIFY(
            testing::waitFor([&] { return message().contains(QStringLiteral("TRD-0000-00")); }));
        QVERIFY(exportsIn(folder).isEmpty());
        // A real patient's code (the demo's first patient).
        QSqlQuery q = app::ClinicSession::instance()->database().query();
        QVERIFY(q.exec(QStringLiteral("SELECT code FROM patient ORDER BY code LIMIT 1")) &&
                q.next());
        const QString code = q.value(0).toString();
        QVERIFY(setField(QStringLiteral("Patient code or episode"), code));
        QVERIFY(m_ui.click(QStringLiteral("Export PDF report")));
        QVERIFY(
            testing::waitFor([&] { return message().startsWith(QStringLiteral("Report for")); }));
        const QStringList made = exportsIn(folder);
        QCOMPARE(made.size(), 1);
        QVERIFY(made.first().startsWith(QStringLiteral("triad-report-") + code));
        QFile pdf(QDir(folder).filePath(made.first()));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QCOMPARE(m_ui.warnings(), QStringList());
    }

    void aPhysioHasNoExport()
    {
        auto *session = app::ClinicSession::instance();
        session->signOut();
        QString physio;
        for (const QVariant &v : session->staff())
            if (v.toMap().value(QStringLiteral("name")).toString() ==
                QLatin1String("Demo Physio 1"))
                physio = v.toMap().value(QStringLiteral("staffId")).toString();
        QSignalSpy done(session, &app::ClinicSession::signInFinished);
        session->signIn(physio, QStringLiteral("demo-passphrase-1"));
        QVERIFY(done.wait(30000));
        m_ui.settle();
        QVERIFY(m_ui.waitFor(QStringLiteral("Settings")));
        QCOMPARE(m_ui.find(QStringLiteral("Export")), nullptr);
        app::ExportController controller;
        QVERIFY(!controller.allowed());
        const QString folder = m_out.filePath(QStringLiteral("physio"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(
            controller.exportCsv(folder, false, false).contains(QStringLiteral("lead or admin")));
        QVERIFY(exportsIn(folder).isEmpty());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestExportScreen test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_exportscreen.moc"
