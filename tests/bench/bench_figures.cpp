// Clinic figures benchmark: the computation the app's figures worker runs after each sign-in
// and each round (clinic norms, usual gaps, item figures), on a copy of a clinic's file.
// Prints its time and how far it takes this process's memory above where it started; never
// asserts anything (machines differ).
//
// Usage: bench_figures DATABASE [RUNS] [--dump] [--samples] [--clinic-only]
//   (a file from `triad-cli demo`)
//   --clinic-only: the clinic norms and usual gaps alone, as after a physio's sign-in or round
//   (the lead's item figures are worked out only for a lead or an admin).
//   --samples: "SAMPLE clinic_figures_ms <ms>" per run and "SAMPLE clinic_figures_mib <MiB>"
//   (the peak above where the process started) for the suite (deploy/bench.sh).
//   --dump: every figure in full precision as well, so two builds can be compared byte for byte.

#include "core/insights/clinicfigures.h"
#include "core/insights/figuressnapshot.h"
#include "core/insights/itemnorms.h"
#include "core/instrument/instrumentlibrary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace triad;

namespace {
// A field of /proc/self/status ("VmRSS", "VmHWM"), in MiB.
double statusMiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}
void dump(const insights::FiguresSnapshot &s, const InstrumentLibrary &library)
{
    const auto number = [](double v) { return QByteArray::number(v, 'g', 17); };
    const auto maybe = [&number](std::optional<double> v) {
        return v ? number(*v) : QByteArray("-");
    };
    for (const Instrument &in : library.instruments())
        for (Respondent who : {Respondent::Child, Respondent::Parent, Respondent::Physio})
            for (const QString &measure : insights::trackedMeasures())
                if (const auto n = s.clinic->norms(in.id, who, measure)) {
                    std::printf("norms %s %s %s: n %d mean %s sd %s", qPrintable(in.id),
                                qPrintable(respondentId(who)), qPrintable(measure), n->n,
                                number(n->mean).constData(), number(n->sd).constData());
                    std::printf(" alpha %s cases %d items %d", maybe(n->alpha).constData(),
                                n->alphaCases, n->items);
                    std::printf(" ceiling %s floor %s", number(n->ceilingRate).constData(),
                                number(n->floorRate).constData());
                    std::printf(" within %s df %d retest %s pairs %d\n",
                                number(n->withinSd).constData(), n->withinDf,
                                maybe(n->retest).constData(), n->retestPairs);
                }
    QStringList bands = s.clinic->ageBands();
    bands.sort();
    for (const QString &band : bands)
        for (const DyadGapNorm &g : s.clinic->usualGaps(band))
            std::printf("gap %s %d %s: %s n %d\n", qPrintable(band), int(g.dyad),
                        qPrintable(g.measure), number(g.meanGap).constData(), g.n);
    for (const insights::FormReliability &f :
         s.items.value_or(QVector<insights::FormReliability>()))
        std::printf("items %s\n",
                    QJsonDocument(f.toJson()).toJson(QJsonDocument::Compact).constData());
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr,
                     "usage: bench_figures DATABASE [RUNS] [--dump] [--samples] [--clinic-only]\n");
        return 2;
    }
    const bool dumping = args.contains(QStringLiteral("--dump"));
    const bool samples = args.contains(QStringLiteral("--samples"));
    const bool withItemNorms = !args.contains(QStringLiteral("--clinic-only"));
    const int runs = std::max(1, args.value(2, QStringLiteral("3")).toInt());
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    const double rssBefore = statusMiB("VmRSS");
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const insights::FiguresSnapshot s =
            insights::computeFiguresAt(args.at(1), library, nullptr, withItemNorms);
        ms.push_back(t.nsecsElapsed() / 1e6);
        if (samples)
            std::printf("SAMPLE clinic_figures_ms %.3f\n", ms.back());
        if (!s.error.isEmpty() || !s.clinic || (withItemNorms && !s.items)) {
            std::fprintf(stderr, "bench_figures: %s\n", qPrintable(s.error));
            return 1;
        }
        if (dumping && i == 0)
            dump(s, library);
    }
    std::sort(ms.begin(), ms.end());
    std::printf("clinic figures%s: median %.1f ms, min %.1f, max %.1f (%d runs)\n",
                withItemNorms ? "" : " (clinic norms and gaps only)", ms[ms.size() / 2], ms.front(),
                ms.back(), runs);
    if (samples)
        std::printf("SAMPLE clinic_figures_mib %.3f\n", statusMiB("VmHWM") - rssBefore);
    std::printf("memory: resident %.1f MiB before, peak %.1f MiB (+%.1f), %.1f MiB after\n",
                rssBefore, statusMiB("VmHWM"), statusMiB("VmHWM") - rssBefore, statusMiB("VmRSS"));
    return 0;
}
