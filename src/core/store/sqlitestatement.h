// A prepared SQLite statement for the read paths that step through many rows with the C API
// (the dashboard's facts, the research export); finalized on every return path.
#pragma once

#include <sqlite3.h>
#include <string>

namespace triad::store {

class SqliteStatement
{
public:
    SqliteStatement(sqlite3 *db, const char *sql)
    {
        m_ok = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) == SQLITE_OK;
    }
    ~SqliteStatement() { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    bool ok() const { return m_ok; }
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = false;
};

// One read transaction around a read path that goes through most of the file (the dashboard),
// with the file's pages mapped instead of copied (PRAGMA mmap_size) while it runs: every query
// inside sees the same database, and a page the OS has cached costs no copy. The connection's
// own mapping setting comes back at the end. Inside a transaction the caller already holds,
// only the mapping changes.
class SqliteReadScope
{
public:
    SqliteReadScope(sqlite3 *db, sqlite3_int64 mmapBytes)
        : m_db(db)
    {
        {
            SqliteStatement q(db, "PRAGMA mmap_size");
            if (q.ok() && sqlite3_step(q.get()) == SQLITE_ROW)
                m_mmapBefore = sqlite3_column_int64(q.get(), 0);
        }
        setMmap(mmapBytes);
        if (sqlite3_get_autocommit(db))
            m_began = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~SqliteReadScope()
    {
        if (m_began)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        setMmap(m_mmapBefore);
    }
    SqliteReadScope(const SqliteReadScope &) = delete;
    SqliteReadScope &operator=(const SqliteReadScope &) = delete;

private:
    void setMmap(sqlite3_int64 bytes)
    {
        const std::string sql = "PRAGMA mmap_size = " + std::to_string(bytes);
        sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
    }
    sqlite3 *m_db;
    sqlite3_int64 m_mmapBefore = 0;
    bool m_began = false;
};

} // namespace triad::store
