#include "buildinfo.h"

#include <openssl/crypto.h>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace triad {

QString buildInfo()
{
    QString sqlite = QStringLiteral("unknown");
    {
        const QString name = QStringLiteral("triad-buildinfo");
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery q(QStringLiteral("select sqlite_version()"), db);
            if (q.next())
                sqlite = q.value(0).toString();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    return QStringLiteral("Triad %1 (Qt %2, %3, SQLite %4)")
        .arg(QStringLiteral(TRIAD_VERSION), QString::fromLatin1(qVersion()),
             QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION)), sqlite);
}

} // namespace triad
