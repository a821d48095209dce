#pragma once
// What QJsonDocument accepts but a file Triad reads must not hold: a raw control character
// (NUL, tab, new line...) inside a string, an escaped NUL (\u0000), a lone UTF-16 surrogate
// (\ud800 without its pair) and a key written twice in one object (Qt keeps the last one, so
// an answers file with "p1" twice would silently score the second value).

#include <optional>
#include <QByteArray>
#include <QString>

namespace triad {

struct JsonDefect
{
    QString path;    // "answers.p1", "items[3].text" (JsonObjectReader's notation); "" = top
    QString message; // translated, says what is wrong there
};

// Scans JSON text that QJsonDocument parsed without error. Returns the first defect, or
// nullopt. Text that is not valid JSON gives nullopt (the parser reports that itself).
std::optional<JsonDefect> findJsonDefect(const QByteArray &json);

} // namespace triad
