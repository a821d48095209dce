#pragma once
// The signed-in session of the tablet: owns the clinic database, the vault with the data
// key, the repositories that need that key, the idle lock and the device settings.
// Every other controller reaches the store through ClinicSession::instance().workspace().
//
// The slow key derivation (scrypt) never runs on the UI thread: sign-in unwraps the key
// slot with Clinic::unwrapAsync, and creating a clinic runs on a worker thread with its own
// database connection (a Qt SQL rule), then signs in like everyone else.

#include "core/crypto/vault.h"
#include "core/insights/clinicfigurescache.h"
#include "core/insights/figuressnapshot.h"
#include "core/insights/itemnormscache.h"
#include "core/store/alertrepository.h"
#include "core/store/auditlog.h"
#include "core/store/database.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"
#include "core/store/roundskiprepository.h"
#include "core/store/staffrepository.h"

#include <atomic>
#include <functional>
#include <memory>
#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QThreadPool>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QTranslator>
#include <QVariantList>

class QJSEngine;

namespace triad::app {

// The repositories of one unlocked session. Built at sign-in (and at PIN unlock) from the
// vault's subkeys and destroyed at every lock, so no key copy outlives the unlocked state.
struct Workspace
{
    Workspace(store::Database &db, const crypto::Vault &vault);

    crypto::FieldCipher cipher;
    store::AuditLog audit;
    store::StaffRepository staff;
    store::PatientRepository patients;
    store::EpisodeRepository episodes;
    store::SessionRepository sessions;
    store::ResponseRepository responses;
    store::RoundSkipRepository skips;
    store::AlertRepository alerts;
    // The dashboard's open act-today cards of the whole clinic as last read, and what they
    // were read under (store::changeStamp and the day): read again only after a write.
    QVariantList openCards;
    QString openCardsStamp;
};

// A screen's read on ClinicSession's reader pool calls this first: the worker thread yields to
// the UI thread (and the display server) when the two cores are busy, so building the screen
// that waits for the read is not slowed by the read itself (nice +5 on Linux, once a thread;
// the clinic figures' worker yields to both, +10).
void yieldToTheScreen();

class ClinicSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    // While the state is "updating" (a file of an older Triad migrated on a worker thread):
    // 1 while the copy of the file as it was is written, 2 while the file is updated.
    Q_PROPERTY(int updateStage READ updateStage NOTIFY updateStageChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString clinicName READ clinicName NOTIFY stateChanged)
    Q_PROPERTY(bool isDemo READ isDemo NOTIFY stateChanged)
    Q_PROPERTY(QVariantList staff READ staff NOTIFY staffChanged)
    Q_PROPERTY(QString signedInStaffId READ signedInStaffId NOTIFY stateChanged)
    Q_PROPERTY(QString signedInName READ signedInName NOTIFY stateChanged)
    Q_PROPERTY(QString signedInRole READ signedInRole NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // While the demo clinic is being made: 0..1 of the actual work done, and the step in
    // words ("Patients and their sessions: 5 of 12"). Set on the UI thread from the worker.
    Q_PROPERTY(qreal demoProgress READ demoProgress NOTIFY demoProgressChanged)
    Q_PROPERTY(QString demoStep READ demoStep NOTIFY demoProgressChanged)
    // In the synthetic demo clinic only: its accounts ({staffId, name, role, passphrase}) for
    // the sign-in screen to name. Empty in every real clinic.
    Q_PROPERTY(QVariantList demoAccounts READ demoAccounts NOTIFY staffChanged)
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY pinChanged)
    Q_PROPERTY(int pinAttemptsLeft READ pinAttemptsLeft NOTIFY pinChanged)
    // Why the tablet locked or signed out by itself (idle, too many wrong PINs); "" when a
    // person chose it. The lock and sign-in screens say it.
    Q_PROPERTY(QString lockReason READ lockReason NOTIFY stateChanged)
    Q_PROPERTY(bool staffLockout READ staffLockout NOTIFY pinChanged)
    Q_PROPERTY(QString lockoutStaffId READ lockoutStaffId NOTIFY pinChanged)
    Q_PROPERTY(QString lockoutNotice READ lockoutNotice NOTIFY pinChanged)
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY settingsChanged)
    Q_PROPERTY(qreal fontScale READ fontScale WRITE setFontScale NOTIFY settingsChanged)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY settingsChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY settingsChanged)
    // Every language the app's words are built in (builtUiLanguages), English first; and
    // whether the chosen one still shows English for words nobody has translated yet.
    Q_PROPERTY(QStringList uiLanguages READ uiLanguages CONSTANT)
    Q_PROPERTY(bool languageIncomplete READ languageIncomplete NOTIFY settingsChanged)
    Q_PROPERTY(bool speechEnabled READ speechEnabled WRITE setSpeechEnabled NOTIFY settingsChanged)
    Q_PROPERTY(bool autoAdvanceChild READ autoAdvanceChild WRITE setAutoAdvanceChild NOTIFY
                   settingsChanged)
    Q_PROPERTY(bool autoAdvanceAdult READ autoAdvanceAdult WRITE setAutoAdvanceAdult NOTIFY
                   settingsChanged)
    Q_PROPERTY(bool formRunning READ formRunning WRITE setFormRunning NOTIFY formRunningChanged)
    // True while the whole-clinic figures (clinic norms, item figures) are being worked out on
    // a worker thread; the screens show "working out clinic figures" in their place meanwhile.
    Q_PROPERTY(bool clinicFiguresWorking READ clinicFiguresWorking NOTIFY clinicFiguresChanged)

public:
    // Test hook: cheap key derivation and PIN hashing. Call before the first instance().
    static void setCryptoParamsForTesting(const crypto::ScryptParams &scrypt,
                                          const crypto::PinHashing &pin);
    // Test hook: how long an idle "minute" lasts, so the idle lock can be tested in ms.
    static void setIdleMinuteForTesting(int milliseconds);
    // Test hook: runs on the worker thread before each computation of the clinic figures, so
    // a test can hold it there and see the screens while the figures are worked out.
    static void setClinicFiguresHoldForTesting(std::function<void()> hold);
    // Test hook: runs on the worker thread before the integrity check of a database opened.
    static void setIntegrityHoldForTesting(std::function<void()> hold);
    // Test hook: runs on the worker thread before a file of an older Triad is migrated.
    static void setUpdateHoldForTesting(std::function<void()> hold);
    // What new key slots are sealed with (production strength unless a test changed it).
    static crypto::ScryptParams cryptoParams();

    static ClinicSession *instance();
    static ClinicSession *create(QQmlEngine *engine, QJSEngine *);
    ~ClinicSession() override;

    QString state() const { return m_state; }
    int updateStage() const { return m_updateStage; }
    QString errorMessage() const { return m_errorMessage; }
    QString clinicName() const { return m_clinicName; }
    bool isDemo() const { return m_isDemo; }
    QVariantList staff() const { return m_staffList; }
    QString signedInStaffId() const;
    QString signedInName() const { return m_signedInName; }
    QString signedInRole() const { return m_signedInRole; }
    bool busy() const { return m_busy; }
    qreal demoProgress() const { return m_demoProgress; }
    QString demoStep() const { return m_demoStep; }
    QVariantList demoAccounts() const;
    bool hasPin() const { return m_vault.hasPin(); }
    int pinAttemptsLeft() const { return m_vault.pinAttemptsLeft(); }
    // Too many wrong PINs while the family held the tablet: key and PIN are wiped, but the
    // round stays on screen and a staff passphrase (confirmStaffPassphrase) takes it back.
    QString lockReason() const { return m_lockReason; }
    bool staffLockout() const { return m_staffLockout; }
    // Who was signed in when the lockout happened (the passphrase form offers them first).
    QString lockoutStaffId() const { return m_lockoutStaffId; }
    // After a lockout was resolved: what happened, in plain words, for the physio.
    QString lockoutNotice() const { return m_lockoutNotice; }

    int idleMinutes() const { return m_idleMinutes; }
    void setIdleMinutes(int minutes);
    qreal fontScale() const { return m_fontScale; }
    void setFontScale(qreal scale);
    bool highContrast() const { return m_highContrast; }
    void setHighContrast(bool on);
    QString language() const { return m_language; }
    // Switches the app's words at once (translator swapped, QML retranslated); a language
    // whose translation is not built is refused (left as it was).
    void setLanguage(const QString &language);
    QStringList uiLanguages() const;
    bool languageIncomplete() const { return m_languageIncomplete; }
    bool speechEnabled() const { return m_speechEnabled; }
    void setSpeechEnabled(bool on);
    bool autoAdvanceChild() const { return m_autoAdvanceChild; }
    void setAutoAdvanceChild(bool on);
    bool autoAdvanceAdult() const { return m_autoAdvanceAdult; }
    void setAutoAdvanceAdult(bool on);
    bool formRunning() const { return m_formRunning; }
    void setFormRunning(bool running);

    // Returns "" when the clinic is being created (busy; state becomes "signedIn", or
    // createFinished reports the problem), else a message naming the field.
    Q_INVOKABLE QString createClinic(const QString &clinicName, const QString &adminName,
                                     const QString &passphrase, const QString &repeat);
    // Makes the demo clinic on a worker thread (busy, demoProgress and demoStep meanwhile),
    // then createFinished; the state becomes "signIn", where demoAccounts names who to be.
    Q_INVOKABLE QString createDemoClinic();
    // A new tablet (first run, no clinic) recreated from the clinic's backup file with one
    // staff member's name and passphrase (clinicrestore.cpp). Returns a message naming the
    // field, or "" when the restore runs (busy, on a worker thread); restoreFinished tells
    // how it ended. On success the state becomes "signIn"; on failure nothing was created.
    Q_INVOKABLE QString restoreFromBackup(const QString &backupFile, const QString &staffName,
                                          const QString &passphrase);
    // Backup files (*.triadbak) in backupFolders(), a few folders deep, newest first:
    // [{path, name, folder, date}].
    Q_INVOKABLE QVariantList backupFilesNearby() const;
    // Where backups are looked for: removable media (/media, /run/media, /mnt) and the home
    // folder, or the folders in TRIAD_BACKUP_FOLDERS (separated by ':').
    static QStringList backupFolders();
    Q_INVOKABLE QStringList backupPlaces() const { return backupFolders(); }
    // Asynchronous: emits signInFinished.
    Q_INVOKABLE void signIn(const QString &staffId, const QString &passphrase);
    // Refuses a PIN anyone would guess first (one digit repeated, a run like 1234 or 9876)
    // with the reason, besides the vault's own rules.
    Q_INVOKABLE QString setPin(const QString &pin);
    // The PIN typed twice, as the screens ask for it.
    Q_INVOKABLE QString setPinTwice(const QString &pin, const QString &repeat);
    Q_INVOKABLE QString unlockWithPin(const QString &pin);
    // The lock screen's check: the slow hash on a worker thread (busy meanwhile), judged on
    // this thread like unlockWithPin. Emits pinUnlockFinished; the lock screen uses this one.
    Q_INVOKABLE void unlockWithPinAsync(const QString &pin);
    Q_INVOKABLE bool checkStaffPin(const QString &pin);
    // The same check with the slow hash on a worker thread (busy meanwhile); emits
    // staffPinChecked. The screens use this one.
    Q_INVOKABLE void checkStaffPinAsync(const QString &pin);
    // A staff passphrase confirms the staff member instead of a PIN (no PIN set, or a
    // lockout): scrypt on a worker thread (busy meanwhile); on success that member is
    // signed in with the round untouched. Emits staffPassphraseChecked.
    Q_INVOKABLE void confirmStaffPassphrase(const QString &staffId, const QString &passphrase);
    Q_INVOKABLE void dismissLockoutNotice();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void userActivity();
    // Re-reads the database (tests, after another process changed it).
    Q_INVOKABLE void reopen();

    // The whole-clinic figures, never computed on the UI thread (issue 12). They are worked
    // out on a worker thread with its own read-only connection (insights::computeFiguresAt)
    // at sign-in and unlock when the clinic's complete responses changed since they were last
    // worked out, and again after a round (refreshClinicFigures); each result is installed in
    // the session's caches only when the complete responses it was computed from are still
    // the current ones, else it is dropped and computed again.
    // The caches outlive a lock and a sign-out: the figures are sums over plain columns that
    // anyone holding the file can work out without a key (no name, no answer of anyone), and
    // working them out again after every unlock cost 4-6 s of a core at 2,000 patients while
    // the physio's cards waited. They are forgotten when another database is opened.
    // The lead's item figures are worked out with them only for a lead or an admin, or once
    // readyItemNorms() asked for them.
    // readyClinicFigures() and readyItemNorms() return the current figures, or nullptr while
    // they are being worked out (a computation is started if none runs; *databaseError set
    // when the check itself failed); clinicFiguresChanged tells when to ask again.
    const insights::ClinicFigures *readyClinicFigures(bool *databaseError = nullptr);
    const QVector<insights::FormReliability> *readyItemNorms(bool *databaseError = nullptr);
    // The same without a query on this thread, for a screen whose worker read the complete
    // responses' stamp (completeResponsesStamp) in its own snapshot: the item figures when
    // they were worked out for `stamp`, else nullptr (a computation is started if none runs;
    // *failed when the last one failed). installedClinicFigures() gives the clinic figures
    // as last worked out and their stamp, unchecked, for a worker to check in its snapshot;
    // wantClinicFigures() starts a computation when such a worker found them stale.
    const QVector<insights::FormReliability> *itemNormsFor(const QString &stamp, bool *failed);
    const insights::ClinicFigures *installedClinicFigures(QString *stamp) const;
    void wantClinicFigures();
    bool clinicFiguresWorking() const { return m_figuresRunning; }
    // The caches themselves (tests: how many times the figures were worked out).
    insights::ClinicFiguresCache &clinicFiguresCache() { return m_clinicFigures; }
    insights::ItemNormsCache &itemNormsCache() { return m_itemNorms; }
    // Why the figures could not be worked out ("" unless the last computation failed).
    QString clinicFiguresError() const { return m_figuresError; }
    // Responses were completed: a computation already running started before them, so its
    // result is dropped and the figures are worked out again.
    void refreshClinicFigures();
    // Blocks until no computation runs (reopen(), the destructor; tests).
    void waitForClinicFigures();
    // Where screens read the store off the UI thread (the dashboard), each read on a
    // connection of its own; its work is waited for before the application ends.
    // The pool the screens read the store on (a read-only connection each). Its tasks begin
    // with yieldToTheScreen().
    QThreadPool *readerPool() { return &m_readerPool; }
    // The pool of the session's long jobs (m_workPool), waited for at exit.
    QThreadPool *workPool() { return &m_workPool; }

    // For the other controllers. workspace() is null unless signed in and unlocked.
    Workspace *workspace() const { return m_workspace.get(); }
    store::Database &database() { return m_db; }
    crypto::Vault &vault() { return m_vault; }
    bool isSignedIn() const { return m_state == QLatin1String("signedIn"); }
    // Physios see their own patients; leads and admins see everyone's.
    bool seesAllPatients() const;
    QString displayNameOf(const QString &staffId) const;

signals:
    void stateChanged();
    void updateStageChanged();
    void errorMessageChanged();
    void staffChanged();
    void busyChanged();
    void demoProgressChanged();
    void pinChanged();
    void settingsChanged();
    void formRunningChanged();
    void signInFinished(bool ok, const QString &message);
    void staffPinChecked(bool accepted, const QString &message);
    void pinUnlockFinished(bool ok, const QString &message);
    void staffPassphraseChecked(bool ok, const QString &message);
    void createFinished(bool ok, const QString &message);
    void restoreFinished(bool ok, const QString &message);
    // Fired whenever the workspace is built or dropped, so models reload or clear.
    void workspaceChanged();
    // A computation of the clinic figures started or ended (installed, dropped or failed).
    void clinicFiguresChanged();

private:
    explicit ClinicSession(QObject *parent = nullptr);

    void openDatabase();
    // The integrity check of an existing database runs on a worker thread while the first
    // screen shows (a read of the whole file); waitForIntegrity() blocks until it is done and
    // is false (state "error") when the file is damaged. Called before anything is written.
    void startIntegrityCheck(const QString &path);
    bool waitForIntegrity();
    // A file of an older Triad: state "updating" while a worker thread migrates it (a copy
    // first, then the steps; seconds on a large clinic), then the sign-in screen, or the error
    // screen with the file left as it was (clinicupdate.cpp).
    void startSchemaUpdate(const QString &path);
    void finishSchemaUpdate(const QString &path, const store::StoreError &error);
    void refreshFromDatabase();
    // After a clinic (or the demo) was written on a worker thread: report `failure`, or sign
    // the new admin in (scrypt off the UI thread again) and report through createFinished.
    void finishCreation(const QString &failure, const QString &adminId, const QString &passphrase);
    void setState(const QString &state);
    void setError(const QString &message);
    void setBusy(bool busy);
    void setDemoProgress(qreal progress, const QString &step);
    void finishDemoCreation(const QString &failure);
    // A sign-in's key is derived (and the file's check done): the key is tried, and the
    // member signed in or told why not.
    void completeSignIn(const QString &staffId);
    // The same for a staff passphrase typed to unlock the tablet after a PIN lockout.
    void completeStaffPassphrase(const QString &staffId);
    // The audit log's count for the next sign-in, on a worker beside the key derivation
    // (store::tallyAuditAt); taken once by the sign-in it was started for.
    void startAuditTally();
    std::optional<store::AuditTally> takeAuditTally();
    // Runs `next` once the file's check and the log's count are done, never waiting on the
    // UI thread.
    void afterSignInChecks(const std::function<void()> &next);
    void enterSignedIn();
    void dropWorkspace();
    void restartIdleTimer();
    // Acts on a staff PIN check (patient mode); "" when accepted, else what to show.
    QString judgeStaffPin(const crypto::PinAttempt &attempt);
    // Acts on a PIN typed on the lock screen; "" when it unlocked, else what to show.
    QString judgePinUnlock(const crypto::PinAttempt &attempt);
    void loadSettings();
    void saveSettings();
    void applySpeech();
    void applyLanguage();
    QString storeMessage() const;

    store::Database m_db;
    crypto::Vault m_vault;
    std::unique_ptr<Workspace> m_workspace;
    QTimer m_idleTimer;
    QString m_state = QStringLiteral("error");
    QString m_errorMessage;
    QString m_clinicName;
    bool m_isDemo = false;
    QVariantList m_staffList;
    QString m_signedInName;
    QString m_signedInRole;
    bool m_busy = false;
    qreal m_demoProgress = 0;
    QString m_demoStep;
    int m_idleMinutes = 2;
    qreal m_fontScale = 1.0;
    bool m_highContrast = false;
    QString m_language = QStringLiteral("en");
    bool m_speechEnabled = true;
    bool m_formRunning = false;
    bool m_autoAdvanceChild = true;
    bool m_autoAdvanceAdult = false;
    QString m_lockReason;
    bool m_staffLockout = false;
    QString m_lockoutStaffId;
    QString m_lockoutNotice;
    QDateTime m_lockoutAt;
    QObject *m_readAloud = nullptr;
    QPointer<QQmlEngine> m_engine;
    std::unique_ptr<QTranslator> m_translator;
    bool m_languageIncomplete = false;

    QFuture<store::StoreError> m_integrity;
    QFuture<store::StoreError> m_update; // the migration of an older file, while it runs
    int m_updateStage = 0;
    QFuture<std::optional<store::AuditTally>> m_auditTally;
    std::optional<crypto::SecureBytes> m_derivedKey; // a sign-in's, until the check is done

    void startClinicFigures();
    void wantItemNorms();       // the item figures are worked out with the clinic norms from now on
    void finishWorkersAtExit(); // figures and fsync, at exit (an application post routine)
    void takeClinicFigures(quint64 generation, insights::FiguresSnapshot snapshot);
    // Started at sign-in and unlock unless both caches hold the current figures.
    void refreshClinicFiguresIfStale();
    // Another database (or none): the figures of the one before are forgotten.
    void forgetClinicFigures();
    // The clinic norms and usual gaps, and the lead's item figures, as last worked out.
    insights::ClinicFiguresCache m_clinicFigures;
    insights::ItemNormsCache m_itemNorms;
    quint64 m_figuresGeneration = 0; // bumped by every refresh: older results drop
    // Whether the item figures are worked out with the clinic norms: for a lead or an admin
    // from sign-in, for anyone once something asked for them (readyItemNorms).
    bool m_itemNormsWanted = false;
    bool m_figuresRunning = false;
    // Where the app's connection stood just before the running computation began (nullopt
    // inside a transaction): unchanged when it ends, its stamp is the current one (no query).
    std::optional<insights::StampCheck::Mark> m_figuresMark;
    std::atomic_bool m_figuresCancel{false}; // set at exit: a running computation stops
    bool m_figuresAgain = false; // a refresh came while one ran: start again when it ends
    QFuture<insights::FiguresSnapshot> m_figuresFuture;
    // The figures' own worker thread, at a lower CPU priority (nice +10) than the UI thread, so
    // working them out never takes a core from a child tapping through a form (2 cores).
    QThreadPool m_figuresPool;
    QThreadPool m_readerPool;
    // The session's long jobs: the file's check, the log's count, key derivations, PIN checks,
    // creating or restoring a clinic. Never Qt's global pool: Qt's raster painting borrows its
    // threads to fill a frame's spans, and waited for them 30-50 ms a frame at sign-in while a
    // derivation and the file's check held both (issue 12).
    QThreadPool m_workPool;
    QString m_figuresError; // why the last computation failed; cleared by a refresh or a lock
};

} // namespace triad::app
