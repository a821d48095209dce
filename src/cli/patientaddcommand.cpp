// triad-cli patient add --name NAME --birth-date YYYY-MM-DD: prints the new pseudonym code.
#include "adminsession.h"

#include "core/crypto/fieldcipher.h"
#include "core/interop/patientintake.h"
#include "core/store/auditlog.h"
#include "core/store/patientrepository.h"
#include "core/store/personname.h"

#include <QCoreApplication>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::PatientAddCommand", text);
}

const QString kUsage =
    QStringLiteral("patient add --name NAME --birth-date YYYY-MM-DD [--db PATH] [--as NAME]");

int runPatientAdd(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const QString name = takeOption(args, QStringLiteral("--name"));
    const QString birth = takeOption(args, QStringLiteral("--birth-date"));
    const bool json = args.contains(QStringLiteral("--json"));
    if (name.simplified().isEmpty() || birth.isEmpty())
        return reportFailure(
            io, json, 2,
            tr("--name and --birth-date are both needed; usage: triad-cli %1").arg(kUsage));
    // Checked before sign-in, so a typo costs no passphrase.
    QString problem = store::nameProblem(name, QStringLiteral("--name"));
    if (!problem.isEmpty())
        return reportFailure(io, json, 2, problem, QStringLiteral("invalid"));
    const auto birthDate = interop::parseBirthDate(birth, QDate::currentDate(), &problem);
    if (!birthDate)
        return reportFailure(io, json, 2, tr("%1 (--birth-date)").arg(problem), "invalid");
    AdminSession session;
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    const crypto::FieldCipher cipher(session.vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(session.db, session.vault.subkey(crypto::KeyPurpose::Audit),
                          session.vault.staffId());
    store::PatientRepository patients(session.db, cipher, audit);
    const auto patient = patients.create(name, *birthDate);
    if (!patient)
        return reportFailure(io, session.json, exitCodeFor(patients.lastError().kind),
                             patients.lastError().message(),
                             store::StoreError::kindId(patients.lastError().kind));
    // Only the pseudonym code is printed: terminal scroll-back and script logs keep it.
    if (session.json)
        printJson(io, {{"ok", true}, {"code", patient->code}});
    else
        io.out << patient->code << '\n';
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("patient add"), QStringLiteral("--name NAME --birth-date YYYY-MM-DD"),
     QStringLiteral("add a patient; prints the pseudonym code"), runPatientAdd}};

} // namespace
} // namespace triad::cli
