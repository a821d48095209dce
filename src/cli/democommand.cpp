// triad-cli demo: fills an empty database with the synthetic demo clinic (store/democlinic.h).
#include "adminsession.h"

#include "core/insights/demoalerts.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/store/clinic.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::DemoCommand", text);
}

const QString kUsage = QStringLiteral("demo [--db PATH] [--seed N] [--patients N] [--json]");

int runDemo(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    const QString path = takeOption(args, QStringLiteral("--db"), defaultDatabasePath());
    bool seedOk = true;
    bool patientsOk = true;
    store::DemoOptions options;
    options.seed = takeOption(args, QStringLiteral("--seed"), QStringLiteral("1")).toUInt(&seedOk);
    options.patients =
        takeOption(args, QStringLiteral("--patients"), QStringLiteral("12")).toInt(&patientsOk);
    if (const int code = rejectExtra(args, kUsage, io, json))
        return code;
    if (!seedOk || !patientsOk || options.patients < 1 || options.patients > 5000)
        return reportFailure(io, json, 2,
                             tr("--seed must be a whole number and --patients between 1 and "
                                "5000."));
    const bool existed = QFileInfo::exists(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    store::Database db;
    if (!db.open(path))
        return reportFailure(io, json, 2,
                             tr("cannot open the database %1: %2")
                                 .arg(QDir::toNativeSeparators(path), db.lastError().message()));
    if (store::Clinic(db).exists())
        return reportFailure(io, json, 2,
                             tr("%1 already holds a clinic; the demo only fills an empty "
                                "database. Use a new --db PATH.")
                                 .arg(QDir::toNativeSeparators(path)));
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    crypto::Vault vault;
    const auto summary = insights::createDemoClinicWithAlerts(db, library, vault, options);
    if (!summary) {
        const QString message = db.lastError().message();
        db.close();
        // Partly filled: a new file is removed so the next try starts empty again.
        if (!existed)
            for (const char *suffix : {"", "-wal", "-shm", ".audit-head"})
                QFile::remove(path + QLatin1String(suffix));
        return reportFailure(io, json, 1, tr("the demo clinic was not created: %1").arg(message));
    }
    if (json) {
        QJsonArray accounts;
        for (const auto &a : summary->accounts)
            accounts.append(QJsonObject{{"name", a.displayName},
                                        {"role", store::staffRoleId(a.role)},
                                        {"passphrase", a.passphrase}});
        printJson(io, {{"ok", true},
                       {"database", QDir::toNativeSeparators(db.path())},
                       {"accounts", accounts},
                       {"patients", summary->patients},
                       {"episodes", summary->episodes},
                       {"sessions", summary->sessions},
                       {"responses", summary->responses}});
        return 0;
    }
    io.out << tr("Demo clinic created in %1: %2 synthetic patients, %3 sessions, %4 responses.")
                  .arg(QDir::toNativeSeparators(db.path()))
                  .arg(summary->patients)
                  .arg(summary->sessions)
                  .arg(summary->responses)
           << '\n'
           << tr("Demo accounts (demo data only, never for real patients):") << '\n';
    for (const auto &a : summary->accounts)
        io.out << "  " << a.displayName << " (" << store::staffRoleId(a.role)
               << "): " << a.passphrase << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("demo"), QStringLiteral("[--db PATH] [--seed N] [--patients N]"),
     QStringLiteral("fill an EMPTY database with the synthetic demo clinic"), runDemo}};

} // namespace
} // namespace triad::cli
