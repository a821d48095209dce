#pragma once
// Finds a canary string in bytes however it might have leaked: raw UTF-8, UTF-16, hex in
// either case, or base64 at any of its three alignments.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace triad::interop::testing {

inline QList<QByteArray> canaryForms(const QString &canary)
{
    const QByteArray raw = canary.toUtf8();
    QList<QByteArray> forms{
        raw, QByteArray(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2),
        raw.toHex(), raw.toHex().toUpper()};
    for (int k = 0; k < 3; ++k) {
        // After k bytes of anything, the groups made only of canary bytes encode the same way
        // wherever the canary sits; the first partial group and the tail are left out.
        const QByteArray bytes = QByteArray(k, 'x') + raw;
        const QByteArray encoded = bytes.toBase64();
        const int start = k == 0 ? 0 : 4;
        const int end = int(bytes.size() / 3) * 4;
        forms << encoded.mid(start, end - start);
        forms << bytes.toBase64(QByteArray::Base64UrlEncoding).mid(start, end - start);
    }
    return forms;
}

// The first form found in `haystack`, or an empty string.
inline QString canaryLeak(const QByteArray &haystack, const QString &canary)
{
    for (const QByteArray &form : canaryForms(canary))
        if (haystack.contains(form))
            return QString::fromLatin1(form);
    return {};
}

} // namespace triad::interop::testing
