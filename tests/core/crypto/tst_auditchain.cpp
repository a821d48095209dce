// The audit log must show any after-the-fact change: an edited, deleted, moved, forged or
// cut-off entry. Verification must also accept an untouched log without complaint.
#include "core/crypto/auditchain.h"
#include "core/crypto/primitives.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace triad::crypto;

namespace {

const SecureBytes kAuditKey(QByteArray(32, 'a'));

QVector<AuditEntry> makeChain(int count, QRandomGenerator &rng)
{
    static const char *const actions[] = {"insert", "update", "delete", "sign-in", "export"};
    static const char *const tables[] = {"patient", "episode", "response", "answer", "staff"};
    QVector<AuditEntry> entries;
    ChainHead head;
    QDateTime when(QDate(2025, 3, 4), QTime(9, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        AuditEntry draft;
        draft.uuid = QUuid::fromRfc4122(randomBytes(16)).toString(QUuid::WithoutBraces);
        draft.staffId = QStringLiteral("physio-%1").arg(rng.bounded(4));
        when = when.addMSecs(rng.bounded(1, 60000));
        draft.utc = auditTimestamp(when);
        draft.action = actions[rng.bounded(5)];
        draft.tableName = tables[rng.bounded(5)];
        draft.rowId = QString::number(rng.bounded(1000));
        if (draft.action != "insert")
            draft.oldDigest = digestOf(QByteArray::number(rng.generate()));
        if (draft.action != "delete")
            draft.newDigest = digestOf(QByteArray::number(rng.generate()));
        entries.append(chainEntry(draft, head, kAuditKey));
        head = headOf(entries.constLast());
    }
    return entries;
}

QByteArray flipOneBit(QByteArray bytes, QRandomGenerator &rng)
{
    if (bytes.isEmpty())
        return QByteArray(1, char(rng.bounded(256)));
    const int i = rng.bounded(int(bytes.size()));
    bytes[i] = char(bytes[i] ^ (1 << rng.bounded(8)));
    return bytes;
}

// Changes exactly one field of the entry, always to a different value.
void editField(AuditEntry &e, QRandomGenerator &rng)
{
    switch (rng.bounded(10)) {
    case 0:
        e.seq += rng.bounded(2) ? rng.bounded(1, 50) : -rng.bounded(1, 50);
        break;
    case 1:
        e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        break;
    case 2:
        e.staffId += QLatin1Char('x');
        break;
    case 3:
        e.utc = auditTimestamp(QDateTime::fromString(e.utc, Qt::ISODateWithMs).addMSecs(1));
        break;
    case 4:
        e.action = e.action == "delete" ? "update" : "delete";
        break;
    case 5:
        e.tableName = e.tableName == "staff" ? "patient" : "staff";
        break;
    case 6:
        e.rowId = QString::number(e.rowId.toInt() + 1);
        break;
    case 7:
        e.oldDigest = flipOneBit(e.oldDigest, rng);
        break;
    case 8:
        e.newDigest = flipOneBit(e.newDigest, rng);
        break;
    default:
        e.mac = flipOneBit(e.mac, rng);
        break;
    }
}

AuditEntry forgedEntry(qint64 seq, QRandomGenerator &rng)
{
    AuditEntry e;
    e.seq = seq;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.staffId = "physio-1";
    e.utc = "2025-03-04T10:00:00.000Z";
    e.action = "update";
    e.tableName = "patient";
    e.rowId = QString::number(rng.bounded(1000));
    e.newDigest = digestOf("forged");
    e.mac = randomBytes(32);
    return e;
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void untamperedChainVerifies()
    {
        QRandomGenerator rng(7);
        const QVector<AuditEntry> chain = makeChain(300, rng);
        const VerifyResult result = verifyChain(chain, kAuditKey, headOf(chain.constLast()));
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.firstBadSeq, 0);
        QVERIFY(result.message.isEmpty());
        QVERIFY(verifyChain(chain, kAuditKey, std::nullopt).ok);
        QVERIFY(verifyChain({}, kAuditKey, ChainHead{0, genesisMac()}).ok);
    }

    void plainMessagesNameTheEntry()
    {
        QRandomGenerator rng(11);
        const QVector<AuditEntry> chain = makeChain(245, rng);
        const ChainHead head = headOf(chain.constLast());

        QVector<AuditEntry> edited = chain;
        edited[16].rowId = "999999";
        VerifyResult r = verifyChain(edited, kAuditKey, head);
        QCOMPARE(r.message, QString("entry 17 was changed"));
        QCOMPARE(r.firstBadSeq, 17);

        r = verifyChain(chain.mid(0, 230), kAuditKey, head);
        QCOMPARE(r.message, QString("entries after 230 are missing (the chain head says 245)"));
        QCOMPARE(r.firstBadSeq, 231);

        QVector<AuditEntry> swapped = chain;
        std::swap(swapped[11], swapped[12]);
        r = verifyChain(swapped, kAuditKey, head);
        QCOMPARE(r.message, QString("entry 12 is out of order"));

        QVector<AuditEntry> deleted = chain;
        deleted.remove(39);
        r = verifyChain(deleted, kAuditKey, head);
        QCOMPARE(r.message, QString("entry 40 was deleted"));
        QCOMPARE(r.firstBadSeq, 40);

        deleted.remove(39, 3);
        QCOMPARE(verifyChain(deleted, kAuditKey, head).message,
                 QString("entries 40 to 43 were deleted"));

        QVector<AuditEntry> inserted = chain;
        inserted.insert(50, forgedEntry(51, rng));
        QCOMPARE(verifyChain(inserted, kAuditKey, head).message,
                 QString("an entry that does not belong to the log was inserted before entry 51"));

        QVector<AuditEntry> replayed = chain;
        replayed.insert(60, chain.at(20));
        QCOMPARE(verifyChain(replayed, kAuditKey, head).message,
                 QString("an extra copy of entry 21 was inserted after entry 60"));

        QVector<AuditEntry> renumbered = chain;
        renumbered[99].seq = 500;
        QCOMPARE(verifyChain(renumbered, kAuditKey, head).message,
                 QString("entry 100 was changed (its number now reads 500)"));

        QCOMPARE(verifyChain({}, kAuditKey, head).message,
                 QString("all entries are missing (the chain head says 245)"));
    }

    void thousandRandomTamperingsAreAllDetected()
    {
        QRandomGenerator rng(20250304); // seeded: a failure reproduces exactly
        const QVector<AuditEntry> chain = makeChain(300, rng);
        const ChainHead head = headOf(chain.constLast());
        int kinds[5] = {};
        for (int round = 0; round < 1000; ++round) {
            QVector<AuditEntry> tampered = chain;
            const int kind = rng.bounded(5);
            ++kinds[kind];
            int position = 0; // index of the first entry that can no longer be trusted
            QString what;
            switch (kind) {
            case 0: // edit one field of one entry
                position = rng.bounded(int(tampered.size()));
                editField(tampered[position], rng);
                what = "edit";
                break;
            case 1: // delete one entry (the last one included)
                position = rng.bounded(int(tampered.size()));
                tampered.remove(position);
                what = "delete";
                break;
            case 2: { // swap two different entries
                const int a = rng.bounded(int(tampered.size()));
                int b = rng.bounded(int(tampered.size()) - 1);
                if (b >= a)
                    ++b;
                std::swap(tampered[a], tampered[b]);
                position = std::min(a, b);
                what = "swap";
                break;
            }
            case 3: { // insert a forged entry anywhere, numbered plausibly
                position = rng.bounded(int(tampered.size()) + 1);
                const qint64 seq = rng.bounded(2) ? position + 1 : rng.bounded(1, 302);
                tampered.insert(position, forgedEntry(seq, rng));
                what = "insert";
                break;
            }
            default: // cut off the tail
                position = rng.bounded(int(tampered.size()));
                tampered.resize(position);
                what = "truncate";
                break;
            }
            const VerifyResult result = verifyChain(tampered, kAuditKey, head);
            const QByteArray context = QStringLiteral("round %1, %2 at %3: %4")
                                           .arg(round)
                                           .arg(what)
                                           .arg(position)
                                           .arg(result.message)
                                           .toUtf8();
            QVERIFY2(!result.ok, context.constData());
            QVERIFY2(!result.message.isEmpty(), context.constData());
            QVERIFY2(result.firstBadSeq == position + 1, context.constData());
        }
        for (int count : kinds)
            QVERIFY(count > 150); // every kind was exercised often
    }

    void wrongKeyFailsAtTheFirstEntry()
    {
        QRandomGenerator rng(3);
        const QVector<AuditEntry> chain = makeChain(10, rng);
        const VerifyResult r = verifyChain(chain, SecureBytes(QByteArray(32, 'b')), std::nullopt);
        QVERIFY(!r.ok);
        QCOMPARE(r.firstBadSeq, 1);
        QVERIFY(!verifyChain(chain, SecureBytes(), std::nullopt).ok);
    }

    void olderHeadIsReported()
    {
        // A head file put back from an older copy: the log goes on past it.
        QRandomGenerator rng(5);
        const QVector<AuditEntry> chain = makeChain(20, rng);
        const VerifyResult r = verifyChain(chain, kAuditKey, headOf(chain.at(17)));
        QVERIFY(!r.ok);
        QCOMPARE(r.firstBadSeq, 19);
        QVERIFY2(r.message.contains("says the last entry is 18 but the log ends at entry 20"),
                 qPrintable(r.message));
    }

    void inFlightHeadAcceptsEitherEnd()
    {
        // Written just before a commit: the log may end at the prior entry (the app stopped
        // before the commit) or at the new one, and nowhere else.
        QRandomGenerator rng(6);
        const QVector<AuditEntry> chain = makeChain(20, rng);
        ChainHead head = headOf(chain.at(19));
        head.priorSeq = 17;
        head.priorMac = chain.at(16).mac;
        QVERIFY(verifyChain(chain, kAuditKey, head).ok);
        const VerifyResult before = verifyChain(chain.mid(0, 17), kAuditKey, head);
        QVERIFY(before.ok);
        QVERIFY2(before.message.contains("was not saved"), qPrintable(before.message));
        QVERIFY(!verifyChain(chain.mid(0, 18), kAuditKey, head).ok);
        QVERIFY(!verifyChain(chain.mid(0, 16), kAuditKey, head).ok);

        QTemporaryDir dir;
        const QString path = dir.filePath("flight.head");
        QString error;
        QVERIFY2(writeChainHead(path, head, kAuditKey, &error), qPrintable(error));
        const auto back = readChainHead(path, kAuditKey, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->priorSeq, 17);
        QCOMPARE(back->priorMac, chain.at(16).mac);
    }

    void emptyHeadFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.head");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString error;
        QVERIFY(!readChainHead(path, kAuditKey, &error));
        QVERIFY2(error.contains("is empty"), qPrintable(error));
    }

    void headFromAnotherLogIsRejected()
    {
        QRandomGenerator rng(9);
        const QVector<AuditEntry> chain = makeChain(20, rng);
        const QVector<AuditEntry> other = makeChain(20, rng);
        const VerifyResult r = verifyChain(chain, kAuditKey, headOf(other.constLast()));
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains("does not match entry 20"), qPrintable(r.message));
    }

    void fieldBoundariesAreUnambiguous()
    {
        AuditEntry a;
        a.seq = 1;
        a.tableName = "ab";
        a.rowId = "c";
        AuditEntry b = a;
        b.tableName = "a";
        b.rowId = "bc";
        QVERIFY(canonicalBytes(a) != canonicalBytes(b));
        QVERIFY(entryMac(a, genesisMac(), kAuditKey) != entryMac(b, genesisMac(), kAuditKey));
    }

    void digestsAndTimestamps()
    {
        QCOMPARE(digestOf("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        const QDateTime when(QDate(2025, 3, 4), QTime(9, 15, 2, 123), Qt::UTC);
        QCOMPARE(auditTimestamp(when), QString("2025-03-04T09:15:02.123Z"));
        QCOMPARE(auditTimestamp(when.toOffsetFromUtc(3600)), QString("2025-03-04T09:15:02.123Z"));
        QCOMPARE(genesisMac(), QByteArray(32, '\0'));
    }

    void headFileRoundTripsAtomically()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("audit.head");
        const ChainHead head{245, randomBytes(32)};
        QString error;
        QVERIFY2(writeChainHead(path, head, kAuditKey, &error), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"audit.head"}); // no temp
        const auto back = readChainHead(path, kAuditKey, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->seq, 245);
        QCOMPARE(back->mac, head.mac);

        const ChainHead next{246, randomBytes(32)};
        QVERIFY(writeChainHead(path, next, kAuditKey, &error));
        QCOMPARE(readChainHead(path, kAuditKey, &error)->seq, 246);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void forgedHeadFileIsRejected()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("audit.head");
        QString error;
        QVERIFY(writeChainHead(path, ChainHead{245, randomBytes(32)}, kAuditKey, &error));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(bytes.contains("\"seq\":245"));
        bytes.replace("\"seq\":245", "\"seq\":230"); // an attacker hiding a cut-off tail
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        QVERIFY(!readChainHead(path, kAuditKey, &error));
        QVERIFY2(error.contains("altered"), qPrintable(error));

        QVERIFY(writeChainHead(path, ChainHead{3, randomBytes(32)}, kAuditKey, &error));
        QVERIFY(!readChainHead(path, SecureBytes(QByteArray(32, 'z')), &error));
        QVERIFY(error.contains("altered"));
    }

    void headFileProblemsAreNamed()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!readChainHead(dir.filePath("none.head"), kAuditKey, &error));
        QVERIFY2(error.contains("missing") && error.contains("none.head"), qPrintable(error));

        const QString damaged = dir.filePath("damaged.head");
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"v\":1,\"seq\":");
        file.close();
        QVERIFY(!readChainHead(damaged, kAuditKey, &error));
        QVERIFY2(error.contains("damaged"), qPrintable(error));

        QVERIFY(!writeChainHead(dir.filePath("no/such/folder/a.head"),
                                ChainHead{1, randomBytes(32)}, kAuditKey, &error));
        QVERIFY2(error.contains("a.head"), qPrintable(error));
        QVERIFY(!writeChainHead(dir.filePath("b.head"), ChainHead{1, QByteArray(5, 'm')}, kAuditKey,
                                &error));
        QVERIFY(!QFile::exists(dir.filePath("b.head")));
        QVERIFY(!writeChainHead(dir.filePath("c.head"), ChainHead{1, randomBytes(32)},
                                SecureBytes(), &error));
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
