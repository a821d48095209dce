#pragma once
// Episodes of care (one condition, one physio, start to end) and their sessions. Goals are
// in the family's own words, so they are encrypted; condition, dates and the instrument
// set are plain (pseudonymous).

#include "auditlog.h"
#include "database.h"

#include "core/crypto/fieldcipher.h"

#include <optional>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QVector>

namespace triad::store {

struct Episode
{
    QString id;
    QString patientId;
    QString physioId;
    QString condition;         // one of conditionCategories()
    QString goals;             // the family's words
    QJsonObject instrumentSet; // e.g. {"parent": "triad-parent", "physio": "triad-physio"}
    QDate startDate;
    QDate endDate; // invalid while open
    QString createdAt;

    bool isOpen() const { return !endDate.isValid(); }
};

struct Session
{
    QString id;
    QString episodeId;
    QString physioId;
    QDate date;
    QString setting = QStringLiteral("clinic"); // one of sessionSettings()
    QString createdAt;
};

class EpisodeRepository
{
public:
    EpisodeRepository(Database &db, const crypto::FieldCipher &cipher, AuditLog &audit)
        : m_db(db)
        , m_cipher(cipher)
        , m_audit(audit)
    {}

    // createdAt is assigned, and the id unless given (an import keeps the exported one);
    // endDate must be invalid.
    std::optional<Episode> create(Episode episode);
    std::optional<Episode> get(const QString &id);
    QVector<Episode> forPatient(const QString &patientId);
    // Every episode of the clinic, in forPatient's order (start date, id), in one read.
    QVector<Episode> all();
    // A physio's caseload; openOnly leaves out closed episodes.
    QVector<Episode> forPhysio(const QString &physioId, bool openOnly = true);
    bool updateGoals(const QString &episodeId, const QString &goals);
    // Condition (one of conditionCategories()) and goals in one audited change.
    bool update(const QString &episodeId, const QString &condition, const QString &goals);
    bool close(const QString &episodeId, const QDate &endDate);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    QVector<Episode> select(const QString &where, const QVariantList &values);

    Database &m_db;
    const crypto::FieldCipher &m_cipher;
    AuditLog &m_audit;
};

class SessionRepository
{
public:
    SessionRepository(Database &db, AuditLog &audit)
        : m_db(db)
        , m_audit(audit)
    {}

    // `id`: empty for a new session; an import (interop/fhir) keeps the exported one.
    std::optional<Session> create(const QString &episodeId, const QString &physioId,
                                  const QDate &date, const QString &setting = {},
                                  const QString &id = {});
    std::optional<Session> get(const QString &id);
    // Oldest first: the order trajectories are drawn in.
    QVector<Session> forEpisode(const QString &episodeId);
    // The same, only the sessions where something was recorded (a response of any status,
    // or a skip). A round opened and stopped before anyone began leaves an empty session
    // row behind: that visit is not a session of the episode and is never counted.
    QVector<Session> recordedForEpisode(const QString &episodeId);
    // Where the episode's rounds stand, in one query (the patient list reads it for each row
    // it shows): how many sessions were recorded, and how many of child, parent and physio
    // completed, declined or were skipped in the last of them. nullopt on a database error.
    struct RoundProgress
    {
        int recordedSessions = 0;
        int doneInLast = 0;
    };
    std::optional<RoundProgress> roundProgress(const QString &episodeId);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    QVector<Session> select(const QString &where, const QString &episodeId);

    Database &m_db;
    AuditLog &m_audit;
};

} // namespace triad::store
