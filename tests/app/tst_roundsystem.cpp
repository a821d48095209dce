// The end-of-session round as the people in the room do it, through the real QML: a child of
// 6, then the parent, then the physio, every answer given by tapping the control a person
// would tap (found by its Accessible.name). Then the database must hold three completed
// responses with the scores the answers give. Synthetic demo clinic only.
#include "demoscreens.h"
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/episodecontroller.h"
#include "app/patienteditor.h"
#include "app/roundflow.h"
#include "core/instrument/scoring.h"

#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

using namespace triad::test;
using triad::app::QuestionnaireModel;

namespace {

QString prompt(const QuestionnaireModel &form, int row)
{
    return form.data(form.index(row), QuestionnaireModel::PromptRole).toString();
}

QString kind(const QuestionnaireModel &form, int row)
{
    return form.data(form.index(row), QuestionnaireModel::KindRole).toString();
}

// Answers the open form by tapping: `choice` on faces and Likert points, "No" on yes/no, the
// middle of every slider line; free text is left empty (Next stays open there). Taps
// wait out the tap guard (FormRunner.tapGuardMs) as a person's next deliberate tap does.
// Then "I'm done" on the review, confirming when something was left unanswered.
bool answerByTapping(UiDriver &ui, QuestionnaireModel &form, const QString &choice,
                     bool yes = false)
{
    if (!ui.waitFor(QStringLiteral("Start")) || !ui.click(QStringLiteral("Start")))
        return false;
    ui.settle(600);
    for (int row = 0; row < form.count(); ++row) {
        const QString k = kind(form, row);
        bool tapped = true;
        if (k == QLatin1String("faces") || k == QLatin1String("likert"))
            tapped = ui.click(choice);
        else if (k == QLatin1String("yesno")) {
            QString label;
            for (const QVariant &c :
                 form.data(form.index(row), QuestionnaireModel::ChoicesRole).toList())
                if ((c.toMap().value(QStringLiteral("value")).toInt() == 1) == yes)
                    label = c.toMap().value(QStringLiteral("label")).toString();
            tapped = ui.click(label);
        } else if (k == QLatin1String("slider")) {
            // The line is named by its statement, like the question's label above it: tap
            // the one that takes focus, the line itself.
            QQuickItem *line = nullptr;
            for (QQuickItem *item : ui.findAll(prompt(form, row)))
                if (item->activeFocusOnTab())
                    line = item;
            tapped = ui.clickItem(line);
        }
        if (!tapped) {
            qWarning("could not answer question %d (%s)", row + 1, qPrintable(k));
            return false;
        }
        if (!ui.click(QStringLiteral("Next")))
            return false;
        ui.settle(600); // the next question slides in; nobody taps faster than the guard
    }
    if (!ui.waitFor(QStringLiteral("I'm done")) || !ui.click(QStringLiteral("I'm done")))
        return false;
    ui.settle();
    if (form.answeredCount() < form.count())
        return ui.click(QStringLiteral("Confirm: Hand in"));
    return true;
}

} // namespace

class TestRoundSystem : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { triad::app::prepareStyle(); }

    void childOfSixParentAndPhysio()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));

        // A new child who is 6 today, with an episode: the 4-7 form must be picked.
        triad::app::PatientEditor editor;
        editor.setName(QStringLiteral("Mira Demo"));
        editor.setBirthDate(QDate::currentDate().addYears(-6).addDays(-40).toString(Qt::ISODate));
        editor.setGuardians({QVariantMap{{QStringLiteral("name"), QStringLiteral("Tom Demo")},
                                         {QStringLiteral("relation"), QStringLiteral("father")}}});
        QCOMPARE(editor.save(), QString());
        triad::app::EpisodeController episode;
        QCOMPARE(episode.create(editor.patientId(), QStringLiteral("hypermobility"),
                                QStringLiteral("Synthetic goal: play football again")),
                 QString());
        // Made here rather than through the editor screen; "My patients" reloads at sign-in.
        triad::app::ClinicSession::instance()->signOut();
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        const QVariantMap patient = findDemoPatient([&](const QVariantMap &p) {
            return p.value(QStringLiteral("patientId")).toString() == editor.patientId();
        });
        QVERIFY(!patient.isEmpty());
        QCOMPARE(patient.value(QStringLiteral("age")).toInt(), 6);
        QVERIFY(openEpisode(ui, patient));

        auto *flow = triad::app::RoundFlow::instance();
        QVERIFY(runRoundToForm(ui));
        QCOMPARE(flow->currentInstrumentId(), QStringLiteral("triad-child-4to7"));
        QVERIFY(flow->patientMode());
        // A 4-year-old's form on a tablet that cannot speak (TRIAD_NO_SPEECH): no greyed-out
        // "Read aloud" anywhere, the intro says a grown-up reads, Start is a picture.
        QVERIFY(ui.find(QStringLiteral("Read aloud")) == nullptr);
        QVERIFY(ui.visibleTexts().contains(
            QStringLiteral("A grown-up reads each question aloud to you.")));
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("▶  Start")));
        ui.screenshot(QStringLiteral("round-child-4to7-no-speech-intro"));
        QVERIFY(answerByTapping(ui, *flow->questionnaire(), QStringLiteral("Yes!"), true));

        // The parent: a neutral thank-you screen whose only way on is a press-and-hold
        // naming the parent. The child tapping around (a tap on the hold button included)
        // opens nothing; only the hold does. Then their own form (never the child's answers).
        QTRY_COMPARE(flow->stage(), QStringLiteral("handover"));
        ui.settle();
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Thank you!")));
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Please give the tablet to Tom")));
        QVERIFY(ui.find(QStringLiteral("Start my questions")) == nullptr);
        QVERIFY(ui.find(QStringLiteral("English")) == nullptr);
        ui.screenshot(QStringLiteral("round-handover-gate"));
        QVERIFY(ui.click(QStringLiteral("Press and hold to start")));
        QVERIFY(ui.click(QStringLiteral("Press and hold to start")));
        QVERIFY(holdHandoverGate(ui, 600)); // let go too early
        QCOMPARE(flow->stage(), QStringLiteral("handover"));
        QVERIFY(flow->handoverGate());
        QVERIFY(holdHandoverGate(ui));
        QTRY_VERIFY(!flow->handoverGate());
        QVERIFY(startOnHandover(ui));
        QTRY_COMPARE(flow->stage(), QStringLiteral("form"));
        QCOMPARE(flow->currentInstrumentId(), QStringLiteral("triad-parent"));
        QCOMPARE(flow->questionnaire()->answeredCount(), 0);
        QVERIFY(answerByTapping(ui, *flow->questionnaire(), QString()));

        // The physio: PIN, then their form; "Mostly" on every point.
        QTRY_COMPARE(flow->stage(), QStringLiteral("staffPin"));
        QVERIFY(tapPin(ui, QString::fromLatin1(kDemoPin)));
        QTRY_COMPARE(flow->stage(), QStringLiteral("form"));
        QCOMPARE(flow->currentInstrumentId(), QStringLiteral("triad-physio"));
        QVERIFY(!flow->patientMode());
        QVERIFY(answerByTapping(ui, *flow->questionnaire(), QStringLiteral("Mostly")));
        QTRY_COMPARE(flow->stage(), QStringLiteral("summary"));
        ui.settle();
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Session summary")));
        // The child's "yes" to "something you want to tell" reaches the physio in words.
        QVERIFY(ui.visibleTexts().contains(
            QStringLiteral("Mira answered \"yes\": there is something Mira wants to tell you. "
                           "Ask about it, in private if needed.")));
        ui.screenshot(QStringLiteral("round-summary-child-wants-to-tell"));

        // The database: three completed responses for this session, scored as answered.
        auto *ws = triad::app::ClinicSession::instance()->workspace();
        QVERIFY(ws);
        const auto stored = ws->responses.forSession(flow->sessionId());
        QCOMPARE(stored.size(), 3);
        const auto &library =
            triad::InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
        QHash<QString, triad::ScoreSet> byForm;
        for (const auto &r : stored) {
            QCOMPARE(r.record.status, triad::store::ResponseStatus::Complete);
            const triad::Instrument *form =
                library.find(r.record.instrumentId, r.record.instrumentVersion);
            QVERIFY(form);
            const triad::ScoreSet expected = triad::score(*form, r.answers);
            QCOMPARE(r.scores.total.normalised, expected.total.normalised);
            byForm.insert(r.record.instrumentId, r.scores);
        }
        // Child: "Yes!" (3 of 3) on the six scored faces -> 100 (the practice face is not
        // scored); "Yes" to the two yes/no questions is kept but not scored.
        QVERIFY(byForm.contains(QStringLiteral("triad-child-4to7")));
        QCOMPARE(byForm.value(QStringLiteral("triad-child-4to7")).total.normalised, 100.0);
        QCOMPARE(byForm.value(QStringLiteral("triad-child-4to7")).core.normalised, 100.0);
        // Physio: "Mostly" (4 of 5 = 75) on every item; no item is reverse-keyed in 2.0.0, and
        // the four parent items have their own score outside the total.
        QCOMPARE(byForm.value(QStringLiteral("triad-physio")).total.normalised, 75.0);
        QCOMPARE(byForm.value(QStringLiteral("triad-physio")).core.normalised, 75.0);
        QCOMPARE(byForm.value(QStringLiteral("triad-physio"))
                     .subscale(QStringLiteral("with-parent"))
                     ->normalised,
                 75.0);
        // Parent: the middle of every slider line, so about 50 whatever the reverse keying.
        const double parent = byForm.value(QStringLiteral("triad-parent")).total.normalised;
        QVERIFY2(parent > 45 && parent < 55, qPrintable(QString::number(parent)));
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestRoundSystem test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_roundsystem.moc"
