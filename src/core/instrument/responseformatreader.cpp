#include "responseformatreader.h"

#include <QHash>

namespace triad {

namespace {

const FormatKind allKinds[] = {FormatKind::Likert, FormatKind::Faces, FormatKind::Slider,
                               FormatKind::YesNo, FormatKind::FreeText};

QStringList kindIds()
{
    QStringList ids;
    for (const auto kind : allKinds)
        ids.append(formatKindId(kind));
    return ids;
}

// Keys people reach for when they want a slider to start somewhere.
const QStringList sliderPresetKeys = {
    QStringLiteral("initial"),    QStringLiteral("default"),      QStringLiteral("value"),
    QStringLiteral("start"),      QStringLiteral("initialValue"), QStringLiteral("defaultValue"),
    QStringLiteral("startValue"), QStringLiteral("preset")};

constexpr int defaultStep = 1;
constexpr int defaultMaxLength = 1000;

} // namespace

QStringList ResponseFormatReader::keysOf(FormatKind kind)
{
    switch (kind) {
    case FormatKind::Likert:
    case FormatKind::Faces:
        return {QStringLiteral("choices"), QStringLiteral("notApplicable")};
    case FormatKind::YesNo:
        return {QStringLiteral("choices")};
    case FormatKind::Slider:
        return {QStringLiteral("lowAnchor"), QStringLiteral("highAnchor"), QStringLiteral("step"),
                QStringLiteral("notApplicable")};
    case FormatKind::FreeText:
        return {QStringLiteral("maxLength")};
    }
    return {};
}

QVector<ResponseFormat> ResponseFormatReader::read(JsonObjectReader &root)
{
    QVector<ResponseFormat> formats;
    const auto array = root.array(QStringLiteral("responseFormats"), Presence::Required);
    if (!array)
        return formats;
    const QString path = root.pathOf(QStringLiteral("responseFormats"));
    if (array->isEmpty())
        m_log->add(path, tr("must list at least one response format"));
    QHash<QString, int> firstIndex;
    for (int i = 0; i < array->size(); ++i) {
        auto object = JsonObjectReader::element(*array, i, path, m_log);
        if (!object)
            continue;
        auto format = readFormat(*object);
        if (!format)
            continue;
        if (firstIndex.contains(format->id)) {
            m_log->add(
                object->pathOf(QStringLiteral("id")),
                tr("\"%1\" is already the id of %2; format ids must be unique")
                    .arg(format->id, JsonObjectReader::indexPath(path, firstIndex[format->id])));
            continue;
        }
        firstIndex.insert(format->id, i);
        formats.append(*format);
    }
    return formats;
}

std::optional<ResponseFormat> ResponseFormatReader::readFormat(JsonObjectReader &object)
{
    ResponseFormat format;
    const auto id = object.identifier(QStringLiteral("id"), Presence::Required);
    const auto kindText = object.string(QStringLiteral("kind"), Presence::Required);
    std::optional<FormatKind> kind;
    if (kindText) {
        kind = formatKindFromId(*kindText);
        if (!kind)
            m_log->add(object.pathOf(QStringLiteral("kind")),
                       tr("\"%1\" is not one of the kinds (%2)")
                           .arg(*kindText, JsonObjectReader::listOf(kindIds())));
    }
    checkKeys(object, kind);
    if (kind) {
        format.kind = *kind;
        switch (*kind) {
        case FormatKind::Likert:
        case FormatKind::Faces:
            readChoices(object, format);
            readNotApplicable(object, format);
            break;
        case FormatKind::YesNo:
            readChoices(object, format);
            break;
        case FormatKind::Slider:
            readNotApplicable(object, format);
            format.lowAnchor =
                m_texts->read(object, QStringLiteral("lowAnchor"), Presence::Required);
            format.highAnchor =
                m_texts->read(object, QStringLiteral("highAnchor"), Presence::Required);
            format.step = object.integer(QStringLiteral("step"), Presence::Optional, 1, 50)
                              .value_or(defaultStep);
            break;
        case FormatKind::FreeText:
            format.maxLength =
                object.integer(QStringLiteral("maxLength"), Presence::Optional, 1, 4000)
                    .value_or(defaultMaxLength);
            break;
        }
    }
    if (!id)
        return std::nullopt;
    format.id = *id;
    return format;
}

// Keys are checked before the kind's own keys are read, so a key that belongs to another
// kind is explained as such rather than as an unknown word.
void ResponseFormatReader::checkKeys(JsonObjectReader &object, std::optional<FormatKind> kind)
{
    QStringList allowed = {QStringLiteral("id"), QStringLiteral("kind")};
    if (!kind) {
        // Without a kind, any kind's keys may be meant; only truly unknown keys are reported.
        for (const auto k : allKinds)
            allowed += keysOf(k);
        object.allow(allowed);
        object.reportUnknownKeys(allowed);
        return;
    }
    allowed += keysOf(*kind);
    const QString kindName = formatKindId(*kind);
    for (const auto &key : object.unclaimedKeys()) {
        if (allowed.contains(key))
            continue;
        if (*kind == FormatKind::Slider && sliderPresetKeys.contains(key)) {
            object.allow({key});
            m_log->add(object.pathOf(key),
                       tr("a slider must start with no value, so nobody is nudged towards an "
                          "answer; remove \"%1\"")
                           .arg(key));
            continue;
        }
        for (const auto other : allKinds) {
            if (other != *kind && keysOf(other).contains(key)) {
                object.allow({key});
                m_log->add(object.pathOf(key),
                           tr("\"%1\" does not belong to a %2 format (its keys are: %3)")
                               .arg(key, kindName, JsonObjectReader::listOf(allowed)));
                break;
            }
        }
    }
    // The kind's own keys are read after this; claiming them now does not hide a missing one.
    object.allow(allowed);
    object.reportUnknownKeys(allowed);
}

void ResponseFormatReader::readChoices(JsonObjectReader &object, ResponseFormat &format)
{
    const auto array = object.array(QStringLiteral("choices"), Presence::Required);
    if (!array)
        return;
    const QString path = object.pathOf(QStringLiteral("choices"));
    const int count = int(array->size());
    switch (format.kind) {
    case FormatKind::Likert:
        if (count < 2 || count > 11)
            m_log->add(path, tr("a likert format needs 2 to 11 choices, not %1").arg(count));
        break;
    case FormatKind::Faces:
        if (count != 3 && count != 5)
            m_log->add(
                path, tr("a faces format needs exactly 3 or 5 choices (faces), not %1").arg(count));
        break;
    case FormatKind::YesNo:
        if (count != 2)
            m_log->add(
                path,
                tr("a yesno format needs exactly 2 choices (yes = 1, no = 0), not %1").arg(count));
        break;
    case FormatKind::Slider:
    case FormatKind::FreeText:
        return;
    }
    QVector<std::optional<int>> values;
    for (int i = 0; i < count; ++i) {
        auto choiceObject = JsonObjectReader::element(*array, i, path, m_log);
        std::optional<ResponseChoice> choice;
        if (choiceObject)
            choice = readChoice(*choiceObject, format.kind);
        values.append(choice ? std::optional<int>(choice->value) : std::nullopt);
        if (choice)
            format.choices.append(*choice);
    }
    checkChoiceValues(values, format.kind, path);
}

// "Not yet / doesn't apply": a label (and spoken words, required beside faces), never a value:
// it is always stored as notApplicableValue and scored as missing.
void ResponseFormatReader::readNotApplicable(JsonObjectReader &object, ResponseFormat &format)
{
    auto na = object.object(QStringLiteral("notApplicable"), Presence::Optional);
    if (!na)
        return;
    ResponseChoice choice;
    choice.value = notApplicableValue;
    choice.label = m_texts->read(*na, QStringLiteral("label"), Presence::Required);
    choice.readAloud =
        m_texts->read(*na, QStringLiteral("readAloud"),
                      format.kind == FormatKind::Faces ? Presence::Required : Presence::Optional);
    if (na->has(QStringLiteral("value"))) {
        na->allow({QStringLiteral("value")});
        m_log->add(na->pathOf(QStringLiteral("value")),
                   tr("a \"not yet / doesn't apply\" answer has no value of its own (it is "
                      "stored as %1 and scored as missing); remove \"value\"")
                       .arg(notApplicableValue));
    }
    na->reportUnknownKeys({QStringLiteral("label"), QStringLiteral("readAloud")});
    format.notApplicable = choice;
}

std::optional<ResponseChoice> ResponseFormatReader::readChoice(JsonObjectReader &object,
                                                               FormatKind kind)
{
    ResponseChoice choice;
    const auto value = object.integer(QStringLiteral("value"), Presence::Required);
    choice.label = m_texts->read(object, QStringLiteral("label"), Presence::Required);
    // Faces are pictures: a child who cannot read needs each one spoken.
    choice.readAloud =
        m_texts->read(object, QStringLiteral("readAloud"),
                      kind == FormatKind::Faces ? Presence::Required : Presence::Optional);
    object.reportUnknownKeys(
        {QStringLiteral("value"), QStringLiteral("label"), QStringLiteral("readAloud")});
    if (!value)
        return std::nullopt;
    choice.value = *value;
    return choice;
}

void ResponseFormatReader::checkChoiceValues(const QVector<std::optional<int>> &values,
                                             FormatKind kind, const QString &choicesPath)
{
    auto valuePath = [&](int i) {
        return JsonObjectReader::childPath(JsonObjectReader::indexPath(choicesPath, i),
                                           QStringLiteral("value"));
    };
    if (kind == FormatKind::YesNo) {
        std::optional<int> first;
        for (int i = 0; i < values.size(); ++i) {
            if (!values[i])
                continue;
            if (*values[i] != 0 && *values[i] != 1) {
                m_log->add(valuePath(i), tr("must be 1 (yes) or 0 (no), not %1").arg(*values[i]));
            } else if (first && *first == *values[i]) {
                m_log->add(valuePath(i), tr("both choices have the value %1; one must be 1 (yes) "
                                            "and the other 0 (no)")
                                             .arg(*values[i]));
            } else if (!first) {
                first = values[i];
            }
        }
        return;
    }
    // Scoring maps choice n to the value n: a gap or a swap would silently change scores.
    for (int i = 0; i < values.size(); ++i) {
        if (values[i] && *values[i] != i + 1)
            m_log->add(valuePath(i), tr("must be %1, not %2: choice values go 1, 2, 3... in order")
                                         .arg(i + 1)
                                         .arg(*values[i]));
    }
}

} // namespace triad
