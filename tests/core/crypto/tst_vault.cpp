// The session vault: sign-in, PIN quick unlock, and the wipe that forces the passphrase.
#include "core/crypto/primitives.h"
#include "core/crypto/vault.h"

#include <QTest>

#include <thread>

using namespace triad::crypto;

namespace {

const ScryptParams kFast{quint64(1) << 10, 8, 1};
// Few iterations keep the suite fast; the production default is PinHashing{} (600,000).
const PinHashing kFastPin{1000};
const QString kPass = QStringLiteral("long enough passphrase");

} // namespace

class TestVault : public QObject
{
    Q_OBJECT

    SecureBytes m_dataKey = newDataKey();
    KeySlot m_slot;

private slots:
    void initTestCase()
    {
        auto slot = wrapDataKey(m_dataKey, kPass, "physio-1", kFast);
        QVERIFY(slot);
        m_slot = *slot;
    }

    void startsLockedWithoutKeys()
    {
        Vault vault(kFastPin);
        QCOMPARE(vault.state(), Vault::State::Locked);
        QVERIFY(!vault.holdsKey());
        QVERIFY(vault.subkey(KeyPurpose::Fields).isEmpty());
        QVERIFY(!vault.wrapFor(kPass, "physio-2", kFast));
    }

    void passphraseUnlocksAndGivesPurposeKeys()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlockWithPassphrase(m_slot, kPass, "physio-1"));
        QCOMPARE(vault.state(), Vault::State::Unlocked);
        QCOMPARE(vault.staffId(), QString("physio-1"));
        const SecureBytes fields = vault.subkey(KeyPurpose::Fields);
        QCOMPARE(fields.bytes(), deriveSubkey(m_dataKey, "fields").bytes());
        QCOMPARE(vault.subkey(KeyPurpose::Audit).bytes(), deriveSubkey(m_dataKey, "audit").bytes());
        QCOMPARE(vault.subkey(KeyPurpose::Backup).bytes(),
                 deriveSubkey(m_dataKey, "backup").bytes());
        QVERIFY(fields.bytes() != vault.subkey(KeyPurpose::Audit).bytes());
    }

    void wrongPassphraseStaysLocked()
    {
        Vault vault(kFastPin);
        QVERIFY(!vault.unlockWithPassphrase(m_slot, "long enough passphrasE", "physio-1"));
        QCOMPARE(vault.state(), Vault::State::Locked);
        QVERIFY(!vault.holdsKey());
    }

    void lockWipesTheKeyAndPin()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(vault.setPin("2468").isEmpty());
        QVERIFY(vault.holdsKey());
        vault.lock();
        QCOMPARE(vault.state(), Vault::State::Locked);
        QVERIFY(!vault.holdsKey());
        QVERIFY(!vault.hasPin());
        QVERIFY(vault.staffId().isEmpty());
        QVERIFY(vault.subkey(KeyPurpose::Fields).isEmpty());
        QCOMPARE(vault.enterPin("2468").outcome, PinOutcome::NoPin);
        QCOMPARE(vault.state(), Vault::State::Locked);
    }

    void pinReopensAScreenLock()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(vault.setPin("13579").isEmpty());
        vault.pinLock();
        QCOMPARE(vault.state(), Vault::State::PinLocked);
        QVERIFY(vault.holdsKey());                           // key stays for the quick unlock
        QVERIFY(vault.subkey(KeyPurpose::Fields).isEmpty()); // but no data while locked
        const PinAttempt attempt = vault.enterPin("13579");
        QCOMPARE(attempt.outcome, PinOutcome::Accepted);
        QCOMPARE(attempt.staffId, QString("physio-1"));
        QCOMPARE(vault.state(), Vault::State::Unlocked);
        QCOMPARE(vault.subkey(KeyPurpose::Fields).bytes(),
                 deriveSubkey(m_dataKey, "fields").bytes());
    }

    // The app hashes a typed PIN on a worker thread (pinHasher), in two PBKDF2 lanes at
    // once (32 bytes each); the right PIN's hash opens the lock, another PIN's does not,
    // whatever the count (odd, or a single iteration).
    void pinHashedOnAWorkerInTwoLanes()
    {
        for (const int iterations : {1, 999}) {
            Vault vault(PinHashing{iterations});
            QVERIFY(vault.unlock(m_dataKey, "physio-1"));
            QVERIFY(vault.setPin("13579").isEmpty());
            vault.pinLock();
            SecureBytes wrong;
            SecureBytes right;
            const auto wrongHasher = vault.pinHasher("97531");
            const auto rightHasher = vault.pinHasher("13579");
            std::thread worker([&] {
                wrong = wrongHasher();
                right = rightHasher();
            });
            worker.join();
            QCOMPARE(right.size(), 64);
            QVERIFY(right.bytes() != wrong.bytes());
            QCOMPARE(vault.enterPinHash(wrong).outcome, PinOutcome::Rejected);
            QCOMPARE(vault.state(), Vault::State::PinLocked);
            QCOMPARE(vault.enterPinHash(right).outcome, PinOutcome::Accepted);
            QCOMPARE(vault.state(), Vault::State::Unlocked);
        }
    }

    void fiveWrongPinsForceThePassphrase()
    {
        Vault vault(kFastPin);
        QVector<PinAttempt> heard;
        vault.setPinAttemptObserver([&](const PinAttempt &a) { heard.append(a); });
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(vault.setPin("1234").isEmpty());
        vault.pinLock();
        for (int left = 4; left >= 1; --left) {
            const PinAttempt attempt = vault.enterPin("9999");
            QCOMPARE(attempt.outcome, PinOutcome::Rejected);
            QCOMPARE(attempt.attemptsLeft, left);
            QCOMPARE(vault.state(), Vault::State::PinLocked);
        }
        const PinAttempt last = vault.enterPin("0000");
        QCOMPARE(last.outcome, PinOutcome::PassphraseRequired);
        QCOMPARE(last.attemptsLeft, 0);
        QCOMPARE(last.staffId, QString("physio-1"));
        QCOMPARE(vault.state(), Vault::State::Locked);
        QVERIFY(!vault.holdsKey());
        QVERIFY(!vault.hasPin());
        // Even the right PIN is useless now.
        QCOMPARE(vault.enterPin("1234").outcome, PinOutcome::NoPin);
        QCOMPARE(vault.state(), Vault::State::Locked);

        QCOMPARE(heard.size(), 6);
        QCOMPARE(heard.at(4).outcome, PinOutcome::PassphraseRequired);
        QCOMPARE(heard.at(0).staffId, QString("physio-1"));
        QVERIFY(vault.unlockWithPassphrase(m_slot, kPass, "physio-1"));
    }

    void rightPinResetsTheCount()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(vault.setPin("1234").isEmpty());
        vault.pinLock();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(vault.enterPin("4321").outcome, PinOutcome::Rejected);
        QCOMPARE(vault.enterPin("1234").outcome, PinOutcome::Accepted);
        QCOMPARE(vault.pinAttemptsLeft(), Vault::kMaxPinAttempts);
        vault.pinLock();
        QCOMPARE(vault.enterPin("4321").attemptsLeft, 4);
    }

    void pinConfirmsStaffWhileUnlocked()
    {
        // Leaving patient mode asks for the PIN without locking the screen first.
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(vault.setPin("8642").isEmpty());
        QCOMPARE(vault.enterPin("8642").outcome, PinOutcome::Accepted);
        QCOMPARE(vault.enterPin("1111").outcome, PinOutcome::Rejected);
        QCOMPARE(vault.state(), Vault::State::Unlocked);
    }

    void pinRules_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("three digits") << "123"
                                      << "3";
        QTest::newRow("nine digits") << "123456789"
                                     << "9";
        QTest::newRow("letter") << "12a4"
                                << "digits";
        QTest::newRow("empty") << ""
                               << "0";
        QTest::newRow("arabic-indic digits")
            << QString::fromUtf8("\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4") << "0 to 9";
    }

    void pinRules()
    {
        QFETCH(QString, pin);
        QFETCH(QString, mentions);
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        const QString message = vault.setPin(pin);
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QVERIFY(!vault.hasPin());
        QVERIFY(vault.setPin("0000").isEmpty());
        QVERIFY(vault.setPin("12345678").isEmpty());
    }

    void pinNeedsAPassphraseSignIn()
    {
        Vault vault(kFastPin);
        QVERIFY(!vault.setPin("1234").isEmpty());
        QVERIFY(!vault.hasPin());
    }

    void screenLockWithoutPinIsAFullLock()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        vault.pinLock();
        QCOMPARE(vault.state(), Vault::State::Locked);
        QVERIFY(!vault.holdsKey());
    }

    void anotherStaffSignInDropsThePreviousPin()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(vault.setPin("1234").isEmpty());
        vault.pinLock();
        QVERIFY(vault.unlock(m_dataKey, "physio-2"));
        QCOMPARE(vault.staffId(), QString("physio-2"));
        QVERIFY(!vault.hasPin());
        QCOMPARE(vault.enterPin("1234").outcome, PinOutcome::NoPin);
    }

    void failedSignInLeavesNothingOfThePreviousSession()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "physio-1"));
        QVERIFY(!vault.unlockWithPassphrase(m_slot, "not the passphrase", "physio-1"));
        QVERIFY(!vault.holdsKey());
        QVERIFY(!vault.unlock(SecureBytes(QByteArray(12, 'k')), "physio-1"));
        QCOMPARE(vault.state(), Vault::State::Locked);
    }

    void unlockedVaultWrapsForNewStaff()
    {
        Vault vault(kFastPin);
        QVERIFY(vault.unlock(m_dataKey, "admin-1"));
        const auto slot = vault.wrapFor("new staff passphrase", "physio-9", kFast);
        QVERIFY(slot);
        const auto key = unwrapDataKey(*slot, "new staff passphrase", "physio-9");
        QVERIFY(key);
        QCOMPARE(key->bytes(), m_dataKey.bytes());
        QVERIFY(!vault.wrapFor("too short", "physio-9", kFast));
    }
};

QTEST_GUILESS_MAIN(TestVault)
#include "tst_vault.moc"
