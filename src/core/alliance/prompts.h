#pragma once
// The plain sentences alerts show the physio, translatable (context "Alliance"); %1 is the
// child's first name. Sentences are whole per respondent so translators never glue pieces.

#include "alert.h"

namespace triad {

// `extra` fills %2 where a sentence has one: the trend window for declining-trend, the
// seconds per question for quality-too-fast. An empty name reads "the child".
QString alertPrompt(AlertType type, Respondent respondent, std::optional<Dyad> dyad,
                    const QString &childFirstName, const QString &extra = {});

} // namespace triad
