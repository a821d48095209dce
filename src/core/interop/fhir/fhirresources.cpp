#include "fhirresources.h"

#include "fhirjsonbytes.h"
#include "fhirquestionnaire.h"
#include "fhirvocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace triad::interop::fhir {

namespace {

const QString kResourceType = QStringLiteral("resourceType");
const QString kId = QStringLiteral("id");
const QString kExtension = QStringLiteral("extension");

QJsonObject ref(const QString &type, const QString &id)
{
    Q_UNUSED(type)
    return reference(urn(id));
}

QJsonArray surveyCategory()
{
    return {
        codeableConcept(kObservationCategory, QStringLiteral("survey"), QStringLiteral("Survey"))};
}

QJsonObject ownCode(const QString &name, const QString &code)
{
    return extension(extensionUrl(name), QStringLiteral("valueCode"), code);
}

QJsonObject answerFor(const Instrument *instrument, const Item *item, const QVariant &value,
                      bool *notApplicable)
{
    const ResponseFormat *format =
        instrument && item ? instrument->format(item->formatId) : nullptr;
    *notApplicable = false;
    if (format && isNotApplicable(*format, value)) {
        *notApplicable = true;
        if (format->kind == FormatKind::Slider)
            return {};
        return {{QStringLiteral("valueCoding"),
                 coding(answerSystem(instrument->id, format->id), kNotApplicableCode)}};
    }
    if (format && (format->kind == FormatKind::Likert || format->kind == FormatKind::Faces ||
                   format->kind == FormatKind::YesNo)) {
        const int v = value.typeId() == QMetaType::Bool ? (value.toBool() ? 1 : 0) : value.toInt();
        QString display;
        for (const ResponseChoice &c : format->choices)
            if (c.value == v)
                display = c.label.in(instrument->languages.value(0, QStringLiteral("en")));
        return {{QStringLiteral("valueCoding"),
                 coding(answerSystem(instrument->id, format->id), choiceCode(v), display)}};
    }
    if (format && format->kind == FormatKind::Slider)
        return {{QStringLiteral("valueDecimal"), value.toDouble()}};
    switch (value.typeId()) {
    case QMetaType::Bool:
        return {{QStringLiteral("valueBoolean"), value.toBool()}};
    case QMetaType::Int:
    case QMetaType::LongLong:
        return {{QStringLiteral("valueInteger"), value.toInt()}};
    case QMetaType::Double:
        return {{QStringLiteral("valueDecimal"), value.toDouble()}};
    default:
        return {{QStringLiteral("valueString"), value.toString()}};
    }
}

void appendScoreObservation(QByteArray &o, const QByteArray &common, const QByteArray &id,
                            const QString &code, const QString &display, const QString &text,
                            const Score &score)
{
    static const QByteArray system = codeSystemUrl(kScoresCodeSystem).toUtf8();
    static const QByteArray quantityTail =
        ",\"system\":\"" + kUcum.toUtf8() + "\",\"unit\":\"score\",\"code\":\"{score}\"}";
    static const QByteArray absent = ",\"dataAbsentReason\":{\"coding\":[{\"system\":\"" +
                                     kDataAbsentReason.toUtf8() +
                                     "\",\"code\":\"as-text\",\"display\":\"As Text\"}],\"text\":";
    const auto componentCode = [&](const char *c) {
        o += "{\"code\":{\"coding\":[{\"system\":\"";
        o += system;
        o += "\",\"code\":\"";
        o += c;
        o += "\"}]},";
    };
    o += "{\"resourceType\":\"Observation\",\"id\":\"";
    o += id;
    o += "\",\"code\":{\"coding\":[{\"system\":\"";
    o += system;
    o += "\",\"code\":";
    appendJsonString(o, code);
    o += ",\"display\":";
    appendJsonString(o, display);
    o += "}],\"text\":";
    appendJsonString(o, text);
    o += '}';
    o += common;
    o += ",\"component\":[";
    if (score.scorable) {
        componentCode("raw");
        o += "\"valueQuantity\":{\"value\":";
        appendJsonNumber(o, score.raw);
        o += quantityTail;
        o += "},";
    }
    componentCode("answered");
    o += "\"valueInteger\":";
    o += QByteArray::number(score.answered);
    o += "},";
    componentCode("item-count");
    o += "\"valueInteger\":";
    o += QByteArray::number(score.itemCount);
    o += "},";
    componentCode("prorated");
    o += score.prorated ? "\"valueBoolean\":true}]" : "\"valueBoolean\":false}]";
    if (score.scorable) {
        o += ",\"valueQuantity\":{\"value\":";
        appendJsonNumber(o, score.normalised);
        o += quantityTail;
    } else {
        o += absent;
        appendJsonString(o, score.reason);
        o += '}';
    }
    o += '}';
}

QString relationshipCode(const QString &relationship)
{
    if (relationship == QLatin1String("mother"))
        return QStringLiteral("MTH");
    if (relationship == QLatin1String("father"))
        return QStringLiteral("FTH");
    if (relationship == QLatin1String("carer"))
        return QStringLiteral("GUARD");
    if (relationship.isEmpty())
        return QStringLiteral("PRN");
    return QStringLiteral("FAMMEMB");
}

} // namespace

QString authoredOf(const store::ResponseRecord &r)
{
    if (!r.completedAt.isEmpty())
        return r.completedAt;
    return r.updatedAt.isEmpty() ? r.startedAt : r.updatedAt;
}

QString resourceId(const QString &kind, const QString &rowId)
{
    const QUuid uuid(rowId);
    if (!uuid.isNull())
        return uuid.toString(QUuid::WithoutBraces);
    return stableUuid(kind + QLatin1Char('/') + rowId);
}

QString urn(const QString &resourceId)
{
    return QStringLiteral("urn:uuid:") + resourceId;
}

QJsonObject patientResource(const store::Patient &patient)
{
    return {{kResourceType, QStringLiteral("Patient")},
            {kId, resourceId(QStringLiteral("patient"), patient.id)},
            {QStringLiteral("identifier"),
             QJsonArray{identifier(identifierSystem(QStringLiteral("pseudonym")), patient.code)}},
            {QStringLiteral("active"), true}};
}

QJsonObject practitionerResource(const QString &staffId)
{
    return {{kResourceType, QStringLiteral("Practitioner")},
            {kId, resourceId(QStringLiteral("staff"), staffId)},
            {QStringLiteral("identifier"),
             QJsonArray{identifier(identifierSystem(QStringLiteral("staff")), staffId)}}};
}

QString unknownParentId(const QString &patientId)
{
    return stableUuid(QStringLiteral("parent-of/") + patientId);
}

QJsonObject relatedPersonResource(const store::Guardian &guardian, const QString &patientId)
{
    const bool known = !guardian.id.isEmpty();
    QJsonObject r{
        {kResourceType, QStringLiteral("RelatedPerson")},
        {kId,
         known ? resourceId(QStringLiteral("guardian"), guardian.id) : unknownParentId(patientId)},
        {QStringLiteral("patient"),
         ref(QStringLiteral("Patient"), resourceId(QStringLiteral("patient"), patientId))},
        {QStringLiteral("relationship"),
         QJsonArray{codeableConcept(kRoleCode, relationshipCode(guardian.relationship))}}};
    if (known)
        r.insert(QStringLiteral("identifier"),
                 QJsonArray{identifier(identifierSystem(QStringLiteral("guardian")), guardian.id)});
    return r;
}

QJsonObject episodeOfCareResource(const store::Episode &episode)
{
    QJsonObject period{{QStringLiteral("start"), episode.startDate.toString(Qt::ISODate)}};
    if (episode.endDate.isValid())
        period.insert(QStringLiteral("end"), episode.endDate.toString(Qt::ISODate));
    QJsonObject e{
        {kResourceType, QStringLiteral("EpisodeOfCare")},
        {kId, resourceId(QStringLiteral("episode"), episode.id)},
        {QStringLiteral("identifier"),
         QJsonArray{identifier(identifierSystem(QStringLiteral("episode")), episode.id)}},
        {QStringLiteral("status"),
         episode.isOpen() ? QStringLiteral("active") : QStringLiteral("finished")},
        {QStringLiteral("patient"),
         ref(QStringLiteral("Patient"), resourceId(QStringLiteral("patient"), episode.patientId))},
        {QStringLiteral("period"), period},
        {QStringLiteral("careManager"),
         ref(QStringLiteral("Practitioner"),
             resourceId(QStringLiteral("staff"), episode.physioId))}};
    QJsonArray extensions;
    if (!episode.condition.isEmpty())
        extensions.append(ownCode(QStringLiteral("condition-category"), episode.condition));
    for (auto it = episode.instrumentSet.begin(); it != episode.instrumentSet.end(); ++it)
        extensions.append(QJsonObject{
            {QStringLiteral("url"), extensionUrl(QStringLiteral("instrument-set"))},
            {kExtension,
             QJsonArray{ownCode(QStringLiteral("respondent"), it.key()),
                        extension(extensionUrl(QStringLiteral("form")),
                                  QStringLiteral("valueString"), it.value().toString())}}});
    if (!extensions.isEmpty())
        e.insert(kExtension, extensions);
    return e;
}

QJsonObject encounterResource(const store::Session &session, const store::Episode &episode,
                              int childAge)
{
    const QString actCode = session.setting == QLatin1String("home") ? QStringLiteral("HH")
                            : session.setting == QLatin1String("telehealth")
                                ? QStringLiteral("VR")
                                : QStringLiteral("AMB");
    QJsonObject e{
        {kResourceType, QStringLiteral("Encounter")},
        {kId, resourceId(QStringLiteral("session"), session.id)},
        {QStringLiteral("identifier"),
         QJsonArray{identifier(identifierSystem(QStringLiteral("session")), session.id)}},
        {QStringLiteral("status"), QStringLiteral("finished")},
        {QStringLiteral("class"),
         coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode"), actCode)},
        {kExtension, QJsonArray{ownCode(QStringLiteral("session-setting"), session.setting)}},
        {QStringLiteral("subject"),
         ref(QStringLiteral("Patient"), resourceId(QStringLiteral("patient"), episode.patientId))},
        {QStringLiteral("episodeOfCare"),
         QJsonArray{ref(QStringLiteral("EpisodeOfCare"),
                        resourceId(QStringLiteral("episode"), episode.id))}},
        {QStringLiteral("participant"),
         QJsonArray{QJsonObject{{QStringLiteral("individual"),
                                 ref(QStringLiteral("Practitioner"),
                                     resourceId(QStringLiteral("staff"), session.physioId))}}}},
        {QStringLiteral("period"),
         QJsonObject{{QStringLiteral("start"), session.date.toString(Qt::ISODate)}}}};
    if (childAge >= 0) {
        QJsonArray extensions = e.value(kExtension).toArray();
        extensions.append(extension(extensionUrl(QStringLiteral("child-age")),
                                    QStringLiteral("valueInteger"), childAge));
        e.insert(kExtension, extensions);
    }
    return e;
}

QJsonObject responseResource(const store::StoredResponse &response, const Instrument *instrument,
                             const ResponseLinks &links, bool includeFreeText)
{
    const store::ResponseRecord &r = response.record;
    const bool complete = r.status == store::ResponseStatus::Complete;
    QJsonObject q{
        {kResourceType, QStringLiteral("QuestionnaireResponse")},
        {kId, resourceId(QStringLiteral("response"), r.id)},
        {QStringLiteral("identifier"),
         identifier(identifierSystem(QStringLiteral("response")), r.id)},
        {QStringLiteral("questionnaire"),
         questionnaireUrl(r.instrumentId) + QLatin1Char('|') + r.instrumentVersion},
        {QStringLiteral("status"), complete ? (r.supersedes.isEmpty() ? QStringLiteral("completed")
                                                                      : QStringLiteral("amended"))
                                            : QStringLiteral("stopped")},
        {QStringLiteral("subject"), ref(QStringLiteral("Patient"), links.patientId)},
        {QStringLiteral("encounter"), ref(QStringLiteral("Encounter"), links.encounterId)},
        {QStringLiteral("authored"), authoredOf(r)},
        {QStringLiteral("author"), ref(links.authorType, links.authorId)},
        {QStringLiteral("source"), ref(links.authorType, links.authorId)}};
    if (!r.language.isEmpty())
        q.insert(QStringLiteral("language"), r.language);
    QJsonArray extensions{ownCode(QStringLiteral("respondent"), respondentId(r.respondent))};
    if (!r.startedAt.isEmpty())
        extensions.append(extension(extensionUrl(QStringLiteral("started")),
                                    QStringLiteral("valueDateTime"), r.startedAt));
    if (!links.handedOverBy.isEmpty())
        extensions.append(extension(extensionUrl(QStringLiteral("handed-over-by")),
                                    QStringLiteral("valueReference"),
                                    ref(QStringLiteral("Practitioner"), links.handedOverBy)));
    if (!r.declineReason.isEmpty())
        extensions.append(ownCode(QStringLiteral("decline-reason"), r.declineReason));
    if (!r.supersedes.isEmpty())
        extensions.append(
            extension(extensionUrl(QStringLiteral("supersedes")), QStringLiteral("valueIdentifier"),
                      identifier(identifierSystem(QStringLiteral("response")), r.supersedes)));
    q.insert(kExtension, extensions);

    QJsonArray items;
    const auto addItem = [&](const QString &itemId, const Item *item) {
        const QVariant value = response.answers.value(itemId);
        if (!includeFreeText && value.typeId() == QMetaType::QString)
            return;
        if (!includeFreeText && instrument && item) {
            const ResponseFormat *f = instrument->format(item->formatId);
            if (f && f->kind == FormatKind::FreeText)
                return;
        }
        bool notApplicable = false;
        const QJsonObject answer = answerFor(instrument, item, value, &notApplicable);
        QJsonObject entry{{QStringLiteral("linkId"), itemId}};
        if (!answer.isEmpty())
            entry.insert(QStringLiteral("answer"), QJsonArray{answer});
        else
            entry.insert(kExtension,
                         QJsonArray{extension(extensionUrl(QStringLiteral("not-applicable")),
                                              QStringLiteral("valueBoolean"), true)});
        items.append(entry);
    };
    if (instrument) {
        for (const Item &item : instrument->items)
            if (response.answers.has(item.id))
                addItem(item.id, &item);
    } else {
        QStringList ids = response.answers.itemIds();
        ids.sort();
        for (const QString &id : ids)
            addItem(id, nullptr);
    }
    if (!items.isEmpty())
        q.insert(QStringLiteral("item"), items);
    return q;
}

QString scoreCode(const QString &kind, const QString &id)
{
    if (kind.isEmpty())
        return id;
    return kind + QLatin1Char('-') + id;
}

namespace {

// Calls visit(id, code, display, text, score) for each score Observation of a complete response,
// after writing what they all share into `common`.
template <typename Visit>
void forEachScore(const store::StoredResponse &response, const ResponseLinks &links,
                  QByteArray &common, Visit visit)
{
    if (response.record.status != store::ResponseStatus::Complete)
        return;
    const store::ResponseRecord &r = response.record;
    static const QByteArray head =
        ",\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"" +
        kObservationCategory.toUtf8() + "\",\"code\":\"survey\",\"display\":\"Survey\"}]}]";
    common.clear();
    common.reserve(700);
    common += head;
    common += ",\"subject\":{\"reference\":";
    appendJsonString(common, urn(links.patientId));
    common += "},\"encounter\":{\"reference\":";
    appendJsonString(common, urn(links.encounterId));
    common += "},\"effectiveDateTime\":";
    appendJsonString(common, authoredOf(r));
    common += ",\"performer\":[{\"reference\":";
    appendJsonString(common, urn(links.authorId));
    common += "}],\"derivedFrom\":[{\"reference\":";
    appendJsonString(common, urn(resourceId(QStringLiteral("response"), r.id)));
    common += "}]";
    const QString prefix =
        r.instrumentId + QLatin1Char(' ') + r.instrumentVersion + QStringLiteral(": ");
    const QString idPrefix = QStringLiteral("score/") + r.id + QLatin1Char('/');
    const auto add = [&](const QString &code, const QString &display, const Score &score) {
        visit(stableUuid(idPrefix + code).toLatin1(), code, display, prefix + display, score);
    };
    const ScoreSet &s = response.scores;
    add(QStringLiteral("total"), QStringLiteral("Total"), s.total);
    for (const Score &sub : s.subscales)
        add(scoreCode(QStringLiteral("subscale"), sub.id), QStringLiteral("Subscale ") + sub.id,
            sub);
    for (const Score &c : s.constructs)
        add(scoreCode(QStringLiteral("construct"), c.id), QStringLiteral("Construct ") + c.id, c);
    if (s.hasCore()) {
        add(QStringLiteral("core"), QStringLiteral("Triad core"), s.core);
        for (const Score &c : s.coreConstructs)
            add(c.id, QStringLiteral("Triad ") + c.id, c);
    }
}

} // namespace

QVector<RawResource> scoreObservations(const store::StoredResponse &response,
                                       const ResponseLinks &links)
{
    QVector<RawResource> out;
    QByteArray common;
    forEachScore(response, links, common,
                 [&](const QByteArray &id, const QString &code, const QString &display,
                     const QString &text, const Score &score) {
                     QByteArray json;
                     json.reserve(1600);
                     appendScoreObservation(json, common, id, code, display, text, score);
                     out.append({QStringLiteral("Observation"), QString::fromLatin1(id), json});
                 });
    return out;
}

int appendScoreEntries(QByteArray &out, const store::StoredResponse &response,
                       const ResponseLinks &links, bool transaction)
{
    int count = 0;
    QByteArray common;
    forEachScore(response, links, common,
                 [&](const QByteArray &id, const QString &code, const QString &display,
                     const QString &text, const Score &score) {
                     // As BundleWriter::addRaw writes it.
                     out += ",\n{\"fullUrl\":\"urn:uuid:";
                     out += id;
                     out += "\",\"resource\":";
                     appendScoreObservation(out, common, id, code, display, text, score);
                     if (transaction) {
                         out += ",\"request\":{\"method\":\"PUT\",\"url\":\"Observation/";
                         out += id;
                         out += "\"}";
                     }
                     out += '}';
                     ++count;
                 });
    return count;
}

QString alertObservationId(const QString &alertId)
{
    return stableUuid(QStringLiteral("alert-evidence/") + alertId);
}

QJsonObject alertObservation(const store::AlertRecord &alert, const QString &patientId,
                             const QStringList &responseIds)
{
    QJsonObject o{
        {kResourceType, QStringLiteral("Observation")},
        {kId, alertObservationId(alert.id)},
        {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("category"), surveyCategory()},
        {QStringLiteral("code"), codeableConcept(codeSystemUrl(kAlertsCodeSystem), alert.type)},
        {QStringLiteral("subject"), ref(QStringLiteral("Patient"), patientId)},
        {QStringLiteral("effectiveDateTime"), alert.createdAt},
        {QStringLiteral("valueCodeableConcept"),
         codeableConcept(codeSystemUrl(kAlertsCodeSystem),
                         QStringLiteral("severity-") + alert.severity)}};
    if (!alert.sessionId.isEmpty())
        o.insert(QStringLiteral("encounter"),
                 ref(QStringLiteral("Encounter"),
                     resourceId(QStringLiteral("session"), alert.sessionId)));
    QJsonArray extensions;
    if (!alert.respondent.isEmpty())
        extensions.append(ownCode(QStringLiteral("respondent"), alert.respondent));
    // The rule and its numbers as stored, without the card shown on screen: its headline
    // names the child.
    QJsonObject evidence = alert.evidence;
    evidence.remove(QStringLiteral("card"));
    extensions.append(
        extension(extensionUrl(QStringLiteral("alert-evidence")), QStringLiteral("valueString"),
                  QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact))));
    o.insert(kExtension, extensions);
    QJsonArray components;
    const QStringList keys = evidence.keys();
    for (const QString &key : keys) {
        const QJsonValue v = evidence.value(key);
        if (v.isDouble())
            components.append(
                QJsonObject{{QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), key}}},
                            {QStringLiteral("valueQuantity"),
                             QJsonObject{{QStringLiteral("value"), v.toDouble()}}}});
        else if (v.isString() && !v.toString().isEmpty())
            components.append(
                QJsonObject{{QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), key}}},
                            {QStringLiteral("valueString"), v.toString()}});
        else if (v.isBool())
            components.append(
                QJsonObject{{QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), key}}},
                            {QStringLiteral("valueBoolean"), v.toBool()}});
    }
    if (!components.isEmpty())
        o.insert(QStringLiteral("component"), components);
    QJsonArray derived;
    for (const QString &id : responseIds)
        derived.append(ref(QStringLiteral("QuestionnaireResponse"), id));
    if (!derived.isEmpty())
        o.insert(QStringLiteral("derivedFrom"), derived);
    return o;
}

QJsonObject alertFlag(const store::AlertRecord &alert, const QString &patientId)
{
    QJsonObject period{{QStringLiteral("start"), alert.createdAt}};
    if (!alert.acknowledgedAt.isEmpty())
        period.insert(QStringLiteral("end"), alert.acknowledgedAt);
    QJsonObject f{
        {kResourceType, QStringLiteral("Flag")},
        {kId, resourceId(QStringLiteral("alert"), alert.id)},
        {QStringLiteral("identifier"),
         QJsonArray{identifier(identifierSystem(QStringLiteral("alert")), alert.id)}},
        {QStringLiteral("status"),
         alert.acknowledgedAt.isEmpty() ? QStringLiteral("active") : QStringLiteral("inactive")},
        {QStringLiteral("category"),
         QJsonArray{
             codeableConcept(QStringLiteral("http://terminology.hl7.org/CodeSystem/flag-category"),
                             QStringLiteral("clinical"), QStringLiteral("Clinical"))}},
        {QStringLiteral("code"), codeableConcept(codeSystemUrl(kAlertsCodeSystem), alert.type)},
        {QStringLiteral("subject"), ref(QStringLiteral("Patient"), patientId)},
        {QStringLiteral("period"), period},
        {kExtension,
         QJsonArray{extension(kFlagDetail, QStringLiteral("valueReference"),
                              ref(QStringLiteral("Observation"), alertObservationId(alert.id))),
                    ownCode(QStringLiteral("alert-severity"), alert.severity)}}};
    if (!alert.sessionId.isEmpty())
        f.insert(QStringLiteral("encounter"),
                 ref(QStringLiteral("Encounter"),
                     resourceId(QStringLiteral("session"), alert.sessionId)));
    return f;
}

QJsonObject actionObservation(const store::ActionRecord &action, const store::AlertRecord &alert,
                              const QString &patientId)
{
    QJsonObject o{
        {kResourceType, QStringLiteral("Observation")},
        {kId, resourceId(QStringLiteral("action"), action.id)},
        {QStringLiteral("status"), QStringLiteral("final")},
        {QStringLiteral("code"), codeableConcept(codeSystemUrl(kActionsCodeSystem), action.action)},
        {QStringLiteral("subject"), ref(QStringLiteral("Patient"), patientId)},
        {QStringLiteral("effectiveDateTime"), action.at},
        {QStringLiteral("focus"),
         QJsonArray{ref(QStringLiteral("Flag"), resourceId(QStringLiteral("alert"), alert.id))}},
        {QStringLiteral("derivedFrom"),
         QJsonArray{ref(QStringLiteral("Observation"), alertObservationId(alert.id))}},
        {QStringLiteral("valueCodeableConcept"),
         codeableConcept(codeSystemUrl(kActionsCodeSystem), action.action)}};
    if (!action.staffId.isEmpty())
        o.insert(QStringLiteral("performer"),
                 QJsonArray{ref(QStringLiteral("Practitioner"),
                                resourceId(QStringLiteral("staff"), action.staffId))});
    return o;
}

QJsonObject codeSystemResource(const QString &name, const QString &title,
                               const QVector<QPair<QString, QString>> &concepts)
{
    QJsonArray list;
    for (const auto &c : concepts) {
        QJsonObject concept {{QStringLiteral("code"), c.first}};
        if (!c.second.isEmpty())
        concept.insert(QStringLiteral("display"), c.second);
        list.append(concept);
    }
    return {{kResourceType, QStringLiteral("CodeSystem")},
            {kId, name},
            {QStringLiteral("url"), codeSystemUrl(name)},
            {QStringLiteral("name"), title.simplified().remove(QLatin1Char(' '))},
            {QStringLiteral("title"), title},
            {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("caseSensitive"), true},
            {QStringLiteral("content"), QStringLiteral("complete")},
            {QStringLiteral("count"), int(list.size())},
            {QStringLiteral("concept"), list}};
}

} // namespace triad::interop::fhir
