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
    std::vector<quint64> oldKeys;
    std::vector<int> oldSlots;
    oldKeys.swap(m_keys);
    oldSlots.swap(m_slots);
    m_keys.assign(size_t(capacity), 0);
    m_slots.assign(size_t(capacity), -1);
    m_mask = quint64(capacity - 1);
    m_shift = 64;
    for (qsizetype c = capacity; c > 1; c /= 2)
        --m_shift;
    for (size_t i = 0; i < oldKeys.size(); ++i) {
        if (oldSlots[i] < 0)
            continue;
        quint64 pos = mix(oldKeys[i]) >> m_shift;
        while (m_slots[pos] >= 0)
            pos = (pos + 1) & m_mask;
        m_keys[pos] = oldKeys[i];
        m_slots[pos] = oldSlots[i];
    }
}

int FlatIndex::slotOf(quint64 key, bool *inserted)
{
    quint64 pos = mix(key) >> m_shift;
    while (m_slots[pos] >= 0) {
        if (m_keys[pos] == key) {
            if (inserted)
                *inserted = false;
            return m_slots[pos];
        }
        pos = (pos + 1) & m_mask;
    }
    if (inserted)
        *inserted = true;
    m_keys[pos] = key;
    m_slots[pos] = m_size;
    const int slot = m_size++;
    // Keep the load under one half so probes stay short.
    if (quint64(m_size) * 2 > m_mask + 1)
        rehash(qsizetype(m_mask + 1) * 2);
    return slot;
}

int FlatIndex::find(quint64 key) const
{
    quint64 pos = mix(key) >> m_shift;
    while (m_slots[pos] >= 0) {
        if (m_keys[pos] == key)
            return m_slots[pos];
        pos = (pos + 1) & m_mask;
    }
    return -1;
}

} // namespace triad
