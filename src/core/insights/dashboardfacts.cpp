#include "dashboardfacts.h"

#include "clinicfigures.h"
#include "core/store/sqlitestatement.h"

#include <QHash>
#include <QSqlDriver>
#include <sqlite3.h>
#include <string>

namespace triad::insights {

namespace {

// 2440588 is the Julian day number QDate gives 1970-01-01, the facts' day 0.
constexpr qint64 kEpochJulianDay = 2440588;
// The status code of a draft's fact (schema v5); 0-2 are ResponseStatus.
constexpr int kDraft = 3;
// The largest episode or session seq the packed scan can carry.
constexpr qint64 kMaxKey = 0x7fffffff;

using Statement = store::SqliteStatement;

QString text(sqlite3_stmt *stmt, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                             sqlite3_column_bytes(stmt, column));
}

} // namespace

sqlite3 *sqliteHandle(store::Database &db)
{
    const QVariant v = db.connection().driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

FactReader::FactReader(store::Database &db, const InstrumentLibrary &library,
                       const DashboardCodes &codes)
    : m_db(db)
    , m_library(library)
    , m_codes(codes)
{}

bool FactReader::fail(sqlite3 *handle, const char *what)
{
    m_db.setError(store::StoreErrorKind::Io,
                  QStringLiteral("dashboard %1: %2")
                      .arg(QLatin1String(what), handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                                                       : QStringLiteral("no SQLite connection")));
    return false;
}

bool FactReader::read(const QDate &today, QVector<ResponseRecord> &records, FactChunks *chunks,
                      const std::function<const FactChunkRows *()> &rest)
{
    m_handle = sqliteHandle(m_db);
    if (!m_handle)
        return fail(nullptr, "query");
    m_records = &records;

    {
        Statement q(m_handle, "SELECT code, instrument_id FROM dashboard_instrument");
        if (!q.ok())
            return fail(m_handle, "instruments");
        int rc;
        while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
            const int code = sqlite3_column_int(q.get(), 0);
            if (code < 0)
                continue;
            if (code >= m_instrumentOfCode.size())
                m_instrumentOfCode.resize(code + 1, 0);
            m_instrumentOfCode[code] = int(m_codes.instruments.indexOf(text(q.get(), 1))) + 1;
        }
        if (rc != SQLITE_DONE)
            return fail(m_handle, "instruments");
    }
    {
        Statement q(m_handle, "SELECT coalesce(max(seq), 0), (SELECT coalesce(max(seq), 0) FROM "
                              "episode) FROM session");
        if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW)
            return fail(m_handle, "sessions");
        // The scan packs two keys into one 64-bit value (readFacts): each must fit 31 bits.
        if (sqlite3_column_int64(q.get(), 0) > kMaxKey ||
            sqlite3_column_int64(q.get(), 1) > kMaxKey) {
            m_db.setError(
                store::StoreErrorKind::Invalid,
                QStringLiteral("dashboard: more than %1 sessions or episodes").arg(kMaxKey));
            return false;
        }
        m_outcome.assign(size_t(sqlite3_column_int64(q.get(), 0) + 1) * 3, -1);
    }
    return readEpisodes() && readFacts(today, chunks, rest);
}

void FactReader::assignAgeBands(QVector<ResponseRecord> &records) const
{
    // The age band of an episode is the band of its child form.
    QVector<quint8> bandOfInstrument(m_codes.instruments.size() + 1, 0);
    for (int i = 0; i < m_codes.instruments.size(); ++i)
        bandOfInstrument[i + 1] = quint8(
            m_codes.ageBands.indexOf(ageBandKey(m_library.find(m_codes.instruments[i]))) + 1);
    std::vector<quint8> episodeBand;
    for (const ResponseRecord &r : std::as_const(records)) {
        const quint8 band = bandOfInstrument.value(r.instrumentId);
        if (r.respondent != Respondent::Child || band == 0 || r.episodeId < 0)
            continue;
        if (size_t(r.episodeId) >= episodeBand.size())
            episodeBand.resize(size_t(r.episodeId) + 1024, 0);
        episodeBand[size_t(r.episodeId)] = band;
    }
    for (ResponseRecord &r : records)
        if (r.episodeId >= 0 && size_t(r.episodeId) < episodeBand.size())
            r.ageBandId = episodeBand[size_t(r.episodeId)];
}

void FactReader::offer(const ResponseRecord &r, qint8 rank)
{
    const size_t slot = size_t(r.sessionIndex) * 3 + size_t(r.respondent);
    if (slot >= m_outcome.size())
        m_outcome.resize(slot + 3, -1); // a session added since the size was read
    int &standing = m_outcome[slot];
    if (standing < 0) {
        standing = int(m_records->size());
        m_records->append(r);
        m_rank.push_back(rank);
    } else if (rank < m_rank[size_t(standing)]) {
        (*m_records)[standing] = r;
        m_rank[size_t(standing)] = rank;
    }
}

bool FactReader::readEpisodes()
{
    // About one episode per 30 responses: read once, then every fact borrows its episode's.
    // The physio's seq comes from the staff table read once (a few dozen rows), not from a
    // look-up of the staff uuid per episode; an episode whose physio has no staff row is left
    // out, as the join it replaces left it out.
    QHash<QByteArray, int> staffSeq;
    {
        Statement q(m_handle, "SELECT id, seq FROM staff");
        if (!q.ok())
            return fail(m_handle, "episodes");
        int rc;
        while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
            staffSeq.insert(
                QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 0)),
                           sqlite3_column_bytes(q.get(), 0)),
                sqlite3_column_int(q.get(), 1));
        if (rc != SQLITE_DONE)
            return fail(m_handle, "episodes");
    }
    Statement q(m_handle, "SELECT seq, physio_id, condition FROM episode");
    if (!q.ok())
        return fail(m_handle, "episodes");
    sqlite3_stmt *s = q.get();
    QHash<QByteArray, int> conditionOf;
    for (int i = 0; i < m_codes.conditions.size(); ++i)
        conditionOf.insert(m_codes.conditions[i].toUtf8(), i + 1);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(s, 0);
        if (seq < 0)
            continue; // stable keys count from 1
        if (sqlite3_column_type(s, 1) == SQLITE_NULL)
            continue;
        const auto physio = staffSeq.constFind(QByteArray::fromRawData(
            reinterpret_cast<const char *>(sqlite3_column_text(s, 1)), sqlite3_column_bytes(s, 1)));
        if (physio == staffSeq.constEnd())
            continue;
        if (size_t(seq) >= m_episodes.size())
            m_episodes.resize(size_t(seq) + 1024);
        const QByteArray condition = QByteArray::fromRawData(
            reinterpret_cast<const char *>(sqlite3_column_text(s, 2)), sqlite3_column_bytes(s, 2));
        m_episodes[size_t(seq)] = {physio.value(), conditionOf.value(condition)};
    }
    return rc == SQLITE_DONE || fail(m_handle, "episodes");
}

void FactReader::fillEpisode(ResponseRecord &r) const
{
    if (r.episodeId >= 0 && size_t(r.episodeId) < m_episodes.size()) {
        r.physioId = m_episodes[size_t(r.episodeId)].physio;
        r.conditionId = m_episodes[size_t(r.episodeId)].condition;
    }
}

// The five scanned columns (schema v5, schemav5.cpp), read from the narrow index (v8,
// schemav8dashboardscan.cpp), packed in C++ into the three values of a FactRow exactly as
// `(episode << 32) | session, (day << 32) | outcome, coalesce(total, -1e300)` would pack them
// in SQL: five plain columns cost SQLite about 9 % fewer instructions per row than those
// expressions. The outcome and the keys are never negative; a day before 1970 is, and survives
// the arithmetic shift that unpacks it. The range on id keeps the index's order.
namespace {
inline FactRow factRow(sqlite3_stmt *s)
{
    return {
        qint64((quint64(sqlite3_column_int64(s, 0)) << 32) | quint64(sqlite3_column_int64(s, 1))),
        qint64((quint64(sqlite3_column_int64(s, 2)) << 32) | quint64(sqlite3_column_int64(s, 3))),
        sqlite3_column_type(s, 4) == SQLITE_NULL ? kNoFactTotal : sqlite3_column_double(s, 4)};
}
} // namespace

namespace {
// Steps `q` (kFactRange, prepared once) through the facts with after < id <= upTo.
template <typename Take> int scanFacts(sqlite3_stmt *q, qint64 after, qint64 upTo, Take take)
{
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, after);
    sqlite3_bind_int64(q, 2, upTo);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW)
        take(factRow(q));
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}
const char *const kFactRange =
    "SELECT episode, session, day, outcome, total FROM dashboard_fact WHERE id > ? AND id <= ?";
} // namespace

int readFactRows(sqlite3 *handle, qint64 after, qint64 upTo, std::vector<FactRow> &rows)
{
    Statement q(handle, kFactRange);
    if (!q.ok())
        return sqlite3_errcode(handle);
    if (upTo > after)
        rows.reserve(rows.size() + size_t(upTo - after)); // ids bound the number of rows
    return scanFacts(q.get(), after, upTo, [&rows](const FactRow &f) { rows.push_back(f); });
}

FactChunks::FactChunks(qint64 maxId, qint64 idsPerChunk, int headStart)
    : m_headStart(headStart)
    , m_maxId(std::max<qint64>(maxId, 0))
    , m_idsPerChunk(std::max<qint64>(idsPerChunk, 1))
    , m_above((m_maxId + m_idsPerChunk - 1) / m_idsPerChunk)
{}

FactChunks::Range FactChunks::range(qint64 chunk) const
{
    return {chunk * m_idsPerChunk, std::min(m_maxId, (chunk + 1) * m_idsPerChunk)};
}

std::optional<FactChunks::Range> FactChunks::claimFromBelow()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_headStart > 0)
        m_claimedAbove.wait(lock, [this] {
            return m_fromAbove >= m_headStart || m_doneFromAbove || m_below >= m_above;
        });
    if (m_below >= m_above)
        return std::nullopt;
    return range(m_below++);
}

std::optional<FactChunks::Range> FactChunks::claimFromAbove()
{
    std::optional<Range> claimed;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_below >= m_above)
            return std::nullopt;
        claimed = range(--m_above);
        ++m_fromAbove;
    }
    m_claimedAbove.notify_all();
    return claimed;
}

void FactChunks::doneFromAbove()
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_doneFromAbove = true;
    }
    m_claimedAbove.notify_all();
}

qint64 FactChunks::meetingId() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return std::min(m_maxId, m_below * m_idsPerChunk);
}

void FactReader::take(const FactRow &f, qint64 todayJulian)
{
    // outcome = respondent | status << 2 | at_maximum << 4 | instrument << 5
    const qint64 outcome = f.dayOutcome & 0xffffffff;
    const int respondent = int(outcome & 3);
    const int status = int((outcome >> 2) & 3);
    const bool hasTotal = f.total > kNoFactTotal / 2;
    if (status == 0 && !hasTotal)
        return; // complete but not scorable: no total to count
    if (respondent > 2)
        return; // the table's CHECK makes this unreachable
    const qint64 day = f.dayOutcome >> 32;
    if (status == kDraft && day + kEpochJulianDay >= todayJulian)
        return; // a draft of today (or later) is still in progress
    ResponseRecord r;
    r.episodeId = f.keys >> 32;
    r.sessionIndex = int(f.keys & 0xffffffff);
    fillEpisode(r);
    r.respondent = Respondent(respondent);
    // A draft of an earlier day was asked and never finished: skipped.
    r.status = status == kDraft ? triad::ResponseStatus::Skipped : triad::ResponseStatus(status);
    r.date = QDate::fromJulianDay(day + kEpochJulianDay);
    r.instrumentId = m_instrumentOfCode.value(int(outcome >> 5));
    r.normalisedTotal = hasTotal ? f.total : 0.0;
    r.atMaximum = ((outcome >> 4) & 1) != 0;
    // A skip row decides the outcome whatever responses sit beside it; an old draft
    // ranks below a declined response, so any final outcome of the same respondent wins.
    offer(r, status == 2 ? qint8(-1) : qint8(status));
}

bool FactReader::readFacts(const QDate &today, FactChunks *chunks,
                           const std::function<const FactChunkRows *()> &rest)
{
    qint64 maxId = 0;
    {
        // The largest fact id bounds the number of rows, and costs one step down the b-tree.
        Statement count(m_handle, "SELECT coalesce(max(id), 0) FROM dashboard_fact");
        if (!count.ok() || sqlite3_step(count.get()) != SQLITE_ROW)
            return fail(m_handle, "facts");
        maxId = sqlite3_column_int64(count.get(), 0);
        m_records->reserve(m_records->size() + int(maxId) + 64);
        m_rank.reserve(size_t(m_records->capacity()));
    }
    const qint64 todayJulian = today.toJulianDay();
    Statement q(m_handle, kFactRange);
    if (!q.ok())
        return fail(m_handle, "facts");
    const auto takeHere = [this, todayJulian](const FactRow &f) { take(f, todayJulian); };
    qint64 upTo = maxId;
    if (chunks) {
        // This connection's chunks come from below, one after the other: counted as read.
        while (const auto chunk = chunks->claimFromBelow())
            if (scanFacts(q.get(), chunk->after, chunk->upTo, takeHere) != SQLITE_OK)
                return fail(m_handle, "facts");
        upTo = std::min(chunks->meetingId(), maxId);
    } else if (scanFacts(q.get(), 0, maxId, takeHere) != SQLITE_OK) {
        return fail(m_handle, "facts");
    }
    if (upTo >= maxId)
        return true;
    if (const FactChunkRows *rows = rest ? rest() : nullptr) {
        for (const std::vector<FactRow> &chunk : *rows)
            for (const FactRow &f : chunk)
                take(f, todayJulian);
        return true;
    }
    return scanFacts(q.get(), upTo, maxId, takeHere) == SQLITE_OK || fail(m_handle, "facts");
}

} // namespace triad::insights
