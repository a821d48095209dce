#include "vault.h"

#include "primitives.h"

#include <QCoreApplication>

#include <algorithm>
#include <system_error>
#include <thread>

namespace triad::crypto {

QByteArray purposeLabel(KeyPurpose purpose)
{
    switch (purpose) {
    case KeyPurpose::Fields:
        return QByteArrayLiteral("fields");
    case KeyPurpose::Audit:
        return QByteArrayLiteral("audit");
    case KeyPurpose::Backup:
        return QByteArrayLiteral("backup");
    case KeyPurpose::Rows:
        return QByteArrayLiteral("rows");
    }
    return {};
}

bool Vault::unlockWithPassphrase(const KeySlot &slot, const QString &passphrase,
                                 const QString &staffId)
{
    lock();
    std::optional<SecureBytes> key = unwrapDataKey(slot, passphrase, staffId);
    if (!key)
        return false;
    return unlock(std::move(*key), staffId);
}

bool Vault::unlock(SecureBytes dataKey, const QString &staffId)
{
    lock();
    if (dataKey.size() != kKeyBytes || staffId.isEmpty())
        return false;
    m_dataKey = std::move(dataKey);
    m_staffId = staffId;
    m_state = State::Unlocked;
    return true;
}

void Vault::lock()
{
    m_dataKey.wipe();
    clearPin();
    m_staffId.clear();
    m_state = State::Locked;
}

QString Vault::pinProblem(const QString &pin)
{
    for (const QChar c : pin) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return QCoreApplication::translate("triad::crypto::Vault",
                                               "The PIN may contain only the digits 0 to 9.");
    }
    if (pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits)
        return QCoreApplication::translate("triad::crypto::Vault",
                                           "The PIN must have %1 to %2 digits; this one has %3.")
            .arg(kMinPinDigits)
            .arg(kMaxPinDigits)
            .arg(pin.size());
    return {};
}

QString Vault::setPin(const QString &pin)
{
    if (m_state != State::Unlocked)
        return QCoreApplication::translate("triad::crypto::Vault",
                                           "Sign in with your passphrase before setting a PIN.");
    const QString problem = pinProblem(pin);
    if (!problem.isEmpty())
        return problem;
    const QByteArray salt = randomBytes(kSaltBytes);
    SecureBytes hash = hashPin(pin, salt);
    if (salt.isEmpty() || hash.isEmpty())
        return QCoreApplication::translate("triad::crypto::Vault",
                                           "The PIN could not be stored; use your passphrase.");
    m_pinSalt = salt;
    m_pinHash = std::move(hash);
    m_failedPins = 0;
    return {};
}

void Vault::clearPin()
{
    m_pinHash.wipe();
    m_pinSalt.clear();
    m_failedPins = 0;
    if (m_state == State::PinLocked) {
        m_dataKey.wipe();
        m_staffId.clear();
        m_state = State::Locked;
    }
}

void Vault::pinLock()
{
    if (m_state != State::Unlocked)
        return;
    if (!hasPin()) {
        lock();
        return;
    }
    m_state = State::PinLocked;
}

// Why PBKDF2-HMAC-SHA256 (600,000 iterations) and not scrypt for the PIN:
// the hash lives only in memory next to the data key, so anyone able to read it can
// read the key too; and a 4-8 digit PIN has at most 10^8 values, which no KDF can
// protect against offline search. The real protection is the 5-attempt limit. The hash
// only keeps the PIN itself (often reused elsewhere) out of a memory dump in clear text
// and makes each guess cost a noticeable fraction of a second. PBKDF2 does that with
// constant, tiny memory, whereas a second scrypt would allocate tens of MiB on every
// screen unlock of a tablet that already holds the 128 MiB sign-in scrypt in its budget.
//
// The iterations run in two lanes at once, half each, with their own salt label; the hash
// is both lanes' outputs. A guess still costs every iteration (both halves are needed), and
// a physio on a 2-core tablet waits half as long: 600,000 in one lane took 180-200 ms here.
namespace {
std::optional<SecureBytes> pinLane(const QByteArray &pin, const QByteArray &salt, char lane,
                                   int iterations)
{
    return pbkdf2Sha256(pin, QByteArrayLiteral("triad:pin:v2:") + lane + ':' + salt, iterations);
}

SecureBytes slowPinHash(const QString &pin, const QByteArray &salt, int iterations)
{
    const SecureBytes pinBytes(pin.toUtf8());
    const int perLane = std::max(1, (iterations + 1) / 2);
    std::optional<SecureBytes> second;
    std::thread secondLane;
    try {
        secondLane = std::thread([&] { second = pinLane(pinBytes.bytes(), salt, 'b', perLane); });
    } catch (const std::system_error &) {
        // No thread to be had: the same hash, one lane after the other.
        second = pinLane(pinBytes.bytes(), salt, 'b', perLane);
    }
    const std::optional<SecureBytes> first = pinLane(pinBytes.bytes(), salt, 'a', perLane);
    if (secondLane.joinable())
        secondLane.join();
    if (!first || !second)
        return SecureBytes();
    return SecureBytes(first->bytes() + second->bytes());
}
} // namespace

SecureBytes Vault::hashPin(const QString &pin, const QByteArray &salt) const
{
    return slowPinHash(pin, salt, m_pinHashing.iterations);
}

PinAttempt Vault::report(PinOutcome outcome)
{
    PinAttempt attempt;
    attempt.outcome = outcome;
    attempt.staffId = m_staffId;
    attempt.attemptsLeft = pinAttemptsLeft();
    if (outcome == PinOutcome::PassphraseRequired) {
        lock();
        attempt.attemptsLeft = 0;
    }
    if (m_observer)
        m_observer(attempt);
    return attempt;
}

PinAttempt Vault::enterPin(const QString &pin)
{
    if (m_state == State::Locked || !hasPin())
        return report(PinOutcome::NoPin);
    return enterPinHash(hashPin(pin, m_pinSalt));
}

std::function<SecureBytes()> Vault::pinHasher(const QString &pin) const
{
    const QByteArray salt = m_pinSalt;
    const int iterations = m_pinHashing.iterations;
    return [pin, salt, iterations] { return slowPinHash(pin, salt, iterations); };
}

PinAttempt Vault::enterPinHash(const SecureBytes &candidate)
{
    if (m_state == State::Locked || !hasPin())
        return report(PinOutcome::NoPin);
    if (!candidate.isEmpty() && equalConstantTime(candidate.bytes(), m_pinHash.bytes())) {
        m_failedPins = 0;
        m_state = State::Unlocked;
        return report(PinOutcome::Accepted);
    }
    ++m_failedPins;
    if (m_failedPins >= kMaxPinAttempts)
        return report(PinOutcome::PassphraseRequired);
    return report(PinOutcome::Rejected);
}

SecureBytes Vault::subkey(KeyPurpose purpose) const
{
    if (m_state != State::Unlocked)
        return {};
    return deriveSubkey(m_dataKey, purposeLabel(purpose));
}

std::optional<KeySlot> Vault::wrapFor(const QString &passphrase, const QString &staffId,
                                      ScryptParams params) const
{
    if (m_state != State::Unlocked)
        return std::nullopt;
    return wrapDataKey(m_dataKey, passphrase, staffId, params);
}

} // namespace triad::crypto
