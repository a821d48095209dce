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
    if (!m_db.prepare(q, QStringLiteral("SELECT item_id, value_kind, value_num, value_text FROM "
                                        "answer WHERE response_id = ?")))
        return std::nullopt;
    q.addBindValue(responseId);
    if (!m_db.exec(q))
        return std::nullopt;
    Answers answers;
    while (q.next()) {
        const QString itemId = q.value(0).toString();
        const QString kind = q.value(1).toString();
        if (kind == QLatin1String("int")) {
            answers.set(itemId, q.value(2).toInt());
        } else if (kind == QLatin1String("real")) {
            answers.set(itemId, q.value(2).toDouble());
        } else if (kind == QLatin1String("bool")) {
            answers.set(itemId, q.value(2).toInt() != 0);
        } else {
            const auto text = m_cipher.decrypt(q.value(3).toByteArray(), QStringLiteral("answer"),
                                               QStringLiteral("value_text"),
                                               responseId + QLatin1Char('/') + itemId);
            if (!text) {
                m_db.setError(StoreErrorKind::CryptoFailed,
                              QStringLiteral("an answer of %1 does not decrypt").arg(responseId));
                return std::nullopt;
            }
            answers.set(itemId, *text);
        }
    }
    return answers;
}

std::optional<ScoreSet> ResponseRepository::loadScores(const ResponseRecord &record)
{
    ScoreSet set;
    set.instrumentId = record.instrumentId;
    set.instrumentVersion = record.instrumentVersion;
    QSqlQuery q = m_db.query();
    // rowid keeps the instrument's subscale order as inserted.
    if (!m_db.prepare(q, QStringLiteral("SELECT kind, score_id, scorable, reason, raw, "
                                        "min_possible, max_possible, normalised, item_count, "
                                        "answered, prorated FROM score WHERE response_id = ? "
                                        "ORDER BY rowid")))
        return std::nullopt;
    q.addBindValue(record.id);
    if (!m_db.exec(q))
        return std::nullopt;
    while (q.next()) {
        Score s;
        s.id = q.value(1).toString();
        s.scorable = q.value(2).toInt() == 1;
        s.reason = q.value(3).toString();
        s.raw = q.value(4).toDouble();
        s.minPossible = q.value(5).toDouble();
        s.maxPossible = q.value(6).toDouble();
        s.normalised = q.value(7).toDouble();
        s.itemCount = q.value(8).toInt();
        s.answered = q.value(9).toInt();
        s.prorated = q.value(10).toInt() == 1;
        const QString kind = q.value(0).toString();
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
    return set;
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
    QVector<StoredResponse> list;
    QVector<QPair<ResponseRecord, QDate>> records;
    {
        QSqlQuery q = m_db.query();
        const QString notSuperseded = includeSuperseded
                                          ? QString()
                                          : QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM "
                                                           "response c WHERE c.supersedes = r.id "
                                                           "AND c.status = 'complete')");
        if (!m_db.prepare(q, QStringLiteral("SELECT %1 FROM response r JOIN session s ON "
                                            "s.id = r.session_id WHERE %2%3 ORDER BY "
                                            "s.session_date, s.created_at, r.started_at, r.id")
                                 .arg(kRecordColumns, where, notSuperseded)))
            return list;
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!m_db.exec(q))
            return list;
        while (q.next())
            records.append({readRecord(q), QDate::fromString(q.value(14).toString(), Qt::ISODate)});
    }
    for (const auto &[record, date] : records) {
        StoredResponse stored{record, date, {}, {}};
        const auto answers = loadAnswers(record.id);
        if (!answers)
            return {};
        stored.answers = *answers;
        if (record.status == ResponseStatus::Complete) {
            const auto scores = loadScores(record);
            if (!scores)
                return {};
            stored.scores = *scores;
        }
        list << stored;
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
