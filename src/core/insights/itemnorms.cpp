#include "itemnorms.h"

#include "completeresponses.h"

#include "core/alliance/descriptive.h"
#include "core/alliance/norms.h"
#include "core/instrument/scoring.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>

namespace triad::insights {

namespace {

struct Row
{
    QString instrumentId;
    QString version;
    Respondent respondent = Respondent::Child;
    QString episodeId;
    QDate date;
    Answers answers;
};

struct Group
{
    FormReliability figures;
    const Instrument *instrument = nullptr; // the version the group's first response used
    QVector<const Row *> rows;
};

std::optional<double> rounded(std::optional<double> v)
{
    if (!v)
        return v;
    return std::round(*v * 1000.0) / 1000.0;
}

QJsonValue orNull(std::optional<double> v)
{
    return v ? QJsonValue(*rounded(v)) : QJsonValue();
}

// Alpha over the items' 0-100 values of each row (complete rows only).
std::optional<double> alphaOf(const Instrument &in, const QVector<const Item *> &items,
                              const QVector<const Row *> &rows)
{
    QVector<QVector<std::optional<double>>> table;
    for (const Row *row : rows) {
        QVector<std::optional<double>> values;
        for (const Item *item : items)
            values.append(itemValue(in, *item, row->answers));
        table.append(values);
    }
    int complete = 0;
    QString reason;
    return NormsCalculator::cronbachAlpha(table, &complete, &reason);
}

} // namespace

std::optional<double> ItemNorms::pearson(const QVector<double> &x, const QVector<double> &y)
{
    return stats::pearson(x, y);
}

std::optional<QVector<FormReliability>> ItemNorms::load(store::Database &db,
                                                        const InstrumentLibrary &library)
{
    QHash<QString, Row> rows;
    QSqlQuery q = db.query();
    q.setForwardOnly(true);
    if (!db.prepare(q, QStringLiteral("SELECT r.id, r.instrument_id, r.instrument_version, "
                                      "r.respondent, s.episode_id, s.session_date "
                                      "FROM response r JOIN session s ON s.id = r.session_id "
                                      "WHERE %1")
                           .arg(currentCompleteCondition())) ||
        !db.exec(q))
        return std::nullopt;
    while (q.next()) {
        Row &row = rows[q.value(0).toString()];
        row.instrumentId = q.value(1).toString();
        row.version = q.value(2).toString();
        row.respondent = respondentFromId(q.value(3).toString()).value_or(Respondent::Child);
        row.episodeId = q.value(4).toString();
        row.date = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    }
    if (!readCompleteAnswers(db, [&rows](const QString &id) -> Answers * {
            const auto it = rows.find(id);
            return it == rows.end() ? nullptr : &it->answers;
        }))
        return std::nullopt;

    // One group per form id + major version + respondent, in a stable order.
    QMap<QString, Group> groups;
    // Rows in a fixed order (by response id), never the hash's, so the sums behind each
    // figure add up the same numbers in the same order at every computation.
    QStringList responseIds = rows.keys();
    std::sort(responseIds.begin(), responseIds.end());
    for (const QString &responseId : std::as_const(responseIds)) {
        const Row &row = *rows.constFind(responseId);
        const Instrument *in = library.find(row.instrumentId, row.version);
        if (!in)
            continue;
        const QString major = InstrumentLibrary::majorVersion(row.version);
        const QString key = row.instrumentId + QLatin1Char('|') + major + QLatin1Char('|') +
                            respondentId(row.respondent);
        Group &g = groups[key];
        if (!g.instrument) {
            g.instrument = in;
            g.figures.instrumentId = row.instrumentId;
            g.figures.majorVersion = major;
            g.figures.respondent = row.respondent;
        }
        g.rows.append(&row);
    }

    QVector<FormReliability> out;
    for (Group &g : groups) {
        const Instrument &in = *g.instrument;
        FormReliability &f = g.figures;
        f.responses = int(g.rows.size());
        const QVector<const Item *> items = in.totalItems();
        // Corrected item-total: the item against the mean of the other total items.
        for (const Item *item : items) {
            QVector<double> x, rest;
            for (const Row *row : std::as_const(g.rows)) {
                const auto v = itemValue(in, *item, row->answers);
                if (!v)
                    continue;
                double sum = 0;
                bool complete = true;
                for (const Item *other : items) {
                    if (other == item)
                        continue;
                    const auto o = itemValue(in, *other, row->answers);
                    complete = complete && o.has_value();
                    sum += o.value_or(0);
                }
                if (!complete || items.size() < 2)
                    continue;
                x.append(*v);
                rest.append(sum / double(items.size() - 1));
            }
            f.items.append({item->id, item->facet, item->core, int(x.size()), pearson(x, rest)});
        }
        f.alphaTotal = alphaOf(in, items, g.rows);
        if (!in.coreItems().isEmpty())
            f.alphaCore = alphaOf(in, in.coreItems(), g.rows);

        // Test-retest over stable pairs: consecutive sessions of one episode, close in time.
        f.retestMeasure =
            in.coreItems().isEmpty() ? QStringLiteral("total") : QStringLiteral("core");
        QMap<QString, QVector<QPair<QDate, double>>> byEpisode; // by episode id: fixed order
        for (const Row *row : std::as_const(g.rows)) {
            const ScoreSet s = score(in, row->answers);
            const Score *m = s.measure(f.retestMeasure);
            if (m && m->scorable && row->date.isValid())
                byEpisode[row->episodeId].append({row->date, m->normalised});
        }
        QVector<double> first, second;
        for (auto &series : byEpisode) {
            std::stable_sort(series.begin(), series.end(),
                             [](const auto &l, const auto &r) { return l.first < r.first; });
            for (int i = 1; i < series.size(); ++i)
                if (series[i - 1].first.daysTo(series[i].first) <= maxRetestDays) {
                    first.append(series[i - 1].second);
                    second.append(series[i].second);
                }
        }
        f.retestPairs = int(first.size());
        if (f.retestPairs < minRetestPairs)
            f.retestReason = QCoreApplication::translate(
                                 "ItemNorms", "%1 of %2 session pairs at most %3 days apart")
                                 .arg(f.retestPairs)
                                 .arg(minRetestPairs)
                                 .arg(maxRetestDays);
        else if (!(f.retest = pearson(first, second)))
            f.retestReason =
                QCoreApplication::translate("ItemNorms", "no spread in the paired scores");
        out.append(f);
    }
    return out;
}

QJsonObject FormReliability::toJson() const
{
    QJsonArray itemArray;
    for (const ItemTotal &i : items)
        itemArray.append(QJsonObject{{QStringLiteral("item"), i.itemId},
                                     {QStringLiteral("facet"), i.facet},
                                     {QStringLiteral("core"), i.core},
                                     {QStringLiteral("n"), i.n},
                                     {QStringLiteral("correctedItemTotal"), orNull(i.r)}});
    QJsonObject o{{QStringLiteral("instrument"), instrumentId},
                  {QStringLiteral("majorVersion"), majorVersion},
                  {QStringLiteral("respondent"), respondentId(respondent)},
                  {QStringLiteral("responses"), responses},
                  {QStringLiteral("items"), itemArray},
                  {QStringLiteral("alphaTotal"), orNull(alphaTotal)},
                  {QStringLiteral("alphaCore"), orNull(alphaCore)},
                  {QStringLiteral("retestMeasure"), retestMeasure},
                  {QStringLiteral("retest"), orNull(retest)},
                  {QStringLiteral("retestPairs"), retestPairs}};
    if (!retestReason.isEmpty())
        o.insert(QStringLiteral("retestReason"), retestReason);
    return o;
}

} // namespace triad::insights
