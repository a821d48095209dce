#include "primitives.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <limits>
#include <memory>

namespace triad::crypto {

namespace {

struct KdfFree
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

// OpenSSL's scrypt refuses to run above maxmem; its own default (32 MiB) is too small for
// N=2^17, r=8 (128 MiB). It needs 128*r*(N+2) bytes for V plus 128*r*p for B; we allow
// that plus 1 MiB of slack, and never less than 256 MiB so production parameters always fit.
constexpr quint64 kMinMaxMem = quint64(256) * 1024 * 1024;
// Refuse absurd parameters before OpenSSL tries to allocate them (4 GiB of V).
constexpr quint64 kMaxScryptMem = quint64(4) * 1024 * 1024 * 1024;

std::optional<quint64> scryptMaxMem(const ScryptParams &p)
{
    if (p.n < 2 || (p.n & (p.n - 1)) != 0 || p.r == 0 || p.p == 0)
        return std::nullopt;
    if (p.n > kMaxScryptMem / 128 / p.r)
        return std::nullopt;
    const quint64 v = 128 * quint64(p.r) * (p.n + 2);
    const quint64 b = 128 * quint64(p.r) * quint64(p.p);
    if (v > kMaxScryptMem || b > kMaxScryptMem)
        return std::nullopt;
    return std::max(kMinMaxMem, v + b + quint64(1024) * 1024);
}

// OSSL_PARAM octet strings must not point at nullptr, even for length 0.
void *octets(const QByteArray &bytes)
{
    static char empty = 0;
    return bytes.isEmpty() ? &empty : const_cast<char *>(bytes.constData());
}

} // namespace

QByteArray randomBytes(int count)
{
    if (count <= 0)
        return {};
    QByteArray out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        return {};
    return out;
}

std::optional<SecureBytes> scrypt(const QByteArray &passphrase, const QByteArray &salt,
                                  const ScryptParams &params)
{
    const std::optional<quint64> maxMem = scryptMaxMem(params);
    if (!maxMem)
        return std::nullopt;

    std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_SCRYPT, nullptr));
    if (!kdf)
        return std::nullopt;
    std::unique_ptr<EVP_KDF_CTX, KdfFree> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return std::nullopt;

    uint64_t n = params.n;
    uint32_t r = params.r;
    uint32_t p = params.p;
    uint64_t maxmem = *maxMem;
    const OSSL_PARAM ossl[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, octets(passphrase),
                                          size_t(passphrase.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, octets(salt), size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };

    QByteArray out(kKeyBytes, '\0');
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), size_t(kKeyBytes),
                       ossl) != 1) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    return SecureBytes(std::move(out));
}

std::optional<QByteArray> seal(const SecureBytes &key, const QByteArray &plaintext,
                               const QByteArray &aad)
{
    if (key.size() != kKeyBytes)
        return std::nullopt;
    if (plaintext.size() > std::numeric_limits<int>::max() - kNonceBytes - kTagBytes)
        return std::nullopt;
    const QByteArray nonce = randomBytes(kNonceBytes);
    if (nonce.size() != kNonceBytes)
        return std::nullopt;

    std::unique_ptr<EVP_CIPHER_CTX, KdfFree> ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return std::nullopt;
    const auto *k = reinterpret_cast<const unsigned char *>(key.bytes().constData());
    const auto *iv = reinterpret_cast<const unsigned char *>(nonce.constData());
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, k, iv) != 1)
        return std::nullopt;

    int len = 0;
    if (!aad.isEmpty() &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size())) != 1)
        return std::nullopt;

    QByteArray out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    std::copy(nonce.constBegin(), nonce.constEnd(), out.begin());
    int written = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(ctx.get(), dst + kNonceBytes, &len,
                              reinterpret_cast<const unsigned char *>(plaintext.constData()),
                              int(plaintext.size())) != 1)
            return std::nullopt;
        written = len;
    }
    if (EVP_EncryptFinal_ex(ctx.get(), dst + kNonceBytes + written, &len) != 1)
        return std::nullopt;
    written += len;
    if (written != plaintext.size())
        return std::nullopt;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                            dst + kNonceBytes + written) != 1)
        return std::nullopt;
    return out;
}

std::optional<QByteArray> open(const SecureBytes &key, const QByteArray &blob,
                               const QByteArray &aad)
{
    if (key.size() != kKeyBytes || blob.size() < kNonceBytes + kTagBytes)
        return std::nullopt;
    const int cipherLen = int(blob.size()) - kNonceBytes - kTagBytes;
    const auto *src = reinterpret_cast<const unsigned char *>(blob.constData());

    std::unique_ptr<EVP_CIPHER_CTX, KdfFree> ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return std::nullopt;
    const auto *k = reinterpret_cast<const unsigned char *>(key.bytes().constData());
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, k, src) != 1)
        return std::nullopt;

    int len = 0;
    if (!aad.isEmpty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                          reinterpret_cast<const unsigned char *>(aad.constData()),
                          int(aad.size())) != 1)
        return std::nullopt;

    QByteArray out(cipherLen, '\0');
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int written = 0;
    if (cipherLen > 0) {
        if (EVP_DecryptUpdate(ctx.get(), dst, &len, src + kNonceBytes, cipherLen) != 1) {
            OPENSSL_cleanse(out.data(), size_t(out.size()));
            return std::nullopt;
        }
        written = len;
    }
    // The tag is set before Final, which is where GCM compares it.
    QByteArray tag = blob.right(kTagBytes);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), dst + written, &len) != 1) {
        // Never hand back unauthenticated plaintext, not even in freed memory.
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        return std::nullopt;
    }
    return out;
}

std::optional<SecureBytes> pbkdf2Sha256(const QByteArray &password, const QByteArray &salt,
                                        int iterations)
{
    if (iterations < 1)
        return std::nullopt;
    QByteArray out(kKeyBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(static_cast<const char *>(octets(password)), int(password.size()),
                          reinterpret_cast<const unsigned char *>(octets(salt)), int(salt.size()),
                          iterations, EVP_sha256(), kKeyBytes,
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        return std::nullopt;
    return SecureBytes(std::move(out));
}

QByteArray hmacSha256(const SecureBytes &key, const QByteArray &message)
{
    if (key.isEmpty())
        return {};
    QByteArray out(EVP_MAX_MD_SIZE, '\0');
    size_t outLen = 0;
    if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.bytes().constData(),
                   size_t(key.size()), reinterpret_cast<const unsigned char *>(octets(message)),
                   size_t(message.size()), reinterpret_cast<unsigned char *>(out.data()),
                   size_t(out.size()), &outLen) ||
        outLen != 32)
        return {};
    out.truncate(int(outLen));
    return out;
}

QByteArray sha256(const QByteArray &message)
{
    QByteArray out(EVP_MAX_MD_SIZE, '\0');
    unsigned int outLen = 0;
    if (EVP_Digest(octets(message), size_t(message.size()),
                   reinterpret_cast<unsigned char *>(out.data()), &outLen, EVP_sha256(),
                   nullptr) != 1 ||
        outLen != 32)
        return {};
    out.truncate(int(outLen));
    return out;
}

SecureBytes deriveSubkey(const SecureBytes &key, const QByteArray &purpose)
{
    return SecureBytes(hmacSha256(key, QByteArrayLiteral("triad:") + purpose));
}

bool equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    // Lengths are public (digests, tags); only the contents must not leak through timing.
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace triad::crypto
