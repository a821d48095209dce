#pragma once
// Every threshold the alliance rules use, with its default and where it comes from.
// docs/ALLIANCE.md explains them for clinicians; change a default there too.

namespace triad {

struct RuptureRules
{
    // (a) Drop below the respondent's own mean of earlier sessions (Gumz 2012: 1 SD lenient,
    // 2 SD strict; a 2024 Dutch study validated 2 SD against observer coding).
    double watchSd = 1.0;   // more than 1 SD below: "watch"
    double ruptureSd = 2.0; // more than 2 SD below: "rupture"
    int minEarlierSessions = 3;
    // An own SD from 3-5 earlier sessions is a poor estimate (its df are 2-4), so it is
    // pooled with the clinic's typical within-person SD (Norms::withinSd) as if that prior
    // were priorDf extra degrees of freedom:
    //   pooled = sqrt((df_own * s_own^2 + priorDf * s_prior^2) / (df_own + priorDf)).
    // The clinic's figure is used once it has minClinicResponses responses and
    // minClinicWithinDf within-episode df; else the prior is the SD floor below.
    double priorDf = 4.0;
    int minClinicWithinDf = 20;
    // The SD used is max(pooled SD, floor), so a flat series does not alarm on a tiny dip.
    // Floor = sdFloorFactor x the clinic's SD for this instrument + respondent (once it has
    // minClinicResponses), else x the form's declared SD, else fixedSdFloor points.
    double sdFloorFactor = 0.5;
    double fixedSdFloor = 5.0;

    // (b) Reliable drop from the previous session (Jacobson & Truax): the clinic's own SD
    // once it has this many completed responses, with the reliability of session-to-session
    // change: the clinic's test-retest r once it has minRetestPairs stable session pairs,
    // else the form's declared reliability, else the clinic's Cronbach's alpha.
    int minClinicResponses = 30;
    int minRetestPairs = 10;

    // Repair: back within repairSd SDs of the pre-rupture mean, or a reliable rise, within
    // the next repairWindow scored sessions (the V-shape; Eubanks 2018).
    double repairSd = 1.0;
    int repairWindow = 2;

    // Discrepancy: the dyad's usual gap in this episode needs this many earlier sessions
    // with both scores; else the clinic's usual gap for the dyad and age band is used.
    int minDyadSessions = 2;
    // A gap widens (first member lower relative to the second) when today's departure from
    // the usual gap is at least dyadSingleZ SDs, SD = sqrt(sdA^2 + sdB^2) * sqrt(1 + 1/n),
    // or the mean gap of the last dyadWindow sessions departs by dyadWindowZ SDs,
    // SD = sqrt(sdA^2 + sdB^2) * sqrt(1/dyadWindow + 1/n) (n: usual-gap sessions before).
    double dyadSingleZ = 3.0;
    double dyadWindowZ = 2.2;
    int dyadWindow = 3;
    // "Adults stay high" for child-falls-adults-high: each adult's score at least this
    // (0-100) and not itself falling.
    double adultsHighScore = 70.0;

    // Declining trend over the last trendWindow scored sessions: OLS slope at most
    // -trendSlope points per session ...
    int trendWindow = 4;
    double trendSlope = 2.5;
    // ... and the fall over the window is reliable (else trendSlope per step), at least all
    // but one step go down, no single step is more than this share of the fall (one big step
    // is a rupture), and the latest score does not rise.
    double trendMaxStepShare = 0.6;

    // Response quality flags (flags, never exclusions).
    int minItemsForPatternFlags = 3; // straight-lining / all-maximum need this many answers
    double minSecondsPerItem = 1.5;  // faster than this per answered item: "too fast"
};

} // namespace triad
