#pragma once
// Where the SD and reliability for the Jacobson & Truax criterion come from: the clinic's
// own norms once it has enough responses, else the form's declared psychometrics, else
// nowhere, with a plain reason the UI can show.

#include "rupturerules.h"
#include "sessionseries.h"

#include <QJsonObject>

namespace triad {

enum class FigureSource {
    Clinic,       // the clinic's own figures (for reliability: Cronbach's alpha)
    Declared,     // the form's declared figures
    Fixed,        // a fixed default
    None,         // not available
    ClinicRetest, // the clinic's test-retest reliability (Norms::retest)
};
// "clinic", "declared", "fixed", "none", "clinic-retest"
QString figureSourceId(FigureSource s);

struct ReliableChangeBasis
{
    FigureSource source = FigureSource::None;
    double sd = 0;
    double reliability = 0;
    double threshold = 0; // 1.96 * sd * sqrt(2 * (1 - reliability))
    int retestPairs = 0;  // the session pairs behind a test-retest reliability
    QString reason;       // why not available (plain, translated); empty when available
    bool available() const { return source != FigureSource::None; }
    // Measurement error (SEM = sd * sqrt(1 - r)), used for difference scores.
    double sem() const;
    // "rcSd", "rcReliability", "rcSource", "rcThreshold", and "rcReliabilityKind": which
    // reliability was used ("test-retest", "declared" or "alpha"; "rcPairs" with test-retest).
    void addTo(QJsonObject &evidence) const;
    QString reliabilityKind() const;
};

// SD: the clinic's once it has enough responses, else the form's declared. Reliability, in
// this order: the clinic's test-retest r (enough responses and minRetestPairs pairs), the
// form's declared reliability, the clinic's alpha (docs/ALLIANCE.md, "Which reliability").
ReliableChangeBasis reliableChangeBasis(const ReferenceFigures &figures, const RuptureRules &rules);

// The SD floor for rule (a): sdFloorFactor x the clinic SD (enough responses), else x the
// declared SD, else rules.fixedSdFloor.
struct SdFloor
{
    double value = 0;
    FigureSource source = FigureSource::Fixed;
};
SdFloor sdFloor(const ReferenceFigures &figures, const RuptureRules &rules);

// The prior for rule (a)'s pooled SD: the clinic's typical within-person SD (pooled
// within-episode SD, enough responses and df), else the SD floor and its source.
struct PriorSd
{
    double value = 0;
    FigureSource source = FigureSource::Fixed;
};
PriorSd priorWithinSd(const ReferenceFigures &figures, const RuptureRules &rules);
// sqrt((dfOwn * ownSd^2 + priorDf * prior^2) / (dfOwn + priorDf)); dfOwn = earlier - 1.
double pooledSd(double ownSd, int earlierSessions, double prior, double priorDf);

} // namespace triad
