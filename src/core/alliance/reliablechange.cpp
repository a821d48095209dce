#include "reliablechange.h"

#include "descriptive.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>

namespace triad {

namespace {
bool usableReliability(std::optional<double> r)
{
    return r && *r > 0 && *r < 1;
}
bool clinicHasEnough(const ReferenceFigures &f, const RuptureRules &rules)
{
    return f.clinic && f.clinic->n >= rules.minClinicResponses;
}
} // namespace

QString figureSourceId(FigureSource s)
{
    switch (s) {
    case FigureSource::Clinic:
        return QStringLiteral("clinic");
    case FigureSource::Declared:
        return QStringLiteral("declared");
    case FigureSource::Fixed:
        return QStringLiteral("fixed");
    case FigureSource::ClinicRetest:
        return QStringLiteral("clinic-retest");
    case FigureSource::None:
        break;
    }
    return QStringLiteral("none");
}

QString ReliableChangeBasis::reliabilityKind() const
{
    switch (source) {
    case FigureSource::ClinicRetest:
        return QStringLiteral("test-retest");
    case FigureSource::Declared:
        return QStringLiteral("declared");
    case FigureSource::Clinic:
        return QStringLiteral("alpha");
    case FigureSource::Fixed:
    case FigureSource::None:
        break;
    }
    return {};
}

double ReliableChangeBasis::sem() const
{
    return sd * std::sqrt(1.0 - reliability);
}

void ReliableChangeBasis::addTo(QJsonObject &evidence) const
{
    evidence.insert(QStringLiteral("rcSource"), figureSourceId(source));
    evidence.insert(QStringLiteral("rcSd"), sd);
    evidence.insert(QStringLiteral("rcReliability"), reliability);
    evidence.insert(QStringLiteral("rcThreshold"), threshold);
    evidence.insert(QStringLiteral("rcReliabilityKind"), reliabilityKind());
    if (source == FigureSource::ClinicRetest)
        evidence.insert(QStringLiteral("rcPairs"), retestPairs);
}

ReliableChangeBasis reliableChangeBasis(const ReferenceFigures &figures, const RuptureRules &rules)
{
    ReliableChangeBasis b;
    const bool enough = clinicHasEnough(figures, rules);
    const bool clinicSd = enough && figures.clinic->sd > 0;
    const bool declaredSd = figures.declared.sd && *figures.declared.sd > 0;
    if (clinicSd && figures.clinic->retestPairs >= rules.minRetestPairs &&
        usableReliability(figures.clinic->retest)) {
        // Session-to-session reliability, what a change between two sessions needs.
        b.source = FigureSource::ClinicRetest;
        b.sd = figures.clinic->sd;
        b.reliability = *figures.clinic->retest;
        b.retestPairs = figures.clinic->retestPairs;
    } else if ((clinicSd || declaredSd) && usableReliability(figures.declared.reliability)) {
        b.source = FigureSource::Declared;
        b.sd = clinicSd ? figures.clinic->sd : *figures.declared.sd;
        b.reliability = *figures.declared.reliability;
    } else if (clinicSd && usableReliability(figures.clinic->alpha)) {
        b.source = FigureSource::Clinic;
        b.sd = figures.clinic->sd;
        b.reliability = *figures.clinic->alpha;
    }
    if (b.available()) {
        b.threshold = stats::reliableChangeThreshold(b.sd, b.reliability);
        return b;
    }

    // Two halves, each a whole phrase, so translators see complete clauses.
    QString clinicPart;
    const int have = figures.clinic ? figures.clinic->n : 0;
    if (!enough)
        clinicPart = QCoreApplication::translate(
                         "Alliance", "not enough of the clinic's own data yet (%1 of %2 responses)")
                         .arg(have)
                         .arg(rules.minClinicResponses);
    else
        clinicPart = QCoreApplication::translate(
            "Alliance", "the clinic's own data give no usable reliability estimate");
    QString formPart;
    if (!usableReliability(figures.declared.reliability))
        formPart = QCoreApplication::translate("Alliance", "the form declares no reliability");
    else
        formPart =
            QCoreApplication::translate("Alliance", "the form declares no standard deviation");
    b.reason = QCoreApplication::translate("Alliance", "%1 and %2").arg(clinicPart, formPart);
    return b;
}

SdFloor sdFloor(const ReferenceFigures &figures, const RuptureRules &rules)
{
    if (clinicHasEnough(figures, rules) && figures.clinic->sd > 0)
        return {rules.sdFloorFactor * figures.clinic->sd, FigureSource::Clinic};
    if (figures.declared.sd && *figures.declared.sd > 0)
        return {rules.sdFloorFactor * *figures.declared.sd, FigureSource::Declared};
    return {rules.fixedSdFloor, FigureSource::Fixed};
}

PriorSd priorWithinSd(const ReferenceFigures &figures, const RuptureRules &rules)
{
    if (clinicHasEnough(figures, rules) && figures.clinic->withinDf >= rules.minClinicWithinDf &&
        figures.clinic->withinSd > 0)
        return {figures.clinic->withinSd, FigureSource::Clinic};
    const SdFloor floor = sdFloor(figures, rules);
    return {floor.value, floor.source};
}

double pooledSd(double ownSd, int earlierSessions, double prior, double priorDf)
{
    const double dfOwn = std::max(0, earlierSessions - 1);
    const double df = dfOwn + std::max(0.0, priorDf);
    if (df <= 0)
        return prior;
    return std::sqrt((dfOwn * ownSd * ownSd + std::max(0.0, priorDf) * prior * prior) / df);
}

} // namespace triad
