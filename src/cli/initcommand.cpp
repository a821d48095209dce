// triad-cli init --clinic NAME --admin NAME: sets up a new clinic database with its first admin.
#include "adminsession.h"

#include "core/store/clinic.h"
#include "core/store/personname.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::InitCommand", text);
}

const QString kUsage = QStringLiteral("init --clinic NAME --admin NAME [--db PATH] [--json]");

int runInit(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    const QString path = takeOption(args, QStringLiteral("--db"), defaultDatabasePath());
    const bool usesDefaultPath = path == defaultDatabasePath();
    const QString clinicName = takeOption(args, QStringLiteral("--clinic"));
    const QString adminName = takeOption(args, QStringLiteral("--admin"));
    if (const int code = rejectExtra(args, kUsage, io, json))
        return code;
    if (clinicName.simplified().isEmpty() || adminName.simplified().isEmpty())
        return reportFailure(io, json, 2,
                             tr("--clinic NAME and --admin NAME are both needed; usage: "
                                "triad-cli %1")
                                 .arg(kUsage));
    if (const QString problem = store::nameProblem(adminName, QStringLiteral("--admin"));
        !problem.isEmpty())
        return reportFailure(io, json, 2, problem, QStringLiteral("invalid"));
    // Only the app's own data folder is created; a folder named with --db must exist, so a
    // typo in the path never scatters a clinic database into a new folder.
    const QString folder = QFileInfo(path).absolutePath();
    if (usesDefaultPath)
        QDir().mkpath(folder);
    if (!QFileInfo(folder).isDir())
        return reportFailure(io, json, 2,
                             tr("the folder %1 does not exist (--db); create it first, or check "
                                "the path.")
                                 .arg(QDir::toNativeSeparators(folder)),
                             QStringLiteral("not-found"));
    const bool existed = QFileInfo::exists(path);
    store::Database db;
    // A refused init leaves no empty database behind at a path that had none.
    const auto abandon = [&](int code, const QString &message, const QString &kind = {}) {
        db.close();
        if (!existed)
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
        return message.isEmpty() ? code : reportFailure(io, json, code, message, kind);
    };
    if (!db.open(path))
        return reportFailure(io, json, 2,
                             tr("cannot open the database %1: %2")
                                 .arg(QDir::toNativeSeparators(path), db.lastError().message()));
    store::Clinic clinic(db);
    if (clinic.exists())
        return reportFailure(io, json, 2,
                             tr("%1 already holds the clinic \"%2\"; nothing was changed.")
                                 .arg(QDir::toNativeSeparators(path), clinic.name()));
    const auto passphrase =
        readPassphrase(tr("New passphrase for %1: ").arg(adminName.simplified()),
                       "TRIAD_NEW_PASSPHRASE", true, io);
    if (!passphrase)
        return abandon(2, {});
    const QString problem = crypto::passphraseProblem(*passphrase);
    if (!problem.isEmpty())
        return abandon(2, tr("passphrase: %1").arg(problem));
    crypto::Vault vault;
    const auto admin = clinic.create(clinicName, adminName, *passphrase, vault);
    if (!admin)
        return abandon(exitCodeFor(clinic.lastError().kind), clinic.lastError().message(),
                       store::StoreError::kindId(clinic.lastError().kind));
    if (json)
        printJson(io, {{"ok", true},
                       {"database", QDir::toNativeSeparators(db.path())},
                       {"clinic", clinic.name()},
                       {"admin", admin->displayName}});
    else
        io.out << tr("Clinic \"%1\" set up in %2; admin: %3.")
                      .arg(clinic.name(), QDir::toNativeSeparators(db.path()), admin->displayName)
               << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("init"), QStringLiteral("--clinic NAME --admin NAME [--db PATH]"),
     QStringLiteral("set up a new clinic database with its first admin"), runInit}};

} // namespace
} // namespace triad::cli
