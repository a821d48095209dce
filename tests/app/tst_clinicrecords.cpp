// The clinic's records through the real QML: a new tablet restored from a backup made by
// triad-cli (every refusal in plain words with nothing created), sign-in refused when the
// store was edited outside Triad, a guardian removed from a patient, and the episode's
// session list after a round stopped before anyone began. Synthetic data only.
#include "demoscreens.h"
#include "roundfixture.h"
#include "uidriver.h"

#include "app/clinicsession.h"
#include "app/engine.h"
#include "app/episodecontroller.h"
#include "app/patienteditor.h"
#include "app/patientlistmodel.h"
#include "app/roundflow.h"

#include "core/store/rowseal.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace triad::test;
using triad::app::ClinicSession;

namespace {

constexpr const char *kAdminPassphrase = "synthetic passphrase one";
constexpr const char *kPhysioPassphrase = "synthetic passphrase two";

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs triad-cli as an administrator would, passphrases from the environment.
Run cli(const QStringList &args, const QString &passphrase, const QString &newPassphrase,
        const QString &home)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRIAD_PASSPHRASE"), passphrase);
    env.insert(QStringLiteral("TRIAD_NEW_PASSPHRASE"), newPassphrase);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home);
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(TRIAD_CLI), args);
    if (!p.waitForFinished(120000))
        return {};
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

// A statement run on the clinic database with the sqlite3 tool's powers (no key, no Triad).
bool rawSql(const QString &db, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "raw");
        raw.setDatabaseName(db);
        if (raw.open()) {
            QSqlQuery q(raw);
            ok = q.exec(sql) && q.numRowsAffected() > 0;
            q.finish();
            raw.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

QString staffIdOf(const QString &name)
{
    for (const QVariant &member : ClinicSession::instance()->staff()) {
        const QVariantMap m = member.toMap();
        if (m.value(QStringLiteral("name")).toString() == name)
            return m.value(QStringLiteral("staffId")).toString();
    }
    return {};
}

bool textShown(const UiDriver &ui, const QString &part)
{
    for (const QString &t : ui.visibleTexts())
        if (t.contains(part))
            return true;
    return false;
}

} // namespace

class TestClinicRecords : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_usb;

    QString dbPath() const { return qEnvironmentVariable("TRIAD_DB"); }

    // Types into the field named `name` as a keyboard would (its old text cleared first).
    static bool typeInto(UiDriver &ui, const QString &name, const QString &text)
    {
        QQuickItem *field = ui.find(name);
        if (!field)
            return false;
        field->setProperty("text", QString());
        if (!ui.clickItem(field))
            return false;
        ui.type(text);
        return field->property("text").toString() == text;
    }

    // Fills the restore form and taps "Restore the clinic"; returns the message shown once
    // the restore ended (empty when it worked).
    QString restoreWith(UiDriver &ui, const QString &file, const QString &who,
                        const QString &passphrase, bool *busyShown = nullptr)
    {
        auto *session = ClinicSession::instance();
        QQuickItem *fileField = ui.find(QStringLiteral("Backup file"));
        if (!fileField)
            return QStringLiteral("no file field");
        fileField->setProperty("text", file);
        if (!typeInto(ui, QStringLiteral("Your name"), who) ||
            !typeInto(ui, QStringLiteral("Your passphrase"), passphrase))
            return QStringLiteral("cannot type");
        // While the worker runs (scrypt at the backup's strength: a second or more), the
        // event loop goes on and the screen says it is restoring, with Restore disabled.
        bool shown = false;
        QSignalSpy finished(session, &ClinicSession::restoreFinished);
        const bool clicked = ui.click(QStringLiteral("Restore the clinic"));
        const bool started = clicked && (session->busy() || !finished.isEmpty());
        QDeadlineTimer deadline(120000);
        while (clicked && session->busy() && !deadline.hasExpired()) {
            QQuickItem *restore = ui.find(QStringLiteral("Restore the clinic"));
            shown = shown ||
                    (ui.find(QStringLiteral("Restoring")) && restore && !restore->isEnabled() &&
                     textShown(ui, QStringLiteral("Restoring: opening the backup")));
            QTest::qWait(20);
        }
        if (started && finished.isEmpty())
            finished.wait(5000);
        if (busyShown)
            *busyShown = shown;
        ui.settle();
        if (!clicked)
            return QStringLiteral("no restore button");
        if (finished.isEmpty()) {
            // Refused before anything ran (a field's problem): the screen says it.
            for (const QString &t : ui.visibleTexts())
                if (t.startsWith(QStringLiteral("Backup file:")) ||
                    t.startsWith(QStringLiteral("Your name:")) ||
                    t.startsWith(QStringLiteral("Passphrase:")))
                    return t;
            return QStringLiteral("nothing happened");
        }
        const QString message = finished.first().at(1).toString();
        if (!message.isEmpty() && !ui.visibleTexts().contains(message))
            return QStringLiteral("not shown: ") + message;
        return message;
    }

    // Nothing was created: still the first start, no clinic, no staff, no audit head.
    void expectNothingCreated()
    {
        auto *session = ClinicSession::instance();
        QCOMPARE(session->state(), QStringLiteral("firstRun"));
        QVERIFY(session->staff().isEmpty());
        QVERIFY(!QFile::exists(dbPath() + QStringLiteral(".audit-head")));
        QVERIFY(!QDir(QFileInfo(dbPath()).absolutePath())
                     .entryList({QStringLiteral("*restoring*")}, QDir::Files)
                     .size());
    }

private slots:
    void initTestCase()
    {
        triad::app::prepareStyle();
        m_usb = m_dir.filePath(QStringLiteral("usb"));
        QVERIFY(QDir().mkpath(m_usb));
        qputenv("TRIAD_BACKUP_FOLDERS", m_usb.toUtf8());
    }

    // The tablet was lost: on the new one (no clinic yet) the first screen offers "Restore
    // from a backup". A wrong passphrase, a damaged, a foreign file, a folder and a pipe are
    // each refused in plain words with nothing created; the real backup and the physio's
    // passphrase bring the clinic back and the sign-in screen follows.
    void restoreOntoANewTablet()
    {
        // The old tablet's clinic, made and backed up with triad-cli.
        const QString home = m_dir.filePath(QStringLiteral("xdg"));
        const QString old = m_dir.filePath(QStringLiteral("old.sqlite"));
        const QString admin = QString::fromLatin1(kAdminPassphrase);
        const QString physio = QString::fromLatin1(kPhysioPassphrase);
        Run r = cli({"init", "--db", old, "--clinic", "Harbour Clinic", "--admin", "Rae Admin"}, {},
                    admin, home);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli({"staff", "add", "--db", old, "--name", "Pat Physio", "--role", "physio"}, admin,
                physio, home);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = cli(
            {"patient", "add", "--db", old, "--name", "Kim Example", "--birth-date", "2016-05-01"},
            admin, {}, home);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString backup = m_usb + QStringLiteral("/clinic-2026-12-01.triadbak");
        r = cli({"backup", "--db", old, backup}, admin, {}, home);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        // Beside it: a damaged copy, a file that is no backup, a folder and a pipe.
        QFile original(backup);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray bytes = original.readAll();
        original.close();
        for (int i = 0; i < 64; ++i)
            bytes[bytes.size() / 2 + i] = char(bytes.at(bytes.size() / 2 + i) ^ 0x5a);
        const QString damaged = m_usb + QStringLiteral("/damaged.triadbak");
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        const QString foreign = m_usb + QStringLiteral("/holiday-photos.triadbak");
        QFile photo(foreign);
        QVERIFY(photo.open(QIODevice::WriteOnly));
        photo.write("\x89PNG\r\n\x1a\n not a backup at all");
        photo.close();
        const QString folder = m_usb + QStringLiteral("/older");
        QVERIFY(QDir().mkpath(folder));
        const QString pipe = m_dir.filePath(QStringLiteral("pipe.triadbak"));
        QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);

        UiDriver ui;
        QVERIFY(ui.loadMain());
        auto *session = ClinicSession::instance();
        QCOMPARE(session->state(), QStringLiteral("firstRun"));
        QVERIFY(
            ui.waitFor(QStringLiteral("Restore from a backup"), 5000, UiDriver::BelowTheFoldToo));
        {
            const QStringList problems =
                ui.screenshotEveryWay(QStringLiteral("first-run-with-restore"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        QVERIFY(ui.click(QStringLiteral("Restore from a backup")));
        QVERIFY(ui.waitFor(QStringLiteral("Use backup clinic-2026-12-01.triadbak")));
        QVERIFY(ui.find(QStringLiteral("Use backup damaged.triadbak")));
        {
            const QStringList problems = ui.screenshotEveryWay(QStringLiteral("restore-screen"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }

        // Choosing from the list fills the path.
        QVERIFY(ui.click(QStringLiteral("Use backup clinic-2026-12-01.triadbak")));
        QCOMPARE(ui.find(QStringLiteral("Backup file"))->property("text").toString(),
                 QDir::toNativeSeparators(backup));

        bool busyShown = false;
        QCOMPARE(restoreWith(ui, backup, QStringLiteral("Pat Physio"),
                             QStringLiteral("not the right words"), &busyShown),
                 QStringLiteral("The passphrase is not right. Try again."));
        QVERIFY(busyShown);
        expectNothingCreated();
        {
            const QStringList problems =
                ui.screenshotEveryWay(QStringLiteral("restore-wrong-passphrase"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }

        QString message = restoreWith(ui, backup, QStringLiteral("Nobody Here"), physio);
        QCOMPARE(message, QStringLiteral("No such staff member in this backup: \"Nobody Here\"."));
        expectNothingCreated();

        message = restoreWith(ui, damaged, QStringLiteral("Pat Physio"), physio);
        QVERIFY2(message.contains(QStringLiteral("damaged.triadbak")), qPrintable(message));
        expectNothingCreated();

        message = restoreWith(ui, foreign, QStringLiteral("Pat Physio"), physio);
        QVERIFY2(message.contains(QStringLiteral("is not a Triad backup file")),
                 qPrintable(message));
        expectNothingCreated();

        message = restoreWith(ui, folder, QStringLiteral("Pat Physio"), physio);
        QVERIFY2(message.contains(QStringLiteral("is a folder")), qPrintable(message));
        expectNothingCreated();

        message = restoreWith(ui, pipe, QStringLiteral("Pat Physio"), physio);
        QVERIFY2(message.contains(QStringLiteral("is not a regular file")), qPrintable(message));
        expectNothingCreated();
        ui.screenshot(QStringLiteral("restore-not-a-file"));

        // The real backup and the physio's own passphrase.
        busyShown = false;
        QCOMPARE(restoreWith(ui, backup, QStringLiteral("Pat Physio"), physio, &busyShown),
                 QString());
        QVERIFY(busyShown);
        QTRY_COMPARE(session->state(), QStringLiteral("signIn"));
        QCOMPARE(session->clinicName(), QStringLiteral("Harbour Clinic"));
        QVERIFY(ui.waitFor(QStringLiteral("I am Pat Physio")));
        QVERIFY(ui.find(QStringLiteral("I am Rae Admin")));
        QVERIFY(textShown(ui, QStringLiteral("was restored from clinic-2026-12-01.triadbak")));
        {
            const QStringList problems =
                ui.screenshotEveryWay(QStringLiteral("restore-then-sign-in"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }

        // The records came back: the admin signs in and finds the patient.
        QVERIFY(ui.click(QStringLiteral("I am Rae Admin")));
        QVERIFY(typeInto(ui, QStringLiteral("Passphrase"), admin));
        QVERIFY(ui.click(QStringLiteral("Sign in")));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), QStringLiteral("signedIn"), 60000);
        triad::app::PatientListModel patients;
        patients.reload();
        QCOMPARE(patients.rowCount(), 1);
        QCOMPARE(patients.get(0).value(QStringLiteral("name")).toString(),
                 QStringLiteral("Kim Example"));
        session->signOut();
        QCOMPARE(ui.warnings(), QStringList());
    }

    // Someone with the sqlite3 tool raised the physio's role to admin: the physio's sign-in
    // is refused on the sign-in screen with the plain "records do not match" sentence naming
    // what changed. Then the audit log's head file is deleted: nobody signs in.
    void signInRefusedWhenTheRecordsWereEdited()
    {
        auto *session = ClinicSession::instance();
        QCOMPARE(session->state(), QStringLiteral("signIn"));
        QVERIFY(rawSql(dbPath(), QStringLiteral("UPDATE staff SET role = 'admin' WHERE id = '%1'")
                                     .arg(staffIdOf(QStringLiteral("Pat Physio")))));
        session->reopen();
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.waitFor(QStringLiteral("I am Pat Physio")));
        QVERIFY(ui.click(QStringLiteral("I am Pat Physio")));
        QVERIFY(typeInto(ui, QStringLiteral("Passphrase"), QString::fromLatin1(kPhysioPassphrase)));
        QSignalSpy done(session, &ClinicSession::signInFinished);
        QVERIFY(ui.click(QStringLiteral("Sign in")));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), false);
        ui.settle();
        QCOMPARE(session->state(), QStringLiteral("signIn"));
        QVERIFY(!session->vault().holdsKey());
        QVERIFY(textShown(ui, QStringLiteral("The clinic's records do not match their audit "
                                             "trail: they were altered, cut short or replaced "
                                             "outside Triad.")));
        QVERIFY(textShown(ui, QStringLiteral("column role was changed outside Triad")));
        QVERIFY(ui.find(QStringLiteral("Sign out")) == nullptr);
        {
            const QStringList problems =
                ui.screenshotEveryWay(QStringLiteral("sign-in-records-edited"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }

        // The head file that pins the audit log's end is gone: refused too, for the admin.
        QVERIFY(QFile::remove(dbPath() + QStringLiteral(".audit-head")));
        session->reopen();
        ui.settle();
        QVERIFY(ui.waitFor(QStringLiteral("I am Rae Admin")));
        QVERIFY(ui.click(QStringLiteral("I am Rae Admin")));
        QVERIFY(typeInto(ui, QStringLiteral("Passphrase"), QString::fromLatin1(kAdminPassphrase)));
        done.clear();
        QVERIFY(ui.click(QStringLiteral("Sign in")));
        QVERIFY(done.wait(60000));
        QCOMPARE(done.first().at(0).toBool(), false);
        ui.settle();
        QCOMPARE(session->state(), QStringLiteral("signIn"));
        QVERIFY(
            textShown(ui, QStringLiteral("The clinic's records do not match their audit trail")));
        QVERIFY(textShown(ui, QStringLiteral("is missing")));
        ui.screenshot(QStringLiteral("sign-in-audit-head-missing"));
        QCOMPARE(ui.warnings(), QStringList());
    }

    // The rest works in a demo clinic of its own.
    void demoClinic()
    {
        qputenv("TRIAD_DB", m_dir.filePath(QStringLiteral("demo.sqlite")).toUtf8());
        ClinicSession::instance()->reopen();
        QCOMPARE(ClinicSession::instance()->state(), QStringLiteral("firstRun"));
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
    }

    // A round opened from the episode screen and stopped at the plan, twice: the session
    // list shows no new row, the numbering and the patient list's next step stay, and the
    // database holds one empty session at most (reused), never counted.
    void stoppedRoundLeavesNoEmptySessionRow()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        const QVariantMap patient = findDemoPatient([](const QVariantMap &row) {
            return row.value(QStringLiteral("sessions")).toInt() >= 2;
        });
        QVERIFY(!patient.isEmpty());
        const QString episodeId = patient.value(QStringLiteral("episodeId")).toString();
        const int sessions = patient.value(QStringLiteral("sessions")).toInt();
        const QString nextBefore = patient.value(QStringLiteral("nextAction")).toString();
        auto &db = ClinicSession::instance()->database();
        const auto storedSessions = [&] {
            QSqlQuery q = db.query();
            q.prepare(QStringLiteral("SELECT count(*) FROM session WHERE episode_id = ?"));
            q.addBindValue(episodeId);
            return q.exec() && q.next() ? q.value(0).toInt() : -1;
        };
        const int storedBefore = storedSessions();
        QVERIFY(openEpisode(ui, patient));
        QVERIFY(textShown(ui, QStringLiteral("Session %1 · ").arg(sessions)));

        auto *flow = triad::app::RoundFlow::instance();
        for (int attempt = 0; attempt < 2; ++attempt) {
            QVERIFY(ui.click(QStringLiteral("End-of-session round")));
            ui.settle();
            if (flow->stage() == QLatin1String("idle"))
                QVERIFY(ui.click(QStringLiteral("Confirm: Record another session")));
            QTRY_COMPARE(flow->stage(), QStringLiteral("plan"));
            QVERIFY(stopRound(ui));
            QVERIFY(ui.waitFor(QStringLiteral("End-of-session round"), 5000,
                               UiDriver::BelowTheFoldToo));
            ui.settle();
        }
        QVERIFY(textShown(ui, QStringLiteral("Session %1 · ").arg(sessions)));
        QVERIFY(!textShown(ui, QStringLiteral("Session %1 · ").arg(sessions + 1)));
        QVERIFY(!textShown(ui, QStringLiteral("Child – · Parent – · Physio –")));
        QCOMPARE(storedSessions(), storedBefore + 1);
        triad::app::EpisodeController episode;
        QCOMPARE(episode.load(episodeId), QString());
        QCOMPARE(episode.sessions().size(), sessions);
        const auto nextAction = [&] {
            return findDemoPatient([&](const QVariantMap &row) {
                       return row.value(QStringLiteral("episodeId")).toString() == episodeId;
                   })
                .value(QStringLiteral("nextAction"))
                .toString();
        };
        QCOMPARE(nextAction(), nextBefore);

        // Stopped after the child was skipped as absent: that is a session (something was
        // recorded), and its row says what happened instead of dashes.
        QVERIFY(ui.click(QStringLiteral("End-of-session round")));
        ui.settle();
        if (flow->stage() == QLatin1String("idle"))
            QVERIFY(ui.click(QStringLiteral("Confirm: Record another session")));
        QTRY_COMPARE(flow->stage(), QStringLiteral("plan"));
        QCOMPARE(flow->skip(QStringLiteral("child"), QStringLiteral("absent")), QString());
        QVERIFY(stopRound(ui));
        QVERIFY(
            ui.waitFor(QStringLiteral("End-of-session round"), 5000, UiDriver::BelowTheFoldToo));
        ui.settle();
        QCOMPARE(storedSessions(), storedBefore + 1); // the same, reused row
        QVERIFY(textShown(ui, QStringLiteral("Session %1 · ").arg(sessions + 1)));
        QVERIFY(textShown(ui, QStringLiteral("Child skipped (Absent) · Parent – · Physio –")));
        QVERIFY(textShown(ui, QStringLiteral("No form was handed in at this session.")));
        QCOMPARE(nextAction(), QStringLiteral("Session %1 round unfinished").arg(sessions + 1));
        {
            QStringList problems =
                ui.screenshotEveryWay(QStringLiteral("episode-after-stopped-rounds"));
            // The goals line is cut to two lines on purpose ("Edit" shows them whole).
            problems = problems.filter(QRegularExpression(QStringLiteral("^(?!.*· Goals: )")));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        QCOMPARE(ui.warnings(), QStringList());
    }

    // Patient details -> "Remove parent or carer 1": the confirmation names the guardian and
    // says what happens. One who answered parent forms leaves the list but keeps their row
    // and answers (marked in guardian_removal, sealed, audited "remove"); one added by
    // mistake who never answered is deleted (audited "delete").
    void guardianRemovedInThePatientEditor()
    {
        UiDriver ui;
        QVERIFY(ui.loadMain());
        QVERIFY(ui.enterDemoClinic());
        QVERIFY(
            signInAsDemo(ui, QStringLiteral("Demo Physio 1"), QStringLiteral("demo-passphrase-1")));
        auto *session = ClinicSession::instance();
        auto &db = session->database();
        const auto scalar = [&](const QString &sql, const QString &value) {
            QSqlQuery q = db.query();
            q.prepare(sql);
            q.addBindValue(value);
            return q.exec() && q.next() ? q.value(0) : QVariant();
        };
        // A patient whose parent answered forms.
        QString guardianId;
        const QVariantMap patient = findDemoPatient([&](const QVariantMap &row) {
            const QString id = scalar(QStringLiteral("SELECT g.id FROM guardian g WHERE "
                                                     "g.patient_id = ? AND EXISTS (SELECT 1 FROM "
                                                     "response r WHERE r.guardian_id = g.id)"),
                                      row.value(QStringLiteral("patientId")).toString())
                                   .toString();
            if (!id.isEmpty())
                guardianId = id;
            return !id.isEmpty();
        });
        QVERIFY(!patient.isEmpty());
        const QString patientId = patient.value(QStringLiteral("patientId")).toString();
        const QString childFirst =
            patient.value(QStringLiteral("name")).toString().section(QLatin1Char(' '), 0, 0);
        triad::app::PatientEditor probe;
        QCOMPARE(probe.load(patientId), QString());
        QCOMPARE(probe.guardians().size(), 1);
        const QString guardian =
            probe.guardians().first().toMap().value(QStringLiteral("name")).toString();
        const int answered = scalar(QStringLiteral("SELECT count(*) FROM response WHERE "
                                                   "guardian_id = ?"),
                                    guardianId)
                                 .toInt();
        QVERIFY(answered > 0);
        triad::app::EpisodeController episode;
        QCOMPARE(episode.load(patient.value(QStringLiteral("episodeId")).toString()), QString());
        const QVariantList sessionsBefore = episode.sessions();

        QVERIFY(openEpisode(ui, patient));
        QVERIFY(ui.click(QStringLiteral("Patient details")));
        QVERIFY(ui.waitFor(QStringLiteral("Remove parent or carer 1"), 5000,
                           UiDriver::BelowTheFoldToo));
        QVERIFY(ui.click(QStringLiteral("Remove parent or carer 1")));
        QVERIFY(ui.waitFor(QStringLiteral("Confirm: Remove")));
        const QString question =
            QStringLiteral("Remove %1 from %2's parents and carers? %1 answered %3: those "
                           "answers stay in the sessions and the chart; %1 is no longer offered "
                           "for new rounds.")
                .arg(guardian, childFirst,
                     answered == 1 ? QStringLiteral("one parent form")
                                   : QStringLiteral("%1 parent forms").arg(answered));
        QVERIFY2(ui.visibleTexts().contains(question), qPrintable(ui.visibleTexts().join('|')));
        {
            const QStringList problems =
                ui.screenshotEveryWay(QStringLiteral("guardian-remove-confirm"));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        }
        QVERIFY(ui.click(QStringLiteral("Confirm: Remove")));
        QTRY_VERIFY(ui.find(QStringLiteral("Remove parent or carer 1")) == nullptr);
        QVERIFY(ui.visibleTexts().contains(
            QStringLiteral("%1 is no longer on the list.").arg(guardian)));
        ui.screenshot(QStringLiteral("guardian-removed"));

        // In the database: the row and the answers stay, marked removed by the physio.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM guardian WHERE id = ?"), guardianId)
                     .toInt(),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT removed_by FROM guardian_removal WHERE "
                                       "guardian_id = ?"),
                        guardianId)
                     .toString(),
                 session->signedInStaffId());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM response WHERE guardian_id = ?"),
                        guardianId)
                     .toInt(),
                 answered);
        QCOMPARE(scalar(QStringLiteral("SELECT action FROM audit WHERE table_name = 'guardian' "
                                       "AND row_id = ? ORDER BY seq DESC LIMIT 1"),
                        guardianId)
                     .toString(),
                 QStringLiteral("remove"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM row_seal WHERE table_name = "
                                       "'guardian_removal' AND row_key LIKE '%' || ? || '%'"),
                        guardianId)
                     .toInt(),
                 1);
        QCOMPARE(episode.load(patient.value(QStringLiteral("episodeId")).toString()), QString());
        QCOMPARE(episode.sessions(), sessionsBefore); // the parent's scores are all still there
        QCOMPARE(probe.load(patientId), QString());
        QVERIFY(probe.guardians().isEmpty());

        // A carer added by mistake, never asked: removed, their name deleted.
        probe.setGuardians({QVariantMap{{QStringLiteral("name"), QStringLiteral("Lee Example")},
                                        {QStringLiteral("relation"), QStringLiteral("carer")}}});
        QCOMPARE(probe.save(), QString());
        const QString mistaken =
            scalar(QStringLiteral("SELECT id FROM guardian WHERE patient_id = ? AND id NOT IN "
                                  "(SELECT guardian_id FROM guardian_removal)"),
                   patientId)
                .toString();
        QVERIFY(!mistaken.isEmpty());
        QVERIFY(ui.click(QStringLiteral("Back")));
        QVERIFY(ui.waitFor(QStringLiteral("Patient details")));
        ui.settle(600); // the page slides back in
        QVERIFY(ui.click(QStringLiteral("Patient details")));
        QVERIFY(ui.waitFor(QStringLiteral("Remove parent or carer 1"), 5000,
                           UiDriver::BelowTheFoldToo));
        QVERIFY(ui.click(QStringLiteral("Remove parent or carer 1")));
        QVERIFY(ui.waitFor(QStringLiteral("Confirm: Remove")));
        QVERIFY(ui.visibleTexts().contains(
            QStringLiteral("Remove Lee Example from %1's parents and carers? Lee Example has not "
                           "answered any form, so their name is deleted.")
                .arg(childFirst)));
        QVERIFY(ui.click(QStringLiteral("Confirm: Remove")));
        QTRY_VERIFY(ui.find(QStringLiteral("Remove parent or carer 1")) == nullptr);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM guardian WHERE id = ?"), mistaken).toInt(),
            0);
        QCOMPARE(scalar(QStringLiteral("SELECT action FROM audit WHERE table_name = 'guardian' "
                                       "AND row_id = ? ORDER BY seq DESC LIMIT 1"),
                        mistaken)
                     .toString(),
                 QStringLiteral("delete"));
        const auto finding = triad::store::rowseal::verifyAll(
            db, session->vault().subkey(triad::crypto::KeyPurpose::Rows));
        QVERIFY2(finding.ok, qPrintable(finding.message));
        QCOMPARE(ui.warnings(), QStringList());
    }
};

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    triad::testing::prepareAppEnvironment(dir.filePath(QStringLiteral("clinic.sqlite")));
    TestClinicRecords test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_clinicrecords.moc"
