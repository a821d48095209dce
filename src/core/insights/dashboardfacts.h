#pragma once
// Reads the dashboard's ResponseRecords from dashboard_fact (schema v4, reshaped in v5, see
// core/store/schemav5.cpp) in one sequential scan through the sqlite3 C API: Qt's QSqlQuery
// builds a QVariant per value, which cost more than the whole aggregation on a million rows.
//
// The rules DashboardQuery documents are applied here: each session's respondent counts once,
// a skip row decides the outcome, then the best of the responses (complete, declined, a draft
// of an earlier day); a complete response without a scorable total is left out. Corrections
// are settled when they are written (the replaced response's fact is removed); a draft's fact
// (schema v5) is replaced by its final one. Episodes, sessions and physios are named by
// their stable `seq` (schema v5), never by rowid, which VACUUM may renumber; an episode's
// physio and condition are read once from the episode table.

#include "dashboardquery.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

struct sqlite3;

namespace triad::insights {

// The connection's sqlite3 handle (nullptr when it is not SQLite).
sqlite3 *sqliteHandle(store::Database &db);

// One fact as the scan hands it over: (episode << 32) | session, (day << 32) | outcome, and the
// total (kNoFactTotal for none).
struct FactRow
{
    qint64 keys = 0;
    qint64 dayOutcome = 0;
    double total = 0;
};
constexpr double kNoFactTotal = -1e300;

// Appends the facts with `after` < id <= `upTo` to `rows`, in id order, through any connection
// to the database (a second one on another thread: DashboardQuery::load). SQLite's result code.
int readFactRows(sqlite3 *handle, qint64 after, qint64 upTo, std::vector<FactRow> &rows);

// The fact ids 1..maxId in chunks two threads share out (DashboardQuery::load): the calling
// thread claims them from the first up and counts each as it reads it, a helper claims them
// from the last down and keeps their rows, until they meet. Neither waits for the other,
// whatever each one's speed: a fixed half each left one of them idle for 30-40 ms
// (docs/PERFORMANCE.md, fifteenth pass). Thread-safe.
class FactChunks
{
public:
    static constexpr qint64 kIdsPerChunk = 16384;
    struct Range
    {
        qint64 after = 0; // the chunk holds after < id <= upTo
        qint64 upTo = 0;
    };
    // A `headStart` (tests) makes the first claim from below wait until that many chunks were
    // claimed from above, or the helper is done.
    explicit FactChunks(qint64 maxId, qint64 idsPerChunk = kIdsPerChunk, int headStart = 0);
    std::optional<Range> claimFromBelow();
    std::optional<Range> claimFromAbove();
    void doneFromAbove(); // the helper claims no more (read all it claimed, or failed)
    // Once nothing is left to claim: the id up to which the chunks from below go.
    qint64 meetingId() const;

private:
    Range range(qint64 chunk) const;
    mutable std::mutex m_mutex;
    std::condition_variable m_claimedAbove;
    int m_headStart = 0;
    int m_fromAbove = 0;
    bool m_doneFromAbove = false;
    qint64 m_maxId = 0;
    qint64 m_idsPerChunk = kIdsPerChunk;
    qint64 m_below = 0; // chunks [m_below, m_above) are unclaimed
    qint64 m_above = 0;
};
// The helper's rows: its chunks in id order, each in id order.
using FactChunkRows = std::vector<std::vector<FactRow>>;

class FactReader
{
public:
    FactReader(store::Database &db, const InstrumentLibrary &library, const DashboardCodes &codes);
    // Fills `records`; false with db.lastError() on failure. With `chunks`, this connection
    // reads the chunks it claims from below, then `rest()` gives the facts after the meeting id,
    // read elsewhere in the same snapshot (nullptr: read them here as well); they count exactly
    // as if one scan had read them all in id order.
    bool read(const QDate &today, QVector<ResponseRecord> &records, FactChunks *chunks = nullptr,
              const std::function<const FactChunkRows *()> &rest = {});
    // Then gives each record its episode's age band (the band of the episode's child form).
    // Writes ageBandId only: another thread may read the records' other fields meanwhile.
    void assignAgeBands(QVector<ResponseRecord> &records) const;

private:
    bool readEpisodes();
    void fillEpisode(ResponseRecord &r) const;
    bool readFacts(const QDate &today, FactChunks *chunks,
                   const std::function<const FactChunkRows *()> &rest);
    void take(const FactRow &f, qint64 todayJulian);
    bool fail(sqlite3 *handle, const char *what);
    void offer(const ResponseRecord &r, qint8 rank);

    store::Database &m_db;
    const InstrumentLibrary &m_library;
    const DashboardCodes &m_codes;
    sqlite3 *m_handle = nullptr;
    QVector<ResponseRecord> *m_records = nullptr;
    struct EpisodeCodes
    {
        int physio = 0;    // staff.seq of the episode's physio
        int condition = 0; // DashboardCodes condition code
    };
    std::vector<EpisodeCodes> m_episodes; // indexed by episode.seq
    // Indexed by session seq * 3 + respondent: the record standing for that outcome so far
    // (-1 none). Session seqs are dense, so an array beats a hash by a wide margin here.
    std::vector<int> m_outcome;
    std::vector<qint8> m_rank;       // per record: lower wins (skip row -1, complete 0, ...)
    QVector<int> m_instrumentOfCode; // dashboard_instrument.code -> library code
};

} // namespace triad::insights
