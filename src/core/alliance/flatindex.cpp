#include "flatindex.h"

#include <algorithm>

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

DenseIndex::DenseIndex(qint64 denseLimit)
    : m_limit(std::max<qint64>(denseLimit, 0))
{}

int DenseIndex::slotOf(qint64 key, bool *inserted)
{
    if (key >= 0 && key < m_limit) {
        if (size_t(key) >= m_dense.size())
            m_dense.resize(std::min(size_t(m_limit), std::max(size_t(key) + 1, m_dense.size() * 2)),
                           -1);
        int &slot = m_dense[size_t(key)];
        if (inserted)
            *inserted = slot < 0;
        if (slot < 0)
            slot = m_size++;
        return slot;
    }
    bool fresh = false;
    const int other = m_other.slotOf(quint64(key), &fresh);
    if (fresh)
        m_otherSlot.push_back(m_size++);
    if (inserted)
        *inserted = fresh;
    return m_otherSlot[size_t(other)];
}

int DenseIndex::find(qint64 key) const
{
    if (key >= 0 && key < m_limit)
        return size_t(key) < m_dense.size() ? m_dense[size_t(key)] : -1;
    const int other = m_other.find(quint64(key));
    return other < 0 ? -1 : m_otherSlot[size_t(other)];
}

} // namespace triad
