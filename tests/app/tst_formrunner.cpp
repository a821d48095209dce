// Runs each form end to end through the real QML, as a person would, and checks the
// scores shown at the end.
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/questionnairemodel.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPointer>
#include <QTemporaryDir>
#include <QtTest>

using triad::test::UiDriver;

class TestFormRunner : public QObject
{
    Q_OBJECT

    // Opens a form from the preview list ("Try <title>"); its runner, or null.
    static QQuickItem *tryForm(UiDriver &ui, const QString &title)
    {
        const QString name = QStringLiteral("Try %1").arg(title);
        if (!ui.waitFor(name) || !ui.click(name))
            return nullptr;
        QQuickItem *runner = nullptr;
        std::function<void(QQuickItem *)> look = [&](QQuickItem *item) {
            if (item->property("tapGuardMs").isValid() && item->isVisible())
                runner = item;
            for (QQuickItem *child : item->childItems())
                look(child);
        };
        look(ui.window()->contentItem());
        return runner;
    }

private slots:
    void initTestCase() { triad::app::prepareStyle(); }

    void childFormAllHappyFacesScores100()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.openPreview());
        QVERIFY(ui.waitFor(QStringLiteral("Try How was physio today? (4–7 years)")));
        QVERIFY(ui.click(QStringLiteral("Try How was physio today? (4–7 years)")));
        QVERIFY(ui.click(QStringLiteral("Start")));
        ui.settle(600); // past the tap guard: the first question has just appeared
        // The practice question, then the six core questions; the fourth question ("are you
        // practising for something you want to do?") is answered "Not yet", which counts as
        // missing, not as a sad face.
        for (int i = 0; i < 7; ++i) {
            const QString choice = i == 3 ? QStringLiteral("Not yet") : QStringLiteral("Yes!");
            QVERIFY2(ui.click(choice), qPrintable(QString::number(i)));
            QVERIFY(ui.click(QStringLiteral("Next")));
            ui.settle(600);
        }
        // The not-so-good bit and the something-to-tell question: Next waits for an answer;
        // skipping asks first.
        for (int i = 0; i < 2; ++i) {
            QVERIFY(!ui.find(QStringLiteral("Next"))->isEnabled());
            QVERIFY(ui.click(QStringLiteral("Skip this question")));
            QVERIFY(ui.click(QStringLiteral("Confirm: Skip it")));
            ui.settle(600);
        }
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("Check your answers")));
        // For a child who may not read yet the review is pictures: a tile per question, the
        // skipped ones showing a question mark, no list of sentences.
        QVERIFY(ui.find(QStringLiteral("Change question 8")));
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("?")));
        QVERIFY(!ui.visibleTexts().contains(QStringLiteral("Not answered")));
        // "I'm done" with a question unanswered asks before handing in.
        QVERIFY(ui.click(QStringLiteral("I'm done")));
        QVERIFY(ui.click(QStringLiteral("Confirm: Hand in")));
        ui.settle(500);
        const QStringList texts = ui.visibleTexts();
        QVERIFY2(texts.join('|').contains(QStringLiteral("100 / 100")),
                 qPrintable(texts.join('|')));
        QCOMPARE(ui.warnings(), QStringList());
    }

    // Real hands: a double tap on Next shows the next question rather than skipping it
    // unseen; a tapped face moves on by itself after a visible "Got it"; on the last (free
    // text) question the words are kept and taps where Next was cannot hand the form in.
    void tapsAChildCannotMisfire()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.openPreview());
        QQuickItem *runner = tryForm(ui, QStringLiteral("How was physio today? (8–12 years)"));
        QVERIFY(runner);
        auto *form = runner->property("questionnaire").value<triad::app::QuestionnaireModel *>();
        QVERIFY(form);
        QCOMPARE(
            form->data(form->index(form->count() - 1), triad::app::QuestionnaireModel::KindRole)
                .toString(),
            QStringLiteral("text"));
        QVERIFY(runner->property("autoAdvance").toBool()); // on for child forms by default
        QVERIFY(ui.click(QStringLiteral("Start")));
        ui.settle(600);

        // Unanswered: Next does nothing (Skip is elsewhere and asks).
        QVERIFY(ui.click(QStringLiteral("Next")));
        ui.settle(100);
        QCOMPARE(runner->property("currentIndex").toInt(), 0);

        // A double tap on Next: the first moves on, the second lands on the new question and
        // is ignored, even though that question could be passed (answered beforehand).
        QCOMPARE(triad::testing::answerRows(*form, 0, 2, 0), QString());
        QQuickItem *next = ui.find(QStringLiteral("Next"));
        QVERIFY(ui.clickItem(next));
        QVERIFY(ui.clickItem(next));
        ui.settle(100);
        QCOMPARE(runner->property("currentIndex").toInt(), 1);
        ui.settle(600);
        QVERIFY(ui.click(QStringLiteral("Next")));
        ui.settle(600);
        QCOMPARE(runner->property("currentIndex").toInt(), 2);

        // A tapped face: "Got it", then the next question by itself.
        const QVariantList choices =
            form->data(form->index(2), triad::app::QuestionnaireModel::ChoicesRole).toList();
        QVERIFY(ui.click(choices.last().toMap().value(QStringLiteral("label")).toString()));
        ui.settle(100);
        QVERIFY(runner->property("advancing").toBool());
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("✓ Got it")));
        QCOMPARE(runner->property("currentIndex").toInt(), 2);
        QTRY_COMPARE(runner->property("currentIndex").toInt(), 3);

        // Onwards to the last question, the free text.
        const int last = form->count() - 1;
        QCOMPARE(triad::testing::answerRows(*form, 3, last, 1), QString());
        while (runner->property("currentIndex").toInt() < last) {
            ui.settle(600);
            QVERIFY(ui.click(QStringLiteral("Next")));
        }
        ui.settle(600);
        // The text box carries the question's words as its name, like the label above it.
        QQuickItem *words = nullptr;
        for (QQuickItem *item :
             ui.findAll(form->data(form->index(last), triad::app::QuestionnaireModel::PromptRole)
                            .toString()))
            if (item->inherits("QQuickTextEdit"))
                words = item;
        QVERIFY(words);
        QVERIFY(ui.clickItem(words));
        ui.type(QStringLiteral("synthetic words"));
        // Straight on: Next, then two more taps on the same spot and one on "I'm done".
        next = ui.find(QStringLiteral("Next"));
        const QPoint spot =
            next->mapToScene(QPointF(next->width() / 2, next->height() / 2)).toPoint();
        QVERIFY(ui.clickItem(next));
        QTest::mouseClick(ui.window(), Qt::LeftButton, {}, spot);
        QTest::mouseClick(ui.window(), Qt::LeftButton, {}, spot);
        QVERIFY(ui.click(QStringLiteral("I'm done")));
        ui.settle(200);
        QCOMPARE(runner->property("stage").toString(), QStringLiteral("review"));
        // The words were saved as typed, before the page moved.
        QCOMPARE(form->answers().value(form->instrument().items.at(last).id).toString(),
                 QStringLiteral("synthetic words"));
        // A deliberate tap hands it in (everything answered: no question asked).
        ui.settle(600);
        // The preview replaces the form by its scores at once (the stack's exit transition
        // is immediate): the form is at "thanks" or already gone, the scores are on screen.
        const QPointer<QQuickItem> handedIn(runner);
        QVERIFY(ui.click(QStringLiteral("I'm done")));
        QTRY_VERIFY(!handedIn || handedIn->property("stage").toString() == QLatin1String("thanks"));
        QTRY_VERIFY(ui.visibleTexts().join(QLatin1Char('|')).contains(QLatin1String(" / 100")));
        QCOMPARE(ui.warnings(), QStringList());
    }

    // A form at rest draws nothing: the window presents no frame while a child looks at a
    // question or at the review. Two hidden lists once kept it redrawing for seconds after
    // "Start" (their invisible highlight grew at 400 px/s), which used the tablet's battery
    // and kept the next tap waiting behind frames nobody saw.
    void aFormAtRestDrawsNothing()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(ui.openPreview());
        QQuickItem *runner = tryForm(ui, QStringLiteral("Physio: a parent's view"));
        QVERIFY(runner);
        auto *form = runner->property("questionnaire").value<triad::app::QuestionnaireModel *>();
        QVERIFY(form);
        int frames = 0;
        QElapsedTimer sinceFrame;
        sinceFrame.start();
        connect(ui.window(), &QQuickWindow::frameSwapped, this, [&] {
            ++frames;
            sinceFrame.restart();
        });
        // Past the short slide and the tap guard (500 ms), the window falls quiet: a last
        // frame may come late on a loaded machine (the sanitized suite runs two at once), so
        // it is given until 1.3 s after the tap to stop drawing for 300 ms; then a whole
        // second is counted. The old lists drew every frame for about two seconds (43 and 96
        // frames in that second); a form at rest draws none here. The sanitized suite twice
        // saw a single stray frame in that second, at a different step each time (not found
        // why): up to two are let pass, which no list drawing at every vsync would.
        const auto framesWhileStill = [&] {
            ui.settle(700);
            QElapsedTimer waited;
            waited.start();
            while (sinceFrame.elapsed() < 300 && waited.elapsed() < 600)
                QTest::qWait(20);
            frames = 0;
            QTest::qWait(1000);
            return frames;
        };

        QVERIFY(ui.click(QStringLiteral("Start")));
        QCOMPARE(runner->property("stage").toString(), QStringLiteral("question"));
        int still = framesWhileStill();
        QVERIFY2(still <= 2, qPrintable(QString::number(still)));

        // Every question answered, then Next to the review.
        QCOMPARE(triad::testing::answerRows(*form, 0, form->count() - 1, 1), QString());
        while (runner->property("stage").toString() == QLatin1String("question")) {
            ui.settle(600);
            QVERIFY(ui.click(QStringLiteral("Next")));
        }
        QCOMPARE(runner->property("stage").toString(), QStringLiteral("review"));
        still = framesWhileStill();
        QVERIFY2(still <= 2, qPrintable(QString::number(still)));

        // Back from the review to a question.
        QVERIFY(ui.click(QStringLiteral("Change question 1")));
        QCOMPARE(runner->property("currentIndex").toInt(), 0);
        still = framesWhileStill();
        QVERIFY2(still <= 2, qPrintable(QString::number(still)));
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestFormRunner test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_formrunner.moc"
