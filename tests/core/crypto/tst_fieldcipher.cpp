// Personal fields at rest: a ciphertext must only open in the exact cell it was written to.
#include "core/crypto/fieldcipher.h"
#include "core/crypto/primitives.h"

#include <QTest>

using namespace triad::crypto;

class TestFieldCipher : public QObject
{
    Q_OBJECT

    FieldCipher m_cipher{SecureBytes(randomBytes(kKeyBytes))};

private slots:
    void roundTripKeepsText()
    {
        const QString name = QStringLiteral("Zoë Testkind-Ñandú 🦒");
        const QByteArray stored = m_cipher.encrypt(name, "patient", "name", "p-1");
        QVERIFY(stored.startsWith("v1:"));
        QCOMPARE(m_cipher.decrypt(stored, "patient", "name", "p-1").value_or(QString()), name);
    }

    void emptyTextRoundTrips()
    {
        const QByteArray stored = m_cipher.encrypt(QString(), "patient", "notes", "p-1");
        QVERIFY(!stored.isEmpty());
        const auto plain = m_cipher.decrypt(stored, "patient", "notes", "p-1");
        QVERIFY(plain);
        QVERIFY(plain->isEmpty());
    }

    void ciphertextMovedElsewhereFails()
    {
        const QByteArray stored = m_cipher.encrypt("2017-03-04", "patient", "birth_date", "p-1");
        QVERIFY(m_cipher.decrypt(stored, "patient", "birth_date", "p-1"));
        QVERIFY(!m_cipher.decrypt(stored, "patient", "birth_date", "p-2"));  // other row
        QVERIFY(!m_cipher.decrypt(stored, "patient", "name", "p-1"));        // other column
        QVERIFY(!m_cipher.decrypt(stored, "guardian", "birth_date", "p-1")); // other table
        // Boundaries are part of the binding: shifting characters between parts must fail.
        QVERIFY(!m_cipher.decrypt(stored, "patientb", "irth_date", "p-1"));
    }

    void otherKeyFails()
    {
        const QByteArray stored = m_cipher.encrypt("Synthetic Name", "patient", "name", "p-1");
        const FieldCipher other{SecureBytes(randomBytes(kKeyBytes))};
        QVERIFY(!other.decrypt(stored, "patient", "name", "p-1"));
    }

    void nonceDiffersEveryTime()
    {
        QSet<QByteArray> nonces;
        for (int i = 0; i < 200; ++i) {
            const QByteArray stored = m_cipher.encrypt("same text", "patient", "name", "p-1");
            const QByteArray blob = QByteArray::fromBase64(stored.mid(3));
            nonces.insert(blob.left(kNonceBytes));
        }
        QCOMPARE(nonces.size(), 200);
    }

    void plaintextNeverAppearsInCiphertext()
    {
        const QString secret = QStringLiteral("SyntheticSurnameXYZ");
        const QByteArray stored = m_cipher.encrypt(secret, "patient", "name", "p-1");
        const QByteArray blob = QByteArray::fromBase64(stored.mid(3));
        QVERIFY(!stored.contains(secret.toUtf8()));
        QVERIFY(!stored.contains(secret.toUtf8().toBase64().left(12)));
        QVERIFY(!blob.contains(secret.toUtf8()));
        QVERIFY(!blob.contains(secret.toUtf8().left(6)));
    }

    void malformedStoredValuesFailCleanly()
    {
        QVERIFY(!m_cipher.decrypt(QByteArray(), "patient", "name", "p-1"));
        QVERIFY(!m_cipher.decrypt("plain text", "patient", "name", "p-1"));
        QVERIFY(!m_cipher.decrypt("v1:", "patient", "name", "p-1"));
        QVERIFY(!m_cipher.decrypt("v1:@@not base64@@", "patient", "name", "p-1"));
        QVERIFY(!m_cipher.decrypt("v2:" + QByteArray(40, 'A'), "patient", "name", "p-1"));
        const QByteArray stored = m_cipher.encrypt("x", "patient", "name", "p-1");
        QByteArray tampered = stored;
        tampered[5] = tampered[5] == 'A' ? 'B' : 'A';
        QVERIFY(!m_cipher.decrypt(tampered, "patient", "name", "p-1"));
    }

    void keyOfWrongSizeEncryptsNothing()
    {
        const FieldCipher broken{SecureBytes(QByteArray(5, 'k'))};
        QVERIFY(broken.encrypt("x", "patient", "name", "p-1").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFieldCipher)
#include "tst_fieldcipher.moc"
