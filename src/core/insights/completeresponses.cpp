#include "completeresponses.h"

#include "dashboardfacts.h"

#include "core/store/sqlitestatement.h"

#include <QSqlQuery>
#include <sqlite3.h>

namespace triad::insights {

QString currentCompleteCondition()
{
    return QStringLiteral("r.status = 'complete' AND NOT EXISTS (SELECT 1 FROM response c "
                          "WHERE c.supersedes = r.id AND c.status = 'complete')");
}

NumericAnswer numericAnswerAt(sqlite3_stmt *row, int kindColumn, int valueColumn)
{
    const QByteArrayView kind(reinterpret_cast<const char *>(sqlite3_column_text(row, kindColumn)),
                              sqlite3_column_bytes(row, kindColumn));
    NumericAnswer answer;
    answer.number = sqlite3_column_double(row, valueColumn);
    if (kind == "real") {
        answer.kind = NumericAnswer::Real;
    } else if (kind == "bool") {
        answer.kind = NumericAnswer::Bool;
        answer.number = sqlite3_column_int(row, valueColumn) != 0 ? 1 : 0;
    } else {
        answer.number = qRound(answer.number);
    }
    return answer;
}

bool readCompleteAnswerValues(
    store::Database &db, const std::function<void(const QString &responseId, QByteArrayView itemId,
                                                  const NumericAnswer &answer)> &take)
{
    const QString sql = QStringLiteral("SELECT r.id, a.item_id, a.value_kind, a.value_num "
                                       "FROM answer a JOIN response r ON r.id = a.response_id "
                                       "WHERE %1 AND a.value_kind <> 'text'")
                            .arg(currentCompleteCondition());
    // Straight through SQLite (issue 12): Qt's driver turned every column of every answer into
    // UTF-16 and a QVariant, half of the clinic figures' time. A response's answers come one
    // after another, so its id is made into a QString once.
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        db.setError(store::StoreErrorKind::Io, QStringLiteral("complete answers: no SQLite"));
        return false;
    }
    const QByteArray utf8 = sql.toUtf8();
    store::SqliteStatement a(handle, utf8.constData());
    if (!a.ok()) {
        db.setError(
            store::StoreErrorKind::Io,
            QStringLiteral("complete answers: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
        return false;
    }
    const auto text = [&a](int column) {
        return QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_text(a.get(), column)),
                              sqlite3_column_bytes(a.get(), column));
    };
    QByteArray lastResponse;
    QString responseId;
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(a.get())) == SQLITE_ROW) {
        const QByteArrayView response = text(0);
        if (response != lastResponse) {
            lastResponse = response.toByteArray();
            responseId = QString::fromUtf8(lastResponse);
        }
        // The item id as SQLite holds it (UTF-8), valid until the next step: no QString made
        // for each of hundreds of thousands of answers (issue 12).
        const QByteArrayView itemId = text(1);
        take(responseId, itemId, numericAnswerAt(a.get(), 2, 3));
    }
    if (rc != SQLITE_DONE) {
        db.setError(
            store::StoreErrorKind::Io,
            QStringLiteral("complete answers: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))));
        return false;
    }
    return true;
}

std::optional<QString> completeResponsesStamp(store::Database &db)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("SELECT count(*), total(rowid), max(completed_at), "
                                      "count(supersedes) FROM response "
                                      "WHERE status = 'complete'")) ||
        !db.exec(q) || !q.next())
        return std::nullopt;
    return QStringLiteral("%1|%2|%3|%4")
        .arg(q.value(0).toLongLong())
        .arg(q.value(1).toDouble(), 0, 'f', 0)
        .arg(q.value(2).toString())
        .arg(q.value(3).toLongLong());
}

namespace {

const char *const kReadCompleteWrites =
    "SELECT n, (SELECT data_version FROM pragma_data_version) FROM temp.triad_complete_writes";

// The count and its triggers, added once per connection, all or none (a count without its
// triggers would never move). Unqualified names inside the triggers: SQLite resolves them in
// the temporary schema first. Only the temporary schema is written: no lock on the file.
const char *const kCountCompleteWrites =
    "BEGIN;"
    "CREATE TEMP TABLE IF NOT EXISTS triad_complete_writes (n INTEGER NOT NULL);"
    "INSERT INTO temp.triad_complete_writes SELECT 0 "
    " WHERE NOT EXISTS (SELECT 1 FROM temp.triad_complete_writes);"
    "CREATE TEMP TRIGGER IF NOT EXISTS triad_complete_added AFTER INSERT ON main.response"
    " WHEN NEW.status = 'complete' BEGIN UPDATE triad_complete_writes SET n = n + 1; END;"
    "CREATE TEMP TRIGGER IF NOT EXISTS triad_complete_changed AFTER UPDATE ON main.response"
    " WHEN OLD.status = 'complete' OR NEW.status = 'complete'"
    " BEGIN UPDATE triad_complete_writes SET n = n + 1; END;"
    "CREATE TEMP TRIGGER IF NOT EXISTS triad_complete_gone AFTER DELETE ON main.response"
    " WHEN OLD.status = 'complete' BEGIN UPDATE triad_complete_writes SET n = n + 1; END;"
    "COMMIT;";

std::optional<CompleteWrites> readCompleteWrites(sqlite3 *handle)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, kReadCompleteWrites, -1, &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        return std::nullopt;
    }
    std::optional<CompleteWrites> out;
    if (sqlite3_step(statement) == SQLITE_ROW)
        out =
            CompleteWrites{sqlite3_column_int64(statement, 1), sqlite3_column_int64(statement, 0)};
    sqlite3_finalize(statement);
    return out;
}

} // namespace

std::optional<CompleteWrites> completeWrites(store::Database &db)
{
    sqlite3 *sqlite = db.isOpen() ? sqliteHandle(db) : nullptr;
    if (!sqlite)
        return std::nullopt;
    if (auto counted = readCompleteWrites(sqlite))
        return counted;
    // Not counted on this connection yet. Only outside a transaction: a rollback would take
    // the triggers back.
    if (sqlite3_get_autocommit(sqlite) == 0)
        return std::nullopt;
    if (sqlite3_exec(sqlite, kCountCompleteWrites, nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (sqlite3_get_autocommit(sqlite) == 0)
            sqlite3_exec(sqlite, "ROLLBACK", nullptr, nullptr, nullptr);
        return std::nullopt;
    }
    return readCompleteWrites(sqlite);
}

std::optional<StampCheck::Mark> StampCheck::markNow(store::Database &db)
{
    sqlite3 *handle = db.isOpen() ? sqliteHandle(db) : nullptr;
    if (!handle || sqlite3_get_autocommit(handle) == 0)
        return std::nullopt;
    const auto writes = completeWrites(db);
    if (!writes)
        return std::nullopt;
    return Mark{db.connectionName(), *writes};
}

std::optional<QString> StampCheck::read(store::Database &db)
{
    // Taken before the stamp: a commit landing between the two makes the next read ask again.
    const std::optional<Mark> mark = markNow(db);
    if (mark && m_mark && *mark == *m_mark && !m_stamp.isEmpty())
        return m_stamp;
    ++m_queries;
    auto stamp = completeResponsesStamp(db);
    m_mark = stamp ? mark : std::nullopt;
    m_stamp = stamp && mark ? *stamp : QString();
    return stamp;
}

bool StampCheck::ownWritesOnly(const Mark &before, const Mark &after)
{
    return after.connection == before.connection &&
           after.writes.dataVersion == before.writes.dataVersion &&
           after.writes.own != before.writes.own;
}

bool StampCheck::knownChanged(store::Database &db)
{
    if (!m_mark || m_stamp.isEmpty())
        return false;
    const std::optional<Mark> mark = markNow(db);
    return mark && ownWritesOnly(*m_mark, *mark);
}

void StampCheck::adopt(const Mark &mark, const QString &stamp)
{
    m_mark = mark;
    m_stamp = stamp;
}

} // namespace triad::insights
