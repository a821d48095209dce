#include "alert.h"

#include <QJsonValue>
#include <utility>

namespace triad {

namespace {
const std::pair<AlertType, const char *> alertTypes[] = {
    {AlertType::Rupture, "rupture"},
    {AlertType::Watch, "watch"},
    {AlertType::BelowCutoff, "below-cutoff"},
    {AlertType::ReliableDrop, "reliable-drop"},
    {AlertType::Discrepancy, "discrepancy"},
    {AlertType::ChildFallsAdultsHigh, "child-falls-adults-high"},
    {AlertType::DecliningTrend, "declining-trend"},
    {AlertType::QualityStraightLine, "quality-straight-line"},
    {AlertType::QualityAllMaximum, "quality-all-maximum"},
    {AlertType::QualityTooFast, "quality-too-fast"},
};
const std::pair<Dyad, const char *> dyads[] = {{Dyad::ChildPhysio, "child-physio"},
                                               {Dyad::ParentPhysio, "parent-physio"},
                                               {Dyad::ChildParent, "child-parent"}};
} // namespace

QString alertTypeId(AlertType t)
{
    for (const auto &[type, id] : alertTypes)
        if (type == t)
            return QString::fromLatin1(id);
    return {};
}

std::optional<AlertType> alertTypeFromId(const QString &id)
{
    for (const auto &[type, name] : alertTypes)
        if (id == QLatin1String(name))
            return type;
    return std::nullopt;
}

QVector<AlertType> allAlertTypes()
{
    QVector<AlertType> all;
    for (const auto &entry : alertTypes)
        all.append(entry.first);
    return all;
}

QString severityId(Severity s)
{
    switch (s) {
    case Severity::Info:
        return QStringLiteral("info");
    case Severity::Watch:
        return QStringLiteral("watch");
    case Severity::Concern:
        break;
    }
    return QStringLiteral("concern");
}

Severity defaultSeverity(AlertType t)
{
    switch (t) {
    case AlertType::Rupture:
    case AlertType::ReliableDrop:
    case AlertType::ChildFallsAdultsHigh:
        return Severity::Concern;
    case AlertType::Watch:
    case AlertType::BelowCutoff:
    case AlertType::Discrepancy:
    case AlertType::DecliningTrend:
        return Severity::Watch;
    case AlertType::QualityStraightLine:
    case AlertType::QualityAllMaximum:
    case AlertType::QualityTooFast:
        break;
    }
    return Severity::Info;
}

QString dyadId(Dyad d)
{
    for (const auto &[dyad, id] : dyads)
        if (dyad == d)
            return QString::fromLatin1(id);
    return {};
}

std::optional<Dyad> dyadFromId(const QString &id)
{
    for (const auto &[dyad, name] : dyads)
        if (id == QLatin1String(name))
            return dyad;
    return std::nullopt;
}

Respondent dyadFirst(Dyad d)
{
    return d == Dyad::ParentPhysio ? Respondent::Parent : Respondent::Child;
}

Respondent dyadSecond(Dyad d)
{
    return d == Dyad::ChildParent ? Respondent::Parent : Respondent::Physio;
}

QJsonObject Alert::toJson() const
{
    QJsonObject o{{QStringLiteral("type"), typeId()},
                  {QStringLiteral("respondent"), respondentId(respondent)},
                  {QStringLiteral("measure"), measure},
                  {QStringLiteral("sessionIndex"), sessionIndex},
                  {QStringLiteral("severity"), severityId(severity)},
                  {QStringLiteral("evidence"), evidence},
                  {QStringLiteral("prompt"), prompt}};
    if (dyad)
        o.insert(QStringLiteral("dyad"), dyadId(*dyad));
    return o;
}

} // namespace triad
