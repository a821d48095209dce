// A prepared SQLite statement for the read paths that step through many rows with the C API
// (the dashboard's facts, the research export); finalized on every return path.
#pragma once

#include <sqlite3.h>

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

} // namespace triad::store
