#include "csvtext.h"

#include <cmath>
#include <QStringList>

namespace triad::interop::csv {

void appendField(QByteArray &line, const QByteArray &field)
{
    bool quote = false;
    for (const char c : field)
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    if (!quote) {
        line += field;
        return;
    }
    line += '"';
    for (const char c : field) {
        if (c == '"')
            line += '"';
        line += c;
    }
    line += '"';
}

QByteArray numberText(double value)
{
    if (std::isnan(value))
        return {};
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 10);
}

void appendNumber(QByteArray &line, double value)
{
    if (std::isnan(value))
        return;
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        char buffer[24];
        qint64 v = qint64(value);
        const bool negative = v < 0;
        if (negative)
            v = -v;
        int i = sizeof buffer;
        do {
            buffer[--i] = char('0' + v % 10);
            v /= 10;
        } while (v);
        if (negative)
            buffer[--i] = '-';
        line.append(buffer + i, int(sizeof buffer) - i);
        return;
    }
    line += QByteArray::number(value, 'g', 10);
}

QStringList splitRecord(const QString &line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    current += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current;
    return fields;
}

} // namespace triad::interop::csv
