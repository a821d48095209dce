#include "pseudonym.h"

#include <QRandomGenerator>

namespace triad::store {

namespace {
const QString kAlphabet = QStringLiteral("2346789ABCDEFGHJKMNPQRTWXYZ");
const QString kPrefix = QStringLiteral("TRD");
constexpr int kFirstGroup = 4;
constexpr int kSecondGroup = 2;
} // namespace

QString newPseudonymCode()
{
    QRandomGenerator *random = QRandomGenerator::system();
    QString chars;
    for (int i = 0; i < kFirstGroup + kSecondGroup; ++i)
        chars += kAlphabet.at(int(random->bounded(quint32(kAlphabet.size()))));
    return kPrefix + QLatin1Char('-') + chars.left(kFirstGroup) + QLatin1Char('-') +
           chars.mid(kFirstGroup);
}

QString normalisePseudonymCode(const QString &typed)
{
    QString compact;
    for (const QChar c : typed.toUpper())
        if (c.isLetterOrNumber())
            compact += c;
    if (compact.startsWith(kPrefix))
        compact = compact.mid(kPrefix.size());
    if (compact.size() != kFirstGroup + kSecondGroup)
        return {};
    for (const QChar c : compact)
        if (!kAlphabet.contains(c))
            return {};
    return kPrefix + QLatin1Char('-') + compact.left(kFirstGroup) + QLatin1Char('-') +
           compact.mid(kFirstGroup);
}

} // namespace triad::store
