#pragma once
// Migration steps kept in files of their own (schema.cpp lists every step in order).

#include <QStringList>

namespace triad::store::steps {

QStringList version5(); // stable keys (seq) and the narrower dashboard_fact (schemav5.cpp)
QStringList version6(); // row seals: row_seal and row_seal_register (schemav6rowseals.cpp)
QStringList
version7(); // guardian_removal: guardians taken off a list (schemav7guardianremoval.cpp)
QStringList
version8(); // dashboard_fact_scan: the dashboard's narrow scan (schemav8dashboardscan.cpp)
QStringList
version9(); // answer_values, score_values: the figures' reads (schemav9answerscores.cpp)

} // namespace triad::store::steps
