#pragma once
// Thin, checked wrappers over OpenSSL 3.0: randomness, scrypt, AES-256-GCM, HMAC-SHA256.
// Every function reports failure instead of throwing or aborting.

#include "securebytes.h"

#include <optional>
#include <QByteArray>

namespace triad::crypto {

constexpr int kKeyBytes = 32;   // AES-256 / HMAC-SHA256 keys
constexpr int kNonceBytes = 12; // GCM nonce (96 bits, random per message)
constexpr int kTagBytes = 16;   // GCM tag
constexpr int kSaltBytes = 16;  // scrypt salt

struct ScryptParams
{
    quint64 n = quint64(1) << 17;
    quint32 r = 8;
    quint32 p = 1;
};

// Cryptographically secure random bytes (RAND_bytes). Empty on failure.
QByteArray randomBytes(int count);

// scrypt(passphrase, salt) -> 32-byte key. nullopt if OpenSSL fails (e.g. out of memory).
// Slow by design (about a second at N=2^17): never call on the UI thread.
std::optional<SecureBytes> scrypt(const QByteArray &passphrase, const QByteArray &salt,
                                  const ScryptParams &params = {});

// AES-256-GCM. seal() returns nonce || ciphertext || tag, with a fresh random nonce.
// `aad` is authenticated but not stored: open() must be given the same aad.
std::optional<QByteArray> seal(const SecureBytes &key, const QByteArray &plaintext,
                               const QByteArray &aad);
// nullopt when the key, the aad or any byte of the blob is wrong.
std::optional<QByteArray> open(const SecureBytes &key, const QByteArray &blob,
                               const QByteArray &aad);

// PBKDF2-HMAC-SHA256 -> 32-byte key. nullopt for iterations < 1 or an OpenSSL failure.
std::optional<SecureBytes> pbkdf2Sha256(const QByteArray &password, const QByteArray &salt,
                                        int iterations);

QByteArray hmacSha256(const SecureBytes &key, const QByteArray &message);
QByteArray sha256(const QByteArray &message);
// Derives a purpose-bound subkey: HMAC-SHA256(key, "triad:" + purpose).
SecureBytes deriveSubkey(const SecureBytes &key, const QByteArray &purpose);
// Constant-time comparison.
bool equalConstantTime(const QByteArray &a, const QByteArray &b);

} // namespace triad::crypto
