#include "adminsession.h"

#include "core/store/clinic.h"
#include "core/store/personname.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace triad::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::AdminSession", text);
}

// One line from the terminal without echo; nullopt at end of input.
std::optional<QString> promptHidden(const QString &prompt, Io &io)
{
    io.err << prompt << Qt::flush;
#ifdef Q_OS_UNIX
    termios saved{};
    const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
#endif
    std::string line;
    const bool got = bool(std::getline(std::cin, line));
#ifdef Q_OS_UNIX
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        io.err << '\n' << Qt::flush;
    }
#endif
    if (!got)
        return std::nullopt;
    return QString::fromStdString(line);
}

std::optional<store::StaffMember> findMember(store::StaffRepository &staff, const QString &name,
                                             QString *problem)
{
    const QVector<store::StaffMember> members = staff.list(true);
    if (name.isEmpty()) {
        QVector<store::StaffMember> admins;
        for (const auto &m : members)
            if (m.role == store::StaffRole::Admin)
                admins << m;
        if (admins.size() == 1)
            return admins.first();
        *problem = admins.isEmpty() ? tr("this database has no active admin; use --as NAME.")
                                    : tr("there are several admins; say who you are with "
                                         "--as NAME.");
        return std::nullopt;
    }
    // A staff id is exact and never ambiguous.
    for (const auto &m : members)
        if (m.id == name.trimmed())
            return m;
    const QString wanted = store::cleanName(name).toCaseFolded();
    QVector<store::StaffMember> named;
    for (const auto &m : members)
        if (store::cleanName(m.displayName).toCaseFolded() == wanted)
            named << m;
    if (named.size() == 1)
        return named.first();
    if (named.size() > 1) {
        // Databases made before names had to differ in more than case may hold such pairs.
        QStringList ids;
        for (const auto &m : named)
            ids << QStringLiteral("%1 (%2, %3)")
                       .arg(m.id, m.displayName, store::staffRoleId(m.role));
        *problem = tr("%1 active staff members are called \"%2\"; sign in with --as and a "
                      "staff id instead: %3.")
                       .arg(named.size())
                       .arg(name, ids.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    *problem = tr("no active staff member is called \"%1\" or has that id (--as).").arg(name);
    return std::nullopt;
}

} // namespace

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("triad.sqlite"));
}

std::optional<QString> readPassphrase(const QString &prompt, const char *environmentVariable,
                                      bool confirm, Io &io)
{
    if (qEnvironmentVariableIsSet(environmentVariable))
        return qEnvironmentVariable(environmentVariable);
#ifdef Q_OS_UNIX
    if (!::isatty(STDIN_FILENO)) {
        io.err << tr("triad-cli: no terminal to ask for the passphrase; set %1.")
                      .arg(QLatin1String(environmentVariable))
               << '\n';
        return std::nullopt;
    }
#endif
    const auto first = promptHidden(prompt, io);
    if (!first)
        return std::nullopt;
    if (confirm) {
        const auto second = promptHidden(tr("Type it again: "), io);
        if (!second || *second != *first) {
            io.err << tr("triad-cli: the two passphrases differ; nothing was changed.") << '\n';
            return std::nullopt;
        }
    }
    return first;
}

int openSession(QStringList &args, Io &io, AdminSession &session, const SessionOptions &options)
{
    session.json = takeFlag(args, QStringLiteral("--json"));
    const QString path = takeOption(args, QStringLiteral("--db"), defaultDatabasePath());
    const QString as = takeOption(args, QStringLiteral("--as"));
    store::Database::Options open;
    open.mode = store::Database::OpenMode::ExistingOnly;
    open.checkIntegrity = options.checkIntegrity;
    if (!session.db.open(path, open)) {
        const store::StoreError &e = session.db.lastError();
        // Busy: who holds the database (program names and process ids, nothing personal).
        const QString who = e.kind == store::StoreErrorKind::Busy
                                ? QStringLiteral(" (%1)").arg(e.detail)
                                : QString();
        return reportFailure(io, session.json, 2,
                             tr("cannot open the database %1: %2%3")
                                 .arg(QDir::toNativeSeparators(path), e.message(), who),
                             store::StoreError::kindId(e.kind));
    }
    store::Clinic clinic(session.db);
    if (!clinic.exists())
        return reportFailure(io, session.json, 2,
                             tr("%1 has no clinic yet; run \"triad-cli init\" first.")
                                 .arg(QDir::toNativeSeparators(path)));
    store::StaffRepository staff(session.db);
    QString problem;
    const auto member = findMember(staff, as, &problem);
    if (!member)
        return reportFailure(io, session.json, 2, problem);
    const auto passphrase = readPassphrase(tr("Passphrase for %1: ").arg(member->displayName),
                                           "TRIAD_PASSPHRASE", false, io);
    if (!passphrase)
        return 2;
    const bool signedIn = options.auditSignIn
                              ? clinic.signIn(member->id, *passphrase, session.vault)
                              : clinic.unlockWithoutAudit(member->id, *passphrase, session.vault);
    if (!signedIn) {
        const store::StoreError &error = session.db.lastError();
        QString message;
        if (error.kind == store::StoreErrorKind::WrongPassphrase)
            message = tr("wrong passphrase for %1; nothing was done.").arg(member->displayName);
        else if (error.kind == store::StoreErrorKind::Tampered)
            message = tr("the clinic's records were changed outside Triad (%1); nothing was done. "
                         "Run \"triad-cli verify\" for the full report, then restore the "
                         "latest good backup with \"triad-cli restore\".")
                          .arg(error.detail);
        else
            message = tr("sign-in failed: %1").arg(error.message());
        return reportFailure(io, session.json,
                             error.kind == store::StoreErrorKind::Tampered ? 1 : 2, message,
                             store::StoreError::kindId(error.kind));
    }
    session.member = *member;
    return 0;
}

int exitCodeFor(store::StoreErrorKind kind)
{
    using K = store::StoreErrorKind;
    return (kind == K::DiskFull || kind == K::ReadOnly || kind == K::Busy || kind == K::Io ||
            kind == K::Corrupt || kind == K::WrongFile || kind == K::TooNew)
               ? 2
               : 1;
}

int reportFailure(Io &io, bool json, int exitCode, const QString &message, const QString &kind)
{
    if (json) {
        QJsonObject o{{"ok", false}, {"error", message}};
        if (!kind.isEmpty())
            o.insert(QStringLiteral("kind"), kind);
        printJson(io, o);
    } else {
        io.err << "triad-cli: " << message << '\n';
    }
    return exitCode;
}

void printJson(Io &io, const QJsonObject &object)
{
    io.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
}

std::optional<QString> takeSingleArgument(QStringList &args, const QString &usage, Io &io,
                                          bool json, int *exitCode)
{
    QStringList positional = args;
    takeFlag(positional, QStringLiteral("--json"));
    takeOption(positional, QStringLiteral("--db"));
    takeOption(positional, QStringLiteral("--as"));
    if (positional.size() != 1) {
        *exitCode = reportFailure(io, json, 2, tr("usage: triad-cli %1").arg(usage));
        return std::nullopt;
    }
    args.removeOne(positional.first());
    return positional.first();
}

int rejectExtra(const QStringList &args, const QString &usage, Io &io, bool json)
{
    if (args.isEmpty())
        return 0;
    return reportFailure(
        io, json, 2,
        tr("unexpected argument \"%1\"; usage: triad-cli %2").arg(args.first(), usage));
}

} // namespace triad::cli
