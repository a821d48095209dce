#include "keyslot.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace triad::crypto {

namespace {

constexpr int kSlotVersion = 1;
constexpr int kWrappedBytes = kNonceBytes + kKeyBytes + kTagBytes;
// Upper bounds accepted from storage, so a damaged or hostile slot cannot make
// unwrapping allocate gigabytes. Production uses N=2^17; 2^20 leaves room to grow.
constexpr quint64 kMaxStoredN = quint64(1) << 20;
constexpr quint32 kMaxStoredR = 32;
constexpr quint32 kMaxStoredP = 16;

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::crypto::KeySlot", text);
}

QByteArray slotAad(const QString &staffId)
{
    return QByteArrayLiteral("triad:keyslot:v1:") + staffId.toUtf8();
}

// NFC, so the same passphrase typed on two keyboards (precomposed "é" or "e" + accent)
// derives the same key.
SecureBytes passphraseBytes(const QString &passphrase)
{
    return SecureBytes(passphrase.normalized(QString::NormalizationForm_C).toUtf8());
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readBase64(const QJsonObject &json, const char *field, int expectedSize, QByteArray *out,
                QString *error)
{
    const QJsonValue value = json.value(QLatin1String(field));
    if (!value.isString())
        return fail(error, tr("The key slot has no \"%1\" text.").arg(QLatin1String(field)));
    const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != expectedSize)
        return fail(error, tr("The key slot's \"%1\" is not %2 bytes of base64.")
                               .arg(QLatin1String(field))
                               .arg(expectedSize));
    *out = *decoded;
    return true;
}

bool readCount(const QJsonObject &json, const char *field, quint64 max, quint64 *out,
               QString *error)
{
    const QJsonValue value = json.value(QLatin1String(field));
    const double d = value.toDouble(-1);
    if (!value.isDouble() || d < 1 || d > double(max) || d != double(quint64(d)))
        return fail(error, tr("The key slot's \"%1\" must be a whole number from 1 to %2.")
                               .arg(QLatin1String(field))
                               .arg(max));
    *out = quint64(d);
    return true;
}

} // namespace

QJsonObject KeySlot::toJson() const
{
    return QJsonObject{
        {"v", kSlotVersion},
        {"kdf", "scrypt"},
        {"n", double(params.n)},
        {"r", double(params.r)},
        {"p", double(params.p)},
        {"salt", QString::fromLatin1(salt.toBase64())},
        {"wrapped", QString::fromLatin1(wrapped.toBase64())},
    };
}

QByteArray KeySlot::serialize() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<KeySlot> KeySlot::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value("v").toInt(-1) != kSlotVersion) {
        fail(error, tr("The key slot has version %1; this app reads version %2.")
                        .arg(json.value("v").toVariant().toString())
                        .arg(kSlotVersion));
        return std::nullopt;
    }
    if (json.value("kdf").toString() != QLatin1String("scrypt")) {
        fail(error, tr("The key slot names an unknown key derivation \"%1\".")
                        .arg(json.value("kdf").toString()));
        return std::nullopt;
    }
    KeySlot slot;
    quint64 n = 0, r = 0, p = 0;
    if (!readCount(json, "n", kMaxStoredN, &n, error) ||
        !readCount(json, "r", kMaxStoredR, &r, error) ||
        !readCount(json, "p", kMaxStoredP, &p, error))
        return std::nullopt;
    if (n < 2 || (n & (n - 1)) != 0) {
        fail(error, tr("The key slot's \"n\" must be a power of two."));
        return std::nullopt;
    }
    slot.params = ScryptParams{n, quint32(r), quint32(p)};
    if (!readBase64(json, "salt", kSaltBytes, &slot.salt, error) ||
        !readBase64(json, "wrapped", kWrappedBytes, &slot.wrapped, error))
        return std::nullopt;
    return slot;
}

std::optional<KeySlot> KeySlot::deserialize(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (!doc.isObject()) {
        fail(error, tr("The key slot is not a JSON object (%1).").arg(parseError.errorString()));
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

SecureBytes newDataKey()
{
    return SecureBytes(randomBytes(kKeyBytes));
}

std::optional<KeySlot> wrapDataKey(const SecureBytes &dataKey, const QString &passphrase,
                                   const QString &staffId, ScryptParams params)
{
    if (dataKey.size() != kKeyBytes || !passphraseProblem(passphrase).isEmpty())
        return std::nullopt;
    KeySlot slot;
    slot.params = params;
    slot.salt = randomBytes(kSaltBytes);
    if (slot.salt.size() != kSaltBytes)
        return std::nullopt;
    const std::optional<SecureBytes> kek =
        scrypt(passphraseBytes(passphrase).bytes(), slot.salt, params);
    if (!kek)
        return std::nullopt;
    std::optional<QByteArray> wrapped = seal(*kek, dataKey.bytes(), slotAad(staffId));
    if (!wrapped)
        return std::nullopt;
    slot.wrapped = std::move(*wrapped);
    return slot;
}

std::optional<SecureBytes> unwrapDataKey(const KeySlot &slot, const QString &passphrase,
                                         const QString &staffId)
{
    if (slot.salt.size() != kSaltBytes || slot.wrapped.size() != kWrappedBytes)
        return std::nullopt;
    const std::optional<SecureBytes> kek =
        scrypt(passphraseBytes(passphrase).bytes(), slot.salt, slot.params);
    if (!kek)
        return std::nullopt;
    std::optional<QByteArray> key = open(*kek, slot.wrapped, slotAad(staffId));
    if (!key)
        return std::nullopt;
    return SecureBytes(std::move(*key));
}

QString passphraseProblem(const QString &passphrase)
{
    // Code points, not UTF-16 units or bytes: an emoji or "é" is one character to the user.
    const qsizetype length = passphrase.toUcs4().size();
    if (length >= kMinPassphraseLength)
        return {};
    return QCoreApplication::translate(
               "triad::crypto::KeySlot",
               "The passphrase is too short: it has %1 characters and needs at least %2.")
        .arg(length)
        .arg(kMinPassphraseLength);
}

} // namespace triad::crypto
