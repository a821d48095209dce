#pragma once
// One respondent's scores on one measure across an episode's sessions.

#include "norms.h"

#include "core/instrument/instrument.h"

#include <optional>
#include <QDate>
#include <QVector>

namespace triad {

struct SessionPoint
{
    int sessionIndex = 0;
    QDate date;
    std::optional<double> score; // 0-100; nullopt when not answered or not scorable
};

// What the rules know about the instrument + respondent + measure a series comes from.
struct ReferenceFigures
{
    std::optional<Norms> clinic; // the clinic's own norms, when computed
    Psychometrics declared;      // the form's declared SD, reliability and cut-off
};

// "total", or a construct ("goal", "task", "bond") or subscale id.
struct MeasureSeries
{
    Respondent respondent = Respondent::Child;
    QString measure = QStringLiteral("total");
    QVector<SessionPoint> points; // ascending sessionIndex
    ReferenceFigures figures;
};

// Scored points with sessionIndex < `sessionIndex`, oldest first.
QVector<double> scoresBefore(const QVector<SessionPoint> &points, int sessionIndex);
// The last scored point before `sessionIndex`, or nullptr.
const SessionPoint *previousScored(const QVector<SessionPoint> &points, int sessionIndex);
const SessionPoint *pointAt(const QVector<SessionPoint> &points, int sessionIndex);

} // namespace triad
