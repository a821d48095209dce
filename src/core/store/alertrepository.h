#pragma once
// Alerts raised after a session (alliance/alert.h decides them; this stores them) and the
// action log: what the physio did about an alert. Prompts and notes may name people, so
// they are encrypted; type, severity and the numeric evidence are plain (pseudonymous).

#include "auditlog.h"
#include "database.h"

#include "core/crypto/fieldcipher.h"

#include <optional>
#include <QJsonObject>
#include <QVector>

namespace triad::store {

struct AlertRecord
{
    QString id;
    QString episodeId;
    QString sessionId;  // may be empty (an episode-level trend)
    QString type;       // alliance alertTypeId(): "rupture", "discrepancy", ...
    QString respondent; // "child", "parent", "physio", or empty
    QString severity = QStringLiteral("watch"); // info, watch, concern
    QJsonObject evidence;                       // the rule and its numbers, never names
    QString prompt;                             // plain-language sentence for the physio
    QString createdAt;
    QString acknowledgedAt; // empty until acknowledged
    QString acknowledgedBy;
};

struct ActionRecord
{
    QString id;
    QString alertId;
    QString staffId;
    QString action; // what was done, e.g. "talked-about-goals", "adjusted-exercises"
    QString note;   // free text, encrypted
    QString at;
};

class AlertRepository
{
public:
    AlertRepository(Database &db, const crypto::FieldCipher &cipher, AuditLog &audit)
        : m_db(db)
        , m_cipher(cipher)
        , m_audit(audit)
    {}

    // id and createdAt are assigned.
    std::optional<AlertRecord> raise(AlertRecord alert);
    std::optional<AlertRecord> get(const QString &alertId);
    // Newest first; openOnly leaves out acknowledged ones.
    QVector<AlertRecord> forEpisode(const QString &episodeId, bool openOnly = false);
    // The unacknowledged act-today alerts (severity "concern") of every open episode, newest
    // first, in one read: the patient list counts each patient's cards from it, the dashboard
    // lists them. Only concerns are read (and their prompts decrypted): at 2,000 patients
    // reading every unacknowledged alert, 1,970 notes and keep-an-eye cards with their
    // prompts, took 45-58 ms of the UI thread for the one act-today card among them.
    QVector<AlertRecord> unacknowledgedConcernsInOpenEpisodes();
    bool acknowledge(const QString &alertId);
    // Records what the signed-in staff member did (and acknowledges the alert), one transaction.
    std::optional<ActionRecord> logAction(const QString &alertId, const QString &action,
                                          const QString &note = {});
    QVector<ActionRecord> actions(const QString &alertId);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    QVector<AlertRecord> select(const QString &where, const QVariantList &values);
    bool markAcknowledged(const QString &alertId);

    Database &m_db;
    const crypto::FieldCipher &m_cipher;
    AuditLog &m_audit;
};

} // namespace triad::store
