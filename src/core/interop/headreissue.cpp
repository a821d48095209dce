#include "headreissue.h"

#include "adminaccess.h"
#include "backupfile.h"
#include "backupstaging.h"
#include "clinicverification.h"

#include "core/store/auditlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace triad::interop {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::HeadReissue", text);
}

bool fail(InteropError *error, InteropErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}

struct ExclusiveUse
{
    store::Database &db;
    ~ExclusiveUse() { db.unlockExclusive(); }
};

} // namespace

bool reissueHead(store::Database &db, const crypto::Vault &vault, const QString &backupFile,
                 HeadReissueReport *report, InteropError *error)
{
    if (!requireAdmin(db, vault, error))
        return false;
    const QString nothingDone = tr("Nothing was changed; restore the latest good backup "
                                   "(triad-cli restore).");
    // Nobody appends between the checks and the new head.
    if (!db.lockExclusively())
        return fail(error, InteropErrorKind::Io,
                    tr("Another program has the database open (%1). Close it and try again; "
                       "nothing was changed.")
                        .arg(db.lastError().detail));
    const ExclusiveUse exclusive{db};

    const crypto::SecureBytes auditKey = vault.subkey(crypto::KeyPurpose::Audit);
    QString headProblem;
    if (crypto::readChainHead(db.auditHeadPath(), auditKey, &headProblem)) {
        const VerificationReport verified = verifyClinic(db, vault);
        if (verified.audit.ok)
            return fail(error, InteropErrorKind::Invalid,
                        tr("The chain head is present and matches the audit log; there is "
                           "nothing to re-issue."));
        return fail(error, InteropErrorKind::Tampered,
                    tr("The chain head was written with this clinic's key and does not match "
                       "the audit log (%1). That is a sign of a cut or replaced log, not of a "
                       "lost head, so it is not re-issued. %2")
                        .arg(verified.audit.message, nothingDone));
    }

    const VerificationReport verified = verifyClinic(db, vault);
    if (!verified.integrityOk)
        return fail(error, InteropErrorKind::Corrupt,
                    tr("The database failed its integrity check (%1). %2")
                        .arg(verified.integrityReport, nothingDone));
    if (!verified.rows.ok)
        return fail(error, InteropErrorKind::Tampered,
                    tr("A stored row does not match its seal (%1). %2")
                        .arg(verified.rows.message, nothingDone));
    store::AuditLog log(db, auditKey, vault.staffId());
    const QVector<crypto::AuditEntry> entries = log.entries();
    const crypto::VerifyResult chain = crypto::verifyChain(entries, auditKey, std::nullopt);
    if (!chain.ok)
        return fail(error, InteropErrorKind::Tampered,
                    tr("The audit log does not verify at entry %1 (%2). %3")
                        .arg(chain.firstBadSeq)
                        .arg(chain.message, nothingDone));

    HeadReissueReport result;
    result.previousHead = headProblem;
    result.entriesBefore = entries.size();
    if (!backupFile.isEmpty()) {
        BackupHeader header;
        if (!readBackupHeader(backupFile, vault.subkey(crypto::KeyPurpose::Backup), &header, error))
            return false;
        const QString backup = QDir::toNativeSeparators(backupFile);
        if (header.auditHeadSeq < 1)
            return fail(error, InteropErrorKind::Invalid,
                        tr("The backup %1 does not record a chain head (made by an older "
                           "Triad); give a newer backup to compare with.")
                            .arg(backup));
        if (header.auditHeadSeq > entries.size())
            return fail(error, InteropErrorKind::Tampered,
                        tr("The backup %1 (made %2) recorded the chain head at entry %3, but "
                           "the audit log ends at entry %4: entries were cut off the log. %5")
                            .arg(backup, header.createdAt)
                            .arg(header.auditHeadSeq)
                            .arg(entries.size())
                            .arg(nothingDone));
        const crypto::ChainHead atBackup{header.auditHeadSeq,
                                         entries.at(int(header.auditHeadSeq - 1)).mac};
        if (headFingerprint(atBackup) != header.auditHeadFingerprint)
            return fail(error, InteropErrorKind::Tampered,
                        tr("The audit log's entry %1 is not the one the backup %2 (made %3) "
                           "recorded as its chain head: the log was replaced. %4")
                            .arg(header.auditHeadSeq)
                            .arg(backup, header.createdAt, nothingDone));
        result.backupChecked = true;
        result.backupHeadSeq = header.auditHeadSeq;
        result.backupCreatedAt = header.createdAt;
    }

    QJsonObject why{{"previousHead", headProblem}, {"entries", double(entries.size())}};
    if (result.backupChecked)
        why.insert(QStringLiteral("backupHeadEntry"), double(result.backupHeadSeq));
    if (!recordClinicEvent(db, vault, QStringLiteral("reissue-head"),
                           QJsonDocument(why).toJson(QJsonDocument::Compact), error, true))
        return false;
    const auto written = crypto::readChainHead(db.auditHeadPath(), auditKey, &headProblem);
    if (!written)
        return fail(error, InteropErrorKind::Io,
                    tr("The new chain head could not be read back: %1").arg(headProblem));
    result.head = *written;
    if (report)
        *report = result;
    return true;
}

} // namespace triad::interop
