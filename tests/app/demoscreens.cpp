#include "demoscreens.h"

#include "app/clinicsession.h"
#include "app/episodecontroller.h"
#include "app/patientlistmodel.h"
#include "app/roundflow.h"

#include <QDeadlineTimer>
#include <QQuickItem>
#include <QTest>

namespace triad::test {

namespace {
bool waitUntil(const std::function<bool()> &done, int ms = 20000)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired())
        QTest::qWait(50);
    return done();
}
} // namespace

bool signInAsDemo(UiDriver &ui, const QString &name, const QString &passphrase)
{
    auto *session = app::ClinicSession::instance();
    const auto ensurePin = [session] {
        return session->hasPin() || session->setPin(QString::fromLatin1(kDemoPin)).isEmpty();
    };
    if (session->state() == QLatin1String("signedIn") && session->signedInName() == name)
        return ensurePin();
    session->signOut();
    QString staffId;
    for (const QVariant &member : session->staff()) {
        const QVariantMap m = member.toMap();
        if (m.value(QStringLiteral("name")).toString() == name)
            staffId = m.value(QStringLiteral("staffId")).toString();
    }
    if (staffId.isEmpty())
        return false;
    session->signIn(staffId, passphrase);
    if (!waitUntil([session] { return session->state() == QLatin1String("signedIn"); }))
        return false;
    if (!ensurePin())
        return false;
    ui.settle();
    return true;
}

QVariantMap findDemoPatient(const std::function<bool(const QVariantMap &row)> &fits)
{
    app::PatientListModel patients;
    patients.reload();
    for (int row = 0; row < patients.rowCount(); ++row) {
        QVariantMap patient = patients.get(row);
        const QString episodeId = patient.value(QStringLiteral("episodeId")).toString();
        if (episodeId.isEmpty())
            continue;
        app::EpisodeController episode;
        if (!episode.load(episodeId).isEmpty() || !episode.isOpen())
            continue;
        patient.insert(QStringLiteral("sessions"), episode.sessions().size());
        if (fits(patient))
            return patient;
    }
    return {};
}

bool openEpisode(UiDriver &ui, const QVariantMap &patient)
{
    const QString code = patient.value(QStringLiteral("code")).toString();
    const QString name = patient.value(QStringLiteral("name")).toString();
    // Back to "My patients" first, wherever the test left the stack.
    while (ui.find(QStringLiteral("Back")) && !ui.find(QStringLiteral("New patient")))
        ui.click(QStringLiteral("Back"));
    if (!ui.click(QStringLiteral("Search by code or name")))
        return false;
    ui.key(Qt::Key_End);
    for (int i = 0; i < 20; ++i)
        ui.key(Qt::Key_Backspace);
    ui.type(code);
    const QString row = QStringLiteral("Open %1 (%2)").arg(name, code);
    // The round's button may lie below the fold (portrait, large text): it is there all the same.
    return ui.waitFor(row) && ui.click(row) &&
           ui.waitFor(QStringLiteral("End-of-session round"), 5000, UiDriver::BelowTheFoldToo);
}

QObject *roundScreen(UiDriver &ui)
{
    return ui.window()->findChild<QObject *>(QStringLiteral("roundArea"));
}

bool runRoundToForm(UiDriver &ui, const QString &shotPrefix)
{
    const auto shot = [&](const QString &name) {
        if (!shotPrefix.isEmpty())
            ui.screenshot(shotPrefix + name);
    };
    auto *flow = app::RoundFlow::instance();
    if (!ui.click(QStringLiteral("End-of-session round")))
        return false;
    // A demo patient may already have had today's round: the physio confirms another one.
    ui.settle();
    if (flow->stage() == QLatin1String("idle"))
        ui.click(QStringLiteral("Confirm: Record another session"));
    if (!waitUntil([flow] { return flow->stage() == QLatin1String("plan"); }, 5000)) {
        ui.screenshot(QStringLiteral("round-did-not-start"));
        return false;
    }
    ui.settle();
    shot(QStringLiteral("-plan"));
    if (!ui.click(QStringLiteral("Go on with the round")) ||
        !waitUntil([flow] { return flow->stage() == QLatin1String("handover"); }, 5000))
        return false;
    ui.settle();
    shot(QStringLiteral("-handover"));
    // The hand-over screen: Start (one language) or the form's languages.
    if (!startOnHandover(ui) ||
        !waitUntil([flow] { return flow->stage() == QLatin1String("form"); }, 5000))
        return false;
    ui.settle();
    return ui.waitFor(QStringLiteral("Start"));
}

bool startOnHandover(UiDriver &ui)
{
    if (ui.find(QStringLiteral("Start my questions")))
        return ui.click(QStringLiteral("Start my questions"));
    return ui.click(QStringLiteral("English"));
}

bool holdHandoverGate(UiDriver &ui, int ms)
{
    QQuickItem *gate = ui.find(QStringLiteral("Press and hold to start"));
    if (!gate)
        return false;
    const QPoint centre =
        gate->mapToScene(QPointF(gate->width() / 2, gate->height() / 2)).toPoint();
    QTest::mousePress(ui.window(), Qt::LeftButton, Qt::NoModifier, centre);
    QTest::qWait(ms);
    QTest::mouseRelease(ui.window(), Qt::LeftButton, Qt::NoModifier, centre);
    ui.settle();
    return true;
}

bool tapPin(UiDriver &ui, const QString &pin)
{
    for (const QChar digit : pin)
        if (!ui.click(QStringLiteral("Digit %1").arg(digit)))
            return false;
    return ui.click(QStringLiteral("Enter PIN"));
}

bool stopRound(UiDriver &ui)
{
    auto *flow = app::RoundFlow::instance();
    if (flow->patientMode()) {
        if (!ui.click(QStringLiteral("Staff")) || !ui.waitFor(QStringLiteral("Digit 1")) ||
            !tapPin(ui, QString::fromLatin1(kDemoPin)))
            return false;
    }
    if (!waitUntil([flow] { return flow->stage() == QLatin1String("plan"); }, 5000))
        return false;
    ui.settle();
    return ui.click(QStringLiteral("Stop the round")) && ui.click(QStringLiteral("Absent")) &&
           ui.click(QStringLiteral("Confirm: Stop the round")) &&
           waitUntil([flow] { return flow->stage() == QLatin1String("idle"); }, 5000);
}

} // namespace triad::test
