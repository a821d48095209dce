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
// The score rows of the current complete responses in response id order, one response at a
// time: its tracked measures' normalised scores. Responses on an older major version of their
// form (another scale, other items) are left out rather than pooled with it: norms describe
// the form as it is now.
// Straight through SQLite, like the answers (completeresponses.cpp): through Qt's driver every
// column of every score row became UTF-16 and a QVariant, 15 % of the figures' time at 2,000
// patients (issue 12). A response's rows come one after another, so its ids, form and date are
// made into Qt values once per response.
class ScoredResponses
{
public:
    ScoredResponses(store::Database &db, const InstrumentLibrary &library)
        : m_library(library)
        , m_handle(sqliteHandle(db))
        , m_sql(QStringLiteral("SELECT r.id, r.instrument_id, r.respondent, s.episode_id, "
                               "r.session_id, sc.kind, sc.score_id, sc.normalised, "
                               "r.instrument_version, s.session_date "
                               "FROM response r JOIN session s ON s.id = r.session_id "
                               "JOIN score sc ON sc.response_id = r.id "
                               "WHERE %1 AND sc.scorable = 1 "
                               "AND sc.kind IN ('total', 'construct') ORDER BY r.id")
                    .arg(currentCompleteCondition())
                    .toUtf8())
        , m_query(m_handle, m_sql.constData())
    {
        for (const QString &measure : trackedMeasures())
            m_measures.append(measure.toUtf8());
        if (!m_handle || !m_query.ok()) {
            m_error = m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle))
                               : QStringLiteral("no SQLite");
            return;
        }
        m_prepared = true;
        step();
    }
    // False on a database error (error() says which).
    bool ok() const { return m_prepared && m_error.isEmpty(); }
    QString error() const { return m_error; }

    // The next response with at least one tracked score; false at the end.
    bool next(ResponseRow &row)
    {
        while (m_pending) {
            row = ResponseRow{};
            const QByteArray id = text(0).toByteArray();
            row.id = QString::fromUtf8(id);
            // Its form, version, respondent, episode, session and date: the same on every row.
            const bool current = isCurrent(text(1), text(8));
            bool kept = false;
            while (m_pending && text(0) == id) {
                if (current)
                    kept = take(row) || kept;
                step();
            }
            if (kept)
                return true;
        }
        return false;
    }

private:
    QByteArrayView text(int column) const
    {
        return QByteArrayView(
            reinterpret_cast<const char *>(sqlite3_column_text(m_query.get(), column)),
            sqlite3_column_bytes(m_query.get(), column));
    }
    void step()
    {
        const int rc = sqlite3_step(m_query.get());
        m_pending = rc == SQLITE_ROW;
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_handle));
    }
    bool take(ResponseRow &row)
    {
        const QByteArrayView measure = text(5) == "total" ? QByteArrayView("total") : text(6);
        const auto found = std::find(m_measures.cbegin(), m_measures.cend(), measure);
        if (found == m_measures.cend())
            return false;
        const int measureIndex = int(found - m_measures.cbegin());
        if (row.instrumentId.isEmpty()) {
            row.instrumentId = form(text(1));
            row.respondent = respondent(text(2));
            row.episodeId = QString::fromUtf8(text(3));
            row.sessionId = QString::fromUtf8(text(4));
            const QDate date = QDate::fromString(QString::fromUtf8(text(9)), Qt::ISODate);
            if (date.isValid())
                row.day = date.toJulianDay();
        }
        row.scores[size_t(measureIndex)] = sqlite3_column_double(m_query.get(), 7);
        return true;
    }
    // Whether a response on this form and version is on the form's current major version (or
    // on a form the library does not hold). Worked out once per form and version seen, not
    // per response.
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
    // One copy of each form id, found among the few by its bytes. (Episode and session ids
    // need no sharing: only the response at hand is held, and a hash of every session's id
    // to share them cost more than it saved; issue 12.)
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
    QByteArray m_sql;
    store::SqliteStatement m_query;
    QVector<QByteArray> m_measures; // trackedMeasures() in UTF-8
    QVector<std::pair<QByteArray, QString>> m_forms;
    struct Verdict
    {
        QByteArray form;
        QByteArray version;
        bool current = true;
    };
    QVector<Verdict> m_verdicts;
    QVector<std::pair<QByteArray, Respondent>> m_respondents;
    QString m_error;
    bool m_prepared = false;
    bool m_pending = false; // the statement stands on the first row of the next response
};
// Whether `a` comes before `b` in ORDER BY's order (SQLite's BINARY collation: UTF-8 bytes,
// which is code point order). QString's own < compares UTF-16 units, which differs for
// characters past U+FFFF; the two reads could then never meet.
bool sortsBefore(const QString &a, const QString &b)
{
    return a.toUcs4() < b.toUcs4();
}
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
    ScoredResponses scored(db, library);
    ResponseRow row;
    bool haveRow = scored.ok() && scored.next(row);
    const ItemIndex *rowItems = nullptr; // the scored items of row's form
    const auto itemsOf = [&scoredItems](const ResponseRow &r) {
        const auto it = scoredItems.constFind(r.instrumentId);
        return it == scoredItems.cend() ? nullptr : &*it;
    };
    if (haveRow)
        rowItems = itemsOf(row);
    const auto advance = [&] {
        add(row);
        haveRow = scored.next(row);
        rowItems = haveRow ? itemsOf(row) : nullptr;
    };
    QString answersOf;         // the response whose answers come now (the reader's own copy)
    bool answersCount = false; // whether they are row's, and its form has scored items
    const auto collect = [&](const QString &id, QByteArrayView itemId,
                             const NumericAnswer &answer) {
        if (!id.isSharedWith(answersOf)) { // the first answer of the next response
            answersOf = id;
            // Responses before this one have had all their answers (or have none).
            while (haveRow && sortsBefore(row.id, id))
                advance();
            answersCount = haveRow && rowItems && row.id == id;
        }
        if (!answersCount)
            return;
        const auto item =
            std::lower_bound(rowItems->cbegin(), rowItems->cend(), itemId,
                             [](const std::pair<QByteArray, int> &entry, QByteArrayView id) {
                                 return QByteArrayView(entry.first) < id;
                             });
        if (item == rowItems->cend() || QByteArrayView(item->first) != itemId)
            return;
        NumericAnswer kept = answer;
        kept.item = item->second;
        row.answers.append(kept);
    };
    const bool answersRead =
        scored.ok() && readCompleteAnswerValues(db, collect, AnswerOrder::ByResponseId);
    while (answersRead && haveRow && scored.ok())
        advance();
    if (!answersRead || !scored.ok()) {
        if (!scored.ok()) // (a failed answer read has set the error already)
            db.setError(store::StoreErrorKind::Io,
                        QStringLiteral("clinic figures: %1").arg(scored.error()));
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
