// Prints how long a passphrase sign-in takes with the production scrypt parameters and how
// much memory it peaks at. Figures only: timing depends on the machine, so nothing is asserted.
//
//   bench_unlock [runs]     (default 5)
#include "core/crypto/keyslot.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace triad::crypto;

namespace {

// Peak resident memory of this process so far ("VmHWM" in /proc/self/status), in KiB.
long peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    QTextStream in(&status);
    QString line;
    while (in.readLineInto(&line)) {
        if (line.startsWith(QLatin1String("VmHWM:")))
            return line.mid(6).trimmed().section(QLatin1Char(' '), 0, 0).toLong();
    }
    return -1;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool ok = true;
    const int runs = args.size() > 1 ? args.at(1).toInt(&ok) : 5;
    if (!ok || runs < 1 || runs > 100) {
        std::fprintf(stderr, "usage: bench_unlock [runs 1-100]\n");
        return 2;
    }

    std::printf("command: %s\n", qPrintable(args.join(QLatin1Char(' '))));
    const ScryptParams params; // production defaults
    std::printf("scrypt parameters: N=%llu r=%u p=%u (needs %llu MiB for V)\n",
                static_cast<unsigned long long>(params.n), params.r, params.p,
                static_cast<unsigned long long>(128 * params.r * params.n / (1024 * 1024)));
    const long baseline = peakResidentKiB();

    const SecureBytes dataKey = newDataKey();
    const QString passphrase = QStringLiteral("bench passphrase, synthetic");
    QElapsedTimer timer;
    timer.start();
    const std::optional<KeySlot> slot = wrapDataKey(dataKey, passphrase, "bench-staff", params);
    const double wrapMs = timer.nsecsElapsed() / 1e6;
    if (!slot) {
        std::fprintf(stderr, "wrapping the data key failed (out of memory?)\n");
        return 1;
    }
    std::printf("wrap (create a key slot): %.1f ms\n", wrapMs);

    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        const std::optional<SecureBytes> key = unwrapDataKey(*slot, passphrase, "bench-staff");
        const double ms = timer.nsecsElapsed() / 1e6;
        if (!key || key->bytes() != dataKey.bytes()) {
            std::fprintf(stderr, "unwrap %d failed\n", i + 1);
            return 1;
        }
        times.push_back(ms);
        std::printf("unwrap run %d: %.1f ms\n", i + 1, ms);
    }
    std::printf("median unwrap over %d runs: %.1f ms (min %.1f, max %.1f)\n", runs, median(times),
                *std::min_element(times.begin(), times.end()),
                *std::max_element(times.begin(), times.end()));
    const long peak = peakResidentKiB();
    std::printf("peak resident memory (VmHWM): %.1f MiB (%.1f MiB before the first scrypt)\n",
                peak / 1024.0, baseline / 1024.0);
    return 0;
}
