#include "dashboardquery.h"

#include "clinicfigures.h"
#include "dashboardfacts.h"

#include "core/store/schema.h"
#include "core/store/sqlitestatement.h"

#include <QSqlQuery>

namespace triad::insights {

namespace {
// Julian day numbers as QDate counts them (SQLite's julianday is noon-based).
const char *const kJulian = "CAST(julianday(%1) + 0.5 AS INTEGER)";
// At most this much of the file is mapped while the dashboard reads (as the research export).
constexpr qint64 kMappedBytes = qint64(1) << 30;

struct TotalPoint
{
    int julian = 0;
    double total = 0;
};
} // namespace

std::optional<int> DashboardCodes::physioCode(const QString &staffId) const
{
    for (auto it = physioStaffIds.cbegin(); it != physioStaffIds.cend(); ++it)
        if (it.value() == staffId)
            return it.key();
    return std::nullopt;
}

DashboardQuery::DashboardQuery(store::Database &db, const InstrumentLibrary &library)
    : m_db(db)
    , m_library(library)
{}

bool DashboardQuery::prepare()
{
    // The facts the pass reads, with their stable keys, come with schema v5; an older
    // database opened as it is (a backup being looked at) has none in that shape.
    if (m_db.schemaVersion() < 5) {
        m_db.setError(store::StoreErrorKind::Invalid,
                      QStringLiteral("the dashboard needs schema version 5 or later, this "
                                     "database is at version %1")
                          .arg(m_db.schemaVersion()));
        return false;
    }
    return true;
}

std::optional<DashboardData> DashboardQuery::load(const QDate &today)
{
    m_db.clearError();
    // One snapshot for codes, facts and alerts, read with the file mapped: the scan goes
    // through every fact page, and the alerts' look-ups land on pages it pushed out of
    // SQLite's cache, which a mapping gives back without a copy (docs/PERFORMANCE.md).
    std::optional<store::SqliteReadScope> snapshot;
    if (sqlite3 *handle = sqliteHandle(m_db))
        snapshot.emplace(handle, kMappedBytes);
    DashboardData data;
    if (!loadCodes(data.codes) || !loadRecords(data, today) || !loadAlerts(data))
        return std::nullopt;
    return data;
}

bool DashboardQuery::loadCodes(DashboardCodes &codes)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT seq, id, display_name FROM staff")) ||
        !m_db.exec(q))
        return false;
    while (q.next()) {
        codes.physioStaffIds.insert(q.value(0).toInt(), q.value(1).toString());
        codes.physioNames.insert(q.value(0).toInt(), q.value(2).toString());
    }
    codes.conditions = store::conditionCategories();
    for (const Instrument &i : m_library.instruments()) {
        codes.instruments.append(i.id);
        const QString band = ageBandKey(&i);
        if (!band.isEmpty() && !codes.ageBands.contains(band))
            codes.ageBands.append(band);
    }
    return true;
}

bool DashboardQuery::loadRecords(DashboardData &data, const QDate &today)
{
    if (!prepare())
        return false;
    FactReader reader(m_db, m_library, data.codes);
    return reader.read(today, data.records);
}

bool DashboardQuery::loadAlerts(DashboardData &data)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    const QString sql =
        QStringLiteral("SELECT e.seq, %1, a.type, a.respondent,"
                       " json_extract(a.evidence, '$.ownMean'), json_extract(a.evidence, '$.sd'),"
                       " json_extract(a.evidence, '$.measure'),"
                       " EXISTS (SELECT 1 FROM action_log l WHERE l.alert_id = a.id"
                       "  AND l.action = 'false-alarm')"
                       " FROM alert a JOIN episode e ON e.id = a.episode_id"
                       " JOIN session s ON s.id = a.session_id"
                       // Cards only (act today, keep an eye): notes are never counted.
                       " WHERE a.severity IN ('concern', 'watch')")
            .arg(QString::fromLatin1(kJulian).arg(QStringLiteral("s.session_date")));
    if (!m_db.prepare(q, sql) || !m_db.exec(q))
        return false;
    struct Pending
    {
        int alert;
        double line; // back at or above this = repaired
    };
    QVector<Pending> ruptures;
    QSet<qint64> ruptureEpisodes;
    while (q.next()) {
        const auto type = alertTypeFromId(q.value(2).toString());
        const auto who = respondentFromId(q.value(3).toString());
        if (!type || !who)
            continue;
        const QString measure = q.value(6).toString();
        if (*type == AlertType::Rupture && !measure.isEmpty() && measure != QLatin1String("total"))
            continue;
        AlertRecord a;
        a.episodeId = q.value(0).toLongLong();
        a.date = QDate::fromJulianDay(q.value(1).toLongLong());
        a.type = *type;
        a.respondent = *who;
        a.falseAlarm = q.value(7).toBool();
        if (*type == AlertType::Rupture && !q.value(4).isNull() && !q.value(5).isNull()) {
            ruptures.append(
                {int(data.alerts.size()), q.value(4).toDouble() - q.value(5).toDouble()});
            ruptureEpisodes.insert(a.episodeId);
        }
        data.alerts.append(a);
    }
    if (ruptures.isEmpty())
        return true;

    // Repair: the respondent's next two scored totals after the rupture's session.
    QHash<quint64, QVector<TotalPoint>> totals; // episode << 2 | respondent
    for (const ResponseRecord &r : std::as_const(data.records))
        if (r.status == triad::ResponseStatus::Complete && ruptureEpisodes.contains(r.episodeId))
            totals[(quint64(r.episodeId) << 2) | quint64(r.respondent)].append(
                {int(r.date.toJulianDay()), r.normalisedTotal});
    for (auto &list : totals)
        std::sort(list.begin(), list.end(),
                  [](const TotalPoint &x, const TotalPoint &y) { return x.julian < y.julian; });
    for (const Pending &p : std::as_const(ruptures)) {
        AlertRecord &a = data.alerts[p.alert];
        const auto &list = totals.value((quint64(a.episodeId) << 2) | quint64(a.respondent));
        int seen = 0;
        for (const TotalPoint &t : list) {
            if (t.julian <= int(a.date.toJulianDay()))
                continue;
            if (++seen > 2)
                break;
            if (t.total >= p.line) {
                a.repaired = true;
                break;
            }
        }
    }
    return true;
}

} // namespace triad::insights
