#pragma once
// The clinic's current complete responses as ClinicFigures and ItemNorms read them: complete,
// and not replaced by a complete correction. Plain columns only (ids, numeric answers): no key
// is needed. One place, so the norms and the item figures always count the same responses.

#include "core/instrument/answers.h"
#include "core/store/database.h"

#include <functional>
#include <optional>

struct sqlite3_stmt;

namespace triad::insights {

// SQL condition on a response aliased `r`: complete, and no complete correction replaces it.
QString currentCompleteCondition();

// One numeric answer as a reader of the whole clinic keeps it: 16 bytes with the item's index
// in the reader's own list of item ids, where an item id and a QVariant took 56 (issue 12).
struct NumericAnswer
{
    enum Kind : quint8 {
        Int,
        Real,
        Bool
    };
    double number = 0;
    qint32 item = -1; // what the reader makes of the item id; -1 until it sets it
    Kind kind = Int;

    // As Answers holds it: an int, a double or a bool.
    QVariant value() const
    {
        switch (kind) {
        case Real:
            return number;
        case Bool:
            return number != 0;
        case Int:
            break;
        }
        return int(number);
    }
};

// Reads the numeric answers (text answers are left out) of every current complete response,
// one by one: `take(responseId, itemId, answer)`. Readers keep less than an Answers per response
// (a whole clinic's hashes took 160 MiB at 2,000 patients). False with db.lastError() set on a
// database error. The item id is SQLite's UTF-8, valid during the call only.
bool readCompleteAnswerValues(
    store::Database &db, const std::function<void(const QString &responseId, QByteArrayView itemId,
                                                  const NumericAnswer &answer)> &take);
// The answer on the row a statement stands on, from its value_kind and value_num columns.
NumericAnswer numericAnswerAt(sqlite3_stmt *row, int kindColumn, int valueColumn);

// What changes whenever the set of complete responses changes: how many there are, which rows
// (the sum of their row ids), the latest completion time and how many are corrections. One
// small query on the response table; the figures caches (ClinicFiguresCache, ItemNormsCache)
// recompute only when it differs. Nullopt with db.lastError() set on a database error.
std::optional<QString> completeResponsesStamp(store::Database &db);

// What may have changed the complete responses on a connection, cheaper than the stamp's query
// and narrower than store::changeStamp (issue 12): PRAGMA data_version (another connection
// committed), and how many rows of response this connection itself completed, inserted
// complete, changed while complete or deleted while complete. A draft answer saved, an audit
// entry or an alert does not count, where total_changes() counts every row. The count is kept
// by temporary triggers the first call adds to this connection: TEMP objects live in the
// connection's own temporary schema, never in the clinic file (nothing to migrate, seal or
// verify), and go with the connection; a rollback takes the count back with the rows.
// Nullopt on a database error (db.lastError() is left alone: callers then read the stamp
// itself).
struct CompleteWrites
{
    qint64 dataVersion = 0;
    qint64 own = 0;
    bool operator==(const CompleteWrites &o) const
    {
        return dataVersion == o.dataVersion && own == o.own;
    }
};
std::optional<CompleteWrites> completeWrites(store::Database &db);

// The same stamp, read again only when the complete responses may have changed since it was
// last read on this connection (completeWrites: a complete response of its own, rolled back
// or not, or another connection's commit; a draft answer saved does not count). At 2,000
// patients the stamp's query reads every complete response, 10-17 ms on the UI thread (issue
// 12); with nothing written since, this is one small query of two numbers. Inside an open
// transaction the stamp is always read and not kept (a rollback would take back rows it saw).
// A database opened again is a new connection: read again.
class StampCheck
{
public:
    // Where the connection stands (completeWrites), with its name: comparable with a later
    // one on the same connection only.
    struct Mark
    {
        QString connection;
        CompleteWrites writes;
        bool operator==(const Mark &o) const
        {
            return connection == o.connection && writes == o.writes;
        }
        bool operator!=(const Mark &o) const { return !(*this == o); }
    };

    std::optional<QString> read(store::Database &db);
    // True when the stamp has certainly changed since it was last read here, without reading
    // it: no other connection committed and this one completed, changed or deleted a complete
    // response since. The figures worked out before are then stale (the caller starts them
    // again on a worker and need not wait for the query).
    bool knownChanged(store::Database &db);
    // The mark now; nullopt inside a transaction or when it cannot be read.
    static std::optional<Mark> markNow(store::Database &db);
    // True when, between `before` and `after`, no other connection committed and this one
    // completed, changed or deleted a complete response: the stamp certainly moved.
    static bool ownWritesOnly(const Mark &before, const Mark &after);
    // Takes `stamp`, read by another connection in a snapshot it began after `mark` was taken,
    // as the stamp now. Only when the mark is the same now as then: nothing could have changed
    // the complete responses in between, so the snapshot saw what this connection sees.
    void adopt(const Mark &mark, const QString &stamp);
    // How many times the stamp's query ran (observable in tests).
    int queries() const { return m_queries; }

private:
    std::optional<Mark> m_mark; // where the connection stood when m_stamp was read
    QString m_stamp;
    int m_queries = 0;
};

} // namespace triad::insights
