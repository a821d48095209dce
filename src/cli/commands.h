#pragma once
// triad-cli commands register themselves with a static CommandRegistration in their own
// file, so each area adds commands without touching a shared table.

#include <functional>
#include <QStringList>
#include <QTextStream>

namespace triad::cli {

struct Io
{
    QTextStream &out;
    QTextStream &err;
};

// Exit codes: 0 success; 1 the command ran and found a problem (invalid file, failed
// verification); 2 usage or environment error (bad arguments, unreadable file, wrong passphrase).
using CommandFn = std::function<int(const QStringList &args, Io &io)>;

struct Command
{
    QString name;  // "validate", or two words such as "staff add"
    QString usage; // "FILE..."
    QString help;  // one line
    CommandFn run;
};

class CommandRegistration
{
public:
    explicit CommandRegistration(Command command);
};

const QVector<Command> &commands();

// Helpers shared by commands.
// Removes "--flag VALUE" (or "--flag=VALUE") from args; returns VALUE or `fallback`.
QString takeOption(QStringList &args, const QString &flag, const QString &fallback = {});
// Removes a boolean "--flag"; returns whether it was present.
bool takeFlag(QStringList &args, const QString &flag);

} // namespace triad::cli
