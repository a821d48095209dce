#pragma once
// Row seals (schema v6): every stored row of clinic data carries a MAC, so an edit made with
// the sqlite3 tool (or a flipped byte) is found and named. docs/SECURITY.md, "Row seals".
//
// seal = HMAC-SHA256(rowKey, "triad:row:v1" | table | row key | each column: name, SQL literal)
// where rowKey = the vault's KeyPurpose::Rows subkey, the row key the primary key's values and
// the literal SQLite's quote() of the stored value (type and bytes exact). Each seal also keeps
// a 4-byte digest per column, not secret, only to say which column differs.
//
// Which rows changed is tracked per connection by TEMP triggers (not stored in the file), so
// rows written by the schema's own triggers (dashboard facts, seq numbers) are sealed too;
// Database::commit seals them just before COMMIT. A register (row_seal_register: number of seals
// and the XOR of their MACs, itself MACed) notices a row deleted together with its seal.
// The audit table is not sealed (its own MAC chain covers it), nor audit_pending (written while
// locked, before any key exists).

#include "database.h"

#include "core/crypto/securebytes.h"

namespace triad::store::rowseal {

// Whether the database has the seal tables (schema v6 on).
bool available(Database &db);
// Whether its rows have been sealed (the register exists). A migrated database is sealed at
// the first sign-in with the key (Clinic::finishSignIn), a new one at creation.
bool isActive(Database &db);
// Tables whose rows are sealed, in the database's own order.
QStringList sealedTables(Database &db);

// TEMP triggers that note changed rows; Database::open calls it after migrating.
bool installTracking(Database &db);
// Seals the rows changed in the open transaction (or forgets them when `rowKey` is empty or the
// database is not sealed yet). Called by Database::commit.
bool sealChanged(Database &db, const crypto::SecureBytes &rowKey);
// Seals every row and writes the register, inside the caller's transaction.
bool sealAll(Database &db, const crypto::SecureBytes &rowKey);

struct Finding
{
    bool ok = true;
    QString table;
    QString row;     // the primary key's values, as stored
    QString column;  // when known
    QString message; // plain words, never empty when !ok
    qint64 rowsChecked = 0;
};

// Checks every sealed row, every seal and the register; the first problem, in table order.
Finding verifyAll(Database &db, const crypto::SecureBytes &rowKey);
// Checks one row on reading (by its single-column primary key). A row of a database that is
// not sealed yet passes.
Finding checkRow(Database &db, const crypto::SecureBytes &rowKey, const QString &table,
                 const QString &id);
// For repositories: checkRow() with the database's row key; on a bad row sets a Tampered error
// naming table and row, and returns false, so the record is not shown.
bool checkOnRead(Database &db, const QString &table, const QString &id);

} // namespace triad::store::rowseal
