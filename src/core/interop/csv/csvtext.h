#pragma once
// Writing CSV (RFC 4180) fast: fields appended to a byte buffer, quoted only when needed.

#include <QByteArray>
#include <QString>

namespace triad::interop::csv {

// Appends `field` quoted when it holds a comma, quote, CR or LF (quotes doubled).
void appendField(QByteArray &line, const QByteArray &field);
inline void appendField(QByteArray &line, const QString &field)
{
    appendField(line, field.toUtf8());
}
// A number as R, SPSS and spreadsheets read it: whole numbers without a decimal point,
// others with up to 10 significant digits.
void appendNumber(QByteArray &line, double value);
QByteArray numberText(double value);
// Splits one CSV record (no embedded new lines) into fields; for tests and checks.
QStringList splitRecord(const QString &line);

} // namespace triad::interop::csv
