#include "descriptive.h"

#include <algorithm>
#include <cmath>

namespace triad::stats {

double mean(const QVector<double> &values)
{
    if (values.isEmpty())
        return 0;
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / double(values.size());
}

double sampleVariance(const QVector<double> &values)
{
    if (values.size() < 2)
        return 0;
    const double m = mean(values);
    double squares = 0;
    for (double v : values)
        squares += (v - m) * (v - m);
    return squares / double(values.size() - 1);
}

double sampleSd(const QVector<double> &values)
{
    return std::sqrt(sampleVariance(values));
}

std::optional<double> olsSlope(const QVector<double> &x, const QVector<double> &y)
{
    if (x.size() != y.size() || x.size() < 2)
        return std::nullopt;
    const double mx = mean(x);
    const double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    if (sxx <= 0)
        return std::nullopt;
    return sxy / sxx;
}

double reliableChangeThreshold(double sd, double reliability)
{
    return 1.96 * sd * std::sqrt(2.0 * (1.0 - reliability));
}

std::optional<double> pearson(const QVector<double> &x, const QVector<double> &y)
{
    const int n = int(std::min(x.size(), y.size()));
    if (n < 3)
        return std::nullopt;
    double mx = 0, my = 0;
    for (int i = 0; i < n; ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < n; ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx <= 0 || syy <= 0)
        return std::nullopt;
    return sxy / std::sqrt(sxx * syy);
}

} // namespace triad::stats
