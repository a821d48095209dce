// bench_suite: every figure of the benchmark suite, one JSON object (deploy/bench.sh).
//
//   bench_suite [--quick] [--patients N] [--sizes A,B,C] [--runs K] [--data DIR] [--json]
//
// It starts bench_ui's measuring modes and the core benchmarks in fresh processes and gathers
// their samples (tests/bench/benchsuite.cpp). A program of its own, linking Qt Core and Qt SQL
// only: a parent that mapped Qt Gui and Qt Quick as well would share their pages with the
// app it measures, and the app's PSS would count only half of them (issue 12).
#include "benchsuite.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return triad::bench::runSuite(app.arguments());
}
