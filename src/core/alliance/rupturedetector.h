#pragma once
// Rupture rules on one respondent's series (docs/ALLIANCE.md):
// (a) more than 1 SD ("watch") / 2 SD ("rupture") below the respondent's own mean of
//     earlier sessions, SD = max(own SD pooled with the clinic's typical within-person SD,
//     a floor from clinic data);
// (b) a reliable drop from the previous scored session (Jacobson & Truax);
// (c) below the form's declared cut-off.
// Then repair after each rupture (2 SD or reliable drop) and a state for every session.

#include "findings.h"
#include "reliablechange.h"
#include "rupturerules.h"
#include "sessionseries.h"

namespace triad {

// Rule (a)'s view of a session: the own earlier mean and the SD it uses.
struct OwnHistory
{
    bool applicable = false;
    int earlierSessions = 0; // earlier scored sessions the usual level uses
    int leftOut = 0;         // earlier ruptures left out of it
    double ownMean = 0;
    double ownSd = 0;
    PriorSd prior;       // the clinic's typical within-person SD, or the floor
    double pooledSd = 0; // own SD shrunk towards the prior (RuptureRules::priorDf)
    SdFloor floor;
    double sdUsed = 0; // max(pooledSd, floor.value)
    QString reason;    // why not applicable (translated), empty when applicable
};

class OwnHistories;

class RuptureDetector
{
public:
    explicit RuptureDetector(RuptureRules rules = {});

    OwnHistory ownHistory(const MeasureSeries &series, int sessionIndex) const;
    // The SD for "falls by 1 SD" comparisons: own SD (when rule (a) applies) floored.
    double sdUsed(const MeasureSeries &series, int sessionIndex) const;
    // The earlier scores the usual level rests on: every scored session before
    // `sessionIndex` except earlier ruptures (more than ruptureSd below the usual level of the
    // sessions kept before them), so one rupture never lowers the next session's baseline.
    QVector<double> usualScoresBefore(const MeasureSeries &series, int sessionIndex,
                                      int *leftOut = nullptr) const;

    SeriesFindings detect(const MeasureSeries &series, const QString &childFirstName) const;

private:
    friend class OwnHistories;
    // The usual scores before sessionIndex; with `before`, rule (a)'s view before each point
    // on the way, appended in the series' order.
    QVector<double> walk(const MeasureSeries &series, int sessionIndex, int *leftOut,
                         QVector<OwnHistory> *before) const;
    OwnHistory historyFrom(const QVector<double> &earlier, int leftOut, const SdFloor &floor,
                           const PriorSd &prior) const;
    void notesForLatest(const MeasureSeries &series, const OwnHistory &own, int latest,
                        const ReliableChangeBasis &rc, SeriesFindings &out) const;
    RuptureRules m_rules;
};

// Rule (a)'s view of every session of one series, worked out in one walk: what
// RuptureDetector::ownHistory gives for each session, without walking the series again for
// each (a 50-session episode asked it a few hundred times). The series must outlive it.
class OwnHistories
{
public:
    OwnHistories(const RuptureDetector &detector, const MeasureSeries &series);
    // The same as detector.ownHistory(series, sessionIndex).
    const OwnHistory &at(int sessionIndex) const;

private:
    const MeasureSeries *m_series;
    QVector<OwnHistory> m_before; // before each point of the series, then after the last
};

} // namespace triad
