// triad-cli staff add --name NAME --role physio|lead|admin: a new staff member with a passphrase.
#include "adminsession.h"

#include "core/store/clinic.h"
#include "core/store/personname.h"

#include <QCoreApplication>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::StaffAddCommand", text);
}

const QString kUsage =
    QStringLiteral("staff add --name NAME --role physio|lead|admin [--db PATH] [--as NAME]");

int runStaffAdd(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const QString name = takeOption(args, QStringLiteral("--name"));
    const QString roleId = takeOption(args, QStringLiteral("--role"));
    AdminSession session;
    session.json = args.contains(QStringLiteral("--json"));
    if (name.simplified().isEmpty())
        return reportFailure(io, session.json, 2,
                             tr("--name NAME is needed; usage: triad-cli %1").arg(kUsage));
    if (const QString problem = store::nameProblem(name, QStringLiteral("--name"));
        !problem.isEmpty())
        return reportFailure(io, session.json, 2, problem, QStringLiteral("invalid"));
    const auto role = store::staffRoleFromId(roleId);
    if (!role)
        return reportFailure(io, session.json, 2,
                             tr("--role must be physio, lead or admin, not \"%1\".").arg(roleId));
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    store::StaffRepository staff(session.db);
    if (const auto same = staff.findByName(name))
        return reportFailure(
            io, session.json, 2,
            tr("--name: a staff member is already called \"%1\" (id %2); names must differ in "
               "more than upper and lower case, so that signing in by name finds one person.")
                .arg(same->displayName, same->id),
            QStringLiteral("invalid"));
    const auto passphrase =
        readPassphrase(tr("New passphrase for %1: ").arg(store::cleanName(name)),
                       "TRIAD_NEW_PASSPHRASE", true, io);
    if (!passphrase)
        return 2;
    const QString problem = crypto::passphraseProblem(*passphrase);
    if (!problem.isEmpty())
        return reportFailure(io, session.json, 2, tr("passphrase: %1").arg(problem));
    store::Clinic clinic(session.db);
    const auto member = clinic.addStaff(session.vault, name, *role, *passphrase);
    if (!member)
        return reportFailure(io, session.json, exitCodeFor(clinic.lastError().kind),
                             clinic.lastError().message(),
                             store::StoreError::kindId(clinic.lastError().kind));
    if (session.json)
        printJson(io, {{"ok", true},
                       {"id", member->id},
                       {"name", member->displayName},
                       {"role", store::staffRoleId(member->role)}});
    else
        io.out << tr("Added %1 (%2).").arg(member->displayName, store::staffRoleId(member->role))
               << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("staff add"), QStringLiteral("--name NAME --role physio|lead|admin"),
     QStringLiteral("add a staff member (an admin signs in with --as)"), runStaffAdd}};

} // namespace
} // namespace triad::cli
