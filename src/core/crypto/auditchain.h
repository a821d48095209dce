#pragma once
// The audit log's integrity, independent of where entries are stored. Each entry's MAC
// covers the previous entry's MAC, so editing, deleting, reordering or inserting an
// entry breaks the chain; a MACed copy of the newest (seq, mac) kept in a small file
// outside the database also catches a cut-off tail.

#include "securebytes.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QVector>

namespace triad::crypto {

struct AuditEntry
{
    qint64 seq = 0; // 1, 2, 3... without gaps
    QString uuid;
    QString staffId;
    QString utc;    // ISO 8601 UTC with milliseconds: auditTimestamp()
    QString action; // e.g. "insert", "update", "pin-failed"
    QString tableName;
    QString rowId;
    QByteArray oldDigest; // digestOf(old value), empty for inserts
    QByteArray newDigest; // digestOf(new value), empty for deletes
    QByteArray mac;
};

struct ChainHead
{
    ChainHead() = default;
    ChainHead(qint64 seq_, QByteArray mac_)
        : seq(seq_)
        , mac(std::move(mac_))
    {}

    qint64 seq = 0; // 0 for an empty chain
    QByteArray mac; // genesisMac() for an empty chain
    // Written just before a commit (while the write lock is held): the log ended at
    // priorSeq/priorMac before the transaction and ends at seq/mac if it commits. Either end
    // is then a complete log. -1: no transaction in flight (the head written after a commit).
    qint64 priorSeq = -1;
    QByteArray priorMac;
};

struct VerifyResult
{
    bool ok = false;
    qint64 firstBadSeq = 0; // 0 when ok
    QString message;        // plain words; may also be set when ok (a stale head)
};

// SHA-256 of a stored value, so the log proves what changed without holding the value.
QByteArray digestOf(const QByteArray &value);
// "2025-03-04T09:15:02.123Z"
QString auditTimestamp(const QDateTime &when);
// mac(0): 32 zero bytes.
QByteArray genesisMac();

// The exact bytes the MAC covers (every field except mac, seq included).
QByteArray canonicalBytes(const AuditEntry &entry);
// HMAC-SHA256(auditKey, previousMac || canonicalBytes(entry)); empty if auditKey is empty.
QByteArray entryMac(const AuditEntry &entry, const QByteArray &previousMac,
                    const SecureBytes &auditKey);
// Appends `draft` after `previous`: sets seq = previous.seq + 1 and the MAC. The store
// writes the result and then writeChainHead(headOf(result)).
AuditEntry chainEntry(AuditEntry draft, const ChainHead &previous, const SecureBytes &auditKey);
inline ChainHead headOf(const AuditEntry &entry)
{
    return ChainHead{entry.seq, entry.mac};
}

// Checks the whole chain, given in storage order. With a head, a missing tail is found,
// and so is a head older than the log (a log that goes on past it). The log may end at the
// head or, when the head was written just before a commit the app did not finish, at the
// head's prior entry (said in message).
VerifyResult verifyChain(const QVector<AuditEntry> &entries, const SecureBytes &auditKey,
                         std::optional<ChainHead> head);
// The end of the log against the head alone: `lastSeq` is the newest entry's number and
// macAt(n) gives entry n's MAC (empty if there is none). What sign-in checks before it
// appends, without reading the whole log.
VerifyResult checkChainHead(qint64 lastSeq, const std::function<QByteArray(qint64)> &macAt,
                            const ChainHead &head);

// The head file: small JSON with its own HMAC, replaced atomically (temp file, fsync,
// rename, fsync of the folder), so a crash leaves the old or the new head, never half.
// `syncFolder` false skips the fsync of the folder after the rename: for a head written after
// a commit that the in-flight head written before it already covers (auditlog.h).
bool writeChainHead(const QString &path, const ChainHead &head, const SecureBytes &auditKey,
                    QString *error, bool syncFolder = true);
// nullopt with a plain message when the file is missing, unreadable, or its MAC is wrong.
std::optional<ChainHead> readChainHead(const QString &path, const SecureBytes &auditKey,
                                       QString *error);

} // namespace triad::crypto
