#pragma once
// Encrypts personal fields (names, birth dates, free text, notes) for storage.
// Associated data binds each ciphertext to its table, column and row id, so a
// ciphertext copied to another row or column fails to decrypt.

#include "securebytes.h"

#include <optional>
#include <QString>

namespace triad::crypto {

class FieldCipher
{
public:
    explicit FieldCipher(SecureBytes fieldKey)
        : m_key(std::move(fieldKey))
    {}

    // Returns "v1:" + base64(nonce || ciphertext || tag); empty on failure.
    QByteArray encrypt(const QString &plaintext, const QString &table, const QString &column,
                       const QString &rowId) const;
    std::optional<QString> decrypt(const QByteArray &stored, const QString &table,
                                   const QString &column, const QString &rowId) const;

private:
    SecureBytes m_key;
};

} // namespace triad::crypto
