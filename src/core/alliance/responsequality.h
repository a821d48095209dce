#pragma once
// Response quality flags: shown beside the score, never used to drop a response.
// Uniformly perfect answers may mean reluctance to give negative feedback (domain.md §3;
// seed 004: unspoken concerns behind satisfied answers).

#include "alert.h"
#include "rupturerules.h"

#include <optional>
#include <QVector>

namespace triad {

struct ResponseQualityInput
{
    Respondent respondent = Respondent::Child;
    int sessionIndex = 0;
    // Each answered item's position on its own scale, 0-100, BEFORE reverse-keying: what the
    // respondent tapped. Straight-lining is judged on these.
    QVector<double> answerPositions;
    // The same answers AFTER reverse-keying (0-100, 100 = best alliance). "All at the
    // maximum" is judged on these; empty means the form has no reverse items (use positions).
    QVector<double> keyedValues;
    std::optional<double> durationSeconds; // time from first display to submit
};

// quality-all-maximum (which then replaces quality-straight-line), quality-straight-line,
// quality-too-fast (seconds per answered item below rules.minSecondsPerItem).
QVector<Alert> responseQualityFlags(const ResponseQualityInput &response, const RuptureRules &rules,
                                    const QString &childFirstName);

} // namespace triad
