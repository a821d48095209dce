#include "dashboardquery.h"

#include "clinicfigures.h"
#include "dashboardfacts.h"

#include "core/store/schema.h"
#include "core/store/sqlitestatement.h"

#include <algorithm>
#include <memory>
#include <QSqlQuery>
#include <sqlite3.h>
#include <thread>
#include <vector>

namespace triad::insights {

namespace {
// Julian day numbers as QDate counts them (SQLite's julianday is noon-based).
const char *const kJulian = "CAST(julianday(%1) + 0.5 AS INTEGER)";
// Below this many records the repairs and the age bands are settled on one thread: a thread
// costs more than they do.
constexpr qsizetype kRecordsForTwoThreads = 50000;
// At most this much of the file is mapped while the dashboard reads (as the research export).
constexpr qint64 kMappedBytes = qint64(1) << 30;

struct TotalPoint
{
    int julian = 0;
    double total = 0;
};

struct PendingRepair
{
    int alert;
    double line; // back at or above this = repaired
};

struct AlertRows
{
    QVector<AlertRecord> alerts;
    QVector<PendingRepair> ruptures;
};

// The dashboard's alerts (cards only: act today, keep an eye; notes are never counted), through
// any connection to the database. SQLite's result code.
int readAlertRows(sqlite3 *handle, AlertRows &out)
{
    const QByteArray sql =
        QStringLiteral("SELECT e.seq, %1, a.type, a.respondent,"
                       " json_extract(a.evidence, '$.ownMean'), json_extract(a.evidence, '$.sd'),"
                       " json_extract(a.evidence, '$.measure'),"
                       " EXISTS (SELECT 1 FROM action_log l WHERE l.alert_id = a.id"
                       "  AND l.action = 'false-alarm')"
                       " FROM alert a JOIN episode e ON e.id = a.episode_id"
                       " JOIN session s ON s.id = a.session_id"
                       " WHERE a.severity IN ('concern', 'watch')")
            .arg(QString::fromLatin1(kJulian).arg(QStringLiteral("s.session_date")))
            .toUtf8();
    store::SqliteStatement q(handle, sql.constData());
    if (!q.ok())
        return sqlite3_errcode(handle);
    sqlite3_stmt *s = q.get();
    const auto text = [s](int column) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, column)),
                                 sqlite3_column_bytes(s, column));
    };
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const auto type = alertTypeFromId(text(2));
        const auto who = respondentFromId(text(3));
        if (!type || !who)
            continue;
        const QString measure = text(6);
        if (*type == AlertType::Rupture && !measure.isEmpty() && measure != QLatin1String("total"))
            continue;
        AlertRecord a;
        a.episodeId = sqlite3_column_int64(s, 0);
        a.date = QDate::fromJulianDay(sqlite3_column_int64(s, 1));
        a.type = *type;
        a.respondent = *who;
        a.falseAlarm = sqlite3_column_int(s, 7) != 0;
        if (*type == AlertType::Rupture && sqlite3_column_type(s, 4) != SQLITE_NULL &&
            sqlite3_column_type(s, 5) != SQLITE_NULL)
            out.ruptures.append({int(out.alerts.size()),
                                 sqlite3_column_double(s, 4) - sqlite3_column_double(s, 5)});
        out.alerts.append(a);
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

// A rupture is repaired when one of the respondent's next two scored totals after its session
// is back at or above the line the alert recorded.
void settleRepairs(DashboardData &data, const QVector<PendingRepair> &ruptures)
{
    if (ruptures.isEmpty())
        return;
    // Per episode seq (dense, from 1) with a rupture: the first of its three lists of totals
    // (one per respondent), in record order as they come; -1 for the others.
    std::vector<int> firstList;
    int lists = 0;
    for (const PendingRepair &p : ruptures) {
        const qint64 episode = data.alerts[p.alert].episodeId;
        if (episode < 0)
            continue;
        if (size_t(episode) >= firstList.size())
            firstList.resize(size_t(episode) + 1024, -1);
        if (firstList[size_t(episode)] < 0) {
            firstList[size_t(episode)] = lists;
            lists += 3;
        }
    }
    const auto listOf = [&firstList](qint64 episode, Respondent who) {
        if (episode < 0 || size_t(episode) >= firstList.size() || firstList[size_t(episode)] < 0)
            return -1;
        return firstList[size_t(episode)] + int(who);
    };
    std::vector<std::vector<TotalPoint>> totals(static_cast<size_t>(lists));
    for (const ResponseRecord &r : std::as_const(data.records)) {
        if (r.status != triad::ResponseStatus::Complete)
            continue;
        const int list = listOf(r.episodeId, r.respondent);
        if (list >= 0)
            totals[size_t(list)].push_back({int(r.date.toJulianDay()), r.normalisedTotal});
    }
    for (auto &list : totals)
        std::sort(list.begin(), list.end(),
                  [](const TotalPoint &x, const TotalPoint &y) { return x.julian < y.julian; });
    for (const PendingRepair &p : ruptures) {
        AlertRecord &a = data.alerts[p.alert];
        const int list = listOf(a.episodeId, a.respondent);
        if (list < 0)
            continue;
        int seen = 0;
        for (const TotalPoint &t : totals[size_t(list)]) {
            if (t.julian <= int(a.date.toJulianDay()))
                continue;
            if (++seen > 2)
                break;
            if (t.total >= p.line) {
                a.repaired = true;
                break;
            }
        }
    }
}

// A second connection that reads the alerts, then chunks of facts from the last down (FactChunks),
// on its own thread, in a read transaction begun before the caller's. sameSnapshot() joins the
// thread, ends that transaction and asks SQLite whether anything was committed since it began
// (PRAGMA data_version counts the commits of every other connection): if not, the caller's
// snapshot, begun in between, is the same one. Any failure leaves the caller to read everything
// itself.
class HelperScan
{
public:
    HelperScan() = default;
    HelperScan(const HelperScan &) = delete;
    HelperScan &operator=(const HelperScan &) = delete;
    ~HelperScan()
    {
        join();
        if (m_db)
            sqlite3_close(m_db);
    }

    // Without a mapping: it reads about half the fact pages once, and unmapping a mapping
    // when the connection closes costs more than copying those pages.
    void start(const QString &path, qint64 idsPerChunk, int headStart)
    {
        const QByteArray file = path.toUtf8();
        if (sqlite3_open_v2(file.constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK)
            return;
        sqlite3_busy_timeout(m_db, 5000);
        if (sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
            return;
        // The first read fixes the snapshot; the data version is the one it saw.
        qint64 maxId = 0;
        {
            store::SqliteStatement q(m_db, "SELECT coalesce(max(id), 0) FROM dashboard_fact");
            if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW)
                return;
            maxId = sqlite3_column_int64(q.get(), 0);
        }
        if (!dataVersion(m_version))
            return;
        // The calling thread also reads the episodes and turns every fact into a record; this
        // one reads the alerts first. Then both take chunks of facts, this one from the last
        // down, until they meet (FactChunks): a fixed half each left one thread idle for 30-40
        // ms, which one depending on the machine (docs/PERFORMANCE.md, fifteenth pass).
        m_chunks = std::make_unique<FactChunks>(maxId, idsPerChunk, headStart);
        m_thread = std::thread([this] {
            m_alertsRead = readAlertRows(m_db, m_alerts) == SQLITE_OK;
            m_factsRead = readChunks();
            m_chunks->doneFromAbove();
        });
        m_running = true;
    }
    bool running() const { return m_running; }
    FactChunks *chunks() const { return m_chunks.get(); }

    bool sameSnapshot()
    {
        if (!m_running)
            return false;
        if (!m_checked) {
            m_checked = true;
            join();
            qint64 after = 0;
            m_same = sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK &&
                     dataVersion(after) && after == m_version;
        }
        return m_same;
    }
    bool factsRead() const { return m_factsRead; }
    bool alertsRead() const { return m_alertsRead; }
    const FactChunkRows &facts() const { return m_facts; }
    AlertRows takeAlerts() { return std::move(m_alerts); }

private:
    // The chunks this thread claims come from the last down: kept, then put in id order.
    bool readChunks()
    {
        while (const auto chunk = m_chunks->claimFromAbove()) {
            m_facts.emplace_back();
            if (readFactRows(m_db, chunk->after, chunk->upTo, m_facts.back()) != SQLITE_OK)
                return false;
        }
        std::reverse(m_facts.begin(), m_facts.end());
        return true;
    }
    void join()
    {
        if (m_thread.joinable())
            m_thread.join();
    }
    bool dataVersion(qint64 &version)
    {
        store::SqliteStatement q(m_db, "PRAGMA data_version");
        if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW)
            return false;
        version = sqlite3_column_int64(q.get(), 0);
        return true;
    }

    sqlite3 *m_db = nullptr;
    std::thread m_thread;
    bool m_running = false;
    bool m_checked = false;
    bool m_same = false;
    qint64 m_version = 0;
    std::unique_ptr<FactChunks> m_chunks;
    bool m_alertsRead = false;
    bool m_factsRead = false;
    AlertRows m_alerts;
    FactChunkRows m_facts;
};
} // namespace

std::optional<int> DashboardCodes::physioCode(const QString &staffId) const
{
    for (auto it = physioStaffIds.cbegin(); it != physioStaffIds.cend(); ++it)
        if (it.value() == staffId)
            return it.key();
    return std::nullopt;
}

DashboardQuery::DashboardQuery(store::Database &db, const InstrumentLibrary &library)
    : m_db(db)
    , m_library(library)
    , m_idsPerChunk(FactChunks::kIdsPerChunk)
{}

bool DashboardQuery::prepare()
{
    // The facts the pass reads, with their stable keys, come with schema v5; an older
    // database opened as it is (a backup being looked at) has none in that shape.
    if (m_db.schemaVersion() < 5) {
        m_db.setError(store::StoreErrorKind::Invalid,
                      QStringLiteral("the dashboard needs schema version 5 or later, this "
                                     "database is at version %1")
                          .arg(m_db.schemaVersion()));
        return false;
    }
    return true;
}

std::optional<DashboardData> DashboardQuery::load(const QDate &today)
{
    m_db.clearError();
    sqlite3 *handle = sqliteHandle(m_db);
    // The alerts and the facts' chunks from the last down are read on a second connection on
    // another thread while this one reads the chunks from the first up (docs/PERFORMANCE.md). Its
    // snapshot is taken first; helper.sameSnapshot() proves afterwards that nothing was committed
    // between it and this connection's, else its share is read again here. Inside a transaction the
    // caller holds (this connection may see changes of its own, or an older snapshot) everything is
    // read here.
    HelperScan helper;
    if (handle && sqlite3_get_autocommit(handle) && !m_db.path().isEmpty() &&
        m_db.schemaVersion() >= 5)
        helper.start(m_db.path(), m_idsPerChunk, m_headStart);
    m_chunksReadElsewhere = 0;
    if (m_betweenSnapshots)
        m_betweenSnapshots();
    // One snapshot for codes, facts and alerts, read with the file mapped: the scan goes
    // through every fact page, and the alerts' look-ups land on pages it pushed out of
    // SQLite's cache, which a mapping gives back without a copy (docs/PERFORMANCE.md).
    std::optional<store::SqliteReadScope> snapshot;
    if (handle)
        snapshot.emplace(handle, kMappedBytes);
    DashboardData data;
    if (!loadCodes(data.codes) || !prepare())
        return std::nullopt;
    FactReader reader(m_db, m_library, data.codes);
    const auto rest = [this, &helper]() -> const FactChunkRows * {
        if (!helper.sameSnapshot() || !helper.factsRead())
            return nullptr;
        m_chunksReadElsewhere = int(helper.facts().size());
        return &helper.facts();
    };
    if (!reader.read(today, data.records, helper.chunks(), rest))
        return std::nullopt;
    AlertRows alerts;
    if (helper.sameSnapshot() && helper.alertsRead()) {
        alerts = helper.takeAlerts();
    } else if (readAlertRows(handle, alerts) != SQLITE_OK) {
        m_db.setError(
            store::StoreErrorKind::Io,
            QStringLiteral("dashboard alerts: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
        return std::nullopt;
    }
    data.alerts = std::move(alerts.alerts);
    // The repairs (records' totals, alerts' flags) on another thread while this one gives the
    // records their age bands (ageBandId, a field the repairs never read): the second
    // connection's thread is done by now, and the two passes over the million records each
    // took 15-20 ms one after the other (docs/PERFORMANCE.md, fifteenth pass).
    if (alerts.ruptures.isEmpty() || data.records.size() < kRecordsForTwoThreads) {
        reader.assignAgeBands(data.records);
        settleRepairs(data, alerts.ruptures);
        return data;
    }
    std::thread repairs([&data, &alerts] { settleRepairs(data, alerts.ruptures); });
    reader.assignAgeBands(data.records);
    repairs.join();
    return data;
}

bool DashboardQuery::loadCodes(DashboardCodes &codes)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT seq, id, display_name FROM staff")) ||
        !m_db.exec(q))
        return false;
    while (q.next()) {
        codes.physioStaffIds.insert(q.value(0).toInt(), q.value(1).toString());
        codes.physioNames.insert(q.value(0).toInt(), q.value(2).toString());
    }
    codes.conditions = store::conditionCategories();
    for (const Instrument &i : m_library.instruments()) {
        codes.instruments.append(i.id);
        const QString band = ageBandKey(&i);
        if (!band.isEmpty() && !codes.ageBands.contains(band))
            codes.ageBands.append(band);
    }
    return true;
}

std::optional<DashboardData> loadDashboardAt(const QString &path, const InstrumentLibrary &library,
                                             const QDate &today, QString *error)
{
    store::Database db;
    store::Database::Options options;
    options.mode = store::Database::OpenMode::ExistingOnly;
    options.checkIntegrity = false; // the app's own opening checks the file
    options.migrate = false;        // never written to from here
    std::optional<DashboardData> data;
    if (db.open(path, options) && db.execSql(QStringLiteral("PRAGMA query_only = ON"))) {
        DashboardQuery query(db, library);
        if (query.prepare())
            data = query.load(today);
    }
    if (!data && error)
        *error = db.lastError().message();
    return data;
}

} // namespace triad::insights
