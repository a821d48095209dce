// triad-cli patient list: every patient's code, name and birth date, for an admin to check
// what is stored (names are encrypted in the database, so sqlite3 cannot show them).
#include "adminsession.h"

#include "core/crypto/fieldcipher.h"
#include "core/interop/adminaccess.h"
#include "core/store/auditlog.h"
#include "core/store/patientrepository.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::PatientListCommand", text);
}

const QString kUsage = QStringLiteral("patient list [--db PATH] [--as NAME] [--json]");

int runPatientList(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    interop::InteropError denied;
    if (!interop::requireAdmin(session.db, session.vault, &denied))
        return reportFailure(io, session.json, 2, denied.message,
                             interop::InteropError::kindId(denied.kind));
    const crypto::FieldCipher cipher(session.vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(session.db, session.vault.subkey(crypto::KeyPurpose::Audit),
                          session.vault.staffId());
    store::PatientRepository patients(session.db, cipher, audit);
    session.db.clearError();
    const QVector<store::Patient> all = patients.list();
    if (patients.lastError().isError())
        return reportFailure(io, session.json, 1, patients.lastError().message(),
                             store::StoreError::kindId(patients.lastError().kind));
    if (session.json) {
        QJsonArray rows;
        for (const auto &p : all)
            rows.append(QJsonObject{{"code", p.code},
                                    {"name", p.name},
                                    {"birthDate", p.birthDate.toString(Qt::ISODate)}});
        printJson(io, {{"ok", true}, {"patients", rows}});
        return 0;
    }
    for (const auto &p : all)
        io.out << p.code << '\t' << p.birthDate.toString(Qt::ISODate) << '\t' << p.name << '\n';
    io.err << tr("Patients: %1.").arg(all.size()) << '\n';
    return 0;
}

CommandRegistration reg{{QStringLiteral("patient list"), QStringLiteral("[--db PATH] [--as NAME]"),
                         QStringLiteral("list every patient's code, birth date and name (admin)"),
                         runPatientList}};

} // namespace
} // namespace triad::cli
