#pragma once
// The lead's item figures (ItemNorms: item-total correlations, alpha, test-retest per form)
// kept in memory between dashboard opens, as ClinicFiguresCache keeps the clinic norms: they
// read every complete answer of the clinic, so they are computed at the first call and again
// only when the clinic's complete responses changed since (completeResponsesStamp: a
// response completed, corrected or erased, whichever code path did it), or after
// invalidate().
//
// One cache per open database (the app keeps it in the signed-in Workspace, dropped at every
// lock).

#include "completeresponses.h"
#include "itemnorms.h"

namespace triad::insights {

class ItemNormsCache
{
public:
    // The current figures; nullptr with db.lastError() set on a database error. The pointer
    // stays valid until the next call or invalidate().
    const QVector<FormReliability> *norms(store::Database &db, const InstrumentLibrary &library);
    // The figures when they are computed and still current (one small query of two numbers, and the
    // stamp's query after another connection's commit), else nullptr (not computed yet, or
    // responses completed since): never computes, so the UI thread can ask without waiting. nullptr
    // with *databaseError true (when given) and db.lastError() set when the small query failed.
    const QVector<FormReliability> *current(store::Database &db, const InstrumentLibrary &library,
                                            bool *databaseError = nullptr);
    // The figures when they were worked out for the complete responses `stamp` names (read by
    // a worker in its own snapshot), else nullptr: no query, for the UI thread.
    const QVector<FormReliability> *currentFor(const QString &stamp,
                                               const InstrumentLibrary &library) const;
    // Takes figures computed elsewhere (a worker thread, on its own connection) for the
    // complete responses `stamp` names (completeResponsesStamp); current() returns them only
    // while the stamp still holds.
    void install(QVector<FormReliability> figures, const QString &stamp,
                 const InstrumentLibrary &library);
    // Takes the stamp a worker read in a snapshot it began after `mark`, unchanged since
    // (StampCheck::adopt): current() then needs no query on this connection.
    void adoptStamp(const StampCheck::Mark &mark, const QString &stamp)
    {
        m_stampCheck.adopt(mark, stamp);
    }
    // Forget the figures: the next call recomputes them.
    void invalidate();
    // How many times the figures were computed or installed (observable in tests and
    // benchmarks).
    int computations() const { return m_computations; }
    // How many times the stamp's query ran (StampCheck; observable in tests).
    int stampQueries() const { return m_stampCheck.queries(); }

private:
    std::optional<QVector<FormReliability>> m_norms;
    QString m_stamp;
    const InstrumentLibrary *m_library = nullptr;
    int m_computations = 0;
    StampCheck m_stampCheck; // the stamp's query only after a write
};

} // namespace triad::insights
