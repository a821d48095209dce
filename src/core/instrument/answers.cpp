#include "answers.h"

#include <cmath>
#include <QCoreApplication>
#include <QJsonValue>

namespace triad {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Answers", text);
}
} // namespace

QString Answers::problemWith(const Instrument &instrument, const QString &itemId,
                             const QVariant &value)
{
    const Item *item = instrument.item(itemId);
    if (!item)
        return tr("\"%1\" is not an item of %2").arg(itemId, instrument.id);
    const ResponseFormat *format = instrument.format(item->formatId);
    if (!format)
        return tr("the item's response format is missing");
    return problemWith(*format, value);
}

QString Answers::problemWith(const ResponseFormat &fmt, const QVariant &value)
{
    const ResponseFormat *format = &fmt;
    // "Not yet / doesn't apply" is a real answer, on the formats that offer it.
    if (format->notApplicable && format->kind != FormatKind::YesNo &&
        format->kind != FormatKind::FreeText && value.typeId() != QMetaType::Bool &&
        value.typeId() != QMetaType::QString) {
        bool ok = false;
        if (value.toDouble(&ok) == notApplicableValue && ok)
            return {};
    }
    switch (format->kind) {
    case FormatKind::Likert:
    case FormatKind::Faces: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || value.typeId() == QMetaType::Bool || value.typeId() == QMetaType::QString ||
            v != std::floor(v))
            return tr("must be a whole number from 1 to %1").arg(format->choices.size());
        if (v < 1 || v > format->choices.size())
            return tr("%1 is outside 1 to %2").arg(v).arg(format->choices.size());
        return {};
    }
    case FormatKind::Slider: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || value.typeId() == QMetaType::Bool || value.typeId() == QMetaType::QString)
            return tr("must be a number from 0 to 100");
        if (!std::isfinite(v) || v < 0 || v > 100)
            return tr("%1 is outside 0 to 100").arg(v);
        return {};
    }
    case FormatKind::YesNo:
        if (value.typeId() != QMetaType::Bool)
            return tr("must be true (yes) or false (no)");
        return {};
    case FormatKind::FreeText:
        if (value.typeId() != QMetaType::QString)
            return tr("must be text");
        if (format->maxLength > 0 && value.toString().size() > format->maxLength)
            return tr("is longer than %1 characters").arg(format->maxLength);
        return {};
    }
    return {};
}

std::optional<Answers> Answers::fromJson(const QJsonObject &json, const Instrument &instrument,
                                         QStringList *problems)
{
    const QJsonObject map =
        json.contains(QLatin1String("answers")) && json.value(QLatin1String("answers")).isObject()
            ? json.value(QLatin1String("answers")).toObject()
            : json;
    Answers answers;
    bool clean = true;
    if (json.contains(QLatin1String("instrument"))) {
        const QString declared = json.value(QLatin1String("instrument")).toString();
        if (declared != instrument.id) {
            clean = false;
            if (problems)
                problems->append(tr("instrument: the answers are for \"%1\", not \"%2\"")
                                     .arg(declared, instrument.id));
        }
    }
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it.value().isNull())
            continue; // explicitly missing
        const QVariant value = it.value().toVariant();
        const QString problem = problemWith(instrument, it.key(), value);
        if (!problem.isEmpty()) {
            clean = false;
            if (problems)
                problems->append(QStringLiteral("answers.%1: %2").arg(it.key(), problem));
            continue;
        }
        const Item *item = instrument.item(it.key());
        const ResponseFormat *format = instrument.format(item->formatId);
        if (format->kind == FormatKind::Likert || format->kind == FormatKind::Faces)
            answers.set(it.key(), int(value.toDouble()));
        else if (format->kind == FormatKind::Slider)
            answers.set(it.key(), value.toDouble());
        else
            answers.set(it.key(), value);
    }
    if (!clean)
        return std::nullopt;
    return answers;
}

QJsonObject Answers::toJson() const
{
    QJsonObject map;
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        map.insert(it.key(), QJsonValue::fromVariant(it.value()));
    return map;
}

} // namespace triad
