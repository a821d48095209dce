#pragma once
// One key slot per staff member: the clinic's random data key, sealed under a key
// derived from that member's passphrase. Anyone can read a slot; only the passphrase
// opens it. The staff id is bound in, so a slot copied to another member's row fails.

#include "primitives.h"
#include "securebytes.h"

#include <optional>
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace triad::crypto {

struct KeySlot
{
    QByteArray salt; // kSaltBytes random bytes, fresh per slot
    ScryptParams params;
    QByteArray wrapped; // seal(scrypt(passphrase, salt), dataKey, aad) = nonce || key || tag

    // {"v":1,"kdf":"scrypt","n":..,"r":..,"p":..,"salt":base64,"wrapped":base64}
    QJsonObject toJson() const;
    // Compact JSON bytes of toJson(), the form kept in the key_slot table.
    QByteArray serialize() const;

    // nullopt with a plain message in *error naming the field that is wrong.
    static std::optional<KeySlot> fromJson(const QJsonObject &json, QString *error = nullptr);
    static std::optional<KeySlot> deserialize(const QByteArray &bytes, QString *error = nullptr);
};

// A fresh random 256-bit data key (empty SecureBytes if the system has no randomness).
SecureBytes newDataKey();

// Seals dataKey for one staff member. nullopt if the key is not kKeyBytes long, the
// passphrase breaks the policy, or OpenSSL fails. Slow at production parameters (scrypt).
std::optional<KeySlot> wrapDataKey(const SecureBytes &dataKey, const QString &passphrase,
                                   const QString &staffId, ScryptParams params = {});

// nullopt for a wrong passphrase, another staff id, or a damaged slot. Never throws.
std::optional<SecureBytes> unwrapDataKey(const KeySlot &slot, const QString &passphrase,
                                         const QString &staffId);

constexpr int kMinPassphraseLength = 10; // Unicode code points

// Empty when acceptable; otherwise a translated sentence saying what is wrong.
QString passphraseProblem(const QString &passphrase);

} // namespace triad::crypto
