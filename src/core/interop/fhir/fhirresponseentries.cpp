#include "fhirresponseentries.h"

#include "fhirjsonbytes.h"
#include "fhirquestionnaire.h"
#include "fhirvocabulary.h"

#include "core/instrument/scoring.h"

#include <climits>

namespace triad::interop::fhir {

namespace {

// The keys of a QJsonObject come out sorted, so the QuestionnaireResponse's are written in
// that order: author, authored, encounter, extension, id, identifier, item, language,
// questionnaire, resourceType, source, status, subject.

QByteArray utf8Json(const QString &text)
{
    QByteArray out;
    appendJsonString(out, text);
    return out;
}

void appendReference(QByteArray &out, const QString &resourceId)
{
    out += "{\"reference\":";
    appendJsonString(out, urn(resourceId));
    out += '}';
}

// {"url":"<extension>","<valueKey>":
QByteArray extensionHead(const QString &name, const char *valueKey)
{
    return "{\"url\":" + utf8Json(extensionUrl(name)) + ",\"" + valueKey + "\":";
}

const int kNotApplicableKey = INT_MIN; // the cache key of the "doesn't apply" coding

} // namespace

ResponseEntryWriter::FormBytes &ResponseEntryWriter::formBytes(const Instrument &instrument)
{
    auto found = m_forms.find(&instrument);
    if (found != m_forms.end())
        return found.value();
    FormBytes form;
    for (const Item &item : instrument.items) {
        ItemBytes bytes;
        bytes.format = instrument.format(item.formatId);
        bytes.linkIdTail = ",\"linkId\":" + utf8Json(item.id) + '}';
        form.items.append(bytes);
    }
    return m_forms.insert(&instrument, form).value();
}

void ResponseEntryWriter::appendItem(QByteArray &out, const Instrument *instrument,
                                     const Item *item, ItemBytes *cached, const QString &itemId,
                                     const QVariant &value)
{
    // As answerFor() and responseResource() build it.
    const ResponseFormat *format =
        instrument && item ? (cached ? cached->format : instrument->format(item->formatId))
                           : nullptr;
    const auto tail = [&] {
        if (cached) {
            out += cached->linkIdTail;
        } else {
            out += ",\"linkId\":";
            appendJsonString(out, itemId);
            out += '}';
        }
    };
    const auto coded = [&](int key, const QString &code, const QString &display) {
        if (cached) {
            const auto hit = cached->choices.constFind(key);
            if (hit != cached->choices.constEnd()) {
                out += hit.value();
                return;
            }
        }
        QByteArray bytes = "{\"answer\":[{\"valueCoding\":{\"code\":";
        appendJsonString(bytes, code);
        if (!display.isEmpty()) {
            bytes += ",\"display\":";
            appendJsonString(bytes, display);
        }
        bytes += ",\"system\":";
        appendJsonString(bytes, answerSystem(instrument->id, format->id));
        bytes += "}}]";
        out += bytes;
        if (cached)
            cached->choices.insert(key, bytes);
    };
    if (format && isNotApplicable(*format, value)) {
        if (format->kind == FormatKind::Slider) {
            static const QByteArray notApplicable =
                "{\"extension\":[" +
                extensionHead(QStringLiteral("not-applicable"), "valueBoolean") + "true}]";
            out += notApplicable;
        } else {
            coded(kNotApplicableKey, kNotApplicableCode, {});
        }
        tail();
        return;
    }
    if (format && (format->kind == FormatKind::Likert || format->kind == FormatKind::Faces ||
                   format->kind == FormatKind::YesNo)) {
        const int v = value.typeId() == QMetaType::Bool ? (value.toBool() ? 1 : 0) : value.toInt();
        QString display;
        if (!cached || !cached->choices.contains(v)) {
            const QString language = instrument->languages.value(0, QStringLiteral("en"));
            for (const ResponseChoice &c : format->choices)
                if (c.value == v)
                    display = c.label.in(language);
        }
        coded(v, choiceCode(v), display);
        tail();
        return;
    }
    out += "{\"answer\":[{";
    if (format && format->kind == FormatKind::Slider) {
        out += "\"valueDecimal\":";
        appendJsonNumber(out, value.toDouble());
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
            out += value.toBool() ? "\"valueBoolean\":true" : "\"valueBoolean\":false";
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
            out += "\"valueInteger\":";
            out += QByteArray::number(value.toInt());
            break;
        case QMetaType::Double:
            out += "\"valueDecimal\":";
            appendJsonNumber(out, value.toDouble());
            break;
        default:
            out += "\"valueString\":";
            appendJsonString(out, value.toString());
        }
    }
    out += "}]";
    tail();
}

void ResponseEntryWriter::appendResponse(QByteArray &out, const store::StoredResponse &response,
                                         const Instrument *instrument, const ResponseLinks &links,
                                         bool includeFreeText, const QByteArray &id)
{
    static const QByteArray respondentHead =
        "[" + extensionHead(QStringLiteral("respondent"), "valueCode");
    static const QByteArray startedHead =
        "," + extensionHead(QStringLiteral("started"), "valueDateTime");
    static const QByteArray handedOverHead =
        "," + extensionHead(QStringLiteral("handed-over-by"), "valueReference");
    static const QByteArray declineHead =
        "," + extensionHead(QStringLiteral("decline-reason"), "valueCode");
    static const QByteArray supersedesHead =
        "," + extensionHead(QStringLiteral("supersedes"), "valueIdentifier") +
        "{\"system\":" + utf8Json(identifierSystem(QStringLiteral("response"))) + ",\"value\":";
    static const QByteArray identifierHead =
        ",\"identifier\":{\"system\":" + utf8Json(identifierSystem(QStringLiteral("response"))) +
        ",\"value\":";

    const store::ResponseRecord &r = response.record;
    const bool complete = r.status == store::ResponseStatus::Complete;
    out += "{\"author\":";
    appendReference(out, links.authorId);
    out += ",\"authored\":";
    appendJsonString(out, authoredOf(r));
    out += ",\"encounter\":";
    appendReference(out, links.encounterId);
    out += ",\"extension\":";
    out += respondentHead;
    appendJsonString(out, respondentId(r.respondent));
    out += '}';
    if (!r.startedAt.isEmpty()) {
        out += startedHead;
        appendJsonString(out, r.startedAt);
        out += '}';
    }
    if (!links.handedOverBy.isEmpty()) {
        out += handedOverHead;
        appendReference(out, links.handedOverBy);
        out += '}';
    }
    if (!r.declineReason.isEmpty()) {
        out += declineHead;
        appendJsonString(out, r.declineReason);
        out += '}';
    }
    if (!r.supersedes.isEmpty()) {
        out += supersedesHead;
        appendJsonString(out, r.supersedes);
        out += "}}";
    }
    out += "],\"id\":\"";
    out += id;
    out += '"';
    out += identifierHead;
    appendJsonString(out, r.id);
    out += '}';

    // The items, as responseResource() chooses them; the key is dropped again when none is.
    const qsizetype beforeItems = out.size();
    out += ",\"item\":[";
    const qsizetype firstItem = out.size();
    const auto addItem = [&](const QString &itemId, const Item *item, ItemBytes *cached) {
        const QVariant value = response.answers.value(itemId);
        if (!includeFreeText && value.typeId() == QMetaType::QString)
            return;
        if (!includeFreeText && instrument && item) {
            const ResponseFormat *f = cached ? cached->format : instrument->format(item->formatId);
            if (f && f->kind == FormatKind::FreeText)
                return;
        }
        if (out.size() != firstItem)
            out += ',';
        appendItem(out, instrument, item, cached, itemId, value);
    };
    if (instrument) {
        FormBytes &form = formBytes(*instrument);
        for (int i = 0; i < instrument->items.size(); ++i) {
            const Item &item = instrument->items.at(i);
            if (response.answers.has(item.id))
                addItem(item.id, &item, &form.items[i]);
        }
    } else {
        QStringList ids = response.answers.itemIds();
        ids.sort();
        for (const QString &itemId : ids)
            addItem(itemId, nullptr, nullptr);
    }
    if (out.size() == firstItem)
        out.truncate(beforeItems);
    else
        out += ']';

    if (!r.language.isEmpty()) {
        out += ",\"language\":";
        appendJsonString(out, r.language);
    }
    out += ",\"questionnaire\":";
    appendJsonString(out,
                     questionnaireUrl(r.instrumentId) + QLatin1Char('|') + r.instrumentVersion);
    out += ",\"resourceType\":\"QuestionnaireResponse\",\"source\":";
    appendReference(out, links.authorId);
    out += ",\"status\":";
    out += complete ? (r.supersedes.isEmpty() ? "\"completed\"" : "\"amended\"") : "\"stopped\"";
    out += ",\"subject\":";
    appendReference(out, links.patientId);
    out += '}';
}

QByteArray ResponseEntryWriter::response(const store::StoredResponse &response,
                                         const Instrument *instrument, const ResponseLinks &links,
                                         bool includeFreeText)
{
    QByteArray out;
    appendResponse(out, response, instrument, links, includeFreeText,
                   resourceId(QStringLiteral("response"), response.record.id).toUtf8());
    return out;
}

int ResponseEntryWriter::appendEntries(QByteArray &out, const store::StoredResponse &response,
                                       const Instrument *instrument, const ResponseLinks &links,
                                       bool includeFreeText)
{
    // As BundleWriter::add writes a QJsonObject entry: fullUrl, request, resource.
    const QByteArray id = resourceId(QStringLiteral("response"), response.record.id).toUtf8();
    out += ",\n{\"fullUrl\":\"urn:uuid:";
    out += id;
    out += '"';
    if (m_transaction) {
        out += ",\"request\":{\"method\":\"PUT\",\"url\":\"QuestionnaireResponse/";
        out += id;
        out += "\"}";
    }
    out += ",\"resource\":";
    appendResponse(out, response, instrument, links, includeFreeText, id);
    out += '}';
    return appendScoreEntries(out, response, links, m_transaction);
}

} // namespace triad::interop::fhir
