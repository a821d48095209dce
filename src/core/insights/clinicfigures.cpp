#include "clinicfigures.h"

#include "completeresponses.h"
#include "dashboardfacts.h"

#include "core/alliance/descriptive.h"
#include "core/instrument/scoring.h"
#include "core/store/sqlitestatement.h"

#include <algorithm>
#include <array>
#include <map>
#include <QBitArray>
#include <QDate>
#include <QSqlError>
#include <QSqlQuery>

namespace triad::insights {

namespace {
// Scores by trackedMeasures() index. A fixed array, not a hash keyed by measure name: one
// row is held per complete response of the clinic while the norms are computed, so each
// row is kept small (issue 12: the rows of a 400-patient clinic took about 80 MiB as hashes).
using MeasureScores = std::array<std::optional<double>, 5>;

struct ResponseRow
{
    QString id;
    QString instrumentId; // these three: one shared copy of each id, not one per row
    QString episodeId;
    QString sessionId;
    Respondent respondent = Respondent::Child;
    std::optional<qint64> day; // the session's Julian day, for test-retest pairs
    MeasureScores scores;      // normalised
    // Numeric answers to the form's scored items, for alpha: NumericAnswer::item is the item's
    // index in the current form's items.
    QVector<NumericAnswer> answers;
};
} // namespace

const QStringList &trackedMeasures()
{
    // "core": the common triad core (2.x forms), on which dyads are compared.
    static const QStringList measures{QStringLiteral("total"), QStringLiteral("goal"),
                                      QStringLiteral("task"), QStringLiteral("bond"),
                                      QStringLiteral("core")};
    return measures;
}

QString ageBandKey(const Instrument *childForm)
{
    if (!childForm || !childForm->ageBand)
        return {};
    return QStringLiteral("%1-%2")
        .arg(childForm->ageBand->minYears)
        .arg(childForm->ageBand->maxYears);
}

QString ClinicFigures::key(const QString &instrumentId, Respondent respondent,
                           const QString &measure)
{
    return instrumentId + QLatin1Char('|') + respondentId(respondent) + QLatin1Char('|') + measure;
}

QString detachedText(const QString &text)
{
    return text.isEmpty() ? QString() : QString(text.constData(), text.size());
}

ClinicFigures ClinicFigures::detached() const
{
    ClinicFigures out;
    out.m_norms.reserve(m_norms.size());
    for (auto it = m_norms.cbegin(); it != m_norms.cend(); ++it) {
        Norms norms = it.value();
        norms.alphaReason = detachedText(norms.alphaReason);
        out.m_norms.insert(detachedText(it.key()), norms);
    }
    out.m_gaps.reserve(m_gaps.size());
    for (auto it = m_gaps.cbegin(); it != m_gaps.cend(); ++it) {
        QVector<DyadGapNorm> gaps;
        gaps.reserve(it.value().size());
        for (DyadGapNorm gap : it.value()) {
            gap.measure = detachedText(gap.measure);
            gaps.append(gap);
        }
        out.m_gaps.insert(detachedText(it.key()), gaps);
    }
    return out;
}

std::optional<Norms> ClinicFigures::norms(const QString &instrumentId, Respondent respondent,
                                          const QString &measure) const
{
    const auto it = m_norms.constFind(key(instrumentId, respondent, measure));
    if (it == m_norms.cend())
        return std::nullopt;
    return *it;
}

QVector<DyadGapNorm> ClinicFigures::usualGaps(const QString &ageBand) const
{
    return m_gaps.value(ageBand);
}

namespace {
// The clinic's current complete responses in response id order, one at a time, each with its
// tracked measures' normalised scores and its numeric answers. Responses on an older major
// version of their form (another scale, other items) are left out rather than pooled with it:
// norms describe the form as it is now.
//
// Four plain reads, each in the order its table or index is stored, met in C++: the responses
// (a scan of their table, sorted here by id), the sessions (their table), and the scores and
// the answers, each a scan of the index that carries their values (schema v9), in response id
// order. Joined in SQL, every response cost a random read of its row and of its session's,
// twice (issue 12: about 180,000 random reads, half the figures' time at 2,000 patients).
// Straight through SQLite's C API: through Qt's driver every column became UTF-16 and a
// QVariant.
class ClinicReads
{
public:
    ClinicReads(store::Database &db, const InstrumentLibrary &library)
        : m_library(library)
        , m_handle(sqliteHandle(db))
    {
        if (!m_handle) {
            m_error = QStringLiteral("no SQLite");
            return;
        }
        if (!readSessions() || !readResponses())
            return;
        m_scores.emplace(m_handle, "SELECT response_id, kind, score_id, normalised FROM score "
                                   "WHERE scorable = 1 AND kind IN ('total', 'construct') "
                                   "ORDER BY response_id");
        m_answers.emplace(m_handle, "SELECT response_id, item_id, value_kind, value_num "
                                    "FROM answer WHERE value_kind <> 'text' "
                                    "ORDER BY response_id");
        if (!m_scores->ok() || !m_answers->ok()) {
            failed();
            return;
        }
        for (const QString &measure : trackedMeasures())
            m_measures.append(measure.toUtf8());
        m_scoresPending = step(*m_scores);
        m_answersPending = step(*m_answers);
    }
    // False on a database error (error() says which).
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // The next response with at least one tracked score, its scores set; false at the end.
    // `itemsOf` gives the scored items of a form (nullptr: none), for the answers to keep.
    template <typename ItemsOf> bool next(ResponseRow &row, const ItemsOf &itemsOf)
    {
        while (ok() && m_next < m_responses.size()) {
            const Response &response = m_responses.at(m_next++);
            row = ResponseRow{};
            const QByteArrayView id(response.id);
            // Score rows of responses that are not current (drafts, corrected) are passed by.
            while (m_scoresPending && text(*m_scores, 0) < id)
                m_scoresPending = step(*m_scores);
            bool kept = false;
            while (m_scoresPending && text(*m_scores, 0) == id) {
                if (response.current)
                    kept = take(row, response) || kept;
                m_scoresPending = step(*m_scores);
            }
            if (!ok() || !kept)
                continue;
            row.id = QString::fromUtf8(response.id);
            // Its answers, to the form's scored items only.
            const auto *items = itemsOf(row);
            while (m_answersPending && text(*m_answers, 0) < id)
                m_answersPending = step(*m_answers);
            while (m_answersPending && text(*m_answers, 0) == id) {
                if (items)
                    collect(row, *items);
                m_answersPending = step(*m_answers);
            }
            return ok();
        }
        return false;
    }

private:
    struct Session
    {
        QString id; // one copy, shared by its responses
        QString episodeId;
        std::optional<qint64> day; // the session's Julian day, for test-retest pairs
    };
    struct Response
    {
        QByteArray id; // UTF-8, as the indexes order it
        QString instrumentId;
        Respondent respondent = Respondent::Child;
        const Session *session = nullptr;
        bool current = true; // on its form's current major version (or a form not held)
    };

    static QByteArrayView text(const store::SqliteStatement &q, int column)
    {
        return QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_text(q.get(), column)),
                              sqlite3_column_bytes(q.get(), column));
    }
    bool step(const store::SqliteStatement &q)
    {
        const int rc = sqlite3_step(q.get());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            failed();
        return rc == SQLITE_ROW;
    }
    void failed() { m_error = QString::fromUtf8(sqlite3_errmsg(m_handle)); }

    bool readSessions()
    {
        store::SqliteStatement q(m_handle, "SELECT id, episode_id, session_date FROM session");
        if (!q.ok()) {
            failed();
            return false;
        }
        while (step(q)) {
            Session &session = m_sessions[text(q, 0).toByteArray()];
            session.id = QString::fromUtf8(text(q, 0));
            session.episodeId = QString::fromUtf8(text(q, 1));
            const QDate date = QDate::fromString(QString::fromUtf8(text(q, 2)), Qt::ISODate);
            if (date.isValid())
                session.day = date.toJulianDay();
        }
        return ok();
    }
    bool readResponses()
    {
        const QByteArray sql =
            QStringLiteral("SELECT r.id, r.instrument_id, r.respondent, r.session_id, "
                           "r.instrument_version FROM response r WHERE %1")
                .arg(currentCompleteCondition())
                .toUtf8();
        store::SqliteStatement q(m_handle, sql.constData());
        if (!q.ok()) {
            failed();
            return false;
        }
        while (step(q)) {
            const auto session = m_sessions.constFind(text(q, 3).toByteArray());
            if (session == m_sessions.cend())
                continue; // as a join with its session would leave it out
            Response response;
            response.id = text(q, 0).toByteArray();
            response.instrumentId = form(text(q, 1));
            response.respondent = respondent(text(q, 2));
            response.session = &*session;
            response.current = isCurrent(text(q, 1), text(q, 4));
            m_responses.append(response);
        }
        // In the indexes' order (SQLite's BINARY collation: UTF-8 bytes, which is code point
        // order), the one the sums have always been added in.
        std::sort(m_responses.begin(), m_responses.end(),
                  [](const Response &x, const Response &y) { return x.id < y.id; });
        return ok();
    }

    bool take(ResponseRow &row, const Response &response)
    {
        const QByteArrayView measure =
            text(*m_scores, 1) == "total" ? QByteArrayView("total") : text(*m_scores, 2);
        const auto found = std::find(m_measures.cbegin(), m_measures.cend(), measure);
        if (found == m_measures.cend())
            return false;
        const int measureIndex = int(found - m_measures.cbegin());
        if (row.instrumentId.isEmpty()) {
            row.instrumentId = response.instrumentId;
            row.respondent = response.respondent;
            row.episodeId = response.session->episodeId;
            row.sessionId = response.session->id;
            row.day = response.session->day;
        }
        row.scores[size_t(measureIndex)] = sqlite3_column_double(m_scores->get(), 3);
        return true;
    }
    template <typename Items> void collect(ResponseRow &row, const Items &items)
    {
        const QByteArrayView itemId = text(*m_answers, 1);
        const auto item =
            std::lower_bound(items.cbegin(), items.cend(), itemId,
                             [](const std::pair<QByteArray, int> &entry, QByteArrayView id) {
                                 return QByteArrayView(entry.first) < id;
                             });
        if (item == items.cend() || QByteArrayView(item->first) != itemId)
            return;
        NumericAnswer answer = numericAnswerAt(m_answers->get(), 2, 3);
        answer.item = item->second;
        row.answers.append(answer);
    }

    // Whether a response on this form and version is on the form's current major version (or
    // on a form the library does not hold). Worked out once per form and version seen.
    bool isCurrent(QByteArrayView formId, QByteArrayView version)
    {
        for (const Verdict &v : std::as_const(m_verdicts))
            if (QByteArrayView(v.form) == formId && QByteArrayView(v.version) == version)
                return v.current;
        bool current = true;
        if (const Instrument *form = m_library.find(QString::fromUtf8(formId)))
            current = InstrumentLibrary::majorVersion(form->version) ==
                      InstrumentLibrary::majorVersion(QString::fromUtf8(version));
        m_verdicts.append({formId.toByteArray(), version.toByteArray(), current});
        return current;
    }
    // The respondent, from the few ids seen, by their bytes.
    Respondent respondent(QByteArrayView id)
    {
        for (const auto &[utf8, who] : std::as_const(m_respondents))
            if (QByteArrayView(utf8) == id)
                return who;
        const Respondent who = respondentFromId(QString::fromUtf8(id)).value_or(Respondent::Child);
        m_respondents.append({id.toByteArray(), who});
        return who;
    }
    // One copy of each form id, found among the few by its bytes.
    QString form(QByteArrayView value)
    {
        for (const auto &[utf8, id] : std::as_const(m_forms))
            if (QByteArrayView(utf8) == value)
                return id;
        m_forms.append({value.toByteArray(), QString::fromUtf8(value)});
        return m_forms.constLast().second;
    }

    const InstrumentLibrary &m_library;
    sqlite3 *m_handle;
    QHash<QByteArray, Session> m_sessions; // filled before any Response points into it
    QVector<Response> m_responses;         // sorted by id
    qsizetype m_next = 0;
    std::optional<store::SqliteStatement> m_scores;
    std::optional<store::SqliteStatement> m_answers;
    bool m_scoresPending = false;   // m_scores stands on a row
    bool m_answersPending = false;  // m_answers stands on a row
    QVector<QByteArray> m_measures; // trackedMeasures() in UTF-8
    struct Verdict
    {
        QByteArray form;
        QByteArray version;
        bool current = true;
    };
    QVector<Verdict> m_verdicts;
    QVector<std::pair<QByteArray, Respondent>> m_respondents;
    QVector<std::pair<QByteArray, QString>> m_forms;
    QString m_error;
};
} // namespace

std::optional<ClinicFigures> ClinicFigures::load(store::Database &db,
                                                 const InstrumentLibrary &library)
{
    Q_ASSERT(trackedMeasures().size() == int(MeasureScores().size()));
    // Per form: its scored items (those alpha reads), their ids in UTF-8 in byte order with
    // their index in the form's items. Each answer's item id is looked up as SQLite gives it,
    // by a binary search over a dozen ids, instead of made into a QString and hashed.
    using ItemIndex = QVector<std::pair<QByteArray, int>>;
    QHash<QString, ItemIndex> scoredItems;
    for (const Instrument &instrument : library.instruments()) {
        ItemIndex &items = scoredItems[instrument.id];
        for (int i = 0; i < instrument.items.size(); ++i)
            if (!instrument.items.at(i).subscaleId.isEmpty())
                items.append({instrument.items.at(i).id.toUtf8(), i});
        // One index per id, as the hash by id it replaces kept it: the last item with that id.
        std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first < b.first : a.second > b.second;
        });
        items.erase(std::unique(items.begin(), items.end(),
                                [](const auto &a, const auto &b) { return a.first == b.first; }),
                    items.end());
    }

    // Norms: one calculator per instrument + respondent + measure; the items (for alpha)
    // are the instrument's scored items of that measure, after reverse-keying.
    std::map<QString, NormsCalculator> calculators;
    QHash<QString, qint64> episodeNumbers;
    // Per session: each respondent's scores, and the episode's child age band.
    struct SessionScores
    {
        std::array<std::optional<MeasureScores>, 3> byRespondent;
        QString episodeId;
    };
    QHash<QString, SessionScores> sessions;
    QHash<QString, QString> episodeBand;
    // Per respondent and form: the form, the items (by index) of each tracked measure, and
    // each measure's calculator once it has a response. Worked out once per form, not per
    // response (comparing measure names for every item of every response was about 5 % of
    // the computation at 2,000 patients).
    struct FormPlan
    {
        const Instrument *instrument = nullptr;
        std::array<QVector<int>, 5> items;
        std::array<NormsCalculator *, 5> calculators{};
        // Scratch for the response at hand: its answers by item, its items' values, and
        // which are worked out. By the item's index: a hash of the answers by item id, built
        // and read for every response, was a fifth of the computation (issue 12).
        QVector<QVariant> answers;
        QBitArray answered;
        QVector<std::optional<double>> values;
        QBitArray known;
    };
    std::array<QHash<QString, FormPlan>, 3> plans; // by respondent, then form id
    const auto planFor = [&](const ResponseRow &row) -> FormPlan & {
        QHash<QString, FormPlan> &forms = plans[size_t(row.respondent)];
        auto it = forms.find(row.instrumentId);
        if (it != forms.end())
            return *it;
        FormPlan plan;
        plan.instrument = library.find(row.instrumentId);
        if (plan.instrument)
            for (int m = 0; m < int(plan.items.size()); ++m) {
                const QString &measure = trackedMeasures().at(m);
                for (int i = 0; i < plan.instrument->items.size(); ++i) {
                    const Item &item = plan.instrument->items.at(i);
                    const bool inMeasure =
                        measure == QLatin1String("total")  ? !item.subscaleId.isEmpty()
                        : measure == QLatin1String("core") ? item.core
                                                           : constructId(item.construct) == measure;
                    if (inMeasure && !item.subscaleId.isEmpty())
                        plan.items[size_t(m)].append(i);
                }
            }
        return *forms.insert(row.instrumentId, plan);
    };
    const auto add = [&](const ResponseRow &row) {
        FormPlan &plan = planFor(row);
        const Instrument *instrument = plan.instrument;
        const qint64 episode = episodeNumbers.value(row.episodeId, episodeNumbers.size());
        episodeNumbers.insert(row.episodeId, episode);
        // This response's answers only, for the time of its row (a later answer to the same
        // item replaces an earlier one, as in Answers).
        const qsizetype itemCount = instrument ? instrument->items.size() : 0;
        if (plan.values.size() != itemCount) {
            plan.values.resize(itemCount);
            plan.answers.resize(itemCount);
        }
        plan.answered.fill(false, itemCount);
        if (instrument)
            for (const NumericAnswer &a : row.answers) {
                plan.answers[a.item] = a.value();
                plan.answered.setBit(a.item);
            }
        // Each item's 0-100 value worked out once, though most items count in three or four
        // measures (the total, the core, their construct).
        plan.known.fill(false, itemCount);
        const auto valueOf = [&](int i) {
            if (!plan.known.testBit(i)) {
                plan.values[i] = itemValue(*instrument, instrument->items.at(i),
                                           plan.answered.testBit(i) ? &plan.answers[i] : nullptr);
                plan.known.setBit(i);
            }
            return plan.values[i];
        };
        for (int m = 0; m < int(row.scores.size()); ++m) {
            if (!row.scores[size_t(m)])
                continue;
            QVector<std::optional<double>> items;
            items.reserve(plan.items[size_t(m)].size());
            for (int i : std::as_const(plan.items[size_t(m)]))
                items.append(valueOf(i));
            NormsCalculator *&calculator = plan.calculators[size_t(m)];
            if (!calculator) // std::map: its elements stay where they are
                calculator =
                    &calculators[key(row.instrumentId, row.respondent, trackedMeasures().at(m))];
            calculator->addResponse(*row.scores[size_t(m)], items, episode, row.day);
        }
        SessionScores &s = sessions[row.sessionId];
        s.episodeId = row.episodeId;
        s.byRespondent[size_t(row.respondent)] = row.scores;
        if (row.respondent == Respondent::Child)
            episodeBand.insert(row.episodeId, ageBandKey(instrument));
    };

    // One response at a time, in a fixed order (by response id), never a hash's: sums of
    // floating-point numbers depend on their order, so two computations over the same
    // responses (the app's worker and the CLI, two clinics with the same data) add them alike.
    // The scores and the answers are both read in that order and met response by response,
    // so only the response at hand is held (a row per response of the clinic, answers
    // included, took 60 MiB at 2,000 patients; issue 12).
    ClinicReads reads(db, library);
    const auto itemsOf = [&scoredItems](const ResponseRow &r) -> const ItemIndex * {
        const auto it = scoredItems.constFind(r.instrumentId);
        return it == scoredItems.cend() ? nullptr : &*it;
    };
    ResponseRow row;
    while (reads.next(row, itemsOf))
        add(row);
    if (!reads.ok()) {
        db.setError(store::StoreErrorKind::Io,
                    QStringLiteral("clinic figures: %1").arg(reads.error()));
        return std::nullopt;
    }

    ClinicFigures figures;
    for (const auto &[key, calculator] : calculators)
        figures.m_norms.insert(key, calculator.norms());

    // Usual gaps: per age band, dyad and measure, the mean gap over sessions where both
    // members of the dyad answered.
    struct Pair
    {
        Dyad dyad;
        Respondent first;
        Respondent second;
    };
    const Pair pairs[] = {{Dyad::ChildPhysio, Respondent::Child, Respondent::Physio},
                          {Dyad::ParentPhysio, Respondent::Parent, Respondent::Physio},
                          {Dyad::ChildParent, Respondent::Child, Respondent::Parent}};
    // Per band, dyad and measure (by index), the gaps in session id order. Not a hash keyed
    // by a text made for each session, dyad and measure (300,000 texts at 2,000 patients).
    using BandGaps = std::array<std::array<QVector<double>, 5>, 3>;
    std::map<QString, BandGaps> gaps;
    QStringList sessionIds = sessions.keys(); // a fixed order again (by session id)
    std::sort(sessionIds.begin(), sessionIds.end());
    for (const QString &sessionId : std::as_const(sessionIds)) {
        const SessionScores &s = *sessions.constFind(sessionId);
        const QString band = episodeBand.value(s.episodeId);
        if (band.isEmpty())
            continue;
        BandGaps *bandGaps = nullptr;
        for (int d = 0; d < 3; ++d) {
            const Pair &p = pairs[d];
            const auto &a = s.byRespondent[size_t(p.first)];
            const auto &b = s.byRespondent[size_t(p.second)];
            if (!a || !b)
                continue;
            for (int m = 0; m < int(a->size()); ++m)
                if ((*a)[size_t(m)] && (*b)[size_t(m)]) {
                    if (!bandGaps)
                        bandGaps = &gaps[band];
                    (*bandGaps)[size_t(d)][size_t(m)].append(*(*a)[size_t(m)] - *(*b)[size_t(m)]);
                }
        }
    }
    for (const auto &[band, byDyad] : gaps)
        for (int d = 0; d < 3; ++d)
            for (int m = 0; m < int(byDyad[size_t(d)].size()); ++m) {
                const QVector<double> &values = byDyad[size_t(d)][size_t(m)];
                if (!values.isEmpty())
                    figures.m_gaps[band].append({pairs[d].dyad, trackedMeasures().at(m),
                                                 stats::mean(values), int(values.size())});
            }
    // Deterministic order for callers and tests.
    for (auto &list : figures.m_gaps)
        std::sort(list.begin(), list.end(), [](const DyadGapNorm &x, const DyadGapNorm &y) {
            return std::make_pair(int(x.dyad), x.measure) < std::make_pair(int(y.dyad), y.measure);
        });
    return figures;
}

} // namespace triad::insights
