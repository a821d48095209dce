#pragma once
// Questionnaire responses: drafts saved answer by answer (each its own transaction, so a
// crash or a flat battery loses at most the tap in flight), completion as ONE transaction
// (final answers, scores, status and audit entry together), declines (with the round's skip
// row when a round stops a started form), corrections that supersede, and the drafts to
// resume.
//
// A final (complete or declined) response, its answers and its scores cannot change: SQLite
// triggers abort any UPDATE or DELETE (schema.cpp), whatever code tries.

#include "auditlog.h"
#include "database.h"
#include "roundskiprepository.h"

#include "core/crypto/fieldcipher.h"
#include "core/instrument/answers.h"
#include "core/instrument/scoring.h"

#include <functional>
#include <optional>
#include <QDate>

namespace triad::store {

enum class ResponseStatus {
    Draft,
    Complete,
    Declined
};
QString responseStatusId(ResponseStatus status);

struct ResponseRecord
{
    QString id; // uuid
    QString sessionId;
    Respondent respondent = Respondent::Child;
    QString guardianId; // the parent who answered, if known
    QString staffId;    // who handed the tablet over
    QString instrumentId;
    QString instrumentVersion;
    QString language;
    ResponseStatus status = ResponseStatus::Draft;
    QString declineReason; // one of declineReasons() when declined
    QString supersedes;    // the response this one corrects
    QString startedAt;
    QString updatedAt;
    QString completedAt;
};

struct StoredResponse
{
    ResponseRecord record;
    QDate sessionDate;
    Answers answers;
    ScoreSet scores; // empty unless complete
};

struct ResumePoint
{
    ResponseRecord record;
    Answers answers;
    QString itemId; // the first item without an answer; empty when every item has one
    int itemIndex = 0;
};

class ResponseRepository
{
public:
    ResponseRepository(Database &db, const crypto::FieldCipher &cipher, AuditLog &audit)
        : m_db(db)
        , m_cipher(cipher)
        , m_audit(audit)
    {}

    // A new draft. `supersedes`: a complete response this one will correct.
    std::optional<ResponseRecord> startDraft(const QString &sessionId, Respondent respondent,
                                             const Instrument &instrument, const QString &language,
                                             const QString &guardianId = {},
                                             const QString &supersedes = {});
    // Upserts one answer of a draft in its own transaction. Invalid (with the item and the
    // problem in the detail) for a value the item does not accept. Committed before it
    // returns; the fsync runs on a worker thread (Database::Sync::Background).
    bool saveAnswer(const QString &responseId, const Instrument &instrument, const QString &itemId,
                    const QVariant &value);
    bool clearAnswer(const QString &responseId, const QString &itemId);
    // Stores the final answers, their scores (triad::score) and an audit entry, and marks the
    // response complete: all or nothing. Returns the scores.
    std::optional<ScoreSet> complete(const QString &responseId, const Instrument &instrument,
                                     const Answers &answers);
    // The respondent did not answer; `reason` is one of declineReasons().
    bool decline(const QString &responseId, const QString &reason);
    // A round's respondent stopped after starting: declines the draft (`declineReason`, one
    // of declineReasons()) and records the round_skip row with the exact `skipReason` (one
    // of skipReasons()), in one transaction, so neither is stored without the other.
    std::optional<RoundSkip> declineAsSkip(const QString &responseId, const QString &declineReason,
                                           const QString &skipReason);

    std::optional<ResponseRecord> record(const QString &responseId);
    std::optional<StoredResponse> get(const QString &responseId);
    // Complete and declined responses of an episode, oldest session first, with answers and
    // scores. Responses corrected by a complete correction are left out unless asked for.
    QVector<StoredResponse> forEpisode(const QString &episodeId, bool includeSuperseded = false);
    QVector<StoredResponse> forSession(const QString &sessionId);
    // Drafts to resume (all, or one session's), with the item to resume at. `lookup` finds
    // an instrument by id; drafts whose instrument is unknown are returned at item 0.
    QVector<ResumePoint>
    unfinishedDrafts(const std::function<const Instrument *(const QString &)> &lookup,
                     const QString &sessionId = {});
    static int resumeIndex(const Instrument &instrument, const Answers &answers);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    // `prepared`: the statement of prepareUpsertAnswer, reused for every answer of a form.
    bool upsertAnswer(const QString &responseId, const Instrument &instrument,
                      const QString &itemId, const QVariant &value, QSqlQuery *prepared = nullptr);
    bool prepareUpsertAnswer(QSqlQuery &q);
    bool requireDraft(const QString &responseId, ResponseRecord *out);
    // Inside the caller's transaction; `out` receives the record as it was (a draft).
    bool declineDraft(const QString &responseId, const QString &reason, ResponseRecord *out);
    std::optional<Answers> loadAnswers(const QString &responseId);
    std::optional<ScoreSet> loadScores(const ResponseRecord &record);
    // One row of an answer (response_id, item_id, value_kind, value_num, value_text) or a
    // score (kScoreColumns) query; false with the error set when a text does not decrypt.
    bool addAnswer(const QSqlQuery &q, Answers &answers);
    static void addScore(const QSqlQuery &q, ScoreSet &set);
    bool insertScores(const QString &responseId, const ScoreSet &scores);
    QVector<StoredResponse> selectStored(const QString &where, const QVariantList &values,
                                         bool includeSuperseded);

    Database &m_db;
    const crypto::FieldCipher &m_cipher;
    AuditLog &m_audit;
};

} // namespace triad::store
