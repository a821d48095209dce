#include "researchdata.h"
#include "core/store/sqlitestatement.h"

#include <cmath>
#include <limits>
#include <QHash>
#include <QSqlDriver>
#include <sqlite3.h>

namespace triad::interop::csv {

namespace {

using Statement = store::SqliteStatement;

QByteArray bytes(sqlite3_stmt *stmt, int column)
{
    return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)),
                      sqlite3_column_bytes(stmt, column));
}

QByteArray blob(sqlite3_stmt *stmt, int column)
{
    return QByteArray(static_cast<const char *>(sqlite3_column_blob(stmt, column)),
                      sqlite3_column_bytes(stmt, column));
}

sqlite3 *handleOf(store::Database &db)
{
    const QVariant v = db.connection().driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

bool fail(store::Database &db, sqlite3 *handle, const char *what)
{
    db.setError(store::StoreErrorKind::Io,
                QStringLiteral("research export, %1: %2")
                    .arg(QLatin1String(what), handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                                                     : QStringLiteral("no SQLite connection")));
    return false;
}

// The final responses of the export, in the order researchers read them: by patient code,
// episode, session, then child, parent, physio.
const char *const kResponses =
    "SELECT r.id, r.session_id, r.respondent, g.relationship, r.instrument_id, "
    "r.instrument_version, r.language, r.status, r.decline_reason, r.supersedes, "
    "r.completed_at FROM response r JOIN session s ON s.id = r.session_id "
    "JOIN episode e ON e.id = s.episode_id JOIN patient p ON p.id = e.patient_id "
    "LEFT JOIN guardian g ON g.id = r.guardian_id "
    "WHERE r.status <> 'draft' AND NOT EXISTS (SELECT 1 FROM response c WHERE "
    "c.supersedes = r.id AND c.status = 'complete') "
    "ORDER BY p.code, e.start_date, e.id, s.session_date, s.created_at, s.id, "
    "CASE r.respondent WHEN 'child' THEN 0 WHEN 'parent' THEN 1 ELSE 2 END, r.started_at, r.id";

} // namespace

bool loadResearchData(store::Database &db, const crypto::FieldCipher &cipher,
                      const InstrumentLibrary &library, bool identified, bool freeText,
                      const Progress &progress, ResearchData &data,
                      std::unique_ptr<ResearchColumns> &columns, bool *cancelled)
{
    *cancelled = false;
    sqlite3 *h = handleOf(db);
    if (!h)
        return fail(db, nullptr, "open");
    // Pages mapped instead of copied while the export reads (much faster on a large clinic),
    // then back to the connection's own setting.
    sqlite3_int64 mmapBefore = 0;
    {
        Statement q(h, "PRAGMA mmap_size");
        if (q.ok() && sqlite3_step(q.get()) == SQLITE_ROW)
            mmapBefore = sqlite3_column_int64(q.get(), 0);
    }
    sqlite3_exec(h, "PRAGMA mmap_size = 1073741824", nullptr, nullptr, nullptr);
    // One read transaction: every query sees the same database even while the app saves.
    if (sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(db, h, "begin");
    struct EndRead
    {
        sqlite3 *h;
        sqlite3_int64 mmap;
        ~EndRead()
        {
            sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
            const QByteArray restore = "PRAGMA mmap_size = " + QByteArray::number(mmap);
            sqlite3_exec(h, restore.constData(), nullptr, nullptr, nullptr);
        }
    } endRead{h, mmapBefore};

    QHash<QByteArray, int> patientIndex;
    {
        Statement q(h, "SELECT id, code, name, birth_date FROM patient");
        if (!q.ok())
            return fail(db, h, "patients");
        while (sqlite3_step(q.get()) == SQLITE_ROW) {
            const QByteArray id = bytes(q.get(), 0);
            const QString rowId = QString::fromUtf8(id);
            ResearchPatient p;
            p.code = bytes(q.get(), 1);
            const auto birth = cipher.decrypt(blob(q.get(), 3), QStringLiteral("patient"),
                                              QStringLiteral("birth_date"), rowId);
            std::optional<QString> name;
            if (identified)
                name = cipher.decrypt(blob(q.get(), 2), QStringLiteral("patient"),
                                      QStringLiteral("name"), rowId);
            if (!birth || (identified && !name)) {
                db.setError(store::StoreErrorKind::CryptoFailed,
                            QStringLiteral("patient %1 does not decrypt with this key")
                                .arg(QString::fromUtf8(p.code)));
                return false;
            }
            p.birthDate = QDate::fromString(*birth, Qt::ISODate);
            if (name)
                p.name = *name;
            patientIndex.insert(id, int(data.patients.size()));
            data.patients << p;
        }
    }

    QHash<QByteArray, int> sessionIndex;
    {
        Statement q(h, "SELECT s.id, s.episode_id, e.patient_id, e.condition, e.start_date, "
                       "s.session_date, s.setting, ROW_NUMBER() OVER (PARTITION BY s.episode_id "
                       "ORDER BY s.session_date, s.created_at, s.id) FROM session s "
                       "JOIN episode e ON e.id = s.episode_id");
        if (!q.ok())
            return fail(db, h, "sessions");
        while (sqlite3_step(q.get()) == SQLITE_ROW) {
            ResearchSession s;
            s.id = bytes(q.get(), 0);
            s.episodeId = bytes(q.get(), 1);
            s.patient = patientIndex.value(bytes(q.get(), 2), -1);
            s.condition = bytes(q.get(), 3);
            s.episodeStart = bytes(q.get(), 4);
            s.date = bytes(q.get(), 5);
            s.setting = bytes(q.get(), 6);
            s.number = sqlite3_column_int(q.get(), 7);
            if (s.patient >= 0)
                s.ageYears = InstrumentLibrary::ageOn(
                    data.patients.at(s.patient).birthDate,
                    QDate::fromString(QString::fromLatin1(s.date), Qt::ISODate));
            sessionIndex.insert(s.id, int(data.sessions.size()));
            data.sessions << s;
        }
    }

    QHash<QByteArray, int> responseIndex;
    QHash<QPair<QByteArray, QByteArray>, const Instrument *> forms;
    QSet<const Instrument *> usedSet;
    {
        Statement q(h, kResponses);
        if (!q.ok())
            return fail(db, h, "responses");
        int rc;
        while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
            ResearchResponse r;
            r.id = bytes(q.get(), 0);
            r.session = sessionIndex.value(bytes(q.get(), 1), -1);
            r.respondent = bytes(q.get(), 2);
            r.relationship = bytes(q.get(), 3);
            r.instrumentId = bytes(q.get(), 4);
            r.instrumentVersion = bytes(q.get(), 5);
            r.language = bytes(q.get(), 6);
            r.status = bytes(q.get(), 7);
            r.declineReason = bytes(q.get(), 8);
            r.supersedes = bytes(q.get(), 9);
            r.completedAt = bytes(q.get(), 10);
            const auto key = qMakePair(r.instrumentId, r.instrumentVersion);
            auto form = forms.constFind(key);
            if (form == forms.constEnd())
                form = forms.insert(key, library.find(QString::fromUtf8(r.instrumentId),
                                                      QString::fromUtf8(r.instrumentVersion)));
            r.instrument = form.value();
            if (r.instrument)
                usedSet.insert(r.instrument);
            responseIndex.insert(r.id, int(data.responses.size()));
            data.responses << r;
        }
        if (rc != SQLITE_DONE)
            return fail(db, h, "responses");
    }
    for (const Instrument &i : library.instruments())
        if (usedSet.contains(&i))
            data.used << &i;
    for (const Instrument &i : library.archived())
        if (usedSet.contains(&i))
            data.used << &i;
    columns = std::make_unique<ResearchColumns>(data.used, identified, freeText);

    const qint64 total = qint64(data.responses.size()) * 2;
    qint64 done = 0;
    // Answers and scores are read in table order (a sequential scan, no index lookups), each
    // row tagged with its response, then grouped by response with a counting sort.
    QVector<int> answerOwner;
    {
        Statement q(h, "SELECT response_id, item_id, value_kind, value_num, value_text FROM "
                       "answer");
        if (!q.ok())
            return fail(db, h, "answers");
        QByteArray current;
        int response = -1;
        QHash<QByteArray, int> itemColumns; // item id -> column (-1: left out)
        int rc;
        while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
            const char *rid = reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 0));
            const int ridLength = sqlite3_column_bytes(q.get(), 0);
            if (current.size() != ridLength || memcmp(current.constData(), rid, ridLength) != 0) {
                current = QByteArray(rid, ridLength);
                response = responseIndex.value(current, -1);
                if (response >= 0 && ++done % 1000 == 0 && progress && !progress(done, total)) {
                    *cancelled = true;
                    return false;
                }
            }
            if (response < 0)
                continue;
            // fromRawData: no copy for the lookup; copied only when a new item id is stored.
            const QByteArray itemId = QByteArray::fromRawData(
                reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 1)),
                sqlite3_column_bytes(q.get(), 1));
            const bool isText = sqlite3_column_type(q.get(), 4) != SQLITE_NULL;
            auto found = itemColumns.constFind(itemId);
            if (found == itemColumns.constEnd())
                found = itemColumns.insert(QByteArray(itemId.constData(), itemId.size()),
                                           columns->itemColumn(QString::fromUtf8(itemId), isText));
            if (found.value() < 0)
                continue;
            ResearchAnswer a;
            a.column = found.value();
            if (isText) {
                a.number = std::numeric_limits<double>::quiet_NaN();
                const auto text = cipher.decrypt(
                    blob(q.get(), 4), QStringLiteral("answer"), QStringLiteral("value_text"),
                    QString::fromUtf8(current) + QLatin1Char('/') + QString::fromUtf8(itemId));
                if (!text) {
                    db.setError(store::StoreErrorKind::CryptoFailed,
                                QStringLiteral("an answer of response %1 does not decrypt")
                                    .arg(QString::fromUtf8(current)));
                    return false;
                }
                a.text = *text;
            } else {
                a.number = sqlite3_column_double(q.get(), 3);
            }
            data.answers << a;
            answerOwner << response;
            ++data.responses[response].answerCount;
        }
        if (rc != SQLITE_DONE)
            return fail(db, h, "answers");
    }
    QVector<int> scoreOwner;
    {
        Statement q(h, "SELECT response_id, kind, score_id, scorable, normalised FROM score");
        if (!q.ok())
            return fail(db, h, "scores");
        QByteArray current;
        int response = -1;
        QHash<char, QHash<QByteArray, int>> scoreColumns;
        int rc;
        while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
            const char *rid = reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 0));
            const int ridLength = sqlite3_column_bytes(q.get(), 0);
            if (current.size() != ridLength || memcmp(current.constData(), rid, ridLength) != 0) {
                current = QByteArray(rid, ridLength);
                response = responseIndex.value(current, -1);
            }
            if (response < 0)
                continue;
            const char *kind = reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 1));
            // One table per kind (total, subscale, construct: their first letters differ).
            QHash<QByteArray, int> &byId = scoreColumns[kind ? kind[0] : 0];
            const QByteArray scoreId = QByteArray::fromRawData(
                reinterpret_cast<const char *>(sqlite3_column_text(q.get(), 2)),
                sqlite3_column_bytes(q.get(), 2));
            auto found = byId.constFind(scoreId);
            if (found == byId.constEnd())
                found = byId.insert(QByteArray(scoreId.constData(), scoreId.size()),
                                    columns->scoreColumn(QString::fromUtf8(bytes(q.get(), 1)),
                                                         QString::fromUtf8(scoreId)));
            if (found.value() < 0)
                continue; // a construct the export has no column for (none today)
            const bool scorable = sqlite3_column_int(q.get(), 3) == 1;
            data.scores << ResearchScore{found.value(),
                                         scorable ? sqlite3_column_double(q.get(), 4)
                                                  : std::numeric_limits<double>::quiet_NaN()};
            scoreOwner << response;
            ++data.responses[response].scoreCount;
        }
        if (rc != SQLITE_DONE)
            return fail(db, h, "scores");
    }
    // Group by response: each response's answers (and scores) become one contiguous range.
    int next = 0;
    for (ResearchResponse &r : data.responses) {
        r.firstAnswer = next;
        next += r.answerCount;
    }
    {
        QVector<int> place(data.responses.size());
        for (int i = 0; i < data.responses.size(); ++i)
            place[i] = data.responses.at(i).firstAnswer;
        QVector<ResearchAnswer> grouped(data.answers.size());
        for (int i = 0; i < data.answers.size(); ++i)
            grouped[place[answerOwner.at(i)]++] = std::move(data.answers[i]);
        data.answers = std::move(grouped);
    }
    next = 0;
    for (ResearchResponse &r : data.responses) {
        r.firstScore = next;
        next += r.scoreCount;
    }
    {
        QVector<int> place(data.responses.size());
        for (int i = 0; i < data.responses.size(); ++i)
            place[i] = data.responses.at(i).firstScore;
        QVector<ResearchScore> grouped(data.scores.size());
        for (int i = 0; i < data.scores.size(); ++i)
            grouped[place[scoreOwner.at(i)]++] = data.scores.at(i);
        data.scores = std::move(grouped);
    }
    return true;
}

} // namespace triad::interop::csv
