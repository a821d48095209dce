#include "fhirvocabulary.h"

#include "core/instrument/instrument.h"

#include <QUuid>

namespace triad::interop::fhir {

namespace {
// The namespace of Triad's name-based UUIDs (itself a v5 UUID of the canonical base).
const QUuid &uuidNamespace()
{
    static const QUuid ns = QUuid::createUuidV5(QUuid(), kBase);
    return ns;
}
} // namespace

QString questionnaireUrl(const QString &instrumentId)
{
    return kBase + QStringLiteral("/Questionnaire/") + instrumentId;
}

QString extensionUrl(const QString &name)
{
    return kBase + QStringLiteral("/StructureDefinition/") + name;
}

QString codeSystemUrl(const QString &name)
{
    return kBase + QStringLiteral("/CodeSystem/") + name;
}

QString identifierSystem(const QString &name)
{
    return kBase + QStringLiteral("/identifier/") + name;
}

QString answerSystem(const QString &instrumentId, const QString &formatId)
{
    return codeSystemUrl(instrumentId + QLatin1Char('-') + formatId);
}

QString stableUuid(const QString &name)
{
    return QUuid::createUuidV5(uuidNamespace(), name).toString(QUuid::WithoutBraces);
}

QString urnFor(const QString &name)
{
    return QStringLiteral("urn:uuid:") + stableUuid(name);
}

QJsonObject extension(const QString &url, const QString &valueKey, const QJsonValue &value)
{
    return {{QStringLiteral("url"), url}, {valueKey, value}};
}

QJsonObject coding(const QString &system, const QString &code, const QString &display)
{
    QJsonObject c{{QStringLiteral("system"), system}, {QStringLiteral("code"), code}};
    if (!display.isEmpty())
        c.insert(QStringLiteral("display"), display);
    return c;
}

QJsonObject codeableConcept(const QString &system, const QString &code, const QString &display)
{
    return {{QStringLiteral("coding"), QJsonArray{coding(system, code, display)}}};
}

QJsonObject identifier(const QString &system, const QString &value)
{
    return {{QStringLiteral("system"), system}, {QStringLiteral("value"), value}};
}

QJsonObject reference(const QString &urn)
{
    return {{QStringLiteral("reference"), urn}};
}

QJsonObject translations(const LocalizedText &text, const QString &primary)
{
    QStringList languages = text.languages();
    languages.sort(); // the same bytes every export
    QJsonArray extensions;
    for (const QString &language : languages) {
        if (language == primary)
            continue;
        const QString content = text.in(language);
        if (content.isEmpty())
            continue;
        extensions.append(QJsonObject{
            {QStringLiteral("url"), kTranslation},
            {QStringLiteral("extension"),
             QJsonArray{
                 extension(QStringLiteral("lang"), QStringLiteral("valueCode"), language),
                 extension(QStringLiteral("content"), QStringLiteral("valueString"), content)}}});
    }
    if (extensions.isEmpty())
        return {};
    return {{QStringLiteral("extension"), extensions}};
}

void putText(QJsonObject &object, const QString &key, const LocalizedText &text,
             const QString &primary)
{
    if (text.isEmpty())
        return;
    object.insert(key, text.in(primary));
    const QJsonObject other = translations(text, primary);
    if (!other.isEmpty())
        object.insert(QLatin1Char('_') + key, other);
}

QJsonObject textExtension(const QString &name, const LocalizedText &text, const QString &primary)
{
    QJsonObject e{{QStringLiteral("url"), extensionUrl(name)}};
    putText(e, QStringLiteral("valueString"), text, primary);
    return e;
}

} // namespace triad::interop::fhir
