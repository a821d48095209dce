#include "episoderepository.h"

#include "rowseal.h"

#include "schema.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace triad::store {

namespace {
const QString kEpisodeColumns = QStringLiteral(
    "id, patient_id, physio_id, condition, goals, instrument_set, start_date, end_date, "
    "created_at");

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}
} // namespace

std::optional<Episode> EpisodeRepository::create(Episode e)
{
    if (!conditionCategories().contains(e.condition) || !e.startDate.isValid() ||
        e.endDate.isValid()) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("an episode needs a start date and a condition among: %1")
                          .arg(conditionCategories().join(QLatin1String(", "))));
        return std::nullopt;
    }
    if (e.id.isEmpty())
        e.id = newUuid();
    e.createdAt = nowUtc();
    QByteArray sealedGoals;
    if (!e.goals.isEmpty()) {
        sealedGoals =
            m_cipher.encrypt(e.goals, QStringLiteral("episode"), QStringLiteral("goals"), e.id);
        if (sealedGoals.isEmpty()) {
            m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("encrypting goals"));
            return std::nullopt;
        }
    }
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO episode (%1) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                        "NULL, ?)")
                             .arg(kEpisodeColumns)))
        return std::nullopt;
    q.addBindValue(e.id);
    q.addBindValue(e.patientId);
    q.addBindValue(e.physioId);
    q.addBindValue(e.condition);
    q.addBindValue(sealedGoals.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                         : QVariant(sealedGoals));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(e.instrumentSet).toJson(QJsonDocument::Compact)));
    q.addBindValue(e.startDate.toString(Qt::ISODate));
    q.addBindValue(e.createdAt);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("episode"), e.id, {},
                        e.condition.toUtf8() + sealedGoals) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return e;
}

QVector<Episode> EpisodeRepository::select(const QString &where, const QVariantList &values)
{
    QVector<Episode> episodes;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT %1 FROM episode %2 ORDER BY start_date, id")
                             .arg(kEpisodeColumns, where)))
        return episodes;
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!m_db.exec(q))
        return episodes;
    while (q.next()) {
        Episode e;
        e.id = q.value(0).toString();
        e.patientId = q.value(1).toString();
        e.physioId = q.value(2).toString();
        e.condition = q.value(3).toString();
        const QByteArray goals = q.value(4).toByteArray();
        if (!goals.isEmpty()) {
            const auto plain =
                m_cipher.decrypt(goals, QStringLiteral("episode"), QStringLiteral("goals"), e.id);
            if (!plain) {
                m_db.setError(
                    StoreErrorKind::CryptoFailed,
                    QStringLiteral("episode %1 does not decrypt with this key").arg(e.id));
                return {};
            }
            e.goals = *plain;
        }
        e.instrumentSet = QJsonDocument::fromJson(q.value(5).toByteArray()).object();
        e.startDate = QDate::fromString(q.value(6).toString(), Qt::ISODate);
        e.endDate = QDate::fromString(q.value(7).toString(), Qt::ISODate);
        e.createdAt = q.value(8).toString();
        episodes << e;
    }
    return episodes;
}

std::optional<Episode> EpisodeRepository::get(const QString &id)
{
    if (!rowseal::checkOnRead(m_db, QStringLiteral("episode"), id))
        return std::nullopt;
    const QVector<Episode> found = select(QStringLiteral("WHERE id = ?"), {id});
    if (found.isEmpty()) {
        if (!m_db.lastError().isError())
            m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such episode"));
        return std::nullopt;
    }
    return found.first();
}

QVector<Episode> EpisodeRepository::forPatient(const QString &patientId)
{
    return select(QStringLiteral("WHERE patient_id = ?"), {patientId});
}

QVector<Episode> EpisodeRepository::all()
{
    return select(QString(), {});
}

QVector<Episode> EpisodeRepository::forPhysio(const QString &physioId, bool openOnly)
{
    return select(QStringLiteral("WHERE physio_id = ? AND (end_date IS NULL OR ? = 0)"),
                  {physioId, openOnly ? 1 : 0});
}

bool EpisodeRepository::updateGoals(const QString &episodeId, const QString &goals)
{
    const auto episode = get(episodeId);
    return episode && update(episodeId, episode->condition, goals);
}

bool EpisodeRepository::update(const QString &episodeId, const QString &condition,
                               const QString &goals)
{
    if (!conditionCategories().contains(condition)) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("unknown condition category"));
        return false;
    }
    QByteArray sealed;
    if (!goals.isEmpty()) {
        sealed =
            m_cipher.encrypt(goals, QStringLiteral("episode"), QStringLiteral("goals"), episodeId);
        if (sealed.isEmpty()) {
            m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("encrypting goals"));
            return false;
        }
    }
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q,
                      QStringLiteral("UPDATE episode SET condition = ?, goals = ? WHERE id = ?")))
        return false;
    q.addBindValue(condition);
    q.addBindValue(sealed.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                    : QVariant(sealed));
    q.addBindValue(episodeId);
    if (!m_db.exec(q))
        return false;
    if (q.numRowsAffected() != 1) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such episode"));
        return false;
    }
    if (!m_audit.append(QStringLiteral("update"), QStringLiteral("episode"), episodeId, {},
                        condition.toUtf8() + '\n' + sealed) ||
        !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

bool EpisodeRepository::close(const QString &episodeId, const QDate &endDate)
{
    const auto episode = get(episodeId);
    if (!episode)
        return false;
    if (!endDate.isValid() || endDate < episode->startDate || !episode->isOpen()) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("an open episode closes on or after its start date"));
        return false;
    }
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE episode SET end_date = ? WHERE id = ?")))
        return false;
    q.addBindValue(dateOrNull(endDate));
    q.addBindValue(episodeId);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("close"), QStringLiteral("episode"), episodeId, {},
                        endDate.toString(Qt::ISODate).toUtf8()) ||
        !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

std::optional<Session> SessionRepository::create(const QString &episodeId, const QString &physioId,
                                                 const QDate &date, const QString &setting,
                                                 const QString &id)
{
    const QString where = setting.isEmpty() ? QStringLiteral("clinic") : setting;
    if (!date.isValid() || !sessionSettings().contains(where)) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("a session needs a date and a setting among: %1")
                          .arg(sessionSettings().join(QLatin1String(", "))));
        return std::nullopt;
    }
    Session s{id.isEmpty() ? newUuid() : id, episodeId, physioId, date, where, nowUtc()};
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO session (id, episode_id, physio_id, "
                                        "session_date, created_at, setting) "
                                        "VALUES (?, ?, ?, ?, ?, ?)")))
        return std::nullopt;
    q.addBindValue(s.id);
    q.addBindValue(episodeId);
    q.addBindValue(physioId);
    q.addBindValue(date.toString(Qt::ISODate));
    q.addBindValue(s.createdAt);
    q.addBindValue(s.setting);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("session"), s.id, {},
                        (episodeId + date.toString(Qt::ISODate)).toUtf8()) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return s;
}

namespace {
Session readSession(const QSqlQuery &q)
{
    Session s;
    s.id = q.value(0).toString();
    s.episodeId = q.value(1).toString();
    s.physioId = q.value(2).toString();
    s.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    s.setting = q.value(4).toString();
    s.createdAt = q.value(5).toString();
    return s;
}
const QString kSessionSelect = QStringLiteral(
    "SELECT id, episode_id, physio_id, session_date, setting, created_at FROM session ");
} // namespace

std::optional<Session> SessionRepository::get(const QString &id)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, kSessionSelect + QStringLiteral("WHERE id = ?")))
        return std::nullopt;
    q.addBindValue(id);
    if (!m_db.exec(q))
        return std::nullopt;
    if (!q.next()) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such session"));
        return std::nullopt;
    }
    return readSession(q);
}

QVector<Session> SessionRepository::forEpisode(const QString &episodeId)
{
    return select(QStringLiteral("WHERE episode_id = ? "), episodeId);
}

QVector<Session> SessionRepository::recordedForEpisode(const QString &episodeId)
{
    return select(
        QStringLiteral("WHERE episode_id = ? AND ("
                       " EXISTS (SELECT 1 FROM response r WHERE r.session_id = session.id)"
                       " OR EXISTS (SELECT 1 FROM round_skip k"
                       "  WHERE k.session_id = session.id)) "),
        episodeId);
}

std::optional<SessionRepository::RoundProgress>
SessionRepository::roundProgress(const QString &episodeId)
{
    // The same sessions, in the same order, as recordedForEpisode; a draft is not done.
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(
            q, QStringLiteral(
                   "WITH recorded AS (SELECT id, session_date, created_at FROM session"
                   " WHERE episode_id = ? AND ("
                   "  EXISTS (SELECT 1 FROM response r WHERE r.session_id = session.id)"
                   "  OR EXISTS (SELECT 1 FROM round_skip k WHERE k.session_id = session.id))),"
                   " last AS (SELECT id FROM recorded"
                   "  ORDER BY session_date DESC, created_at DESC, id DESC LIMIT 1) "
                   "SELECT (SELECT count(*) FROM recorded),"
                   " (SELECT count(*) FROM ("
                   "  SELECT respondent FROM response"
                   "  WHERE session_id = (SELECT id FROM last) AND status <> 'draft'"
                   "  UNION SELECT respondent FROM round_skip"
                   "  WHERE session_id = (SELECT id FROM last)))")))
        return std::nullopt;
    q.addBindValue(episodeId);
    if (!m_db.exec(q) || !q.next())
        return std::nullopt;
    return RoundProgress{q.value(0).toInt(), q.value(1).toInt()};
}

QVector<Session> SessionRepository::select(const QString &where, const QString &episodeId)
{
    QVector<Session> sessions;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, kSessionSelect + where +
                             QStringLiteral("ORDER BY session_date, created_at, id")))
        return sessions;
    q.addBindValue(episodeId);
    if (!m_db.exec(q))
        return sessions;
    while (q.next())
        sessions << readSession(q);
    return sessions;
}

} // namespace triad::store
