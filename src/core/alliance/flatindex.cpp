#include "flatindex.h"

namespace triad {

FlatIndex::FlatIndex(qsizetype expectedKeys)
{
    qsizetype capacity = 16;
    while (capacity < expectedKeys * 2)
        capacity *= 2;
    rehash(capacity);
}

void FlatIndex::rehash(qsizetype capacity)
{
    std::vector<Entry> old;
    old.swap(m_entries);
    m_entries.assign(size_t(capacity), Entry{});
    m_mask = quint64(capacity - 1);
    m_shift = 64;
    for (qsizetype c = capacity; c > 1; c /= 2)
        --m_shift;
    for (const Entry &e : old) {
        if (e.slot < 0)
            continue;
        quint64 pos = mix(e.key) >> m_shift;
        while (m_entries[pos].slot >= 0)
            pos = (pos + 1) & m_mask;
        m_entries[pos] = e;
    }
}

int FlatIndex::slotOf(quint64 key, bool *inserted)
{
    quint64 pos = mix(key) >> m_shift;
    while (m_entries[pos].slot >= 0) {
        if (m_entries[pos].key == key) {
            if (inserted)
                *inserted = false;
            return m_entries[pos].slot;
        }
        pos = (pos + 1) & m_mask;
    }
    if (inserted)
        *inserted = true;
    m_entries[pos] = {key, m_size};
    const int slot = m_size++;
    // Keep the load under one half so probes stay short.
    if (quint64(m_size) * 2 > m_mask + 1)
        rehash(qsizetype(m_mask + 1) * 2);
    return slot;
}

int FlatIndex::find(quint64 key) const
{
    quint64 pos = mix(key) >> m_shift;
    while (m_entries[pos].slot >= 0) {
        if (m_entries[pos].key == key)
            return m_entries[pos].slot;
        pos = (pos + 1) & m_mask;
    }
    return -1;
}

} // namespace triad
