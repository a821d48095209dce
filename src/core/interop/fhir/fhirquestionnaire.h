#pragma once
// One instrument as an R4 Questionnaire: canonical URL and version, every item with its answer
// options (ordinal values through the standard ordinalValue extension), sliders marked with the
// standard item-control and slider-step extensions, every language through the standard
// translation extension, and Triad's own extensions for what FHIR has no element for
// (subscales, constructs, facets, reverse keying, read-aloud wording), so that importing the
// Questionnaire gives back the same instrument and the same scores.

#include "core/instrument/instrument.h"

#include <QJsonObject>

namespace triad::interop::fhir {

// The resource id: "<instrument id>-<version>" ("triad-child-8to12-2.0.0").
QString questionnaireId(const Instrument &instrument);
// "<canonical URL>|<version>": what a QuestionnaireResponse's questionnaire says.
QString questionnaireCanonical(const Instrument &instrument);
QJsonObject questionnaireResource(const Instrument &instrument);

// The answer code of a choice value ("1".."5"; yes/no "1"/"0"; kNotApplicableCode for -1).
QString choiceCode(int value);

} // namespace triad::interop::fhir
