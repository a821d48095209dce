#include "completeresponses.h"

#include <QSqlQuery>

namespace triad::insights {

QString currentCompleteCondition()
{
    return QStringLiteral("r.status = 'complete' AND NOT EXISTS (SELECT 1 FROM response c "
                          "WHERE c.supersedes = r.id AND c.status = 'complete')");
}

bool readCompleteAnswers(store::Database &db,
                         const std::function<Answers *(const QString &responseId)> &answersOf)
{
    return readCompleteAnswerValues(
        db, [&answersOf](const QString &responseId, const QString &itemId, const QVariant &value) {
            if (Answers *answers = answersOf(responseId))
                answers->set(itemId, value);
        });
}

bool readCompleteAnswerValues(
    store::Database &db, const std::function<void(const QString &responseId, const QString &itemId,
                                                  const QVariant &value)> &take)
{
    QSqlQuery a = db.query();
    a.setForwardOnly(true);
    if (!db.prepare(a, QStringLiteral("SELECT r.id, a.item_id, a.value_kind, a.value_num "
                                      "FROM answer a JOIN response r ON r.id = a.response_id "
                                      "WHERE %1 AND a.value_kind <> 'text'")
                           .arg(currentCompleteCondition())) ||
        !db.exec(a))
        return false;
    while (a.next()) {
        const QString kind = a.value(2).toString();
        if (kind == QLatin1String("real"))
            take(a.value(0).toString(), a.value(1).toString(), a.value(3).toDouble());
        else if (kind == QLatin1String("bool"))
            take(a.value(0).toString(), a.value(1).toString(), a.value(3).toInt() != 0);
        else
            take(a.value(0).toString(), a.value(1).toString(), a.value(3).toInt());
    }
    return true;
}

std::optional<QString> completeResponsesStamp(store::Database &db)
{
    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("SELECT count(*), total(rowid), max(completed_at), "
                                      "count(supersedes) FROM response "
                                      "WHERE status = 'complete'")) ||
        !db.exec(q) || !q.next())
        return std::nullopt;
    return QStringLiteral("%1|%2|%3|%4")
        .arg(q.value(0).toLongLong())
        .arg(q.value(1).toDouble(), 0, 'f', 0)
        .arg(q.value(2).toString())
        .arg(q.value(3).toLongLong());
}

} // namespace triad::insights
