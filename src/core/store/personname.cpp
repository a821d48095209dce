#include "personname.h"

#include <QCoreApplication>

namespace triad::store {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::store::PersonName", text);
}

bool isDirectionControl(char16_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F || c == 0x061C;
}

} // namespace

QString cleanName(const QString &name)
{
    // simplified() would also turn a tab or a new line inside the name into a space, hiding
    // it from nameProblem(); only plain spaces are collapsed here.
    QString out;
    out.reserve(name.size());
    bool space = false;
    for (const QChar c : name.trimmed()) {
        if (c == QLatin1Char(' ')) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    return out;
}

QString nameProblem(const QString &name, const QString &field)
{
    const QString clean = cleanName(name);
    if (clean.isEmpty())
        return tr("%1: the name is empty.").arg(field);
    if (clean.size() > kMaxNameLength)
        return tr("%1: the name is %2 characters long; at most %3 are kept.")
            .arg(field)
            .arg(clean.size())
            .arg(kMaxNameLength);
    for (int i = 0; i < clean.size(); ++i) {
        const QChar c = clean.at(i);
        if (c.isHighSurrogate() && i + 1 < clean.size() && clean.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate() || c.unicode() == 0xFFFD)
            return tr("%1: the name is not valid text (invalid UTF-8 at character %2).")
                .arg(field)
                .arg(i + 1);
        if (isDirectionControl(c.unicode()))
            return tr("%1: the name holds a text direction control character (U+%2 at "
                      "character %3), which can make it display as another name.")
                .arg(field)
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')))
                .arg(i + 1);
        if (c.category() == QChar::Other_Control || c.unicode() == 0x2028 || c.unicode() == 0x2029)
            return tr("%1: the name holds a control character (U+%2 at character %3: a tab, new "
                      "line or similar); type the name on one line.")
                .arg(field)
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')))
                .arg(i + 1);
    }
    return {};
}

} // namespace triad::store
