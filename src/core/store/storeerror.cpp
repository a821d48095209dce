#include "storeerror.h"

#include <QCoreApplication>
#include <QSqlError>

namespace triad::store {

namespace {
// SQLite primary result codes (sqlite3.h); Qt reports them as nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADb = 26;
} // namespace

QString StoreError::message() const
{
    // The detail of a tampered log names the entry in plain words and holds no personal data.
    if (kind == StoreErrorKind::Tampered && !detail.isEmpty())
        return messageFor(kind) + QLatin1Char(' ') +
               QCoreApplication::translate("StoreError", "Found: %1.").arg(detail);
    return messageFor(kind);
}

QString StoreError::messageFor(StoreErrorKind kind)
{
    const char *ctx = "StoreError";
    switch (kind) {
    case StoreErrorKind::None:
        return {};
    case StoreErrorKind::NotFound:
        return QCoreApplication::translate(ctx, "The database or the record was not found.");
    case StoreErrorKind::WrongFile:
        return QCoreApplication::translate(
            ctx, "This file is not a Triad database. Choose the clinic's database file; "
                 "the file was not changed.");
    case StoreErrorKind::Corrupt:
        return QCoreApplication::translate(
            ctx, "The database file is damaged (cut short or altered). It was not changed. "
                 "Restore the latest backup, and keep the damaged file for support.");
    case StoreErrorKind::TooNew:
        return QCoreApplication::translate(
            ctx, "This database was written by a newer version of Triad. Update Triad to open "
                 "it; the file was not changed.");
    case StoreErrorKind::DiskFull:
        return QCoreApplication::translate(
            ctx, "The tablet's storage is full, so nothing was saved. Free some space and try "
                 "again; what was saved before is safe.");
    case StoreErrorKind::ReadOnly:
        return QCoreApplication::translate(
            ctx, "The database cannot be written (read-only file or folder). Nothing was "
                 "saved.");
    case StoreErrorKind::Busy:
        return QCoreApplication::translate(
            ctx, "The database is in use by another program. Close it and try again.");
    case StoreErrorKind::Immutable:
        return QCoreApplication::translate(
            ctx, "A completed questionnaire cannot be changed. Record a correction instead.");
    case StoreErrorKind::Invalid:
        return QCoreApplication::translate(ctx, "The value was not accepted.");
    case StoreErrorKind::WrongPassphrase:
        return QCoreApplication::translate(ctx, "The passphrase is not right. Try again.");
    case StoreErrorKind::Locked:
        return QCoreApplication::translate(ctx, "Sign in to see or change this record.");
    case StoreErrorKind::NotAllowed:
        return QCoreApplication::translate(
            ctx, "This account may not do that (disabled, or another role is needed).");
    case StoreErrorKind::CryptoFailed:
        return QCoreApplication::translate(
            ctx, "A protected field could not be read or written with this key. Nothing was "
                 "changed.");
    case StoreErrorKind::Io:
        return QCoreApplication::translate(
            ctx, "The database could not be read or written. Nothing was changed.");
    case StoreErrorKind::Tampered:
        return QCoreApplication::translate(
            ctx, "The clinic's records do not match their audit trail: they were altered, cut "
                 "short or replaced outside Triad. Nothing was changed and nobody can work in "
                 "this database until an administrator runs \"triad-cli verify\" and, if it "
                 "confirms the damage, restores the latest good backup.");
    }
    return {};
}

QString StoreError::kindId(StoreErrorKind kind)
{
    switch (kind) {
    case StoreErrorKind::None:
        return QStringLiteral("none");
    case StoreErrorKind::NotFound:
        return QStringLiteral("not-found");
    case StoreErrorKind::WrongFile:
        return QStringLiteral("wrong-file");
    case StoreErrorKind::Corrupt:
        return QStringLiteral("corrupt");
    case StoreErrorKind::TooNew:
        return QStringLiteral("too-new");
    case StoreErrorKind::DiskFull:
        return QStringLiteral("disk-full");
    case StoreErrorKind::ReadOnly:
        return QStringLiteral("read-only");
    case StoreErrorKind::Busy:
        return QStringLiteral("busy");
    case StoreErrorKind::Immutable:
        return QStringLiteral("immutable");
    case StoreErrorKind::Invalid:
        return QStringLiteral("invalid");
    case StoreErrorKind::WrongPassphrase:
        return QStringLiteral("wrong-passphrase");
    case StoreErrorKind::Locked:
        return QStringLiteral("locked");
    case StoreErrorKind::NotAllowed:
        return QStringLiteral("not-allowed");
    case StoreErrorKind::CryptoFailed:
        return QStringLiteral("crypto-failed");
    case StoreErrorKind::Io:
        return QStringLiteral("io");
    case StoreErrorKind::Tampered:
        return QStringLiteral("tampered");
    }
    return {};
}

StoreError StoreError::fromSql(const QSqlError &error, const QString &context)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    const QString detail = context + QStringLiteral(": ") + error.text();
    StoreErrorKind kind = StoreErrorKind::Io;
    if (ok) {
        switch (code) {
        case kSqliteBusy:
        case kSqliteLocked:
            kind = StoreErrorKind::Busy;
            break;
        case kSqliteReadOnly:
            kind = StoreErrorKind::ReadOnly;
            break;
        case kSqliteCorrupt:
            kind = StoreErrorKind::Corrupt;
            break;
        case kSqliteFull:
            kind = StoreErrorKind::DiskFull;
            break;
        case kSqliteCantOpen:
            kind = StoreErrorKind::ReadOnly;
            break;
        case kSqliteNotADb:
            kind = StoreErrorKind::WrongFile;
            break;
        case kSqliteConstraint:
            // The immutability triggers raise this exact phrase (schema.cpp).
            kind = error.databaseText().contains(QLatin1String("immutable"))
                       ? StoreErrorKind::Immutable
                       : StoreErrorKind::Invalid;
            break;
        default:
            break;
        }
    }
    return {kind, detail};
}

} // namespace triad::store
