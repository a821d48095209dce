#pragma once
// What every administration command does first: find the database (--db), the staff
// member (--as), read the passphrase (terminal with echo off, or TRIAD_PASSPHRASE for
// scripts) and sign in. Thin on purpose: the work itself is in src/core.

#include "commands.h"

#include "core/crypto/vault.h"
#include "core/store/database.h"
#include "core/store/staffrepository.h"

#include <optional>
#include <QJsonObject>

namespace triad::cli {

// <AppDataLocation>/triad.sqlite: where the app keeps the clinic's database.
QString defaultDatabasePath();

// The passphrase from `environmentVariable` if set, else from the terminal with echo off.
// `confirm`: ask twice and insist they match (new passphrases). nullopt after printing why.
std::optional<QString> readPassphrase(const QString &prompt, const char *environmentVariable,
                                      bool confirm, Io &io);

struct AdminSession
{
    store::Database db;
    crypto::Vault vault;
    store::StaffMember member;
    bool json = false;
};

struct SessionOptions
{
    bool checkIntegrity = true; // verify turns it off to report damage itself
    // Sign in as usual: check the audit log's end against its head, then append "sign-in".
    // verify (reads the log as it is, writes nothing) and restore (replaces a damaged
    // database) only open the vault.
    bool auditSignIn = true;
};

// Takes --db, --as and --json from args, opens the existing database and signs in.
// Returns 0 on success, else the exit code after printing a clear message.
int openSession(QStringList &args, Io &io, AdminSession &session,
                const SessionOptions &options = {});

// The exit code for a store failure: the disk or the database engine (full, read-only, busy,
// I/O) is the environment (2); a value the store refused is a problem found (1).
int exitCodeFor(store::StoreErrorKind kind);

// Errors go to stderr as text, or to stdout as {"ok":false,"error":...} with --json.
int reportFailure(Io &io, bool json, int exitCode, const QString &message,
                  const QString &kind = {});
void printJson(Io &io, const QJsonObject &object);
// For "COMMAND ARG [--db PATH] [--as NAME] [--json]": takes the one positional argument out
// of args, leaving the options for openSession. nullopt after printing the usage (exit code
// in *exitCode) when there is not exactly one.
std::optional<QString> takeSingleArgument(QStringList &args, const QString &usage, Io &io,
                                          bool json, int *exitCode);
// A leftover argument the command does not know: usage error.
int rejectExtra(const QStringList &args, const QString &usage, Io &io, bool json);

} // namespace triad::cli
