#pragma once
// The names Triad's FHIR R4 resources use: the standard extensions and code systems, and the
// project's own canonical base, CodeSystems and extensions for what FHIR has no element for
// (subscales, constructs, reverse keying, read-aloud wording). docs/INTEROP.md, "FHIR R4".

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace triad {
class LocalizedText;
}

namespace triad::interop::fhir {

// The project's canonical base. ".invalid" never resolves (RFC 6761): Triad publishes no
// server, and a clinic that does replaces it nowhere else than here.
inline const QString kBase = QStringLiteral("https://triad.invalid/fhir");

// Standard (core R4 and SDC) extensions.
inline const QString kTranslation =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/translation");
inline const QString kOrdinalValue =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/ordinalValue");
inline const QString kItemWeight =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/itemWeight");
inline const QString kItemControl =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl");
inline const QString kItemControlSystem =
    QStringLiteral("http://hl7.org/fhir/questionnaire-item-control");
inline const QString kSliderStep =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue");
inline const QString kMinValue = QStringLiteral("http://hl7.org/fhir/StructureDefinition/minValue");
inline const QString kMaxValue = QStringLiteral("http://hl7.org/fhir/StructureDefinition/maxValue");
inline const QString kFlagDetail =
    QStringLiteral("http://hl7.org/fhir/StructureDefinition/flag-detail");
inline const QString kObservationCategory =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/observation-category");
inline const QString kDataAbsentReason =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/data-absent-reason");
inline const QString kRoleCode =
    QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-RoleCode");
inline const QString kUcum = QStringLiteral("http://unitsofmeasure.org");

// The project's own.
QString questionnaireUrl(const QString &instrumentId);
QString extensionUrl(const QString &name);     // kBase/StructureDefinition/<name>
QString codeSystemUrl(const QString &name);    // kBase/CodeSystem/<name>
QString identifierSystem(const QString &name); // kBase/identifier/<name>
inline const QString kScoresCodeSystem = QStringLiteral("triad-scores");
inline const QString kAlertsCodeSystem = QStringLiteral("triad-alerts");
inline const QString kActionsCodeSystem = QStringLiteral("triad-actions");
// The answer codes of one response format: kBase/CodeSystem/<instrument>-<format>.
QString answerSystem(const QString &instrumentId, const QString &formatId);
// The code of the "not yet / doesn't apply" answer.
inline const QString kNotApplicableCode = QStringLiteral("not-applicable");

// "urn:uuid:<uuid>" of a name-based (v5) UUID, so the same record gets the same fullUrl in
// every export and a FHIR server's PUT stays idempotent.
QString stableUuid(const QString &name);
QString urnFor(const QString &name);

QJsonObject extension(const QString &url, const QString &valueKey, const QJsonValue &value);
QJsonObject coding(const QString &system, const QString &code, const QString &display = {});
QJsonObject codeableConcept(const QString &system, const QString &code,
                            const QString &display = {});
QJsonObject identifier(const QString &system, const QString &value);
QJsonObject reference(const QString &urn);
// {"extension": [translation, ...]} for the languages other than `primary`, or an empty
// object when the text has none: what goes in "_text", "_title", "_display".
QJsonObject translations(const LocalizedText &text, const QString &primary);
// Sets object[key] (the primary language) and object["_" + key] (the other languages).
void putText(QJsonObject &object, const QString &key, const LocalizedText &text,
             const QString &primary);
// Every language of a localized text as our own extension (for wording FHIR has no element
// for, such as the read-aloud text): valueString in `primary`, translations beside it.
QJsonObject textExtension(const QString &name, const LocalizedText &text, const QString &primary);

} // namespace triad::interop::fhir
