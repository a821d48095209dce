#include "clinicfigures.h"

#include "completeresponses.h"

#include "core/alliance/descriptive.h"
#include "core/instrument/scoring.h"

#include <algorithm>
#include <array>
#include <QDate>
#include <QSet>
#include <QSqlQuery>

namespace triad::insights {

namespace {
// Scores by trackedMeasures() index. A fixed array, not a hash keyed by measure name: one
// row is held per complete response of the clinic while the norms are computed, so each
// row is kept small (issue 12: the rows of a 400-patient clinic took about 80 MiB as hashes).
using MeasureScores = std::array<std::optional<double>, 5>;

struct ResponseRow
{
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

std::optional<ClinicFigures> ClinicFigures::load(store::Database &db,
                                                 const InstrumentLibrary &library)
{
    Q_ASSERT(trackedMeasures().size() == int(MeasureScores().size()));
    QHash<QString, ResponseRow> rows;
    QSet<QString> instrumentIds; // one shared copy of each id, not one per row
    QSet<QString> shared;        // the same for episode and session ids
    QSqlQuery q = db.query();
    q.setForwardOnly(true);
    if (!db.prepare(q, QStringLiteral("SELECT r.id, r.instrument_id, r.respondent, s.episode_id, "
                                      "r.session_id, sc.kind, sc.score_id, sc.normalised, "
                                      "r.instrument_version, s.session_date "
                                      "FROM response r JOIN session s ON s.id = r.session_id "
                                      "JOIN score sc ON sc.response_id = r.id "
                                      "WHERE %1 AND sc.scorable = 1 "
                                      "AND sc.kind IN ('total', 'construct')")
                           .arg(currentCompleteCondition())) ||
        !db.exec(q))
        return std::nullopt;
    while (q.next()) {
        const QString measure = q.value(5).toString() == QLatin1String("total")
                                    ? QStringLiteral("total")
                                    : q.value(6).toString();
        const int measureIndex = int(trackedMeasures().indexOf(measure));
        if (measureIndex < 0)
            continue;
        // Norms describe the form as it is now: responses on an older major version (another
        // scale, other items) are left out rather than pooled with it.
        if (const Instrument *current = library.find(q.value(1).toString());
            current && InstrumentLibrary::majorVersion(current->version) !=
                           InstrumentLibrary::majorVersion(q.value(8).toString()))
            continue;
        ResponseRow &row = rows[q.value(0).toString()];
        if (row.instrumentId.isEmpty()) {
            row.instrumentId = *instrumentIds.insert(q.value(1).toString());
            row.respondent = respondentFromId(q.value(2).toString()).value_or(Respondent::Child);
            row.episodeId = *shared.insert(q.value(3).toString());
            row.sessionId = *shared.insert(q.value(4).toString());
            const QDate date = QDate::fromString(q.value(9).toString(), Qt::ISODate);
            if (date.isValid())
                row.day = date.toJulianDay();
        }
        row.scores[size_t(measureIndex)] = q.value(7).toDouble();
    }
    q.finish();

    // Per form: its scored items (those alpha reads) by id -> index in the form's items.
    QHash<QString, QHash<QString, int>> scoredItems;
    for (const QString &id : std::as_const(instrumentIds)) {
        QHash<QString, int> &items = scoredItems[id];
        if (const Instrument *instrument = library.find(id))
            for (int i = 0; i < instrument->items.size(); ++i)
                if (!instrument->items.at(i).subscaleId.isEmpty())
                    items.insert(instrument->items.at(i).id, i);
    }
    shared.clear();              // the rows keep their copies
    ResponseRow *last = nullptr; // a response's answers usually come one after another
    const QHash<QString, int> *lastItems = nullptr;
    QString lastId;
    if (!readCompleteAnswerValues(
            db, [&](const QString &id, const QString &itemId, const NumericAnswer &answer) {
                if (!last || id != lastId) {
                    if (last)
                        last->answers.squeeze(); // no room left over for answers that never come
                    lastId = id;
                    const auto row = rows.find(id);
                    last = row == rows.end() ? nullptr : &*row;
                    if (!last)
                        return;
                    const auto items = scoredItems.constFind(last->instrumentId);
                    lastItems = items == scoredItems.cend() ? nullptr : &*items;
                }
                if (!lastItems)
                    return;
                const auto item = lastItems->constFind(itemId);
                if (item == lastItems->cend())
                    return;
                NumericAnswer kept = answer;
                kept.item = *item;
                last->answers.append(kept);
            }))
        return std::nullopt;
    if (last)
        last->answers.squeeze();

    // Norms: one calculator per instrument + respondent + measure; the items (for alpha)
    // are the instrument's scored items of that measure, after reverse-keying.
    QHash<QString, NormsCalculator> calculators;
    QHash<QString, qint64> episodeNumbers;
    // Per session: each respondent's scores, and the episode's child age band.
    struct SessionScores
    {
        std::array<std::optional<MeasureScores>, 3> byRespondent;
        QString episodeId;
    };
    QHash<QString, SessionScores> sessions;
    QHash<QString, QString> episodeBand;
    // In a fixed order (by response id), never the hash's: sums of floating-point numbers
    // depend on their order, and the hash's order changes with its seed and history, so two
    // computations over the same responses (the app's worker and the CLI, two clinics with
    // the same data) would differ in the last bits.
    QStringList responseIds = rows.keys();
    std::sort(responseIds.begin(), responseIds.end());
    for (const QString &responseId : std::as_const(responseIds)) {
        const ResponseRow &row = *rows.constFind(responseId);
        const Instrument *instrument = library.find(row.instrumentId);
        const qint64 episode = episodeNumbers.value(row.episodeId, episodeNumbers.size());
        episodeNumbers.insert(row.episodeId, episode);
        Answers answers; // this response's only, for the time of its row
        if (instrument)
            for (const NumericAnswer &a : row.answers)
                answers.set(instrument->items.at(a.item).id, a.value());
        for (int m = 0; m < int(row.scores.size()); ++m) {
            if (!row.scores[size_t(m)])
                continue;
            const QString &measure = trackedMeasures().at(m);
            QVector<std::optional<double>> items;
            if (instrument)
                for (const Item &item : instrument->items) {
                    const bool inMeasure =
                        measure == QLatin1String("total")  ? !item.subscaleId.isEmpty()
                        : measure == QLatin1String("core") ? item.core
                                                           : constructId(item.construct) == measure;
                    if (inMeasure && !item.subscaleId.isEmpty())
                        items.append(itemValue(*instrument, item, answers));
                }
            calculators[key(row.instrumentId, row.respondent, measure)].addResponse(
                *row.scores[size_t(m)], items, episode, row.day);
        }
        SessionScores &s = sessions[row.sessionId];
        s.episodeId = row.episodeId;
        s.byRespondent[size_t(row.respondent)] = row.scores;
        if (row.respondent == Respondent::Child)
            episodeBand.insert(row.episodeId, ageBandKey(instrument));
    }

    ClinicFigures figures;
    for (auto it = calculators.cbegin(); it != calculators.cend(); ++it)
        figures.m_norms.insert(it.key(), it.value().norms());

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
    QHash<QString, QVector<double>> gaps;     // band|dyad index|measure
    QStringList sessionIds = sessions.keys(); // a fixed order again (by session id)
    std::sort(sessionIds.begin(), sessionIds.end());
    for (const QString &sessionId : std::as_const(sessionIds)) {
        const SessionScores &s = *sessions.constFind(sessionId);
        const QString band = episodeBand.value(s.episodeId);
        if (band.isEmpty())
            continue;
        for (const Pair &p : pairs) {
            const auto &a = s.byRespondent[size_t(p.first)];
            const auto &b = s.byRespondent[size_t(p.second)];
            if (!a || !b)
                continue;
            for (int m = 0; m < int(a->size()); ++m)
                if ((*a)[size_t(m)] && (*b)[size_t(m)])
                    gaps[band + QLatin1Char('|') + QString::number(int(p.dyad)) + QLatin1Char('|') +
                         trackedMeasures().at(m)]
                        .append(*(*a)[size_t(m)] - *(*b)[size_t(m)]);
        }
    }
    for (auto it = gaps.cbegin(); it != gaps.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('|'));
        figures.m_gaps[parts[0]].append(
            {Dyad(parts[1].toInt()), parts[2], stats::mean(it.value()), int(it.value().size())});
    }
    // Deterministic order for callers and tests.
    for (auto &list : figures.m_gaps)
        std::sort(list.begin(), list.end(), [](const DyadGapNorm &x, const DyadGapNorm &y) {
            return std::make_pair(int(x.dyad), x.measure) < std::make_pair(int(y.dyad), y.measure);
        });
    return figures;
}

} // namespace triad::insights
