#pragma once
// The clinic lead's dashboard from the database: one pass turns the requested
// questionnaires into the alliance layer's integer-coded ResponseRecords, the stored alerts
// into AlertRecords, then aggregateDashboard() does the figures.
//
// Codes: physio = the staff row's seq, episode = the episode's seq (stable keys, schema v5:
// a rowid of these uuid-keyed tables may change in a VACUUM), condition = position in
// conditionCategories() + 1, instrument = position in the library + 1 (0 = not in the library), age
// band = position in ageBands + 1 (0 = unknown). The age band of an episode is the band of the
// child form it uses (chosen for the child's age), so no birth date is decrypted.
//
// Status: complete and declined as stored; a draft of a session before `today` counts as
// skipped (asked, never finished); drafts of today are still in progress and left out.
// Each session's respondent counts once: a round_skip row (schema v3) makes it "skipped"
// whatever responses sit beside it (a skip has no response row, or a declined draft); else
// the best of its responses stands (complete, declined, then an old draft). So completion
// rates are over everyone asked, skips included.
// Responses replaced by a complete correction are left out.
// Ruptures count on the total only (a construct rupture usually comes with one); a rupture
// is repaired when one of the respondent's next two totals is back within 1 SD of the
// pre-rupture mean the alert recorded (docs/ALLIANCE.md, "Repair").
//
// The responses and skips come from dashboard_fact (schema v4, v5), written by the store in the
// statement that starts a draft, makes a response final or records a skip: one sequential
// scan through the sqlite3 C API (dashboardfacts.h), plus the episode table for each
// episode's physio and condition. On a database file, a second read-only connection reads the
// alerts, then chunks of facts from the last down, on another thread, while this one reads the
// chunks from the first up, in the same snapshot (checked with PRAGMA data_version; when a
// commit came in between, this connection reads that part again), so the result is exactly
// that of one scan. docs/PERFORMANCE.md has the figures.

#include "core/alliance/dashboard.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/store/database.h"

#include <functional>

namespace triad::insights {

struct DashboardCodes
{
    QHash<int, QString> physioStaffIds; // code -> staff id
    QHash<int, QString> physioNames;    // code -> display name
    QStringList conditions;             // code - 1 -> condition id
    QStringList instruments;            // code - 1 -> instrument id
    QStringList ageBands;               // code - 1 -> "4-7"
    std::optional<int> physioCode(const QString &staffId) const;
};

struct DashboardData
{
    QVector<ResponseRecord> records;
    QVector<AlertRecord> alerts;
    DashboardCodes codes;
};

class DashboardQuery
{
public:
    DashboardQuery(store::Database &db, const InstrumentLibrary &library);
    // Checks the database has the dashboard's facts (schema v5 or later); false with
    // db.lastError() when not. load() checks it too.
    bool prepare();
    std::optional<DashboardData> load(const QDate &today = QDate::currentDate());
    // For tests: runs inside load() after the second connection has taken its snapshot and
    // before this connection takes its own (a save landing in between must still count once).
    void setBetweenSnapshots(std::function<void()> hook) { m_betweenSnapshots = std::move(hook); }
    // For tests: smaller chunks of facts for the two connections to share (FactChunks), the
    // second one claiming `headStart` of them before this one claims any, and how many chunks
    // of the last load the second connection read and this one counted.
    void setIdsPerChunk(qint64 ids, int headStart = 0)
    {
        m_idsPerChunk = ids;
        m_headStart = headStart;
    }
    int chunksReadElsewhere() const { return m_chunksReadElsewhere; }

private:
    bool loadCodes(DashboardCodes &codes);
    store::Database &m_db;
    const InstrumentLibrary &m_library;
    std::function<void()> m_betweenSnapshots;
    qint64 m_idsPerChunk;
    int m_headStart = 0;
    int m_chunksReadElsewhere = 0;
};

// The same read on a read-only connection of its own to the database file at `path`, for a
// worker thread: the dashboard screen opens at once and fills in when this returns (at 2,000
// patients it took 21-40 ms of the UI thread). Nullopt with *error set on a database error.
std::optional<DashboardData> loadDashboardAt(const QString &path, const InstrumentLibrary &library,
                                             const QDate &today, QString *error);

} // namespace triad::insights
