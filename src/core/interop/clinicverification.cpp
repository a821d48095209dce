#include "clinicverification.h"

#include "core/store/auditlog.h"

namespace triad::interop {

VerificationReport verifyClinic(store::Database &db, const crypto::Vault &vault)
{
    VerificationReport report;
    report.integrityOk = db.checkIntegrity(&report.integrityReport);
    store::AuditLog log(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    report.audit = log.verify();
    report.auditEntries = db.rowCount(QStringLiteral("audit"));
    report.pendingEntries = log.pendingCount();
    return report;
}

} // namespace triad::interop
