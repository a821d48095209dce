#include "auditchain.h"

#include "primitives.h"

#include <QCoreApplication>
#include <QHash>
#include <QtEndian>

namespace triad::crypto {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("triad::crypto::AuditChain", text, nullptr, n);
}

void appendBytes(QByteArray &out, const QByteArray &part)
{
    char length[4];
    qToBigEndian(quint32(part.size()), length);
    out.append(length, 4);
    out.append(part);
}

VerifyResult bad(qint64 seq, const QString &message)
{
    return VerifyResult{false, seq, message};
}

bool macMatches(const AuditEntry &entry, const QByteArray &previousMac, const SecureBytes &key)
{
    return equalConstantTime(entryMac(entry, previousMac, key), entry.mac);
}

// Whether the entry carries a MAC made with the key over its own predecessor, wherever that
// predecessor now sits: true for a genuine entry that was merely moved.
bool isGenuine(const AuditEntry &entry, const QVector<AuditEntry> &entries,
               const QHash<qint64, int> &indexOfSeq, const SecureBytes &key)
{
    if (entry.seq == 1)
        return macMatches(entry, genesisMac(), key);
    const auto previous = indexOfSeq.constFind(entry.seq - 1);
    return previous != indexOfSeq.constEnd() &&
           macMatches(entry, entries.at(previous.value()).mac, key);
}

// When entry i does not continue the chain, the plainest honest explanation wins:
// a genuine entry moved, a renumbered entry, a replayed entry, an extra entry sitting in
// front of the right one, a changed entry, or entries gone.
VerifyResult explainBreak(const QVector<AuditEntry> &entries, int i, qint64 expected,
                          const QByteArray &previousMac, const SecureBytes &key,
                          const QHash<qint64, int> &indexOfSeq)
{
    const AuditEntry &entry = entries.at(i);
    const bool expectedElsewhere = indexOfSeq.contains(expected);
    if (entry.seq > expected && expectedElsewhere && isGenuine(entry, entries, indexOfSeq, key))
        return bad(expected, tr("entry %1 is out of order").arg(expected));
    if (entry.seq != expected) {
        AuditEntry renumbered = entry;
        renumbered.seq = expected;
        if (macMatches(renumbered, previousMac, key))
            return bad(
                expected,
                tr("entry %1 was changed (its number now reads %2)").arg(expected).arg(entry.seq));
    }
    // A number already passed: a replayed genuine entry, or a forgery wearing an old number.
    if (entry.seq < expected && isGenuine(entry, entries, indexOfSeq, key))
        return bad(expected, tr("an extra copy of entry %1 was inserted after entry %2")
                                 .arg(entry.seq)
                                 .arg(expected - 1));
    const bool nextContinues = i + 1 < entries.size() && entries.at(i + 1).seq == expected &&
                               macMatches(entries.at(i + 1), previousMac, key);
    if (nextContinues || entry.seq < expected)
        return bad(expected, tr("an entry that does not belong to the log was inserted before "
                                "entry %1")
                                 .arg(expected));
    if (entry.seq == expected)
        return bad(expected, tr("entry %1 was changed").arg(expected));
    if (expectedElsewhere)
        return bad(expected, tr("entry %1 is out of order").arg(expected));

    qint64 lastMissing = expected;
    while (lastMissing + 1 < entry.seq && !indexOfSeq.contains(lastMissing + 1))
        ++lastMissing;
    if (lastMissing == expected)
        return bad(expected, tr("entry %1 was deleted").arg(expected));
    return bad(expected, tr("entries %1 to %2 were deleted").arg(expected).arg(lastMissing));
}

} // namespace

QByteArray digestOf(const QByteArray &value)
{
    return sha256(value);
}

QString auditTimestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray genesisMac()
{
    return QByteArray(32, '\0');
}

QByteArray canonicalBytes(const AuditEntry &entry)
{
    QByteArray out = QByteArrayLiteral("triad:audit:v1");
    char seq[8];
    qToBigEndian(qint64(entry.seq), seq);
    out.append(seq, 8);
    appendBytes(out, entry.uuid.toUtf8());
    appendBytes(out, entry.staffId.toUtf8());
    appendBytes(out, entry.utc.toUtf8());
    appendBytes(out, entry.action.toUtf8());
    appendBytes(out, entry.tableName.toUtf8());
    appendBytes(out, entry.rowId.toUtf8());
    appendBytes(out, entry.oldDigest);
    appendBytes(out, entry.newDigest);
    return out;
}

QByteArray entryMac(const AuditEntry &entry, const QByteArray &previousMac,
                    const SecureBytes &auditKey)
{
    return hmacSha256(auditKey, previousMac + canonicalBytes(entry));
}

AuditEntry chainEntry(AuditEntry draft, const ChainHead &previous, const SecureBytes &auditKey)
{
    draft.seq = previous.seq + 1;
    draft.mac = entryMac(draft, previous.seq == 0 ? genesisMac() : previous.mac, auditKey);
    return draft;
}

VerifyResult verifyChain(const QVector<AuditEntry> &entries, const SecureBytes &auditKey,
                         std::optional<ChainHead> head)
{
    if (auditKey.isEmpty())
        return bad(1, tr("the audit key is not available; sign in to verify the log"));

    QHash<qint64, int> indexOfSeq; // first position of each number, to explain a break
    indexOfSeq.reserve(entries.size());
    for (int i = 0; i < entries.size(); ++i) {
        if (!indexOfSeq.contains(entries.at(i).seq))
            indexOfSeq.insert(entries.at(i).seq, i);
    }

    QByteArray previousMac = genesisMac();
    qint64 expected = 1;
    for (int i = 0; i < entries.size(); ++i) {
        const AuditEntry &entry = entries.at(i);
        if (entry.seq != expected || !macMatches(entry, previousMac, auditKey))
            return explainBreak(entries, i, expected, previousMac, auditKey, indexOfSeq);
        previousMac = entry.mac;
        ++expected;
    }
    if (head) {
        // The chain was verified gap-free from 1, so entry n sits at index n - 1.
        return checkChainHead(
            entries.size(),
            [&entries](qint64 seq) {
                return seq >= 1 && seq <= entries.size() ? entries.at(int(seq - 1)).mac
                                                         : QByteArray();
            },
            *head);
    }
    return VerifyResult{true, 0, {}};
}

VerifyResult checkChainHead(qint64 lastSeq, const std::function<QByteArray(qint64)> &macAt,
                            const ChainHead &head)
{
    if (head.seq < 0)
        return bad(1, tr("the chain head file is damaged"));
    const auto macMatchesAt = [&macAt](qint64 seq, const QByteArray &mac) {
        return equalConstantTime(seq == 0 ? genesisMac() : macAt(seq), mac);
    };
    if (lastSeq == head.seq) {
        if (!macMatchesAt(head.seq, head.mac))
            return bad(head.seq, tr("the chain head does not match entry %1; the log was "
                                    "replaced or the head belongs to another database")
                                     .arg(head.seq));
        return VerifyResult{true, 0, {}};
    }
    if (head.priorSeq >= 0 && lastSeq == head.priorSeq) {
        if (!macMatchesAt(head.priorSeq, head.priorMac))
            return bad(head.priorSeq, tr("the chain head does not match entry %1; the log was "
                                         "replaced or the head belongs to another database")
                                          .arg(head.priorSeq));
        return VerifyResult{true, 0,
                            tr("the last change (entry %1) was being saved when Triad stopped; "
                               "it was not saved and the log before it is complete")
                                .arg(head.seq)};
    }
    if (lastSeq > head.seq)
        return bad(head.seq + 1,
                   tr("the log goes on past the chain head: the head file says the last entry "
                      "is %1 but the log ends at entry %2; the head file is an older copy, or "
                      "entries were added without Triad")
                       .arg(head.seq)
                       .arg(lastSeq));
    if (lastSeq == 0)
        return bad(1, tr("all entries are missing (the chain head says %1)").arg(head.seq));
    return bad(
        lastSeq + 1,
        tr("entries after %1 are missing (the chain head says %2)").arg(lastSeq).arg(head.seq));
}

} // namespace triad::crypto
