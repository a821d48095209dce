// Writing responses: drafts, completion, declines. Reading is in responsequeries.cpp.
#include "responserepository.h"

#include "schema.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace triad::store {

QString responseStatusId(ResponseStatus status)
{
    switch (status) {
    case ResponseStatus::Draft:
        return QStringLiteral("draft");
    case ResponseStatus::Complete:
        return QStringLiteral("complete");
    case ResponseStatus::Declined:
        return QStringLiteral("declined");
    }
    return {};
}

std::optional<ResponseRecord>
ResponseRepository::startDraft(const QString &sessionId, Respondent respondent,
                               const Instrument &instrument, const QString &language,
                               const QString &guardianId, const QString &supersedes)
{
    if (instrument.respondent != respondent || !instrument.languages.contains(language)) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("%1 is not a %2 form in \"%3\"")
                          .arg(instrument.id, respondentId(respondent), language));
        return std::nullopt;
    }
    ResponseRecord r;
    r.id = newUuid();
    r.sessionId = sessionId;
    r.respondent = respondent;
    r.guardianId = guardianId;
    r.staffId = m_audit.staffId();
    r.instrumentId = instrument.id;
    r.instrumentVersion = instrument.version;
    r.language = language;
    r.supersedes = supersedes;
    r.startedAt = r.updatedAt = nowUtc();

    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    if (!supersedes.isEmpty()) {
        const auto old = record(supersedes);
        if (!old)
            return std::nullopt;
        if (old->status != ResponseStatus::Complete || old->instrumentId != instrument.id ||
            old->respondent != respondent) {
            m_db.setError(StoreErrorKind::Invalid,
                          QStringLiteral("a correction replaces a complete response of the same "
                                         "form and respondent"));
            return std::nullopt;
        }
    }
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(
            q, QStringLiteral("INSERT INTO response (id, session_id, respondent, guardian_id, "
                              "staff_id, instrument_id, instrument_version, language, status, "
                              "supersedes, started_at, updated_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)")))
        return std::nullopt;
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    q.addBindValue(r.id);
    q.addBindValue(sessionId);
    q.addBindValue(respondentId(respondent));
    q.addBindValue(orNull(guardianId));
    q.addBindValue(orNull(r.staffId));
    q.addBindValue(r.instrumentId);
    q.addBindValue(r.instrumentVersion);
    q.addBindValue(language);
    q.addBindValue(orNull(supersedes));
    q.addBindValue(r.startedAt);
    q.addBindValue(r.updatedAt);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("response"), r.id, {},
                        (instrument.id + instrument.version).toUtf8()) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return r;
}

bool ResponseRepository::requireDraft(const QString &responseId, ResponseRecord *out)
{
    const auto r = record(responseId);
    if (!r)
        return false;
    if (r->status != ResponseStatus::Draft) {
        m_db.setError(
            StoreErrorKind::Immutable,
            QStringLiteral("response %1 is %2").arg(responseId, responseStatusId(r->status)));
        return false;
    }
    if (out)
        *out = *r;
    return true;
}

bool ResponseRepository::upsertAnswer(const QString &responseId, const Instrument &instrument,
                                      const QString &itemId, const QVariant &value,
                                      QSqlQuery *prepared)
{
    const QString problem = Answers::problemWith(instrument, itemId, value);
    if (!problem.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("answers.%1: %2").arg(itemId, problem));
        return false;
    }
    const ResponseFormat *format = instrument.format(instrument.item(itemId)->formatId);
    QString kind;
    QVariant number;
    QVariant text{QMetaType(QMetaType::QByteArray)}; // braces: clang reads () as a function
    switch (format->kind) {
    case FormatKind::Likert:
    case FormatKind::Faces:
        kind = QStringLiteral("int");
        number = int(value.toDouble());
        break;
    case FormatKind::Slider:
        kind = QStringLiteral("real");
        number = value.toDouble();
        break;
    case FormatKind::YesNo:
        kind = QStringLiteral("bool");
        number = value.toBool() ? 1 : 0;
        break;
    case FormatKind::FreeText: {
        // A child's own words are personal data: encrypted like a name.
        kind = QStringLiteral("text");
        const QByteArray sealed =
            m_cipher.encrypt(value.toString(), QStringLiteral("answer"),
                             QStringLiteral("value_text"), responseId + QLatin1Char('/') + itemId);
        if (sealed.isEmpty()) {
            m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("encrypting an answer"));
            return false;
        }
        number = QVariant(QMetaType(QMetaType::Double));
        text = sealed;
        break;
    }
    }
    QSqlQuery own;
    QSqlQuery &q = prepared ? *prepared : own;
    if (!prepared && !prepareUpsertAnswer(q))
        return false;
    const QVariantList values{responseId, itemId, kind, number, text, nowUtc()};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return m_db.exec(q);
}

bool ResponseRepository::prepareUpsertAnswer(QSqlQuery &q)
{
    q = m_db.query();
    return m_db.prepare(
        q, QStringLiteral(
               "INSERT INTO answer (response_id, item_id, value_kind, value_num, value_text, "
               "answered_at) VALUES (?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (response_id, item_id) DO UPDATE SET "
               "answered_at = CASE WHEN answer.value_kind = excluded.value_kind AND "
               "answer.value_num IS excluded.value_num AND answer.value_text IS "
               "excluded.value_text THEN answer.answered_at ELSE excluded.answered_at END, "
               "value_kind = excluded.value_kind, value_num = excluded.value_num, "
               "value_text = excluded.value_text"));
}

namespace {
bool touch(Database &db, const QString &responseId)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("UPDATE response SET updated_at = ? WHERE id = ?")))
        return false;
    q.addBindValue(nowUtc());
    q.addBindValue(responseId);
    return db.exec(q);
}
} // namespace

bool ResponseRepository::saveAnswer(const QString &responseId, const Instrument &instrument,
                                    const QString &itemId, const QVariant &value)
{
    // Saved at every tap: committed before this returns (a killed app keeps it), fsynced by
    // a worker thread right after, so the tap's next frame never waits for the disk.
    Transaction tx(m_db, Database::Sync::Background);
    ResponseRecord r;
    if (!tx.begin() || !requireDraft(responseId, &r))
        return false;
    if (r.instrumentId != instrument.id) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("answer for another instrument"));
        return false;
    }
    return upsertAnswer(responseId, instrument, itemId, value) && touch(m_db, responseId) &&
           tx.commit();
}

bool ResponseRepository::clearAnswer(const QString &responseId, const QString &itemId)
{
    Transaction tx(m_db, Database::Sync::Background); // as saveAnswer
    if (!tx.begin() || !requireDraft(responseId, nullptr))
        return false;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q,
                      QStringLiteral("DELETE FROM answer WHERE response_id = ? AND item_id = ?")))
        return false;
    q.addBindValue(responseId);
    q.addBindValue(itemId);
    return m_db.exec(q) && touch(m_db, responseId) && tx.commit();
}

bool ResponseRepository::insertScores(const QString &responseId, const ScoreSet &scores)
{
    QVector<QPair<QString, Score>> rows{{QStringLiteral("total"), scores.total}};
    for (const Score &s : scores.subscales)
        rows.append({QStringLiteral("subscale"), s});
    for (const Score &s : scores.constructs)
        rows.append({QStringLiteral("construct"), s});
    // The core is stored as construct rows "core", "core-goal"...: no schema step is needed,
    // and a 1.x form (no core items) stores exactly the rows it always did.
    if (scores.hasCore()) {
        rows.append({QStringLiteral("construct"), scores.core});
        for (const Score &s : scores.coreConstructs)
            rows.append({QStringLiteral("construct"), s});
    }
    // One statement for every row (SQLite parsing it again per row was a good part of a
    // completion's CPU time).
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO score (response_id, kind, score_id, "
                                        "scorable, reason, raw, min_possible, max_possible, "
                                        "normalised, item_count, answered, prorated) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return false;
    for (const auto &[kind, s] : rows) {
        const QVariantList values{responseId,
                                  kind,
                                  s.id,
                                  s.scorable ? 1 : 0,
                                  s.reason.isEmpty() ? QVariant() : QVariant(s.reason),
                                  s.raw,
                                  s.minPossible,
                                  s.maxPossible,
                                  s.normalised,
                                  s.itemCount,
                                  s.answered,
                                  s.prorated ? 1 : 0};
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!m_db.exec(q))
            return false;
    }
    return true;
}

std::optional<ScoreSet> ResponseRepository::complete(const QString &responseId,
                                                     const Instrument &instrument,
                                                     const Answers &answers)
{
    for (const QString &itemId : answers.itemIds()) {
        const QString problem = Answers::problemWith(instrument, itemId, answers.value(itemId));
        if (!problem.isEmpty()) {
            m_db.setError(StoreErrorKind::Invalid,
                          QStringLiteral("answers.%1: %2").arg(itemId, problem));
            return std::nullopt;
        }
    }
    Transaction tx(m_db);
    ResponseRecord r;
    if (!tx.begin() || !requireDraft(responseId, &r))
        return std::nullopt;
    if (r.instrumentId != instrument.id || r.instrumentVersion != instrument.version) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("response was started with %1 %2")
                                                   .arg(r.instrumentId, r.instrumentVersion));
        return std::nullopt;
    }
    // Drafted answers the respondent took back are removed; the rest are upserted.
    const auto drafted = loadAnswers(responseId);
    if (!drafted)
        return std::nullopt;
    for (const QString &itemId : drafted->itemIds()) {
        if (answers.has(itemId))
            continue;
        QSqlQuery q = m_db.query();
        if (!m_db.prepare(q, QStringLiteral("DELETE FROM answer WHERE response_id = ? AND "
                                            "item_id = ?")))
            return std::nullopt;
        q.addBindValue(responseId);
        q.addBindValue(itemId);
        if (!m_db.exec(q))
            return std::nullopt;
    }
    QSqlQuery upsert; // one statement for every answer
    if (!prepareUpsertAnswer(upsert))
        return std::nullopt;
    for (const QString &itemId : answers.itemIds())
        if (!upsertAnswer(responseId, instrument, itemId, answers.value(itemId), &upsert))
            return std::nullopt;
    const ScoreSet scores = triad::score(instrument, answers);
    if (!insertScores(responseId, scores))
        return std::nullopt;
    const QString now = nowUtc();
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE response SET status = 'complete', "
                                        "completed_at = ?, updated_at = ? WHERE id = ?")))
        return std::nullopt;
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(responseId);
    const QByteArray digestInput =
        QJsonDocument(QJsonObject{{QStringLiteral("answers"), answers.toJson()},
                                  {QStringLiteral("scores"), scores.toJson()}})
            .toJson(QJsonDocument::Compact);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("complete"), QStringLiteral("response"), responseId, {},
                        digestInput) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return scores;
}

bool ResponseRepository::decline(const QString &responseId, const QString &reason)
{
    Transaction tx(m_db);
    if (!tx.begin() || !declineDraft(responseId, reason, nullptr) || !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

std::optional<RoundSkip> ResponseRepository::declineAsSkip(const QString &responseId,
                                                           const QString &declineReason,
                                                           const QString &skipReason)
{
    Transaction tx(m_db);
    ResponseRecord r;
    if (!tx.begin() || !declineDraft(responseId, declineReason, &r))
        return std::nullopt;
    const auto skip = insertRoundSkip(m_db, m_audit, r.sessionId, r.respondent, skipReason);
    if (!skip || !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return skip;
}

bool ResponseRepository::declineDraft(const QString &responseId, const QString &reason,
                                      ResponseRecord *out)
{
    if (!declineReasons().contains(reason)) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("decline reason must be one of: %1")
                          .arg(declineReasons().join(QLatin1String(", "))));
        return false;
    }
    if (!requireDraft(responseId, out))
        return false;
    // Answers given before declining are not kept: the respondent chose not to take part.
    QSqlQuery del = m_db.query();
    if (!m_db.prepare(del, QStringLiteral("DELETE FROM answer WHERE response_id = ?")))
        return false;
    del.addBindValue(responseId);
    if (!m_db.exec(del))
        return false;
    const QString now = nowUtc();
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE response SET status = 'declined', "
                                        "decline_reason = ?, completed_at = ?, updated_at = ? "
                                        "WHERE id = ?")))
        return false;
    q.addBindValue(reason);
    q.addBindValue(now);
    q.addBindValue(now);
    q.addBindValue(responseId);
    return m_db.exec(q) && m_audit.append(QStringLiteral("decline"), QStringLiteral("response"),
                                          responseId, {}, reason.toUtf8());
}

} // namespace triad::store
