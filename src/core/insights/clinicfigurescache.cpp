#include "clinicfigurescache.h"

#include "core/store/freedmemory.h"

#include <QSqlQuery>

namespace triad::insights {

namespace {
// What changes whenever the set of complete responses changes: how many there are, which rows
// (the sum of their row ids) and the latest completion time. Nullopt on a database error.
std::optional<QString> completeResponsesStamp(store::Database &db)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("SELECT count(*), total(rowid), max(completed_at), "
                                      "count(supersedes) FROM response "
                                      "WHERE status = 'complete'")) ||
        !db.exec(q) || !q.next())
        return std::nullopt;
    return QStringLiteral("%1|%2|%3|%4")
        .arg(q.value(0).toLongLong())
        .arg(q.value(1).toDouble(), 0, 'f', 0)
        .arg(q.value(2).toString())
        .arg(q.value(3).toLongLong());
}
} // namespace

const ClinicFigures *ClinicFiguresCache::figures(store::Database &db,
                                                 const InstrumentLibrary &library)
{
    const auto stamp = completeResponsesStamp(db);
    if (!stamp)
        return nullptr;
    if (m_figures && *stamp == m_stamp && m_library == &library)
        return &*m_figures;
    auto loaded = ClinicFigures::load(db, library);
    // Its scratch (a row per complete response) is freed by now: back to the system.
    store::releaseFreedMemory();
    if (!loaded)
        return nullptr;
    m_figures = std::move(loaded);
    m_stamp = *stamp;
    m_library = &library;
    ++m_computations;
    return &*m_figures;
}

void ClinicFiguresCache::invalidate()
{
    m_figures.reset();
    m_stamp.clear();
}

} // namespace triad::insights
