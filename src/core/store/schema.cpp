#include "schema.h"
#include "schemasteps.h"

namespace triad::store {

namespace {

// A final (complete or declined) response may still be deleted while its patient is being
// erased: the erasure transaction inserts a row into erasure_permit, deletes, and removes
// the row before committing, so a permit never outlives the transaction. Everything else
// that tries to change a final response is aborted by SQLite itself, whatever code runs.
const char *const kPermittedForResponse =
    "EXISTS (SELECT 1 FROM response r JOIN session s ON s.id = r.session_id "
    "JOIN episode e ON e.id = s.episode_id JOIN erasure_permit p ON p.patient_id = e.patient_id "
    "WHERE r.id = OLD.response_id)";

QString statusOf(const char *column)
{
    return QStringLiteral("(SELECT status FROM response WHERE id = %1)").arg(QLatin1String(column));
}

// Answers and scores of a final response: no insert, no update, delete only under a permit.
QStringList freezeChildTable(const QString &table)
{
    const QString t = table;
    return {
        QStringLiteral("CREATE TRIGGER %1_final_no_insert BEFORE INSERT ON %1 "
                       "WHEN %2 <> 'draft' BEGIN "
                       "SELECT RAISE(ABORT, 'completed response is immutable'); END")
            .arg(t, statusOf("NEW.response_id")),
        QStringLiteral("CREATE TRIGGER %1_final_no_update BEFORE UPDATE ON %1 "
                       "WHEN %2 <> 'draft' OR %3 <> 'draft' BEGIN "
                       "SELECT RAISE(ABORT, 'completed response is immutable'); END")
            .arg(t, statusOf("OLD.response_id"), statusOf("NEW.response_id")),
        QStringLiteral("CREATE TRIGGER %1_final_no_delete BEFORE DELETE ON %1 "
                       "WHEN %2 <> 'draft' AND NOT %3 BEGIN "
                       "SELECT RAISE(ABORT, 'completed response is immutable'); END")
            .arg(t, statusOf("OLD.response_id"), QLatin1String(kPermittedForResponse)),
    };
}

QString quotedList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << QLatin1Char('\'') + v + QLatin1Char('\'');
    return quoted.join(QLatin1Char(','));
}

QStringList version1()
{
    QStringList s{
        QStringLiteral("CREATE TABLE clinic ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " uuid TEXT NOT NULL UNIQUE,"
                       " name TEXT NOT NULL CHECK (length(name) > 0),"
                       " created_at TEXT NOT NULL)"),
        // Staff display names are plain on purpose: the sign-in screen lists them before
        // any key is unlocked, and staff are not patients (docs/SECURITY.md, Storage).
        QStringLiteral("CREATE TABLE staff ("
                       " id TEXT PRIMARY KEY,"
                       " display_name TEXT NOT NULL CHECK (length(display_name) > 0),"
                       " role TEXT NOT NULL CHECK (role IN (%1)),"
                       " active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
                       " created_at TEXT NOT NULL)")
            .arg(quotedList(staffRoles())),
        QStringLiteral("CREATE TABLE key_slot ("
                       " id TEXT PRIMARY KEY,"
                       " staff_id TEXT NOT NULL REFERENCES staff(id),"
                       " kind TEXT NOT NULL CHECK (kind IN ('passphrase', 'pin')),"
                       " slot BLOB NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " UNIQUE (staff_id, kind))"),
        QStringLiteral("CREATE TABLE patient ("
                       " id TEXT PRIMARY KEY,"
                       " code TEXT NOT NULL UNIQUE,"
                       " name BLOB NOT NULL,"
                       " birth_date BLOB NOT NULL,"
                       " notes BLOB,"
                       " created_at TEXT NOT NULL,"
                       " created_by TEXT REFERENCES staff(id))"),
        QStringLiteral("CREATE TABLE guardian ("
                       " id TEXT PRIMARY KEY,"
                       " patient_id TEXT NOT NULL REFERENCES patient(id),"
                       " name BLOB NOT NULL,"
                       " relationship TEXT NOT NULL"
                       "  CHECK (relationship IN ('mother', 'father', 'carer', 'other')),"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX guardian_patient ON guardian(patient_id)"),
        QStringLiteral("CREATE TABLE episode ("
                       " id TEXT PRIMARY KEY,"
                       " patient_id TEXT NOT NULL REFERENCES patient(id),"
                       " physio_id TEXT NOT NULL REFERENCES staff(id),"
                       " condition TEXT NOT NULL CHECK (condition IN (%1)),"
                       " goals BLOB,"
                       " instrument_set TEXT NOT NULL DEFAULT '{}',"
                       " start_date TEXT NOT NULL,"
                       " end_date TEXT,"
                       " created_at TEXT NOT NULL)")
            .arg(quotedList(conditionCategories())),
        QStringLiteral("CREATE INDEX episode_patient ON episode(patient_id)"),
        QStringLiteral("CREATE INDEX episode_physio ON episode(physio_id)"),
        QStringLiteral("CREATE TABLE session ("
                       " id TEXT PRIMARY KEY,"
                       " episode_id TEXT NOT NULL REFERENCES episode(id),"
                       " physio_id TEXT NOT NULL REFERENCES staff(id),"
                       " session_date TEXT NOT NULL,"
                       " created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX session_episode ON session(episode_id, session_date)"),
        QStringLiteral(
            "CREATE TABLE response ("
            " id TEXT PRIMARY KEY,"
            " session_id TEXT NOT NULL REFERENCES session(id),"
            " respondent TEXT NOT NULL CHECK (respondent IN ('child', 'parent', 'physio')),"
            " guardian_id TEXT REFERENCES guardian(id),"
            " staff_id TEXT REFERENCES staff(id),"
            " instrument_id TEXT NOT NULL,"
            " instrument_version TEXT NOT NULL,"
            " language TEXT NOT NULL,"
            " status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN (%1)),"
            " decline_reason TEXT CHECK (decline_reason IS NULL OR decline_reason IN (%2)),"
            " supersedes TEXT REFERENCES response(id),"
            " started_at TEXT NOT NULL,"
            " updated_at TEXT NOT NULL,"
            " completed_at TEXT,"
            " CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),"
            " CHECK ((status = 'draft') = (completed_at IS NULL)))")
            .arg(quotedList(responseStatuses()), quotedList(declineReasons())),
        QStringLiteral("CREATE INDEX response_session ON response(session_id)"),
        // A response is corrected at most once; the correction points back with `supersedes`,
        // so correcting never updates the original row (append-only, conflict-free sync).
        QStringLiteral("CREATE UNIQUE INDEX response_supersedes_once ON response(supersedes)"
                       " WHERE supersedes IS NOT NULL AND status = 'complete'"),
        QStringLiteral(
            "CREATE TABLE answer ("
            " response_id TEXT NOT NULL REFERENCES response(id),"
            " item_id TEXT NOT NULL,"
            " value_kind TEXT NOT NULL CHECK (value_kind IN ('int', 'real', 'bool', 'text')),"
            " value_num REAL,"
            " value_text BLOB,"
            " answered_at TEXT NOT NULL,"
            " PRIMARY KEY (response_id, item_id),"
            " CHECK ((value_kind = 'text') = (value_text IS NOT NULL)),"
            " CHECK ((value_kind = 'text') = (value_num IS NULL)))"),
        QStringLiteral("CREATE TABLE score ("
                       " response_id TEXT NOT NULL REFERENCES response(id),"
                       " kind TEXT NOT NULL CHECK (kind IN ('total', 'subscale', 'construct')),"
                       " score_id TEXT NOT NULL,"
                       " scorable INTEGER NOT NULL CHECK (scorable IN (0, 1)),"
                       " reason TEXT,"
                       " raw REAL NOT NULL,"
                       " min_possible REAL NOT NULL,"
                       " max_possible REAL NOT NULL,"
                       " normalised REAL NOT NULL,"
                       " item_count INTEGER NOT NULL,"
                       " answered INTEGER NOT NULL,"
                       " prorated INTEGER NOT NULL CHECK (prorated IN (0, 1)),"
                       " PRIMARY KEY (response_id, kind, score_id))"),
        QStringLiteral("CREATE TABLE alert ("
                       " id TEXT PRIMARY KEY,"
                       " episode_id TEXT NOT NULL REFERENCES episode(id),"
                       " session_id TEXT REFERENCES session(id),"
                       " type TEXT NOT NULL,"
                       " respondent TEXT,"
                       " severity TEXT NOT NULL DEFAULT 'watch'"
                       "  CHECK (severity IN ('info', 'watch', 'concern')),"
                       " evidence TEXT NOT NULL DEFAULT '{}',"
                       " prompt BLOB NOT NULL,"
                       " created_at TEXT NOT NULL,"
                       " acknowledged_at TEXT,"
                       " acknowledged_by TEXT REFERENCES staff(id))"),
        QStringLiteral("CREATE TABLE action_log ("
                       " id TEXT PRIMARY KEY,"
                       " alert_id TEXT NOT NULL REFERENCES alert(id),"
                       " staff_id TEXT NOT NULL REFERENCES staff(id),"
                       " action TEXT NOT NULL,"
                       " note BLOB,"
                       " at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX action_log_alert ON action_log(alert_id)"),
        // Audit entries name rows by id and hold digests of values, never personal data;
        // each mac chains over the previous one (crypto/auditchain.h), so they survive a
        // patient's erasure.
        QStringLiteral("CREATE TABLE audit ("
                       " seq INTEGER PRIMARY KEY,"
                       " uuid TEXT NOT NULL UNIQUE,"
                       " staff_id TEXT,"
                       " at TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " table_name TEXT NOT NULL,"
                       " row_id TEXT NOT NULL,"
                       " old_digest BLOB NOT NULL,"
                       " new_digest BLOB NOT NULL,"
                       " mac BLOB NOT NULL)"),
        // Events that happen while no key is unlocked (a failed sign-in) cannot be MACed
        // yet: they wait here, durably, and join the chain at the next sign-in.
        QStringLiteral("CREATE TABLE audit_pending ("
                       " uuid TEXT PRIMARY KEY,"
                       " staff_id TEXT,"
                       " at TEXT NOT NULL,"
                       " action TEXT NOT NULL,"
                       " table_name TEXT NOT NULL,"
                       " row_id TEXT NOT NULL)"),
        QStringLiteral("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN "
                       "SELECT RAISE(ABORT, 'audit log is append-only (immutable)'); END"),
        QStringLiteral("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN "
                       "SELECT RAISE(ABORT, 'audit log is append-only (immutable)'); END"),
        QStringLiteral("CREATE TABLE erasure_permit (patient_id TEXT PRIMARY KEY)"),
        QStringLiteral("CREATE TRIGGER response_final_no_update BEFORE UPDATE ON response "
                       "WHEN OLD.status <> 'draft' BEGIN "
                       "SELECT RAISE(ABORT, 'completed response is immutable'); END"),
        QStringLiteral("CREATE TRIGGER response_born_draft BEFORE INSERT ON response "
                       "WHEN NEW.status <> 'draft' BEGIN "
                       "SELECT RAISE(ABORT, 'a response starts as a draft'); END"),
        QStringLiteral("CREATE TRIGGER response_final_no_delete BEFORE DELETE ON response "
                       "WHEN OLD.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM session s "
                       "JOIN episode e ON e.id = s.episode_id JOIN erasure_permit p "
                       "ON p.patient_id = e.patient_id WHERE s.id = OLD.session_id) BEGIN "
                       "SELECT RAISE(ABORT, 'completed response is immutable'); END"),
    };
    s << freezeChildTable(QStringLiteral("answer")) << freezeChildTable(QStringLiteral("score"));
    return s;
}

// v2: where the session took place (home programmes and school visits are common in
// paediatric physio), and an index for the alert list of an episode.
QStringList version2()
{
    return {
        QStringLiteral("ALTER TABLE session ADD COLUMN setting TEXT NOT NULL DEFAULT 'clinic'"
                       " CHECK (setting IN (%1))")
            .arg(quotedList(sessionSettings())),
        QStringLiteral("CREATE INDEX alert_episode ON alert(episode_id, created_at)"),
    };
}

// v3: a skipped respondent (absent, declined before starting, too distressed, no form for
// the child's age) is a round_skip row, not a response: it needs no instrument, and absence
// is no longer folded into the decline reason 'other'. A respondent who starts a form and
// then declines still has a declined response as before (and, from v3, a skip row too).
//
// Existing data is left as it is: a response declined with reason 'other' before v3 may have
// been an absence or something else, and nothing stored says which, so no skip row is
// invented for it. Skips of children with no fitting form were only audit entries before v3;
// they stay there.
//
// The reason list is written out here, not taken from skipReasons(), so that growing that
// vocabulary later (a new step) can never change what this released step creates.
QStringList version3()
{
    return {
        QStringLiteral(
            "CREATE TABLE round_skip ("
            " id TEXT PRIMARY KEY,"
            " session_id TEXT NOT NULL REFERENCES session(id),"
            " respondent TEXT NOT NULL CHECK (respondent IN ('child', 'parent', 'physio')),"
            " reason TEXT NOT NULL CHECK (reason IN ('absent', 'declined', 'too-distressed',"
            "  'no-form-for-age', 'other')),"
            " created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),"
            " UNIQUE (session_id, respondent))"),
        // Like a final response, a skip is a record of what happened: never changed, and
        // deleted only inside a patient's erasure (erasure_permit, see kPermittedForResponse).
        QStringLiteral("CREATE TRIGGER round_skip_no_update BEFORE UPDATE ON round_skip BEGIN "
                       "SELECT RAISE(ABORT, 'a recorded skip is immutable'); END"),
        QStringLiteral("CREATE TRIGGER round_skip_no_delete BEFORE DELETE ON round_skip "
                       "WHEN NOT EXISTS (SELECT 1 FROM session s "
                       "JOIN episode e ON e.id = s.episode_id JOIN erasure_permit p "
                       "ON p.patient_id = e.patient_id WHERE s.id = OLD.session_id) BEGIN "
                       "SELECT RAISE(ABORT, 'a recorded skip is immutable'); END"),
    };
}

// v4: dashboard_fact, one compact row per counted outcome, so the clinic lead's dashboard
// reads a million responses in one sequential scan instead of joining uuid-keyed tables
// (docs/PERFORMANCE.md). It holds integer codes and total scores only, no personal data.
//
// Triggers write it in the very statement that makes a response final (draft -> complete or
// declined) or records a skip, whatever code does that, so it can never disagree with its
// source rows: a completed correction removes the fact of the response it replaces, and
// deleting a response or skip (only possible inside a patient's erasure, see
// kPermittedForResponse) deletes its fact. Existing rows are backfilled by the same rules.
//
// Codes: episode, session and physio are rowids of episode, session and staff; condition is
// the position in dashboardFactConditions() + 1; respondent child 0, parent 1, physio 2;
// status complete 0, declined 1, skipped 2 (a round_skip row); day is days since
// 1970-01-01 of the session date; instrument is dashboard_instrument.code (0 for a skip);
// total is the scorable normalised total, NULL otherwise. Drafts have no fact: an old draft
// counts as skipped at query time, because "old" depends on the day the dashboard is read.
//
// Like version3(), the vocabularies are written out, never taken from the live lists.
const char *const kFactCondition =
    "CASE e.condition WHEN 'acl-injury' THEN 1 WHEN 'low-back-pain' THEN 2 "
    "WHEN 'hypermobility' THEN 3 WHEN 'scoliosis' THEN 4 WHEN 'cerebral-palsy' THEN 5 "
    "WHEN 'juvenile-arthritis' THEN 6 WHEN 'other' THEN 7 ELSE 0 END";
const char *const kFactRespondent =
    "CASE %1.respondent WHEN 'child' THEN 0 WHEN 'parent' THEN 1 ELSE 2 END";
const char *const kFactDay = "CAST(julianday(s.session_date) - 2440587.5 AS INTEGER)";

// The SELECT that turns final response `r` into its fact row; `from` joins `r` in when it is
// a table rather than a trigger's NEW row.
QString responseFactSelect(const QString &r, const QString &from, const QString &where)
{
    return QStringLiteral("SELECT %1.id, e.rowid, s.rowid, st.rowid, %2, %3,"
                          " CASE %1.status WHEN 'complete' THEN 0 ELSE 1 END, %4, i.code,"
                          " sc.normalised, coalesce(sc.raw >= sc.max_possible - 1e-9, 0)"
                          " FROM %5session s JOIN episode e ON e.id = s.episode_id"
                          " JOIN staff st ON st.id = e.physio_id"
                          " JOIN dashboard_instrument i ON i.instrument_id = %1.instrument_id"
                          " LEFT JOIN score sc ON sc.response_id = %1.id AND sc.kind = 'total'"
                          " AND sc.score_id = 'total' AND sc.scorable = 1 WHERE %6")
        .arg(r, QLatin1String(kFactCondition), QString::fromLatin1(kFactRespondent).arg(r),
             QLatin1String(kFactDay), from, where);
}

// The same for skip `k`.
QString skipFactSelect(const QString &k, const QString &from, const QString &where)
{
    return QStringLiteral("SELECT %1.id, e.rowid, s.rowid, st.rowid, %2, %3, 2, %4, 0, NULL, 0"
                          " FROM %5session s JOIN episode e ON e.id = s.episode_id"
                          " JOIN staff st ON st.id = e.physio_id WHERE %6")
        .arg(k, QLatin1String(kFactCondition), QString::fromLatin1(kFactRespondent).arg(k),
             QLatin1String(kFactDay), from, where);
}

QStringList version4()
{
    const QString responseColumns =
        QStringLiteral("(response_id, episode, session, physio, condition, respondent, status, "
                       "day, instrument, total, at_maximum) ");
    const QString skipColumns =
        QStringLiteral("(skip_id, episode, session, physio, condition, respondent, status, "
                       "day, instrument, total, at_maximum) ");
    return {
        QStringLiteral("CREATE TABLE dashboard_instrument ("
                       " code INTEGER PRIMARY KEY,"
                       " instrument_id TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE dashboard_fact ("
                       " id INTEGER PRIMARY KEY,"
                       " response_id TEXT UNIQUE REFERENCES response(id),"
                       " skip_id TEXT UNIQUE REFERENCES round_skip(id),"
                       " episode INTEGER NOT NULL,"
                       " session INTEGER NOT NULL,"
                       " physio INTEGER NOT NULL,"
                       " condition INTEGER NOT NULL,"
                       " respondent INTEGER NOT NULL CHECK (respondent IN (0, 1, 2)),"
                       " status INTEGER NOT NULL CHECK (status IN (0, 1, 2)),"
                       " day INTEGER NOT NULL,"
                       " instrument INTEGER NOT NULL,"
                       " total REAL,"
                       " at_maximum INTEGER NOT NULL CHECK (at_maximum IN (0, 1)),"
                       " CHECK ((response_id IS NULL) <> (skip_id IS NULL)))"),
        // Old drafts count as skipped; this finds them, with what the dashboard needs of
        // them, without reading every response.
        QStringLiteral("CREATE INDEX response_draft ON response(session_id, respondent, "
                       "instrument_id) WHERE status = 'draft'"),
        // The covering indexes the dashboard query of v3 created for itself are not needed
        // any more: they only cost space and write time.
        QStringLiteral("DROP INDEX IF EXISTS insights_response_dashboard"),
        QStringLiteral("DROP INDEX IF EXISTS insights_session_dashboard"),
        QStringLiteral("DROP INDEX IF EXISTS insights_episode_dashboard"),
        QStringLiteral("INSERT INTO dashboard_instrument (instrument_id) SELECT DISTINCT "
                       "instrument_id FROM response WHERE status <> 'draft' ORDER BY 1"),
        // Backfill, in session order so the dashboard's scan reads each session's rows
        // together; a response replaced by a completed correction has no fact.
        QStringLiteral("INSERT INTO dashboard_fact ") + responseColumns +
            responseFactSelect(QStringLiteral("r"), QStringLiteral("response r JOIN "),
                               QStringLiteral("s.id = r.session_id AND r.status <> 'draft' AND "
                                              "NOT EXISTS (SELECT 1 FROM response c WHERE "
                                              "c.supersedes = r.id AND c.status = 'complete') "
                                              "ORDER BY s.rowid")),
        QStringLiteral("INSERT INTO dashboard_fact ") + skipColumns +
            skipFactSelect(QStringLiteral("k"), QStringLiteral("round_skip k JOIN "),
                           QStringLiteral("s.id = k.session_id ORDER BY s.rowid")),
        QStringLiteral("CREATE TRIGGER dashboard_fact_on_final AFTER UPDATE OF status ON response "
                       "WHEN OLD.status = 'draft' AND NEW.status <> 'draft' BEGIN "
                       "INSERT OR IGNORE INTO dashboard_instrument (instrument_id) "
                       "VALUES (NEW.instrument_id); "
                       "INSERT INTO dashboard_fact ") +
            responseColumns +
            responseFactSelect(QStringLiteral("NEW"), {}, QStringLiteral("s.id = NEW.session_id")) +
            QStringLiteral("; DELETE FROM dashboard_fact WHERE NEW.status = 'complete' "
                           "AND response_id = NEW.supersedes; END"),
        QStringLiteral("CREATE TRIGGER dashboard_fact_on_skip AFTER INSERT ON round_skip BEGIN "
                       "INSERT INTO dashboard_fact ") +
            skipColumns +
            skipFactSelect(QStringLiteral("NEW"), {}, QStringLiteral("s.id = NEW.session_id")) +
            QStringLiteral("; END"),
        QStringLiteral("CREATE TRIGGER dashboard_fact_response_gone AFTER DELETE ON response "
                       "BEGIN DELETE FROM dashboard_fact WHERE response_id = OLD.id; END"),
        QStringLiteral("CREATE TRIGGER dashboard_fact_skip_gone AFTER DELETE ON round_skip "
                       "BEGIN DELETE FROM dashboard_fact WHERE skip_id = OLD.id; END"),
        // A fact follows its source row: it is never edited, and goes only with its source
        // (erasure) or when a completed correction replaces its response.
        QStringLiteral("CREATE TRIGGER dashboard_fact_no_update BEFORE UPDATE ON dashboard_fact "
                       "BEGIN SELECT RAISE(ABORT, 'a dashboard fact is immutable'); END"),
        QStringLiteral(
            "CREATE TRIGGER dashboard_fact_no_delete BEFORE DELETE ON dashboard_fact "
            "WHEN EXISTS (SELECT 1 FROM round_skip WHERE id = OLD.skip_id) "
            "OR (EXISTS (SELECT 1 FROM response WHERE id = OLD.response_id) "
            "AND NOT EXISTS (SELECT 1 FROM response c WHERE c.supersedes = OLD.response_id "
            "AND c.status = 'complete')) BEGIN "
            "SELECT RAISE(ABORT, 'a dashboard fact is immutable while its source stands'); END"),
    };
}

} // namespace

const QVector<MigrationStep> &migrationSteps()
{
    static const QVector<MigrationStep> steps{
        {1, version1()},        {2, version2()},        {3, version3()},
        {4, version4()},        {5, steps::version5()}, {6, steps::version6()},
        {7, steps::version7()}, {8, steps::version8()}, {9, steps::version9()},
    };
    return steps;
}

int currentSchemaVersion()
{
    return migrationSteps().constLast().version;
}

QStringList dataTables()
{
    return dataTables(currentSchemaVersion());
}

QStringList dataTables(int schemaVersion)
{
    QStringList tables{
        QStringLiteral("clinic"),  QStringLiteral("staff"),        QStringLiteral("key_slot"),
        QStringLiteral("patient"), QStringLiteral("guardian"),     QStringLiteral("episode"),
        QStringLiteral("session"), QStringLiteral("response"),     QStringLiteral("answer"),
        QStringLiteral("score"),   QStringLiteral("alert"),        QStringLiteral("action_log"),
        QStringLiteral("audit"),   QStringLiteral("audit_pending")};
    // guardian_removal (v7) follows the guardians it names.
    if (schemaVersion >= 7)
        tables.insert(tables.indexOf(QStringLiteral("guardian")) + 1,
                      QStringLiteral("guardian_removal"));
    // round_skip (v3) comes after its parent, the session, with the other session rows.
    if (schemaVersion >= 3)
        tables.insert(tables.indexOf(QStringLiteral("alert")), QStringLiteral("round_skip"));
    // The dashboard's facts (v4) follow the responses and skips they are made from.
    if (schemaVersion >= 4)
        for (const char *table : {"dashboard_instrument", "dashboard_fact"})
            tables.insert(tables.indexOf(QStringLiteral("alert")), QLatin1String(table));
    return tables;
}

QStringList conditionCategories()
{
    return {QStringLiteral("acl-injury"),     QStringLiteral("low-back-pain"),
            QStringLiteral("hypermobility"),  QStringLiteral("scoliosis"),
            QStringLiteral("cerebral-palsy"), QStringLiteral("juvenile-arthritis"),
            QStringLiteral("other")};
}

QStringList staffRoles()
{
    return {QStringLiteral("physio"), QStringLiteral("lead"), QStringLiteral("admin")};
}

QStringList responseStatuses()
{
    return {QStringLiteral("draft"), QStringLiteral("complete"), QStringLiteral("declined")};
}

QStringList declineReasons()
{
    return {QStringLiteral("child-declined"), QStringLiteral("parent-declined"),
            QStringLiteral("too-upset"),      QStringLiteral("no-time"),
            QStringLiteral("language"),       QStringLiteral("other")};
}

QStringList skipReasons()
{
    return {QStringLiteral("absent"), QStringLiteral("declined"), QStringLiteral("too-distressed"),
            QStringLiteral("no-form-for-age"), QStringLiteral("other")};
}

QStringList dashboardFactConditions()
{
    return {QStringLiteral("acl-injury"),     QStringLiteral("low-back-pain"),
            QStringLiteral("hypermobility"),  QStringLiteral("scoliosis"),
            QStringLiteral("cerebral-palsy"), QStringLiteral("juvenile-arthritis"),
            QStringLiteral("other")};
}

QStringList sessionSettings()
{
    return {QStringLiteral("clinic"), QStringLiteral("home"), QStringLiteral("school"),
            QStringLiteral("telehealth")};
}

} // namespace triad::store
