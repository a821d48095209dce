#include "database.h"

#include "rowseal.h"

#include "core/crypto/securebytes.h"

#include "schema.h"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QtEndian>
#include <QThread>
#include <QThreadPool>
#include <QUuid>

namespace triad::store {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

constexpr char kSqliteMagic[] = "SQLite format 3";

quint32 readBigEndian32(const QByteArray &bytes, int offset)
{
    return qFromBigEndian<quint32>(bytes.constData() + offset);
}

void removeIfExists(const QString &file)
{
    if (QFileInfo::exists(file))
        QFile::remove(file);
}

} // namespace

// Fsyncs the WAL of one database on a worker thread, after commits made with
// Database::Sync::Background. Requests that arrive while a sync is queued join it; one that
// arrives while a sync runs queues the next (that sync may have started before its commit).
class WalSync
{
public:
    explicit WalSync(const QString &walPath)
        : m_walPath(QFile::encodeName(walPath))
    {
        m_pool.setMaxThreadCount(1);
        m_pool.setExpiryTimeout(2000);
    }
    ~WalSync() { m_pool.waitForDone(); }

    void request()
    {
        if (m_queued.exchange(true))
            return;
        m_pool.start([this] {
            m_queued = false;
            // Any descriptor of the file will do: fdatasync writes the file's pages, whoever
            // wrote them. No WAL (a checkpoint on close removed it): nothing left to sync.
            const int fd = ::open(m_walPath.constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                if (errno != ENOENT)
                    m_failed = true;
            } else {
                if (::fdatasync(fd) != 0)
                    m_failed = true;
                ::close(fd);
            }
            ++m_done;
        });
    }
    bool wait()
    {
        m_pool.waitForDone();
        return !m_failed.exchange(false);
    }
    int done() const { return m_done; }

private:
    const QByteArray m_walPath;
    QThreadPool m_pool;
    std::atomic<bool> m_queued{false};
    std::atomic<bool> m_failed{false};
    std::atomic<int> m_done{0};
};

namespace {
thread_local QDateTime t_syntheticNow; // invalid: use the wall clock
} // namespace

QString nowUtc()
{
    const QDateTime now =
        t_syntheticNow.isValid() ? t_syntheticNow : QDateTime::currentDateTimeUtc();
    return now.toString(Qt::ISODateWithMs);
}

SyntheticClock::SyntheticClock(const QDateTime &start)
{
    set(start);
}
SyntheticClock::~SyntheticClock()
{
    t_syntheticNow = QDateTime();
}
void SyntheticClock::set(const QDateTime &utc)
{
    t_syntheticNow = utc.toUTC();
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Database::Database() = default;

Database::~Database()
{
    close();
    m_lock.release();
}

bool Database::open(const QString &path)
{
    return open(path, Options{});
}

bool Database::open(const QString &path, const Options &options)
{
    close();
    if (openFile(path, options)) {
        removeLeftoverCopies();
        return true;
    }
    if (!m_lock.isExclusive())
        m_lock.release();
    return false;
}

bool Database::openFile(const QString &path, const Options &options)
{
    m_error = {};
    m_backupPath.clear();

    QFileInfo info(path);
    // A restore holding the lock exclusively may be swapping the file in right now (for a
    // moment nothing is at the path): wait for it before looking, so this program opens the
    // database that is live from then on instead of reporting it missing.
    bool lockedHere = false;
    if ((!m_lock.isHeld() || m_lock.dbPath() != info.absoluteFilePath()) &&
        QFileInfo::exists(ClinicLock::lockPath(info.absoluteFilePath()))) {
        QString holder;
        if (!m_lock.acquireShared(info.absoluteFilePath(), lockWaitMs, &holder))
            return fail(StoreErrorKind::Busy,
                        QStringLiteral("restored or erased by %1 (waited %2 s)")
                            .arg(holder)
                            .arg(lockWaitMs / 1000));
        lockedHere = true;
        info.refresh();
    }
    const auto refuseHere = [this, lockedHere](StoreErrorKind kind, const QString &detail) {
        if (lockedHere)
            m_lock.release();
        return fail(kind, detail);
    };
    const bool existed = info.exists();
    if (!existed && options.mode == OpenMode::ExistingOnly)
        return refuseHere(StoreErrorKind::NotFound, QStringLiteral("no file at the database path"));
    if (existed && !info.isFile())
        return refuseHere(StoreErrorKind::WrongFile,
                          QStringLiteral("the path is not a regular file"));
    if (existed && !checkHeaderSettled(path)) {
        if (lockedHere)
            m_lock.release();
        return false;
    }
    // WAL needs to create <db>-wal and <db>-shm next to the database.
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir())
        return refuseHere(StoreErrorKind::NotFound, QStringLiteral("the folder does not exist"));
    if ((existed && !info.isWritable()) || !folder.isWritable())
        return refuseHere(StoreErrorKind::ReadOnly, QStringLiteral("file or folder not writable"));
    if (!m_lock.isHeld() || m_lock.dbPath() != info.absoluteFilePath()) {
        QString holder;
        if (!m_lock.acquireShared(info.absoluteFilePath(), lockWaitMs, &holder))
            return fail(StoreErrorKind::Busy,
                        QStringLiteral("restored or erased by %1 (waited %2 s)")
                            .arg(holder)
                            .arg(lockWaitMs / 1000));
    }

    m_path = info.absoluteFilePath();
    m_connectionName = QStringLiteral("triad-store-%1-%2")
                           .arg(++g_connectionCounter)
                           .arg(QUuid::createUuid().toString(QUuid::Id128));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const StoreError error = StoreError::fromSql(db.lastError(), QStringLiteral("open"));
            close();
            m_error = error;
            return false;
        }
    }

    // Everything up to applyPragmas() only reads, so a refused file stays byte-identical.
    const auto refuse = [&](const StoreError &error) {
        close();
        if (!existed) {
            removeIfExists(m_path);
            removeIfExists(m_path + QStringLiteral("-wal"));
            removeIfExists(m_path + QStringLiteral("-shm"));
        }
        m_error = error;
        return false;
    };

    const int version = schemaVersion();
    if (version < 0)
        return refuse(m_error);
    if (version > currentSchemaVersion())
        return refuse(
            {StoreErrorKind::TooNew, QStringLiteral("schema version %1, this Triad knows up to %2")
                                         .arg(version)
                                         .arg(currentSchemaVersion())});
    if (version == 0 && existed && !isEmptyDatabase())
        return refuse(m_error.isError()
                          ? m_error
                          : StoreError{StoreErrorKind::WrongFile,
                                       QStringLiteral("a SQLite database of another program")});
    if (existed && options.checkIntegrity && !checkIntegrity())
        return refuse(m_error);
    if (!applyPragmas())
        return refuse(m_error);
    if (options.migrate && version < currentSchemaVersion() &&
        !migrate(version, options.migrationStage))
        return refuse(m_error);
    m_sealTracking = rowseal::available(*this);
    if (m_sealTracking && !rowseal::installTracking(*this))
        return refuse(m_error);
    return true;
}

void Database::setRowKey(const crypto::SecureBytes &key)
{
    m_rowKey = std::make_unique<crypto::SecureBytes>(key);
}

void Database::clearRowKey()
{
    m_rowKey.reset(); // SecureBytes wipes itself
}

const crypto::SecureBytes &Database::rowKey() const
{
    static const crypto::SecureBytes none;
    return m_rowKey ? *m_rowKey : none;
}

void Database::close()
{
    waitForBackgroundSync();
    m_walSync.reset();
    if (!m_lock.isExclusive())
        m_lock.release();
    // The row key stays: a restore closes and reopens the same clinic's database in place.
    m_sealTracking = false;
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Database::lockExclusively()
{
    if (!m_lock.isHeld())
        return fail(StoreErrorKind::Busy, QStringLiteral("the database is not open"));
    QString holder;
    if (!m_lock.makeExclusive(&holder))
        return fail(StoreErrorKind::Busy, QStringLiteral("in use by %1").arg(holder));
    return true;
}

void Database::unlockExclusive()
{
    m_lock.makeShared();
    if (m_connectionName.isEmpty())
        m_lock.release();
}

QStringList Database::leftoverCopies(const QString &path)
{
    const QFileInfo info(path);
    QStringList files;
    const QDir folder = info.absoluteDir();
    for (const QString &tag : {QStringLiteral(".snapshot-"), QStringLiteral(".restoring-")})
        for (const QString &name : folder.entryList({info.fileName() + tag + QLatin1Char('*')},
                                                    QDir::Files | QDir::Hidden | QDir::System))
            files << folder.filePath(name);
    return files;
}

QStringList Database::keptCopies(const QString &path)
{
    const QFileInfo info(path);
    const QDir folder = info.absoluteDir();
    QStringList files;
    for (const QString &pattern : {info.fileName() + QStringLiteral(".before-restore*"),
                                   info.fileName() + QStringLiteral(".v*-backup-*.sqlite*")})
        for (const QString &name :
             folder.entryList({pattern}, QDir::Files | QDir::Hidden | QDir::System))
            files << folder.filePath(name);
    return files;
}

void Database::removeLeftoverCopies()
{
    // Only when no other program (and no other Database of this process) has the file open:
    // then nobody is writing those copies, they were left by a program that was killed.
    if (m_lock.isExclusive() || !m_lock.soleUserInProcess() || !m_lock.makeExclusive())
        return;
    for (const QString &file : leftoverCopies(m_path)) {
        QFile f(file);
        if (f.open(QIODevice::ReadWrite)) {
            const QByteArray zeros(64 * 1024, '\0');
            for (qint64 left = f.size(); left > 0; left -= zeros.size())
                if (f.write(zeros.constData(), qMin<qint64>(left, zeros.size())) <= 0)
                    break;
            f.flush();
            f.close();
        }
        QFile::remove(file);
    }
    m_lock.makeShared();
}

bool Database::isOpen() const
{
    return !m_connectionName.isEmpty() && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    if (m_connectionName.isEmpty())
        return -1;
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        const_cast<Database *>(this)->m_error =
            StoreError::fromSql(q.lastError(), QStringLiteral("user_version"));
        return -1;
    }
    return q.value(0).toInt();
}

void Database::setError(StoreErrorKind kind, const QString &detail)
{
    m_error = {kind, detail};
}

bool Database::fail(StoreErrorKind kind, const QString &detail)
{
    m_error = {kind, detail};
    return false;
}

// Another process may be checkpointing while this one looks: SQLite writes page 1 (with the
// new page count) before the pages that extend the file, then empties the WAL, so a look at
// that moment can see a file "cut short" that is whole a moment later. A file that is really
// damaged stays damaged: it is refused only when three looks 50 ms apart agree.
bool Database::checkHeaderSettled(const QString &path)
{
    for (int look = 1;; ++look) {
        if (checkHeader(path)) {
            m_error = {};
            return true;
        }
        if (m_error.kind != StoreErrorKind::Corrupt || look == 3)
            return false;
        QThread::msleep(50);
    }
}

// Reads the 100-byte SQLite header before SQLite does, so a foreign file, an empty file or
// a file cut short gets a precise reason and SQLite never gets a chance to write to it.
bool Database::checkHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(StoreErrorKind::ReadOnly, QStringLiteral("cannot read the file"));
    // Header, then the WAL, then the size: a checkpoint writes page 1 before it extends the
    // file and empties the WAL last, so the size seen after an empty WAL is never older than
    // the page count seen before it.
    const QByteArray header = file.read(100);
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool walEmpty = !wal.exists() || wal.size() == 0;
    const qint64 size = file.size();
    file.close();
    if (size == 0)
        return fail(StoreErrorKind::Corrupt, QStringLiteral("the file is empty"));
    const QByteArray magic(kSqliteMagic, sizeof(kSqliteMagic)); // includes the final NUL
    if (!magic.startsWith(header.left(magic.size())))
        return fail(StoreErrorKind::WrongFile, QStringLiteral("not a SQLite database"));
    if (header.size() < 100)
        return fail(StoreErrorKind::Corrupt, QStringLiteral("the file is cut short"));
    if (!header.startsWith(magic))
        return fail(StoreErrorKind::WrongFile, QStringLiteral("not a SQLite database"));
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        return fail(StoreErrorKind::Corrupt, QStringLiteral("invalid page size in the header"));
    if (size % pageSize != 0)
        return fail(StoreErrorKind::Corrupt, QStringLiteral("size is not whole pages"));
    // The page count in the header is trustworthy when its change counter matches, and
    // only without a pending WAL (whose frames may legitimately extend the file).
    const bool headerCountValid = readBigEndian32(header, 24) == readBigEndian32(header, 92);
    const quint32 pageCount = readBigEndian32(header, 28);
    if (headerCountValid && walEmpty && quint64(size) < quint64(pageCount) * pageSize)
        return fail(StoreErrorKind::Corrupt, QStringLiteral("the file is cut short (truncated)"));
    return true;
}

bool Database::applyPragmas()
{
    // WAL: a crash mid-write leaves the last committed state; readers never block the writer.
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()) {
        m_error = StoreError::fromSql(q.lastError(), QStringLiteral("journal_mode"));
        return false;
    }
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(StoreErrorKind::Io, QStringLiteral("WAL journal not available"));
    q.finish();
    // FULL: a commit returns only after the WAL is fsynced, so a completed response survives
    // a power cut (docs/SECURITY.md, Storage). secure_delete overwrites freed pages, so an
    // erased patient's ciphertext does not linger in free space.
    return execSql(QStringLiteral("PRAGMA synchronous = FULL")) &&
           execSql(QStringLiteral("PRAGMA foreign_keys = ON")) &&
           execSql(QStringLiteral("PRAGMA secure_delete = ON"));
}

bool Database::isEmptyDatabase()
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()) {
        m_error = StoreError::fromSql(q.lastError(), QStringLiteral("schema"));
        return false;
    }
    return q.value(0).toInt() == 0;
}

bool Database::migrate(int fromVersion, const std::function<void(MigrationStage)> &stage)
{
    // Migrating an existing database rewrites its tables: nobody else may have it open.
    // Creating a new one needs no more than the write transaction below.
    const bool lockHere = fromVersion > 0 && !m_lock.isExclusive();
    if (lockHere && !lockExclusively()) {
        m_error.detail = QStringLiteral("migration: %1").arg(m_error.detail);
        return false;
    }
    const bool migrated = migrateLocked(fromVersion, stage);
    if (lockHere)
        m_lock.makeShared();
    return migrated;
}

bool Database::migrateLocked(int fromVersion, const std::function<void(MigrationStage)> &stage)
{
    const auto tell = [&stage](MigrationStage now) {
        if (stage)
            stage(now);
    };
    if (fromVersion > 0) {
        tell(MigrationStage::KeepingCopy);
        QString target =
            m_path +
            QStringLiteral(".v%1-backup-%2.sqlite")
                .arg(fromVersion)
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        for (int n = 2; QFileInfo::exists(target); ++n)
            target = m_path + QStringLiteral(".v%1-backup-%2.sqlite").arg(fromVersion).arg(n);
        // Written under a leftover's name and renamed once whole: a copy cut short (the
        // tablet switched off at the first start after an update) is never taken for a
        // backup, and the next open removes it (removeLeftoverCopies).
        const QString partial =
            m_path + QStringLiteral(".snapshot-") + QFileInfo(target).fileName();
        removeIfExists(partial);
        if (!copyTo(partial))
            return false;
        if (!QFile::rename(partial, target)) {
            removeIfExists(partial);
            return fail(StoreErrorKind::Io, QStringLiteral("backup copy: could not rename it to %1")
                                                .arg(QFileInfo(target).fileName()));
        }
        m_backupPath = target;
        tell(MigrationStage::Updating);
    }
    for (const MigrationStep &step : migrationSteps()) {
        if (step.version <= fromVersion)
            continue;
        Transaction tx(*this);
        if (!tx.begin())
            return false;
        // Another process may have migrated while we waited for the write lock.
        const int now = schemaVersion();
        if (now < 0)
            return false;
        if (now >= step.version)
            continue;
        for (const QString &statement : step.statements) {
            if (!execSql(statement)) {
                m_error.detail =
                    QStringLiteral("migration to v%1: %2").arg(step.version).arg(m_error.detail);
                return false;
            }
        }
        // The version is a constant of the program, never user input.
        if (!execSql(QStringLiteral("PRAGMA user_version = %1").arg(step.version)) || !tx.commit())
            return false;
    }
    return true;
}

bool Database::checkIntegrity(QString *report)
{
    QSqlQuery q(connection());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        m_error = StoreError::fromSql(q.lastError(), QStringLiteral("integrity_check"));
        if (m_error.kind == StoreErrorKind::Io)
            m_error.kind = StoreErrorKind::Corrupt;
        if (report) // never an empty reason: SQLite's own words for why the check could not run
            *report = QStringLiteral("the check could not run: ") + q.lastError().text();
        return false;
    }
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    if (lines.isEmpty() && q.lastError().isValid())
        lines << QStringLiteral("the check stopped: ") + q.lastError().text();
    else if (lines.isEmpty())
        lines << QStringLiteral("the check returned nothing");
    if (report)
        *report = lines.join(QLatin1Char('\n'));
    if (lines == QStringList{QStringLiteral("ok")})
        return true;
    return fail(
        StoreErrorKind::Corrupt,
        QStringLiteral("integrity_check: %1").arg(lines.mid(0, 5).join(QLatin1String("; "))));
}

QStringList Database::tables() const
{
    return dataTables();
}

qint64 Database::rowCount(const QString &table)
{
    if (!dataTables().contains(table)) {
        fail(StoreErrorKind::Invalid, QStringLiteral("unknown table"));
        return -1;
    }
    QSqlQuery q(connection());
    // The name comes from the fixed list above, never from input.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next()) {
        m_error = StoreError::fromSql(q.lastError(), QStringLiteral("count"));
        return -1;
    }
    return q.value(0).toLongLong();
}

QSqlQuery Database::query() const
{
    return QSqlQuery(connection());
}

bool Database::prepare(QSqlQuery &query, const QString &sql)
{
    if (query.prepare(sql))
        return true;
    m_error = StoreError::fromSql(query.lastError(), QStringLiteral("prepare"));
    return false;
}

bool Database::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    m_error = StoreError::fromSql(query.lastError(), QStringLiteral("exec"));
    return false;
}

bool Database::execSql(const QString &sql)
{
    QSqlQuery q(connection());
    if (q.exec(sql))
        return true;
    m_error = StoreError::fromSql(q.lastError(), sql.left(60));
    return false;
}

bool Database::beginImmediate(Sync sync)
{
    m_beforeCommit = nullptr;
    if (sync == Sync::Background) {
        // Only outside a transaction may the level change (SQLite refuses it inside one).
        if (!execSql(QStringLiteral("PRAGMA synchronous = NORMAL")))
            return false;
        m_syncDeferred = true;
    }
    if (execSql(QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    endDeferredSync(false);
    return false;
}

bool Database::endDeferredSync(bool committed)
{
    if (!m_syncDeferred)
        return true;
    m_syncDeferred = false;
    // Back to FULL before anything else commits; if even that fails the connection is
    // unusable for durable writes, so the caller reports the error.
    QSqlQuery q(connection());
    const bool restored = q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    if (committed) {
        if (!m_walSync)
            m_walSync = std::make_unique<WalSync>(QFileInfo(m_path).absoluteFilePath() +
                                                  QStringLiteral("-wal"));
        m_walSync->request();
    }
    if (!restored)
        m_error = StoreError::fromSql(q.lastError(), QStringLiteral("synchronous"));
    return restored;
}

bool Database::waitForBackgroundSync()
{
    if (!m_walSync || m_walSync->wait())
        return true;
    return fail(StoreErrorKind::Io, QStringLiteral("the disk reported an error while saving"));
}

int Database::backgroundSyncCount() const
{
    return m_walSync ? m_walSync->done() : 0;
}

bool Database::commit()
{
    // Seal the rows this transaction changed, then let the audit log write its head.
    if (m_sealTracking && !rowseal::sealChanged(*this, rowKey()))
        return false;
    if (m_beforeCommit) {
        const auto hook = std::move(m_beforeCommit);
        m_beforeCommit = nullptr;
        if (!hook())
            return false; // the caller's Transaction rolls back
    }
    if (!execSql(QStringLiteral("COMMIT")))
        return false;
    return endDeferredSync(true);
}

void Database::rollback()
{
    m_beforeCommit = nullptr;
    // Keeps the error that caused the rollback; SQLite may already have rolled back
    // (e.g. after SQLITE_FULL), in which case ROLLBACK itself fails harmlessly.
    {
        QSqlQuery q(connection());
        q.exec(QStringLiteral("ROLLBACK"));
    }
    const StoreError kept = m_error;
    endDeferredSync(false);
    m_error = kept;
}

bool Database::copyTo(const QString &target)
{
    if (QFileInfo::exists(target))
        return fail(StoreErrorKind::Invalid, QStringLiteral("backup target already exists"));
    QSqlQuery q(connection());
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(QDir::toNativeSeparators(target));
    if (q.exec())
        return true;
    m_error = StoreError::fromSql(q.lastError(), QStringLiteral("backup copy"));
    removeIfExists(target); // never leave a half-written copy
    return false;
}

bool Database::setMaxPageCount(qint64 pages)
{
    return execSql(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

bool Database::beginBatch()
{
    if (inBatch())
        return fail(StoreErrorKind::Invalid, QStringLiteral("a batch is already open"));
    if (!beginImmediate())
        return false;
    m_batch = Batch::Open;
    return true;
}

bool Database::commitBatch()
{
    if (m_batch != Batch::Open) {
        rollbackBatch();
        if (m_error.kind == StoreErrorKind::None)
            m_error = StoreError{StoreErrorKind::Invalid, QStringLiteral("the batch failed")};
        return false;
    }
    m_batch = Batch::None;
    if (commit())
        return true;
    rollback();
    return false;
}

void Database::rollbackBatch()
{
    if (!inBatch())
        return;
    m_batch = Batch::None;
    rollback();
}

Transaction::~Transaction()
{
    if (m_open && m_joined)
        m_db.m_batch = Database::Batch::Failed; // the batch's end rolls it all back
    else if (m_open)
        m_db.rollback();
}

bool Transaction::begin()
{
    if (m_db.inBatch()) {
        m_joined = m_db.m_batch == Database::Batch::Open;
        m_open = m_joined;
        if (!m_open)
            m_db.setError(StoreErrorKind::Invalid, QStringLiteral("the batch failed earlier"));
        return m_open;
    }
    m_open = m_db.beginImmediate(m_sync);
    return m_open;
}

bool Transaction::commit()
{
    if (!m_open)
        return false;
    if (m_joined) {
        // Sealed with the whole batch at its commit; until then a read of a row this
        // connection wrote in the batch is taken as it is (rowseal::checkRow).
        m_open = false;
        return true;
    }
    if (!m_db.commit())
        return false; // the destructor rolls back
    m_open = false;
    return true;
}

} // namespace triad::store
