#include "itemnormscache.h"

#include "completeresponses.h"

#include "core/store/freedmemory.h"

namespace triad::insights {

const QVector<FormReliability> *ItemNormsCache::norms(store::Database &db,
                                                      const InstrumentLibrary &library)
{
    const auto stamp = completeResponsesStamp(db);
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

void ItemNormsCache::invalidate()
{
    m_norms.reset();
    m_stamp.clear();
}

} // namespace triad::insights
