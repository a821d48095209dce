#include "roundskiprepository.h"

#include "schema.h"

#include <QSqlQuery>

namespace triad::store {

namespace {

// One row of `SELECT k.id, k.session_id, k.respondent, k.reason, k.created_at`.
RoundSkip readSkip(const QSqlQuery &q)
{
    RoundSkip s;
    s.id = q.value(0).toString();
    s.sessionId = q.value(1).toString();
    s.respondent = respondentFromId(q.value(2).toString()).value_or(Respondent::Child);
    s.reason = q.value(3).toString();
    s.createdAt = q.value(4).toString();
    return s;
}

// 1 when the query finds a row, 0 when not, -1 on failure (lastError set).
int exists(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, sql))
        return -1;
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!db.exec(q))
        return -1;
    return q.next() ? 1 : 0;
}

} // namespace

std::optional<RoundSkip> insertRoundSkip(Database &db, AuditLog &audit, const QString &sessionId,
                                         Respondent respondent, const QString &reason)
{
    if (!skipReasons().contains(reason)) {
        db.setError(StoreErrorKind::Invalid, QStringLiteral("skip reason must be one of: %1")
                                                 .arg(skipReasons().join(QLatin1String(", "))));
        return std::nullopt;
    }
    const QString who = respondentId(respondent);
    const int session =
        exists(db, QStringLiteral("SELECT 1 FROM session WHERE id = ?"), {sessionId});
    if (session < 0)
        return std::nullopt;
    if (session == 0) {
        db.setError(StoreErrorKind::NotFound, QStringLiteral("no such session"));
        return std::nullopt;
    }
    const int skipped = exists(
        db, QStringLiteral("SELECT 1 FROM round_skip WHERE session_id = ? AND respondent = ?"),
        {sessionId, who});
    if (skipped < 0)
        return std::nullopt;
    if (skipped == 1) {
        db.setError(StoreErrorKind::Invalid,
                    QStringLiteral("the %1 was already skipped in this session").arg(who));
        return std::nullopt;
    }
    const int answered = exists(db,
                                QStringLiteral("SELECT 1 FROM response WHERE session_id = ? AND "
                                               "respondent = ? AND status = 'complete'"),
                                {sessionId, who});
    if (answered < 0)
        return std::nullopt;
    if (answered == 1) {
        db.setError(StoreErrorKind::Invalid,
                    QStringLiteral("the %1 already answered in this session").arg(who));
        return std::nullopt;
    }

    RoundSkip s{newUuid(), sessionId, respondent, reason, nowUtc()};
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("INSERT INTO round_skip (id, session_id, respondent, reason, "
                                      "created_at) VALUES (?, ?, ?, ?, ?)")))
        return std::nullopt;
    q.addBindValue(s.id);
    q.addBindValue(s.sessionId);
    q.addBindValue(who);
    q.addBindValue(s.reason);
    q.addBindValue(s.createdAt);
    // The audit digest covers who and why; the row id ties the entry to the skip.
    if (!db.exec(q) || !audit.append(QStringLiteral("skip"), QStringLiteral("round_skip"), s.id, {},
                                     (who + u':' + reason).toUtf8()))
        return std::nullopt;
    return s;
}

std::optional<RoundSkip> RoundSkipRepository::skip(const QString &sessionId, Respondent respondent,
                                                   const QString &reason)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    const auto stored = insertRoundSkip(m_db, m_audit, sessionId, respondent, reason);
    if (!stored || !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return stored;
}

QVector<RoundSkip> RoundSkipRepository::forSession(const QString &sessionId)
{
    return select(QStringLiteral("k.session_id = ?"), sessionId);
}

QVector<RoundSkip> RoundSkipRepository::forEpisode(const QString &episodeId)
{
    return select(QStringLiteral("s.episode_id = ?"), episodeId);
}

QVector<RoundSkip> RoundSkipRepository::select(const QString &where, const QString &value)
{
    QVector<RoundSkip> list;
    QSqlQuery q = m_db.query();
    // `where` is one of the two fixed conditions above, never input. Within a session, rowid
    // is the order the skips were recorded in (created_at can tie within a millisecond).
    if (!m_db.prepare(q, QStringLiteral("SELECT k.id, k.session_id, k.respondent, k.reason, "
                                        "k.created_at FROM round_skip k JOIN session s "
                                        "ON s.id = k.session_id WHERE %1 "
                                        "ORDER BY s.session_date, s.created_at, k.rowid")
                             .arg(where)))
        return list;
    q.addBindValue(value);
    if (!m_db.exec(q))
        return list;
    while (q.next())
        list << readSkip(q);
    return list;
}

} // namespace triad::store
