// The clinic dashboard on the synthetic demo clinic: the lead's figures against a count
// made straight from the database, a physio who sees only their own row whatever they ask
// for, and the screen itself rendered to dashboard.png (look at it).
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/dashboardmodel.h"
#include "app/engine.h"
#include "app/episodecontroller.h"
#include "app/episodereading.h"
#include "app/instrumentcatalog.h"
#include "app/patientlistmodel.h"
#include "core/insights/cardstate.h"
#include "core/insights/itemnorms.h"

#include <QDir>
#include <QGuiApplication>
#include <QPointer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

using namespace triad;
using namespace triad::app;

namespace {

// Holds the clinic figures' worker until release(); whatever fails in between, it is never
// left waiting when the test ends.
class FiguresHold
{
public:
    FiguresHold()
    {
        ClinicSession::setClinicFiguresHoldForTesting([this] { m_gate.acquire(); });
    }
    ~FiguresHold()
    {
        ClinicSession::setClinicFiguresHoldForTesting({});
        m_gate.release(100);
        ClinicSession::instance()->waitForClinicFigures();
    }
    FiguresHold(const FiguresHold &) = delete;
    FiguresHold &operator=(const FiguresHold &) = delete;
    void release() { m_gate.release(); }

private:
    QSemaphore m_gate;
};

// Counted the plain way: every physio's distinct episodes and sessions with a response,
// and the mean total of their own (physio) questionnaires.
struct DirectCount
{
    int episodes = 0;
    int sessions = 0;
    double meanPhysio = 0;
};

DirectCount countFor(const QString &staffId)
{
    QSqlQuery q = ClinicSession::instance()->database().query();
    q.prepare(QStringLiteral(
        "SELECT COUNT(DISTINCT e.id), COUNT(DISTINCT s.id) FROM response r"
        " JOIN session s ON s.id = r.session_id JOIN episode e ON e.id = s.episode_id"
        " WHERE e.physio_id = ?"));
    q.addBindValue(staffId);
    DirectCount c;
    if (q.exec() && q.next()) {
        c.episodes = q.value(0).toInt();
        c.sessions = q.value(1).toInt();
    }
    q.prepare(QStringLiteral(
        "SELECT AVG(sc.normalised) FROM score sc JOIN response r ON r.id = sc.response_id"
        " JOIN session s ON s.id = r.session_id JOIN episode e ON e.id = s.episode_id"
        " WHERE e.physio_id = ? AND r.respondent = 'physio' AND r.status = 'complete'"
        " AND sc.kind = 'total' AND sc.score_id = 'total' AND sc.scorable = 1"));
    q.addBindValue(staffId);
    if (q.exec() && q.next())
        c.meanPhysio = q.value(0).toDouble();
    return c;
}

// Every scored item at the bottom (lowest) or the top of its scale, after reverse-keying.
Answers atOneEnd(const Instrument &in, bool lowest)
{
    Answers a;
    for (const Item &item : in.items) {
        const ResponseFormat *f = in.format(item.formatId);
        if (!f || item.subscaleId.isEmpty())
            continue;
        const bool low = lowest != item.reverse;
        switch (f->kind) {
        case FormatKind::Likert:
        case FormatKind::Faces:
            a.set(item.id, low ? f->choices.first().value : f->choices.last().value);
            break;
        case FormatKind::Slider:
            a.set(item.id, low ? 0.0 : 100.0);
            break;
        case FormatKind::YesNo:
            a.set(item.id, !low);
            break;
        case FormatKind::FreeText:
            break;
        }
    }
    return a;
}

// The physio's own questionnaire at a new session of the episode, every answer at one end;
// the session's cards are stored as the round summary stores them. The new session id.
QString physioAnswers(const QString &episodeId, const QDate &date, bool lowest)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    const auto episode = ws->episodes.get(episodeId);
    if (!episode)
        return {};
    const Instrument *form = InstrumentCatalog::instance()->find(
        episode->instrumentSet.value(QStringLiteral("physio")).toString());
    const auto session = ws->sessions.create(episodeId, episode->physioId, date);
    if (!form || !session)
        return {};
    const auto draft =
        ws->responses.startDraft(session->id, Respondent::Physio, *form, QStringLiteral("en"));
    if (!draft || !ws->responses.complete(draft->id, *form, atOneEnd(*form, lowest)))
        return {};
    EpisodeReader reader(*ws);
    const auto reading = reader.read(episodeId);
    if (!reading || !reader.recordSessionAlerts(*reading, reading->history.indexOf(session->id)))
        return {};
    return session->id;
}

int openAlertsOf(const QString &patientId)
{
    PatientListModel list;
    for (int i = 0; i < list.rowCount(); ++i) {
        const QModelIndex index = list.index(i);
        if (list.data(index, PatientListModel::PatientIdRole).toString() == patientId)
            return list.data(index, PatientListModel::OpenAlertsRole).toInt();
    }
    return -1;
}

QStringList openCardIds(const DashboardModel &model)
{
    QStringList ids;
    for (const QVariant &v : model.openCards())
        ids << v.toMap().value(QStringLiteral("alertId")).toString();
    return ids;
}

// Main.qml loaded on "My patients", searched for `patient`'s code until its row shows; the
// row's accessible name, or "" when it never showed.
QString showPatientRow(triad::test::UiDriver &ui, const QVariantMap &patient)
{
    const QString code = patient.value(QStringLiteral("code")).toString();
    const QString rowName =
        QStringLiteral("Open %1 (%2)").arg(patient.value(QStringLiteral("name")).toString(), code);
    if (!ui.loadMain() || !ui.waitFor(QStringLiteral("New patient")) ||
        !ui.click(QStringLiteral("Search by code or name")))
        return {};
    ui.type(code);
    return ui.waitFor(rowName) ? rowName : QString();
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    ClinicSession *session() { return ClinicSession::instance(); }

    QString accountId(const QString &name)
    {
        for (const QVariant &v : session()->staff())
            if (v.toMap().value(QStringLiteral("name")).toString() == name)
                return v.toMap().value(QStringLiteral("staffId")).toString();
        return {};
    }

    // Signed in, and the clinic figures worked out after it (on the worker thread): the
    // cards and item figures are there to check.
    bool signInAs(const QString &name, const QString &passphrase)
    {
        return signInOnly(name, passphrase) && testing::waitForClinicFigures();
    }
    bool signInOnly(const QString &name, const QString &passphrase)
    {
        QSignalSpy done(session(), &ClinicSession::signInFinished);
        session()->signIn(accountId(name), passphrase);
        return done.wait(20000) && done.first().at(0).toBool();
    }

    // What a freshly started app has: no figures worked out yet.
    void forgetClinicFigures()
    {
        session()->clinicFiguresCache().invalidate();
        session()->itemNormsCache().invalidate();
    }

private slots:
    void initTestCase()
    {
        prepareStyle();
        QCOMPARE(session()->state(), QStringLiteral("firstRun"));
        QSignalSpy created(session(), &ClinicSession::createFinished);
        QCOMPARE(session()->createDemoClinic(), QString());
        QVERIFY(created.wait(120000));
        QVERIFY2(created.first().at(0).toBool(), qPrintable(created.first().at(1).toString()));
    }

    void theScreensModelReadsOnAWorkerAndShowsTheSameFigures()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        DashboardModel now(DashboardModel::Reading::Now);
        QVERIFY(!now.loading());
        QVERIFY(!now.physios().isEmpty());

        // As the screen creates it: up at once, empty and loading, then the same figures.
        DashboardModel screen;
        QVERIFY(screen.loading());
        QVERIFY(screen.physios().isEmpty());
        QVERIFY(testing::waitFor([&] { return !screen.loading(); }, 60000));
        QCOMPARE(screen.errorMessage(), QString());
        QCOMPARE(screen.physios(), now.physios());
        QCOMPARE(screen.monthly(), now.monthly());
        QCOMPARE(screen.ceilings(), now.ceilings());
        QCOMPARE(screen.rules(), now.rules());
        QCOMPARE(screen.responses(), now.responses());
        QCOMPARE(screen.physioChoices(), now.physioChoices());

        // Signed out while it reads: the lead's figures never land on the sign-in screen.
        screen.reload();
        QVERIFY(screen.loading());
        session()->signOut();
        QVERIFY(!screen.loading());
        QVERIFY(screen.physios().isEmpty());
        QTest::qWait(500); // the read finishes on its worker meanwhile; its result is dropped
        QVERIFY(screen.physios().isEmpty());
        QCOMPARE(screen.errorMessage(), QStringLiteral("Sign in to see the dashboard."));
    }

    // The episode screen reads its episode on a worker connection (openEpisode): it is up at
    // once, then shows exactly what load() shows on the UI thread. Only the last of two quick
    // opens is shown; another physio's episode is refused there too, and a row edited with
    // the sqlite3 tool is noticed on the worker's connection as on the UI thread's.
    void theEpisodeScreenReadsOnAWorkerAndShowsTheSameEpisode()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        Workspace *ws = session()->workspace();
        const QString self = session()->signedInStaffId();
        QString mine, another, othersEpisode;
        for (const store::Patient &p : ws->patients.list())
            for (const store::Episode &e : ws->episodes.forPatient(p.id)) {
                if (e.physioId != self) {
                    if (othersEpisode.isEmpty())
                        othersEpisode = e.id;
                } else if (mine.isEmpty() && ws->sessions.forEpisode(e.id).size() >= 4) {
                    mine = e.id;
                } else if (another.isEmpty()) {
                    another = e.id;
                }
            }
        QVERIFY(!mine.isEmpty() && !another.isEmpty() && !othersEpisode.isEmpty());
        QVERIFY(testing::waitForClinicFigures());

        EpisodeController now;
        QCOMPARE(now.load(mine), QString());
        QVERIFY(!now.figuresPending());
        QVERIFY(now.sessions().size() >= 4);

        EpisodeController screen;
        QSignalSpy loading(&screen, &EpisodeController::loadingChanged);
        screen.openEpisode(mine);
        QVERIFY(screen.loading());
        QVERIFY(screen.sessions().isEmpty()); // up at once; the sessions follow
        QVERIFY(testing::waitFor([&] { return !screen.loading(); }));
        QCOMPARE(loading.count(), 2);
        QCOMPARE(screen.errorMessage(), QString());
        QCOMPARE(screen.episodeId(), mine);
        QCOMPARE(screen.patientName(), now.patientName());
        QCOMPARE(screen.conditionLabel(), now.conditionLabel());
        QCOMPARE(screen.sessions(), now.sessions());
        QCOMPARE(screen.alerts(), now.alerts());
        QCOMPARE(screen.notes(), now.notes());
        QCOMPARE(screen.formChanges(), now.formChanges());
        QVERIFY(!screen.figuresPending());
        for (const QString &who :
             {QStringLiteral("child"), QStringLiteral("parent"), QStringLiteral("physio")})
            for (const QString &measure : {QStringLiteral("total"), QStringLiteral("bond")})
                QCOMPARE(screen.series(who, measure), now.series(who, measure));

        // Two opens in a row: the first read's episode never shows.
        screen.openEpisode(another);
        screen.openEpisode(mine);
        QVERIFY(testing::waitFor([&] { return !screen.loading(); }));
        QTest::qWait(300); // the first read has landed by now, and was dropped
        QCOMPARE(screen.episodeId(), mine);
        QCOMPARE(screen.sessions(), now.sessions());

        // Another physio's episode, refused as load() refuses it.
        const QString refused = QStringLiteral("This episode belongs to another physiotherapist.");
        EpisodeController others;
        others.openEpisode(othersEpisode);
        QVERIFY(testing::waitFor([&] { return !others.loading(); }));
        QCOMPARE(others.errorMessage(), refused);
        QVERIFY(others.sessions().isEmpty());
        QCOMPARE(EpisodeController().load(othersEpisode), refused);

        // The episode's row edited outside Triad: the worker's read says so and shows nothing
        // new; put back, the episode opens again.
        const QString condition = ws->episodes.get(mine)->condition;
        const auto setCondition = [&](const QString &value) {
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(session()->database().path());
            bool done = raw.open();
            {
                QSqlQuery q(raw);
                done = done &&
                       q.prepare(QStringLiteral("UPDATE episode SET condition = ? WHERE id = ?"));
                q.addBindValue(value);
                q.addBindValue(mine);
                done = done && q.exec() && q.numRowsAffected() == 1;
            }
            raw.close();
            raw = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
            return done;
        };
        QVERIFY(setCondition(condition == QLatin1String("other") ? QStringLiteral("scoliosis")
                                                                 : QStringLiteral("other")));
        EpisodeController edited;
        edited.openEpisode(mine);
        QVERIFY(testing::waitFor([&] { return !edited.loading(); }));
        QVERIFY2(
            edited.errorMessage().contains(
                QStringLiteral("row %1: column condition was changed outside Triad").arg(mine)),
            qPrintable(edited.errorMessage()));
        QCOMPARE(EpisodeController().load(mine), edited.errorMessage());
        QVERIFY(edited.sessions().isEmpty());
        QVERIFY(setCondition(condition));
        edited.openEpisode(mine);
        QVERIFY(testing::waitFor([&] { return !edited.loading(); }));
        QCOMPARE(edited.errorMessage(), QString());
        QCOMPARE(edited.sessions(), now.sessions());
    }

    // An episode read that began before the clinic figures were worked out, and ends after
    // they arrived: it is read again with them, so its cards show instead of "working out"
    // for ever.
    void anEpisodeReadBegunBeforeTheFiguresShowsTheirCards()
    {
        session()->signOut();
        forgetClinicFigures();
        FiguresHold gate;
        QVERIFY(signInOnly(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        QVERIFY(session()->clinicFiguresWorking());
        QString episodeId;
        for (const store::Episode &e : session()->workspace()->episodes.all())
            if (e.physioId == session()->signedInStaffId() && episodeId.isEmpty())
                episodeId = e.id;
        QVERIFY(!episodeId.isEmpty());

        // The reader pool's threads held, so the episode's read waits in its queue.
        QThreadPool *pool = session()->readerPool();
        QSemaphore readers;
        QSemaphore busy;
        for (int i = 0; i < pool->maxThreadCount(); ++i)
            pool->start([&] {
                busy.release();
                readers.acquire();
            });
        QVERIFY(busy.tryAcquire(pool->maxThreadCount(), 10000));
        EpisodeController screen;
        screen.openEpisode(episodeId);
        QVERIFY(screen.loading());

        gate.release();
        QVERIFY(testing::waitFor([this] { return !session()->clinicFiguresWorking(); }, 120000));
        readers.release(pool->maxThreadCount());
        QVERIFY(testing::waitFor([&] { return !screen.loading() && !screen.figuresPending(); }));
        QCOMPARE(screen.errorMessage(), QString());
        QCOMPARE(screen.episodeId(), episodeId);
        EpisodeController now;
        QCOMPARE(now.load(episodeId), QString());
        QVERIFY(!now.figuresPending());
        QCOMPARE(screen.alerts(), now.alerts());
        QCOMPARE(screen.notes(), now.notes());
    }

    // A physio in a hurry taps a patient and Back before the episode is read: the read, still
    // on its way, lands nowhere; My patients is on show with nothing in the log, and the
    // episode opens properly the next time.
    void backBeforeTheEpisodeIsReadLeavesNothingBehind()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        PatientListModel rows;
        QVariantMap patient;
        for (int i = 0; i < rows.rowCount() && patient.isEmpty(); ++i)
            if (!rows.get(i).value(QStringLiteral("episodeId")).toString().isEmpty())
                patient = rows.get(i);
        QVERIFY(!patient.isEmpty());
        const QString code = patient.value(QStringLiteral("code")).toString();
        triad::test::UiDriver ui;
        const QString rowName = showPatientRow(ui, patient);
        QVERIFY(!rowName.isEmpty());

        // The reader pool's threads held: the episode's read waits until after Back.
        QThreadPool *pool = session()->readerPool();
        QSemaphore readers;
        QSemaphore busy;
        for (int i = 0; i < pool->maxThreadCount(); ++i)
            pool->start([&] {
                busy.release();
                readers.acquire();
            });
        QVERIFY(busy.tryAcquire(pool->maxThreadCount(), 10000));
        QVERIFY(ui.click(rowName));
        QVERIFY(ui.waitFor(QStringLiteral("Back")));
        QVERIFY(ui.click(QStringLiteral("Back")));
        QVERIFY(ui.waitFor(QStringLiteral("New patient")));
        readers.release(pool->maxThreadCount());
        pool->waitForDone(10000);
        ui.settle(300);
        QVERIFY(ui.find(QStringLiteral("New patient")));
        QVERIFY(ui.find(rowName));
        QVERIFY(ui.visibleTexts().contains(QStringLiteral("My patients")));

        QVERIFY(ui.click(rowName));
        QVERIFY(ui.waitFor(QStringLiteral("End-of-session round"), 10000,
                           triad::test::UiDriver::BelowTheFoldToo));
        QCOMPARE(ui.warnings(), QStringList());
    }

    void leadSeesEveryPhysioCountedAsInTheDatabase()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        DashboardModel model(DashboardModel::Reading::Now);
        QCOMPARE(model.errorMessage(), QString());
        QVERIFY(model.seesEveryPhysio());
        const QVariantList rows = model.physios();
        QVERIFY(rows.size() >= 2);
        QCOMPARE(model.physioChoices().size(), rows.size());
        QString previousName;
        for (const QVariant &v : rows) {
            const QVariantMap row = v.toMap();
            const QString name = row.value(QStringLiteral("name")).toString();
            QVERIFY2(QString::localeAwareCompare(previousName, name) <= 0, "rows in name order");
            previousName = name;
            const DirectCount direct = countFor(row.value(QStringLiteral("physioId")).toString());
            QCOMPARE(row.value(QStringLiteral("episodes")).toInt(), direct.episodes);
            QCOMPARE(row.value(QStringLiteral("sessions")).toInt(), direct.sessions);
            if (row.value(QStringLiteral("tooFewToCompare")).toBool()) {
                QVERIFY(row.value(QStringLiteral("meanPhysio")).isNull());
                continue;
            }
            QVERIFY(qAbs(row.value(QStringLiteral("meanPhysio")).toDouble() - direct.meanPhysio) <
                    0.051);
            // Every demo round is complete, so nothing was declined or skipped.
            QCOMPARE(row.value(QStringLiteral("completionPhysio")).toDouble(), 100.0);
        }
        QVERIFY(!model.monthly().isEmpty());
        QVERIFY(!model.ceilings().isEmpty());

        // One physio picked: one row, the same figures.
        const QVariantMap first = rows.first().toMap();
        model.setPhysioId(first.value(QStringLiteral("physioId")).toString());
        QCOMPARE(model.physios().size(), 1);
        QCOMPARE(model.physios().first().toMap(), first);
        model.setPhysioId({});

        // A bad date is named, and the last good table stays (never an empty one).
        model.setFromDate(QStringLiteral("31/12/2024"));
        QVERIFY(
            model.errorMessage().startsWith(QStringLiteral("From: \"31/12/2024\" is not a date")));
        QVERIFY(model.errorMessage().contains(QStringLiteral("last filter that worked")));
        QCOMPARE(model.physios(), rows);
        model.setToDate(QStringLiteral("2024-02-30"));
        QVERIFY(model.errorMessage().startsWith(QStringLiteral("From:"))); // the first bad field
        model.setFromDate({});
        QVERIFY(model.errorMessage().startsWith(QStringLiteral("To: \"2024-02-30\"")));
        QCOMPARE(model.physios(), rows);
        model.setToDate({});
        QCOMPARE(model.errorMessage(), QString());
        QCOMPARE(model.physios().size(), rows.size());
    }

    // One "My patients" list kept across a sign-out and the next sign-in: it shows whom the
    // person now signed in may see, never the rows read for the one before.
    void patientListFollowsWhoIsSignedIn()
    {
        session()->signOut();
        QVERIFY(signInOnly(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        PatientListModel list;
        const int everyone = list.rowCount();
        QVERIFY(everyone > 0);
        session()->signOut();
        QCOMPARE(list.rowCount(), 0);
        QVERIFY(signInOnly(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        const QString self = session()->signedInStaffId();
        Workspace *ws = session()->workspace();
        QVERIFY(list.rowCount() > 0);
        QVERIFY(list.rowCount() < everyone);
        for (int i = 0; i < list.rowCount(); ++i) {
            const QString patientId = list.get(i).value(QStringLiteral("patientId")).toString();
            bool own =
                ws->patients.get(patientId) && ws->patients.get(patientId)->createdBy == self;
            for (const store::Episode &e : ws->episodes.forPatient(patientId))
                own = own || e.physioId == self;
            QVERIFY2(own, qPrintable(patientId));
        }
        session()->signOut();
        QVERIFY(signInOnly(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        QCOMPARE(list.rowCount(), everyone);
    }

    void physioSeesOnlyTheirOwnRow()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        const QString self = session()->signedInStaffId();
        DashboardModel model(DashboardModel::Reading::Now);
        QVERIFY(!model.seesEveryPhysio());
        QCOMPARE(model.physios().size(), 1);
        QCOMPARE(model.physios().first().toMap().value(QStringLiteral("physioId")).toString(),
                 self);
        QCOMPARE(model.physioChoices().size(), 1);
        const int ownResponses = model.responses();

        // Asking for a colleague changes nothing: the rule is in C++, not in the screen.
        model.setPhysioId(accountId(QStringLiteral("Demo Physio 2")));
        QCOMPARE(model.physios().size(), 1);
        QCOMPARE(model.physios().first().toMap().value(QStringLiteral("physioId")).toString(),
                 self);
        QCOMPARE(model.responses(), ownResponses);
        QVERIFY(ownResponses > 0);
    }

    // The lead's item figures are the core's (ItemNorms over the whole clinic), one row per
    // form and major version: alpha of the total and the core, test-retest with its number of
    // pairs or the reason it is missing, and every item below 0.2 named. A physio gets none.
    void leadSeesTheItemNormsOfEachForm()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        // Five synthetic sessions on the archived 1.0.0 physio form, one item ("ph-fun")
        // answered against all the others: it must be named, and five responses are too few
        // for test-retest, which must say why.
        Workspace &ws = *session()->workspace();
        const Instrument *oldPhysio = InstrumentCatalog::instance()->library().find(
            QStringLiteral("triad-physio"), QStringLiteral("1.0.0"));
        QVERIFY(oldPhysio);
        const auto patient =
            ws.patients.create(QStringLiteral("Ivo Synthetic"), QDate::currentDate().addYears(-9));
        QVERIFY(patient);
        store::Episode e;
        e.patientId = patient->id;
        e.physioId = accountId(QStringLiteral("Demo Physio 1"));
        e.condition = QStringLiteral("scoliosis");
        e.startDate = QDate::currentDate().addDays(-60);
        const auto episode = ws.episodes.create(e);
        QVERIFY(episode);
        for (int k = 0; k < 5; ++k) {
            const auto visit =
                ws.sessions.create(episode->id, e.physioId, e.startDate.addDays(7 * k));
            QVERIFY(visit);
            const int v = 1 + k;
            Answers answers;
            for (const Item &item : oldPhysio->items)
                if (!item.subscaleId.isEmpty())
                    answers.set(item.id,
                                item.id == QLatin1String("ph-fun") || item.reverse ? 6 - v : v);
            const auto draft = ws.responses.startDraft(visit->id, Respondent::Physio, *oldPhysio,
                                                       QStringLiteral("en"));
            QVERIFY(draft);
            QVERIFY(ws.responses.complete(draft->id, *oldPhysio, answers));
        }

        QVERIFY(testing::waitForClinicFigures()); // the five new responses count
        DashboardModel model(DashboardModel::Reading::Now);
        QCOMPARE(model.itemNormsMessage(), QString());
        QVariantMap versionOne;
        for (const QVariant &v : model.itemNorms())
            if (v.toMap().value(QStringLiteral("instrumentId")) == QLatin1String("triad-physio") &&
                v.toMap().value(QStringLiteral("majorVersion")) == QLatin1String("1"))
                versionOne = v.toMap();
        QCOMPARE(versionOne.value(QStringLiteral("responses")).toInt(), 5);
        QVERIFY(versionOne.value(QStringLiteral("retest")).isNull());
        QVERIFY(!versionOne.value(QStringLiteral("retestReason")).toString().isEmpty());
        const QVariantList weakOne = versionOne.value(QStringLiteral("weakItems")).toList();
        QCOMPARE(weakOne.size(), 1);
        QCOMPARE(weakOne.first().toMap().value(QStringLiteral("itemId")).toString(),
                 QStringLiteral("ph-fun"));
        const QString wording = weakOne.first().toMap().value(QStringLiteral("text")).toString();
        QVERIFY2(wording.contains(QStringLiteral("the child")) && !wording.contains('{'),
                 qPrintable(wording));
        QVERIFY(weakOne.first().toMap().value(QStringLiteral("r")).toDouble() < 0);
        const auto norms = insights::ItemNorms::load(session()->database(),
                                                     InstrumentCatalog::instance()->library());
        QVERIFY(norms);
        QVERIFY(!norms->isEmpty());
        QCOMPARE(model.itemNorms().size(), norms->size());
        const auto near = [](const QVariant &shown, const std::optional<double> &computed) {
            return computed ? !shown.isNull() && qAbs(shown.toDouble() - *computed) <= 0.005
                            : shown.isNull();
        };
        for (const insights::FormReliability &f : *norms) {
            QVariantMap row;
            for (const QVariant &v : model.itemNorms()) {
                const QVariantMap m = v.toMap();
                if (m.value(QStringLiteral("instrumentId")) == f.instrumentId &&
                    m.value(QStringLiteral("majorVersion")) == f.majorVersion &&
                    m.value(QStringLiteral("respondent")) == respondentId(f.respondent))
                    row = m;
            }
            QVERIFY2(!row.isEmpty(), qPrintable(f.instrumentId));
            QVERIFY(!row.value(QStringLiteral("title")).toString().isEmpty());
            QCOMPARE(row.value(QStringLiteral("responses")).toInt(), f.responses);
            QVERIFY(near(row.value(QStringLiteral("alphaTotal")), f.alphaTotal));
            QVERIFY(near(row.value(QStringLiteral("alphaCore")), f.alphaCore));
            QVERIFY(near(row.value(QStringLiteral("retest")), f.retest));
            QCOMPARE(row.value(QStringLiteral("retestPairs")).toInt(), f.retestPairs);
            if (!f.retest)
                QVERIFY(!row.value(QStringLiteral("retestReason")).toString().isEmpty());
            QStringList weak;
            for (const insights::ItemTotal &item : f.items)
                if (item.r && *item.r < 0.2)
                    weak << item.itemId;
            QStringList shown;
            for (const QVariant &v : row.value(QStringLiteral("weakItems")).toList()) {
                QVERIFY(!v.toMap().value(QStringLiteral("text")).toString().isEmpty());
                QVERIFY(v.toMap().value(QStringLiteral("r")).toDouble() < 0.2);
                shown << v.toMap().value(QStringLiteral("itemId")).toString();
            }
            QCOMPARE(shown, weak);
        }

        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        DashboardModel physio(DashboardModel::Reading::Now);
        QVERIFY(physio.itemNorms().isEmpty());
    }

    // A mistyped "From" date typed on the screen: the message names the field and the table
    // keeps the last figures that worked, never an empty one.
    void badDateOnTheScreenKeepsTheTable()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        triad::test::UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.waitFor(QStringLiteral("Dashboard")));
        // The screen is up at once; its figures come from a read on a worker. Held here (both
        // of the reader pool's threads busy) to see what the screen says meanwhile.
        QSemaphore release;
        QThreadPool *pool = session()->readerPool();
        for (int i = 0; i < pool->maxThreadCount(); ++i)
            pool->start([&release] { release.acquire(); });
        QVERIFY(ui.click(QStringLiteral("Dashboard")));
        QVERIFY(ui.waitFor(QStringLiteral("From date")));
        ui.settle(300);
        const QStringList reading = ui.visibleTexts();
        QVERIFY2(reading.contains(QStringLiteral("Reading the clinic's questionnaires…")),
                 qPrintable(reading.join('|')));
        QVERIFY2(!reading.contains(QStringLiteral("No questionnaires match these filters.")),
                 qPrintable(reading.join('|')));
        QDir().mkpath(QStringLiteral(TRIAD_SCREENSHOT_DIR));
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-reading")).isEmpty());
        release.release(pool->maxThreadCount());
        QVERIFY(testing::waitFor(
            [&] { return ui.visibleTexts().contains(QStringLiteral("Demo Physio 1")); }));
        ui.settle(500);
        const QStringList before = ui.visibleTexts();
        QVERIFY2(before.contains(QStringLiteral("Demo Physio 1")), qPrintable(before.join('|')));
        QVERIFY(ui.click(QStringLiteral("From date")));
        ui.type(QStringLiteral("31/12/2024"));
        ui.key(Qt::Key_Return);
        ui.settle();
        const QStringList after = ui.visibleTexts();
        const QString message =
            after.filter(QStringLiteral("From: \"31/12/2024\" is not a date")).value(0);
        QVERIFY2(!message.isEmpty(), qPrintable(after.join('|')));
        QVERIFY(ui.find(message)); // announced (Accessible.name) as well as shown
        for (const QString &physio :
             {QStringLiteral("Demo Physio 1"), QStringLiteral("Demo Physio 2"),
              QStringLiteral("Demo Physio 3")})
            QVERIFY2(after.contains(physio), qPrintable(after.join('|')));
        QDir().mkpath(QStringLiteral(TRIAD_SCREENSHOT_DIR));
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-bad-date")).isEmpty());
    }

    // Issue 8, the life cycle and the lead's view on the demo clinic: the physio answers at the
    // bottom of the scale, which makes an act-today card; My patients counts it, the lead's
    // list and the physio's own list show it with the pseudonym code, a colleague does not
    // see it. The next session back at the top resolves it by repair: nobody acknowledged it,
    // yet it leaves My patients' count and the list. Opening episodes reads the clinic norms
    // once; a completed response refreshes them.
    void openActTodayCardsUntilRepairResolvesThem()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        Workspace *ws = session()->workspace();
        const QString self = session()->signedInStaffId();
        // One of this physio's open episodes with at least 4 sessions, and another one.
        QString episodeId, otherEpisodeId, patientId, code;
        for (const store::Patient &p : ws->patients.list())
            for (const store::Episode &e : ws->episodes.forPatient(p.id)) {
                if (!e.isOpen() || e.physioId != self)
                    continue;
                if (episodeId.isEmpty() && ws->sessions.forEpisode(e.id).size() >= 4) {
                    episodeId = e.id;
                    patientId = p.id;
                    code = p.code;
                } else if (otherEpisodeId.isEmpty()) {
                    otherEpisodeId = e.id;
                }
            }
        QVERIFY(!episodeId.isEmpty() && !otherEpisodeId.isEmpty());

        // Two episodes opened: the norms are computed once, on the worker thread, and both
        // screens fill in their cards when they are ready.
        session()->clinicFiguresCache().invalidate();
        const int computed = session()->clinicFiguresCache().computations();
        EpisodeController first, second;
        QCOMPARE(first.load(episodeId), QString());
        QCOMPARE(second.load(otherEpisodeId), QString());
        QVERIFY(first.figuresPending() && second.figuresPending());
        QVERIFY(testing::waitFor(
            [&] { return !first.figuresPending() && !second.figuresPending(); }, 120000));
        QCOMPARE(session()->clinicFiguresCache().computations(), computed + 1);
        const int afterOpening = session()->clinicFiguresCache().computations();
        QCOMPARE(first.load(episodeId), QString());
        QCOMPARE(session()->clinicFiguresCache().computations(), afterOpening);

        const int before = openAlertsOf(patientId);
        QVERIFY(before >= 0);
        const QDate today = QDate::currentDate();
        const QString low = physioAnswers(episodeId, today, true);
        QVERIFY(!low.isEmpty());
        // The completed response refreshed the norms, once.
        QCOMPARE(session()->clinicFiguresCache().computations(), afterOpening + 1);
        QString cardId;
        for (const store::AlertRecord &a : ws->alerts.forEpisode(episodeId, true))
            if (a.sessionId == low && a.severity == QLatin1String("concern") &&
                a.respondent == QLatin1String("physio"))
                cardId = a.id;
        QVERIFY2(!cardId.isEmpty(), "answering at the bottom made no act-today card");
        QCOMPARE(openAlertsOf(patientId), before + 1);

        DashboardModel own(DashboardModel::Reading::Now);
        QVERIFY(openCardIds(own).contains(cardId));
        for (const QVariant &v : own.openCards()) {
            const QVariantMap row = v.toMap();
            QCOMPARE(row.value(QStringLiteral("physioId")).toString(), self); // only their own
            if (row.value(QStringLiteral("alertId")).toString() != cardId)
                continue;
            QCOMPARE(row.value(QStringLiteral("patientCode")).toString(), code);
            QCOMPARE(row.value(QStringLiteral("physio")).toString(),
                     QStringLiteral("Demo Physio 1"));
            QCOMPARE(row.value(QStringLiteral("respondent")).toString(), QStringLiteral("physio"));
            QCOMPARE(row.value(QStringLiteral("daysOpen")).toInt(), 0);
        }

        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 2"), QStringLiteral("demo-passphrase-2")));
        QVERIFY(!openCardIds(DashboardModel(DashboardModel::Reading::Now)).contains(cardId));
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        {
            DashboardModel lead(DashboardModel::Reading::Now);
            QVERIFY(openCardIds(lead).contains(cardId));
            // The rule table counts the card; none is marked false alarm yet.
            bool found = false;
            for (const QVariant &v : lead.rules()) {
                const QVariantMap r = v.toMap();
                if (r.value(QStringLiteral("rule")).toString() != QLatin1String("rupture"))
                    continue;
                found = true;
                QVERIFY(r.value(QStringLiteral("cards")).toInt() >= 1);
                QVERIFY(r.value(QStringLiteral("eligibleEpisodes")).toInt() >=
                        r.value(QStringLiteral("episodesWithCard")).toInt());
            }
            QVERIFY(found);
        }

        // Back at the top the next day: a reliable rise from the rupture, repaired.
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        ws = session()->workspace();
        QVERIFY(!physioAnswers(episodeId, today.addDays(1), false).isEmpty());
        QVERIFY(ws->alerts.get(cardId)->acknowledgedAt.isEmpty()); // nobody acknowledged it
        QCOMPARE(openAlertsOf(patientId), before);
        QVERIFY(!openCardIds(DashboardModel(DashboardModel::Reading::Now)).contains(cardId));
        EpisodeController episode;
        QCOMPARE(episode.load(episodeId), QString());
        bool resolved = false;
        for (const QVariant &v : episode.alerts())
            if (v.toMap().value(QStringLiteral("alertId")).toString() == cardId)
                resolved = v.toMap().value(QStringLiteral("resolved")).toBool();
        QVERIFY(resolved);
    }

    // Opening the dashboard again, or going Back to "My patients", reads every patient's
    // episodes and alerts again only when something was written since (issue 12); a card
    // raised or acknowledged in between is there, or gone, at the very next open.
    void openCardsAndPatientListFollowEveryWrite()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        Workspace *ws = session()->workspace();
        const QString self = session()->signedInStaffId();
        const QDate today = QDate::currentDate();
        // One of this physio's open episodes with at least 4 sessions, all before today.
        QString episodeId, patientId;
        for (const store::Patient &p : ws->patients.list())
            for (const store::Episode &e : ws->episodes.forPatient(p.id)) {
                const auto sessions = ws->sessions.forEpisode(e.id);
                if (!episodeId.isEmpty() || !e.isOpen() || e.physioId != self ||
                    sessions.size() < 4)
                    continue;
                bool past = true;
                for (const store::Session &s : sessions)
                    past = past && s.date < today;
                if (past) {
                    episodeId = e.id;
                    patientId = p.id;
                }
            }
        QVERIFY(!episodeId.isEmpty());
        PatientListModel list;
        auto openAlertsOf = [&](const PatientListModel &model) {
            for (int i = 0; i < model.rowCount(); ++i)
                if (model.get(i).value(QStringLiteral("patientId")).toString() == patientId)
                    return model.get(i).value(QStringLiteral("openAlerts")).toInt();
            return -1;
        };
        auto openAlertsInList = [&] { return openAlertsOf(list); };
        // The list as the screen has it: shown again after Back, read on a worker. Its rows
        // stay as they are until the read returns, then change in place.
        PatientListModel screen;
        QSignalSpy screenResets(&screen, &QAbstractItemModel::modelReset);
        auto refreshedInBackground = [&](int expected) {
            const int shown = openAlertsOf(screen);
            screen.refreshInBackground();
            if (openAlertsOf(screen) != shown)
                return false;
            return testing::waitFor([&] { return openAlertsOf(screen) == expected; }) &&
                   screenResets.isEmpty();
        };
        const int before = openAlertsInList();
        QVERIFY(before >= 0);

        // Nothing written: the second open shows what the first read, and Back keeps the rows.
        const QStringList cards = openCardIds(DashboardModel(DashboardModel::Reading::Now));
        const QString stamp = ws->openCardsStamp;
        QVERIFY(!stamp.isEmpty());
        QCOMPARE(openCardIds(DashboardModel(DashboardModel::Reading::Now)), cards);
        QCOMPARE(ws->openCardsStamp, stamp);
        QSignalSpy resets(&list, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&list, &QAbstractItemModel::dataChanged);
        list.refresh();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(openAlertsInList(), before);
        QSignalSpy screenChanged(&screen, &QAbstractItemModel::dataChanged);
        screen.refreshInBackground();
        QTest::qWait(300); // nothing written: nothing read, nothing changed
        QCOMPARE(screenChanged.count(), 0);
        QCOMPARE(openAlertsOf(screen), before);

        // The physio's own answers at the bottom raise an act-today card: at the next open.
        const QString low = physioAnswers(episodeId, today, true);
        QVERIFY(!low.isEmpty());
        QString cardId;
        for (const store::AlertRecord &a : ws->alerts.forEpisode(episodeId, true))
            if (a.sessionId == low && a.severity == QLatin1String("concern") &&
                a.respondent == QLatin1String("physio"))
                cardId = a.id;
        QVERIFY2(!cardId.isEmpty(), "answering at the bottom made no act-today card");
        {
            // The screen's model reads the cards on a worker, in its own snapshot: the same
            // cards, and not one query on this thread to see whether the figures are current.
            const int queries = testing::stampQueriesHere();
            DashboardModel onScreen;
            QVERIFY(onScreen.loading());
            QVERIFY(onScreen.openCards().isEmpty());
            QVERIFY(testing::waitFor([&] { return !onScreen.loading(); }));
            QCOMPARE(onScreen.openCardsMessage(), QString());
            QVERIFY(!onScreen.openCardsPending());
            QVERIFY(openCardIds(onScreen).contains(cardId));
            for (const QVariant &card : onScreen.openCards()) // a physio sees their own only
                QCOMPARE(card.toMap().value(QStringLiteral("physioId")).toString(), self);
            QCOMPARE(testing::stampQueriesHere(), queries);
            QCOMPARE(onScreen.openCards(),
                     DashboardModel(DashboardModel::Reading::Now).openCards());
        }
        QVERIFY(openCardIds(DashboardModel(DashboardModel::Reading::Now)).contains(cardId));
        QVERIFY(ws->openCardsStamp != stamp);
        list.refresh();
        // Read again; the same patients, so the changed row is updated in place.
        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(openAlertsInList(), before + 1);
        QVERIFY(refreshedInBackground(before + 1));

        // Acknowledged on the episode screen: gone from both at the next open.
        EpisodeController episode;
        QCOMPARE(episode.load(episodeId), QString());
        QCOMPARE(episode.acknowledge(cardId, QStringLiteral("talked-about-goals"), {}), QString());
        QVERIFY(!openCardIds(DashboardModel(DashboardModel::Reading::Now)).contains(cardId));
        list.refresh();
        QCOMPARE(openAlertsInList(), before);
        QVERIFY(refreshedInBackground(before));
        QCOMPARE(screen.rowCount(), list.rowCount());
        for (int i = 0; i < list.rowCount(); ++i)
            QCOMPARE(screen.get(i), list.get(i));
    }

    // Issue 12: no whole-clinic computation on the UI thread. Right after sign-in the clinic
    // figures are worked out on a worker thread (held here until the screens were looked at,
    // so nothing races): the dashboard and an episode open at once with their other content
    // and say the figures are being worked out, then fill in by themselves with the same
    // numbers as the synchronous computation.
    void staffScreensOpenAtOnceWhileClinicFiguresAreWorkedOut()
    {
        session()->signOut();
        forgetClinicFigures(); // as at the first sign-in after the app started
        FiguresHold gate;
        QVERIFY(signInOnly(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        QVERIFY(session()->clinicFiguresWorking());

        // The dashboard screen, straight after sign-in.
        triad::test::UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.waitFor(QStringLiteral("Dashboard")));
        QVERIFY(ui.click(QStringLiteral("Dashboard")));
        QVERIFY(ui.waitFor(QStringLiteral("From date")));
        QVERIFY(testing::waitFor(
            [&] { return ui.visibleTexts().contains(QStringLiteral("Demo Physio 1")); }));
        ui.settle(300);
        const QString itemsWaiting =
            QStringLiteral("Working out clinic figures… the item figures appear here in a moment.");
        const QStringList texts = ui.visibleTexts();
        QVERIFY2(texts.contains(QStringLiteral("Demo Physio 1")), qPrintable(texts.join('|')));
        // Further down the page, where the item figures go.
        QVERIFY(ui.waitFor(itemsWaiting, 5000, triad::test::UiDriver::BelowTheFoldToo));
        QDir().mkpath(QStringLiteral(TRIAD_SCREENSHOT_DIR));
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-figures-pending")).isEmpty());
        auto *scroller = ui.window()->findChild<QObject *>(QStringLiteral("dashboardScroll"));
        QVERIFY(scroller);
        auto *flickable = scroller->property("contentItem").value<QObject *>();
        QVERIFY(flickable);
        const auto toTheFoot = [&] {
            flickable->setProperty("contentY",
                                   qMax(0.0, flickable->property("contentHeight").toDouble() -
                                                 flickable->property("height").toDouble()));
        };
        toTheFoot();
        ui.settle(200);
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-figures-pending-foot")).isEmpty());
        QVERIFY(ui.visibleTexts().contains(itemsWaiting));

        DashboardModel model(DashboardModel::Reading::Now);
        QVERIFY(model.itemNormsPending());
        QVERIFY(model.itemNorms().isEmpty());
        QCOMPARE(model.itemNormsMessage(), QString());
        QVERIFY(!model.physios().isEmpty()); // the rest of the dashboard needs no norms

        // An episode with sessions: its scores at once, its cards not yet.
        Workspace *ws = session()->workspace();
        QString episodeId;
        for (const store::Patient &p : ws->patients.list())
            for (const store::Episode &e : ws->episodes.forPatient(p.id))
                if (episodeId.isEmpty() && ws->sessions.forEpisode(e.id).size() >= 4)
                    episodeId = e.id;
        QVERIFY(!episodeId.isEmpty());
        EpisodeController episode;
        QCOMPARE(episode.load(episodeId), QString());
        QVERIFY(episode.figuresPending());
        QVERIFY(episode.sessions().size() >= 4);
        QVERIFY(!episode.series(QStringLiteral("physio"), QStringLiteral("total")).isEmpty());
        QVERIFY(episode.alerts().isEmpty());
        QVERIFY(episode.notes().isEmpty());
        QVERIFY(session()->clinicFiguresWorking()); // still held: nothing raced past

        // Let the worker go: everything fills in by itself. Only the parts that waited change:
        // the tables above them are not rebuilt (no figuresChanged).
        QSignalSpy tables(&model, &DashboardModel::figuresChanged);
        QSignalSpy parts(&model, &DashboardModel::clinicPartsChanged);
        gate.release();
        QVERIFY(testing::waitFor(
            [&] { return !model.itemNormsPending() && !episode.figuresPending(); }, 120000));
        QCOMPARE(tables.count(), 0);
        QVERIFY(parts.count() >= 1);
        // The screen's own model filled in too: at the foot of the page, the note is gone and
        // each form's figures are in its place.
        const QVariantMap firstForm = model.itemNorms().first().toMap();
        const QString formLine =
            QStringLiteral("%1, version %2 (n = %3)")
                .arg(firstForm.value(QStringLiteral("title")).toString(),
                     firstForm.value(QStringLiteral("majorVersion")).toString(),
                     firstForm.value(QStringLiteral("responses")).toString());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                toTheFoot();
                const QStringList shown = ui.visibleTexts();
                return shown.contains(formLine) && !shown.contains(itemsWaiting);
            }(),
            20000);

        // The same numbers as the synchronous computation on the UI thread's connection.
        const InstrumentLibrary &library = InstrumentCatalog::instance()->library();
        const auto norms = insights::ItemNorms::load(session()->database(), library);
        QVERIFY(norms);
        QVERIFY(!norms->isEmpty());
        QCOMPARE(model.itemNorms().size(), norms->size());
        for (const insights::FormReliability &f : *norms) {
            bool found = false;
            for (const QVariant &v : model.itemNorms()) {
                const QVariantMap m = v.toMap();
                if (m.value(QStringLiteral("instrumentId")) != f.instrumentId ||
                    m.value(QStringLiteral("majorVersion")) != f.majorVersion ||
                    m.value(QStringLiteral("respondent")) != respondentId(f.respondent))
                    continue;
                found = true;
                QCOMPARE(m.value(QStringLiteral("responses")).toInt(), f.responses);
                QCOMPARE(m.value(QStringLiteral("retestPairs")).toInt(), f.retestPairs);
                if (f.alphaTotal)
                    QCOMPARE(m.value(QStringLiteral("alphaTotal")).toDouble(),
                             qRound(*f.alphaTotal * 100) / 100.0);
                else
                    QVERIFY(m.value(QStringLiteral("alphaTotal")).isNull());
            }
            QVERIFY2(found, qPrintable(f.instrumentId));
        }
        // The clinic norms installed are bit for bit the synchronous ones (summed in a fixed
        // order, on either connection).
        const auto direct = insights::ClinicFigures::load(session()->database(), library);
        QVERIFY(direct);
        const insights::ClinicFigures *installed = session()->readyClinicFigures();
        QVERIFY(installed);
        int compared = 0;
        for (const Instrument &in : library.instruments())
            for (Respondent who : {Respondent::Child, Respondent::Parent, Respondent::Physio})
                for (const QString &measure : insights::trackedMeasures()) {
                    const auto a = direct->norms(in.id, who, measure);
                    const auto b = installed->norms(in.id, who, measure);
                    QCOMPARE(bool(a), bool(b));
                    if (!a)
                        continue;
                    ++compared;
                    QCOMPARE(b->n, a->n);
                    QCOMPARE(b->mean, a->mean);
                    QCOMPARE(b->sd, a->sd);
                    QCOMPARE(b->withinSd, a->withinSd);
                    QCOMPARE(b->alpha, a->alpha);
                }
        QVERIFY(compared > 0);
        QStringList bands = direct->ageBands(), installedBands = installed->ageBands();
        std::sort(bands.begin(), bands.end());
        std::sort(installedBands.begin(), installedBands.end());
        QCOMPARE(installedBands, bands);
        for (const QString &band : direct->ageBands()) {
            const auto a = direct->usualGaps(band);
            const auto b = installed->usualGaps(band);
            QCOMPARE(b.size(), a.size());
            for (int i = 0; i < a.size(); ++i)
                QCOMPARE(b.at(i).meanGap, a.at(i).meanGap);
        }
        // The episode's cards as a synchronous reading judges them.
        EpisodeReader reader(*ws);
        const auto reading = reader.read(episodeId);
        QVERIFY(reading);
        const auto stored = ws->alerts.forEpisode(episodeId);
        QCOMPARE(episode.alerts().size(), stored.size());
        for (const QVariant &v : episode.alerts()) {
            const QVariantMap a = v.toMap();
            for (const store::AlertRecord &r : stored)
                if (r.id == a.value(QStringLiteral("alertId")).toString())
                    QCOMPARE(a.value(QStringLiteral("resolved")).toBool(),
                             insights::resolvedByRepair(r, reading->history, reading->analysis));
        }
        QCOMPARE(episode.notes(), ruleNoteSentences(reading->analysis));
        QVERIFY(!ui.screenshot(QStringLiteral("dashboard-figures-ready")).isEmpty());
    }

    // Issue 12: when the clinic figures arrive, "My patients" counts the cards that waited for
    // them in the rows already on screen. The rows change in place, never rebuilt: a physio's
    // tap on a row at that moment opens the patient instead of landing on a row being replaced.
    // A lock, an unlock, another physio signing in: no response was completed, so the cards
    // are there at once and the clinic figures are not worked out again (4-6 s of a core at
    // 2,000 patients, with the cards waiting).
    void anUnlockFindsTheClinicFiguresCurrent()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        const int computed = session()->clinicFiguresCache().computations();
        const int itemsComputed = session()->itemNormsCache().computations();
        const QVector<store::Episode> open =
            session()->workspace()->episodes.forPhysio(session()->signedInStaffId());
        QVERIFY(!open.isEmpty());
        const QString episodeId = open.first().id;

        QCOMPARE(session()->setPinTwice(QStringLiteral("2468"), QStringLiteral("2468")), QString());
        session()->lock();
        QVERIFY(!session()->workspace());
        QCOMPARE(session()->unlockWithPin(QStringLiteral("2468")), QString());
        QVERIFY(session()->workspace());
        QVERIFY(!session()->clinicFiguresWorking());
        QVERIFY(session()->readyClinicFigures());
        EpisodeController episode;
        QCOMPARE(episode.load(episodeId), QString());
        QVERIFY(!episode.figuresPending()); // the cards are judged at once

        session()->signOut();
        QVERIFY(signInOnly(QStringLiteral("Demo Physio 2"), QStringLiteral("demo-passphrase-2")));
        QVERIFY(!session()->clinicFiguresWorking());
        QVERIFY(session()->readyClinicFigures());
        QCOMPARE(session()->clinicFiguresCache().computations(), computed);
        QCOMPARE(session()->itemNormsCache().computations(), itemsComputed);

        // The file opened again (another program may have written to it): the figures are
        // forgotten and worked out again at the next sign-in.
        session()->reopen();
        QCOMPARE(session()->clinicFiguresCache().computations(), computed);
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        QCOMPARE(session()->clinicFiguresCache().computations(), computed + 1);
    }

    // The item figures are the lead's (the dashboard shows them to a lead or an admin): a
    // physio's sign-in works out the clinic norms alone, a lead's both.
    void onlyALeadsSignInWorksOutTheItemFigures()
    {
        session()->signOut();
        forgetClinicFigures();
        const int clinic = session()->clinicFiguresCache().computations();
        const int items = session()->itemNormsCache().computations();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        QCOMPARE(session()->clinicFiguresCache().computations(), clinic + 1);
        QCOMPARE(session()->itemNormsCache().computations(), items);

        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        QVERIFY(session()->readyItemNorms());
        QCOMPARE(session()->itemNormsCache().computations(), items + 1);
        DashboardModel lead(DashboardModel::Reading::Now);
        QVERIFY(!lead.itemNormsPending());
        QVERIFY(!lead.itemNorms().isEmpty());
        // The screen's model checks them against the stamp its worker read: the same figures
        // and cards, and no query on this thread.
        const int queries = testing::stampQueriesHere();
        DashboardModel onScreen;
        QVERIFY(testing::waitFor([&] { return !onScreen.loading(); }));
        QVERIFY(!onScreen.itemNormsPending());
        QCOMPARE(onScreen.itemNorms(), lead.itemNorms());
        QCOMPARE(onScreen.openCards(), lead.openCards());
        QCOMPARE(testing::stampQueriesHere(), queries);
        QCOMPARE(session()->itemNormsCache().computations(), items + 1);

        // Asked for by a physio's screen all the same: worked out then.
        session()->signOut();
        forgetClinicFigures();
        QVERIFY(signInAs(QStringLiteral("Demo Physio 2"), QStringLiteral("demo-passphrase-2")));
        QVERIFY(!session()->readyItemNorms());
        QVERIFY(
            testing::waitFor([this] { return session()->readyItemNorms() != nullptr; }, 120000));
    }

    void patientRowsStayPutWhenTheClinicFiguresArrive()
    {
        session()->signOut();
        forgetClinicFigures(); // as at the first sign-in after the app started
        FiguresHold gate;
        QVERIFY(signInOnly(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        QVERIFY(session()->clinicFiguresWorking());

        // A patient whose act-today cards wait for the figures.
        PatientListModel rows;
        QVariantMap waiting;
        for (int i = 0; i < rows.rowCount() && waiting.isEmpty(); ++i)
            if (rows.get(i).value(QStringLiteral("cardsToCheck")).toInt() > 0)
                waiting = rows.get(i);
        QVERIFY2(!waiting.isEmpty(), "the demo clinic has no open act-today card");

        triad::test::UiDriver ui;
        const QString rowName = showPatientRow(ui, waiting);
        QVERIFY(!rowName.isEmpty());
        const QString pending = QStringLiteral("Working out clinic figures… cards to check: %1")
                                    .arg(waiting.value(QStringLiteral("cardsToCheck")).toInt());
        QVERIFY2(ui.visibleTexts().contains(pending), qPrintable(ui.visibleTexts().join('|')));
        const QPointer<QQuickItem> row = ui.find(rowName);

        gate.release();
        QVERIFY(testing::waitFor([this] { return !session()->clinicFiguresWorking(); }, 120000));
        QTRY_VERIFY_WITH_TIMEOUT(!ui.visibleTexts().contains(pending), 20000);
        // The same row, now counted as the episode screen counts them.
        QVERIFY(row);
        QCOMPARE(ui.find(rowName), row.data());
        PatientListModel fresh;
        fresh.setSearch(waiting.value(QStringLiteral("code")).toString());
        QCOMPARE(fresh.rowCount(), 1);
        QCOMPARE(fresh.get(0).value(QStringLiteral("cardsToCheck")).toInt(), 0);
        const int open = fresh.get(0).value(QStringLiteral("openAlerts")).toInt();
        QCOMPARE(ui.visibleTexts().contains(QStringLiteral("Needs attention today: %1").arg(open)),
                 open > 0);
        // And a tap on it opens the patient.
        QVERIFY(ui.clickItem(row));
        QVERIFY(ui.waitFor(QStringLiteral("End-of-session round"), 10000,
                           triad::test::UiDriver::BelowTheFoldToo));
    }

    void screenRendersForTheLead()
    {
        session()->signOut();
        QVERIFY(signInAs(QStringLiteral("Demo Lead"), QStringLiteral("demo-passphrase-lead")));
        QStringList warnings;
        QQmlApplicationEngine engine;
        prepareEngine(engine);
        connect(&engine, &QQmlEngine::warnings, this, [&warnings](const QList<QQmlError> &list) {
            for (const QQmlError &e : list)
                warnings << e.toString();
        });
        engine.loadData(QByteArrayLiteral("import QtQuick\nimport QtQuick.Controls\n"
                                          "import Triad.Ui\n"
                                          "ApplicationWindow { width: 1280; height: 800; "
                                          "visible: true; DashboardScreen { anchors.fill: parent "
                                          "} }\n"));
        QVERIFY(!engine.rootObjects().isEmpty());
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTest::qWait(500);
        // The monthly chart is built by an asynchronous Loader after the rest of the screen.
        auto *monthly = window->findChild<QObject *>(QStringLiteral("monthlyChart"));
        QVERIFY(monthly);
        QTRY_VERIFY(monthly->property("item").value<QObject *>());
        QObject *chart = monthly->property("item").value<QObject *>();
        QCOMPARE(chart->property("count").toInt(), 3); // child, parent and physio lines
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
        QDir().mkpath(QStringLiteral(TRIAD_SCREENSHOT_DIR));
        QVERIFY(window->grabWindow().save(QStringLiteral(TRIAD_SCREENSHOT_DIR "/dashboard.png")));
        // The chart's legend and the ceiling rates, further down the page.
        auto *scroller = window->findChild<QObject *>(QStringLiteral("dashboardScroll"));
        QVERIFY(scroller);
        auto *flickable = scroller->property("contentItem").value<QObject *>();
        QVERIFY(flickable);
        // The monthly chart itself, its axes and its legend (issue 12: drawn by LineChart).
        auto *chartItem = qobject_cast<QQuickItem *>(chart);
        QVERIFY(chartItem);
        const QPointF inContent = chartItem->mapToItem(
            qvariant_cast<QQuickItem *>(flickable->property("contentItem")), QPointF(0, 0));
        flickable->setProperty("contentY", qMax(0.0, inContent.y() - 80));
        QTest::qWait(300);
        QVERIFY(window->grabWindow().save(
            QStringLiteral(TRIAD_SCREENSHOT_DIR "/dashboard-monthly-chart.png")));
        flickable->setProperty("contentY",
                               flickable->property("contentHeight").toDouble() - window->height());
        QTest::qWait(300);
        QVERIFY(window->grabWindow().save(
            QStringLiteral(TRIAD_SCREENSHOT_DIR "/dashboard-ceilings.png")));
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestDashboard test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_dashboard.moc"
