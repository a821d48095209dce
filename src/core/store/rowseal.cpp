#include "rowseal.h"

#include "core/crypto/primitives.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <algorithm>
#include <map>
#include <optional>

namespace triad::store::rowseal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::store::RowSeal", text);
}

constexpr int kMaxKeyColumns = 3;

bool equalConstantTimeOrEmpty(const QByteArray &a, const QByteArray &b)
{
    return !a.isEmpty() && crypto::equalConstantTime(a, b);
}
constexpr int kTagSize = 4;

struct TableInfo
{
    QString name;
    QStringList columns;
    QStringList key; // primary key columns in key order
    bool valid() const { return !columns.isEmpty() && !key.isEmpty(); }
};

QString quoted(const QString &identifier)
{
    return QLatin1Char('"') +
           QString(identifier).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

TableInfo tableInfo(Database &db, const QString &table)
{
    TableInfo info;
    info.name = table;
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table))))
        return info;
    std::map<int, QString> key;
    while (q.next()) {
        const QString column = q.value(1).toString();
        info.columns << column;
        if (q.value(5).toInt() > 0)
            key[q.value(5).toInt()] = column;
    }
    for (const auto &entry : key)
        info.key << entry.second;
    if (info.key.isEmpty() || info.key.size() > kMaxKeyColumns)
        info.key = QStringList{QStringLiteral("rowid")};
    return info;
}

// The stored row key: the single key column as text, or a JSON array of the key's values.
QString keyExpression(const TableInfo &info, const QString &prefix)
{
    QStringList parts;
    for (const QString &c : info.key)
        parts << prefix + quoted(c);
    if (parts.size() == 1)
        return QStringLiteral("CAST(%1 AS TEXT)").arg(parts.first());
    return QStringLiteral("json_array(%1)").arg(parts.join(QStringLiteral(", ")));
}

// The row key, then each column as the hex of its SQL literal (exact type and bytes).
QString selectColumns(const TableInfo &info)
{
    QStringList parts{keyExpression(info, {})};
    for (const QString &c : info.columns)
        parts << QStringLiteral("hex(quote(%1))").arg(quoted(c));
    return parts.join(QStringLiteral(", "));
}

void appendPart(QByteArray &out, const QByteArray &part)
{
    char length[4];
    qToBigEndian(quint32(part.size()), length);
    out.append(length, 4);
    out.append(part);
}

struct Sealed
{
    QByteArray mac;
    QByteArray cells;
};

// The row as read by selectColumns(): its seal.
Sealed sealOf(const TableInfo &info, const QSqlQuery &q, const crypto::SecureBytes &key)
{
    QByteArray message = QByteArrayLiteral("triad:row:v1");
    appendPart(message, info.name.toUtf8());
    appendPart(message, q.value(0).toString().toUtf8());
    Sealed sealed;
    for (int i = 0; i < info.columns.size(); ++i) {
        QByteArray cell;
        appendPart(cell, info.columns.at(i).toUtf8());
        appendPart(cell, q.value(i + 1).toString().toLatin1());
        message.append(cell);
        sealed.cells.append(crypto::sha256(cell).left(kTagSize));
    }
    sealed.mac = crypto::hmacSha256(key, message);
    return sealed;
}

// The first column whose digest differs, or empty.
QString differingColumn(const TableInfo &info, const QByteArray &stored, const QByteArray &now)
{
    if (stored.size() != now.size())
        return {};
    for (int i = 0; i < info.columns.size(); ++i)
        if (stored.mid(i * kTagSize, kTagSize) != now.mid(i * kTagSize, kTagSize))
            return info.columns.at(i);
    return {};
}

QByteArray registerCheck(qint64 count, const QByteArray &xorMac, const crypto::SecureBytes &key)
{
    QByteArray message = QByteArrayLiteral("triad:row-register:v1");
    char n[8];
    qToBigEndian(qint64(count), n);
    message.append(n, 8);
    message.append(xorMac);
    return crypto::hmacSha256(key, message);
}

void xorInto(QByteArray &acc, const QByteArray &mac)
{
    if (acc.size() != 32)
        acc = QByteArray(32, '\0');
    for (int i = 0; i < 32 && i < mac.size(); ++i)
        acc[i] = char(acc.at(i) ^ mac.at(i));
}

Finding problem(const QString &table, const QString &row, const QString &column,
                const QString &message)
{
    Finding f;
    f.ok = false;
    f.table = table;
    f.row = row;
    f.column = column;
    f.message = message;
    return f;
}

Finding changedRow(const TableInfo &info, const QString &row, const Sealed &stored,
                   const Sealed &now)
{
    if (equalConstantTimeOrEmpty(stored.mac, now.mac)) {
        if (stored.cells == now.cells)
            return {};
        return problem(info.name, row, {},
                       tr("table %1, row %2: its seal was altered").arg(info.name, row));
    }
    const QString column = differingColumn(info, stored.cells, now.cells);
    if (!column.isEmpty())
        return problem(info.name, row, column,
                       tr("table %1, row %2: column %3 was changed outside Triad")
                           .arg(info.name, row, column));
    return problem(info.name, row, {},
                   tr("table %1, row %2 was changed outside Triad (its values or its seal no "
                      "longer match)")
                       .arg(info.name, row));
}

} // namespace

bool available(Database &db)
{
    QSqlQuery q = db.query();
    return q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
                                 "'row_seal_register'")) &&
           q.next();
}

bool isActive(Database &db)
{
    QSqlQuery q = db.query();
    return q.exec(QStringLiteral("SELECT 1 FROM row_seal_register WHERE id = 1")) && q.next();
}

QStringList sealedTables(Database &db)
{
    QStringList tables;
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('audit', 'audit_pending', 'row_seal', 'row_seal_register') "
            "ORDER BY rootpage")))
        return tables;
    while (q.next())
        tables << q.value(0).toString();
    return tables;
}

bool installTracking(Database &db)
{
    QStringList sql{QStringLiteral(
        // No key and no conflict clause: a trigger's OR IGNORE would be overridden by the
        // conflict handling of the statement that fired it (an upsert, INSERT OR REPLACE).
        "CREATE TEMP TABLE IF NOT EXISTS seal_dirty (tbl TEXT, k TEXT, p1, p2, p3)")};
    for (const QString &table : sealedTables(db)) {
        const TableInfo info = tableInfo(db, table);
        if (!info.valid())
            continue;
        const auto note = [&info](const QString &prefix) {
            QStringList values{QStringLiteral("'%1'").arg(info.name), keyExpression(info, prefix)};
            for (int i = 0; i < kMaxKeyColumns; ++i)
                values << (i < info.key.size() ? prefix + quoted(info.key.at(i))
                                               : QStringLiteral("NULL"));
            return QStringLiteral("INSERT INTO seal_dirty VALUES (%1);")
                .arg(values.join(QStringLiteral(", ")));
        };
        const QString name = QStringLiteral("seal_%1_").arg(info.name);
        sql << QStringLiteral("DROP TRIGGER IF EXISTS temp.%1i").arg(name)
            << QStringLiteral("DROP TRIGGER IF EXISTS temp.%1u").arg(name)
            << QStringLiteral("DROP TRIGGER IF EXISTS temp.%1d").arg(name)
            << QStringLiteral("CREATE TEMP TRIGGER %1i AFTER INSERT ON %2 BEGIN %3 END")
                   .arg(name, quoted(info.name), note(QStringLiteral("NEW.")))
            << QStringLiteral("CREATE TEMP TRIGGER %1u AFTER UPDATE ON %2 BEGIN %3 %4 END")
                   .arg(name, quoted(info.name), note(QStringLiteral("OLD.")),
                        note(QStringLiteral("NEW.")))
            << QStringLiteral("CREATE TEMP TRIGGER %1d AFTER DELETE ON %2 BEGIN %3 END")
                   .arg(name, quoted(info.name), note(QStringLiteral("OLD.")));
    }
    for (const QString &statement : sql)
        if (!db.execSql(statement))
            return false;
    return true;
}

namespace {

struct Register
{
    qint64 count = 0;
    QByteArray xorMac = QByteArray(32, '\0');
};

std::optional<Register> readRegister(Database &db)
{
    QSqlQuery q = db.query();
    if (!q.exec(QStringLiteral("SELECT row_count, xor_mac FROM row_seal_register WHERE id = 1")) ||
        !q.next())
        return std::nullopt;
    Register r;
    r.count = q.value(0).toLongLong();
    r.xorMac = q.value(1).toByteArray();
    if (r.xorMac.size() != 32)
        r.xorMac = QByteArray(32, '\0');
    return r;
}

bool writeRegister(Database &db, const Register &r, const crypto::SecureBytes &key)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("INSERT OR REPLACE INTO row_seal_register (id, row_count, "
                                      "xor_mac, check_mac) VALUES (1, ?, ?, ?)")))
        return false;
    q.addBindValue(r.count);
    q.addBindValue(r.xorMac);
    q.addBindValue(registerCheck(r.count, r.xorMac, key));
    return db.exec(q);
}

std::optional<Sealed> storedSeal(Database &db, const QString &table, const QString &row)
{
    QSqlQuery q = db.query();
    q.prepare(
        QStringLiteral("SELECT mac, cells FROM row_seal WHERE table_name = ? AND row_key = ?"));
    q.addBindValue(table);
    q.addBindValue(row);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Sealed{q.value(0).toByteArray(), q.value(1).toByteArray()};
}

QString whereKey(const TableInfo &info)
{
    QStringList parts;
    for (const QString &c : info.key)
        parts << quoted(c) + QStringLiteral(" = ?");
    return parts.join(QStringLiteral(" AND "));
}

} // namespace

bool sealChanged(Database &db, const crypto::SecureBytes &rowKey)
{
    struct Dirty
    {
        QString table;
        QString key;
        QVariantList parts;
    };
    QVector<Dirty> dirty;
    {
        QSqlQuery q = db.query();
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT DISTINCT tbl, k, p1, p2, p3 FROM temp.seal_dirty")))
            return true; // no tracking on this connection
        while (q.next())
            dirty.push_back({q.value(0).toString(),
                             q.value(1).toString(),
                             {q.value(2), q.value(3), q.value(4)}});
    }
    if (dirty.isEmpty())
        return true;
    if (!db.execSql(QStringLiteral("DELETE FROM temp.seal_dirty")))
        return false;
    if (rowKey.isEmpty())
        return true; // written without the key: verify reports these rows as unsealed
    auto reg = readRegister(db);
    if (!reg)
        return true; // not sealed yet: the first sign-in with the key seals everything
    // Statements prepared once per call (the row read once per table): a completed response
    // changes a dozen rows or more, and parsing SQL again for each was most of a save's time.
    struct Table
    {
        TableInfo info;
        QSqlQuery read;
    };
    std::map<QString, Table> tables;
    QSqlQuery stored = db.query();
    QSqlQuery write = db.query();
    QSqlQuery drop = db.query();
    if (!db.prepare(stored, QStringLiteral("SELECT mac, cells FROM row_seal WHERE table_name = ? "
                                           "AND row_key = ?")) ||
        !db.prepare(write, QStringLiteral("INSERT OR REPLACE INTO row_seal (table_name, "
                                          "row_key, mac, cells) VALUES (?, ?, ?, ?)")) ||
        !db.prepare(drop, QStringLiteral("DELETE FROM row_seal WHERE table_name = ? AND "
                                         "row_key = ?")))
        return false;
    for (const Dirty &d : dirty) {
        auto found = tables.find(d.table);
        if (found == tables.end()) {
            Table t{tableInfo(db, d.table), db.query()};
            if (t.info.valid() &&
                !db.prepare(t.read,
                            QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                                .arg(selectColumns(t.info), quoted(t.info.name), whereKey(t.info))))
                return false;
            found = tables.emplace(d.table, std::move(t)).first;
        }
        const TableInfo &info = found->second.info;
        if (!info.valid())
            continue;
        stored.bindValue(0, d.table);
        stored.bindValue(1, d.key);
        std::optional<Sealed> old;
        if (stored.exec() && stored.next())
            old = Sealed{stored.value(0).toByteArray(), stored.value(1).toByteArray()};
        stored.finish();
        QSqlQuery &row = found->second.read;
        for (int i = 0; i < info.key.size(); ++i)
            row.bindValue(i, d.parts.at(i));
        if (!db.exec(row))
            return false;
        const bool exists = row.next() && row.value(0).toString() == d.key;
        if (old) {
            xorInto(reg->xorMac, old->mac);
            --reg->count;
        }
        QSqlQuery *w = &write;
        if (exists) {
            const Sealed sealed = sealOf(info, row, rowKey);
            write.bindValue(0, d.table);
            write.bindValue(1, d.key);
            write.bindValue(2, sealed.mac);
            write.bindValue(3, sealed.cells);
            xorInto(reg->xorMac, sealed.mac);
            ++reg->count;
        } else {
            row.finish();
            if (!old)
                continue;
            drop.bindValue(0, d.table);
            drop.bindValue(1, d.key);
            w = &drop;
        }
        row.finish();
        if (!db.exec(*w))
            return false;
    }
    return writeRegister(db, *reg, rowKey);
}

bool sealAll(Database &db, const crypto::SecureBytes &rowKey)
{
    if (rowKey.isEmpty()) {
        db.setError(StoreErrorKind::Locked, QStringLiteral("row key not available"));
        return false;
    }
    if (!db.execSql(QStringLiteral("DELETE FROM row_seal")))
        return false;
    Register reg;
    for (const QString &table : sealedTables(db)) {
        const TableInfo info = tableInfo(db, table);
        if (!info.valid())
            continue;
        QSqlQuery rows = db.query();
        rows.setForwardOnly(true);
        if (!db.prepare(
                rows,
                QStringLiteral("SELECT %1 FROM %2").arg(selectColumns(info), quoted(info.name))) ||
            !db.exec(rows))
            return false;
        QSqlQuery w = db.query();
        if (!db.prepare(w, QStringLiteral("INSERT INTO row_seal (table_name, row_key, mac, "
                                          "cells) VALUES (?, ?, ?, ?)")))
            return false;
        while (rows.next()) {
            const Sealed sealed = sealOf(info, rows, rowKey);
            w.addBindValue(table);
            w.addBindValue(rows.value(0).toString());
            w.addBindValue(sealed.mac);
            w.addBindValue(sealed.cells);
            if (!db.exec(w))
                return false;
            xorInto(reg.xorMac, sealed.mac);
            ++reg.count;
        }
    }
    QSqlQuery clear = db.query();
    clear.exec(QStringLiteral("DELETE FROM temp.seal_dirty")); // absent without tracking
    return writeRegister(db, reg, rowKey);
}

Finding verifyAll(Database &db, const crypto::SecureBytes &rowKey)
{
    Finding result;
    if (rowKey.isEmpty())
        return problem({}, {}, {}, tr("the row key is not available; sign in to verify rows"));
    const QStringList tables = sealedTables(db);
    for (const QString &table : tables) {
        const TableInfo info = tableInfo(db, table);
        if (!info.valid())
            continue;
        QHash<QString, Sealed> seals;
        {
            QSqlQuery q = db.query();
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT row_key, mac, cells FROM row_seal WHERE "
                                     "table_name = ?"));
            q.addBindValue(table);
            if (!q.exec())
                return problem(table, {}, {}, tr("the row seals cannot be read"));
            while (q.next())
                seals.insert(q.value(0).toString(),
                             Sealed{q.value(1).toByteArray(), q.value(2).toByteArray()});
        }
        QSqlQuery rows = db.query();
        rows.setForwardOnly(true);
        if (!rows.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                           .arg(selectColumns(info), quoted(info.name),
                                info.key.join(QStringLiteral(", ")))))
            return problem(table, {}, {},
                           tr("table %1 cannot be read: %2").arg(table, rows.lastError().text()));
        while (rows.next()) {
            ++result.rowsChecked;
            const QString row = rows.value(0).toString();
            const auto stored = seals.constFind(row);
            if (stored == seals.constEnd())
                return problem(table, row, {},
                               tr("table %1, row %2 was added outside Triad (it has no seal)")
                                   .arg(table, row));
            const Finding f = changedRow(info, row, *stored, sealOf(info, rows, rowKey));
            if (!f.ok)
                return f;
            seals.remove(row);
        }
        if (!seals.isEmpty()) {
            QStringList gone = seals.keys();
            std::sort(gone.begin(), gone.end());
            return problem(table, gone.first(), {},
                           tr("table %1, row %2 was deleted outside Triad (its seal remains)")
                               .arg(table, gone.first()));
        }
    }
    // Seals of tables that are gone, and the register over all seals.
    Register actual;
    QSqlQuery q = db.query();
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT table_name, row_key, mac FROM row_seal")))
        return problem({}, {}, {}, tr("the row seals cannot be read"));
    while (q.next()) {
        if (!tables.contains(q.value(0).toString()))
            return problem(q.value(0).toString(), q.value(1).toString(), {},
                           tr("table %1, row %2 was deleted outside Triad (its seal remains)")
                               .arg(q.value(0).toString(), q.value(1).toString()));
        xorInto(actual.xorMac, q.value(2).toByteArray());
        ++actual.count;
    }
    QSqlQuery r = db.query();
    if (!r.exec(QStringLiteral("SELECT row_count, xor_mac, check_mac FROM row_seal_register "
                               "WHERE id = 1")) ||
        !r.next())
        return problem({}, {}, {}, tr("the register of row seals is missing"));
    const qint64 count = r.value(0).toLongLong();
    const QByteArray xorMac = r.value(1).toByteArray();
    if (!crypto::equalConstantTime(registerCheck(count, xorMac, rowKey), r.value(2).toByteArray()))
        return problem({}, {}, {}, tr("the register of row seals was altered"));
    if (count != actual.count || !crypto::equalConstantTime(xorMac, actual.xorMac))
        return problem({}, {}, {},
                       tr("the register of row seals does not match the seals (%1 seals, the "
                          "register says %2): sealed rows were deleted or added together with "
                          "their seals")
                           .arg(actual.count)
                           .arg(count));
    return result;
}

namespace {
// Rows this connection changed since the last seal (temp.seal_dirty, filled by its own temp
// triggers): only this process's writes in the open transaction are there.
bool writtenInThisTransaction(Database &db, const QString &table, const QString &key)
{
    QSqlQuery q = db.query();
    q.prepare(QStringLiteral("SELECT 1 FROM temp.seal_dirty WHERE tbl = ? AND k = ? LIMIT 1"));
    q.addBindValue(table);
    q.addBindValue(key);
    return q.exec() && q.next();
}
} // namespace

Finding checkRow(Database &db, const crypto::SecureBytes &rowKey, const QString &table,
                 const QString &id)
{
    if (rowKey.isEmpty() || !isActive(db))
        return {};
    const TableInfo info = tableInfo(db, table);
    if (!info.valid() || info.key.size() != 1)
        return {};
    QSqlQuery row = db.query();
    row.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE %3")
                    .arg(selectColumns(info), quoted(info.name), whereKey(info)));
    row.addBindValue(id);
    if (!row.exec() || !row.next())
        return {}; // no row: the caller says "not found"
    const QString key = row.value(0).toString();
    const auto stored = storedSeal(db, table, key);
    if (db.inBatch() && writtenInThisTransaction(db, table, key))
        return {}; // this connection wrote it in the open batch: sealed at its commit
    if (!stored)
        return problem(
            table, key, {},
            tr("table %1, row %2 was added outside Triad (it has no seal)").arg(table, key));
    return changedRow(info, key, *stored, sealOf(info, row, rowKey));
}

bool checkOnRead(Database &db, const QString &table, const QString &id)
{
    const Finding f = checkRow(db, db.rowKey(), table, id);
    if (f.ok)
        return true;
    db.setError(StoreErrorKind::Tampered, f.message);
    return false;
}

} // namespace triad::store::rowseal
