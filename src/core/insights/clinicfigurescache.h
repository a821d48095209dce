#pragma once
// The clinic's figures (ClinicFigures: norms, within-person SD, alpha, usual dyad gaps) kept
// in memory between screens, so opening an episode does not re-read every response of the
// clinic. They are computed at the first call and again only when the clinic's complete
// responses changed since: a response completed or corrected (or one erased), whichever code
// path did it, or after invalidate(). The check is one small query of two numbers
// (StampCheck): a response completed on this connection makes the figures stale without the
// stamp's query over the response table, which runs after another connection's commit.
//
// One cache per open database (the app keeps it in the signed-in Workspace, dropped at every
// lock).

#include "clinicfigures.h"
#include "completeresponses.h"

namespace triad::insights {

class ClinicFiguresCache
{
public:
    // The current figures; nullptr with db.lastError() set on a database error. The pointer
    // stays valid until the next call or invalidate().
    const ClinicFigures *figures(store::Database &db, const InstrumentLibrary &library);
    // The figures when they are computed and still current (one small query of two numbers, and the
    // stamp's query after another connection's commit), else nullptr (not computed yet, or
    // responses completed since): never computes, so the UI thread can ask without waiting. nullptr
    // with *databaseError true (when given) and db.lastError() set when the small query failed.
    const ClinicFigures *current(store::Database &db, const InstrumentLibrary &library,
                                 bool *databaseError = nullptr);
    // The figures as last computed or installed for `library`, and the stamp they were read
    // under, without checking that they are still current (no query): for a worker, which
    // compares *stamp with the stamp in its own snapshot. nullptr when there are none.
    const ClinicFigures *installed(const InstrumentLibrary &library, QString *stamp) const;
    // Takes figures computed elsewhere (a worker thread, on its own connection) for the
    // complete responses `stamp` names (completeResponsesStamp); current() returns them only
    // while the stamp still holds.
    void install(ClinicFigures figures, const QString &stamp, const InstrumentLibrary &library);
    // The complete responses' stamp now (completeResponsesStamp, asked again only after a
    // write: StampCheck); nullopt with db.lastError() set on a database error.
    std::optional<QString> stamp(store::Database &db) { return m_stampCheck.read(db); }
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
    std::optional<ClinicFigures> m_figures;
    QString m_stamp;
    const InstrumentLibrary *m_library = nullptr;
    int m_computations = 0;
    StampCheck m_stampCheck; // the stamp's query only after a write
};

} // namespace triad::insights
