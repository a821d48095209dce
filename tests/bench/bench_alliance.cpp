// Prints timings for the alliance layer; never asserts a time (machines differ).
//   dashboard aggregation over 1,000,000 synthetic response records (median of 5 runs)
//   analysis of one 50-session episode, three respondents (median of 1000 runs)
// Synthetic data only.
#include "core/alliance/dashboard.h"
#include "core/alliance/episodeanalyzer.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <random>

using namespace triad;

namespace {
double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

QVector<ResponseRecord> makeRecords(int count)
{
    std::mt19937 rng(42);
    QVector<ResponseRecord> records;
    records.reserve(count);
    const QDate start(2023, 1, 2);
    qint64 episode = 0;
    while (records.size() < count) {
        ++episode;
        const int physio = int(rng() % 40) + 1;
        const int condition = int(rng() % 6) + 1;
        const quint8 ageBand = quint8(rng() % 3 + 1);
        const QDate first = start.addDays(int(rng() % 700));
        const int sessions = 8 + int(rng() % 7);
        for (int s = 1; s <= sessions && records.size() < count; ++s)
            for (int who = 0; who < 3 && records.size() < count; ++who) {
                ResponseRecord r;
                r.episodeId = episode;
                r.sessionIndex = s;
                r.date = first.addDays(7 * (s - 1));
                r.physioId = physio;
                r.conditionId = condition;
                r.ageBandId = ageBand;
                r.respondent = Respondent(who);
                r.instrumentId = 100 + who;
                const unsigned roll = rng() % 100;
                r.status = roll < 88   ? ResponseStatus::Complete
                           : roll < 95 ? ResponseStatus::Declined
                                       : ResponseStatus::Skipped;
                r.normalisedTotal = std::min(100.0, 60.0 + double(rng() % 50));
                r.atMaximum = r.normalisedTotal >= 100;
                records.append(r);
            }
    }
    return records;
}

QVector<AlertRecord> makeAlerts(const QVector<ResponseRecord> &records)
{
    QVector<AlertRecord> alerts;
    for (int i = 0; i < records.size(); i += 97)
        alerts.append({records[i].episodeId, records[i].sessionIndex, records[i].date,
                       i % 3 ? AlertType::Rupture : AlertType::Discrepancy, records[i].respondent,
                       i % 2 == 0});
    return alerts;
}

EpisodeInput makeEpisode(int sessions)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0, 6);
    EpisodeInput in;
    in.childFirstName = QStringLiteral("Sam");
    Norms clinic;
    clinic.n = 500;
    clinic.sd = 12;
    clinic.alpha = 0.85;
    for (int who = 0; who < 3; ++who) {
        MeasureSeries s;
        s.respondent = Respondent(who);
        s.figures.clinic = clinic;
        s.figures.declared.cutoff = 50;
        for (int k = 1; k <= sessions; ++k) {
            double v = 78 + 4 * who + noise(rng) - (k % 17 == 0 ? 30 : 0);
            s.points.append({k, QDate(2024, 1, 1).addDays(7 * k), std::clamp(v, 0.0, 100.0)});
        }
        in.series.append(s);
    }
    return in;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    const QVector<ResponseRecord> records = makeRecords(1000000);
    const QVector<AlertRecord> alerts = makeAlerts(records);
    std::vector<double> runs;
    int physios = 0;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        const Dashboard d = aggregateDashboard(records, alerts, {});
        runs.push_back(t.nsecsElapsed() / 1e6);
        physios = int(d.physios.size());
    }
    out << "dashboard: " << records.size() << " records, " << alerts.size() << " alerts, "
        << physios << " physios: median " << QString::number(median(runs), 'f', 1)
        << " ms over 5 runs\n";

    DashboardFilter filter;
    filter.conditionId = 3;
    filter.from = QDate(2023, 6, 1);
    runs.clear();
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        aggregateDashboard(records, alerts, filter);
        runs.push_back(t.nsecsElapsed() / 1e6);
    }
    out << "dashboard (filtered by condition and period): median "
        << QString::number(median(runs), 'f', 1) << " ms over 5 runs\n";

    const EpisodeInput episode = makeEpisode(50);
    const EpisodeAnalyzer analyzer;
    runs.clear();
    int alertCount = 0;
    for (int i = 0; i < 1000; ++i) {
        QElapsedTimer t;
        t.start();
        alertCount = int(analyzer.analyze(episode).alerts.size());
        runs.push_back(t.nsecsElapsed() / 1e6);
    }
    out << "episode analysis: 50 sessions x 3 respondents, " << alertCount << " alerts: median "
        << QString::number(median(runs), 'f', 3) << " ms over 1000 runs\n";
    return 0;
}
