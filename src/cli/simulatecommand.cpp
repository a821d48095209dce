// triad-cli simulate [--json] [--episodes N] [--seed S]: checks the rupture rules against
// synthetic episodes with planted ruptures (src/core/alliance/episodesimulator.h) and prints
// each rule's sensitivity and false-alarm rate. Synthetic data only.
#include "commands.h"

#include "core/alliance/simulationreport.h"

#include <QJsonDocument>

namespace triad::cli {
namespace {

constexpr int kMaxEpisodes = 100000;

std::optional<qint64> parseWhole(const QString &text, qint64 lo, qint64 hi)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < lo || v > hi)
        return std::nullopt;
    return v;
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QLatin1Char('%');
}

int runSimulate(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    const QString episodesText =
        takeOption(args, QStringLiteral("--episodes"), QStringLiteral("300"));
    const QString seedText = takeOption(args, QStringLiteral("--seed"), QStringLiteral("1"));
    if (!args.isEmpty()) {
        io.err << "triad-cli simulate: unexpected argument \"" << args.first() << "\"\n"
               << "usage: triad-cli simulate [--json] [--episodes N] [--seed S]\n";
        return 2;
    }
    const auto episodes = parseWhole(episodesText, 1, kMaxEpisodes);
    if (!episodes) {
        io.err << "triad-cli simulate: --episodes must be a whole number from 1 to " << kMaxEpisodes
               << " (got \"" << episodesText << "\")\n";
        return 2;
    }
    const auto seed = parseWhole(seedText, 0, 4294967295LL);
    if (!seed) {
        io.err << "triad-cli simulate: --seed must be a whole number from 0 to 4294967295 (got \""
               << seedText << "\")\n";
        return 2;
    }

    SimulationSettings settings;
    settings.episodes = int(*episodes);
    settings.seed = quint32(*seed);
    const SimulationReport report = simulateAndEvaluate(settings);
    // The whole card stream, on its own episodes of the same seed: half stable, half with
    // one planted event of four kinds.
    const StreamReport stream = simulateStream(settings);

    if (json) {
        QJsonObject out = report.toJson();
        out.insert(QStringLiteral("stream"), stream.toJson());
        io.out << QJsonDocument(out).toJson(QJsonDocument::Indented);
        return 0;
    }
    io.out << "Simulated " << report.episodes << " episodes (seed " << settings.seed << "), "
           << report.planted << " with a planted rupture of " << settings.ruptureSizeSd
           << " SD after at least " << settings.minEarlierSessions << " sessions.\n\n";
    io.out << QStringLiteral("%1 %2 %3\n")
                  .arg(QStringLiteral("rule"), -16)
                  .arg(QStringLiteral("sensitivity"), 12)
                  .arg(QStringLiteral("false alarms"), 13);
    for (const auto &r : report.rules)
        io.out << QStringLiteral("%1 %2 %3\n")
                      .arg(r.rule, -16)
                      .arg(percent(r.sensitivity()), 12)
                      .arg(percent(r.falseAlarmRate()), 13);
    io.out << "\nRupture alert (more than 2 SD below own mean, pooled SD; the --json "
              "sensitivity and false_alarm_rate): sensitivity "
           << percent(report.rupture.sensitivity()) << ", false alarms "
           << percent(report.rupture.falseAlarmRate()) << " of stable sessions.\n";
    io.out << "Repair: " << report.vShapesRepaired << " of " << report.vShapesDetected
           << " detected V-shaped ruptures were marked repaired.\n";
    io.out << "\nCard stream (" << stream.episodes << " other episodes, " << stream.stableEpisodes
           << " stable): " << QString::number(stream.cardsPerStableSession(), 'f', 3)
           << " cards per stable session ("
           << QString::number(stream.concernPerStableSession(), 'f', 3) << " act today), "
           << stream.convergenceCards << " cards on converging raters.\n";
    for (int k = 0; k < int(stream.events.size()); ++k) {
        const EventRates &e = stream.events[size_t(k)];
        io.out << "  " << plantedEventKindId(PlantedEventKind(k)).leftJustified(24) << " found "
               << e.detected << " of " << e.planted << " (" << percent(e.sensitivity()) << ")\n";
    }
    io.out << "Clinic figures from the simulated history (SD, within-person SD, alpha, ceiling "
              "rate):\n";
    for (Respondent r : {Respondent::Child, Respondent::Parent, Respondent::Physio}) {
        const Norms &n = report.clinic[size_t(r)];
        io.out << "  " << respondentId(r).leftJustified(7) << " SD "
               << QString::number(n.sd, 'f', 1) << ", within "
               << QString::number(n.withinSd, 'f', 1) << ", alpha "
               << QString::number(n.alpha.value_or(0), 'f', 2) << ", at maximum "
               << percent(n.ceilingRate) << '\n';
    }
    return 0;
}

CommandRegistration reg{
    {QStringLiteral("simulate"), QStringLiteral("[--json] [--episodes N] [--seed S]"),
     QStringLiteral("check the rupture rules on synthetic episodes"), runSimulate}};

} // namespace
} // namespace triad::cli
