#pragma once
// One thing the physio should know about after a session: which rule fired, for whom, the
// numbers behind it, and a plain sentence addressed to the physio.

#include "core/instrument/instrument.h"

#include <optional>
#include <QJsonObject>

namespace triad {

enum class AlertType {
    Rupture,              // "rupture": more than 2 SD below own earlier mean
    Watch,                // "watch": more than 1 SD below own earlier mean
    BelowCutoff,          // "below-cutoff": below the form's declared cut-off
    ReliableDrop,         // "reliable-drop": reliable change down since the previous session
    Discrepancy,          // "discrepancy": a dyad's gap departs reliably from its usual gap
    ChildFallsAdultsHigh, // "child-falls-adults-high"
    DecliningTrend,       // "declining-trend"
    QualityStraightLine,  // "quality-straight-line": every answer identical
    QualityAllMaximum,    // "quality-all-maximum": every answer at the maximum
    QualityTooFast,       // "quality-too-fast": implausibly fast completion
};
QString alertTypeId(AlertType t);
std::optional<AlertType> alertTypeFromId(const QString &id);
QVector<AlertType> allAlertTypes();

enum class Severity {
    Info,
    Watch,
    Concern
};
QString severityId(Severity s); // "info", "watch", "concern"
Severity defaultSeverity(AlertType t);

// The three dyadic alliances (domain.md §1); the gap is first minus second respondent.
enum class Dyad {
    ChildPhysio,
    ParentPhysio,
    ChildParent
};
QString dyadId(Dyad d); // "child-physio", "parent-physio", "child-parent"
std::optional<Dyad> dyadFromId(const QString &id);
Respondent dyadFirst(Dyad d);
Respondent dyadSecond(Dyad d);

struct Alert
{
    AlertType type = AlertType::Rupture;
    Respondent respondent = Respondent::Child; // for a discrepancy: the dyad's first member
    std::optional<Dyad> dyad;                  // discrepancy alerts only
    QString measure = QStringLiteral("total");
    int sessionIndex = 0;
    Severity severity = Severity::Watch;
    QJsonObject evidence; // the rule and its numbers, e.g. {"rule":"2sd","score":41,...}
    QString prompt;       // translated, addressed to the physio

    QString typeId() const { return alertTypeId(type); }
    QJsonObject toJson() const;
};

} // namespace triad
