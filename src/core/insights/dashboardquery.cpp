#include "dashboardquery.h"

#include "clinicfigures.h"

#include "core/store/schema.h"

#include <QSqlQuery>

namespace triad::insights {

namespace {
// "CASE <column> WHEN ? THEN 1 WHEN ? THEN 2 ... ELSE 0 END": text ids to codes inside
// SQLite, so the pass never builds a QString per row.
QString codeCase(const QString &column, int count)
{
    QString sql = QStringLiteral("CASE ") + column;
    for (int i = 1; i <= count; ++i)
        sql += QStringLiteral(" WHEN ? THEN %1").arg(i);
    return sql + QStringLiteral(" ELSE 0 END");
}

// Julian day numbers as QDate counts them (SQLite's julianday is noon-based).
const char *const kJulian = "CAST(julianday(%1) + 0.5 AS INTEGER)";

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
    // Covers the response side of the pass (session, respondent, status, instrument and the
    // supersedes check), so SQLite reads the narrow index instead of whole response rows.
    // Sessions and episodes likewise: the pass walks sessions in index order and reaches
    // each episode's physio and condition without reading its encrypted goals.
    return m_db.execSql(QStringLiteral(
               "CREATE INDEX IF NOT EXISTS insights_response_dashboard ON response(session_id, "
               "respondent, status, instrument_id, id, supersedes)")) &&
           m_db.execSql(QStringLiteral("CREATE INDEX IF NOT EXISTS insights_session_dashboard "
                                       "ON session(id, episode_id, session_date)")) &&
           m_db.execSql(QStringLiteral("CREATE INDEX IF NOT EXISTS insights_episode_dashboard "
                                       "ON episode(id, physio_id, condition)"));
}

std::optional<DashboardData> DashboardQuery::load(const QDate &today)
{
    m_db.clearError();
    DashboardData data;
    if (!loadCodes(data.codes) || !loadRecords(data, today) || !loadAlerts(data))
        return std::nullopt;
    return data;
}

bool DashboardQuery::loadCodes(DashboardCodes &codes)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT rowid, id, display_name FROM staff")) ||
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
    const DashboardCodes &codes = data.codes;
    // round_skip exists from schema v3; an older database opened without migration has
    // only responses.
    const bool hasSkips = m_db.schemaVersion() >= 3;
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    QString sql =
        QStringLiteral("SELECT e.rowid, %1, st.rowid, %2, %3,"
                       " CASE r.respondent WHEN 'child' THEN 0 WHEN 'parent' THEN 1 ELSE 2 END,"
                       " CASE r.status WHEN 'complete' THEN 0 WHEN 'declined' THEN 1 ELSE 2 END,"
                       " sc.normalised, sc.raw >= sc.max_possible - 1e-9, s.rowid"
                       " FROM response r JOIN session s ON s.id = r.session_id"
                       " JOIN episode e ON e.id = s.episode_id JOIN staff st ON st.id = e.physio_id"
                       " LEFT JOIN score sc ON sc.response_id = r.id AND sc.kind = 'total'"
                       " AND sc.score_id = 'total' AND sc.scorable = 1"
                       " WHERE (r.status <> 'draft' OR s.session_date < ?)"
                       " AND NOT EXISTS (SELECT 1 FROM response c WHERE c.supersedes = r.id"
                       " AND c.status = 'complete')")
            .arg(QString::fromLatin1(kJulian).arg(QStringLiteral("s.session_date")),
                 codeCase(QStringLiteral("e.condition"), int(codes.conditions.size())),
                 codeCase(QStringLiteral("r.instrument_id"), int(codes.instruments.size())));
    if (hasSkips) {
        // A skip decides the respondent's outcome in its session, so the responses it sits
        // beside (the declined draft of declineAsSkip) are left out and the skip row stands
        // for them; a skip has no instrument (code 0) and no score.
        sql += QStringLiteral(
                   " AND NOT EXISTS (SELECT 1 FROM round_skip k WHERE k.session_id = r.session_id"
                   " AND k.respondent = r.respondent)"
                   " UNION ALL SELECT e.rowid, %1, st.rowid, %2, 0,"
                   " CASE k.respondent WHEN 'child' THEN 0 WHEN 'parent' THEN 1 ELSE 2 END,"
                   " 2, NULL, 0, s.rowid"
                   " FROM round_skip k JOIN session s ON s.id = k.session_id"
                   " JOIN episode e ON e.id = s.episode_id"
                   " JOIN staff st ON st.id = e.physio_id")
                   .arg(QString::fromLatin1(kJulian).arg(QStringLiteral("s.session_date")),
                        codeCase(QStringLiteral("e.condition"), int(codes.conditions.size())));
    }
    if (!m_db.prepare(q, sql))
        return false;
    for (const QString &c : codes.conditions)
        q.addBindValue(c);
    for (const QString &i : codes.instruments)
        q.addBindValue(i);
    q.addBindValue(today.toString(Qt::ISODate));
    if (hasSkips)
        for (const QString &c : codes.conditions)
            q.addBindValue(c);
    if (!m_db.exec(q))
        return false;

    // The age band of each instrument code; an episode takes its child form's band.
    QVector<quint8> bandOfInstrument(codes.instruments.size() + 1, 0);
    for (int i = 0; i < codes.instruments.size(); ++i)
        bandOfInstrument[i + 1] =
            quint8(codes.ageBands.indexOf(ageBandKey(m_library.find(codes.instruments[i]))) + 1);
    QHash<qint64, quint8> episodeBand;

    // Each session's respondent is asked once, so counts once: with several rows (a draft
    // correction beside the complete original, a declined attempt and a finished one) the
    // best outcome stands, complete over declined over an unfinished draft.
    QHash<quint64, int> outcomeOf; // session rowid << 2 | respondent -> index in records
    QVector<ResponseRecord> &records = data.records;
    while (q.next()) {
        ResponseRecord r;
        r.episodeId = q.value(0).toLongLong();
        r.date = QDate::fromJulianDay(q.value(1).toLongLong());
        r.physioId = q.value(2).toInt();
        r.conditionId = q.value(3).toInt();
        r.instrumentId = q.value(4).toInt();
        r.respondent = Respondent(q.value(5).toInt());
        r.status = triad::ResponseStatus(q.value(6).toInt());
        const QVariant total = q.value(7);
        if (r.status == triad::ResponseStatus::Complete && total.isNull())
            continue; // complete but not scorable: no total to count
        r.normalisedTotal = total.toDouble();
        r.atMaximum = q.value(8).toInt() != 0;
        r.sessionIndex = q.value(9).toInt();
        if (r.respondent == Respondent::Child && bandOfInstrument.value(r.instrumentId) != 0)
            episodeBand.insert(r.episodeId, bandOfInstrument[r.instrumentId]);
        const quint64 key = (quint64(r.sessionIndex) << 2) | quint64(r.respondent);
        const auto seen = outcomeOf.constFind(key);
        if (seen == outcomeOf.cend()) {
            outcomeOf.insert(key, int(records.size()));
            records.append(r);
        } else if (int(r.status) < int(records[*seen].status)) {
            records[*seen] = r;
        }
    }
    for (ResponseRecord &r : records)
        r.ageBandId = episodeBand.value(r.episodeId, 0);
    return true;
}

bool DashboardQuery::loadAlerts(DashboardData &data)
{
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    const QString sql =
        QStringLiteral("SELECT e.rowid, %1, a.type, a.respondent,"
                       " json_extract(a.evidence, '$.ownMean'), json_extract(a.evidence, '$.sd'),"
                       " json_extract(a.evidence, '$.measure')"
                       " FROM alert a JOIN episode e ON e.id = a.episode_id"
                       " JOIN session s ON s.id = a.session_id"
                       " WHERE a.type IN ('rupture', 'discrepancy', 'child-falls-adults-high')")
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
