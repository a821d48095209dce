#include "clinicsession.h"

#include "clinicsettings.h"
#include "instrumentcatalog.h"
#include "readaloud.h"

#include "core/insights/completeresponses.h"
#include "core/store/clinic.h"
#include "core/store/freedmemory.h"
#include "core/store/integritycheck.h"
#include "core/store/schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#if defined(__linux__)
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace triad::app {

namespace {

crypto::ScryptParams g_scrypt;
crypto::PinHashing g_pinHashing;
int g_idleMinuteMs = 60 * 1000;
std::function<void()> g_figuresHold;   // set by tests only
std::function<void()> g_integrityHold; // set by tests only

// The calling thread (one of ClinicSession's pools') yields to the others when the cores are
// busy: its nice value raised by `by` on Linux, where a thread has its own. Once per thread:
// each pool's threads do nothing else.
void lowerThisThreadsPriority(int by)
{
#if defined(__linux__)
    static thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        const auto tid = id_t(syscall(SYS_gettid));
        errno = 0;
        const int nice = getpriority(PRIO_PROCESS, tid);
        if (errno == 0)
            setpriority(PRIO_PROCESS, tid, qMin(nice + by, 19));
    }
#else
    Q_UNUSED(by);
#endif
}

} // namespace

void yieldToTheScreen()
{
    // +5: behind the UI thread, ahead of the clinic figures' worker (+10), whose seconds of a
    // core would otherwise share it equally with the read a screen waits for.
    lowerThisThreadsPriority(5);
}

namespace {

QString databasePath()
{
    const QString fromEnv = qEnvironmentVariable("TRIAD_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("triad.sqlite"));
}

// Creates the clinic on a worker thread, on its own connection (a Qt SQL rule). The vault
// there is thrown away: the UI thread signs in afterwards, like at every start.
struct CreateResult
{
    QString adminId;
    QString message;
};

CreateResult createOnWorker(const QString &path, const QString &clinicName,
                            const QString &adminName, const QString &passphrase,
                            crypto::ScryptParams params)
{
    store::Database db;
    if (!db.open(path))
        return {{}, db.lastError().message()};
    crypto::Vault scratch;
    store::Clinic clinic(db);
    const auto admin = clinic.create(clinicName, adminName, passphrase, scratch, params);
    if (!admin)
        return {{}, db.lastError().message()};
    return {admin->id, {}};
}

} // namespace

Workspace::Workspace(store::Database &db, const crypto::Vault &vault)
    : cipher(vault.subkey(crypto::KeyPurpose::Fields))
    , audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId())
    , staff(db)
    , patients(db, cipher, audit)
    , episodes(db, cipher, audit)
    , sessions(db, audit)
    , responses(db, cipher, audit)
    , skips(db, audit)
    , alerts(db, cipher, audit)
{}

void ClinicSession::setCryptoParamsForTesting(const crypto::ScryptParams &scrypt,
                                              const crypto::PinHashing &pin)
{
    g_scrypt = scrypt;
    g_pinHashing = pin;
}

void ClinicSession::setIntegrityHoldForTesting(std::function<void()> hold)
{
    g_integrityHold = std::move(hold);
}

void ClinicSession::setClinicFiguresHoldForTesting(std::function<void()> hold)
{
    g_figuresHold = std::move(hold);
}

crypto::ScryptParams ClinicSession::cryptoParams()
{
    return g_scrypt;
}

ClinicSession *ClinicSession::instance()
{
    static ClinicSession *session = [] {
        auto *created = new ClinicSession;
        // The session lives as long as the process and is never destroyed, so nothing else
        // would wait for its figures' worker: at exit it would still be reading while the
        // program's statics (the library's tables, Qt's SQL registry) are torn down under it.
        // The application's destructor waits for it (and for a draft's fsync) first.
        qAddPostRoutine([] { ClinicSession::instance()->finishWorkersAtExit(); });
        return created;
    }();
    return session;
}

ClinicSession *ClinicSession::create(QQmlEngine *engine, QJSEngine *)
{
    auto *s = instance();
    QQmlEngine::setObjectOwnership(s, QQmlEngine::CppOwnership);
    // ReadAloud is QML's own singleton: follow the speech setting on the instance QML uses.
    if (engine) {
        s->m_engine = engine;
        s->applyLanguage();
        const int id = qmlTypeId("Triad.App", 1, 0, "ReadAloud");
        if (id >= 0)
            s->m_readAloud = engine->singletonInstance<ReadAloud *>(id);
        s->applySpeech();
    }
    return s;
}

ClinicSession::ClinicSession(QObject *parent)
    : QObject(parent)
    , m_vault(g_pinHashing)
{
    m_figuresPool.setMaxThreadCount(1);
    m_readerPool.setMaxThreadCount(2);
    // A sign-in runs three at once: the derivation, the file's check, the log's count.
    m_workPool.setMaxThreadCount(4);
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        // A running form is the family's time with the tablet: never lock it away from them.
        if (m_formRunning)
            return;
        const bool keepsPin = m_vault.hasPin();
        lock();
        m_lockReason = keepsPin
                           ? tr("Locked after %n minute(s) without use. Your PIN opens it again.",
                                "", m_idleMinutes)
                           : tr("Signed out after %n minute(s) without use (no PIN is set).", "",
                                m_idleMinutes);
        emit stateChanged();
    });
    // Every wrong PIN is audited; while locked it waits as a pending entry (auditlog.h).
    m_vault.setPinAttemptObserver([this](const crypto::PinAttempt &attempt) {
        if (attempt.outcome != crypto::PinOutcome::Rejected &&
            attempt.outcome != crypto::PinOutcome::PassphraseRequired)
            return;
        store::AuditLog pending(m_db, {}, {});
        pending.recordPending(attempt.staffId, QStringLiteral("pin-failed"),
                              QStringLiteral("staff"), attempt.staffId);
    });
    loadSettings();
    applyLanguage();
    openDatabase();
}

ClinicSession::~ClinicSession()
{
    m_update.waitForFinished();        // it tells this object of its stages
    m_figuresFuture.waitForFinished(); // its connection and library copy are its own
    m_workspace.reset();
    m_vault.lock();
}

void ClinicSession::openDatabase()
{
    const QString path = databasePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool existed = QFileInfo::exists(path);
    m_integrity = {};      // a check of a file opened before does not speak for this one
    forgetClinicFigures(); // nor do figures worked out from it
    // Opened without the integrity check, which reads the whole file (about 0.5 s of CPU for
    // a 110 MB clinic): it runs on a worker thread while the sign-in screen shows, and
    // sign-in waits for it before anything is written. A database to migrate is checked
    // first, as before, since migrating writes to it: on a worker thread, with the
    // "updating" screen up meanwhile.
    store::Database::Options deferred;
    deferred.checkIntegrity = false;
    deferred.migrate = false;
    // A new file (first run) has nothing to check: opened once, the usual way.
    const bool opened = existed ? m_db.open(path, deferred) : m_db.open(path);
    const bool current = opened && m_db.schemaVersion() == store::currentSchemaVersion();
    if (existed && opened && !current) {
        m_db.close();
        startSchemaUpdate(path);
        return;
    }
    if (!opened) {
        setError(tr("The clinic database cannot be opened: %1").arg(m_db.lastError().message()));
        setState(QStringLiteral("error"));
        return;
    }
    if (existed && current)
        startIntegrityCheck(m_db.path());
    refreshFromDatabase();
}

void ClinicSession::startIntegrityCheck(const QString &path)
{
    m_integrity = QtConcurrent::run(&m_workPool, [path, hold = g_integrityHold] {
        // Behind the UI thread: it runs beside the sign-in's key derivation and the log's
        // count, three busy threads on two cores (issue 12).
        yieldToTheScreen();
        if (hold)
            hold();
        return store::checkIntegrityOf(path);
    });
    auto *watcher = new QFutureWatcher<store::StoreError>(this);
    connect(watcher, &QFutureWatcher<store::StoreError>::finished, this, [this, watcher] {
        watcher->deleteLater();
        waitForIntegrity();
    });
    watcher->setFuture(m_integrity);
}

bool ClinicSession::waitForIntegrity()
{
    if (!m_integrity.isValid())
        return true;
    const store::StoreError error = m_integrity.result();
    if (!error.isError())
        return true;
    // Stays failed (the future keeps its result) until the database is opened again.
    // Damaged: nothing more is read or written; the same message as a refused open.
    dropWorkspace();
    m_vault.lock();
    m_db.clearRowKey();
    setBusy(false);
    setError(tr("The clinic database cannot be opened: %1").arg(error.message()));
    setState(QStringLiteral("error"));
    return false;
}

void ClinicSession::reopen()
{
    dropWorkspace();
    // Its connection shares this process's hold on the file: closed before this one is.
    waitForClinicFigures();
    m_vault.lock();
    m_db.close();
    openDatabase();
}

void ClinicSession::refreshFromDatabase()
{
    store::Clinic clinic(m_db);
    const bool exists = clinic.exists();
    m_clinicName = exists ? clinic.name() : QString();
    m_isDemo = exists && isDemoClinicName(m_clinicName);
    m_staffList.clear();
    store::StaffRepository staffRepo(m_db);
    for (const auto &member : staffRepo.list(true)) {
        m_staffList << QVariantMap{{QStringLiteral("staffId"), member.id},
                                   {QStringLiteral("name"), member.displayName},
                                   {QStringLiteral("role"), store::staffRoleId(member.role)},
                                   {QStringLiteral("active"), member.active}};
    }
    emit staffChanged();
    if (m_vault.isUnlocked())
        setState(QStringLiteral("signedIn"));
    else if (m_vault.state() == crypto::Vault::State::PinLocked)
        setState(QStringLiteral("pinLocked"));
    else
        setState(exists ? QStringLiteral("signIn") : QStringLiteral("firstRun"));
}

QString ClinicSession::signedInStaffId() const
{
    return m_vault.isUnlocked() || m_vault.holdsKey() ? m_vault.staffId() : QString();
}

bool ClinicSession::seesAllPatients() const
{
    return m_signedInRole == QLatin1String("lead") || m_signedInRole == QLatin1String("admin");
}

QString ClinicSession::displayNameOf(const QString &staffId) const
{
    for (const QVariant &v : m_staffList) {
        const QVariantMap m = v.toMap();
        if (m.value(QStringLiteral("staffId")).toString() == staffId)
            return m.value(QStringLiteral("name")).toString();
    }
    return {};
}

void ClinicSession::setState(const QString &state)
{
    // Emitted even when unchanged: name and role may differ after another sign-in.
    m_state = state;
    emit stateChanged();
}

void ClinicSession::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void ClinicSession::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

QString ClinicSession::storeMessage() const
{
    return m_db.lastError().message();
}

QString ClinicSession::createClinic(const QString &clinicName, const QString &adminName,
                                    const QString &passphrase, const QString &repeat)
{
    if (m_busy)
        return tr("Please wait: the previous step is still running.");
    if (m_state != QLatin1String("firstRun"))
        return tr("This tablet already has a clinic.");
    if (clinicName.simplified().isEmpty())
        return tr("Clinic name: please enter the clinic's name.");
    if (adminName.simplified().isEmpty())
        return tr("Your name: please enter your name.");
    const QString problem = crypto::passphraseProblem(passphrase);
    if (!problem.isEmpty())
        return tr("Passphrase: %1").arg(problem);
    if (passphrase != repeat)
        return tr("Repeat passphrase: the two passphrases are not the same.");

    setBusy(true);
    setError({});
    auto *watcher = new QFutureWatcher<CreateResult>(this);
    connect(watcher, &QFutureWatcher<CreateResult>::finished, this, [this, watcher, passphrase] {
        const CreateResult result = watcher->result();
        watcher->deleteLater();
        finishCreation(result.message, result.adminId, passphrase);
    });
    watcher->setFuture(QtConcurrent::run(&m_workPool, createOnWorker, m_db.path(),
                                         clinicName.simplified(), adminName.simplified(),
                                         passphrase, g_scrypt));
    return {};
}

void ClinicSession::signIn(const QString &staffId, const QString &passphrase)
{
    if (m_busy) {
        emit signInFinished(false, tr("Please wait: the previous step is still running."));
        return;
    }
    store::Clinic clinic(m_db);
    const auto slot = clinic.keySlot(staffId);
    if (!slot) {
        const QString message = tr("This staff member cannot sign in: %1").arg(storeMessage());
        setError(message);
        emit signInFinished(false, message);
        return;
    }
    // Whoever was signed in is signed out before the new key arrives.
    m_staffLockout = false;
    m_lockoutStaffId.clear();
    dropWorkspace();
    m_vault.lock();
    m_db.clearRowKey();
    setBusy(true);
    using Key = std::optional<crypto::SecureBytes>;
    auto *watcher = new QFutureWatcher<Key>(this);
    connect(watcher, &QFutureWatcher<Key>::finished, this, [this, watcher, staffId] {
        m_derivedKey = watcher->result();
        watcher->deleteLater();
        afterSignInChecks([this, staffId] { completeSignIn(staffId); });
    });
    // The derivation maps its 128 MiB on top of what the process holds: memory freed since
    // (the previous workspace, its clinic norms) goes back to the system first (issue 12).
    store::releaseFreedMemory(&m_db);
    startAuditTally();
    watcher->setFuture(store::Clinic::unwrapAsync(*slot, passphrase, staffId, &m_workPool));
}

void ClinicSession::startAuditTally()
{
    m_auditTally = {};
    const QString path = m_db.path();
    const qint64 since = path.isEmpty() ? -1 : store::dataVersion(m_db);
    if (since >= 0)
        m_auditTally = QtConcurrent::run(&m_workPool, [path, since] {
            yieldToTheScreen();
            return store::tallyAuditAt(path, since);
        });
}

std::optional<store::AuditTally> ClinicSession::takeAuditTally()
{
    std::optional<store::AuditTally> tally;
    if (m_auditTally.isValid() && m_auditTally.isFinished())
        tally = m_auditTally.result();
    m_auditTally = {};
    return tally;
}

void ClinicSession::afterSignInChecks(const std::function<void()> &next)
{
    // The check of the file started at opening ran beside the key derivation. At 2,000
    // patients it can outlast a quick sign-in (a demo account's cheaper derivation):
    // waited for off the UI thread, the spinner turning (the screen froze 1.6-2.0 s).
    if (m_integrity.isValid() && !m_integrity.isFinished()) {
        auto *check = new QFutureWatcher<store::StoreError>(this);
        connect(check, &QFutureWatcher<store::StoreError>::finished, this, [this, check, next] {
            check->deleteLater();
            afterSignInChecks(next);
        });
        check->setFuture(m_integrity);
        return;
    }
    // So is the count of the audit log (AuditLog::checkEnd), which took the UI thread 22 ms
    // at 2,000 patients.
    if (m_auditTally.isValid() && !m_auditTally.isFinished()) {
        using Tally = std::optional<store::AuditTally>;
        auto *tally = new QFutureWatcher<Tally>(this);
        connect(tally, &QFutureWatcher<Tally>::finished, this, [this, tally, next] {
            tally->deleteLater();
            afterSignInChecks(next);
        });
        tally->setFuture(m_auditTally);
        return;
    }
    next();
}

void ClinicSession::completeSignIn(const QString &staffId)
{
    std::optional<crypto::SecureBytes> key = std::exchange(m_derivedKey, std::nullopt);
    if (!waitForIntegrity()) {
        setBusy(false);
        emit signInFinished(false, m_errorMessage);
        return;
    }
    store::Clinic clinic(m_db);
    if (!clinic.finishSignIn(staffId, std::move(key), m_vault, takeAuditTally())) {
        setBusy(false);
        const QString message =
            m_db.lastError().kind == store::StoreErrorKind::WrongPassphrase
                ? tr("Passphrase: this is not the passphrase of this staff member.")
                : storeMessage();
        setError(message);
        refreshFromDatabase();
        emit signInFinished(false, message);
        return;
    }
    setError({});
    // The key tried and the sign-in written on this turn, the staff area built on the next
    // (issue 12): at 2,000 patients the two in one turn held the UI thread 18-28 ms. The
    // spinner turns until then; a lock or sign-out in between leaves nothing to build.
    QMetaObject::invokeMethod(
        this,
        [this, staffId] {
            setBusy(false);
            if (!m_vault.isUnlocked() || m_vault.staffId() != staffId || m_workspace) {
                refreshFromDatabase();
                emit signInFinished(false, {});
                return;
            }
            enterSignedIn();
            emit signInFinished(true, {});
        },
        Qt::QueuedConnection);
}

void ClinicSession::enterSignedIn()
{
    m_lockReason.clear();
    store::StaffRepository staffRepo(m_db);
    const auto member = staffRepo.get(m_vault.staffId());
    m_signedInName = member ? member->displayName : QString();
    m_signedInRole = member ? store::staffRoleId(member->role) : QString();
    m_db.clearError();
    m_workspace = std::make_unique<Workspace>(m_db, m_vault);
    refreshFromDatabase();
    emit pinChanged();
    emit workspaceChanged();
    restartIdleTimer();
    // The item figures only for whoever sees the dashboard's (a lead, an admin): they were a
    // third of the computation, worked out after every physio's sign-in and round for nobody.
    m_itemNormsWanted =
        m_signedInRole == QLatin1String("lead") || m_signedInRole == QLatin1String("admin");
    // After the key derivation, whose 128 MiB are given back by now: the figures' scratch
    // never adds to that peak (issue 12). Only when responses were completed since the last
    // figures (or there are none yet): an unlock after an idle lock finds them current.
    refreshClinicFiguresIfStale();
}

void ClinicSession::refreshClinicFiguresIfStale()
{
    // One still running (started before a lock) is checked against the stamp when it ends
    // and worked out again then if it is stale.
    if (m_figuresRunning)
        return;
    const InstrumentLibrary &library = InstrumentCatalog::instance()->library();
    bool failed = false;
    const bool current = m_clinicFigures.current(m_db, library, &failed) &&
                         (!m_itemNormsWanted || m_itemNorms.current(m_db, library, &failed));
    if (current && !failed)
        return;
    m_db.clearError(); // a failed check is the computation's to report
    refreshClinicFigures();
}

void ClinicSession::forgetClinicFigures()
{
    // A computation still running read the database before: its result is dropped.
    ++m_figuresGeneration;
    m_figuresAgain = false;
    m_figuresError.clear();
    m_clinicFigures.invalidate();
    m_itemNorms.invalidate();
}

void ClinicSession::dropWorkspace()
{
    m_idleTimer.stop();
    // A computation still running is kept when it ends (the figures hold no one's data, and
    // the next unlock needs them); one asked for again meanwhile waits for that unlock.
    m_figuresAgain = false;
    m_figuresError.clear();
    if (!m_workspace)
        return;
    m_workspace.reset();
    emit workspaceChanged();
}

const insights::ClinicFigures *ClinicSession::readyClinicFigures(bool *databaseError)
{
    if (databaseError)
        *databaseError = false;
    if (!m_workspace)
        return nullptr;
    bool failed = false;
    const insights::ClinicFigures *figures =
        m_clinicFigures.current(m_db, InstrumentCatalog::instance()->library(), &failed);
    if (figures)
        return figures;
    if (failed || !m_figuresError.isEmpty()) {
        if (databaseError)
            *databaseError = true;
        return nullptr;
    }
    startClinicFigures();
    return nullptr;
}

void ClinicSession::wantItemNorms()
{
    if (m_itemNormsWanted)
        return;
    m_itemNormsWanted = true; // asked for the first time since sign-in
    if (m_figuresRunning)
        m_figuresAgain = true; // the running one leaves them out: once more with them
}

const QVector<insights::FormReliability> *ClinicSession::readyItemNorms(bool *databaseError)
{
    if (databaseError)
        *databaseError = false;
    if (!m_workspace)
        return nullptr;
    wantItemNorms();
    bool failed = false;
    const QVector<insights::FormReliability> *norms =
        m_itemNorms.current(m_db, InstrumentCatalog::instance()->library(), &failed);
    if (norms)
        return norms;
    if (failed || !m_figuresError.isEmpty()) {
        if (databaseError)
            *databaseError = true;
        return nullptr;
    }
    startClinicFigures();
    return nullptr;
}

const QVector<insights::FormReliability> *ClinicSession::itemNormsFor(const QString &stamp,
                                                                      bool *failed)
{
    *failed = false;
    if (!m_workspace)
        return nullptr;
    wantItemNorms();
    const auto *norms = m_itemNorms.currentFor(stamp, InstrumentCatalog::instance()->library());
    if (norms)
        return norms;
    if (!m_figuresError.isEmpty()) {
        *failed = true;
        return nullptr;
    }
    startClinicFigures();
    return nullptr;
}

const insights::ClinicFigures *ClinicSession::installedClinicFigures(QString *stamp) const
{
    return m_workspace ? m_clinicFigures.installed(InstrumentCatalog::instance()->library(), stamp)
                       : nullptr;
}

void ClinicSession::wantClinicFigures()
{
    if (m_figuresError.isEmpty())
        startClinicFigures();
}

void ClinicSession::refreshClinicFigures()
{
    ++m_figuresGeneration;
    m_figuresError.clear();
    if (m_figuresRunning)
        m_figuresAgain = true; // once the running one ends: its result is dropped
    else
        startClinicFigures();
}

void ClinicSession::waitForClinicFigures()
{
    m_figuresFuture.waitForFinished();
}

void ClinicSession::finishWorkersAtExit()
{
    // A computation still running is stopped, not waited out: at 2,000 patients it can take
    // seconds, and its result would be thrown away with the app.
    m_figuresCancel.store(true);
    m_figuresFuture.waitForFinished();
    m_figuresPool.waitForDone(); // its idle thread too: no thread of ours outlives the app
    m_readerPool.waitForDone();
    m_workPool.waitForDone();
    // And the last draft answer's fsync, if one is still on its way to the disk.
    m_db.waitForBackgroundSync();
}

void ClinicSession::startClinicFigures()
{
    // One at a time: a running computation is checked against the current stamp when it
    // ends, and worked out again then if responses completed meanwhile.
    if (!m_workspace || !m_db.isOpen() || m_figuresRunning)
        return;
    m_figuresAgain = false;
    const quint64 generation = m_figuresGeneration;
    const bool withItemNorms = m_itemNormsWanted;
    // A copy for the worker: the catalog's library may be replaced on this thread meanwhile.
    auto library =
        std::make_shared<const InstrumentLibrary>(InstrumentCatalog::instance()->library());
    using Watcher = QFutureWatcher<insights::FiguresSnapshot>;
    auto *watcher = new Watcher(this);
    connect(watcher, &Watcher::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        insights::FiguresSnapshot snapshot = watcher->result();
        // The finished future's result store would keep the worker's own snapshot (a second
        // copy of the figures, in the worker's malloc arena) alive until the next
        // computation. Not QFuture::takeResult(): in Qt 6.4 it leaves the future unfinished,
        // and finishWorkersAtExit() then waited for it for ever.
        m_figuresFuture = QFuture<insights::FiguresSnapshot>();
        takeClinicFigures(generation, std::move(snapshot));
    });
    m_figuresRunning = true;
    // Before the worker's snapshot begins.
    m_figuresMark = insights::StampCheck::markNow(m_db);
    m_figuresFuture =
        QtConcurrent::run(&m_figuresPool, [path = m_db.path(), library, hold = g_figuresHold,
                                           cancel = &m_figuresCancel, withItemNorms] {
            lowerThisThreadsPriority(10);
            if (hold)
                hold();
            return insights::computeFiguresAt(path, *library, cancel, withItemNorms);
        });
    watcher->setFuture(m_figuresFuture);
    emit clinicFiguresChanged();
}

void ClinicSession::takeClinicFigures(quint64 generation, insights::FiguresSnapshot snapshot)
{
    m_figuresRunning = false;
    if (generation == m_figuresGeneration && m_db.isOpen()) {
        if (!snapshot.error.isEmpty() || !snapshot.clinic) {
            m_figuresError = snapshot.error.isEmpty() ? tr("the clinic figures could not be read")
                                                      : snapshot.error;
        } else {
            // Published only when the responses it read are still the clinic's current ones:
            // a response completed since (on this connection) makes it stale, never current.
            // Where the connection stands now against just before the worker's snapshot
            // answers that without the stamp's query on this thread (it reads every complete
            // response: 10-17 ms at 2,000 patients, after every round): the same mark, and
            // the snapshot's stamp is the current one; responses of this connection's own
            // completed since, and it is stale (worked out again).
            const auto mark = insights::StampCheck::markNow(m_db);
            const bool unchanged = m_figuresMark && mark && *mark == *m_figuresMark;
            const bool completedSince =
                m_figuresMark && mark && insights::StampCheck::ownWritesOnly(*m_figuresMark, *mark);
            std::optional<QString> stamp;
            if (unchanged) {
                m_clinicFigures.adoptStamp(*mark, snapshot.stamp);
                m_itemNorms.adoptStamp(*mark, snapshot.stamp);
                stamp = snapshot.stamp;
            } else if (!completedSince) {
                stamp = m_clinicFigures.stamp(m_db); // another connection's commit, or no mark
            }
            if (completedSince) {
                m_figuresAgain = true;
            } else if (!stamp) {
                m_figuresError = m_db.lastError().message();
            } else if (*stamp == snapshot.stamp) {
                const InstrumentLibrary &library = InstrumentCatalog::instance()->library();
                m_clinicFigures.install(snapshot.clinic->detached(), snapshot.stamp, library);
                if (snapshot.items)
                    m_itemNorms.install(insights::detached(*snapshot.items), snapshot.stamp,
                                        library);
                else if (m_itemNormsWanted) // asked for while this one ran without them
                    m_figuresAgain = true;
            } else {
                m_figuresAgain = true;
            }
        }
    }
    // The worker built the figures in its own malloc arena, in among 48 MiB of scratch: the
    // copies above (norms and item figures) live on this thread, and the scratch's pages go
    // back (issue 12: 5.7 MiB).
    snapshot = insights::FiguresSnapshot{};
    store::releaseFreedMemory();
    if (m_figuresAgain)
        startClinicFigures();
    emit clinicFiguresChanged();
}

namespace {
// One digit repeated (0000) or a run up or down (1234, 9876): the first PINs anyone tries.
bool isTrivialPin(const QString &pin)
{
    if (pin.size() < 2)
        return false;
    bool same = true, up = true, down = true;
    for (int i = 1; i < pin.size(); ++i) {
        const int step = pin.at(i).unicode() - pin.at(i - 1).unicode();
        same = same && step == 0;
        up = up && step == 1;
        down = down && step == -1;
    }
    return same || up || down;
}
} // namespace

QString ClinicSession::setPinTwice(const QString &pin, const QString &repeat)
{
    if (pin != repeat)
        return tr("PIN: the two PINs are not the same; please type it twice again.");
    return setPin(pin);
}

QString ClinicSession::setPin(const QString &pin)
{
    if (!m_vault.isUnlocked())
        return tr("PIN: sign in first.");
    if (isTrivialPin(pin))
        return tr("PIN: %1 is the first PIN anyone would try (the same digit, or digits in a "
                  "row); please choose another.")
            .arg(pin);
    const QString problem = m_vault.setPin(pin);
    emit pinChanged();
    return problem.isEmpty() ? QString() : tr("PIN: %1").arg(problem);
}

QString ClinicSession::unlockWithPin(const QString &pin)
{
    if (m_vault.state() != crypto::Vault::State::PinLocked)
        return tr("The screen is not locked with a PIN.");
    return judgePinUnlock(m_vault.enterPin(pin));
}

void ClinicSession::unlockWithPinAsync(const QString &pin)
{
    if (m_busy) {
        emit pinUnlockFinished(false, tr("Please wait: the previous step is still running."));
        return;
    }
    if (m_vault.state() != crypto::Vault::State::PinLocked) {
        emit pinUnlockFinished(false, tr("The screen is not locked with a PIN."));
        return;
    }
    setBusy(true);
    auto *watcher = new QFutureWatcher<crypto::SecureBytes>(this);
    connect(watcher, &QFutureWatcher<crypto::SecureBytes>::finished, this, [this, watcher] {
        const crypto::SecureBytes candidate = watcher->result();
        watcher->deleteLater();
        setBusy(false);
        // Signed out meanwhile: the hash belongs to a lock that is gone; count nothing.
        if (m_vault.state() != crypto::Vault::State::PinLocked) {
            emit pinUnlockFinished(false, {});
            return;
        }
        const QString message = judgePinUnlock(m_vault.enterPinHash(candidate));
        emit pinUnlockFinished(message.isEmpty(), message);
    });
    watcher->setFuture(QtConcurrent::run(&m_workPool, m_vault.pinHasher(pin)));
}

QString ClinicSession::judgePinUnlock(const crypto::PinAttempt &attempt)
{
    emit pinChanged();
    switch (attempt.outcome) {
    case crypto::PinOutcome::Accepted:
        enterSignedIn();
        return {};
    case crypto::PinOutcome::Rejected:
        return tr("PIN: wrong PIN. Attempts left: %1.").arg(attempt.attemptsLeft);
    case crypto::PinOutcome::PassphraseRequired:
    case crypto::PinOutcome::NoPin:
        break;
    }
    const QString message = tr("Too many wrong PINs: please sign in again with your passphrase.");
    m_lockReason = message;
    m_signedInName.clear();
    m_signedInRole.clear();
    setError(message);
    refreshFromDatabase();
    return message;
}

bool ClinicSession::checkStaffPin(const QString &pin)
{
    if (!m_vault.isUnlocked() || !m_vault.hasPin())
        return false;
    return judgeStaffPin(m_vault.enterPin(pin)).isEmpty();
}

void ClinicSession::checkStaffPinAsync(const QString &pin)
{
    if (m_busy) {
        emit staffPinChecked(false, tr("Please wait: the previous step is still running."));
        return;
    }
    if (!m_vault.isUnlocked() || !m_vault.hasPin()) {
        emit staffPinChecked(false, tr("No PIN is set: please use a staff passphrase."));
        return;
    }
    setBusy(true);
    auto *watcher = new QFutureWatcher<crypto::SecureBytes>(this);
    connect(watcher, &QFutureWatcher<crypto::SecureBytes>::finished, this, [this, watcher] {
        const crypto::SecureBytes candidate = watcher->result();
        watcher->deleteLater();
        setBusy(false);
        const QString message = judgeStaffPin(m_vault.enterPinHash(candidate));
        emit staffPinChecked(message.isEmpty(), message);
    });
    watcher->setFuture(QtConcurrent::run(&m_workPool, m_vault.pinHasher(pin)));
}

QString ClinicSession::judgeStaffPin(const crypto::PinAttempt &attempt)
{
    emit pinChanged();
    switch (attempt.outcome) {
    case crypto::PinOutcome::Accepted:
        restartIdleTimer();
        return {};
    case crypto::PinOutcome::Rejected:
        return attempt.attemptsLeft == 1
                   ? tr("That PIN did not match. One more wrong PIN and a staff passphrase "
                        "will be needed.")
                   : tr("That PIN did not match. %1 tries left.").arg(attempt.attemptsLeft);
    case crypto::PinOutcome::NoPin:
        return tr("No PIN is set: please use a staff passphrase.");
    case crypto::PinOutcome::PassphraseRequired:
        break;
    }
    // The vault wiped key and PIN (nobody can keep guessing), but the family's round stays
    // on screen, its answers already saved; a staff passphrase takes the tablet back.
    m_staffLockout = true;
    m_lockoutStaffId = attempt.staffId;
    m_lockoutAt = QDateTime::currentDateTime();
    // Told first, so the screens keep the round up while the sign-in state follows.
    emit pinChanged();
    store::AuditLog pending(m_db, {}, {});
    pending.recordPending(attempt.staffId, QStringLiteral("pin-lockout"), QStringLiteral("staff"),
                          attempt.staffId);
    dropWorkspace();
    m_signedInName.clear();
    m_signedInRole.clear();
    refreshFromDatabase();
    return tr("Too many wrong PINs. The PIN is switched off; a staff passphrase unlocks the "
              "tablet. The answers are kept.");
}

void ClinicSession::confirmStaffPassphrase(const QString &staffId, const QString &passphrase)
{
    if (m_busy) {
        emit staffPassphraseChecked(false, tr("Please wait: the previous step is still running."));
        return;
    }
    if (passphrase.isEmpty()) {
        emit staffPassphraseChecked(false, tr("Passphrase: please type the passphrase."));
        return;
    }
    store::Clinic clinic(m_db);
    const auto slot = clinic.keySlot(staffId);
    if (!slot) {
        emit staffPassphraseChecked(
            false, tr("This staff member cannot unlock the tablet: %1").arg(storeMessage()));
        return;
    }
    setBusy(true);
    using Key = std::optional<crypto::SecureBytes>;
    auto *watcher = new QFutureWatcher<Key>(this);
    connect(watcher, &QFutureWatcher<Key>::finished, this, [this, watcher, staffId] {
        m_derivedKey = watcher->result();
        watcher->deleteLater();
        afterSignInChecks([this, staffId] { completeStaffPassphrase(staffId); });
    });
    // The derivation maps its 128 MiB on top of what the process holds: memory freed since
    // (the previous workspace, its clinic norms) goes back to the system first (issue 12).
    store::releaseFreedMemory(&m_db);
    startAuditTally();
    watcher->setFuture(store::Clinic::unwrapAsync(*slot, passphrase, staffId, &m_workPool));
}

void ClinicSession::completeStaffPassphrase(const QString &staffId)
{
    std::optional<crypto::SecureBytes> key = std::exchange(m_derivedKey, std::nullopt);
    setBusy(false);
    if (!key) {
        // Recorded like a failed sign-in; the vault (and a running round) stay as they are.
        store::AuditLog pending(m_db, {}, {});
        pending.recordPending(staffId, QStringLiteral("sign-in-failed"), QStringLiteral("staff"),
                              staffId);
        emit staffPassphraseChecked(
            false, tr("Passphrase: this is not the passphrase of this staff member."));
        return;
    }
    store::Clinic clinic(m_db);
    if (!clinic.finishSignIn(staffId, std::move(key), m_vault, takeAuditTally())) {
        const QString message = storeMessage();
        refreshFromDatabase();
        emit staffPassphraseChecked(false, message);
        return;
    }
    if (m_staffLockout) {
        m_lockoutNotice =
            tr("At %1, while the tablet was with the family, %2 wrong PINs were typed on the "
               "staff keypad. The PIN was switched off and %3 unlocked the tablet with a "
               "passphrase. No answer was lost. Set a new PIN in Settings before the next "
               "round.")
                .arg(QLocale().toString(m_lockoutAt.time(), QLocale::ShortFormat))
                .arg(crypto::Vault::kMaxPinAttempts)
                .arg(displayNameOf(staffId));
    }
    m_staffLockout = false;
    m_lockoutStaffId.clear();
    setError({});
    enterSignedIn();
    emit staffPassphraseChecked(true, {});
}

void ClinicSession::dismissLockoutNotice()
{
    m_lockoutNotice.clear();
    emit pinChanged();
}

void ClinicSession::lock()
{
    m_lockReason.clear();
    dropWorkspace();
    if (m_vault.hasPin() && m_vault.isUnlocked()) {
        m_vault.pinLock();
    } else {
        m_vault.lock();
        m_db.clearRowKey();
        m_signedInName.clear();
        m_signedInRole.clear();
    }
    emit pinChanged();
    refreshFromDatabase();
}

void ClinicSession::signOut()
{
    m_lockReason.clear();
    m_staffLockout = false;
    m_lockoutStaffId.clear();
    dropWorkspace();
    m_vault.lock();
    m_db.clearRowKey();
    m_signedInName.clear();
    m_signedInRole.clear();
    emit pinChanged();
    refreshFromDatabase();
}

void ClinicSession::setIdleMinuteForTesting(int milliseconds)
{
    g_idleMinuteMs = std::max(1, milliseconds);
}

void ClinicSession::userActivity()
{
    if (isSignedIn())
        restartIdleTimer();
}

void ClinicSession::restartIdleTimer()
{
    if (m_formRunning || !m_vault.isUnlocked()) {
        m_idleTimer.stop();
        return;
    }
    m_idleTimer.start(std::max(1, m_idleMinutes) * g_idleMinuteMs);
}

void ClinicSession::setFormRunning(bool running)
{
    if (m_formRunning == running)
        return;
    m_formRunning = running;
    restartIdleTimer();
    emit formRunningChanged();
}

void ClinicSession::loadSettings()
{
    const DeviceSettings s = readDeviceSettings();
    m_idleMinutes = s.idleMinutes;
    m_fontScale = s.fontScale;
    m_highContrast = s.highContrast;
    m_language = s.language;
    m_speechEnabled = s.speechEnabled;
    m_autoAdvanceChild = s.autoAdvanceChild;
    m_autoAdvanceAdult = s.autoAdvanceAdult;
}

void ClinicSession::saveSettings()
{
    writeDeviceSettings({m_idleMinutes, m_fontScale, m_highContrast, m_language, m_speechEnabled,
                         m_autoAdvanceChild, m_autoAdvanceAdult});
    emit settingsChanged();
}

void ClinicSession::applySpeech()
{
    if (auto *speech = qobject_cast<ReadAloud *>(m_readAloud))
        speech->setEnabled(m_speechEnabled);
}

void ClinicSession::setIdleMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, 60);
    if (minutes == m_idleMinutes)
        return;
    m_idleMinutes = minutes;
    saveSettings();
    restartIdleTimer();
}

void ClinicSession::setFontScale(qreal scale)
{
    scale = std::clamp(scale, 1.0, 2.0);
    if (qFuzzyCompare(scale, m_fontScale))
        return;
    m_fontScale = scale;
    saveSettings();
}

void ClinicSession::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    saveSettings();
}

void ClinicSession::setLanguage(const QString &language)
{
    if (language.isEmpty() || language == m_language || !uiLanguages().contains(language))
        return;
    m_language = language;
    applyLanguage();
    saveSettings();
}

QStringList ClinicSession::uiLanguages() const
{
    return builtUiLanguages();
}

void ClinicSession::applyLanguage()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::make_unique<QTranslator>();
    const QString file = QStringLiteral(":/i18n/triad_%1.qm").arg(m_language);
    if (m_translator->load(file))
        QCoreApplication::installTranslator(m_translator.get());
    // English is the source: its file holds plural forms only. Any other language whose
    // file translates nothing of a sample of the app's words shows them in English.
    m_languageIncomplete = m_language != QLatin1String("en") &&
                           (m_translator->isEmpty() ||
                            m_translator->translate("SettingsScreen", "Language").isEmpty());
    if (m_engine)
        m_engine->retranslate();
}

void ClinicSession::setAutoAdvanceChild(bool on)
{
    if (on == m_autoAdvanceChild)
        return;
    m_autoAdvanceChild = on;
    saveSettings();
}

void ClinicSession::setAutoAdvanceAdult(bool on)
{
    if (on == m_autoAdvanceAdult)
        return;
    m_autoAdvanceAdult = on;
    saveSettings();
}

void ClinicSession::setSpeechEnabled(bool on)
{
    if (on == m_speechEnabled)
        return;
    m_speechEnabled = on;
    saveSettings();
    applySpeech();
}

void ClinicSession::finishCreation(const QString &failure, const QString &adminId,
                                   const QString &passphrase)
{
    setBusy(false);
    refreshFromDatabase();
    if (!failure.isEmpty()) {
        setError(failure);
        emit createFinished(false, failure);
        return;
    }
    auto relay = std::make_shared<QMetaObject::Connection>();
    *relay = connect(this, &ClinicSession::signInFinished, this,
                     [this, relay](bool ok, const QString &message) {
                         disconnect(*relay);
                         emit createFinished(ok, message);
                     });
    signIn(adminId, passphrase);
}

} // namespace triad::app
