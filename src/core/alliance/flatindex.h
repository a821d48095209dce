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

// Slots for keys that are mostly small whole numbers handed out in order, as a database's
// stable keys (seq) are: those are looked up in an array indexed by the key, which records in
// write order walk almost in sequence; other keys (negative, or far beyond the number expected)
// go to a FlatIndex. Slots are 0..size()-1 in the order keys are first seen, wherever they live.
// The dashboard's pass used a FlatIndex alone: each new episode or session was a cache miss
// in a table of several MiB (docs/PERFORMANCE.md, fifteenth pass).
class DenseIndex
{
public:
    // Keys 0..denseLimit-1 use the array, which grows as far as the largest key seen.
    explicit DenseIndex(qint64 denseLimit);

    int slotOf(qint64 key, bool *inserted = nullptr);
    int find(qint64 key) const;
    int size() const { return m_size; }

private:
    std::vector<int> m_dense; // key -> slot, -1 = none
    qint64 m_limit = 0;
    FlatIndex m_other{16};
    std::vector<int> m_otherSlot; // m_other's slot -> slot
    int m_size = 0;
};

} // namespace triad
