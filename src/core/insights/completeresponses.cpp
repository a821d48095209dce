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

} // namespace triad::insights
