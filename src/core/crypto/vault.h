#pragma once
// The session vault: holds the clinic's data key in memory while a staff member is
// signed in, hands out purpose-bound subkeys, and supports a short PIN to come back
// from a locked screen. The app starts Locked; only a passphrase leaves Locked.
//
//   Locked --passphrase--> Unlocked --pinLock()--> PinLocked --right PIN--> Unlocked
//      ^                       |                       |
//      +------- lock() --------+---- lock() / 5th wrong PIN in a row ------+
//
// Not thread-safe: use it from one thread (run the slow scrypt elsewhere and hand the
// result to unlock()).

#include "keyslot.h"
#include "securebytes.h"

#include <functional>
#include <optional>
#include <QString>

namespace triad::crypto {

enum class KeyPurpose {
    Fields,
    Audit,
    Backup,
    Rows // row seals (schema v6): a MAC over every stored row
};

// The label fed to deriveSubkey(): "fields", "audit", "backup", "rows".
QByteArray purposeLabel(KeyPurpose purpose);

enum class PinOutcome {
    Accepted,           // right PIN: the vault is (still) unlocked
    Rejected,           // wrong PIN, attempts remain
    PassphraseRequired, // wrong PIN was the last allowed one: key and PIN wiped
    NoPin,              // no PIN is set or the vault is Locked: only the passphrase helps
};

struct PinAttempt
{
    PinOutcome outcome = PinOutcome::NoPin;
    QString staffId;      // who the vault belonged to at the time (for the audit log)
    int attemptsLeft = 0; // wrong PINs still allowed before the key is wiped
};

struct PinHashing
{
    // PBKDF2-HMAC-SHA256 iterations a guess costs, in all. 600,000 is OWASP's 2023 figure
    // for PBKDF2-SHA256. They run as two lanes of half the count at once (vault.cpp).
    int iterations = 600000;
};

class Vault
{
public:
    enum class State {
        Locked,
        Unlocked,
        PinLocked
    };
    static constexpr int kMaxPinAttempts = 5;
    static constexpr int kMinPinDigits = 4;
    static constexpr int kMaxPinDigits = 8;

    explicit Vault(PinHashing pinHashing = {})
        : m_pinHashing(pinHashing)
    {}
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;
    ~Vault() { lock(); }

    State state() const { return m_state; }
    bool isUnlocked() const { return m_state == State::Unlocked; }
    // True while the data key is in memory (Unlocked or PinLocked).
    bool holdsKey() const { return !m_dataKey.isEmpty(); }
    // The signed-in staff member; empty when Locked.
    QString staffId() const { return m_staffId; }

    // Sign-in. Any earlier session (another staff member's included) is wiped first, so a
    // failed sign-in leaves the vault Locked. Slow: scrypt at the slot's parameters.
    bool unlockWithPassphrase(const KeySlot &slot, const QString &passphrase,
                              const QString &staffId);
    // Sign-in with a key the caller already unwrapped (e.g. on a worker thread).
    // Refuses a key that is not kKeyBytes long.
    bool unlock(SecureBytes dataKey, const QString &staffId);

    // Full lock (sign-out, idle lock, another user): wipes the key, the PIN and the counter.
    void lock();

    // Allowed only while Unlocked. A PIN is 4-8 ASCII digits; returns a translated
    // message naming the problem, or an empty string when the PIN was set.
    QString setPin(const QString &pin);
    void clearPin();
    bool hasPin() const { return !m_pinHash.isEmpty(); }
    // Empty when acceptable, else a translated sentence.
    static QString pinProblem(const QString &pin);

    // Screen lock: keeps the key, requires the PIN to continue. Without a PIN this is a
    // full lock(), since nothing short of the passphrase could reopen it.
    void pinLock();

    // Checks a PIN. While PinLocked a right PIN unlocks; while Unlocked it confirms the
    // staff member (e.g. to leave patient mode). A right PIN resets the counter; the
    // kMaxPinAttempts-th wrong PIN in a row wipes key and PIN. The observer, if set,
    // hears every attempt so the store can write it to the audit log.
    PinAttempt enterPin(const QString &pin);
    void setPinAttemptObserver(std::function<void(const PinAttempt &)> observer)
    {
        m_observer = std::move(observer);
    }
    int pinAttemptsLeft() const { return hasPin() ? kMaxPinAttempts - m_failedPins : 0; }
    // The same check in two steps, so the slow hash runs off the vault's thread:
    // pinHasher() (vault's thread) returns a function any thread may run; enterPinHash()
    // (vault's thread) judges its result exactly like enterPin(). A PIN changed or wiped in
    // between makes the old hash a wrong PIN or NoPin, never a false accept.
    std::function<SecureBytes()> pinHasher(const QString &pin) const;
    PinAttempt enterPinHash(const SecureBytes &candidate);

    // Purpose-bound subkey; empty unless Unlocked.
    SecureBytes subkey(KeyPurpose purpose) const;

    // Seals the data key for another staff member (adding staff, changing a passphrase)
    // without the key ever leaving the vault. nullopt unless Unlocked.
    std::optional<KeySlot> wrapFor(const QString &passphrase, const QString &staffId,
                                   ScryptParams params = {}) const;

private:
    SecureBytes hashPin(const QString &pin, const QByteArray &salt) const;
    PinAttempt report(PinOutcome outcome);

    PinHashing m_pinHashing;
    State m_state = State::Locked;
    SecureBytes m_dataKey;
    QString m_staffId;
    QByteArray m_pinSalt;
    SecureBytes m_pinHash;
    int m_failedPins = 0;
    std::function<void(const PinAttempt &)> m_observer;
};

} // namespace triad::crypto
