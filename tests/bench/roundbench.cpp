// bench_ui staff and round: the staff screens and a patient-mode round on a demo clinic.
#include "benchsuite.h"
#include "frameclock.h"
#include "staffbench.h"

#include "../app/demoscreens.h"
#include "../app/uidriver.h"

#include "app/clinicsession.h"
#include "app/episodecontroller.h"
#include "app/roundflow.h"
#include "core/instrument/instrumentlibrary.h"

#include <QPointer>
#include <QQuickItem>
#include <QTest>
#include <QTextStream>

namespace triad::bench {

namespace {

constexpr int kEpisodeSessions = 50;

int fail(const QString &what)
{
    QTextStream(stderr) << "bench_ui: " << what << '\n';
    return 1;
}

// A complete answer to every scored item, varied by `seed` (synthetic values only).
Answers answersFor(const Instrument &form, int seed)
{
    Answers answers;
    int row = 0;
    for (const Item &item : form.items) {
        const ResponseFormat *format = form.format(item.formatId);
        ++row;
        if (!format)
            continue;
        switch (format->kind) {
        case FormatKind::Likert:
        case FormatKind::Faces:
            answers.set(item.id, format->choices.at((row + seed) % format->choices.size()).value);
            break;
        case FormatKind::Slider:
            answers.set(item.id, double(((row + seed) * 17) % 101 / format->step * format->step));
            break;
        case FormatKind::YesNo:
            answers.set(item.id, (row + seed) % 2 == 0);
            break;
        case FormatKind::FreeText:
            break;
        }
    }
    return answers;
}

// Tops the patient's open episode up to 50 sessions of complete rounds (child, parent,
// physio), written through the store as the demo clinic writes its history. Kept in the
// database, so a second run finds it done.
bool topUpEpisode(const QVariantMap &patient)
{
    auto *ws = app::ClinicSession::instance()->workspace();
    const QString episodeId = patient.value(QStringLiteral("episodeId")).toString();
    const auto episode = ws->episodes.get(episodeId);
    const auto child = ws->patients.get(episode ? episode->patientId : QString());
    if (!episode || !child)
        return false;
    const auto existing = ws->sessions.forEpisode(episodeId);
    const auto guardians = ws->patients.guardians(child->id);
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    QDate date = existing.isEmpty() ? QDate::currentDate() : existing.first().date;
    // The child's form of today for every added session (earlier dates could fall before
    // the youngest form's age).
    const Instrument *childForm = library.childFormFor(child->birthDate, QDate::currentDate());
    for (int s = int(existing.size()); s < kEpisodeSessions; ++s) {
        date = date.addDays(-7);
        const auto session = ws->sessions.create(episodeId, episode->physioId, date, {});
        if (!session) {
            QTextStream(stderr) << "session: "
                                << app::ClinicSession::instance()->database().lastError().message()
                                << '\n';
            return false;
        }
        const Instrument *forms[] = {childForm, library.formFor(Respondent::Parent),
                                     library.formFor(Respondent::Physio)};
        for (const Instrument *form : forms) {
            if (!form) {
                QTextStream(stderr) << "no form\n";
                return false;
            }
            const QString guardian = form->respondent == Respondent::Parent && !guardians.isEmpty()
                                         ? guardians.first().id
                                         : QString();
            const auto draft = ws->responses.startDraft(session->id, form->respondent, *form,
                                                        QStringLiteral("en"), guardian);
            if (!draft || !ws->responses.complete(draft->id, *form, answersFor(*form, s))) {
                QTextStream(stderr)
                    << "response: "
                    << app::ClinicSession::instance()->database().lastError().message() << '\n';
                return false;
            }
        }
    }
    return true;
}

// Back to "My patients" and the patient's row found by code.
bool showPatientRow(test::UiDriver &ui, const QVariantMap &patient, QString *row)
{
    while (ui.find(QStringLiteral("Back")) && !ui.find(QStringLiteral("New patient")))
        ui.click(QStringLiteral("Back"));
    if (!ui.click(QStringLiteral("Search by code or name")))
        return false;
    ui.key(Qt::Key_End);
    for (int i = 0; i < 20; ++i)
        ui.key(Qt::Key_Backspace);
    ui.type(patient.value(QStringLiteral("code")).toString());
    *row = QStringLiteral("Open %1 (%2)")
               .arg(patient.value(QStringLiteral("name")).toString(),
                    patient.value(QStringLiteral("code")).toString());
    // The search field's blinking cursor would draw a frame every 500 ms: focus leaves it.
    ui.window()->contentItem()->forceActiveFocus();
    ui.settle(300);
    return ui.waitFor(*row);
}

} // namespace

int runStaffScreens(int runs)
{
    test::UiDriver ui;
    FrameClock clock;
    if (!ui.loadMain())
        return fail(QStringLiteral("could not load the app"));
    // The sign-in at this clinic's size: the UI thread's longest turn from the tap until the
    // first staff screen (My patients, every patient for the admin) has settled.
    app::ClinicSession *session = app::ClinicSession::instance();
    if (session->state() == QLatin1String("signIn")) {
        ui.settle(300);
        for (const QVariant &member : session->staff())
            if (member.toMap().value(QStringLiteral("name")).toString() ==
                QLatin1String("Demo Admin"))
                session->signIn(member.toMap().value(QStringLiteral("staffId")).toString(),
                                QStringLiteral("demo-passphrase-admin"));
        qint64 busy = 0;
        if (!spinUntil([session] { return session->state() == QLatin1String("signedIn"); }, 60000,
                       &busy))
            return fail(QStringLiteral("could not sign in as Demo Admin"));
        spinUntil([] { return false; }, 500, &busy);
        printSample("signin_ui_blocked_ms", busy / 1e6);
    }
    if (!ui.enterDemoClinic())
        return fail(QStringLiteral("could not sign in to the demo clinic"));
    clock.attach(ui.window());
    // The admin sees every patient: the longest list, and the dashboard.
    const QVariantMap patient = test::findDemoPatient([](const QVariantMap &) { return true; });
    if (patient.isEmpty() || !topUpEpisode(patient))
        return fail(QStringLiteral("no episode of %1 sessions").arg(kEpisodeSessions));
    QString row;
    if (!showPatientRow(ui, patient, &row))
        return fail(QStringLiteral("patient row not found"));
    // The first episode open after sign-in (and after responses were saved): the clinic
    // figures are still being worked out on the worker thread then (issue 12), a figure of
    // its own, not one of the episode_open_ms samples.
    if (!timedTap(ui, clock, row, "staff_first_open_ms", "staff_frame_gap_ms",
                  "staff_ui_blocked_ms"))
        return fail(QStringLiteral("episode did not open"));
    if (!timedTap(ui, clock, QStringLiteral("Back"), "staff_back_ms", "staff_frame_gap_ms",
                  "staff_ui_blocked_ms"))
        return fail(QStringLiteral("Back did not work"));
    ui.settle(200);
    for (int run = 0; run < runs; ++run) {
        if (!timedTap(ui, clock, row, "episode_open_ms", "staff_frame_gap_ms",
                      "staff_ui_blocked_ms"))
            return fail(QStringLiteral("episode did not open"));
        if (!ui.find(QStringLiteral("End-of-session round")) &&
            !ui.waitFor(QStringLiteral("End-of-session round"), 5000,
                        test::UiDriver::BelowTheFoldToo))
            return fail(QStringLiteral("not the episode screen"));
        if (!timedTap(ui, clock, QStringLiteral("Back"), "staff_back_ms", "staff_frame_gap_ms",
                      "staff_ui_blocked_ms"))
            return fail(QStringLiteral("Back did not work"));
        if (!timedTap(ui, clock, QStringLiteral("Dashboard"), "dashboard_open_ms",
                      "staff_frame_gap_ms", "staff_ui_blocked_ms"))
            return fail(QStringLiteral("dashboard did not open"));
        if (!timedTap(ui, clock, QStringLiteral("Back"), "staff_back_ms", "staff_frame_gap_ms",
                      "staff_ui_blocked_ms"))
            return fail(QStringLiteral("Back did not work"));
        ui.settle(200);
    }
    return 0;
}

namespace {

class RoundTapper
{
public:
    RoundTapper(test::UiDriver &ui, FrameClock &clock)
        : m_ui(ui)
        , m_clock(clock)
    {}

    int taps = 0;

    // A tap and what the screen did; counted as a patient-mode tap when in patient mode.
    void tapItem(QQuickItem *item)
    {
        const bool patientMode = app::RoundFlow::instance()->patientMode();
        const qint64 t = tap(m_ui, item);
        const FrameClock::Response r = m_clock.waitSettled(t, 150, 5000);
        if (!r.changed)
            return;
        if (patientMode) {
            ++taps;
            printSample("tap_to_next_ms", r.firstMs);
            printSample("tap_to_settled_ms", r.settledMs);
            printSample("patient_frame_gap_ms", r.longestGapMs);
        }
        printSample("frame_gap_ms", r.longestGapMs);
    }
    bool tapNamed(const QString &name)
    {
        QQuickItem *item = m_ui.find(name);
        if (!item)
            return false;
        tapItem(item);
        return true;
    }

    // One form, question by question: an answer, then Next. While fewer than `target`
    // taps were made, the respondent goes back to the first question and forward again.
    bool runForm(int target, bool measureMemory)
    {
        // The form on screen (the previous respondent's may still await its deletion).
        QPointer<QQuickItem> runner;
        spinUntil(
            [&] {
                for (auto *item :
                     m_ui.window()->findChildren<QQuickItem *>(QStringLiteral("patientForm")))
                    if (item->isVisible() &&
                        item->property("stage").toString() != QLatin1String("thanks"))
                        runner = item;
                return runner != nullptr;
            },
            5000);
        if (!runner)
            return why(QStringLiteral("no form on screen"));
        m_ui.settle(300);
        if (measureMemory)
            printSample("pss_mib", procMiB("/proc/self/smaps_rollup", "Pss"));
        const auto unguarded = [runner] {
            return spinUntil(
                [runner] { return !runner || !runner->property("tapGuarded").toBool(); }, 3000);
        };
        if (runner->property("stage").toString() == QLatin1String("intro") &&
            !tapNamed(QStringLiteral("Start")))
            return why(QStringLiteral("no \"Start\""));
        QQuickItem *pages = nullptr;
        for (QQuickItem *item : runner->findChildren<QQuickItem *>())
            if (item->inherits("QQuickListView") &&
                item->property("orientation").toInt() == Qt::Horizontal)
                pages = item;
        auto *model = runner->property("questionnaire").value<QObject *>();
        if (!pages || !model)
            return why(QStringLiteral("no question pages"));
        const int count = model->property("count").toInt();
        int pass = 0;
        for (;;) {
            for (int index = pages->property("currentIndex").toInt(); index < count; ++index) {
                answer(pages, index + pass);
                if (index + 1 == count && taps < target)
                    break;
                QQuickItem *next = m_ui.find(QStringLiteral("Next"));
                if (!next || !next->isEnabled() || !unguarded())
                    return why(QStringLiteral("Next not there or not enabled at question %1 (%2)")
                                   .arg(index + 1)
                                   .arg(model->property("count").toInt()));
                tapItem(next);
            }
            if (runner->property("stage").toString() == QLatin1String("review"))
                break;
            // Back to the first question, one tap at a time, then forward again.
            ++pass;
            while (pages->property("currentIndex").toInt() > 0) {
                if (!unguarded() || !tapNamed(QStringLiteral("Back")))
                    return why(QStringLiteral("no Back"));
            }
        }
        if (!unguarded() || !tapNamed(QStringLiteral("I'm done")))
            return why(QStringLiteral("no \"I'm done\""));
        // A question left without an answer (free text is optional): hand in anyway.
        // (Handed in, the round moves on and the form is gone.)
        if (runner && runner->property("stage").toString() == QLatin1String("review") &&
            !tapNamed(QStringLiteral("Confirm: Hand in")))
            return why(QStringLiteral("the form was not handed in"));
        return true;
    }
    static bool why(const QString &problem)
    {
        QTextStream(stderr) << "bench_ui: " << problem << '\n';
        return false;
    }

private:
    // Taps an answer on the question showing: a face, a Likert choice, yes/no, a point on
    // the slider. Free text is optional: no tap.
    void answer(QQuickItem *pages, int seed)
    {
        auto *page = pages->property("currentItem").value<QQuickItem *>();
        if (!page)
            return;
        QList<QQuickItem *> buttons;
        QQuickItem *slider = nullptr;
        std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
            // The 0-100 line (QuestionSlider): its handle shows only once answered.
            if (item->objectName() == QLatin1String("sliderHandle"))
                slider = item->parentItem();
            if (!item->isVisible())
                return;
            if (item->inherits("QQuickAbstractButton"))
                buttons << item;
            for (QQuickItem *child : item->childItems())
                walk(child);
        };
        walk(page);
        if (slider) {
            const qreal x = slider->width() * (0.15 + 0.1 * (seed % 7));
            const QPoint at = slider->mapToScene(QPointF(x, slider->height() / 2)).toPoint();
            const bool patientMode = app::RoundFlow::instance()->patientMode();
            const qint64 t = monotonicNs();
            QTest::mouseClick(m_ui.window(), Qt::LeftButton, Qt::NoModifier, at);
            const FrameClock::Response r = m_clock.waitSettled(t, 150, 5000);
            if (r.changed && patientMode) {
                ++taps;
                printSample("tap_to_next_ms", r.firstMs);
                printSample("tap_to_settled_ms", r.settledMs);
                printSample("patient_frame_gap_ms", r.longestGapMs);
            }
            if (r.changed)
                printSample("frame_gap_ms", r.longestGapMs);
        } else if (!buttons.isEmpty()) {
            tapItem(buttons.at(seed % buttons.size()));
        }
    }

    test::UiDriver &m_ui;
    FrameClock &m_clock;
};

} // namespace

int runRound(int target)
{
    test::UiDriver ui;
    FrameClock clock;
    if (!ui.loadMain() || !ui.enterDemoClinic())
        return fail(QStringLiteral("could not sign in to the demo clinic"));
    clock.attach(ui.window());
    if (!test::signInAsDemo(ui, QStringLiteral("Demo Physio 1"),
                            QStringLiteral("demo-passphrase-1")))
        return fail(QStringLiteral("could not sign in as Demo Physio 1"));
    // Every answer and Next is a tap of its own (no auto-advance after a face).
    app::ClinicSession::instance()->setAutoAdvanceChild(false);
    app::ClinicSession::instance()->setAutoAdvanceAdult(false);
    const QVariantMap patient = test::findDemoPatient([](const QVariantMap &) { return true; });
    if (patient.isEmpty() || !test::openEpisode(ui, patient) || !test::runRoundToForm(ui))
        return fail(QStringLiteral("could not start a round"));
    auto *flow = app::RoundFlow::instance();
    RoundTapper tapper(ui, clock);
    bool first = true;
    for (int step = 0; step < 40; ++step) {
        const QString stage = flow->stage();
        if (stage == QLatin1String("form")) {
            if (!tapper.runForm(first ? target : 0, first))
                return fail(
                    QStringLiteral("could not answer the form (%1 taps so far)").arg(tapper.taps));
            first = false;
        } else if (stage == QLatin1String("handover")) {
            if (ui.find(QStringLiteral("Press and hold to start")))
                test::holdHandoverGate(ui);
            else
                test::startOnHandover(ui);
        } else if (stage == QLatin1String("language")) {
            ui.click(QStringLiteral("English"));
        } else if (stage == QLatin1String("staffPin")) {
            test::tapPin(ui, QString::fromLatin1(test::kDemoPin));
        } else if (stage == QLatin1String("plan")) {
            if (!tapper.tapNamed(QStringLiteral("Go on with the round")))
                return fail(QStringLiteral("no \"Go on with the round\""));
        } else if (stage == QLatin1String("summary")) {
            break;
        }
        spinUntil([&] { return flow->stage() != stage; }, 5000);
        ui.settle(300);
    }
    if (flow->stage() != QLatin1String("summary"))
        return fail(
            QStringLiteral("the round did not reach its summary (stage %1)").arg(flow->stage()));
    // The summary shows the scores at once; its cards follow when the clinic figures, worked
    // out again on the worker, arrive. The UI thread's longest turn until then (the cards
    // judged, stored and shown) and the frames' longest gap after they came.
    qint64 busy = 0;
    const auto pending = [flow] {
        return flow->summary().value(QStringLiteral("figuresPending")).toBool();
    };
    const qint64 before = monotonicNs();
    if (!spinUntil([&] { return !pending(); }, 60000, &busy))
        return fail(QStringLiteral("the summary's cards did not come"));
    const qint64 came = monotonicNs();
    clock.busySince();
    const FrameClock::Response shown = clock.waitSettled(came, 150, 5000);
    if (came - before > 0)
        printSample("summary_cards_ui_blocked_ms", std::max(busy / 1e6, shown.longestBusyMs));
    printSample("peak_rss_mib", procMiB("/proc/self/status", "VmHWM"));
    QTextStream(stderr) << "bench_ui: " << tapper.taps << " patient-mode taps\n";
    return 0;
}

} // namespace triad::bench
