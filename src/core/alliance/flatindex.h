#pragma once
// A fixed-capacity open-addressing index from 64-bit keys to dense slots 0..n-1, for the
// dashboard's single pass over a million records: one allocation up front, no allocation
// per record, no per-node memory like QHash/std::unordered_map.

#include <QtGlobal>
#include <vector>

namespace triad {

class FlatIndex
{
public:
    // Room for at least `expectedKeys` distinct keys (grows if exceeded).
    explicit FlatIndex(qsizetype expectedKeys);

    // The key's slot, inserting it when new (`inserted` tells which).
    int slotOf(quint64 key, bool *inserted = nullptr);
    // The key's slot, or -1.
    int find(quint64 key) const;
    int size() const { return m_size; }

private:
    void rehash(qsizetype capacity);
    static quint64 mix(quint64 key) { return key * 0x9E3779B97F4A7C15ULL; }

    // Key and slot side by side: a look-up of a new key costs one cache miss, not two.
    struct Entry
    {
        quint64 key = 0;
        int slot = -1; // -1 = empty
    };
    std::vector<Entry> m_entries;
    quint64 m_mask = 0;
    int m_shift = 0;
    int m_size = 0;
};

} // namespace triad
