#include "itemnormscache.h"

#include "completeresponses.h"

#include "core/store/freedmemory.h"

namespace triad::insights {

const QVector<FormReliability> *ItemNormsCache::norms(store::Database &db,
                                                      const InstrumentLibrary &library)
{
    const auto stamp = m_stampCheck.read(db);
    if (!stamp)
        return nullptr;
    if (m_norms && *stamp == m_stamp && m_library == &library)
        return &*m_norms;
    auto loaded = ItemNorms::load(db, library);
    // Its scratch (an Answers per complete response) is freed by now: back to the system.
    store::releaseFreedMemory();
    if (!loaded)
        return nullptr;
    m_norms = std::move(loaded);
    m_stamp = *stamp;
    m_library = &library;
    ++m_computations;
    return &*m_norms;
}

const QVector<FormReliability> *
ItemNormsCache::current(store::Database &db, const InstrumentLibrary &library, bool *databaseError)
{
    if (databaseError)
        *databaseError = false;
    if (!m_norms || m_library != &library)
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
    return *stamp == m_stamp ? &*m_norms : nullptr;
}

const QVector<FormReliability> *ItemNormsCache::currentFor(const QString &stamp,
                                                           const InstrumentLibrary &library) const
{
    return m_norms && m_library == &library && !stamp.isEmpty() && stamp == m_stamp ? &*m_norms
                                                                                    : nullptr;
}

void ItemNormsCache::install(QVector<FormReliability> figures, const QString &stamp,
                             const InstrumentLibrary &library)
{
    m_norms = std::move(figures);
    m_stamp = stamp;
    m_library = &library;
    ++m_computations;
}

void ItemNormsCache::invalidate()
{
    m_norms.reset();
    m_stamp.clear();
}

} // namespace triad::insights
