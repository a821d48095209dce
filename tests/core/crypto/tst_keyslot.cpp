// Key slots: each staff member's passphrase opens the clinic's data key, nothing else does.
#include "core/crypto/keyslot.h"

#include <QJsonDocument>
#include <QTest>

using namespace triad::crypto;

namespace {

// Cheap parameters so the suite stays fast; production keeps ScryptParams{} (N=2^17).
const ScryptParams kFast{quint64(1) << 10, 8, 1};
const QString kPass = QStringLiteral("correct horse battery");

} // namespace

class TestKeySlot : public QObject
{
    Q_OBJECT

private slots:
    void rightPassphraseUnwrapsTheKey()
    {
        const SecureBytes dataKey = newDataKey();
        QCOMPARE(dataKey.size(), kKeyBytes);
        const auto slot = wrapDataKey(dataKey, kPass, "staff-1", kFast);
        QVERIFY(slot);
        QCOMPARE(slot->salt.size(), kSaltBytes);
        const auto key = unwrapDataKey(*slot, kPass, "staff-1");
        QVERIFY(key);
        QCOMPARE(key->bytes(), dataKey.bytes());
    }

    void wrongPassphraseOrStaffFails()
    {
        const SecureBytes dataKey = newDataKey();
        const auto slot = wrapDataKey(dataKey, kPass, "staff-1", kFast);
        QVERIFY(slot);
        QVERIFY(!unwrapDataKey(*slot, "correct horse battery!", "staff-1"));
        QVERIFY(!unwrapDataKey(*slot, "Correct horse battery", "staff-1"));
        QVERIFY(!unwrapDataKey(*slot, QString(), "staff-1"));
        QVERIFY(!unwrapDataKey(*slot, kPass, "staff-2")); // slot copied to another member
        QVERIFY(!unwrapDataKey(*slot, kPass, QString()));
    }

    void damagedSlotFails()
    {
        const auto slot = wrapDataKey(newDataKey(), kPass, "staff-1", kFast);
        QVERIFY(slot);
        KeySlot bad = *slot;
        bad.wrapped[20] = char(bad.wrapped[20] ^ 0x40);
        QVERIFY(!unwrapDataKey(bad, kPass, "staff-1"));
        bad = *slot;
        bad.salt[0] = char(bad.salt[0] ^ 0x01);
        QVERIFY(!unwrapDataKey(bad, kPass, "staff-1"));
        bad = *slot;
        bad.params.n = quint64(1) << 11;
        QVERIFY(!unwrapDataKey(bad, kPass, "staff-1"));
        bad = *slot;
        bad.wrapped.chop(1);
        QVERIFY(!unwrapDataKey(bad, kPass, "staff-1"));
    }

    void eachSlotHasItsOwnSalt()
    {
        const SecureBytes dataKey = newDataKey();
        const auto a = wrapDataKey(dataKey, kPass, "staff-1", kFast);
        const auto b = wrapDataKey(dataKey, kPass, "staff-1", kFast);
        QVERIFY(a && b);
        QVERIFY(a->salt != b->salt);
        QVERIFY(a->wrapped != b->wrapped);
        QVERIFY(!a->wrapped.contains(dataKey.bytes()));
    }

    void shortPassphraseIsRejectedWithMessage()
    {
        const QString nine = QStringLiteral("abcdefghi");
        const QString message = passphraseProblem(nine);
        QVERIFY(!message.isEmpty());
        QVERIFY2(message.contains("9") && message.contains("10"), qPrintable(message));
        QVERIFY(!wrapDataKey(newDataKey(), nine, "staff-1", kFast));
        QVERIFY(passphraseProblem(QStringLiteral("abcdefghij")).isEmpty());
        QVERIFY(!passphraseProblem(QString()).isEmpty());
    }

    void passphraseLengthCountsCodePoints()
    {
        const QString giraffe = QString::fromUtf8("\xF0\x9F\xA6\x92"); // one code point
        QCOMPARE(giraffe.size(), 2);                                   // two UTF-16 units
        QVERIFY(!passphraseProblem(giraffe.repeated(9)).isEmpty());    // 18 units, 9 chars
        QVERIFY(passphraseProblem(giraffe.repeated(10)).isEmpty());
        const QString accented = QString::fromUtf8("\xC3\xA9").repeated(9); // 18 UTF-8 bytes
        QVERIFY(!passphraseProblem(accented).isEmpty());
    }

    void composedAndDecomposedAccentsOpenTheSameSlot()
    {
        const QString composed = QString::fromUtf8("caf\xC3\xA9 au lait!");
        const QString decomposed = QString::fromUtf8("cafe\xCC\x81 au lait!");
        QVERIFY(composed != decomposed);
        const SecureBytes dataKey = newDataKey();
        const auto slot = wrapDataKey(dataKey, composed, "staff-1", kFast);
        QVERIFY(slot);
        const auto key = unwrapDataKey(*slot, decomposed, "staff-1");
        QVERIFY(key);
        QCOMPARE(key->bytes(), dataKey.bytes());
    }

    void serializationRoundTrips()
    {
        const SecureBytes dataKey = newDataKey();
        const auto slot = wrapDataKey(dataKey, kPass, "staff-1", kFast);
        QVERIFY(slot);
        const QByteArray stored = slot->serialize();
        QVERIFY(!stored.contains('\n'));
        QVERIFY(stored.contains("\"n\":1024"));
        QString error;
        const auto back = KeySlot::deserialize(stored, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->salt, slot->salt);
        QCOMPARE(back->wrapped, slot->wrapped);
        QCOMPARE(back->params.n, kFast.n);
        QCOMPARE(unwrapDataKey(*back, kPass, "staff-1")->bytes(), dataKey.bytes());
    }

    void productionParametersAreStored()
    {
        KeySlot slot;
        slot.salt = QByteArray(kSaltBytes, 's');
        slot.wrapped = QByteArray(kNonceBytes + kKeyBytes + kTagBytes, 'w');
        const QJsonObject json = slot.toJson();
        QCOMPARE(json.value("n").toDouble(), 131072.0);
        QCOMPARE(json.value("r").toInt(), 8);
        QCOMPARE(json.value("p").toInt(), 1);
        QCOMPARE(json.value("kdf").toString(), QString("scrypt"));
    }

    void badStoredSlotsNameTheProblem_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QString>("mentions");
        const QByteArray salt = QByteArray(kSaltBytes, 's').toBase64();
        const QByteArray wrapped = QByteArray(60, 'w').toBase64();
        auto slot = [&](const QByteArray &n, const QByteArray &s, const QByteArray &w) {
            return "{\"v\":1,\"kdf\":\"scrypt\",\"n\":" + n + ",\"r\":8,\"p\":1,\"salt\":\"" + s +
                   "\",\"wrapped\":\"" + w + "\"}";
        };
        QTest::newRow("not json") << QByteArray("slot?") << "JSON";
        QTest::newRow("version") << QByteArray("{\"v\":2}") << "version 2";
        QTest::newRow("kdf") << QByteArray("{\"v\":1,\"kdf\":\"md5\"}") << "md5";
        QTest::newRow("n not power of two") << slot("1000", salt, wrapped) << "power of two";
        QTest::newRow("n too large") << slot("4194304", salt, wrapped) << "\"n\"";
        QTest::newRow("n missing") << slot("\"x\"", salt, wrapped) << "\"n\"";
        QTest::newRow("salt size") << slot("1024", "c2FsdA==", wrapped) << "\"salt\"";
        QTest::newRow("salt base64") << slot("1024", "@@@", wrapped) << "\"salt\"";
        QTest::newRow("wrapped size") << slot("1024", salt, "d3JhcA==") << "\"wrapped\"";
    }

    void badStoredSlotsNameTheProblem()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QString, mentions);
        QString error;
        QVERIFY(!KeySlot::deserialize(stored, &error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void wrappingRefusesAKeyOfWrongSize()
    {
        QVERIFY(!wrapDataKey(SecureBytes(QByteArray(16, 'k')), kPass, "staff-1", kFast));
        QVERIFY(!wrapDataKey(SecureBytes(), kPass, "staff-1", kFast));
    }
};

QTEST_GUILESS_MAIN(TestKeySlot)
#include "tst_keyslot.moc"
