#pragma once
// The clinic's current complete responses as ClinicFigures and ItemNorms read them: complete,
// and not replaced by a complete correction. Plain columns only (ids, numeric answers): no key
// is needed. One place, so the norms and the item figures always count the same responses.

#include "core/instrument/answers.h"
#include "core/store/database.h"

#include <functional>
#include <optional>

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
// database error.
// With ByResponseId the responses come in the order of their ids (as ORDER BY r.id), each
// response's answers together, so a reader can meet them with another read in that order.
enum class AnswerOrder {
    AsStored,
    ByResponseId
};
bool readCompleteAnswerValues(
    store::Database &db,
    const std::function<void(const QString &responseId, const QString &itemId,
                             const NumericAnswer &answer)> &take,
    AnswerOrder order = AnswerOrder::AsStored);

// What changes whenever the set of complete responses changes: how many there are, which rows
// (the sum of their row ids), the latest completion time and how many are corrections. One
// small query on the response table; the figures caches (ClinicFiguresCache, ItemNormsCache)
// recompute only when it differs. Nullopt with db.lastError() set on a database error.
std::optional<QString> completeResponsesStamp(store::Database &db);

// The same stamp, read again only when something may have been written since it was last
// read on this connection (store::changeStamp: a row of its own, triggers included, rolled
// back or not, or another connection's commit). At 2,000 patients the stamp's query reads every
// complete response, 10-15 ms of each episode open (issue 12); with nothing written since, this is
// one pragma. Inside an open transaction the stamp is always read and not kept (a rollback would
// take back rows it saw). A database opened again is a new connection: read again.
class StampCheck
{
public:
    std::optional<QString> read(store::Database &db);
    // How many times the stamp's query ran (observable in tests).
    int queries() const { return m_queries; }

private:
    QString m_mark; // the connection and its changeStamp when m_stamp was read
    QString m_stamp;
    int m_queries = 0;
};

} // namespace triad::insights
