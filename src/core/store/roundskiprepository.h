#pragma once
// Respondents skipped in an end-of-session round, with the reason (schema v3, round_skip).
// A skip is not a response: it needs no instrument, so a child whose age fits no form and a
// parent who was not there are recorded the same way as anyone else who did not answer.
//
// Rows are immutable (SQLite triggers, schema.cpp) and leave only with their patient's
// erasure. Each skip is written with its audit entry in one transaction.
//
// A respondent who started a form and then stopped keeps a declined response as well:
// ResponseRepository::declineAsSkip() declines the draft and records the skip together.

#include "auditlog.h"
#include "database.h"

#include "core/instrument/instrument.h"

#include <optional>
#include <QVector>

namespace triad::store {

struct RoundSkip
{
    QString id; // uuid
    QString sessionId;
    Respondent respondent = Respondent::Child;
    QString reason;    // one of skipReasons()
    QString createdAt; // ISO 8601 UTC
};

class RoundSkipRepository
{
public:
    RoundSkipRepository(Database &db, AuditLog &audit)
        : m_db(db)
        , m_audit(audit)
    {}

    // Records that `respondent` did not answer in this session, and why. Invalid for an
    // unknown reason, a second skip of the same respondent, or a respondent who already has
    // a complete response in the session; NotFound for an unknown session.
    std::optional<RoundSkip> skip(const QString &sessionId, Respondent respondent,
                                  const QString &reason);

    // Oldest first (creation order) within the session.
    QVector<RoundSkip> forSession(const QString &sessionId);
    // Every skip of an episode, oldest session first.
    QVector<RoundSkip> forEpisode(const QString &episodeId);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    QVector<RoundSkip> select(const QString &where, const QString &value);

    Database &m_db;
    AuditLog &m_audit;
};

// Inserts a skip and its audit entry inside the caller's open transaction (checks as for
// RoundSkipRepository::skip). For repositories that record a skip with another change.
std::optional<RoundSkip> insertRoundSkip(Database &db, AuditLog &audit, const QString &sessionId,
                                         Respondent respondent, const QString &reason);

} // namespace triad::store
