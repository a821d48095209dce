#include "fieldcipher.h"

#include "primitives.h"

#include <QtEndian>

namespace triad::crypto {

namespace {

const QByteArray kPrefix = QByteArrayLiteral("v1:");

void appendPart(QByteArray &out, const QString &part)
{
    const QByteArray utf8 = part.toUtf8();
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    out.append(length, 4);
    out.append(utf8);
}

// Length-prefixed, so ("ab","c") and ("a","bc") can never produce the same bytes:
// a ciphertext is bound to exactly one (table, column, row).
QByteArray associatedData(const QString &table, const QString &column, const QString &rowId)
{
    QByteArray aad = QByteArrayLiteral("triad:field:v1");
    appendPart(aad, table);
    appendPart(aad, column);
    appendPart(aad, rowId);
    return aad;
}

} // namespace

QByteArray FieldCipher::encrypt(const QString &plaintext, const QString &table,
                                const QString &column, const QString &rowId) const
{
    SecureBytes utf8(plaintext.toUtf8());
    const std::optional<QByteArray> blob =
        seal(m_key, utf8.bytes(), associatedData(table, column, rowId));
    if (!blob)
        return {};
    return kPrefix + blob->toBase64();
}

std::optional<QString> FieldCipher::decrypt(const QByteArray &stored, const QString &table,
                                            const QString &column, const QString &rowId) const
{
    if (!stored.startsWith(kPrefix))
        return std::nullopt;
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        stored.mid(kPrefix.size()), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    std::optional<QByteArray> plain = open(m_key, *decoded, associatedData(table, column, rowId));
    if (!plain)
        return std::nullopt;
    SecureBytes utf8(std::move(*plain));
    return QString::fromUtf8(utf8.bytes());
}

} // namespace triad::crypto
