#pragma once
// The clinic's SQLite database: opening with safe settings, refusing files it must not
// touch, migrating with a backup first, and transactions for the repositories.
//
// Each Database owns one uniquely named QSqlDatabase connection, usable only on the thread
// that opened it (a Qt SQL rule); other threads open their own Database.

#include "cliniclock.h"
#include "storeerror.h"

#include <functional>
#include <memory>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace triad::crypto {
class SecureBytes;
class Vault;
} // namespace triad::crypto

namespace triad::store {

class WalSync;

class Database
{
public:
    enum class OpenMode {
        CreateIfMissing, // a new, empty clinic database when nothing is at the path
        ExistingOnly,    // NotFound when nothing is at the path
    };
    // Where a migration of an existing file has got to, for a screen that waits on it.
    enum class MigrationStage {
        KeepingCopy, // the copy of the file as it was (most of the time on a large clinic)
        Updating,    // the migration steps, each in its own transaction
    };

    struct Options
    {
        OpenMode mode = OpenMode::CreateIfMissing;
        // Full integrity_check on open; costs a read of the whole file (milliseconds for a
        // clinic's database) and catches damage before anything is written.
        bool checkIntegrity = true;
        // Migrate an older database (after a backup). When false, an older database is
        // opened as it is and schemaVersion() tells the caller.
        bool migrate = true;
        // Told of each stage of a migration of an existing file, on the opening thread.
        std::function<void(MigrationStage)> migrationStage;
    };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (or creates) the database at `path`. On failure lastError() says why, the
    // connection is closed again, and the file at `path` is left exactly as it was.
    // Holds a shared ClinicLock while open (waiting up to lockWaitMs while another program
    // restores or erases); Busy names who holds it when the wait runs out. The first
    // Database of a process to open a file that no other program uses removes the full
    // copies an interrupted backup or restore left beside it (leftoverCopies()).
    bool open(const QString &path);
    bool open(const QString &path, const Options &options);
    // Closes the connection. An exclusive lock stays held across close() and open() (a
    // restore swaps the file in between); unlockExclusive() or the destructor gives it up.
    void close();
    bool isOpen() const;

    // Takes the ClinicLock exclusively (no wait): false with a Busy error naming the other
    // programs that have the database open. For restore, migration and erasure.
    bool lockExclusively();
    void unlockExclusive();
    bool isLockedExclusively() const { return m_lock.isExclusive(); }
    static constexpr int lockWaitMs = 60000;

    // Full copies of the database Triad writes beside it for a moment: "<db>.snapshot-*"
    // (backup) and "<db>.restoring-*" (restore), with their SQLite companions.
    static QStringList leftoverCopies(const QString &path);
    // Copies kept on purpose that still hold everything the database held when they were
    // made: "<db>.before-restore" (and its audit head) and "<db>.v<N>-backup-*.sqlite"
    // (before a migration).
    static QStringList keptCopies(const QString &path);

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;
    int schemaVersion() const; // PRAGMA user_version; -1 when closed or unreadable
    // The copy taken before the last migration (VACUUM INTO a sibling file), if any.
    QString backupPath() const { return m_backupPath; }
    // "<path>.audit-head": the chain head kept outside the database (auditlog.h).
    QString auditHeadPath() const { return m_path + QStringLiteral(".audit-head"); }

    const StoreError &lastError() const { return m_error; }
    void setError(StoreErrorKind kind, const QString &detail);
    void setError(const StoreError &error) { m_error = error; }
    void clearError() { m_error = {}; }

    // Runs PRAGMA integrity_check; false with a Corrupt error and the report otherwise.
    bool checkIntegrity(QString *report = nullptr);
    // Every table with clinic data, in a parent-before-child order (schema.h).
    QStringList tables() const;
    // Rows of one table; -1 on error.
    qint64 rowCount(const QString &table);

    // Queries: always prepared with bound values. exec() classifies any failure into
    // lastError() and returns false.
    QSqlQuery query() const;
    bool prepare(QSqlQuery &query, const QString &sql);
    bool exec(QSqlQuery &query);
    // One statement without parameters (pragmas, DDL, BEGIN/COMMIT).
    bool execSql(const QString &sql);

    // How a commit reaches the disk.
    //  - Now: COMMIT returns once the WAL is fsynced (synchronous=FULL), for everything that
    //    completes, declines, creates or audits.
    //  - Background: for a draft answer, saved at every tap in patient mode. The COMMIT
    //    writes the WAL into the operating system's cache and returns without waiting for
    //    the disk (synchronous=NORMAL for that one transaction); a worker thread fsyncs the
    //    WAL at once after it. An app killed after the commit loses nothing (the kernel holds
    //    the pages; the next open reads them); only a power cut in the milliseconds before the
    //    worker's fsync could lose that one answer. The next Now commit fsyncs it as well.
    enum class Sync {
        Now,
        Background
    };
    // BEGIN IMMEDIATE: takes the write lock at once, so a transaction never fails halfway
    // for lack of it.
    bool beginImmediate(Sync sync = Sync::Now);
    bool commit();
    void rollback();
    // Waits until every background fsync asked for so far is done (close() waits too).
    // False when one of them failed: the disk reported an error.
    bool waitForBackgroundSync();
    // Background fsyncs done so far (for tests and the benchmark).
    int backgroundSyncCount() const;
    // Runs once just before the COMMIT of the open transaction, while the write lock is still
    // held (the audit log writes its chain head there, auditlog.h); false stops the commit and
    // the transaction is rolled back. Dropped by rollback() and the next beginImmediate().
    void setBeforeCommit(std::function<bool()> hook) { m_beforeCommit = std::move(hook); }
    bool hasBeforeCommit() const { return bool(m_beforeCommit); }
    // The vault's Rows subkey, which seals the rows each commit changes (rowseal.h); set at
    // sign-in (Clinic), wiped by clearRowKey() and the destructor. Without it changed rows stay
    // unsealed, and verify names them.
    void setRowKey(const crypto::SecureBytes &key);
    void clearRowKey();
    const crypto::SecureBytes &rowKey() const;

    // Bulk writing (the synthetic demo clinic, and a FHIR Bundle imported as one transaction,
    // interop/fhir): while a batch is open every Transaction joins it instead of committing on
    // its own, so thousands of rows cost one commit (one fsync, one chain-head write) instead
    // of several fsyncs each. A Transaction that ends without commit() poisons the batch:
    // commitBatch() then rolls everything back. The audit log publishes its head only after
    // the batch (AuditLog::publishHead).
    bool beginBatch();
    bool commitBatch();
    void rollbackBatch();
    bool inBatch() const { return m_batch != Batch::None; }

    // A copy of the whole database in a new file (VACUUM INTO); fails if `target` exists.
    bool copyTo(const QString &target);

    // Test hook: caps the database size in pages, to simulate a full disk.
    bool setMaxPageCount(qint64 pages);

private:
    bool openFile(const QString &path, const Options &options);
    void removeLeftoverCopies();
    bool fail(StoreErrorKind kind, const QString &detail);
    bool checkHeader(const QString &path);
    bool checkHeaderSettled(const QString &path); // checkHeader, looked at again if cut short
    bool applyPragmas();
    bool migrate(int fromVersion, const std::function<void(MigrationStage)> &stage);
    bool migrateLocked(int fromVersion, const std::function<void(MigrationStage)> &stage);
    bool isEmptyDatabase();

    QString m_path;
    QString m_connectionName;
    QString m_backupPath;
    StoreError m_error;
    ClinicLock m_lock;
    std::function<bool()> m_beforeCommit;
    std::unique_ptr<crypto::SecureBytes> m_rowKey;
    bool m_sealTracking = false;
    bool m_syncDeferred = false; // the open transaction runs with synchronous=NORMAL
    std::unique_ptr<WalSync> m_walSync;
    bool endDeferredSync(bool committed);
    enum class Batch {
        None,
        Open,
        Failed
    };
    Batch m_batch = Batch::None;
    friend class Transaction;
};

// Rolls back unless committed: every early return inside a write leaves nothing behind.
class Transaction
{
public:
    explicit Transaction(Database &db, Database::Sync sync = Database::Sync::Now)
        : m_db(db)
        , m_sync(sync)
    {}
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool begin();
    bool commit();

private:
    Database &m_db;
    Database::Sync m_sync;
    bool m_open = false;
    bool m_joined = false; // inside a batch: committed with it
};

QString nowUtc(); // ISO 8601 UTC with milliseconds, the format of every *_at column

// Only for generating synthetic data (the demo clinic): while an instance lives, nowUtc() on
// this thread returns the time it was given instead of the wall clock, so demo responses carry
// their session's date and a plausible time to answer. Thread-local: nothing else is affected.
class SyntheticClock
{
public:
    explicit SyntheticClock(const QDateTime &start);
    ~SyntheticClock();
    SyntheticClock(const SyntheticClock &) = delete;
    SyntheticClock &operator=(const SyntheticClock &) = delete;
    void set(const QDateTime &utc);
};
QString newUuid(); // lowercase, without braces

} // namespace triad::store
