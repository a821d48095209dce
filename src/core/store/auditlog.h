#pragma once
// The audit table: append-only, MAC-chained entries (crypto/auditchain.h), written in the
// same transaction as the change they describe. After the caller commits, publishHead()
// updates "<db>.audit-head" outside the database, so a cut-off tail is noticed too.

#include "database.h"

#include "core/crypto/auditchain.h"

namespace triad::store {

// The log's length and ends as a read-only connection of its own saw them: counting a log of
// 148,000 entries (2,000 patients) reads its whole uuid index, 22 ms that the sign-in spent on
// the UI thread (issue 12). tallyAuditAt() runs beside the key derivation on a worker thread;
// checkEnd() takes the count from it only when the log cannot have changed since.
struct AuditTally
{
    qint64 count = 0;
    qint64 lastSeq = 0;
    qint64 firstSeq = 1;
    // PRAGMA data_version of the caller's connection, read before the tally started. Any
    // other connection's commit since (sqlite3 in someone's hands) changes it.
    qint64 sinceVersion = -1;
};

// PRAGMA data_version of `db`'s connection; -1 on a database error.
qint64 dataVersion(Database &db);
// Counts the log of the database file at `path` on a read-only connection of its own;
// callable from any thread. Nullopt when the file or the log cannot be read.
std::optional<AuditTally> tallyAuditAt(const QString &path, qint64 sinceVersion);

class AuditLog
{
public:
    // `auditKey`: the vault's KeyPurpose::Audit subkey; empty while locked, when only
    // recordPending() works. `staffId`: who acts (the signed-in member), may be empty.
    AuditLog(Database &db, crypto::SecureBytes auditKey, QString staffId);

    bool canAppend() const { return !m_key.isEmpty(); }
    QString staffId() const { return m_staffId; }
    void setStaffId(const QString &staffId) { m_staffId = staffId; }

    // Appends one entry inside the caller's open transaction. Values are kept only as
    // digests: the log proves what changed without holding personal data. The first append of
    // a transaction arranges for the head file to be written just before its COMMIT, with
    // the log's end before the transaction as the prior end (crypto::ChainHead), so whether
    // or not the commit happens the head names the log's true end.
    bool append(const QString &action, const QString &table, const QString &rowId,
                const QByteArray &oldValue = {}, const QByteArray &newValue = {});
    // After the caller's commit: writes the chain head file (under the write lock, so two
    // writers cannot leave it behind the log). A failure here loses nothing (the head written
    // before the commit already names this end) and is reported in lastError().
    bool publishHead();

    // For events while locked (failed sign-in): stored at once in its own transaction and
    // chained by flushPending() at the next sign-in.
    bool recordPending(const QString &staffId, const QString &action, const QString &table,
                       const QString &rowId);
    // Chains every pending event (own transaction), then publishes the head.
    bool flushPending();

    QVector<crypto::AuditEntry> entries();
    qint64 pendingCount();
    // Checks the whole chain against the key and the head file. A missing, empty, damaged,
    // older or newer head is a failure.
    crypto::VerifyResult verify();
    // The quick check before anything appends (sign-in): the head file authenticates and
    // names the log's last entry, the last entry chains from the one before, and no number
    // between 1 and the last is missing. Does not read the whole log; verify() does.
    // `counted`: a tally taken on a worker (tallyAuditAt). Its count stands in for counting
    // the log here when no other connection committed since it began and the log's ends are
    // still the same; otherwise the log is counted here, as without one.
    crypto::VerifyResult checkEnd(const std::optional<AuditTally> &counted = std::nullopt);
    // For tests: how many times checkEnd() counted the whole log on the caller's thread.
    static int logCountsForTesting();

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    std::optional<crypto::ChainHead> lastHead();
    bool insert(const crypto::AuditEntry &entry);
    void armHead(const crypto::ChainHead &prior);

    Database &m_db;
    crypto::SecureBytes m_key;
    QString m_staffId;
};

} // namespace triad::store
