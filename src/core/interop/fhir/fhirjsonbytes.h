#pragma once
// Compact JSON written straight to bytes, exactly as QJsonDocument::toJson(Compact) writes the
// same values (the exporters' hot paths; tst_fhirresponsebytes compares the two).

#include <QByteArray>
#include <QString>

namespace triad::interop::fhir {

// A JSON string: quotes, the escapes QJsonDocument writes, UTF-8.
void appendJsonString(QByteArray &out, const QString &text);
void appendJsonString(QByteArray &out, const QByteArray &utf8);
// A number as QJsonDocument writes a double: shortest exact form, "null" when not finite.
void appendJsonNumber(QByteArray &out, double value);

} // namespace triad::interop::fhir
