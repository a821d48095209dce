// Prints how long the clinic lead's dashboard takes on a large clinic database: the query
// (insights::DashboardQuery, a scan of dashboard_fact) plus aggregateDashboard, median of 5
// runs. Never asserts a time (machines differ). It prints the CPU time (user + sys, getrusage) of
// the same runs beside the wall time, and the load average: on a shared machine the CPU time is
// the figure to compare before and after a change.
//
// The database is synthetic and written directly with SQL in one transaction: 1,000,000
// responses (3 per session, 8-14 sessions per episode, 40 physios) with their total scores,
// and ruptures as stored alerts. The dashboard facts are written as the store writes them:
// by the schema's triggers, when a draft is started and when it turns complete or declined. No
// personal data is involved, so the encrypted columns hold a fixed placeholder blob instead of
// ciphertext. Given the path of an older (v3 or v4) database, opening it migrates it and prints how
// long the backfill of its facts took.
//   bench_dashboard [responses] [database path]   (default 1000000, a temporary file)
#include "core/alliance/dashboard.h"
#include "core/insights/dashboardquery.h"
#include "core/store/database.h"

#include <algorithm>
#include <linux/perf_event.h>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <random>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

using namespace triad;

namespace {
// User + system CPU time of this process so far, in ms.
double cpuMs()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// Instructions this thread retires in user space, counted by the kernel (perf_event_open): a
// figure the other processes of a shared machine do not move. -1 where counting is not allowed.
class InstructionCounter
{
public:
    InstructionCounter()
    {
        perf_event_attr attr{};
        attr.type = PERF_TYPE_HARDWARE;
        attr.size = sizeof(attr);
        attr.config = PERF_COUNT_HW_INSTRUCTIONS;
        attr.exclude_kernel = 1;
        attr.exclude_hv = 1;
        m_fd = int(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
    }
    ~InstructionCounter()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    double read() const
    {
        long long count = 0;
        if (m_fd < 0 || ::read(m_fd, &count, sizeof(count)) != sizeof(count))
            return -1;
        return double(count);
    }

private:
    int m_fd = -1;
};

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

// Every figure of the dashboard, bit for bit, as one SHA-256: a change meant to make the pass
// faster must leave it as it was (compare the line before and after).
QByteArray figuresDigest(const Dashboard &d)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const auto add = [&h](auto value) {
        h.addData(QByteArrayView(reinterpret_cast<const char *>(&value), sizeof(value)));
    };
    const auto addOptional = [&add](const std::optional<double> &value) {
        add(value.has_value());
        add(value.value_or(0.0));
    };
    add(d.responses);
    for (const PhysioFigures &p : d.physios) {
        for (int v : {p.physioId, p.responses, p.episodes, p.sessions, p.ruptures,
                      p.repairedRuptures, p.episodesWithRupture, p.episodesWithDiscrepancy,
                      p.ruptureEpisodes, p.discrepancyEpisodes})
            add(v);
        add(p.tooFewToCompare);
        for (const RespondentFigures &r : p.byRespondent) {
            for (int v : {r.complete, r.declined, r.skipped})
                add(v);
            add(r.tooFewToCompare);
            addOptional(r.completionRate);
            addOptional(r.meanScore);
        }
        for (const auto &rate : {p.ruptureRate, p.repairRate, p.discrepancyRate})
            addOptional(rate);
    }
    for (const MonthlyMean &m : d.monthly) {
        for (int v : {m.year, m.month, int(m.respondent), m.n})
            add(v);
        add(m.tooFewToCompare);
        addOptional(m.mean);
    }
    for (const InstrumentCeiling &c : d.ceilings) {
        for (int v : {c.instrumentId, c.complete, c.atMaximum})
            add(v);
        add(c.tooFewToCompare);
        addOptional(c.ceilingRate);
    }
    for (const RuleFigures &r : d.rules) {
        for (int v : {int(r.type), r.eligibleEpisodes, r.episodesWithCard, r.cards, r.falseAlarms})
            add(v);
        add(r.tooFewToCompare);
        addOptional(r.rate);
        addOptional(r.falseAlarmShare);
    }
    return h.result().toHex();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

bool exec(store::Database &db, QSqlQuery &q)
{
    if (db.exec(q))
        return true;
    QTextStream(stderr) << "bench_dashboard: " << db.lastError().detail << '\n';
    return false;
}

bool fill(store::Database &db, int responses)
{
    std::mt19937 rng(7);
    const QString now = store::nowUtc();
    const QByteArray placeholder("synthetic");
    const QStringList conditions{
        QStringLiteral("acl-injury"),     QStringLiteral("low-back-pain"),
        QStringLiteral("hypermobility"),  QStringLiteral("scoliosis"),
        QStringLiteral("cerebral-palsy"), QStringLiteral("juvenile-arthritis")};
    const QStringList childForms{QStringLiteral("triad-child-4to7"),
                                 QStringLiteral("triad-child-8to12"),
                                 QStringLiteral("triad-teen-13to17")};
    const QString forms[] = {{}, QStringLiteral("triad-parent"), QStringLiteral("triad-physio")};
    const QString who[] = {QStringLiteral("child"), QStringLiteral("parent"),
                           QStringLiteral("physio")};

    store::Transaction tx(db);
    if (!tx.begin())
        return false;
    QSqlQuery staff = db.query(), patient = db.query(), episode = db.query(), session = db.query(),
              response = db.query(), score = db.query(), alert = db.query();
    db.prepare(staff, QStringLiteral("INSERT INTO staff (id, display_name, role, created_at) "
                                     "VALUES (?, ?, 'physio', ?)"));
    db.prepare(patient, QStringLiteral("INSERT INTO patient (id, code, name, birth_date, "
                                       "created_at) VALUES (?, ?, ?, ?, ?)"));
    db.prepare(episode, QStringLiteral("INSERT INTO episode (id, patient_id, physio_id, "
                                       "condition, start_date, created_at) VALUES (?, ?, ?, ?, "
                                       "?, ?)"));
    db.prepare(session, QStringLiteral("INSERT INTO session (id, episode_id, physio_id, "
                                       "session_date, created_at) VALUES (?, ?, ?, ?, ?)"));
    db.prepare(response,
               QStringLiteral("INSERT INTO response (id, session_id, respondent, instrument_id, "
                              "instrument_version, language, started_at, updated_at) VALUES "
                              "(?, ?, ?, ?, '1.0.0', 'en', ?, ?)"));
    db.prepare(score, QStringLiteral("INSERT INTO score (response_id, kind, score_id, scorable, "
                                     "raw, min_possible, max_possible, normalised, item_count, "
                                     "answered, prorated) VALUES (?, 'total', 'total', 1, ?, 1, "
                                     "5, ?, 9, 9, 0)"));
    db.prepare(alert, QStringLiteral("INSERT INTO alert (id, episode_id, session_id, type, "
                                     "respondent, severity, evidence, prompt, created_at) "
                                     "VALUES (?, ?, ?, 'rupture', ?, 'concern', ?, ?, ?)"));
    QStringList physios;
    for (int i = 1; i <= 40; ++i) {
        physios << store::newUuid();
        staff.addBindValue(physios.last());
        staff.addBindValue(QStringLiteral("Bench Physio %1").arg(i));
        staff.addBindValue(now);
        if (!exec(db, staff))
            return false;
    }
    const QDate start(2023, 1, 2);
    int made = 0;
    for (int e = 0; made < responses; ++e) {
        const QString patientId = store::newUuid(), episodeId = store::newUuid();
        patient.addBindValue(patientId);
        patient.addBindValue(QStringLiteral("BENCH-%1").arg(e));
        patient.addBindValue(placeholder);
        patient.addBindValue(placeholder);
        patient.addBindValue(now);
        const QString physio = physios[int(rng() % 40)];
        const QDate first = start.addDays(int(rng() % 700));
        episode.addBindValue(episodeId);
        episode.addBindValue(patientId);
        episode.addBindValue(physio);
        episode.addBindValue(conditions[int(rng() % 6)]);
        episode.addBindValue(first.toString(Qt::ISODate));
        episode.addBindValue(now);
        if (!exec(db, patient) || !exec(db, episode))
            return false;
        const QString childForm = childForms[int(rng() % 3)];
        const int sessions = 8 + int(rng() % 7);
        for (int s = 0; s < sessions && made < responses; ++s) {
            const QString sessionId = store::newUuid();
            session.addBindValue(sessionId);
            session.addBindValue(episodeId);
            session.addBindValue(physio);
            session.addBindValue(first.addDays(7 * s).toString(Qt::ISODate));
            session.addBindValue(now);
            if (!exec(db, session))
                return false;
            for (int w = 0; w < 3 && made < responses; ++w, ++made) {
                const QString id = store::newUuid();
                response.addBindValue(id);
                response.addBindValue(sessionId);
                response.addBindValue(who[w]);
                response.addBindValue(w == 0 ? childForm : forms[w]);
                response.addBindValue(now);
                response.addBindValue(now);
                if (!exec(db, response))
                    return false;
                // 88% complete (scored while still a draft, as the store does), 7% declined,
                // 5% left as drafts (skipped).
                const unsigned roll = rng() % 100;
                if (roll < 88) {
                    const double normalised = std::min(100.0, 55.0 + double(rng() % 50));
                    score.addBindValue(id);
                    score.addBindValue(1 + normalised / 25.0);
                    score.addBindValue(normalised);
                    if (!exec(db, score))
                        return false;
                }
                if (roll < 95) {
                    QSqlQuery done = db.query();
                    db.prepare(done, roll < 88 ? QStringLiteral("UPDATE response SET status = "
                                                                "'complete', completed_at = ? "
                                                                "WHERE id = ?")
                                               : QStringLiteral("UPDATE response SET status = "
                                                                "'declined', decline_reason = "
                                                                "'no-time', completed_at = ? "
                                                                "WHERE id = ?"));
                    done.addBindValue(now);
                    done.addBindValue(id);
                    if (!exec(db, done))
                        return false;
                }
                if (roll == 0) { // about 1% of responses: a rupture alert
                    alert.addBindValue(store::newUuid());
                    alert.addBindValue(episodeId);
                    alert.addBindValue(sessionId);
                    alert.addBindValue(who[w]);
                    alert.addBindValue(
                        QStringLiteral(R"({"rule":"2sd","measure":"total","ownMean":80,"sd":7})"));
                    alert.addBindValue(placeholder);
                    alert.addBindValue(now);
                    if (!exec(db, alert))
                        return false;
                }
            }
        }
    }
    return tx.commit();
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int responses = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTemporaryDir dir;
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(QStringLiteral("bench.sqlite"));
    // --samples: each run's query + aggregation time on a line of its own (the suite).
    const bool samples = argc > 3 && QByteArray(argv[3]) == "--samples";
    if (responses <= 0) {
        QTextStream(stderr) << "bench_dashboard: responses must be a positive whole number\n";
        return 2;
    }

    store::Database db;
    QElapsedTimer opening;
    opening.start();
    if (!db.open(path)) {
        QTextStream(stderr) << "bench_dashboard: " << db.lastError().detail << '\n';
        return 2;
    }
    if (!db.backupPath().isEmpty())
        out << "migrated to schema v" << db.schemaVersion() << " (facts backfilled) in "
            << opening.elapsed() << " ms\n";
    if (db.rowCount(QStringLiteral("response")) == 0) {
        QElapsedTimer t;
        t.start();
        if (!fill(db, responses))
            return 1;
        out << "filled " << responses << " responses in " << t.elapsed() / 1000.0 << " s\n";
    }
    out << "responses in the database: " << db.rowCount(QStringLiteral("response")) << '\n';

    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    insights::DashboardQuery query(db, library);
    if (!query.prepare()) {
        QTextStream(stderr) << "bench_dashboard: " << db.lastError().detail << '\n';
        return 1;
    }
    out << "dashboard facts: " << db.rowCount(QStringLiteral("dashboard_fact")) << '\n';

    out << "load average at start: " << loadAverage() << '\n';
    std::vector<double> loadMs, aggregateMs, totalMs, loadCpuMs, totalCpuMs, instructions;
    const InstructionCounter counter;
    int records = 0, alerts = 0;
    QByteArray digest;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        const double cpuStart = cpuMs();
        const double instructionsStart = counter.read();
        timer.start();
        const auto data = query.load(QDate(2025, 6, 1));
        if (!data) {
            QTextStream(stderr) << "bench_dashboard: " << db.lastError().detail << '\n';
            return 1;
        }
        const double loaded = timer.nsecsElapsed() / 1e6;
        const double loadedCpu = cpuMs() - cpuStart;
        const Dashboard d = aggregateDashboard(data->records, data->alerts, {});
        const double total = timer.nsecsElapsed() / 1e6;
        loadCpuMs.push_back(loadedCpu);
        totalCpuMs.push_back(cpuMs() - cpuStart);
        instructions.push_back(counter.read() - instructionsStart);
        loadMs.push_back(loaded);
        aggregateMs.push_back(total - loaded);
        totalMs.push_back(total);
        if (samples)
            out << "SAMPLE dashboard_query_1m_ms " << total << Qt::endl;
        digest = figuresDigest(d);
        records = int(data->records.size());
        alerts = int(data->alerts.size());
        if (d.physios.isEmpty())
            return 1;
    }
    out << "records " << records << ", alerts " << alerts << '\n';
    out << "figures digest (SHA-256): " << digest << '\n';
    out << "query (median of 5): " << median(loadMs) << " ms\n";
    out << "aggregateDashboard (median of 5): " << median(aggregateMs) << " ms\n";
    out << "query + aggregation (median of 5): " << median(totalMs) << " ms\n";
    out << "CPU time (user + sys), query (median of 5): " << median(loadCpuMs) << " ms\n";
    out << "CPU time (user + sys), query + aggregation (median of 5): " << median(totalCpuMs)
        << " ms\n";
    if (counter.read() >= 0)
        out << "user-space instructions, query + aggregation (median of 5): "
            << median(instructions) / 1e6 << " million\n";
    out << "load average at end: " << loadAverage() << '\n';
    return 0;
}
