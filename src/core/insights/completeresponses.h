#pragma once
// The clinic's current complete responses as ClinicFigures and ItemNorms read them: complete,
// and not replaced by a complete correction. Plain columns only (ids, numeric answers): no key
// is needed. One place, so the norms and the item figures always count the same responses.

#include "core/instrument/answers.h"
#include "core/store/database.h"

#include <functional>

namespace triad::insights {

// SQL condition on a response aliased `r`: complete, and no complete correction replaces it.
QString currentCompleteCondition();

// Reads the numeric answers (text answers are left out) of every current complete response.
// `answersOf(responseId)` returns the Answers to fill for that response, or nullptr to skip it.
// False with db.lastError() set on a database error.
bool readCompleteAnswers(store::Database &db,
                         const std::function<Answers *(const QString &responseId)> &answersOf);

} // namespace triad::insights
