#include "changestamp.h"

#include <QSqlQuery>

namespace triad::store {

std::optional<QString> changeStamp(Database &db)
{
    QSqlQuery changes = db.query();
    if (!db.prepare(changes, QStringLiteral("SELECT total_changes()")) || !db.exec(changes) ||
        !changes.next())
        return std::nullopt;
    QSqlQuery version = db.query();
    if (!db.prepare(version, QStringLiteral("PRAGMA data_version")) || !db.exec(version) ||
        !version.next())
        return std::nullopt;
    return QStringLiteral("%1|%2")
        .arg(changes.value(0).toLongLong())
        .arg(version.value(0).toLongLong());
}

} // namespace triad::store
