// triad-cli verify: integrity_check and the audit chain, read as they are (verify signs in
// without appending, so the head file is checked before anything could rewrite it); exit 1
// names the damaged entry. Shows the chain head so the clinic can compare it with backups.
// verify --reissue-head [--against BACKUP]: writes a new head for an intact log whose head
// file was lost (core/interop/headreissue.h), admins only.
#include "adminsession.h"

#include "core/interop/clinicverification.h"
#include "core/interop/headreissue.h"

#include <QCoreApplication>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::VerifyCommand", text);
}

const QString kUsage =
    QStringLiteral("verify [--db PATH] [--as NAME] [--json] [--reissue-head [--against BACKUP]]");

int runReissue(AdminSession &session, const QString &backup, Io &io)
{
    interop::HeadReissueReport report;
    interop::InteropError error;
    if (!interop::reissueHead(session.db, session.vault, backup, &report, &error)) {
        using K = interop::InteropErrorKind;
        const bool found = error.kind == K::Tampered || error.kind == K::Corrupt;
        return reportFailure(io, session.json, found ? 1 : 2, error.message,
                             interop::InteropError::kindId(error.kind));
    }
    const QString fingerprint = interop::headFingerprint(report.head);
    const QString unchecked =
        tr("Not compared with a backup: a log whose newest entries were cut and whose head was "
           "deleted as well looks exactly like this. Compare entry %1 with the chain head your "
           "newest backup recorded (triad-cli backup prints it), or run this again with "
           "--against BACKUP next time.")
            .arg(report.entriesBefore);
    if (session.json) {
        QJsonObject o{{"ok", true},
                      {"reissuedBy", session.member.displayName},
                      {"previousHead", report.previousHead},
                      {"entriesBefore", double(report.entriesBefore)},
                      {"headEntry", double(report.head.seq)},
                      {"headFingerprint", fingerprint},
                      {"backupChecked", report.backupChecked}};
        if (report.backupChecked) {
            o.insert(QStringLiteral("backupHeadEntry"), double(report.backupHeadSeq));
            o.insert(QStringLiteral("backupCreatedAt"), report.backupCreatedAt);
        } else {
            o.insert(QStringLiteral("warning"), unchecked);
        }
        printJson(io, o);
        return 0;
    }
    io.out << tr("The previous chain head was unusable: %1").arg(report.previousHead) << '\n'
           << tr("The audit log (%1 entries), the database and every row seal verified.")
                  .arg(report.entriesBefore)
           << '\n';
    if (report.backupChecked)
        io.out << tr("The backup made %1 recorded the chain head at entry %2; the log still "
                     "holds that entry unchanged.")
                      .arg(report.backupCreatedAt)
                      .arg(report.backupHeadSeq)
               << '\n';
    else
        io.out << unchecked << '\n';
    io.out << tr("Chain head re-issued by %1 (audit entry \"reissue-head\"): entry %2, "
                 "fingerprint %3")
                  .arg(session.member.displayName)
                  .arg(report.head.seq)
                  .arg(fingerprint)
           << '\n';
    return 0;
}

int runVerify(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const bool reissue = takeFlag(args, QStringLiteral("--reissue-head"));
    const QString against = takeOption(args, QStringLiteral("--against"));
    AdminSession session;
    SessionOptions options;
    options.checkIntegrity = false; // reported below rather than refused at open
    options.auditSignIn = false;    // nothing appended, the head file not rewritten
    if (!reissue && !against.isEmpty())
        return reportFailure(
            io, args.contains(QStringLiteral("--json")), 2,
            tr("--against BACKUP goes with --reissue-head; usage: triad-cli %1").arg(kUsage));
    if (const int code = openSession(args, io, session, options))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    if (reissue)
        return runReissue(session, against, io);
    const interop::VerificationReport report = interop::verifyClinic(session.db, session.vault);
    if (session.json) {
        QJsonObject o{{"ok", report.ok()},
                      {"integrity", report.integrityOk},
                      {"integrityReport", report.integrityReport},
                      {"auditOk", report.audit.ok},
                      {"firstBadEntry", double(report.audit.firstBadSeq)},
                      {"auditMessage", report.audit.message},
                      {"auditEntries", double(report.auditEntries)}};
        o.insert(QStringLiteral("rowsOk"), report.rows.ok);
        o.insert(QStringLiteral("rowsSealed"), report.rowsSealed);
        o.insert(QStringLiteral("rowsChecked"), double(report.rows.rowsChecked));
        if (!report.rows.ok) {
            o.insert(QStringLiteral("rowsMessage"), report.rows.message);
            o.insert(QStringLiteral("badTable"), report.rows.table);
            o.insert(QStringLiteral("badRow"), report.rows.row);
            o.insert(QStringLiteral("badColumn"), report.rows.column);
        }
        if (report.head) {
            o.insert(QStringLiteral("headEntry"), double(report.head->seq));
            o.insert(QStringLiteral("headFingerprint"), interop::headFingerprint(*report.head));
        }
        printJson(io, o);
    } else {
        io.out << (report.integrityOk
                       ? tr("Database integrity: ok")
                       : tr("Database integrity: DAMAGED (%1)").arg(report.integrityReport))
               << '\n';
        if (report.audit.ok)
            io.out << tr("Audit log: ok, %1 entries").arg(report.auditEntries)
                   << (report.audit.message.isEmpty()
                           ? QString()
                           : QStringLiteral(" (") + report.audit.message + QLatin1Char(')'))
                   << '\n';
        else if (report.audit.firstBadSeq > 0)
            io.out << tr("Audit log: TAMPERED at entry %1: %2")
                          .arg(report.audit.firstBadSeq)
                          .arg(report.audit.message)
                   << '\n';
        else
            io.out << tr("Audit log: TAMPERED: %1").arg(report.audit.message) << '\n';
        if (!report.rows.ok)
            io.out << tr("Rows: TAMPERED: %1").arg(report.rows.message) << '\n';
        else if (report.rowsSealed)
            io.out << tr("Rows: ok, %1 rows sealed").arg(report.rows.rowsChecked) << '\n';
        else
            io.out << tr("Rows: not sealed yet (this database was migrated; the next sign-in "
                         "seals them)")
                   << '\n';
        if (report.head)
            io.out << tr("Chain head: entry %1, fingerprint %2")
                          .arg(report.head->seq)
                          .arg(interop::headFingerprint(*report.head))
                   << '\n';
        else
            io.out << tr("Chain head: missing or not readable with this clinic's key") << '\n';
        if (!report.ok())
            io.out << tr("The database was not changed. Keep a copy of it for investigation and "
                         "restore the latest good backup (triad-cli restore).")
                   << '\n';
    }
    return report.ok() ? 0 : 1;
}

CommandRegistration reg{{QStringLiteral("verify"),
                         QStringLiteral("[--db PATH] [--as NAME] [--reissue-head [--against "
                                        "BACKUP]]"),
                         QStringLiteral("check database integrity and the audit chain; "
                                        "--reissue-head: write a lost chain head anew (admin)"),
                         runVerify}};

} // namespace
} // namespace triad::cli
