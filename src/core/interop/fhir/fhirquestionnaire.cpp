#include "fhirquestionnaire.h"

#include "fhirvocabulary.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace triad::interop::fhir {

namespace {

QString primaryLanguage(const Instrument &instrument)
{
    return instrument.languages.isEmpty() ? QStringLiteral("en") : instrument.languages.first();
}

QJsonObject codeExtension(const QString &name, const QString &code)
{
    return extension(extensionUrl(name), QStringLiteral("valueCode"), code);
}

QJsonObject boolExtension(const QString &name, bool value)
{
    return extension(extensionUrl(name), QStringLiteral("valueBoolean"), value);
}

QJsonObject intExtension(const QString &name, int value)
{
    return extension(extensionUrl(name), QStringLiteral("valueInteger"), value);
}

QJsonObject stringExtension(const QString &name, const QString &value)
{
    return extension(extensionUrl(name), QStringLiteral("valueString"), value);
}

QJsonObject decimalExtension(const QString &name, double value)
{
    return extension(extensionUrl(name), QStringLiteral("valueDecimal"), value);
}

// A complex extension: {"url": ..., "extension": [...]}.
QJsonObject nested(const QString &name, const QJsonArray &parts)
{
    return {{QStringLiteral("url"), extensionUrl(name)}, {QStringLiteral("extension"), parts}};
}

void appendPsychometrics(QJsonArray &parts, const Psychometrics &p)
{
    if (p.sd)
        parts.append(decimalExtension(QStringLiteral("sd"), *p.sd));
    if (p.reliability)
        parts.append(decimalExtension(QStringLiteral("reliability"), *p.reliability));
    if (p.cutoff)
        parts.append(decimalExtension(QStringLiteral("cutoff"), *p.cutoff));
    if (!p.source.isEmpty())
        parts.append(stringExtension(QStringLiteral("source"), p.source));
}

QJsonObject answerOption(const Instrument &instrument, const ResponseFormat &format,
                         const ResponseChoice &choice, bool notApplicable)
{
    const QString primary = primaryLanguage(instrument);
    QJsonObject c = coding(answerSystem(instrument.id, format.id),
                           notApplicable ? kNotApplicableCode : choiceCode(choice.value));
    putText(c, QStringLiteral("display"), choice.label, primary);
    QJsonArray extensions;
    if (!notApplicable)
        extensions.append(extension(kOrdinalValue, QStringLiteral("valueDecimal"), choice.value));
    else
        extensions.append(boolExtension(QStringLiteral("not-applicable"), true));
    if (!choice.readAloud.isEmpty())
        extensions.append(textExtension(QStringLiteral("read-aloud"), choice.readAloud, primary));
    return {{QStringLiteral("extension"), extensions}, {QStringLiteral("valueCoding"), c}};
}

QJsonObject questionItem(const Instrument &instrument, const Item &item)
{
    const QString primary = primaryLanguage(instrument);
    const ResponseFormat *format = instrument.format(item.formatId);
    QJsonObject q{{QStringLiteral("linkId"), item.id}};
    putText(q, QStringLiteral("text"), item.text, primary);
    QJsonArray extensions;
    extensions.append(codeExtension(QStringLiteral("response-format"), item.formatId));
    if (format)
        extensions.append(
            codeExtension(QStringLiteral("response-format-kind"), formatKindId(format->kind)));
    if (!item.subscaleId.isEmpty())
        extensions.append(codeExtension(QStringLiteral("subscale"), item.subscaleId));
    if (!item.practice)
        extensions.append(codeExtension(QStringLiteral("construct"), constructId(item.construct)));
    if (!item.facet.isEmpty())
        extensions.append(codeExtension(QStringLiteral("facet"), item.facet));
    if (item.reverse)
        extensions.append(boolExtension(QStringLiteral("reverse"), true));
    if (item.core)
        extensions.append(boolExtension(QStringLiteral("core"), true));
    if (item.practice)
        extensions.append(boolExtension(QStringLiteral("practice"), true));
    if (!item.readAloud.isEmpty())
        extensions.append(textExtension(QStringLiteral("read-aloud"), item.readAloud, primary));
    if (item.required)
        q.insert(QStringLiteral("required"), true);

    if (!format) {
        q.insert(QStringLiteral("type"), QStringLiteral("display"));
    } else if (format->kind == FormatKind::FreeText) {
        q.insert(QStringLiteral("type"), QStringLiteral("text"));
        if (format->maxLength > 0)
            q.insert(QStringLiteral("maxLength"), format->maxLength);
    } else if (format->kind == FormatKind::Slider) {
        q.insert(QStringLiteral("type"), QStringLiteral("decimal"));
        extensions.append(QJsonObject{{QStringLiteral("url"), kItemControl},
                                      {QStringLiteral("valueCodeableConcept"),
                                       codeableConcept(kItemControlSystem, QStringLiteral("slider"),
                                                       QStringLiteral("Slider"))}});
        extensions.append(extension(kSliderStep, QStringLiteral("valueInteger"), format->step));
        extensions.append(extension(kMinValue, QStringLiteral("valueDecimal"), format->minValue()));
        extensions.append(extension(kMaxValue, QStringLiteral("valueDecimal"), format->maxValue()));
        if (!format->lowAnchor.isEmpty())
            extensions.append(
                textExtension(QStringLiteral("low-anchor"), format->lowAnchor, primary));
        if (!format->highAnchor.isEmpty())
            extensions.append(
                textExtension(QStringLiteral("high-anchor"), format->highAnchor, primary));
        if (format->notApplicable) {
            QJsonArray parts;
            QJsonObject label = stringExtension(QStringLiteral("label"), {});
            putText(label, QStringLiteral("valueString"), format->notApplicable->label, primary);
            parts.append(label);
            if (!format->notApplicable->readAloud.isEmpty()) {
                QJsonObject read = stringExtension(QStringLiteral("read-aloud"), {});
                putText(read, QStringLiteral("valueString"), format->notApplicable->readAloud,
                        primary);
                parts.append(read);
            }
            extensions.append(nested(QStringLiteral("not-applicable-answer"), parts));
        }
    } else {
        q.insert(QStringLiteral("type"), QStringLiteral("choice"));
        QJsonArray options;
        for (const ResponseChoice &choice : format->choices)
            options.append(answerOption(instrument, *format, choice, false));
        if (format->notApplicable)
            options.append(answerOption(instrument, *format, *format->notApplicable, true));
        q.insert(QStringLiteral("answerOption"), options);
    }
    q.insert(QStringLiteral("extension"), extensions);
    return q;
}

} // namespace

QString choiceCode(int value)
{
    return value == notApplicableValue ? kNotApplicableCode : QString::number(value);
}

QString questionnaireId(const Instrument &instrument)
{
    return instrument.id + QLatin1Char('-') + instrument.version;
}

QString questionnaireCanonical(const Instrument &instrument)
{
    return questionnaireUrl(instrument.id) + QLatin1Char('|') + instrument.version;
}

QJsonObject questionnaireResource(const Instrument &instrument)
{
    const QString primary = primaryLanguage(instrument);
    QJsonObject q{{QStringLiteral("resourceType"), QStringLiteral("Questionnaire")},
                  {QStringLiteral("id"), questionnaireId(instrument)},
                  {QStringLiteral("language"), primary},
                  {QStringLiteral("url"), questionnaireUrl(instrument.id)},
                  {QStringLiteral("version"), instrument.version},
                  {QStringLiteral("status"), QStringLiteral("active")},
                  {QStringLiteral("subjectType"), QJsonArray{QStringLiteral("Patient")}}};
    // A computable name: "triad-child-8to12" -> "TriadChild8to12".
    QString name;
    for (const QString &part : instrument.id.split(
             QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), Qt::SkipEmptyParts))
        name += part.left(1).toUpper() + part.mid(1);
    if (!name.isEmpty() && name.at(0).isLetter())
        q.insert(QStringLiteral("name"), name);
    putText(q, QStringLiteral("title"), instrument.title, primary);
    putText(q, QStringLiteral("description"), instrument.intro, primary);
    if (!instrument.licence.holder.isEmpty())
        q.insert(QStringLiteral("publisher"), instrument.licence.holder);
    if (!instrument.licence.terms.isEmpty())
        q.insert(QStringLiteral("copyright"), instrument.licence.terms);

    QJsonArray extensions;
    extensions.append(
        codeExtension(QStringLiteral("respondent"), respondentId(instrument.respondent)));
    for (const QString &language : instrument.languages)
        extensions.append(extension(extensionUrl(QStringLiteral("language")),
                                    QStringLiteral("valueCode"), language));
    if (instrument.ageBand)
        extensions.append(
            nested(QStringLiteral("age-band"),
                   {intExtension(QStringLiteral("minYears"), instrument.ageBand->minYears),
                    intExtension(QStringLiteral("maxYears"), instrument.ageBand->maxYears)}));
    if (instrument.readAloudAutomatically)
        extensions.append(boolExtension(QStringLiteral("read-aloud-automatically"), true));
    if (!instrument.introReadAloud.isEmpty())
        extensions.append(
            textExtension(QStringLiteral("intro-read-aloud"), instrument.introReadAloud, primary));
    if (!instrument.thanks.isEmpty())
        extensions.append(textExtension(QStringLiteral("thanks"), instrument.thanks, primary));
    if (!instrument.licence.source.isEmpty())
        extensions.append(
            stringExtension(QStringLiteral("licence-source"), instrument.licence.source));
    QJsonArray scoring{
        codeExtension(QStringLiteral("method"), instrument.scoring.method == ScoreMethod::Sum
                                                    ? QStringLiteral("sum")
                                                    : QStringLiteral("mean")),
        intExtension(QStringLiteral("totalMaxMissing"), instrument.scoring.totalMaxMissing)};
    appendPsychometrics(scoring, instrument.scoring.totalPsychometrics);
    extensions.append(nested(QStringLiteral("scoring"), scoring));
    for (const Subscale &s : instrument.subscales) {
        QJsonArray parts{codeExtension(QStringLiteral("id"), s.id),
                         intExtension(QStringLiteral("maxMissing"), s.maxMissing)};
        if (!s.title.isEmpty())
            parts.append(textExtension(QStringLiteral("title"), s.title, primary));
        if (!s.countsInTotal)
            parts.append(boolExtension(QStringLiteral("countsInTotal"), false));
        appendPsychometrics(parts, s.psychometrics);
        extensions.append(nested(QStringLiteral("subscale"), parts));
    }
    q.insert(QStringLiteral("extension"), extensions);

    QJsonArray items;
    for (const Item &item : instrument.items)
        items.append(questionItem(instrument, item));
    q.insert(QStringLiteral("item"), items);
    return q;
}

} // namespace triad::interop::fhir
