#pragma once
// Builds synthetic series for the alliance tests: sessions 1..n, one week apart.

#include "core/alliance/sessionseries.h"

#include <initializer_list>

namespace triad::testing {

inline MeasureSeries series(Respondent who, std::initializer_list<double> scores,
                            ReferenceFigures figures = {})
{
    MeasureSeries s;
    s.respondent = who;
    s.figures = figures;
    int k = 0;
    for (double v : scores) {
        ++k;
        s.points.append({k, QDate(2024, 3, 4).addDays(7 * (k - 1)), v});
    }
    return s;
}

inline Norms clinicNorms(int n, double sd, std::optional<double> alpha)
{
    Norms norms;
    norms.n = n;
    norms.mean = 75;
    norms.sd = sd;
    norms.alpha = alpha;
    return norms;
}

} // namespace triad::testing
