#include "clinicverification.h"

#include "core/crypto/primitives.h"
#include "core/store/auditlog.h"

#include <QCoreApplication>
#include <QSqlQuery>
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
    report.rowsSealed = store::rowseal::isActive(db);
    if (report.rowsSealed) {
        report.rows = store::rowseal::verifyAll(db, vault.subkey(crypto::KeyPurpose::Rows));
    } else if (store::rowseal::available(db)) {
        // Never sealed, or its seals removed: the audit log says which.
        QSqlQuery q = db.query();
        if (q.exec(QStringLiteral("SELECT 1 FROM audit WHERE action = 'seal-rows' LIMIT 1")) &&
            q.next()) {
            report.rows.ok = false;
            report.rows.message = QCoreApplication::translate(
                "triad::interop::Verification",
                "the register of row seals was removed (the rows were sealed before, audit "
                "entry \"seal-rows\")");
        }
    }
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
