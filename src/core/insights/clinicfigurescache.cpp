#include "clinicfigurescache.h"

#include "completeresponses.h"

#include "core/store/freedmemory.h"

namespace triad::insights {

const ClinicFigures *ClinicFiguresCache::figures(store::Database &db,
                                                 const InstrumentLibrary &library)
{
    const auto stamp = m_stampCheck.read(db);
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

const ClinicFigures *ClinicFiguresCache::installed(const InstrumentLibrary &library,
                                                   QString *stamp) const
{
    if (!m_figures || m_library != &library)
        return nullptr;
    *stamp = m_stamp;
    return &*m_figures;
}

const ClinicFigures *ClinicFiguresCache::current(store::Database &db,
                                                 const InstrumentLibrary &library,
                                                 bool *databaseError)
{
    if (databaseError)
        *databaseError = false;
    if (!m_figures || m_library != &library)
        return nullptr;
    // Complete responses of this connection's own since the stamp was read: stale, no query.
    if (m_stampCheck.knownChanged(db))
        return nullptr;
    const auto stamp = m_stampCheck.read(db);
    if (!stamp) {
        if (databaseError)
            *databaseError = true;
        return nullptr;
    }
    return *stamp == m_stamp ? &*m_figures : nullptr;
}

void ClinicFiguresCache::install(ClinicFigures figures, const QString &stamp,
                                 const InstrumentLibrary &library)
{
    m_figures = std::move(figures);
    m_stamp = stamp;
    m_library = &library;
    ++m_computations;
}

void ClinicFiguresCache::invalidate()
{
    m_figures.reset();
    m_stamp.clear();
}

} // namespace triad::insights
