#include "schemasteps.h"

namespace triad::store::steps {

namespace {

// v5: stable integer keys, and a narrower dashboard_fact.
//
// Keys: v4's facts named their episode, session and physio by rowid, but staff, episode and
// session have TEXT primary keys, and SQLite documents that VACUUM (run after a patient's
// erasure) and VACUUM INTO (backups) "may change the ROWIDs of entries in any tables that do
// not have an explicit INTEGER PRIMARY KEY": the dashboard would then silently give responses
// to the wrong physio or episode. So each of the three tables gets `seq`, a stored column
// that no copy renumbers. Existing rows take their rowid (so seq keeps their order; the
// facts are rebuilt from the source rows below, so they come out right even where a VACUUM
// has already renumbered a v4 database); a new row takes max(seq) + 1 in the statement that inserts
// it, and a seq never changes. A number may be given again only after the row holding the highest
// one is deleted, which happens only in a patient's erasure, in the same transaction that deletes
// every fact and alert of that row, so no stored row can point at a reused number.
//
// Facts: the scan decoded ten columns, about 9 ms each per million rows. A fact now keeps
// only what differs per response: episode and session (the seqs), the session's day, one
// packed outcome code and the total. A draft has a fact too (status 3), written when it is
// started and replaced when it turns final, so the dashboard no longer looks old drafts up
// one by one through their sessions (50,000 random reads in the benchmark, about 75 ms). The physio
// and condition are the episode's (an episode's physio and condition are never updated), read once
// from the episode table.
//   outcome = respondent | status << 2 | at_maximum << 4 | instrument << 5
// with v4's codes: respondent child 0, parent 1, physio 2; status complete 0, declined 1,
// skipped 2 (a round_skip row), draft 3; instrument dashboard_instrument.code (0 for a skip). The
// facts are derived data, so the table is rebuilt from the source rows by v4's rules.

// Days since 1970-01-01 of the session date, as v4 wrote them (written out again: a released
// step's text never changes, this one's may not follow it).
const char *const kFactDay = "CAST(julianday(s.session_date) - 2440587.5 AS INTEGER)";

QStringList stableKey(const QString &table)
{
    return {
        QStringLiteral("ALTER TABLE %1 ADD COLUMN seq INTEGER").arg(table),
        QStringLiteral("UPDATE %1 SET seq = rowid").arg(table),
        QStringLiteral("CREATE UNIQUE INDEX %1_seq ON %1(seq)").arg(table),
        // The rowid names the new row within its own statement, where nothing can renumber it.
        QStringLiteral("CREATE TRIGGER %1_seq_on_insert AFTER INSERT ON %1 WHEN NEW.seq IS NULL "
                       "BEGIN UPDATE %1 SET seq = (SELECT coalesce(max(seq), 0) + 1 FROM %1) "
                       "WHERE rowid = NEW.rowid; END")
            .arg(table),
        QStringLiteral("CREATE TRIGGER %1_seq_fixed BEFORE UPDATE OF seq ON %1 "
                       "WHEN OLD.seq IS NOT NULL AND NEW.seq IS NOT OLD.seq BEGIN "
                       "SELECT RAISE(ABORT, 'a stable key (seq) is immutable'); END")
            .arg(table),
    };
}

const char *const kPackedOutcome =
    "(CASE %1.respondent WHEN 'child' THEN 0 WHEN 'parent' THEN 1 ELSE 2 END)"
    " | ((%2) << 2) | ((%3) << 4) | ((%4) << 5)";

QString responseFactSelect(const QString &r, const QString &from, const QString &where)
{
    const QString outcome =
        QString::fromLatin1(kPackedOutcome)
            .arg(r, QStringLiteral("CASE %1.status WHEN 'complete' THEN 0 ELSE 1 END").arg(r),
                 QStringLiteral("coalesce(sc.raw >= sc.max_possible - 1e-9, 0)"),
                 QStringLiteral("i.code"));
    return QStringLiteral("SELECT e.seq, s.seq, %1, %2, sc.normalised, %3.id"
                          " FROM %4session s JOIN episode e ON e.id = s.episode_id"
                          " JOIN dashboard_instrument i ON i.instrument_id = %3.instrument_id"
                          " LEFT JOIN score sc ON sc.response_id = %3.id AND sc.kind = 'total'"
                          " AND sc.score_id = 'total' AND sc.scorable = 1 WHERE %5")
        .arg(QLatin1String(kFactDay), outcome, r, from, where);
}

// A draft's fact: status 3, no total. It stands until the draft turns final (its fact then
// replaces this one) or is erased; the reader counts it as skipped once its day has passed.
QString draftFactSelect(const QString &r, const QString &from, const QString &where)
{
    const QString outcome =
        QString::fromLatin1(kPackedOutcome)
            .arg(r, QStringLiteral("3"), QStringLiteral("0"), QStringLiteral("i.code"));
    return QStringLiteral("SELECT e.seq, s.seq, %1, %2, NULL, %3.id"
                          " FROM %4session s JOIN episode e ON e.id = s.episode_id"
                          " JOIN dashboard_instrument i ON i.instrument_id = %3.instrument_id"
                          " WHERE %5")
        .arg(QLatin1String(kFactDay), outcome, r, from, where);
}

QString skipFactSelect(const QString &k, const QString &from, const QString &where)
{
    const QString outcome =
        QString::fromLatin1(kPackedOutcome)
            .arg(k, QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("0"));
    return QStringLiteral("SELECT e.seq, s.seq, %1, %2, NULL, %3.id"
                          " FROM %4session s JOIN episode e ON e.id = s.episode_id WHERE %5")
        .arg(QLatin1String(kFactDay), outcome, k, from, where);
}

} // namespace

QStringList version5()
{
    const QString responseColumns =
        QStringLiteral("(episode, session, day, outcome, total, response_id) ");
    const QString skipColumns = QStringLiteral("(episode, session, day, outcome, total, skip_id) ");
    QStringList s;
    for (const char *table : {"staff", "episode", "session"})
        s << stableKey(QLatin1String(table));
    // The triggers that write and guard the v4 facts go with them.
    for (const char *trigger :
         {"dashboard_fact_on_final", "dashboard_fact_on_skip", "dashboard_fact_response_gone",
          "dashboard_fact_skip_gone", "dashboard_fact_no_update", "dashboard_fact_no_delete"})
        s << QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger));
    s << QStringLiteral("DROP TABLE dashboard_fact")
      // The scanned columns come first, so SQLite finds them without walking past the uuids.
      << QStringLiteral("CREATE TABLE dashboard_fact ("
                        " id INTEGER PRIMARY KEY,"
                        " episode INTEGER NOT NULL,"
                        " session INTEGER NOT NULL,"
                        " day INTEGER NOT NULL,"
                        " outcome INTEGER NOT NULL CHECK (outcome >= 0 AND (outcome & 3) < 3),"
                        " total REAL,"
                        " response_id TEXT UNIQUE REFERENCES response(id),"
                        " skip_id TEXT UNIQUE REFERENCES round_skip(id),"
                        " CHECK ((response_id IS NULL) <> (skip_id IS NULL)))")
      // Backfill in session order, so the scan reads each session's rows together.
      << QStringLiteral("INSERT INTO dashboard_fact ") + responseColumns +
             responseFactSelect(QStringLiteral("r"), QStringLiteral("response r JOIN "),
                                QStringLiteral("s.id = r.session_id AND r.status <> 'draft' "
                                               "AND NOT EXISTS (SELECT 1 FROM response c "
                                               "WHERE c.supersedes = r.id AND c.status = "
                                               "'complete') ORDER BY s.seq"))
      << QStringLiteral("INSERT INTO dashboard_fact ") + skipColumns +
             skipFactSelect(QStringLiteral("k"), QStringLiteral("round_skip k JOIN "),
                            QStringLiteral("s.id = k.session_id ORDER BY s.seq"))
      << QStringLiteral("INSERT OR IGNORE INTO dashboard_instrument (instrument_id) SELECT "
                        "DISTINCT instrument_id FROM response WHERE status = 'draft' ORDER BY 1")
      << QStringLiteral("INSERT INTO dashboard_fact ") + responseColumns +
             draftFactSelect(QStringLiteral("r"), QStringLiteral("response r JOIN "),
                             QStringLiteral("s.id = r.session_id AND r.status = 'draft' "
                                            "ORDER BY s.seq"))
      // A draft's fact names its session, respondent and form, which the store never changes
      // once a draft is started; this keeps it so whatever code runs.
      << QStringLiteral("CREATE TRIGGER response_fixed_source BEFORE UPDATE OF session_id, "
                        "respondent, instrument_id ON response WHEN NEW.session_id IS NOT "
                        "OLD.session_id OR NEW.respondent IS NOT OLD.respondent OR "
                        "NEW.instrument_id IS NOT OLD.instrument_id BEGIN SELECT RAISE(ABORT, "
                        "'the session, respondent and form of a response are immutable'); END")
      << QStringLiteral("CREATE TRIGGER dashboard_fact_on_draft AFTER INSERT ON response "
                        "WHEN NEW.status = 'draft' BEGIN "
                        "INSERT OR IGNORE INTO dashboard_instrument (instrument_id) "
                        "VALUES (NEW.instrument_id); "
                        "INSERT INTO dashboard_fact ") +
             responseColumns +
             draftFactSelect(QStringLiteral("NEW"), {}, QStringLiteral("s.id = NEW.session_id")) +
             QStringLiteral("; END")
      << QStringLiteral("CREATE TRIGGER dashboard_fact_on_final AFTER UPDATE OF status ON response "
                        "WHEN OLD.status = 'draft' AND NEW.status <> 'draft' BEGIN "
                        "INSERT OR IGNORE INTO dashboard_instrument (instrument_id) "
                        "VALUES (NEW.instrument_id); "
                        "DELETE FROM dashboard_fact WHERE response_id = NEW.id; "
                        "INSERT INTO dashboard_fact ") +
             responseColumns +
             responseFactSelect(QStringLiteral("NEW"), {},
                                QStringLiteral("s.id = NEW.session_id")) +
             QStringLiteral("; DELETE FROM dashboard_fact WHERE NEW.status = 'complete' "
                            "AND response_id = NEW.supersedes; END")
      << QStringLiteral("CREATE TRIGGER dashboard_fact_on_skip AFTER INSERT ON round_skip BEGIN "
                        "INSERT INTO dashboard_fact ") +
             skipColumns +
             skipFactSelect(QStringLiteral("NEW"), {}, QStringLiteral("s.id = NEW.session_id")) +
             QStringLiteral("; END")
      << QStringLiteral("CREATE TRIGGER dashboard_fact_response_gone AFTER DELETE ON response "
                        "BEGIN DELETE FROM dashboard_fact WHERE response_id = OLD.id; END")
      << QStringLiteral("CREATE TRIGGER dashboard_fact_skip_gone AFTER DELETE ON round_skip "
                        "BEGIN DELETE FROM dashboard_fact WHERE skip_id = OLD.id; END")
      << QStringLiteral("CREATE TRIGGER dashboard_fact_no_update BEFORE UPDATE ON dashboard_fact "
                        "BEGIN SELECT RAISE(ABORT, 'a dashboard fact is immutable'); END")
      << QStringLiteral(
             "CREATE TRIGGER dashboard_fact_no_delete BEFORE DELETE ON dashboard_fact "
             "WHEN EXISTS (SELECT 1 FROM round_skip WHERE id = OLD.skip_id) "
             "OR (EXISTS (SELECT 1 FROM response WHERE id = OLD.response_id "
             "AND (status = 'draft' OR ((OLD.outcome >> 2) & 3) <> 3)) "
             "AND NOT EXISTS (SELECT 1 FROM response c WHERE c.supersedes = OLD.response_id "
             "AND c.status = 'complete')) BEGIN "
             "SELECT RAISE(ABORT, 'a dashboard fact is immutable while its source stands'); END");
    return s;
}

} // namespace triad::store::steps
