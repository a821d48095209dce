#include "fhirclinicreader.h"

#include "core/store/sqlitestatement.h"

#include <QJsonDocument>
#include <QSqlDriver>
#include <sqlite3.h>

namespace triad::interop::fhir {

namespace {

using Statement = store::SqliteStatement;

sqlite3 *handleOf(store::Database &db)
{
    const QVariant v = db.connection().driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

// As QSqlQuery::value(column).toString(): a null string for NULL.
QString text(sqlite3_stmt *stmt, int column)
{
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
        return QString();
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                             sqlite3_column_bytes(stmt, column));
}

// As QSqlQuery::value(column).toByteArray() of a BLOB (or TEXT) column.
QByteArray blob(sqlite3_stmt *stmt, int column)
{
    const void *data = sqlite3_column_blob(stmt, column);
    return data ? QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(stmt, column))
                : QByteArray();
}

// As QVariant(double).toInt(): rounded.
int roundedInt(sqlite3_stmt *stmt, int column)
{
    return qRound(sqlite3_column_double(stmt, column));
}

bool bind(sqlite3_stmt *stmt, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    return sqlite3_reset(stmt) == SQLITE_OK &&
           sqlite3_bind_text(stmt, 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) ==
               SQLITE_OK;
}

store::ResponseStatus statusFromId(const QString &id)
{
    if (id == QLatin1String("complete"))
        return store::ResponseStatus::Complete;
    if (id == QLatin1String("declined"))
        return store::ResponseStatus::Declined;
    return store::ResponseStatus::Draft;
}

// The statements of the repositories, word for word where the order matters.
const char *const kSessions = "SELECT id, episode_id, physio_id, session_date, setting, "
                              "created_at FROM session WHERE episode_id = ? ORDER BY "
                              "session_date, created_at, id";
const char *const kResponses =
    "SELECT r.id, r.session_id, r.respondent, r.guardian_id, r.staff_id, r.instrument_id, "
    "r.instrument_version, r.language, r.status, r.decline_reason, r.supersedes, r.started_at, "
    "r.updated_at, r.completed_at, s.session_date FROM response r JOIN session s ON "
    "s.id = r.session_id WHERE s.episode_id = ? AND r.status <> 'draft' AND NOT EXISTS (SELECT 1 "
    "FROM response c WHERE c.supersedes = r.id AND c.status = 'complete') ORDER BY "
    "s.session_date, s.created_at, r.started_at, r.id";
const char *const kAnswers =
    "SELECT item_id, value_kind, value_num, value_text FROM answer WHERE response_id = ?";
// rowid keeps the instrument's subscale order as inserted.
const char *const kScores =
    "SELECT kind, score_id, scorable, reason, raw, min_possible, max_possible, normalised, "
    "item_count, answered, prorated FROM score WHERE response_id = ? ORDER BY rowid";
const char *const kAlerts = "SELECT id, episode_id, session_id, type, respondent, severity, "
                            "evidence, prompt, created_at, acknowledged_at, acknowledged_by FROM "
                            "alert WHERE episode_id = ? ORDER BY created_at DESC, id";
const char *const kActions = "SELECT id, staff_id, action, note, at FROM action_log WHERE "
                             "alert_id = ? ORDER BY at, id";

} // namespace

struct ClinicReader::Statements
{
    sqlite3 *handle;
    sqlite3_int64 mmapBefore = 0;
    Statement sessions, responses, answers, scores, alerts, actions;

    explicit Statements(sqlite3 *h)
        : handle(h)
        , sessions(h, kSessions)
        , responses(h, kResponses)
        , answers(h, kAnswers)
        , scores(h, kScores)
        , alerts(h, kAlerts)
        , actions(h, kActions)
    {}
    bool ok() const
    {
        return sessions.ok() && responses.ok() && answers.ok() && scores.ok() && alerts.ok() &&
               actions.ok();
    }
};

ClinicReader::ClinicReader(store::Database &db, const crypto::FieldCipher &cipher)
    : m_db(db)
    , m_cipher(cipher)
{
    sqlite3 *h = handleOf(db);
    if (!h) {
        fail("open");
        return;
    }
    m_statements = std::make_unique<Statements>(h);
    if (!m_statements->ok()) {
        fail("prepare");
        return;
    }
    // Pages mapped instead of copied while the export reads, then the connection's own setting.
    {
        Statement q(h, "PRAGMA mmap_size");
        if (q.ok() && sqlite3_step(q.get()) == SQLITE_ROW)
            m_statements->mmapBefore = sqlite3_column_int64(q.get(), 0);
    }
    sqlite3_exec(h, "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
    m_ok = true;
}

ClinicReader::~ClinicReader()
{
    if (!m_statements)
        return;
    endRead();
    for (Statement *s : {&m_statements->sessions, &m_statements->responses, &m_statements->answers,
                         &m_statements->scores, &m_statements->alerts, &m_statements->actions})
        sqlite3_reset(s->get());
    if (m_ok) {
        const QByteArray restore =
            "PRAGMA mmap_size = " + QByteArray::number(m_statements->mmapBefore);
        sqlite3_exec(m_statements->handle, restore.constData(), nullptr, nullptr, nullptr);
    }
}

bool ClinicReader::fail(const char *what)
{
    sqlite3 *h = m_statements ? m_statements->handle : nullptr;
    m_db.setError(store::StoreErrorKind::Io,
                  QStringLiteral("FHIR export, %1: %2")
                      .arg(QLatin1String(what), h ? QString::fromUtf8(sqlite3_errmsg(h))
                                                  : QStringLiteral("no SQLite connection")));
    return false;
}

bool ClinicReader::beginRead()
{
    if (!m_ok)
        return false;
    // Only outside a transaction the caller holds (then its snapshot is the one read).
    if (m_reading || !sqlite3_get_autocommit(m_statements->handle))
        return true;
    if (sqlite3_exec(m_statements->handle, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail("begin");
    m_reading = true;
    return true;
}

void ClinicReader::endRead()
{
    if (!m_reading)
        return;
    m_reading = false;
    for (Statement *s : {&m_statements->sessions, &m_statements->responses, &m_statements->answers,
                         &m_statements->scores, &m_statements->alerts, &m_statements->actions})
        sqlite3_reset(s->get());
    sqlite3_exec(m_statements->handle, "COMMIT", nullptr, nullptr, nullptr);
}

bool ClinicReader::sessions(const QString &episodeId, QVector<store::Session> &out)
{
    out.clear();
    sqlite3_stmt *q = m_statements->sessions.get();
    if (!m_ok || !bind(q, episodeId))
        return fail("sessions");
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        store::Session s;
        s.id = text(q, 0);
        s.episodeId = text(q, 1);
        s.physioId = text(q, 2);
        s.date = QDate::fromString(text(q, 3), Qt::ISODate);
        s.setting = text(q, 4);
        s.createdAt = text(q, 5);
        out << s;
    }
    if (rc != SQLITE_DONE)
        return fail("sessions");
    sqlite3_reset(q);
    return true;
}

bool ClinicReader::responses(const QString &episodeId, QVector<store::StoredResponse> &out)
{
    out.clear();
    sqlite3_stmt *q = m_statements->responses.get();
    if (!m_ok || !bind(q, episodeId))
        return fail("responses");
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        store::StoredResponse stored;
        store::ResponseRecord &r = stored.record;
        r.id = text(q, 0);
        r.sessionId = text(q, 1);
        r.respondent = respondentFromId(text(q, 2)).value_or(Respondent::Child);
        r.guardianId = text(q, 3);
        r.staffId = text(q, 4);
        r.instrumentId = text(q, 5);
        r.instrumentVersion = text(q, 6);
        r.language = text(q, 7);
        r.status = statusFromId(text(q, 8));
        r.declineReason = text(q, 9);
        r.supersedes = text(q, 10);
        r.startedAt = text(q, 11);
        r.updatedAt = text(q, 12);
        r.completedAt = text(q, 13);
        stored.sessionDate = QDate::fromString(text(q, 14), Qt::ISODate);
        out << std::move(stored);
    }
    if (rc != SQLITE_DONE)
        return fail("responses");
    sqlite3_reset(q);

    sqlite3_stmt *a = m_statements->answers.get();
    sqlite3_stmt *s = m_statements->scores.get();
    for (store::StoredResponse &stored : out) {
        const QString &responseId = stored.record.id;
        if (!bind(a, responseId))
            return fail("answers");
        while ((rc = sqlite3_step(a)) == SQLITE_ROW) {
            const QString itemId = text(a, 0);
            const char *kind = reinterpret_cast<const char *>(sqlite3_column_text(a, 1));
            if (qstrcmp(kind, "int") == 0) {
                stored.answers.set(itemId, roundedInt(a, 2));
            } else if (qstrcmp(kind, "real") == 0) {
                stored.answers.set(itemId, sqlite3_column_double(a, 2));
            } else if (qstrcmp(kind, "bool") == 0) {
                stored.answers.set(itemId, roundedInt(a, 2) != 0);
            } else {
                const auto plain = m_cipher.decrypt(blob(a, 3), QStringLiteral("answer"),
                                                    QStringLiteral("value_text"),
                                                    responseId + QLatin1Char('/') + itemId);
                if (!plain) {
                    sqlite3_reset(a);
                    m_db.setError(
                        store::StoreErrorKind::CryptoFailed,
                        QStringLiteral("an answer of %1 does not decrypt").arg(responseId));
                    return false;
                }
                stored.answers.set(itemId, *plain);
            }
        }
        if (rc != SQLITE_DONE)
            return fail("answers");
        sqlite3_reset(a);
        if (stored.record.status != store::ResponseStatus::Complete)
            continue;
        ScoreSet &set = stored.scores;
        set.instrumentId = stored.record.instrumentId;
        set.instrumentVersion = stored.record.instrumentVersion;
        if (!bind(s, responseId))
            return fail("scores");
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            Score score;
            score.id = text(s, 1);
            score.scorable = sqlite3_column_int(s, 2) == 1;
            score.reason = text(s, 3);
            score.raw = sqlite3_column_double(s, 4);
            score.minPossible = sqlite3_column_double(s, 5);
            score.maxPossible = sqlite3_column_double(s, 6);
            score.normalised = sqlite3_column_double(s, 7);
            score.itemCount = sqlite3_column_int(s, 8);
            score.answered = sqlite3_column_int(s, 9);
            score.prorated = sqlite3_column_int(s, 10) == 1;
            const char *kind = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
            if (qstrcmp(kind, "total") == 0)
                set.total = score;
            else if (qstrcmp(kind, "subscale") == 0)
                set.subscales << score;
            else if (score.id == QLatin1String("core"))
                set.core = score;
            else if (score.id.startsWith(QLatin1String("core-")))
                set.coreConstructs << score;
            else
                set.constructs << score;
        }
        if (rc != SQLITE_DONE)
            return fail("scores");
        sqlite3_reset(s);
    }
    return true;
}

bool ClinicReader::alerts(const QString &episodeId, QVector<store::AlertRecord> &out)
{
    out.clear();
    sqlite3_stmt *q = m_statements->alerts.get();
    if (!m_ok || !bind(q, episodeId))
        return fail("alerts");
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        store::AlertRecord a;
        a.id = text(q, 0);
        a.episodeId = text(q, 1);
        a.sessionId = text(q, 2);
        a.type = text(q, 3);
        a.respondent = text(q, 4);
        a.severity = text(q, 5);
        a.evidence = QJsonDocument::fromJson(blob(q, 6)).object();
        const auto prompt =
            m_cipher.decrypt(blob(q, 7), QStringLiteral("alert"), QStringLiteral("prompt"), a.id);
        if (!prompt) {
            sqlite3_reset(q);
            m_db.setError(store::StoreErrorKind::CryptoFailed,
                          QStringLiteral("alert %1 does not decrypt with this key").arg(a.id));
            return false;
        }
        a.prompt = *prompt;
        a.createdAt = text(q, 8);
        a.acknowledgedAt = text(q, 9);
        a.acknowledgedBy = text(q, 10);
        out << a;
    }
    if (rc != SQLITE_DONE)
        return fail("alerts");
    sqlite3_reset(q);
    return true;
}

bool ClinicReader::actions(const QString &alertId, QVector<store::ActionRecord> &out)
{
    out.clear();
    sqlite3_stmt *q = m_statements->actions.get();
    if (!m_ok || !bind(q, alertId))
        return fail("actions");
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        store::ActionRecord r;
        r.id = text(q, 0);
        r.alertId = alertId;
        r.staffId = text(q, 1);
        r.action = text(q, 2);
        const QByteArray note = blob(q, 3);
        if (!note.isEmpty()) {
            const auto plain =
                m_cipher.decrypt(note, QStringLiteral("action_log"), QStringLiteral("note"), r.id);
            if (!plain) {
                sqlite3_reset(q);
                m_db.setError(store::StoreErrorKind::CryptoFailed,
                              QStringLiteral("action %1 does not decrypt with this key").arg(r.id));
                return false;
            }
            r.note = *plain;
        }
        r.at = text(q, 4);
        out << r;
    }
    if (rc != SQLITE_DONE)
        return fail("actions");
    sqlite3_reset(q);
    return true;
}

} // namespace triad::interop::fhir
