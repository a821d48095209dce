#pragma once
// An episode's alliance analysis from the clinic database, and storing its new alerts.
//
// Usage at the end of a round (vault unlocked, on the database's thread):
//   const auto figures = insights::ClinicFigures::load(db, library);       // on demand
//   insights::EpisodeInsights episode(db, cipher, audit, library);
//   const auto stored = episode.recordNewAlerts(episodeId, *figures);      // alerts of the
//   if (!stored) { /* db.lastError() says why */ }                       // latest session
// recordNewAlerts() is idempotent: run twice, it stores nothing the second time.
// analyzeEpisode() gives the whole EpisodeAnalysis (states, repairs, notes) for a screen.
// A screen that also lists the sessions reads history() once and passes it to analyze()
// and recordNewAlerts(history, analysis, sessionIndex), so the database is read once.
//
// The child's first name is decrypted for the prompts only (hence the cipher) and is never
// logged or put in evidence.

#include "clinicfigures.h"
#include "episodehistory.h"

#include "core/alliance/episodeanalyzer.h"
#include "core/crypto/fieldcipher.h"
#include "core/store/alertrepository.h"
#include "core/store/auditlog.h"

namespace triad::insights {

class EpisodeInsights
{
public:
    EpisodeInsights(store::Database &db, const crypto::FieldCipher &cipher, store::AuditLog &audit,
                    const InstrumentLibrary &library, RuptureRules rules = {});

    // Completed responses per respondent and session: totals and goal/task/bond series with
    // the clinic's and the form's figures, the usual gaps for the child's age band, and each
    // response's answers and duration for the quality flags; every session with each
    // respondent's status and skip reason. Nullopt with db.lastError() set on a failure.
    std::optional<EpisodeHistory> history(const QString &episodeId, const ClinicFigures &figures);
    EpisodeAnalysis analyze(const EpisodeHistory &history) const;
    std::optional<EpisodeAnalysis> analyzeEpisode(const QString &episodeId,
                                                  const ClinicFigures &figures);
    // Stores the alerts of the episode's latest session that are not stored yet (same
    // session, type, respondent, measure and dyad); returns those it stored.
    std::optional<QVector<store::AlertRecord>> recordNewAlerts(const QString &episodeId,
                                                               const ClinicFigures &figures);
    // The same for the alerts `analysis` (of `history`) raises at one session, e.g. the
    // session of a round that was resumed after a later session was opened.
    std::optional<QVector<store::AlertRecord>> recordNewAlerts(const EpisodeHistory &history,
                                                               const EpisodeAnalysis &analysis,
                                                               int sessionIndex);

private:
    store::Database &m_db;
    const crypto::FieldCipher &m_cipher;
    store::AuditLog &m_audit;
    const InstrumentLibrary &m_library;
    EpisodeAnalyzer m_analyzer;
};

} // namespace triad::insights
