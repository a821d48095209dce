// Known-answer and tamper tests for the OpenSSL wrappers: if these fail, no stored
// personal data can be trusted to be readable or to be secret.
#include "core/crypto/primitives.h"
#include "core/crypto/securebytes.h"

#include <QTest>

using namespace triad::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

SecureBytes keyOf(const char *hexText)
{
    return SecureBytes(hex(hexText));
}

} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void scryptRfc7914Vector()
    {
        // RFC 7914 §12, second vector; our 32-byte key is the first half of its 64-byte output.
        const auto key = scrypt("password", "NaCl", ScryptParams{1024, 8, 16});
        QVERIFY(key);
        QCOMPARE(key->bytes().toHex(),
                 QByteArray("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"));
    }

    void scryptEmptyPassphraseVector()
    {
        const auto key = scrypt(QByteArray(), QByteArray(), ScryptParams{16, 1, 1});
        QVERIFY(key);
        QCOMPARE(key->bytes().toHex(),
                 QByteArray("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"));
    }

    void scryptRejectsInvalidParameters()
    {
        QVERIFY(!scrypt("pw", "salt", ScryptParams{1000, 8, 1})); // N not a power of two
        QVERIFY(!scrypt("pw", "salt", ScryptParams{1024, 0, 1}));
        QVERIFY(!scrypt("pw", "salt", ScryptParams{1024, 8, 0}));
        QVERIFY(!scrypt("pw", "salt", ScryptParams{quint64(1) << 40, 8, 1})); // absurd memory
    }

    void productionScryptParamsAreOwaspMinimum()
    {
        const ScryptParams defaults;
        QCOMPARE(defaults.n, quint64(1) << 17);
        QCOMPARE(defaults.r, 8u);
        QCOMPARE(defaults.p, 1u);
    }

    void aesGcmOpensNistVector()
    {
        // GCM spec test case 16 (AES-256, 96-bit IV, with AAD), laid out as nonce||ct||tag.
        const SecureBytes key =
            keyOf("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray blob =
            hex("cafebabefacedbaddecaf888"
                "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                "76fc6ece0f4e1768cddf8853bb2d551b");
        const QByteArray aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        const auto plain = open(key, blob, aad);
        QVERIFY(plain);
        QCOMPARE(plain->toHex(),
                 QByteArray("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"));
    }

    void aesGcmRoundTripAndEveryByteTampered()
    {
        const SecureBytes key(randomBytes(kKeyBytes));
        const QByteArray aad = "row 7";
        const QByteArray message = "Synthetic note: knee pain eased after session three.";
        const auto blob = seal(key, message, aad);
        QVERIFY(blob);
        QCOMPARE(blob->size(), kNonceBytes + message.size() + kTagBytes);
        QCOMPARE(open(key, *blob, aad).value_or(QByteArray()), message);

        // Nonce bytes, ciphertext bytes and tag bytes: flipping any single bit must fail.
        for (int i = 0; i < blob->size(); ++i) {
            QByteArray bad = *blob;
            bad[i] = char(bad[i] ^ 0x01);
            QVERIFY2(!open(key, bad, aad), qPrintable(QString("byte %1 accepted").arg(i)));
        }
        QVERIFY(!open(key, blob->left(blob->size() - 1), aad)); // truncated tag
        QVERIFY(!open(key, *blob + 'x', aad));                  // appended byte
        QVERIFY(!open(key, *blob, "row 8"));                    // other associated data
        QVERIFY(!open(key, *blob, QByteArray()));
        QVERIFY(!open(SecureBytes(randomBytes(kKeyBytes)), *blob, aad)); // other key
        QVERIFY(!open(key, QByteArray(kNonceBytes + kTagBytes - 1, 'x'), aad));
    }

    void aesGcmEmptyPlaintextIsAuthenticated()
    {
        const SecureBytes key(randomBytes(kKeyBytes));
        const auto blob = seal(key, QByteArray(), "aad");
        QVERIFY(blob);
        QCOMPARE(blob->size(), kNonceBytes + kTagBytes);
        const auto plain = open(key, *blob, "aad");
        QVERIFY(plain);
        QVERIFY(plain->isEmpty());
        QVERIFY(!open(key, *blob, "other"));
    }

    void aesGcmRefusesWrongKeySize()
    {
        QVERIFY(!seal(SecureBytes(QByteArray(16, 'k')), "x", {}));
        QVERIFY(!seal(SecureBytes(), "x", {}));
        const SecureBytes key(randomBytes(kKeyBytes));
        const auto blob = seal(key, "x", {});
        QVERIFY(blob);
        QVERIFY(!open(SecureBytes(QByteArray(31, 'k')), *blob, {}));
    }

    void sealUsesAFreshNonceEachTime()
    {
        const SecureBytes key(randomBytes(kKeyBytes));
        const auto a = seal(key, "same", "aad");
        const auto b = seal(key, "same", "aad");
        QVERIFY(a && b);
        QVERIFY(a->left(kNonceBytes) != b->left(kNonceBytes));
        QVERIFY(*a != *b);
    }

    void hmacRfc4231Case2()
    {
        const QByteArray mac =
            hmacSha256(SecureBytes(QByteArray("Jefe")), "what do ya want for nothing?");
        QCOMPARE(mac.toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void sha256KnownAnswer()
    {
        QCOMPARE(sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256(QByteArray()).toHex(),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void subkeysArePurposeBound()
    {
        const SecureBytes master(randomBytes(kKeyBytes));
        const SecureBytes fields = deriveSubkey(master, "fields");
        const SecureBytes audit = deriveSubkey(master, "audit");
        QCOMPARE(fields.size(), kKeyBytes);
        QVERIFY(fields.bytes() != audit.bytes());
        QVERIFY(fields.bytes() != master.bytes());
        QCOMPARE(deriveSubkey(master, "fields").bytes(), fields.bytes()); // deterministic
        QCOMPARE(fields.bytes(), hmacSha256(master, "triad:fields"));
    }

    void constantTimeComparison()
    {
        QVERIFY(equalConstantTime("abc", "abc"));
        QVERIFY(!equalConstantTime("abc", "abd"));
        QVERIFY(!equalConstantTime("abc", "abcd"));
        QVERIFY(equalConstantTime(QByteArray(), QByteArray()));
    }

    void randomBytesAreFreshAndSized()
    {
        const QByteArray a = randomBytes(32);
        QCOMPARE(a.size(), 32);
        QVERIFY(a != randomBytes(32));
        QVERIFY(randomBytes(0).isEmpty());
        QVERIFY(randomBytes(-4).isEmpty());
    }

    void secureBytesWipeAndIndependentCopies()
    {
        SecureBytes a(QByteArray("secret-key-material"));
        SecureBytes copy = a;
        a.wipe();
        QVERIFY(a.isEmpty());
        QCOMPARE(a.size(), 0);
        QCOMPARE(copy.bytes(), QByteArray("secret-key-material")); // a copy is its own secret

        SecureBytes moved = std::move(copy);
        QVERIFY(copy.isEmpty()); // NOLINT(bugprone-use-after-move): the move must empty it
        QCOMPARE(moved.bytes(), QByteArray("secret-key-material"));

        SecureBytes assigned;
        assigned = moved;
        moved = SecureBytes(QByteArray("other"));
        QCOMPARE(assigned.bytes(), QByteArray("secret-key-material"));
        QCOMPARE(moved.bytes(), QByteArray("other"));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
