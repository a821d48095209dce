#include "jsonreader.h"

#include <algorithm>
#include <cmath>
#include <QRegularExpression>

namespace triad {

namespace {

QString formatNumber(double d)
{
    return QString::number(d, 'g', 15);
}

// Edit distance, to suggest "title" for a mistyped "titel".
int distance(const QString &a, const QString &b)
{
    QVector<int> previous(b.size() + 1);
    QVector<int> current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString closest(const QString &key, const QStringList &candidates)
{
    QString best;
    int bestDistance = 3; // more than two edits away is a different word, not a typo
    for (const auto &candidate : candidates) {
        const int d = distance(key.toLower(), candidate.toLower());
        if (d < bestDistance && d < candidate.size()) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace

void ProblemLog::add(const QString &path, const QString &message)
{
    m_problems.append(LoadProblem{m_file, path, message});
}

JsonObjectReader::JsonObjectReader(QJsonObject object, QString path, ProblemLog *log)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_log(log)
{}

std::optional<JsonObjectReader> JsonObjectReader::element(const QJsonArray &array, int index,
                                                          const QString &arrayPath, ProblemLog *log)
{
    const QString path = indexPath(arrayPath, index);
    const QJsonValue value = array.at(index);
    if (!value.isObject()) {
        log->add(path, tr("must be an object ({...}), not %1").arg(describe(value)));
        return std::nullopt;
    }
    return JsonObjectReader(value.toObject(), path, log);
}

QString JsonObjectReader::childPath(const QString &parent, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (!plain.match(key).hasMatch()) {
        QString quoted = key;
        quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
        return parent + QStringLiteral("[\"%1\"]").arg(quoted);
    }
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString JsonObjectReader::indexPath(const QString &parent, int index)
{
    return parent + QStringLiteral("[%1]").arg(index);
}

QString JsonObjectReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return tr("the number %1").arg(formatNumber(value.toDouble()));
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 30)
            text = text.left(27) + QStringLiteral("...");
        return tr("the string \"%1\"").arg(text);
    }
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QString JsonObjectReader::listOf(const QStringList &values)
{
    return values.join(QStringLiteral(", "));
}

std::optional<QJsonValue> JsonObjectReader::take(const QString &key, Presence presence)
{
    m_claimed.insert(key);
    const auto it = m_object.constFind(key);
    if (it == m_object.constEnd()) {
        if (presence == Presence::Required)
            m_log->add(pathOf(key), tr("is required but missing"));
        return std::nullopt;
    }
    return it.value();
}

void JsonObjectReader::wrongType(const QString &key, const QString &expected,
                                 const QJsonValue &actual)
{
    m_log->add(pathOf(key), tr("must be %1, not %2").arg(expected, describe(actual)));
}

std::optional<QString> JsonObjectReader::string(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        wrongType(key, tr("a string"), *value);
        return std::nullopt;
    }
    return value->toString();
}

std::optional<QString> JsonObjectReader::nonEmptyString(const QString &key, Presence presence)
{
    auto text = string(key, presence);
    if (text && text->trimmed().isEmpty()) {
        m_log->add(pathOf(key), tr("must not be empty"));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> JsonObjectReader::identifier(const QString &key, Presence presence)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    auto id = nonEmptyString(key, presence);
    if (id && !pattern.match(*id).hasMatch()) {
        m_log->add(pathOf(key), tr("\"%1\" is not a valid id: use up to 64 letters, digits, \"-\", "
                                   "\"_\" and \".\", starting with a letter or digit")
                                    .arg(*id));
    }
    // Returned even when malformed: the problem is recorded, and whatever refers to this id
    // should not be reported as pointing to something unknown as well.
    return id;
}

std::optional<int> JsonObjectReader::integer(const QString &key, Presence presence, int min,
                                             int max)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    const double d = value->toDouble();
    if (!value->isDouble() || !std::isfinite(d) || d != std::floor(d)) {
        wrongType(key, tr("a whole number"), *value);
        return std::nullopt;
    }
    if (d < min || d > max) {
        QString message;
        if (max == INT_MAX)
            message = tr("must be %1 or more, not %2").arg(min).arg(formatNumber(d));
        else if (min == INT_MIN)
            message = tr("must be %1 or less, not %2").arg(max).arg(formatNumber(d));
        else
            message =
                tr("must be between %1 and %2, not %3").arg(min).arg(max).arg(formatNumber(d));
        m_log->add(pathOf(key), message);
        return std::nullopt;
    }
    return int(d);
}

std::optional<double> JsonObjectReader::number(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isDouble()) {
        wrongType(key, tr("a number"), *value);
        return std::nullopt;
    }
    return value->toDouble();
}

std::optional<bool> JsonObjectReader::boolean(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isBool()) {
        wrongType(key, tr("true or false"), *value);
        return std::nullopt;
    }
    return value->toBool();
}

std::optional<QJsonArray> JsonObjectReader::array(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isArray()) {
        wrongType(key, tr("an array ([...])"), *value);
        return std::nullopt;
    }
    return value->toArray();
}

std::optional<JsonObjectReader> JsonObjectReader::object(const QString &key, Presence presence)
{
    const auto value = take(key, presence);
    if (!value)
        return std::nullopt;
    if (!value->isObject()) {
        wrongType(key, tr("an object ({...})"), *value);
        return std::nullopt;
    }
    return JsonObjectReader(value->toObject(), pathOf(key), m_log);
}

std::optional<QJsonValue> JsonObjectReader::value(const QString &key, Presence presence)
{
    return take(key, presence);
}

void JsonObjectReader::allow(const QStringList &keys)
{
    for (const auto &key : keys)
        m_claimed.insert(key);
}

QStringList JsonObjectReader::unclaimedKeys() const
{
    QStringList keys;
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
        if (!m_claimed.contains(it.key()))
            keys.append(it.key());
    return keys;
}

void JsonObjectReader::reportUnknownKeys(const QStringList &knownKeys)
{
    for (const auto &key : unclaimedKeys()) {
        const QString suggestion = closest(key, knownKeys);
        if (!suggestion.isEmpty())
            m_log->add(pathOf(key),
                       tr("unknown key \"%1\"; did you mean \"%2\"?").arg(key, suggestion));
        else
            m_log->add(pathOf(key),
                       tr("unknown key \"%1\" (known keys here: %2)").arg(key, listOf(knownKeys)));
    }
}

} // namespace triad
