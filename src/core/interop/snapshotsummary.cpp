#include "snapshotsummary.h"

#include "core/store/schema.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtEndian>
#include <QUuid>

namespace triad::interop {

namespace {

void addField(QCryptographicHash &hash, const QVariant &value)
{
    // Type tag and length prefix, so ("ab","c") and ("a","bc") hash differently and NULL
    // differs from an empty string.
    QByteArray bytes;
    char tag = 'n';
    if (!value.isNull()) {
        switch (value.typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int:
            tag = 'i';
            bytes = QByteArray::number(value.toLongLong());
            break;
        case QMetaType::Double:
            tag = 'r';
            bytes = QByteArray::number(value.toDouble(), 'g', 17);
            break;
        case QMetaType::QByteArray:
            tag = 'b';
            bytes = value.toByteArray();
            break;
        default:
            tag = 't';
            bytes = value.toString().toUtf8();
            break;
        }
    }
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    hash.addData(QByteArrayView(&tag, 1));
    hash.addData(QByteArrayView(length, 4));
    hash.addData(bytes);
}

} // namespace

bool summarize(const QString &path, SnapshotSummary *summary, QString *error)
{
    const QString name = QStringLiteral("triad-snapshot-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        const auto fail = [&](const QString &what, const QSqlError &e) {
            if (error)
                *error = what + QStringLiteral(": ") + e.text();
            return false;
        };
        ok = [&] {
            if (!db.open())
                return fail(QStringLiteral("open"), db.lastError());
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
                return fail(QStringLiteral("integrity_check"), q.lastError());
            QStringList report;
            while (q.next())
                report << q.value(0).toString();
            summary->integrityOk = report == QStringList{QStringLiteral("ok")};
            summary->integrityReport = report.mid(0, 5).join(QLatin1String("; "));
            if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
                return fail(QStringLiteral("user_version"), q.lastError());
            summary->schemaVersion = q.value(0).toInt();
            if (q.exec(QStringLiteral("SELECT uuid FROM clinic WHERE id = 1")) && q.next())
                summary->clinicUuid = q.value(0).toString();
            if (q.exec(QStringLiteral("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1")) &&
                q.next()) {
                summary->auditHeadSeq = q.value(0).toLongLong();
                summary->auditHeadMac = q.value(1).toByteArray();
            }
            QCryptographicHash all(QCryptographicHash::Sha256);
            summary->rows.clear();
            // The tables of the snapshot's own schema: a backup made before a migration has fewer.
            for (const QString &table : store::dataTables(summary->schemaVersion)) {
                QSqlQuery rows(db);
                rows.setForwardOnly(true);
                // Table names come from the store's fixed list, never from input.
                if (!rows.exec(QStringLiteral("SELECT * FROM %1").arg(table)))
                    return fail(table, rows.lastError());
                QVector<QByteArray> digests;
                while (rows.next()) {
                    QCryptographicHash row(QCryptographicHash::Sha256);
                    const int columns = rows.record().count();
                    for (int c = 0; c < columns; ++c)
                        addField(row, rows.value(c));
                    digests << row.result();
                }
                std::sort(digests.begin(), digests.end());
                summary->rows.insert(table, digests.size());
                addField(all, table);
                addField(all, qint64(digests.size()));
                for (const QByteArray &d : digests)
                    all.addData(d);
            }
            summary->digest = all.result();
            return true;
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace triad::interop
