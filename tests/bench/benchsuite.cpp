#include "benchsuite.h"

#include "frameclock.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QtGlobal>
#include <QThread>

namespace triad::bench {

namespace {

QTextStream &log()
{
    static QTextStream err(stderr);
    return err;
}

QString readFirstMatch(const QString &path, const QString &prefix)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix.toLatin1()))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
    return {};
}

QJsonObject machine()
{
    QJsonObject m;
    m.insert(QStringLiteral("cpu"),
             readFirstMatch(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name")));
    m.insert(QStringLiteral("cores"), QThread::idealThreadCount());
    m.insert(QStringLiteral("qt"), QString::fromLatin1(qVersion()));
    m.insert(QStringLiteral("os"), QSysInfo::prettyProductName());
    m.insert(QStringLiteral("kernel"), QSysInfo::kernelVersion());
    m.insert(QStringLiteral("qpa_platform"),
             qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("xcb")));
    m.insert(QStringLiteral("qt_quick_backend"),
             qEnvironmentVariable("QT_QUICK_BACKEND", QStringLiteral("default (OpenGL)")));
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        m.insert(QStringLiteral("load_average_at_start"),
                 QString::fromLatin1(load.readAll()).section(QLatin1Char(' '), 0, 2));
    m.insert(QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return m;
}

class Suite
{
public:
    Suite(const QString &work, const QString &binDir)
        : m_work(work)
        , m_binDir(binDir)
    {}

    QMap<QString, QVector<double>> samples;
    QJsonArray errors;

    // Runs `program` with the app's environment and `db`; gathers its SAMPLE lines.
    bool run(const QString &what, const QString &program, const QStringList &args,
             const QString &db = {}, int timeoutMs = 600000)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Settings and app data of a fresh tablet, never the user's.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_work + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_work + QStringLiteral("/data"));
        env.insert(QStringLiteral("TRIAD_NO_SPEECH"), QStringLiteral("1"));
        env.insert(QStringLiteral("TRIAD_QUESTIONNAIRES"), QStringLiteral(TRIAD_QUESTIONNAIRES));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        if (!db.isEmpty())
            env.insert(QStringLiteral("TRIAD_DB"), db);
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::SeparateChannels);
        env.insert(QStringLiteral("TRIAD_BENCH_T0_NS"), QString::number(monotonicNs()));
        p.setProcessEnvironment(env);
        p.start(program, args);
        const bool finished = p.waitForFinished(timeoutMs);
        const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(p.readAllStandardError());
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            const QStringList parts = line.split(QLatin1Char(' '));
            if (parts.size() == 3 && parts.at(0) == QLatin1String("SAMPLE"))
                samples[parts.at(1)].append(parts.at(2).toDouble());
        }
        if (!finished || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            const QString tail = err.right(600).trimmed();
            errors.append(QStringLiteral("%1: exit %2: %3").arg(what).arg(p.exitCode()).arg(tail));
            log() << "bench: " << what << " FAILED\n" << tail << '\n';
            if (!finished)
                p.kill();
            return false;
        }
        return true;
    }

    QString bin(const QString &name) const { return m_binDir + QLatin1Char('/') + name; }
    // The app's measuring modes (bench_ui, beside this program).
    QString app() const { return bin(QStringLiteral("bench_ui")); }
    QString work(const QString &name) const { return m_work + QLatin1Char('/') + name; }

private:
    QString m_work;
    QString m_binDir;
};

QJsonObject statistics(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    const int n = int(v.size());
    const auto round2 = [](double x) { return std::round(x * 100) / 100; };
    const double median = n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
    // Nearest rank: the smallest value at or above 95 % of the samples.
    const double p95 = v.at(std::max(0, int(std::ceil(0.95 * n)) - 1));
    return QJsonObject{{QStringLiteral("median"), round2(median)},
                       {QStringLiteral("p95"), round2(p95)},
                       {QStringLiteral("min"), round2(v.first())},
                       {QStringLiteral("max"), round2(v.last())},
                       {QStringLiteral("n"), n}};
}

// A database is its file and what lives beside it: the WAL, if one was left, and the audit
// chain's head (without it, sign-in rightly reports the audit log as tampered with).
const QStringList kDatabaseFiles{QString(), QStringLiteral("-wal"), QStringLiteral(".audit-head")};

bool moveDatabase(const QString &from, const QString &to)
{
    bool ok = true;
    for (const QString &suffix : kDatabaseFiles) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix))
            ok = QFile::rename(from + suffix, to + suffix) && ok;
    }
    QFile::remove(from + QStringLiteral("-shm"));
    QFile::remove(from + QStringLiteral(".lock"));
    return ok;
}

QString copyOf(Suite &suite, const QString &source, const QString &name)
{
    const QString target = suite.work(name);
    bool ok = true;
    for (const QString &suffix : kDatabaseFiles) {
        QFile::remove(target + suffix);
        if (QFile::exists(source + suffix))
            ok = QFile::copy(source + suffix, target + suffix) && ok;
    }
    return ok ? target : QString();
}

// A demo clinic of `patients` patients written once by triad-cli and kept in `dir`.
QString cachedDemo(Suite &suite, const QString &dir, int patients)
{
    const QString path = QStringLiteral("%1/demo-%2.sqlite").arg(dir).arg(patients);
    if (QFile::exists(path))
        return path;
    log() << "bench: writing a demo clinic of " << patients << " patients (once, " << path << ")\n";
    log().flush();
    const QString partial = path + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!suite.run(QStringLiteral("triad-cli demo"), QStringLiteral(TRIAD_CLI),
                   {QStringLiteral("demo"), QStringLiteral("--db"), partial,
                    QStringLiteral("--patients"), QString::number(patients)},
                   {}, 3600000))
        return {};
    return moveDatabase(partial, path) ? path : QString();
}

// Sessions and responses of a demo clinic, and its file size (for the growth table).
QJsonObject clinicSize(const QString &path, int patients)
{
    QJsonObject size{
        {QStringLiteral("demo_patients"), patients},
        {QStringLiteral("file_mib"), std::round(QFileInfo(path).size() / 1048576.0 * 10) / 10}};
    const QString name = QStringLiteral("bench-size-%1").arg(patients);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            for (const char *table : {"session", "response"}) {
                QSqlQuery q(db);
                // The table names are the constants above.
                if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) &&
                    q.next())
                    size.insert(QLatin1String(table) + QStringLiteral("s"), q.value(0).toInt());
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return size;
}

// The figures that grow with the clinic, on a demo clinic of `patients` patients:
// cold_start_large_ms, the staff screens (staff_first_open_ms, episode_open_ms,
// dashboard_open_ms, staff_back_ms,
// staff_frame_gap_ms, staff_ui_blocked_ms), the clinic figures' time and memory (clinic_figures_ms,
// clinic_figures_mib) and dashboard_query_ms over as many responses as the clinic holds
// (bench_dashboard's synthetic database). Samples go to suite.samples.
void measureClinic(Suite &suite, const QString &demoDb, const QString &dataDir, int patients,
                   int coldRuns, int runs, bool withQuery)
{
    log() << "bench: cold start, demo clinic of " << patients << " patients\n";
    const QString db = copyOf(suite, demoDb, QStringLiteral("cold-large-%1.sqlite").arg(patients));
    QVector<double> empty = suite.samples.take(QStringLiteral("cold_start_ms"));
    for (int i = 0; i <= coldRuns; ++i) {
        suite.run(QStringLiteral("cold start (large)"), suite.app(), {QStringLiteral("cold")}, db,
                  60000);
        if (i == 0) // the first start warms the OS's file cache: not counted
            suite.samples.remove(QStringLiteral("cold_start_ms"));
    }
    suite.samples[QStringLiteral("cold_start_large_ms")] =
        suite.samples.take(QStringLiteral("cold_start_ms"));
    if (!empty.isEmpty())
        suite.samples[QStringLiteral("cold_start_ms")] = empty;

    log() << "bench: staff screens, " << patients << " patients\n";
    log().flush();
    suite.run(QStringLiteral("staff screens"), suite.app(),
              {QStringLiteral("staff"), QStringLiteral("--runs"), QString::number(runs)},
              copyOf(suite, demoDb, QStringLiteral("staff-%1.sqlite").arg(patients)), 3600000);

    // The clinic figures the app works out after each sign-in and round, on a worker.
    log() << "bench: clinic figures, " << patients << " patients (core)\n";
    suite.run(QStringLiteral("bench_figures"), suite.bin(QStringLiteral("bench_figures")),
              {copyOf(suite, demoDb, QStringLiteral("figures-%1.sqlite").arg(patients)),
               QString::number(std::max(1, runs)), QStringLiteral("--samples")},
              {}, 3600000);

    // As many responses as the demo clinic has (three per session).
    const int responses = clinicSize(demoDb, patients).value(QStringLiteral("responses")).toInt();
    if (withQuery && responses > 0) {
        log() << "bench: dashboard query over " << responses << " responses (core)\n";
        log().flush();
        QVector<double> oneMillion = suite.samples.take(QStringLiteral("dashboard_query_1m_ms"));
        suite.run(QStringLiteral("bench_dashboard"), suite.bin(QStringLiteral("bench_dashboard")),
                  {QString::number(responses),
                   QStringLiteral("%1/dashboard-%2.sqlite").arg(dataDir).arg(responses),
                   QStringLiteral("--samples")},
                  {}, 3600000);
        suite.samples[QStringLiteral("dashboard_query_ms")] =
            suite.samples.take(QStringLiteral("dashboard_query_1m_ms"));
        if (!oneMillion.isEmpty())
            suite.samples[QStringLiteral("dashboard_query_1m_ms")] = oneMillion;
    }
}

} // namespace

int runSuite(const QStringList &args)
{
    const bool quick = args.contains(QStringLiteral("--quick"));
    const auto option = [&](const QString &name, const QString &fallback) {
        const int at = int(args.indexOf(name));
        return at > 0 ? args.value(at + 1) : fallback;
    };
    const QString binDir = QCoreApplication::applicationDirPath();
    const QString dataDir = option(QStringLiteral("--data"),
                                   QDir::cleanPath(binDir + QStringLiteral("/../../bench-data")));
    // The size: 2,000 patients (about 20,000 sessions, 60,000 responses), written
    // once by triad-cli demo (docs/PERFORMANCE.md: the time it takes) and kept.
    const int patients =
        option(QStringLiteral("--patients"), quick ? QStringLiteral("50") : QStringLiteral("2000"))
            .toInt();
    const int dashboardResponses =
        option(QStringLiteral("--responses"),
               quick ? QStringLiteral("20000") : QStringLiteral("1000000"))
            .toInt();
    // --sizes 50,400,2000: the figures that grow with the clinic at each size as well.
    QVector<int> sizes;
    bool sizesOk = true;
    for (const QString &size :
         option(QStringLiteral("--sizes"), QString()).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = size.trimmed().toInt(&ok);
        sizesOk = sizesOk && ok && n >= 1;
        if (ok && n >= 1 && !sizes.contains(n))
            sizes << n;
    }
    QDir().mkpath(dataDir);
    QTemporaryDir work;
    if (!work.isValid() || patients < 1 || dashboardResponses < 1 || !sizesOk ||
        option(QStringLiteral("--runs"), QStringLiteral("1")).toInt() < 1) {
        log() << "bench: cannot set up (work folder, --patients, --responses, --sizes, --runs)\n";
        return 2;
    }
    Suite suite(work.path(), binDir);
    const QJsonObject machineInfo = machine();
    // --quick only checks that every figure is measured (tst_benchsuite): two of each.
    const int coldRuns = quick ? 2 : 10;
    // Staff-screen runs per clinic (--runs K: fewer for the large sizes, where one episode
    // open can take seconds).
    const int runs =
        option(QStringLiteral("--runs"), quick ? QStringLiteral("2") : QStringLiteral("10"))
            .toInt();

    const QString demoDb = cachedDemo(suite, dataDir, patients);

    log() << "bench: cold start, empty database\n";
    for (int i = 0; i <= coldRuns; ++i) {
        const QString db = suite.work(QStringLiteral("cold-%1.sqlite").arg(i));
        suite.run(QStringLiteral("cold start (empty)"), suite.app(), {QStringLiteral("cold")}, db,
                  60000);
        if (i == 0) // the first start warms the OS's file cache: not counted
            suite.samples.remove(QStringLiteral("cold_start_ms"));
    }
    if (!demoDb.isEmpty())
        measureClinic(suite, demoDb, dataDir, patients, coldRuns, runs, !sizes.isEmpty());

    // The same figures at the other sizes, each in its own set of samples.
    QJsonArray bySize;
    const QStringList growing{
        QStringLiteral("cold_start_large_ms"), QStringLiteral("staff_first_open_ms"),
        QStringLiteral("episode_open_ms"),     QStringLiteral("dashboard_open_ms"),
        QStringLiteral("staff_back_ms"),       QStringLiteral("staff_frame_gap_ms"),
        QStringLiteral("staff_ui_blocked_ms"), QStringLiteral("dashboard_query_ms"),
        QStringLiteral("clinic_figures_ms"),   QStringLiteral("clinic_figures_mib")};
    for (const int size : sizes) {
        QMap<QString, QVector<double>> samples;
        if (size == patients) {
            for (const QString &figure : growing)
                samples[figure] = suite.samples.value(figure);
        } else {
            const QString db = cachedDemo(suite, dataDir, size);
            if (db.isEmpty())
                continue;
            QMap<QString, QVector<double>> kept;
            for (const QString &figure : growing)
                kept[figure] = suite.samples.take(figure);
            measureClinic(suite, db, dataDir, size, coldRuns, runs, true);
            for (const QString &figure : growing) {
                samples[figure] = suite.samples.take(figure);
                if (!kept.value(figure).isEmpty())
                    suite.samples[figure] = kept.value(figure);
            }
        }
        QJsonObject figures;
        for (const QString &figure : growing)
            if (!samples.value(figure).isEmpty())
                figures.insert(figure, statistics(samples.value(figure)));
        QJsonObject entry =
            clinicSize(QStringLiteral("%1/demo-%2.sqlite").arg(dataDir).arg(size), size);
        entry.insert(QStringLiteral("figures"), figures);
        bySize.append(entry);
    }

    log() << "bench: sign-in and PIN unlock (production scrypt cost)\n";
    suite.run(QStringLiteral("sign-in"), suite.app(),
              {QStringLiteral("signin"), QStringLiteral("--runs"), QString::number(quick ? 2 : 7)},
              suite.work(QStringLiteral("signin.sqlite")));

    log() << "bench: demo clinic creation\n";
    for (int i = 0; i < (quick ? 1 : 3); ++i)
        suite.run(QStringLiteral("demo creation"), suite.app(), {QStringLiteral("demo")},
                  suite.work(QStringLiteral("demo-create-%1.sqlite").arg(i)));

    if (!demoDb.isEmpty()) {
        log() << "bench: patient-mode round\n";
        suite.run(
            QStringLiteral("round"), suite.app(),
            {QStringLiteral("round"), QStringLiteral("--taps"), QString::number(quick ? 100 : 150)},
            copyOf(suite, demoDb, QStringLiteral("round.sqlite")));
    }

    log() << "bench: saving a response (core)\n";
    suite.run(QStringLiteral("bench_store"), suite.bin(QStringLiteral("bench_store")),
              {work.path(), QString::number(quick ? 100 : 500), QStringLiteral("--samples")});

    log() << "bench: dashboard query over " << dashboardResponses << " responses (core)\n";
    log().flush();
    suite.run(QStringLiteral("bench_dashboard"), suite.bin(QStringLiteral("bench_dashboard")),
              {QString::number(dashboardResponses),
               QStringLiteral("%1/dashboard-%2.sqlite").arg(dataDir).arg(dashboardResponses),
               QStringLiteral("--samples")},
              {}, 3600000);

    // Every figure the suite promises, in the order of docs/PERFORMANCE.md.
    const QStringList expected{QStringLiteral("cold_start_ms"),
                               QStringLiteral("cold_start_large_ms"),
                               QStringLiteral("tap_to_next_ms"),
                               QStringLiteral("tap_to_settled_ms"),
                               QStringLiteral("frame_gap_ms"),
                               QStringLiteral("sign_in_ms"),
                               QStringLiteral("pin_unlock_ms"),
                               QStringLiteral("demo_create_ms"),
                               QStringLiteral("staff_first_open_ms"),
                               QStringLiteral("episode_open_ms"),
                               QStringLiteral("dashboard_open_ms"),
                               QStringLiteral("staff_back_ms"),
                               QStringLiteral("staff_frame_gap_ms"),
                               QStringLiteral("staff_ui_blocked_ms"),
                               QStringLiteral("summary_cards_ui_blocked_ms"),
                               QStringLiteral("dashboard_query_1m_ms"),
                               QStringLiteral("save_response_ms"),
                               QStringLiteral("pss_mib"),
                               QStringLiteral("peak_rss_mib"),
                               QStringLiteral("signin_peak_rss_mib")};
    QJsonObject figures;
    for (const QString &name : expected) {
        if (suite.samples.value(name).isEmpty()) {
            suite.errors.append(QStringLiteral("%1: no samples").arg(name));
            continue;
        }
        figures.insert(name, statistics(suite.samples.value(name)));
    }
    for (auto it = suite.samples.cbegin(); it != suite.samples.cend(); ++it)
        if (!figures.contains(it.key()) && !it.value().isEmpty())
            figures.insert(it.key(), statistics(it.value()));

    QJsonObject result{{QStringLiteral("suite"), QStringLiteral("triad bench_suite")},
                       {QStringLiteral("quick"), quick},
                       {QStringLiteral("machine"), machineInfo},
                       {QStringLiteral("data"),
                        QJsonObject{{QStringLiteral("demo_patients"), patients},
                                    {QStringLiteral("demo"), clinicSize(demoDb, patients)},
                                    {QStringLiteral("episode_sessions"), 50},
                                    {QStringLiteral("dashboard_responses"), dashboardResponses}}},
                       {QStringLiteral("figures"), figures},
                       {QStringLiteral("by_size"), bySize},
                       {QStringLiteral("errors"), suite.errors}};
    QTextStream out(stdout);
    if (args.contains(QStringLiteral("--json"))) {
        out << QJsonDocument(result).toJson(QJsonDocument::Indented);
    } else {
        out << qSetFieldWidth(24) << Qt::left << "figure" << qSetFieldWidth(10) << Qt::right
            << "median"
            << "p95"
            << "min"
            << "max"
            << "n" << qSetFieldWidth(0) << '\n';
        for (auto it = figures.constBegin(); it != figures.constEnd(); ++it) {
            const QJsonObject f = it.value().toObject();
            out << qSetFieldWidth(24) << Qt::left << it.key() << qSetFieldWidth(10) << Qt::right;
            for (const char *stat : {"median", "p95", "min", "max", "n"})
                out << f.value(QLatin1String(stat)).toDouble();
            out << qSetFieldWidth(0) << '\n';
        }
        for (const QJsonValue &value : bySize) {
            const QJsonObject size = value.toObject();
            out << QStringLiteral("\n%1 patients, %2 sessions, %3 responses, %4 MiB\n")
                       .arg(size.value(QStringLiteral("demo_patients")).toInt())
                       .arg(size.value(QStringLiteral("sessions")).toInt())
                       .arg(size.value(QStringLiteral("responses")).toInt())
                       .arg(size.value(QStringLiteral("file_mib")).toDouble());
            const QJsonObject sized = size.value(QStringLiteral("figures")).toObject();
            for (auto it = sized.constBegin(); it != sized.constEnd(); ++it) {
                const QJsonObject f = it.value().toObject();
                out << qSetFieldWidth(24) << Qt::left << it.key() << qSetFieldWidth(10)
                    << Qt::right;
                for (const char *stat : {"median", "p95", "min", "max", "n"})
                    out << f.value(QLatin1String(stat)).toDouble();
                out << qSetFieldWidth(0) << '\n';
            }
        }
        for (const QJsonValue &e : suite.errors)
            out << "ERROR " << e.toString() << '\n';
    }
    return suite.errors.isEmpty() ? 0 : 1;
}

} // namespace triad::bench
