#include "auditlog.h"

#include "core/crypto/primitives.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace triad::store {

namespace {
QAtomicInteger<int> g_logCounts;
QAtomicInteger<quint64> g_tallies;

const QString kColumns = QStringLiteral(
    "seq, uuid, staff_id, at, action, table_name, row_id, old_digest, new_digest, mac");

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::store::AuditLog", text);
}

crypto::AuditEntry readEntry(const QSqlQuery &q)
{
    crypto::AuditEntry e;
    e.seq = q.value(0).toLongLong();
    e.uuid = q.value(1).toString();
    e.staffId = q.value(2).toString();
    e.utc = q.value(3).toString();
    e.action = q.value(4).toString();
    e.tableName = q.value(5).toString();
    e.rowId = q.value(6).toString();
    e.oldDigest = q.value(7).toByteArray();
    e.newDigest = q.value(8).toByteArray();
    e.mac = q.value(9).toByteArray();
    return e;
}
} // namespace

AuditLog::AuditLog(Database &db, crypto::SecureBytes auditKey, QString staffId)
    : m_db(db)
    , m_key(std::move(auditKey))
    , m_staffId(std::move(staffId))
{}

namespace {
// The head to write just before the commit of a transaction that began with `prior`.
bool writeInFlightHead(Database &db, const crypto::SecureBytes &key, const crypto::ChainHead &prior)
{
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1")) ||
        !q.next()) {
        db.setError(StoreError::fromSql(q.lastError(), QStringLiteral("audit head")));
        return false;
    }
    crypto::ChainHead head{q.value(0).toLongLong(), q.value(1).toByteArray()};
    if (head.seq > prior.seq) {
        head.priorSeq = prior.seq;
        head.priorMac = prior.mac;
    }
    QString error;
    if (crypto::writeChainHead(db.auditHeadPath(), head, key, &error))
        return true;
    db.setError(StoreErrorKind::Io, QStringLiteral("audit head: ") + error);
    return false;
}
} // namespace

std::optional<crypto::ChainHead> AuditLog::lastHead()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1"))) {
        m_db.setError(StoreError::fromSql(q.lastError(), QStringLiteral("audit head")));
        return std::nullopt;
    }
    if (!q.next())
        return crypto::ChainHead{0, crypto::genesisMac()};
    return crypto::ChainHead{q.value(0).toLongLong(), q.value(1).toByteArray()};
}

bool AuditLog::insert(const crypto::AuditEntry &e)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO audit (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?)")
                             .arg(kColumns)))
        return false;
    q.addBindValue(e.seq);
    q.addBindValue(e.uuid);
    q.addBindValue(e.staffId.isEmpty() ? QVariant() : QVariant(e.staffId));
    q.addBindValue(e.utc);
    q.addBindValue(e.action);
    q.addBindValue(e.tableName);
    q.addBindValue(e.rowId);
    q.addBindValue(e.oldDigest.isNull() ? QByteArray("") : e.oldDigest);
    q.addBindValue(e.newDigest.isNull() ? QByteArray("") : e.newDigest);
    q.addBindValue(e.mac);
    return m_db.exec(q);
}

bool AuditLog::append(const QString &action, const QString &table, const QString &rowId,
                      const QByteArray &oldValue, const QByteArray &newValue)
{
    if (!canAppend()) {
        m_db.setError(StoreErrorKind::Locked, QStringLiteral("audit key not available"));
        return false;
    }
    const auto head = lastHead();
    if (!head)
        return false;
    crypto::AuditEntry draft;
    draft.uuid = newUuid();
    draft.staffId = m_staffId;
    draft.utc = crypto::auditTimestamp(QDateTime::currentDateTimeUtc());
    draft.action = action;
    draft.tableName = table;
    draft.rowId = rowId;
    draft.oldDigest = oldValue.isEmpty() ? QByteArray() : crypto::digestOf(oldValue);
    draft.newDigest = newValue.isEmpty() ? QByteArray() : crypto::digestOf(newValue);
    const crypto::AuditEntry entry = crypto::chainEntry(draft, *head, m_key);
    if (entry.mac.isEmpty()) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("audit MAC failed"));
        return false;
    }
    if (!insert(entry))
        return false;
    armHead(*head);
    return true;
}

void AuditLog::armHead(const crypto::ChainHead &prior)
{
    if (m_db.hasBeforeCommit())
        return; // an earlier append of this transaction armed it with the transaction's start
    Database *db = &m_db;
    m_db.setBeforeCommit([db, key = m_key, prior] { return writeInFlightHead(*db, key, prior); });
}

bool AuditLog::publishHead()
{
    if (!canAppend())
        return false;
    // Inside a batch nothing is committed yet: the head written at the batch's commit stands
    // until the caller publishes after it.
    if (m_db.inBatch())
        return true;
    // Read and write under the write lock: another writer's head cannot slip in between.
    Transaction lock(m_db);
    if (!lock.begin())
        return false;
    const auto head = lastHead();
    if (!head)
        return false;
    QString error;
    // The head written before the commit is durable and already names this end; if this
    // rename does not reach the disk before a power cut, that one is what verify finds.
    if (crypto::writeChainHead(m_db.auditHeadPath(), *head, m_key, &error, false))
        return true;
    m_db.setError(StoreErrorKind::Io, QStringLiteral("audit head: ") + error);
    return false;
}

bool AuditLog::recordPending(const QString &staffId, const QString &action, const QString &table,
                             const QString &rowId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO audit_pending (uuid, staff_id, at, action, "
                                        "table_name, row_id) VALUES (?, ?, ?, ?, ?, ?)")))
        return false;
    q.addBindValue(newUuid());
    q.addBindValue(staffId.isEmpty() ? QVariant() : QVariant(staffId));
    q.addBindValue(crypto::auditTimestamp(QDateTime::currentDateTimeUtc()));
    q.addBindValue(action);
    q.addBindValue(table);
    q.addBindValue(rowId);
    return m_db.exec(q); // autocommit: one statement, durable at once
}

bool AuditLog::flushPending()
{
    if (!canAppend()) {
        m_db.setError(StoreErrorKind::Locked, QStringLiteral("audit key not available"));
        return false;
    }
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    QVector<crypto::AuditEntry> pending;
    {
        QSqlQuery q = m_db.query();
        if (!q.exec(QStringLiteral("SELECT uuid, staff_id, at, action, table_name, row_id "
                                   "FROM audit_pending ORDER BY at, uuid"))) {
            m_db.setError(StoreError::fromSql(q.lastError(), QStringLiteral("audit pending")));
            return false;
        }
        while (q.next()) {
            crypto::AuditEntry e;
            e.uuid = q.value(0).toString();
            e.staffId = q.value(1).toString();
            e.utc = q.value(2).toString();
            e.action = q.value(3).toString();
            e.tableName = q.value(4).toString();
            e.rowId = q.value(5).toString();
            pending << e;
        }
    }
    if (pending.isEmpty())
        return true;
    auto head = lastHead();
    if (!head)
        return false;
    armHead(*head);
    for (const crypto::AuditEntry &draft : pending) {
        const crypto::AuditEntry entry = crypto::chainEntry(draft, *head, m_key);
        if (!insert(entry))
            return false;
        head = crypto::headOf(entry);
    }
    if (!m_db.execSql(QStringLiteral("DELETE FROM audit_pending")) || !tx.commit())
        return false;
    publishHead();
    return true;
}

QVector<crypto::AuditEntry> AuditLog::entries()
{
    QVector<crypto::AuditEntry> all;
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit ORDER BY seq").arg(kColumns))) {
        m_db.setError(StoreError::fromSql(q.lastError(), QStringLiteral("audit entries")));
        return all;
    }
    while (q.next())
        all << readEntry(q);
    return all;
}

qint64 AuditLog::pendingCount()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT count(*) FROM audit_pending")) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

crypto::VerifyResult AuditLog::verify()
{
    QString error;
    const auto head = crypto::readChainHead(m_db.auditHeadPath(), m_key, &error);
    const QVector<crypto::AuditEntry> all = entries();
    crypto::VerifyResult result = crypto::verifyChain(all, m_key, head);
    if (!head && result.ok) {
        // Without a head file a cut-off end of the log cannot be ruled out.
        result = crypto::VerifyResult{
            false, all.size() + 1,
            error + QLatin1Char(' ') +
                tr("Without it, entries cut off after entry %1 could not be noticed.")
                    .arg(all.size())};
    }
    return result;
}

qint64 dataVersion(Database &db)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("PRAGMA data_version")) || !db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

std::optional<AuditTally> tallyAuditAt(const QString &path, qint64 sinceVersion)
{
    const QString name = QStringLiteral("triad-audit-tally-%1").arg(++g_tallies);
    std::optional<AuditTally> tally;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            // Beside the key derivation's 128 MiB: a small page cache, as the integrity check.
            q.exec(QStringLiteral("PRAGMA cache_size = -256"));
            if (q.exec(QStringLiteral("SELECT count(*), coalesce(max(seq), 0), "
                                      "coalesce(min(seq), 1) FROM audit")) &&
                q.next())
                tally = AuditTally{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                   q.value(2).toLongLong(), sinceVersion};
            q.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return tally;
}

int AuditLog::logCountsForTesting()
{
    return g_logCounts.loadRelaxed();
}

crypto::VerifyResult AuditLog::checkEnd(const std::optional<AuditTally> &counted)
{
    QString error;
    const auto head = crypto::readChainHead(m_db.auditHeadPath(), m_key, &error);
    qint64 count = -1;
    qint64 lastSeq = 0;
    qint64 firstSeq = 1;
    if (counted && counted->sinceVersion >= 0 && dataVersion(m_db) == counted->sinceVersion) {
        // The ends come from the rowid's tree (two look-ups). With the same ends and no other
        // connection's commit since (data_version), the tally still counts this log: this
        // connection's own appends would have moved the last entry, and it never deletes one.
        QSqlQuery ends = m_db.query();
        if (ends.exec(QStringLiteral("SELECT (SELECT coalesce(max(seq), 0) FROM audit), "
                                     "(SELECT coalesce(min(seq), 1) FROM audit)")) &&
            ends.next() && ends.value(0).toLongLong() == counted->lastSeq &&
            ends.value(1).toLongLong() == counted->firstSeq) {
            count = counted->count;
            lastSeq = counted->lastSeq;
            firstSeq = counted->firstSeq;
        }
    }
    if (count < 0) {
        g_logCounts.ref();
        QSqlQuery q = m_db.query();
        if (!q.exec(QStringLiteral("SELECT count(*), coalesce(max(seq), 0), "
                                   "coalesce(min(seq), 1) FROM audit")) ||
            !q.next())
            return crypto::VerifyResult{false, 0, tr("the audit log cannot be read")};
        count = q.value(0).toLongLong();
        lastSeq = q.value(1).toLongLong();
        firstSeq = q.value(2).toLongLong();
    }
    if (!head)
        return crypto::VerifyResult{
            false, lastSeq + 1,
            error + QLatin1Char(' ') +
                tr("Without it, entries cut off after entry %1 could not be noticed.")
                    .arg(lastSeq)};
    if (count != lastSeq || firstSeq != 1)
        return crypto::VerifyResult{
            false, 0,
            tr("entries are missing from the audit log (%1 entries numbered up to %2)")
                .arg(count)
                .arg(lastSeq)};
    const auto entryAt = [this](qint64 seq) -> std::optional<crypto::AuditEntry> {
        QSqlQuery e = m_db.query();
        e.prepare(QStringLiteral("SELECT %1 FROM audit WHERE seq = ?").arg(kColumns));
        e.addBindValue(seq);
        if (!e.exec() || !e.next())
            return std::nullopt;
        return readEntry(e);
    };
    if (lastSeq > 0) {
        const auto last = entryAt(lastSeq);
        const auto before = lastSeq > 1 ? entryAt(lastSeq - 1) : std::nullopt;
        const QByteArray previousMac =
            lastSeq > 1 ? (before ? before->mac : QByteArray()) : crypto::genesisMac();
        if (!last ||
            !crypto::equalConstantTime(crypto::entryMac(*last, previousMac, m_key), last->mac))
            return crypto::VerifyResult{false, lastSeq, tr("entry %1 was changed").arg(lastSeq)};
    }
    return crypto::checkChainHead(
        lastSeq,
        [&entryAt](qint64 seq) {
            const auto e = entryAt(seq);
            return e ? e->mac : QByteArray();
        },
        *head);
}

} // namespace triad::store
