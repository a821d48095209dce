#include "strictjson.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QSet>

namespace triad {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("InstrumentLoader", text);
}

// Deeper than Qt's own nesting limit: such text never reaches the scanner.
constexpr int kMaxDepth = 1100;

class Scanner
{
public:
    explicit Scanner(const QByteArray &json)
        : m_json(json)
    {}

    std::optional<JsonDefect> run()
    {
        value(QString(), 0);
        return m_defect;
    }

private:
    bool atEnd() const { return m_pos >= m_json.size(); }
    char peek() const { return atEnd() ? '\0' : m_json.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    bool failed() const { return m_defect.has_value() || m_broken; }

    void defect(const QString &path, const QString &message)
    {
        if (!m_defect)
            m_defect = JsonDefect{path, message};
    }

    void value(const QString &path, int depth)
    {
        if (depth > kMaxDepth) {
            m_broken = true;
            return;
        }
        skipSpace();
        const char c = peek();
        if (c == '{')
            object(path, depth);
        else if (c == '[')
            array(path, depth);
        else if (c == '"')
            string(path);
        else
            scalar();
    }

    void scalar()
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            ++m_pos;
        }
        if (m_pos == start)
            m_broken = true;
    }

    void object(const QString &path, int depth)
    {
        ++m_pos; // {
        QSet<QString> keys;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return;
        }
        while (!failed()) {
            skipSpace();
            if (peek() != '"') {
                m_broken = true;
                return;
            }
            const QString key = string(path);
            if (failed())
                return;
            const QString child = JsonObjectReader::childPath(path, key);
            if (keys.contains(key)) {
                defect(
                    child,
                    tr("the key \"%1\" appears twice in this object; keep one").arg(key.left(64)));
                return;
            }
            keys.insert(key);
            skipSpace();
            if (peek() != ':') {
                m_broken = true;
                return;
            }
            ++m_pos;
            value(child, depth + 1);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}')
                ++m_pos;
            else
                m_broken = true;
            return;
        }
    }

    void array(const QString &path, int depth)
    {
        ++m_pos; // [
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        for (int index = 0; !failed(); ++index) {
            value(JsonObjectReader::indexPath(path, index), depth + 1);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']')
                ++m_pos;
            else
                m_broken = true;
            return;
        }
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // \uXXXX at m_pos (just after the backslash-u); -1 when malformed.
    int hex4()
    {
        if (m_pos + 4 > m_json.size())
            return -1;
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_json.at(m_pos + i));
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        m_pos += 4;
        return v;
    }

    // Reads a string at m_pos (on its opening quote) and returns it decoded. `where` is the
    // path a defect inside it is reported at.
    QString string(const QString &where)
    {
        ++m_pos; // "
        QByteArray raw;
        QString decoded;
        const auto flush = [&] {
            decoded += QString::fromUtf8(raw);
            raw.clear();
        };
        while (!failed()) {
            if (atEnd()) {
                m_broken = true;
                break;
            }
            const auto c = static_cast<unsigned char>(m_json.at(m_pos));
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c < 0x20) {
                defect(where, tr("a string holds a raw control character (byte 0x%1); "
                                 "remove it")
                                  .arg(int(c), 2, 16, QLatin1Char('0')));
                break;
            }
            if (c != '\\') {
                raw += char(c);
                ++m_pos;
                continue;
            }
            ++m_pos;
            const char e = peek();
            ++m_pos;
            if (e != 'u') {
                static const QByteArray from("\"\\/bfnrt");
                static const QByteArray to("\"\\/\b\f\n\r\t");
                const qsizetype i = from.indexOf(e);
                if (i < 0) {
                    m_broken = true;
                    break;
                }
                raw += to.at(i);
                continue;
            }
            flush();
            const int unit = hex4();
            if (unit < 0) {
                m_broken = true;
                break;
            }
            if (unit == 0) {
                defect(where, tr("a string holds a NUL character (\\u0000); remove it"));
                break;
            }
            if (QChar::isLowSurrogate(char16_t(unit))) {
                defect(where, tr("a string holds a lone surrogate (\\u%1), which is not text")
                                  .arg(unit, 4, 16, QLatin1Char('0')));
                break;
            }
            if (QChar::isHighSurrogate(char16_t(unit))) {
                int low = -1;
                if (m_pos + 1 < m_json.size() && m_json.at(m_pos) == '\\' &&
                    m_json.at(m_pos + 1) == 'u') {
                    m_pos += 2;
                    low = hex4();
                }
                if (low < 0 || !QChar::isLowSurrogate(char16_t(low))) {
                    defect(where, tr("a string holds a lone surrogate (\\u%1), which is not text")
                                      .arg(unit, 4, 16, QLatin1Char('0')));
                    break;
                }
                decoded += QChar(char16_t(unit));
                decoded += QChar(char16_t(low));
                continue;
            }
            decoded += QChar(char16_t(unit));
        }
        flush();
        return decoded;
    }

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    bool m_broken = false; // not JSON after all: leave it to the parser
    std::optional<JsonDefect> m_defect;
};

} // namespace

std::optional<JsonDefect> findJsonDefect(const QByteArray &json)
{
    return Scanner(json).run();
}

} // namespace triad
