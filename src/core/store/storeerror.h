#pragma once
// Errors of the store, classified for the user. The UI shows message(); it never parses
// the technical detail, which is for logs and never holds personal data.

#include <QString>

class QSqlError;

namespace triad::store {

enum class StoreErrorKind {
    None,
    NotFound,  // no database at the path (ExistingOnly), or a row that does not exist
    WrongFile, // the file is not a SQLite database (a picture or text named like the DB)
    Corrupt,   // truncated or damaged: open fails or integrity_check reports problems
    TooNew,    // written by a newer Triad: this version must not touch it
    DiskFull,  // SQLITE_FULL: no space left (or the page limit reached)
    ReadOnly,  // the file or its folder cannot be written
    Busy,      // another program holds the database
    Immutable, // a completed response (or its answers/scores) cannot be changed
    Invalid,   // a value the store refuses (unknown condition, empty name...)
    WrongPassphrase,
    Locked,       // personal data asked for without an unlocked key
    NotAllowed,   // the signed-in role may not do this, or the account is disabled
    CryptoFailed, // encryption failed, or a stored field does not decrypt with this key
    Io,           // any other failure of the disk or the database engine
    Tampered,     // the audit log or its chain head file does not match (detail says where)
};

struct StoreError
{
    StoreErrorKind kind = StoreErrorKind::None;
    QString detail; // technical detail for logs (no personal data)

    bool isError() const { return kind != StoreErrorKind::None; }
    // A translated sentence for the user, saying what happened and what to do.
    QString message() const;
    static QString messageFor(StoreErrorKind kind);
    static QString kindId(StoreErrorKind kind); // "disk-full", for logs and tests

    // Classifies a Qt SQL error by its SQLite result code.
    static StoreError fromSql(const QSqlError &error, const QString &context);
};

} // namespace triad::store
