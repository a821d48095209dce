// Reading responses back: records, answers, scores, episode histories and drafts to resume.
#include "responserepository.h"

#include "rowseal.h"

#include <QSqlError>
#include <QSqlQuery>

namespace triad::store {

namespace {
const QString kRecordColumns = QStringLiteral(
    "r.id, r.session_id, r.respondent, r.guardian_id, r.staff_id, r.instrument_id, "
    "r.instrument_version, r.language, r.status, r.decline_reason, r.supersedes, r.started_at, "
    "r.updated_at, r.completed_at, s.session_date");
const QString kScoreColumns = QStringLiteral(
    "sc.response_id, sc.kind, sc.score_id, sc.scorable, sc.reason, sc.raw, sc.min_possible, "
    "sc.max_possible, sc.normalised, sc.item_count, sc.answered, sc.prorated");

ResponseStatus statusFromId(const QString &id)
{
    if (id == QLatin1String("complete"))
        return ResponseStatus::Complete;
    if (id == QLatin1String("declined"))
        return ResponseStatus::Declined;
    return ResponseStatus::Draft;
}

ResponseRecord readRecord(const QSqlQuery &q)
{
    ResponseRecord r;
    r.id = q.value(0).toString();
    r.sessionId = q.value(1).toString();
    r.respondent = respondentFromId(q.value(2).toString()).value_or(Respondent::Child);
    r.guardianId = q.value(3).toString();
    r.staffId = q.value(4).toString();
    r.instrumentId = q.value(5).toString();
    r.instrumentVersion = q.value(6).toString();
    r.language = q.value(7).toString();
    r.status = statusFromId(q.value(8).toString());
    r.declineReason = q.value(9).toString();
    r.supersedes = q.value(10).toString();
    r.startedAt = q.value(11).toString();
    r.updatedAt = q.value(12).toString();
    r.completedAt = q.value(13).toString();
    return r;
}
} // namespace

std::optional<ResponseRecord> ResponseRepository::record(const QString &responseId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT %1 FROM response r JOIN session s ON "
                                        "s.id = r.session_id WHERE r.id = ?")
                             .arg(kRecordColumns)))
        return std::nullopt;
    q.addBindValue(responseId);
    if (!m_db.exec(q))
        return std::nullopt;
    if (!q.next()) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such response"));
        return std::nullopt;
    }
    return readRecord(q);
}

std::optional<Answers> ResponseRepository::loadAnswers(const QString &responseId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT response_id, item_id, value_kind, value_num, "
                                        "value_text FROM answer WHERE response_id = ?")))
        return std::nullopt;
    q.addBindValue(responseId);
    if (!m_db.exec(q))
        return std::nullopt;
    Answers answers;
    while (q.next())
        if (!addAnswer(q, answers))
            return std::nullopt;
    return answers;
}

bool ResponseRepository::addAnswer(const QSqlQuery &q, Answers &answers)
{
    const QString responseId = q.value(0).toString();
    const QString itemId = q.value(1).toString();
    const QString kind = q.value(2).toString();
    if (kind == QLatin1String("int")) {
        answers.set(itemId, q.value(3).toInt());
    } else if (kind == QLatin1String("real")) {
        answers.set(itemId, q.value(3).toDouble());
    } else if (kind == QLatin1String("bool")) {
        answers.set(itemId, q.value(3).toInt() != 0);
    } else {
        const auto text =
            m_cipher.decrypt(q.value(4).toByteArray(), QStringLiteral("answer"),
                             QStringLiteral("value_text"), responseId + QLatin1Char('/') + itemId);
        if (!text) {
            m_db.setError(StoreErrorKind::CryptoFailed,
                          QStringLiteral("an answer of %1 does not decrypt").arg(responseId));
            return false;
        }
        answers.set(itemId, *text);
    }
    return true;
}

std::optional<ScoreSet> ResponseRepository::loadScores(const ResponseRecord &record)
{
    ScoreSet set;
    set.instrumentId = record.instrumentId;
    set.instrumentVersion = record.instrumentVersion;
    QSqlQuery q = m_db.query();
    // rowid keeps the instrument's subscale order as inserted.
    if (!m_db.prepare(q, QStringLiteral("SELECT %1 FROM score sc WHERE sc.response_id = ? "
                                        "ORDER BY sc.rowid")
                             .arg(kScoreColumns)))
        return std::nullopt;
    q.addBindValue(record.id);
    if (!m_db.exec(q))
        return std::nullopt;
    while (q.next())
        addScore(q, set);
    return set;
}

void ResponseRepository::addScore(const QSqlQuery &q, ScoreSet &set)
{
    Score s;
    s.id = q.value(2).toString();
    s.scorable = q.value(3).toInt() == 1;
    s.reason = q.value(4).toString();
    s.raw = q.value(5).toDouble();
    s.minPossible = q.value(6).toDouble();
    s.maxPossible = q.value(7).toDouble();
    s.normalised = q.value(8).toDouble();
    s.itemCount = q.value(9).toInt();
    s.answered = q.value(10).toInt();
    s.prorated = q.value(11).toInt() == 1;
    const QString kind = q.value(1).toString();
    if (kind == QLatin1String("total"))
        set.total = s;
    else if (kind == QLatin1String("subscale"))
        set.subscales << s;
    else if (s.id == QLatin1String("core"))
        set.core = s;
    else if (s.id.startsWith(QLatin1String("core-")))
        set.coreConstructs << s;
    else
        set.constructs << s;
}

std::optional<StoredResponse> ResponseRepository::get(const QString &responseId)
{
    const auto r = record(responseId);
    if (!r)
        return std::nullopt;
    if (!rowseal::checkOnRead(m_db, QStringLiteral("response"), responseId))
        return std::nullopt;
    const QVector<StoredResponse> found =
        selectStored(QStringLiteral("r.id = ?"), {responseId}, true);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QVector<StoredResponse> ResponseRepository::selectStored(const QString &where,
                                                         const QVariantList &values,
                                                         bool includeSuperseded)
{
    // Three statements whatever the number of responses (issue 12: an episode of 50 sessions
    // cost 300 more prepared statements, most of its opening time): the records, then every
    // answer and every score of the same responses, matched to their record by id.
    const QString notSuperseded = includeSuperseded
                                      ? QString()
                                      : QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM "
                                                       "response c WHERE c.supersedes = r.id "
                                                       "AND c.status = 'complete')");
    const QString from = QStringLiteral("response r JOIN session s ON s.id = r.session_id "
                                        "WHERE (%1)%2")
                             .arg(where, notSuperseded);
    const auto run = [&](QSqlQuery &q, const QString &sql) {
        if (!m_db.prepare(q, sql))
            return false;
        for (const QVariant &v : values)
            q.addBindValue(v);
        return m_db.exec(q);
    };

    QVector<StoredResponse> list;
    QHash<QString, qsizetype> indexOf;
    {
        QSqlQuery q = m_db.query();
        q.setForwardOnly(true);
        if (!run(q, QStringLiteral("SELECT %1 FROM %2 ORDER BY s.session_date, s.created_at, "
                                   "r.started_at, r.id")
                        .arg(kRecordColumns, from)))
            return {};
        while (q.next()) {
            StoredResponse stored{
                readRecord(q), QDate::fromString(q.value(14).toString(), Qt::ISODate), {}, {}};
            indexOf.insert(stored.record.id, list.size());
            list << stored;
        }
    }
    if (list.isEmpty())
        return list;
    {
        QSqlQuery q = m_db.query();
        q.setForwardOnly(true);
        if (!run(q, QStringLiteral("SELECT a.response_id, a.item_id, a.value_kind, a.value_num, "
                                   "a.value_text FROM answer a JOIN %1 AND r.id = a.response_id")
                        .arg(from)))
            return {};
        while (q.next()) {
            const qsizetype i = indexOf.value(q.value(0).toString(), -1);
            if (i < 0)
                continue;
            if (!addAnswer(q, list[i].answers))
                return {};
        }
    }
    for (StoredResponse &stored : list) {
        if (stored.record.status != ResponseStatus::Complete)
            continue;
        stored.scores.instrumentId = stored.record.instrumentId;
        stored.scores.instrumentVersion = stored.record.instrumentVersion;
    }
    {
        QSqlQuery q = m_db.query();
        q.setForwardOnly(true);
        // rowid keeps each instrument's subscale order as inserted.
        if (!run(q, QStringLiteral("SELECT %1 FROM score sc JOIN %2 AND r.id = sc.response_id "
                                   "AND r.status = 'complete' ORDER BY sc.rowid")
                        .arg(kScoreColumns, from)))
            return {};
        while (q.next()) {
            const qsizetype i = indexOf.value(q.value(0).toString(), -1);
            if (i >= 0)
                addScore(q, list[i].scores);
        }
    }
    return list;
}

QVector<StoredResponse> ResponseRepository::forEpisode(const QString &episodeId,
                                                       bool includeSuperseded)
{
    return selectStored(QStringLiteral("s.episode_id = ? AND r.status <> 'draft'"), {episodeId},
                        includeSuperseded);
}

QVector<StoredResponse> ResponseRepository::forSession(const QString &sessionId)
{
    return selectStored(QStringLiteral("r.session_id = ?"), {sessionId}, true);
}

int ResponseRepository::resumeIndex(const Instrument &instrument, const Answers &answers)
{
    for (int i = 0; i < instrument.items.size(); ++i)
        if (!answers.has(instrument.items.at(i).id))
            return i;
    return int(instrument.items.size());
}

QVector<ResumePoint> ResponseRepository::unfinishedDrafts(
    const std::function<const Instrument *(const QString &)> &lookup, const QString &sessionId)
{
    QVector<ResumePoint> points;
    const QVector<StoredResponse> drafts =
        sessionId.isEmpty()
            ? selectStored(QStringLiteral("r.status = 'draft'"), {}, true)
            : selectStored(QStringLiteral("r.status = 'draft' AND r.session_id = ?"), {sessionId},
                           true);
    for (const StoredResponse &draft : drafts) {
        ResumePoint point{draft.record, draft.answers, {}, 0};
        if (const Instrument *instrument = lookup ? lookup(draft.record.instrumentId) : nullptr) {
            point.itemIndex = resumeIndex(*instrument, draft.answers);
            if (point.itemIndex < instrument->items.size())
                point.itemId = instrument->items.at(point.itemIndex).id;
        }
        points << point;
    }
    return points;
}

} // namespace triad::store
