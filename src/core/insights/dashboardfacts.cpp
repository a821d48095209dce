#include "dashboardfacts.h"

#include "clinicfigures.h"

#include "core/store/schema.h"

#include <QSqlDriver>
#include <sqlite3.h>

namespace triad::insights {

namespace {

// 2440588 is the Julian day number QDate gives 1970-01-01, the facts' day 0.
constexpr qint64 kEpochJulianDay = 2440588;

// Finalizes its statement on every return path.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
    {
        m_ok = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) == SQLITE_OK;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    bool ok() const { return m_ok; }
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = false;
};

QString text(sqlite3_stmt *stmt, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                             sqlite3_column_bytes(stmt, column));
}

sqlite3 *handleOf(store::Database &db)
{
    const QVariant v = db.connection().driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

} // namespace

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

bool FactReader::read(const QDate &today, QVector<ResponseRecord> &records)
{
    m_handle = handleOf(m_db);
    if (!m_handle)
        return fail(nullptr, "query");
    m_records = &records;

    const QStringList factConditions = store::dashboardFactConditions();
    m_conditionOfCode.fill(0, factConditions.size() + 1);
    for (int i = 0; i < factConditions.size(); ++i)
        m_conditionOfCode[i + 1] = int(m_codes.conditions.indexOf(factConditions[i])) + 1;
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
        Statement q(m_handle, "SELECT coalesce(max(rowid), 0) FROM session");
        if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW)
            return fail(m_handle, "sessions");
        m_outcome.assign(size_t(sqlite3_column_int64(q.get(), 0) + 1) * 3, -1);
    }
    if (!readFacts() || !readOldDrafts(today))
        return false;

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
    return true;
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

bool FactReader::readFacts()
{
    Statement q(m_handle, "SELECT episode, session, physio, condition, respondent, status, day, "
                          "instrument, total, at_maximum FROM dashboard_fact");
    if (!q.ok())
        return fail(m_handle, "facts");
    sqlite3_stmt *s = q.get();
    {
        // The largest fact id bounds the number of rows, and costs one step down the b-tree.
        Statement count(m_handle, "SELECT coalesce(max(id), 0) FROM dashboard_fact");
        if (!count.ok() || sqlite3_step(count.get()) != SQLITE_ROW)
            return fail(m_handle, "facts");
        m_records->reserve(m_records->size() + int(sqlite3_column_int64(count.get(), 0)) + 64);
        m_rank.reserve(size_t(m_records->capacity()));
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const int status = sqlite3_column_int(s, 5);
        const bool hasTotal = sqlite3_column_type(s, 8) != SQLITE_NULL;
        if (status == 0 && !hasTotal)
            continue; // complete but not scorable: no total to count
        const int respondent = sqlite3_column_int(s, 4);
        const int condition = sqlite3_column_int(s, 3);
        const int instrument = sqlite3_column_int(s, 7);
        if (respondent < 0 || respondent > 2 || status < 0 || status > 2)
            continue; // the table's CHECKs make this unreachable
        ResponseRecord r;
        r.episodeId = sqlite3_column_int64(s, 0);
        r.sessionIndex = sqlite3_column_int(s, 1);
        r.physioId = sqlite3_column_int(s, 2);
        r.conditionId = m_conditionOfCode.value(condition);
        r.respondent = Respondent(respondent);
        r.status = triad::ResponseStatus(status);
        r.date = QDate::fromJulianDay(sqlite3_column_int64(s, 6) + kEpochJulianDay);
        r.instrumentId = m_instrumentOfCode.value(instrument);
        r.normalisedTotal = hasTotal ? sqlite3_column_double(s, 8) : 0.0;
        r.atMaximum = sqlite3_column_int(s, 9) != 0;
        // A skip row decides the outcome whatever responses sit beside it.
        offer(r, status == 2 ? qint8(-1) : qint8(status));
    }
    return rc == SQLITE_DONE || fail(m_handle, "facts");
}

bool FactReader::readOldDrafts(const QDate &today)
{
    // Drafts of sessions before today were asked and never finished: skipped. They rank
    // below a declined response, so any final outcome of the same respondent wins. The
    // partial index of drafts covers this; the session's episode, physio, condition and date
    // come from another respondent's fact of the same session, and only a session without
    // any fact is looked up.
    Statement q(m_handle, "SELECT s.rowid, r.respondent, r.instrument_id FROM response r"
                          " JOIN session s ON s.id = r.session_id WHERE r.status = 'draft'");
    Statement session(m_handle, "SELECT e.rowid, st.rowid, e.condition,"
                                " CAST(julianday(s.session_date) + 0.5 AS INTEGER) FROM session s"
                                " JOIN episode e ON e.id = s.episode_id"
                                " JOIN staff st ON st.id = e.physio_id WHERE s.rowid = ?");
    if (!q.ok() || !session.ok())
        return fail(m_handle, "drafts");
    sqlite3_stmt *s = q.get();
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ResponseRecord r;
        r.sessionIndex = sqlite3_column_int(s, 0);
        const size_t first = size_t(r.sessionIndex) * 3;
        const ResponseRecord *sibling = nullptr;
        for (size_t slot = first; slot < first + 3 && slot < m_outcome.size() && !sibling; ++slot)
            if (m_outcome[slot] >= 0)
                sibling = &m_records->at(m_outcome[slot]);
        if (sibling) {
            r.episodeId = sibling->episodeId;
            r.physioId = sibling->physioId;
            r.conditionId = sibling->conditionId;
            r.date = sibling->date;
        } else {
            sqlite3_stmt *k = session.get();
            sqlite3_reset(k);
            sqlite3_bind_int64(k, 1, r.sessionIndex);
            if (sqlite3_step(k) != SQLITE_ROW)
                return fail(m_handle, "drafts");
            r.episodeId = sqlite3_column_int64(k, 0);
            r.physioId = sqlite3_column_int(k, 1);
            r.conditionId = int(m_codes.conditions.indexOf(text(k, 2))) + 1;
            r.date = QDate::fromJulianDay(sqlite3_column_int64(k, 3));
        }
        if (r.date >= today)
            continue; // still in progress
        r.respondent = respondentFromId(text(s, 1)).value_or(Respondent::Physio);
        r.instrumentId = int(m_codes.instruments.indexOf(text(s, 2))) + 1;
        r.status = triad::ResponseStatus::Skipped;
        offer(r, qint8(2));
    }
    return rc == SQLITE_DONE || fail(m_handle, "drafts");
}

} // namespace triad::insights
