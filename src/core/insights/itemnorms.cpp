#include "itemnorms.h"

#include "clinicfigures.h"
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
#include <QSet>
#include <QSqlQuery>

namespace triad::insights {

namespace {

struct Row
{
    QString instrumentId; // these three: one shared copy of each value, not one per row
    QString version;
    QString episodeId;
    Respondent respondent = Respondent::Child;
    QDate date;
    // The numeric answers, each with its item's index in the load's list of item ids, laid
    // out by the group's form only for the time of its row's figures: a hash per response
    // held about 2.8 KB, 160 MiB of the worker's memory at 2,000 patients, and building one
    // per row to read back was a fifth of the item figures' time (issue 12).
    QVector<NumericAnswer> answers;
};

// A row's answers by the index of their item in a form's items (ItemAnswers), as an Answers
// by item id would give them: an answer to an item the form does not have is left out.
struct FormAnswers
{
    QVector<QVariant> values;
    ItemAnswers byItem;

    // `formIndex`: the form's index of each item id of the load's list, -1 if not its item.
    void lay(const Row &row, const QVector<int> &formIndex, qsizetype itemCount)
    {
        values.resize(row.answers.size()); // never grows while byItem points into it
        byItem.fill(nullptr, itemCount);
        for (qsizetype k = 0; k < row.answers.size(); ++k) {
            const NumericAnswer &a = row.answers.at(k);
            const int i = formIndex.value(a.item, -1);
            if (i < 0)
                continue;
            values[k] = a.value();
            byItem[i] = &values[k];
        }
    }
};

// What the figures read of one response, against its group's form.
struct RowValues
{
    QVector<std::optional<double>> total; // the total's items, 0-100, in totalItems() order
    QVector<std::optional<double>> core;  // the core items, in coreItems() order
    std::optional<double> retest;         // the retest measure's score, when scorable
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
std::optional<double> alphaOf(const QVector<QVector<std::optional<double>>> &table)
{
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
    QSet<QString> shared; // one copy of each form id, version and episode id
    const auto sharedCopy = [&shared](const QString &value) { return *shared.insert(value); };
    while (q.next()) {
        Row &row = rows[q.value(0).toString()];
        row.instrumentId = sharedCopy(q.value(1).toString());
        row.version = sharedCopy(q.value(2).toString());
        row.respondent = respondentFromId(q.value(3).toString()).value_or(Respondent::Child);
        row.episodeId = sharedCopy(q.value(4).toString());
        row.date = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    }
    q.finish();
    QStringList itemIds; // by the index the answers keep
    // And back, by the id's UTF-8 bytes in order: each answer's item id found by a binary
    // search among the few dozen, not made into a QString and hashed (issue 12).
    QVector<std::pair<QByteArray, int>> itemIndex;
    Row *last = nullptr; // a response's answers usually come one after another
    QString lastId;
    if (!readCompleteAnswerValues(db, [&](const QString &id, QByteArrayView itemUtf8,
                                          const NumericAnswer &answer) {
            if (!last || id != lastId) {
                if (last)
                    last->answers.squeeze(); // no room left over for answers that never come
                const auto it = rows.find(id);
                last = it == rows.end() ? nullptr : &*it;
                lastId = id;
                if (!last)
                    return;
            }
            auto index =
                std::lower_bound(itemIndex.begin(), itemIndex.end(), itemUtf8,
                                 [](const std::pair<QByteArray, int> &entry, QByteArrayView id) {
                                     return QByteArrayView(entry.first) < id;
                                 });
            if (index == itemIndex.end() || QByteArrayView(index->first) != itemUtf8) {
                index = itemIndex.insert(index, {itemUtf8.toByteArray(), int(itemIds.size())});
                itemIds.append(QString::fromUtf8(itemUtf8));
            }
            NumericAnswer kept = answer;
            kept.item = index->second;
            last->answers.append(kept);
        }))
        return std::nullopt;
    if (last)
        last->answers.squeeze();

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
        const QVector<const Item *> coreItems = in.coreItems();
        f.retestMeasure = coreItems.isEmpty() ? QStringLiteral("total") : QStringLiteral("core");
        // The form's index of each item id the answers name (-1: not one of its items).
        QVector<int> formIndex(itemIds.size(), -1);
        for (qsizetype i = 0; i < in.items.size(); ++i) {
            const qsizetype at = itemIds.indexOf(in.items.at(i).id);
            if (at >= 0)
                formIndex[at] = int(i);
        }
        const auto indexOf = [&in](const Item *item) { return item - in.items.constData(); };
        // Each row read once: its item values and retest score against the group's form.
        QVector<RowValues> values;
        values.reserve(g.rows.size());
        FormAnswers laid;
        for (const Row *row : std::as_const(g.rows)) {
            laid.lay(*row, formIndex, in.items.size());
            const ItemAnswers &answers = laid.byItem;
            RowValues v;
            for (const Item *item : items)
                v.total.append(itemValue(in, *item, answers.at(indexOf(item))));
            for (const Item *item : coreItems)
                v.core.append(itemValue(in, *item, answers.at(indexOf(item))));
            // Only the retest measure is scored (all of score() was 9 % of the figures' time).
            const Score m = coreItems.isEmpty() ? scoreTotal(in, answers) : scoreCore(in, answers);
            if (m.scorable)
                v.retest = m.normalised;
            values.append(std::move(v));
        }
        // Corrected item-total: the item against the mean of the other total items.
        for (int i = 0; i < items.size(); ++i) {
            QVector<double> x, rest;
            for (const RowValues &row : std::as_const(values)) {
                const auto v = row.total.at(i);
                if (!v)
                    continue;
                double sum = 0;
                bool complete = true;
                for (int o = 0; o < items.size(); ++o) {
                    if (o == i)
                        continue;
                    complete = complete && row.total.at(o).has_value();
                    sum += row.total.at(o).value_or(0);
                }
                if (!complete || items.size() < 2)
                    continue;
                x.append(*v);
                rest.append(sum / double(items.size() - 1));
            }
            const Item *item = items.at(i);
            f.items.append({item->id, item->facet, item->core, int(x.size()), pearson(x, rest)});
        }
        QVector<QVector<std::optional<double>>> table;
        for (const RowValues &row : std::as_const(values))
            table.append(row.total);
        f.alphaTotal = alphaOf(table);
        if (!coreItems.isEmpty()) {
            table.clear();
            for (const RowValues &row : std::as_const(values))
                table.append(row.core);
            f.alphaCore = alphaOf(table);
        }

        // Test-retest over stable pairs: consecutive sessions of one episode, close in time.
        QMap<QString, QVector<QPair<QDate, double>>> byEpisode; // by episode id: fixed order
        for (int r = 0; r < g.rows.size(); ++r) {
            const Row *row = g.rows.at(r);
            if (values.at(r).retest && row->date.isValid())
                byEpisode[row->episodeId].append({row->date, *values.at(r).retest});
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

QVector<FormReliability> detached(const QVector<FormReliability> &figures)
{
    QVector<FormReliability> out;
    out.reserve(figures.size());
    for (const FormReliability &form : figures) {
        FormReliability copy = form;
        copy.instrumentId = detachedText(form.instrumentId);
        copy.majorVersion = detachedText(form.majorVersion);
        copy.retestMeasure = detachedText(form.retestMeasure);
        copy.retestReason = detachedText(form.retestReason);
        copy.items = QVector<ItemTotal>();
        copy.items.reserve(form.items.size());
        for (ItemTotal item : form.items) {
            item.itemId = detachedText(item.itemId);
            item.facet = detachedText(item.facet);
            copy.items.append(item);
        }
        out.append(copy);
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
