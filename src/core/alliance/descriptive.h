#pragma once
// The few descriptive statistics the alliance rules need, in one place so every rule
// computes "SD" the same way (sample SD, n - 1), as the published rules and
// Cronbach's alpha do.

#include <optional>
#include <QVector>

namespace triad::stats {

double mean(const QVector<double> &values);
// Sample variance (n - 1); 0 for fewer than two values.
double sampleVariance(const QVector<double> &values);
double sampleSd(const QVector<double> &values);
// Ordinary least-squares slope of y on x; nullopt when x has no spread.
std::optional<double> olsSlope(const QVector<double> &x, const QVector<double> &y);

// Pearson's r of paired values; nullopt for fewer than 3 pairs or no spread on either side.
std::optional<double> pearson(const QVector<double> &x, const QVector<double> &y);

// Jacobson & Truax reliable-change threshold: 1.96 * s * sqrt(2 * (1 - r)).
double reliableChangeThreshold(double sd, double reliability);

} // namespace triad::stats
