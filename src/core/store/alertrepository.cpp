#include "alertrepository.h"

#include "rowseal.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace triad::store {

namespace {
const QString kColumns = QStringLiteral(
    "id, episode_id, session_id, type, respondent, severity, evidence, prompt, created_at, "
    "acknowledged_at, acknowledged_by");

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}
} // namespace

std::optional<AlertRecord> AlertRepository::raise(AlertRecord a)
{
    if (a.type.isEmpty() || a.prompt.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("an alert needs a type and a prompt"));
        return std::nullopt;
    }
    a.id = newUuid();
    a.createdAt = nowUtc();
    a.acknowledgedAt.clear();
    a.acknowledgedBy.clear();
    const QByteArray prompt =
        m_cipher.encrypt(a.prompt, QStringLiteral("alert"), QStringLiteral("prompt"), a.id);
    if (prompt.isEmpty()) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("encrypting an alert prompt"));
        return std::nullopt;
    }
    const QByteArray evidence = QJsonDocument(a.evidence).toJson(QJsonDocument::Compact);
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO alert (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, NULL, NULL)")
                             .arg(kColumns)))
        return std::nullopt;
    q.addBindValue(a.id);
    q.addBindValue(a.episodeId);
    q.addBindValue(orNull(a.sessionId));
    q.addBindValue(a.type);
    q.addBindValue(orNull(a.respondent));
    q.addBindValue(a.severity);
    q.addBindValue(QString::fromUtf8(evidence));
    q.addBindValue(prompt);
    q.addBindValue(a.createdAt);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("alert"), a.id, {},
                        evidence + prompt) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return a;
}

QVector<AlertRecord> AlertRepository::select(const QString &where, const QVariantList &values)
{
    QVector<AlertRecord> alerts;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT %1 FROM alert %2 ORDER BY created_at DESC, id")
                             .arg(kColumns, where)))
        return alerts;
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!m_db.exec(q))
        return alerts;
    while (q.next()) {
        AlertRecord a;
        a.id = q.value(0).toString();
        a.episodeId = q.value(1).toString();
        a.sessionId = q.value(2).toString();
        a.type = q.value(3).toString();
        a.respondent = q.value(4).toString();
        a.severity = q.value(5).toString();
        a.evidence = QJsonDocument::fromJson(q.value(6).toByteArray()).object();
        const auto prompt = m_cipher.decrypt(q.value(7).toByteArray(), QStringLiteral("alert"),
                                             QStringLiteral("prompt"), a.id);
        if (!prompt) {
            m_db.setError(StoreErrorKind::CryptoFailed,
                          QStringLiteral("alert %1 does not decrypt with this key").arg(a.id));
            return {};
        }
        a.prompt = *prompt;
        a.createdAt = q.value(8).toString();
        a.acknowledgedAt = q.value(9).toString();
        a.acknowledgedBy = q.value(10).toString();
        alerts << a;
    }
    return alerts;
}

std::optional<AlertRecord> AlertRepository::get(const QString &alertId)
{
    if (!rowseal::checkOnRead(m_db, QStringLiteral("alert"), alertId))
        return std::nullopt;
    const auto found = select(QStringLiteral("WHERE id = ?"), {alertId});
    if (found.isEmpty()) {
        if (!m_db.lastError().isError())
            m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such alert"));
        return std::nullopt;
    }
    return found.first();
}

QVector<AlertRecord> AlertRepository::forEpisode(const QString &episodeId, bool openOnly)
{
    return select(QStringLiteral("WHERE episode_id = ? AND (acknowledged_at IS NULL OR ? = 0)"),
                  {episodeId, openOnly ? 1 : 0});
}

QVector<AlertRecord> AlertRepository::unacknowledgedConcernsInOpenEpisodes()
{
    return select(QStringLiteral("WHERE acknowledged_at IS NULL AND severity = 'concern' AND "
                                 "episode_id IN (SELECT id FROM episode WHERE end_date IS NULL)"),
                  {});
}

bool AlertRepository::markAcknowledged(const QString &alertId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE alert SET acknowledged_at = coalesce("
                                        "acknowledged_at, ?), acknowledged_by = coalesce("
                                        "acknowledged_by, ?) WHERE id = ?")))
        return false;
    q.addBindValue(nowUtc());
    q.addBindValue(orNull(m_audit.staffId()));
    q.addBindValue(alertId);
    if (!m_db.exec(q))
        return false;
    if (q.numRowsAffected() != 1) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such alert"));
        return false;
    }
    return m_audit.append(QStringLiteral("acknowledge"), QStringLiteral("alert"), alertId);
}

bool AlertRepository::acknowledge(const QString &alertId)
{
    Transaction tx(m_db);
    if (!tx.begin() || !markAcknowledged(alertId) || !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

std::optional<ActionRecord> AlertRepository::logAction(const QString &alertId,
                                                       const QString &action, const QString &note)
{
    if (action.trimmed().isEmpty() || m_audit.staffId().isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("an action needs a description and a signed-in staff member"));
        return std::nullopt;
    }
    ActionRecord r{newUuid(), alertId, m_audit.staffId(), action.trimmed(), note, nowUtc()};
    QByteArray sealed;
    if (!note.isEmpty()) {
        sealed = m_cipher.encrypt(note, QStringLiteral("action_log"), QStringLiteral("note"), r.id);
        if (sealed.isEmpty()) {
            m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("encrypting a note"));
            return std::nullopt;
        }
    }
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO action_log (id, alert_id, staff_id, action, "
                                        "note, at) VALUES (?, ?, ?, ?, ?, ?)")))
        return std::nullopt;
    q.addBindValue(r.id);
    q.addBindValue(alertId);
    q.addBindValue(r.staffId);
    q.addBindValue(r.action);
    q.addBindValue(sealed.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                    : QVariant(sealed));
    q.addBindValue(r.at);
    if (!m_db.exec(q) || !markAcknowledged(alertId) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("action_log"), r.id, {},
                        r.action.toUtf8() + sealed) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return r;
}

QVector<ActionRecord> AlertRepository::actions(const QString &alertId)
{
    QVector<ActionRecord> list;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT id, staff_id, action, note, at FROM action_log "
                                        "WHERE alert_id = ? ORDER BY at, id")))
        return list;
    q.addBindValue(alertId);
    if (!m_db.exec(q))
        return list;
    while (q.next()) {
        ActionRecord r;
        r.id = q.value(0).toString();
        r.alertId = alertId;
        r.staffId = q.value(1).toString();
        r.action = q.value(2).toString();
        const QByteArray note = q.value(3).toByteArray();
        if (!note.isEmpty()) {
            const auto plain =
                m_cipher.decrypt(note, QStringLiteral("action_log"), QStringLiteral("note"), r.id);
            if (!plain) {
                m_db.setError(StoreErrorKind::CryptoFailed,
                              QStringLiteral("action %1 does not decrypt with this key").arg(r.id));
                return {};
            }
            r.note = *plain;
        }
        r.at = q.value(4).toString();
        list << r;
    }
    return list;
}

} // namespace triad::store
