// triad-cli verify: integrity_check and the audit chain, read as they are (verify signs in
// without appending, so the head file is checked before anything could rewrite it); exit 1
// names the damaged entry. Shows the chain head so the clinic can compare it with backups.
#include "adminsession.h"

#include "core/interop/clinicverification.h"

#include <QCoreApplication>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::VerifyCommand", text);
}

const QString kUsage = QStringLiteral("verify [--db PATH] [--as NAME] [--json]");

int runVerify(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    SessionOptions options;
    options.checkIntegrity = false; // reported below rather than refused at open
    options.auditSignIn = false;    // nothing appended, the head file not rewritten
    if (const int code = openSession(args, io, session, options))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
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

CommandRegistration reg{{QStringLiteral("verify"), QStringLiteral("[--db PATH] [--as NAME]"),
                         QStringLiteral("check database integrity and the audit chain"),
                         runVerify}};

} // namespace
} // namespace triad::cli
