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

// Reads the numeric answers (text answers are left out) of every current complete response,
// one by one: `take(responseId, itemId, value)` with value an int, a double or a bool as
// Answers holds it. Readers keep less than an Answers per response (a whole clinic's hashes
// took 160 MiB at 2,000 patients). False with db.lastError() set on a database error.
bool readCompleteAnswerValues(
    store::Database &db, const std::function<void(const QString &responseId, const QString &itemId,
                                                  const QVariant &value)> &take);

// What changes whenever the set of complete responses changes: how many there are, which rows
// (the sum of their row ids), the latest completion time and how many are corrections. One
// small query on the response table; the figures caches (ClinicFiguresCache, ItemNormsCache)
// recompute only when it differs. Nullopt with db.lastError() set on a database error.
std::optional<QString> completeResponsesStamp(store::Database &db);

} // namespace triad::insights
