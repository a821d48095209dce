#pragma once
// The suite (bench_suite): runs bench_ui's modes and the core benchmarks in fresh processes,
// gathers their samples and prints one JSON object (median, p95, min, max, n per figure, and
// the machine). deploy/bench.sh builds and runs it. printSample and procMiB, for the
// measuring modes, are in benchsample.cpp.

#include <QStringList>

namespace triad::bench {

// "SAMPLE <figure> <value>" on stdout, the line the suite reads.
void printSample(const char *figure, double value);
// A field of /proc/self/status or /proc/self/smaps_rollup ("VmHWM", "Pss") in MiB; -1 if
// the file or field is missing.
double procMiB(const char *file, const char *field);

int runSuite(const QStringList &args);

} // namespace triad::bench
