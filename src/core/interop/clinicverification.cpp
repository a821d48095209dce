#include "clinicverification.h"

#include "core/crypto/primitives.h"
#include "core/store/auditlog.h"

#include <QtEndian>

namespace triad::interop {

VerificationReport verifyClinic(store::Database &db, const crypto::Vault &vault)
{
    VerificationReport report;
    report.integrityOk = db.checkIntegrity(&report.integrityReport);
    const crypto::SecureBytes auditKey = vault.subkey(crypto::KeyPurpose::Audit);
    store::AuditLog log(db, auditKey, vault.staffId());
    report.audit = log.verify();
    report.auditEntries = db.rowCount(QStringLiteral("audit"));
    report.pendingEntries = log.pendingCount();
    QString ignored;
    report.head = crypto::readChainHead(db.auditHeadPath(), auditKey, &ignored);
    return report;
}

QString headFingerprint(const crypto::ChainHead &head)
{
    char seq[8];
    qToBigEndian(qint64(head.seq), seq);
    const QByteArray hex =
        crypto::sha256(QByteArray("triad:head-fingerprint:v1") + QByteArray(seq, 8) + head.mac)
            .left(6)
            .toHex();
    return QString::fromLatin1(hex.mid(0, 4) + '-' + hex.mid(4, 4) + '-' + hex.mid(8, 4));
}

} // namespace triad::interop
