// The FHIR R4 sections of the Export and import screen through the real QML: the demo clinic's
// admin exports the clinic as a Bundle (collection, then transaction), cancels one and finds no
// file; a physio sees neither section; then a fresh, empty clinic is created on this tablet, a
// malformed Bundle shows every problem with its path and writes nothing, the demo's Bundle is
// imported (same patients and responses in the database), and importing it again changes
// nothing. Before that, an import cancelled mid-way (Cancel tapped when the bar first moves)
// leaves the database exactly as it was. The admin also imports an R4 Questionnaire: a
// malformed one lists its problems by JSON path and adds nothing; a good one is shown, confirmed,
// audited and offered in the questionnaire preview at once; importing it again says it is
// there already; a physio sees no questionnaire import either. The screen is rendered every way
// (fhir-*.png and questionnaire-*.png in build/screenshots: look at them).
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/exportcontroller.h"
#include "app/instrumentcatalog.h"

#include <QDir>
#include <QGuiApplication>
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

int auditedQuestionnaires()
{
    return count(
        QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'import-questionnaire'"));
}

// Every table a bundle import writes to, and the audit log.
QStringList clinicContent()
{
    QStringList out;
    for (const char *t : {"patient", "guardian", "episode", "session", "response", "answer",
                          "score", "alert", "audit"})
        out << QStringLiteral("%1=%2")
                   .arg(QLatin1String(t))
                   .arg(count(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(t)));
    return out;
}

// A copy of the questionnaires folder (with its archive) the app loads and imports into, so
// the test never writes into the source tree.
bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QDir source(from);
    for (const QFileInfo &entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir() ? !copyFolder(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
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

    void aMalformedQuestionnaireListsItsPathsAndAddsNothing()
    {
        // The synthetic form with two things Triad cannot honour: a conditional question and a
        // repeating one.
        QJsonObject form =
            readJson(QStringLiteral(TRIAD_TEST_DATA "/fhir/synthetic-session-check.json"));
        QVERIFY(!form.isEmpty());
        QJsonArray items = form.value(QStringLiteral("item")).toArray();
        QJsonObject group = items.at(0).toObject();
        QJsonArray questions = group.value(QStringLiteral("item")).toArray();
        QJsonObject first = questions.at(0).toObject();
        first.insert(QStringLiteral("repeats"), true);
        questions[0] = first;
        group.insert(QStringLiteral("item"), questions);
        items[0] = group;
        QJsonObject last = items.at(items.size() - 1).toObject();
        last.insert(QStringLiteral("enableWhen"),
                    QJsonArray{QJsonObject{{QStringLiteral("question"), QStringLiteral("1.1")},
                                           {QStringLiteral("operator"), QStringLiteral("exists")},
                                           {QStringLiteral("answerBoolean"), true}}});
        items[items.size() - 1] = last;
        form.insert(QStringLiteral("item"), items);
        const QString bad = m_out.filePath(QStringLiteral("broken-questionnaire.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(form).toJson());
        f.close();

        // The section as the lead finds it, and at twice the text size in portrait.
        QVERIFY(m_ui.click(QStringLiteral("Questionnaire file to import")));
        m_ui.settle();
        m_ui.screenshot(QStringLiteral("questionnaire-section"));
        QStringList looks = m_ui.smallTargets() + m_ui.clippedTexts();
        auto *session = app::ClinicSession::instance();
        m_ui.window()->resize(800, 1280);
        session->setFontScale(2.0);
        m_ui.settle(400);
        QVERIFY(m_ui.click(QStringLiteral("Questionnaire file to import")));
        m_ui.settle(400);
        m_ui.screenshot(QStringLiteral("questionnaire-section-font2-portrait"));
        looks << m_ui.smallTargets() << m_ui.clippedTexts();
        session->setFontScale(1.0);
        m_ui.window()->resize(1280, 800);
        m_ui.settle(400);
        QVERIFY2(looks.isEmpty(), qPrintable(looks.join(QStringLiteral(" | "))));

        const QString folder = InstrumentLibrary::clinicFolder();
        const QStringList formsBefore = filesIn(folder);
        const int catalogBefore = app::InstrumentCatalog::instance()->rowCount();
        const int auditBefore = count(QStringLiteral("SELECT COUNT(*) FROM audit"));
        QVERIFY(setField(QStringLiteral("Questionnaire file to import"), bad));
        // Who answers and what it measures, as the synthetic form does not say.
        QQuickItem *who = m_ui.find(QStringLiteral("Who answers it"));
        QQuickItem *what = m_ui.find(QStringLiteral("What its questions measure"));
        QVERIFY(who && what);
        who->setProperty("currentIndex", 2);  // a parent
        what->setProperty("currentIndex", 3); // the bond
        QVERIFY(m_ui.click(QStringLiteral("Import questionnaire")));
        QVERIFY(testing::waitFor(
            [&] { return message().contains(QStringLiteral("nothing was imported")); }));
        QVERIFY(exporter()->failed());
        const QStringList problems = exporter()->problems();
        QVERIFY2(problems.size() >= 2, qPrintable(problems.join(QStringLiteral(" | "))));
        QVERIFY2(message().startsWith(QStringLiteral("%1 problems in").arg(problems.size())),
                 qPrintable(message()));
        bool repeats = false, enableWhen = false;
        for (const QString &p : problems) {
            repeats = repeats || p.startsWith(QStringLiteral("item[0].item[0].repeats: "));
            enableWhen =
                enableWhen ||
                p.startsWith(QStringLiteral("item[%1].enableWhen: ").arg(items.size() - 1));
        }
        QVERIFY2(repeats && enableWhen, qPrintable(problems.join(QStringLiteral(" | "))));
        m_ui.settle();
        QQuickItem *list = m_ui.find(QStringLiteral("Import problems"));
        QVERIFY(list);
        QCOMPARE(list->property("count").toInt(), problems.size());
        // No confirmation offered, nothing written, nothing audited, the catalog as it was.
        QCOMPARE(m_ui.find(QStringLiteral("Add questionnaire")), nullptr);
        QCOMPARE(exporter()->pendingQuestionnaire(), QVariantMap());
        QCOMPARE(filesIn(folder), formsBefore);
        QCOMPARE(app::InstrumentCatalog::instance()->rowCount(), catalogBefore);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM audit")), auditBefore);
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("questionnaire-problems")), QStringList());
    }

    void aQuestionnaireIsShownConfirmedAndOffered()
    {
        const QString source = QStringLiteral(TRIAD_TEST_DATA "/fhir/synthetic-session-check.json");
        const QString title = QStringLiteral("Synthetic session check (test wording only)");
        auto *catalog = app::InstrumentCatalog::instance();
        QCOMPARE(catalog->find(QStringLiteral("synthetic-session-check")), nullptr);
        const int catalogBefore = catalog->rowCount();
        const int auditedBefore = auditedQuestionnaires();
        QVERIFY(setField(QStringLiteral("Questionnaire file to import"), source));
        // The synthetic form says neither who answers it nor what its questions measure.
        QQuickItem *who = m_ui.find(QStringLiteral("Who answers it"));
        QQuickItem *what = m_ui.find(QStringLiteral("What its questions measure"));
        QVERIFY(who && what);
        who->setProperty("currentIndex", 2);  // a parent
        what->setProperty("currentIndex", 3); // the bond
        QVERIFY(m_ui.click(QStringLiteral("Import questionnaire")));
        // What will be added, before anything is written.
        QVERIFY(m_ui.waitFor(QStringLiteral("Add questionnaire")));
        QQuickItem *summary = m_ui.find(QStringLiteral("Questionnaire to add"));
        QVERIFY(summary);
        const QString shown = summary->property("text").toString();
        for (const QString &fact :
             {title, QStringLiteral("Version 1.2.0"), QStringLiteral("4 questions"),
              QStringLiteral("answered by a parent"), QStringLiteral("English (en)"),
              QStringLiteral("Dutch (nl)")})
            QVERIFY2(shown.contains(fact), qPrintable(shown));
        QVERIFY(!QFileInfo::exists(QDir(InstrumentLibrary::clinicFolder())
                                       .filePath(QStringLiteral("synthetic-session-check.json"))));
        QCOMPARE(auditedQuestionnaires(), auditedBefore);
        m_ui.settle();
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("questionnaire-confirm")), QStringList());
        // Both buttons stay on screen at twice the text size in portrait (the facts scroll).
        auto *session = app::ClinicSession::instance();
        m_ui.window()->resize(800, 1280);
        session->setFontScale(2.0);
        m_ui.settle(400);
        QQuickItem *add = m_ui.find(QStringLiteral("Add questionnaire"));
        QQuickItem *keep = m_ui.find(QStringLiteral("Do not add"));
        const bool buttonsInView =
            add && keep &&
            add->mapToScene(QPointF(0, add->height())).y() <= m_ui.window()->height() &&
            keep->mapToScene(QPointF(0, keep->height())).y() <= m_ui.window()->height();
        session->setFontScale(1.0);
        m_ui.window()->resize(1280, 800);
        m_ui.settle(400);
        QVERIFY(buttonsInView);

        // "Do not add" adds nothing; asked again, the lead adds it.
        QVERIFY(m_ui.click(QStringLiteral("Do not add")));
        QVERIFY(testing::waitFor(
            [&] { return message().startsWith(QStringLiteral("Nothing was added")); }));
        QVERIFY(!exporter()->questionnaireWaiting());
        QCOMPARE(catalog->rowCount(), catalogBefore);
        QCOMPARE(auditedQuestionnaires(), auditedBefore);
        QVERIFY(m_ui.click(QStringLiteral("Import questionnaire")));
        QVERIFY(m_ui.waitFor(QStringLiteral("Add questionnaire")));
        QVERIFY(m_ui.click(QStringLiteral("Add questionnaire")));
        QVERIFY(testing::waitFor([&] { return message().startsWith(QStringLiteral("Added ")); }));
        QVERIFY2(message().contains(title), qPrintable(message()));
        const QString written = QDir(InstrumentLibrary::clinicFolder())
                                    .filePath(QStringLiteral("synthetic-session-check.json"));
        QVERIFY(QFileInfo::exists(written));
        QCOMPARE(exporter()->lastPath(), written);
        // Into the clinic's own forms, never the installed folder (read-only on a kiosk).
        QCOMPARE(QFileInfo(written).absolutePath(),
                 QDir(InstrumentLibrary::clinicFolder()).absolutePath());
        QVERIFY(
            !QFileInfo::exists(QDir(catalog->folder()).filePath(QFileInfo(written).fileName())));
        // Offered at once: the catalog reloaded, and the audit log names form and version.
        QCOMPARE(catalog->rowCount(), catalogBefore + 1);
        const Instrument *added = catalog->find(QStringLiteral("synthetic-session-check"));
        QVERIFY(added);
        QCOMPARE(added->version, QStringLiteral("1.2.0"));
        QCOMPARE(added->respondent, Respondent::Parent);
        QCOMPARE(auditedQuestionnaires(), auditedBefore + 1);
        QSqlQuery q = app::ClinicSession::instance()->database().query();
        QVERIFY(q.exec(QStringLiteral("SELECT row_id FROM audit WHERE action = "
                                      "'import-questionnaire' ORDER BY seq DESC LIMIT 1")) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("synthetic-session-check@1.2.0"));
        m_ui.settle();
        QCOMPARE(m_ui.find(QStringLiteral("Add questionnaire")), nullptr);
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("questionnaire-added")), QStringList());

        // The same file again: it is there already, and nothing is duplicated.
        const QStringList forms = filesIn(InstrumentLibrary::clinicFolder());
        QVERIFY(m_ui.click(QStringLiteral("Import questionnaire")));
        QVERIFY(testing::waitFor(
            [&] { return message().contains(QStringLiteral("already in this clinic")); }));
        QVERIFY(exporter()->failed());
        m_ui.settle();
        QCOMPARE(m_ui.find(QStringLiteral("Add questionnaire")), nullptr);
        QCOMPARE(filesIn(InstrumentLibrary::clinicFolder()), forms);
        QCOMPARE(catalog->rowCount(), catalogBefore + 1);
        QCOMPARE(auditedQuestionnaires(), auditedBefore + 1);

        // And the new form is in the questionnaire preview, ready to try.
        QVERIFY(m_ui.click(QStringLiteral("Back")));
        QVERIFY(m_ui.openPreview());
        QVERIFY(
            m_ui.waitFor(QStringLiteral("Try %1").arg(title), 10000, UiDriver::BelowTheFoldToo));
        QVERIFY(m_ui.click(QStringLiteral("Back")));
        QVERIFY(m_ui.click(QStringLiteral("Back")));
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
        QCOMPARE(m_ui.find(QStringLiteral("Questionnaire file to import")), nullptr);
        QCOMPARE(m_ui.find(QStringLiteral("Import questionnaire")), nullptr);
        object.reset();
        // And the controller refuses.
        app::ExportController controller;
        QVERIFY(controller.importFhir(m_bundle).contains(QStringLiteral("lead or admin")));
        const QString folder = m_out.filePath(QStringLiteral("physio"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(controller.exportFhir(folder, false, false).contains(QStringLiteral("lead")));
        QCOMPARE(filesIn(folder), QStringList());
        const QStringList forms = filesIn(InstrumentLibrary::clinicFolder());
        QVERIFY(controller
                    .checkQuestionnaire(
                        QStringLiteral(TRIAD_TEST_DATA "/fhir/synthetic-session-check.json"),
                        QStringLiteral("parent"), QStringLiteral("bond"))
                    .contains(QStringLiteral("lead or admin")));
        QCOMPARE(controller.pendingQuestionnaire(), QVariantMap());
        QVERIFY(controller.importQuestionnaire().contains(QStringLiteral("lead or admin")));
        QCOMPARE(filesIn(InstrumentLibrary::clinicFolder()), forms);
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

    void aCancelledImportLeavesTheClinicAsItWas()
    {
        const QStringList before = clinicContent();
        app::ExportController *controller = exporter();
        QVERIFY(controller);
        // Every step repaints, so Cancel is tapped at the first move of the bar: with the demo's
        // hundreds of steps that is mid-way whatever the machine's speed.
        controller->setStepDelayForTesting(1);
        bool clicked = false, barShown = false;
        qreal progressSeen = -1;
        const auto connection = connect(controller, &app::ExportController::changed, this, [&] {
            if (progressSeen >= 0 || !controller->busy() || controller->progress() <= 0)
                return;
            progressSeen = controller->progress();
            // Tapped from the event loop the import lets run between steps.
            QTimer::singleShot(0, this, [&] {
                barShown = m_ui.find(QStringLiteral("Import progress")) != nullptr;
                m_ui.screenshot(QStringLiteral("fhir-import-progress"));
                clicked = m_ui.click(QStringLiteral("Cancel import"));
            });
        });
        QVERIFY(setField(QStringLiteral("Bundle file to import"), m_bundle));
        QVERIFY(m_ui.click(QStringLiteral("Import bundle")));
        QVERIFY(testing::waitFor(
            [&] { return message().startsWith(QStringLiteral("Import cancelled")); }, 120000));
        disconnect(connection);
        controller->setStepDelayForTesting(0);
        QVERIFY2(clicked, "the Cancel import button was on screen during the import");
        QVERIFY(barShown);
        QVERIFY2(progressSeen > 0 && progressSeen < 0.5, qPrintable(QString::number(progressSeen)));
        QVERIFY(exporter()->failed());
        QVERIFY2(message().contains(QDir::toNativeSeparators(m_bundle)), qPrintable(message()));
        // Exactly as it was: no patient, session, response, card, and no audit entry.
        QCOMPARE(clinicContent(), before);
        m_ui.settle();
        QCOMPARE(m_ui.find(QStringLiteral("Cancel import")), nullptr);
        QCOMPARE(m_ui.screenshotEveryWay(QStringLiteral("fhir-import-cancelled")), QStringList());
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
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    // The questionnaires the app loads and the questionnaire import adds to: a copy.
    const QString forms = dir.filePath(QStringLiteral("questionnaires"));
    if (!copyFolder(QStringLiteral(TRIAD_QUESTIONNAIRES), forms))
        return 2;
    qputenv("TRIAD_QUESTIONNAIRES", forms.toUtf8());
    // The clinic's own forms, where the questionnaire import writes: a folder of this run's.
    qputenv("TRIAD_CLINIC_FORMS", dir.filePath(QStringLiteral("clinic-questionnaires")).toUtf8());
    TestFhirScreen test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_fhirscreen.moc"
