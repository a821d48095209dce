// The FHIR R4 sections of the Export and import screen through the real QML: the demo clinic's
// admin exports the clinic as a Bundle (collection, then transaction), cancels one and finds no
// file; a physio sees neither section; then a fresh, empty clinic is created on this tablet, a
// malformed Bundle shows every problem with its path and writes nothing, the demo's Bundle is
// imported (same patients and responses in the database), and importing it again changes
// nothing. The screen is rendered every way (fhir-*.png in build/screenshots: look at them).
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/exportcontroller.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlComponent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace triad;
using namespace triad::test;

namespace {

int count(const QString &sql)
{
    QSqlQuery q = app::ClinicSession::instance()->database().query();
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}
int patientsInDatabase()
{
    return count(QStringLiteral("SELECT COUNT(*) FROM patient"));
}
// The responses an export holds: final (not drafts), not replaced by a later answer.
int finalResponsesInDatabase()
{
    return count(
        QStringLiteral("SELECT COUNT(*) FROM response r WHERE r.status <> 'draft' AND "
                       "NOT EXISTS (SELECT 1 FROM response n WHERE n.supersedes = r.id AND "
                       "n.status = 'complete')"));
}

QJsonObject readJson(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QHash<QString, int> resourceCounts(const QJsonObject &bundle)
{
    QHash<QString, int> counts;
    for (const QJsonValue &e : bundle.value(QStringLiteral("entry")).toArray())
        ++counts[e.toObject()
                     .value(QStringLiteral("resource"))
                     .toObject()
                     .value(QStringLiteral("resourceType"))
                     .toString()];
    return counts;
}

} // namespace

class TestFhirScreen : public QObject
{
    Q_OBJECT

    UiDriver m_ui;
    QTemporaryDir m_out;
    QString m_bundle; // the demo clinic's collection Bundle
    int m_patients = 0;
    int m_responses = 0;

    app::ExportController *exporter() const
    {
        QObject *stack = m_ui.window()->findChild<QObject *>(QStringLiteral("mainStack"));
        QObject *page = stack ? stack->property("currentItem").value<QObject *>() : nullptr;
        return page ? qobject_cast<app::ExportController *>(
                          page->property("controller").value<QObject *>())
                    : nullptr;
    }
    QString message() const
    {
        const app::ExportController *c = exporter();
        return c ? c->message() : QString();
    }
    bool setField(const QString &name, const QString &text)
    {
        if (!m_ui.click(name))
            return false;
        QQuickItem *field = m_ui.find(name);
        return field && field->setProperty("text", text);
    }
    QStringList filesIn(const QString &folder) const
    {
        return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }
    bool openExportScreen()
    {
        if (!m_ui.waitFor(QStringLiteral("Export")) || !m_ui.click(QStringLiteral("Export")))
            return false;
        return m_ui.waitFor(QStringLiteral("Export FHIR bundle"), 10000, UiDriver::BelowTheFoldToo);
    }
    QString exportBundle(const QString &folder, const QString &expectedStart)
    {
        if (!setField(QStringLiteral("Export folder"), folder) ||
            !m_ui.click(QStringLiteral("Export FHIR bundle")))
            return QStringLiteral("no Export FHIR bundle button");
        if (!testing::waitFor([&] { return message().startsWith(expectedStart); }, 60000))
            return QStringLiteral("message: ") + message();
        return {};
    }

private slots:
    void initTestCase()
    {
        app::prepareStyle();
        QVERIFY(m_out.isValid());
        QVERIFY(m_ui.loadMain());
        QVERIFY(m_ui.enterDemoClinic());
    }

    void theAdminExportsTheClinicAsABundle()
    {
        QVERIFY(openExportScreen());
        m_patients = patientsInDatabase();
        m_responses = finalResponsesInDatabase();
        QVERIFY(m_patients > 0 && m_responses > 0);
        const int auditedBefore =
            count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'export-fhir'"));
        const QString folder = m_out.filePath(QStringLiteral("collection"));
        QVERIFY(QDir().mkpath(folder));
        const QString problem =
            exportBundle(folder, QStringLiteral("FHIR collection bundle saved as"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const QStringList made = filesIn(folder);
        QCOMPARE(made.size(), 1);
        QVERIFY(QRegularExpression(QStringLiteral("^triad-fhir-\\d{8}-\\d{6}\\.json$"))
                    .match(made.first())
                    .hasMatch());
        m_bundle = QDir(folder).filePath(made.first());
        QCOMPARE(exporter()->lastPath(), m_bundle);
        const QJsonObject bundle = readJson(m_bundle);
        QCOMPARE(bundle.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("collection"));
        const QHash<QString, int> resources = resourceCounts(bundle);
        QCOMPARE(resources.value(QStringLiteral("Patient")), m_patients);
        QCOMPARE(resources.value(QStringLiteral("QuestionnaireResponse")), m_responses);
        QVERIFY(resources.value(QStringLiteral("Observation")) > m_responses); // scores
        QVERIFY(resources.value(QStringLiteral("Flag")) > 0);                  // the demo's alerts
        // The message names the file and the counts the Bundle holds.
        QVERIFY2(message().contains(made.first()), qPrintable(message()));
        QVERIFY2(
            message().contains(
                QStringLiteral(": %1 patients, %2 responses, ").arg(m_patients).arg(m_responses)),
            qPrintable(message()));
        QVERIFY2(message().contains(
                     QStringLiteral(", %1 alerts.").arg(resources.value(QStringLiteral("Flag")))),
                 qPrintable(message()));
        QVERIFY(!message().contains(QStringLiteral("free-text")));
        // The core keeps that the export happened in the audit log.
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'export-fhir'")),
                 auditedBefore + 1);
        QVERIFY(m_ui.find(QStringLiteral("Export message")));
    }

    void aTransactionIsForAFhirServer()
    {
        const QString folder = m_out.filePath(QStringLiteral("transaction"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(m_ui.click(QStringLiteral("Transaction: for a FHIR server")));
        QVERIFY(m_ui.click(QStringLiteral("Include free-text answers in the bundle")));
        const QString problem =
            exportBundle(folder, QStringLiteral("FHIR transaction bundle (for a FHIR server)"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(message().contains(QStringLiteral("may name people")));
        const QStringList made = filesIn(folder);
        QCOMPARE(made.size(), 1);
        const QJsonObject bundle = readJson(QDir(folder).filePath(made.first()));
        QCOMPARE(bundle.value(QStringLiteral("type")).toString(), QStringLiteral("transaction"));
        QCOMPARE(resourceCounts(bundle).value(QStringLiteral("Patient")), m_patients);
        // Back to the defaults.
        QVERIFY(m_ui.click(QStringLiteral("Collection: a file to keep or send")));
        QVERIFY(m_ui.click(QStringLiteral("Include free-text answers in the bundle")));
    }

    void cancelLeavesNoFile()
    {
        const QString folder = m_out.filePath(QStringLiteral("cancelled"));
        QVERIFY(QDir().mkpath(folder));
        app::ExportController *controller = exporter();
        QVERIFY(controller);
        controller->setStepDelayForTesting(200);
        bool clicked = false;
        qreal progressSeen = 0;
        // Fires while the export runs (the screen handles events between patients).
        QTimer::singleShot(500, this, [&] {
            progressSeen = controller->progress();
            clicked = m_ui.click(QStringLiteral("Cancel export"));
            if (!clicked)
                controller->cancel();
        });
        const QString problem = exportBundle(folder, QStringLiteral("Export cancelled"));
        controller->setStepDelayForTesting(0);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(clicked, "the Cancel button was on screen during the export");
        QVERIFY(progressSeen > 0 && progressSeen < 1); // the bar moved with the patients
        QCOMPARE(filesIn(folder), QStringList());
        QVERIFY(message().contains(QDir::toNativeSeparators(folder)));
    }

    void theSectionsLookRight()
    {
        // Scrolled to the FHIR sections, as the lead sees them after tapping Export FHIR bundle.
        QVERIFY(m_ui.click(QStringLiteral("Bundle file to import")));
        m_ui.settle();
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("fhir-sections")), QStringList());
        // Changing the text size keeps the scroll position, so the sections scroll out of view:
        // scrolled back to them at twice the size, in portrait, where words wrap most.
        auto *session = app::ClinicSession::instance();
        m_ui.window()->resize(800, 1280);
        session->setFontScale(2.0);
        m_ui.settle(400);
        QStringList problems;
        // Tapping a control scrolls it into view (the collection is chosen already).
        QVERIFY(m_ui.click(QStringLiteral("Collection: a file to keep or send")));
        m_ui.settle(400);
        m_ui.screenshot(QStringLiteral("fhir-sections-font2-portrait-export"));
        problems << m_ui.smallTargets() << m_ui.clippedTexts();
        QVERIFY(m_ui.click(QStringLiteral("Bundle file to import")));
        m_ui.settle(400);
        m_ui.screenshot(QStringLiteral("fhir-sections-font2-portrait-import"));
        problems << m_ui.smallTargets() << m_ui.clippedTexts();
        session->setFontScale(1.0);
        m_ui.window()->resize(1280, 800);
        m_ui.settle(400);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral(" | "))));
        QVERIFY(exporter()->message().startsWith(QStringLiteral("Export cancelled")));
        QCOMPARE(m_ui.warnings(), QStringList());
    }

    void aPhysioSeesNeitherSection()
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
        // Even the screen itself, were it opened, shows neither FHIR section.
        QQmlComponent component(&m_ui.engine());
        component.setData("import Triad.Ui\nExportScreen {}", QUrl());
        std::unique_ptr<QObject> object(component.create());
        auto *screen = qobject_cast<QQuickItem *>(object.get());
        QVERIFY2(screen, qPrintable(component.errorString()));
        screen->setParentItem(m_ui.window()->contentItem());
        screen->setSize(m_ui.window()->contentItem()->size());
        screen->setZ(1000);
        m_ui.settle();
        QVERIFY(m_ui.find(QStringLiteral("Export research data"))); // the screen is there
        QCOMPARE(m_ui.find(QStringLiteral("Export FHIR bundle")), nullptr);
        QCOMPARE(m_ui.find(QStringLiteral("Import bundle")), nullptr);
        QCOMPARE(m_ui.find(QStringLiteral("Bundle file to import")), nullptr);
        object.reset();
        // And the controller refuses.
        app::ExportController controller;
        QVERIFY(controller.importFhir(m_bundle).contains(QStringLiteral("lead or admin")));
        const QString folder = m_out.filePath(QStringLiteral("physio"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(controller.exportFhir(folder, false, false).contains(QStringLiteral("lead")));
        QCOMPARE(filesIn(folder), QStringList());
    }

    void aFreshClinicOnThisTablet()
    {
        auto *session = app::ClinicSession::instance();
        session->signOut();
        qputenv("TRIAD_DB", m_out.filePath(QStringLiteral("receiving.sqlite")).toUtf8());
        session->reopen();
        m_ui.settle();
        QCOMPARE(session->state(), QStringLiteral("firstRun"));
        QSignalSpy created(session, &app::ClinicSession::createFinished);
        QCOMPARE(session->createClinic(QStringLiteral("Receiving Clinic"),
                                       QStringLiteral("Receiving Admin"),
                                       QString::fromLatin1(testing::kPassphrase),
                                       QString::fromLatin1(testing::kPassphrase)),
                 QString());
        QVERIFY(created.wait(30000));
        QVERIFY(testing::waitFor([&] { return session->state() == QLatin1String("signedIn"); }));
        QCOMPARE(patientsInDatabase(), 0);
        QVERIFY(openExportScreen());
    }

    void aMalformedBundleShowsEveryProblemAndWritesNothing()
    {
        // Every response still "in progress" and one session without a real date.
        QJsonObject bundle = readJson(m_bundle);
        QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        bool dateBroken = false;
        for (int i = 0; i < entries.size(); ++i) {
            QJsonObject entry = entries.at(i).toObject();
            QJsonObject r = entry.value(QStringLiteral("resource")).toObject();
            const QString type = r.value(QStringLiteral("resourceType")).toString();
            if (type == QLatin1String("QuestionnaireResponse"))
                r.insert(QStringLiteral("status"), QStringLiteral("in-progress"));
            else if (type == QLatin1String("Encounter") && !dateBroken)
                r.insert(QStringLiteral("period"),
                         QJsonObject{{QStringLiteral("start"), QStringLiteral("yesterday")}});
            else
                continue;
            dateBroken = dateBroken || type == QLatin1String("Encounter");
            entry.insert(QStringLiteral("resource"), r);
            entries[i] = entry;
        }
        bundle.insert(QStringLiteral("entry"), entries);
        const QString bad = m_out.filePath(QStringLiteral("broken.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(bundle).toJson());
        f.close();
        const int auditBefore = count(QStringLiteral("SELECT COUNT(*) FROM audit"));

        QVERIFY(setField(QStringLiteral("Bundle file to import"), bad));
        QVERIFY(m_ui.click(QStringLiteral("Import bundle")));
        QVERIFY(testing::waitFor(
            [&] { return message().contains(QStringLiteral("nothing was imported")); }));
        const QStringList problems = exporter()->problems();
        QVERIFY(problems.size() > m_responses); // one per response, and the date
        QVERIFY2(message().startsWith(QStringLiteral("%1 problems in").arg(problems.size())),
                 qPrintable(message()));
        int statusProblems = 0;
        bool dateProblem = false;
        for (const QString &p : problems) {
            QVERIFY2(p.startsWith(QStringLiteral("entry[")), qPrintable(p));
            const QString path = p.section(QStringLiteral(": "), 0, 0);
            statusProblems += path.endsWith(QStringLiteral(".status")) ? 1 : 0;
            dateProblem = dateProblem || (path.endsWith(QStringLiteral(".period.start")) &&
                                          p.contains(QStringLiteral("not a date")));
        }
        QCOMPARE(statusProblems, m_responses);
        QVERIFY(dateProblem);
        // On screen: the list of problems, scrollable, under the message at the top.
        m_ui.settle();
        QQuickItem *list = m_ui.find(QStringLiteral("Import problems"));
        QVERIFY(list);
        QCOMPARE(list->property("count").toInt(), problems.size());
        QVERIFY(list->property("contentHeight").toReal() > list->height()); // it scrolls
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("fhir-import-problems")), QStringList());
        // Nothing was written.
        QCOMPARE(patientsInDatabase(), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM response")), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM session")), 0);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore);
    }

    void theDemoBundleIsImportedOnce()
    {
        QVERIFY(setField(QStringLiteral("Bundle file to import"), m_bundle));
        QVERIFY(m_ui.click(QStringLiteral("Import bundle")));
        QVERIFY(testing::waitFor([&] { return message().startsWith(QStringLiteral("Imported ")); },
                                 120000));
        QCOMPARE(exporter()->problems(), QStringList());
        QVERIFY(!exporter()->failed());
        QCOMPARE(patientsInDatabase(), m_patients);
        QCOMPARE(finalResponsesInDatabase(), m_responses);
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM alert")) > 0); // cards raised here
        QVERIFY2(message().startsWith(QStringLiteral("Imported %1 responses from %2 (0 were "
                                                     "already here): %3 new patients")
                                          .arg(m_responses)
                                          .arg(QDir::toNativeSeparators(m_bundle))
                                          .arg(m_patients)),
                 qPrintable(message()));
        m_ui.settle();
        QCOMPARE(m_ui.find(QStringLiteral("Import problems")), nullptr);

        // The same file again: nothing changes, and the screen says so.
        const int responses = count(QStringLiteral("SELECT COUNT(*) FROM response"));
        const int alerts = count(QStringLiteral("SELECT COUNT(*) FROM alert"));
        QVERIFY(m_ui.click(QStringLiteral("Import bundle")));
        QVERIFY(testing::waitFor(
            [&] { return message().startsWith(QStringLiteral("Nothing changed")); }, 120000));
        QVERIFY2(message().contains(QStringLiteral("the %1 responses and %2 patients")
                                        .arg(m_responses)
                                        .arg(m_patients)),
                 qPrintable(message()));
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM response")), responses);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM alert")), alerts);
        QCOMPARE(patientsInDatabase(), m_patients);
        m_ui.settle();
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("fhir-imported")), QStringList());
        QCOMPARE(m_ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestFhirScreen test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_fhirscreen.moc"
