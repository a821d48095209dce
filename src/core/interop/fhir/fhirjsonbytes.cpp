#include "fhirjsonbytes.h"

#include <QLocale>

#include <cmath>
#include <cstdio>

namespace triad::interop::fhir {

namespace {

bool needsEscape(char c)
{
    return c == '"' || c == '\\' || uchar(c) < 0x20;
}

} // namespace

void appendJsonString(QByteArray &out, const QByteArray &utf8)
{
    out += '"';
    const char *begin = utf8.constData();
    const char *end = begin + utf8.size();
    const char *run = begin; // the start of the bytes that need no escape
    for (const char *p = begin; p != end; ++p) {
        const char c = *p;
        if (!needsEscape(c))
            continue;
        out.append(run, int(p - run));
        run = p + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default: {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(uchar(c)));
            out += escaped;
        }
        }
    }
    out.append(run, int(end - run));
    out += '"';
}

void appendJsonString(QByteArray &out, const QString &text)
{
    appendJsonString(out, text.toUtf8());
}

void appendJsonNumber(QByteArray &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace triad::interop::fhir
