#include "fhirbundleimport.h"

#include "fhirvocabulary.h"

#include "core/crypto/fieldcipher.h"
#include "core/insights/clinicfigures.h"
#include "core/insights/episodeinsights.h"
#include "core/instrument/strictjson.h"
#include "core/store/auditlog.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/pseudonym.h"
#include "core/store/responserepository.h"
#include "core/store/schema.h"
#include "core/store/staffrepository.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace triad::interop::fhir {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::FhirBundleImport", text);
}

const QString kOwn = kBase + QStringLiteral("/StructureDefinition/");

struct InPatient
{
    QString fullUrl, code, path;
    QDate birthLow, birthHigh; // the birthday window every session's age allows
    bool hasAge = false;
};

struct InGuardian
{
    QString fullUrl, patientUrl, relationship;
};

struct InEpisode
{
    QString fullUrl, id, patientUrl, condition, path;
    QDate start, end;
    QJsonObject instrumentSet;
};

struct InSession
{
    QString fullUrl, id, episodeUrl, setting, path;
    QDate date;
};

struct InResponse
{
    QString path, encounterUrl, guardianUrl, language, declineReason;
    const Instrument *form = nullptr;
    bool complete = true;
    QDateTime started, authored;
    Answers answers;
};

QString ownName(const QJsonObject &e)
{
    const QString url = e.value(QStringLiteral("url")).toString();
    return url.startsWith(kOwn) ? url.mid(kOwn.size()) : QString();
}

QJsonValue ownValue(const QJsonObject &resource, const QString &name, const QString &key)
{
    for (const QJsonValue &e : resource.value(QStringLiteral("extension")).toArray())
        if (ownName(e.toObject()) == name)
            return e.toObject().value(key);
    return {};
}

QString identifierValue(const QJsonValue &identifiers, const QString &system)
{
    const QJsonArray list = identifiers.isArray() ? identifiers.toArray() : QJsonArray{identifiers};
    for (const QJsonValue &i : list)
        if (i.toObject().value(QStringLiteral("system")).toString() == identifierSystem(system))
            return i.toObject().value(QStringLiteral("value")).toString();
    return {};
}

QString referenceOf(const QJsonValue &v)
{
    return v.toObject().value(QStringLiteral("reference")).toString();
}

QString relationshipFrom(const QString &roleCode)
{
    if (roleCode == QLatin1String("MTH"))
        return QStringLiteral("mother");
    if (roleCode == QLatin1String("FTH"))
        return QStringLiteral("father");
    if (roleCode == QLatin1String("GUARD"))
        return QStringLiteral("carer");
    return QStringLiteral("other");
}

class Reader
{
public:
    Reader(QString file, const InstrumentLibrary &library)
        : m_file(std::move(file))
        , m_library(library)
    {}

    void read(const QJsonObject &root);

    QVector<LoadProblem> problems;
    QHash<QString, InPatient> patients; // by fullUrl
    QHash<QString, InGuardian> guardians;
    QHash<QString, InEpisode> episodes;
    QHash<QString, InSession> sessions;
    QVector<InResponse> responses;

private:
    void problem(const QString &path, const QString &message)
    {
        problems.append({m_file, path, message});
    }
    void readPatient(const QJsonObject &r, const QString &url, const QString &path);
    void readEpisode(const QJsonObject &r, const QString &url, const QString &path);
    void readSession(const QJsonObject &r, const QString &url, const QString &path);
    void readResponse(const QJsonObject &r, const QString &path);
    std::optional<QVariant> answerValue(const Instrument &form, const Item &item,
                                        const QJsonObject &entry, const QString &path);

    QString m_file;
    const InstrumentLibrary &m_library;
};

void Reader::read(const QJsonObject &root)
{
    if (root.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
        problem(QStringLiteral("resourceType"), tr("must be \"Bundle\""));
        return;
    }
    const QString type = root.value(QStringLiteral("type")).toString();
    if (type != QLatin1String("collection") && type != QLatin1String("transaction"))
        problem(QStringLiteral("type"), tr("must be \"collection\" or \"transaction\""));
    if (!root.value(QStringLiteral("entry")).isArray()) {
        problem(QStringLiteral("entry"), tr("missing: a Bundle needs its entries"));
        return;
    }
    const QJsonArray entries = root.value(QStringLiteral("entry")).toArray();
    QVector<QPair<QJsonObject, QString>> questionnaireResponses;
    QSet<QString> urls;
    for (int i = 0; i < entries.size(); ++i) {
        const QString path = QStringLiteral("entry[%1]").arg(i);
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject r = entry.value(QStringLiteral("resource")).toObject();
        const QString url = entry.value(QStringLiteral("fullUrl")).toString();
        if (!entries.at(i).isObject() || r.isEmpty()) {
            problem(path, tr("an entry needs a resource"));
            continue;
        }
        const QString rpath = path + QStringLiteral(".resource");
        const QString rtype = r.value(QStringLiteral("resourceType")).toString();
        const bool referenced =
            rtype == QLatin1String("Patient") || rtype == QLatin1String("RelatedPerson") ||
            rtype == QLatin1String("EpisodeOfCare") || rtype == QLatin1String("Encounter");
        if (referenced && url.isEmpty()) {
            problem(path + QStringLiteral(".fullUrl"), tr("missing: other entries refer to it"));
            continue;
        }
        if (referenced && urls.contains(url)) {
            problem(path + QStringLiteral(".fullUrl"), tr("an earlier entry has the same fullUrl"));
            continue;
        }
        urls.insert(url);
        if (rtype == QLatin1String("Patient"))
            readPatient(r, url, rpath);
        else if (rtype == QLatin1String("RelatedPerson")) {
            const QJsonObject code = r.value(QStringLiteral("relationship"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("coding"))
                                         .toArray()
                                         .at(0)
                                         .toObject();
            guardians.insert(url,
                             {url, referenceOf(r.value(QStringLiteral("patient"))),
                              relationshipFrom(code.value(QStringLiteral("code")).toString())});
        } else if (rtype == QLatin1String("EpisodeOfCare"))
            readEpisode(r, url, rpath);
        else if (rtype == QLatin1String("Encounter"))
            readSession(r, url, rpath);
        else if (rtype == QLatin1String("QuestionnaireResponse"))
            questionnaireResponses.append({r, rpath});
        else if (rtype.isEmpty())
            problem(rpath + QStringLiteral(".resourceType"), tr("missing"));
        // Questionnaires, Observations, Flags...: Triad computes scores and cards itself.
    }
    for (const auto &[r, path] : questionnaireResponses)
        readResponse(r, path);
    // Every reference resolves.
    for (const InEpisode &e : episodes)
        if (!patients.contains(e.patientUrl))
            problem(e.path + QStringLiteral(".patient"), tr("refers to no Patient of the Bundle"));
    for (const InSession &s : sessions)
        if (!episodes.contains(s.episodeUrl))
            problem(s.path + QStringLiteral(".episodeOfCare"),
                    tr("refers to no EpisodeOfCare of the Bundle"));
    for (const InPatient &p : patients)
        if (!p.hasAge)
            problem(p.path, tr("no Encounter of this patient gives the child's age (Triad's "
                               "child-age extension): Triad needs it to choose forms and norms"));
        else if (p.birthLow > p.birthHigh)
            problem(p.path, tr("the child's ages at the sessions contradict each other"));
}

void Reader::readPatient(const QJsonObject &r, const QString &url, const QString &path)
{
    const QString code =
        identifierValue(r.value(QStringLiteral("identifier")), QStringLiteral("pseudonym"));
    if (code.isEmpty() || store::normalisePseudonymCode(code) != code) {
        problem(path + QStringLiteral(".identifier"),
                tr("a Patient needs its pseudonym code (system %1)")
                    .arg(identifierSystem(QStringLiteral("pseudonym"))));
        return;
    }
    InPatient p;
    p.fullUrl = url;
    p.code = code;
    p.path = path;
    p.birthLow = QDate(1, 1, 1);
    p.birthHigh = QDate(9999, 12, 31);
    patients.insert(url, p);
}

void Reader::readEpisode(const QJsonObject &r, const QString &url, const QString &path)
{
    InEpisode e;
    e.fullUrl = url;
    e.path = path;
    e.id = identifierValue(r.value(QStringLiteral("identifier")), QStringLiteral("episode"));
    if (QUuid(e.id).isNull())
        problem(path + QStringLiteral(".identifier"),
                tr("an episode needs its identifier (a UUID)"));
    e.patientUrl = referenceOf(r.value(QStringLiteral("patient")));
    const QJsonObject period = r.value(QStringLiteral("period")).toObject();
    e.start = QDate::fromString(period.value(QStringLiteral("start")).toString(), Qt::ISODate);
    e.end = QDate::fromString(period.value(QStringLiteral("end")).toString(), Qt::ISODate);
    if (!e.start.isValid())
        problem(path + QStringLiteral(".period.start"), tr("missing or not a date"));
    e.condition =
        ownValue(r, QStringLiteral("condition-category"), QStringLiteral("valueCode")).toString();
    if (!store::conditionCategories().contains(e.condition))
        problem(path + QStringLiteral(".extension"),
                tr("the condition category must be one of: %1")
                    .arg(store::conditionCategories().join(QStringLiteral(", "))));
    for (const QJsonValue &v : r.value(QStringLiteral("extension")).toArray()) {
        if (ownName(v.toObject()) != QLatin1String("instrument-set"))
            continue;
        QString who, form;
        for (const QJsonValue &part : v.toObject().value(QStringLiteral("extension")).toArray()) {
            if (ownName(part.toObject()) == QLatin1String("respondent"))
                who = part.toObject().value(QStringLiteral("valueCode")).toString();
            else if (ownName(part.toObject()) == QLatin1String("form"))
                form = part.toObject().value(QStringLiteral("valueString")).toString();
        }
        if (!who.isEmpty())
            e.instrumentSet.insert(who, form);
    }
    episodes.insert(url, e);
}

void Reader::readSession(const QJsonObject &r, const QString &url, const QString &path)
{
    InSession s;
    s.fullUrl = url;
    s.path = path;
    s.id = identifierValue(r.value(QStringLiteral("identifier")), QStringLiteral("session"));
    if (QUuid(s.id).isNull())
        problem(path + QStringLiteral(".identifier"),
                tr("a session needs its identifier (a UUID)"));
    s.episodeUrl = referenceOf(r.value(QStringLiteral("episodeOfCare")).toArray().at(0));
    s.date = QDate::fromString(r.value(QStringLiteral("period"))
                                   .toObject()
                                   .value(QStringLiteral("start"))
                                   .toString()
                                   .left(10),
                               Qt::ISODate);
    if (!s.date.isValid())
        problem(path + QStringLiteral(".period.start"), tr("missing or not a date"));
    s.setting =
        ownValue(r, QStringLiteral("session-setting"), QStringLiteral("valueCode")).toString();
    if (s.setting.isEmpty())
        s.setting = QStringLiteral("clinic");
    if (!store::sessionSettings().contains(s.setting))
        problem(path + QStringLiteral(".extension"),
                tr("the session setting must be one of: %1")
                    .arg(store::sessionSettings().join(QStringLiteral(", "))));
    const QJsonValue age = ownValue(r, QStringLiteral("child-age"), QStringLiteral("valueInteger"));
    const QString patientUrl = referenceOf(r.value(QStringLiteral("subject")));
    if (!age.isUndefined()) {
        if (!age.isDouble() || age.toInt() < 0 || age.toInt() > 30 ||
            !patients.contains(patientUrl)) {
            problem(path + QStringLiteral(".extension"),
                    tr("the child's age must be a whole number of years, on an Encounter whose "
                       "subject is a Patient listed before it"));
        } else if (s.date.isValid()) {
            // Born after (date - age - 1 years) and on or before (date - age years).
            InPatient &p = patients[patientUrl];
            p.hasAge = true;
            p.birthLow = std::max(p.birthLow, s.date.addYears(-age.toInt() - 1).addDays(1));
            p.birthHigh = std::min(p.birthHigh, s.date.addYears(-age.toInt()));
        }
    }
    sessions.insert(url, s);
}

std::optional<QVariant> Reader::answerValue(const Instrument &form, const Item &item,
                                            const QJsonObject &entry, const QString &path)
{
    const ResponseFormat *format = form.format(item.formatId);
    const QJsonObject answer = entry.value(QStringLiteral("answer")).toArray().at(0).toObject();
    if (answer.isEmpty()) {
        for (const QJsonValue &e : entry.value(QStringLiteral("extension")).toArray())
            if (ownName(e.toObject()) == QLatin1String("not-applicable") && format &&
                format->notApplicable)
                return format->kind == FormatKind::Slider ? QVariant(double(notApplicableValue))
                                                          : QVariant(notApplicableValue);
        problem(path + QStringLiteral(".answer"), tr("missing: an item needs its answer"));
        return std::nullopt;
    }
    QVariant value;
    if (!format) {
        problem(path, tr("the form has no answer format for this item"));
        return std::nullopt;
    }
    switch (format->kind) {
    case FormatKind::Likert:
    case FormatKind::Faces:
    case FormatKind::YesNo: {
        const QString code = answer.value(QStringLiteral("valueCoding"))
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString();
        bool isNumber = false;
        const int n = code.toInt(&isNumber);
        if (code == kNotApplicableCode)
            value = notApplicableValue;
        else if (!isNumber)
            break;
        else if (format->kind == FormatKind::YesNo)
            value = n == 1;
        else
            value = n;
        break;
    }
    case FormatKind::Slider:
        if (answer.value(QStringLiteral("valueDecimal")).isDouble())
            value = answer.value(QStringLiteral("valueDecimal")).toDouble();
        break;
    case FormatKind::FreeText:
        if (answer.value(QStringLiteral("valueString")).isString())
            value = answer.value(QStringLiteral("valueString")).toString();
        break;
    }
    const QString problemText = value.isValid() ? Answers::problemWith(form, item.id, value)
                                                : tr("not an answer this item takes");
    if (!problemText.isEmpty()) {
        problem(path + QStringLiteral(".answer[0]"), problemText);
        return std::nullopt;
    }
    return value;
}

void Reader::readResponse(const QJsonObject &r, const QString &path)
{
    InResponse out;
    out.path = path;
    const QString canonical = r.value(QStringLiteral("questionnaire")).toString();
    const QString prefix = questionnaireUrl(QString());
    const QString id = canonical.section(QLatin1Char('|'), 0, 0).mid(prefix.size());
    const QString version = canonical.section(QLatin1Char('|'), 1);
    if (!canonical.startsWith(prefix) || id.isEmpty() || version.isEmpty()) {
        problem(path + QStringLiteral(".questionnaire"),
                tr("must be a Triad form's canonical URL with its version (%1<form>|<version>)")
                    .arg(prefix));
        return;
    }
    out.form = m_library.find(id, version);
    if (!out.form) {
        problem(path + QStringLiteral(".questionnaire"),
                tr("this clinic has no form %1 version %2").arg(id, version));
        return;
    }
    const QString status = r.value(QStringLiteral("status")).toString();
    out.complete = status == QLatin1String("completed") || status == QLatin1String("amended");
    if (!out.complete && status != QLatin1String("stopped")) {
        problem(path + QStringLiteral(".status"),
                tr("only completed, amended and stopped (declined) responses can be imported"));
        return;
    }
    if (!out.complete) {
        out.declineReason =
            ownValue(r, QStringLiteral("decline-reason"), QStringLiteral("valueCode")).toString();
        if (!store::declineReasons().contains(out.declineReason))
            problem(path + QStringLiteral(".extension"),
                    tr("a declined response needs its reason, one of: %1")
                        .arg(store::declineReasons().join(QStringLiteral(", "))));
    }
    const QString respondent =
        ownValue(r, QStringLiteral("respondent"), QStringLiteral("valueCode")).toString();
    if (!respondent.isEmpty() && respondent != respondentId(out.form->respondent))
        problem(path + QStringLiteral(".extension"),
                tr("the respondent %1 does not answer the form %2").arg(respondent, id));
    out.encounterUrl = referenceOf(r.value(QStringLiteral("encounter")));
    if (!sessions.contains(out.encounterUrl))
        problem(path + QStringLiteral(".encounter"), tr("refers to no Encounter of the Bundle"));
    if (out.form->respondent == Respondent::Parent) {
        out.guardianUrl = referenceOf(r.value(QStringLiteral("author")));
        if (!guardians.contains(out.guardianUrl))
            out.guardianUrl.clear();
    }
    out.language = r.value(QStringLiteral("language")).toString();
    if (out.language.isEmpty())
        out.language = out.form->languages.value(0);
    out.authored =
        QDateTime::fromString(r.value(QStringLiteral("authored")).toString(), Qt::ISODateWithMs);
    out.started = QDateTime::fromString(
        ownValue(r, QStringLiteral("started"), QStringLiteral("valueDateTime")).toString(),
        Qt::ISODateWithMs);
    if (!out.authored.isValid())
        problem(path + QStringLiteral(".authored"), tr("missing or not a date and time"));
    if (!out.started.isValid())
        out.started = out.authored;
    const QJsonArray items = r.value(QStringLiteral("item")).toArray();
    for (int i = 0; i < items.size(); ++i) {
        const QString ipath = path + QStringLiteral(".item[%1]").arg(i);
        const QJsonObject entry = items.at(i).toObject();
        const QString linkId = entry.value(QStringLiteral("linkId")).toString();
        const Item *item = out.form->item(linkId);
        if (!item) {
            problem(ipath + QStringLiteral(".linkId"),
                    tr("\"%1\" is not a question of %2 %3").arg(linkId, id, version));
            continue;
        }
        if (out.answers.has(linkId)) {
            problem(ipath + QStringLiteral(".linkId"), tr("answered twice"));
            continue;
        }
        if (const auto value = answerValue(*out.form, *item, entry, ipath))
            out.answers.set(linkId, *value);
    }
    responses.append(out);
}

} // namespace

BundleImportReport FhirBundleImport::run(store::Database &db, const crypto::Vault &vault,
                                         const InstrumentLibrary &library, const QByteArray &json,
                                         const QString &fileName,
                                         const BundleImportOptions &options)
{
    BundleImportReport report;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        report.problems.append({fileName, QString(),
                                tr("not valid JSON: %1 at byte %2")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)});
        return report;
    }
    if (const auto defect = findJsonDefect(json)) {
        report.problems.append({fileName, defect->path, defect->message});
        return report;
    }
    Reader reader(fileName, library);
    reader.read(doc.object());
    if (!reader.problems.isEmpty()) {
        report.problems = reader.problems;
        return report;
    }

    store::StaffRepository staff(db);
    const auto member = staff.get(vault.staffId());
    if (!vault.isUnlocked() || !member || !member->active ||
        (member->role != store::StaffRole::Admin && member->role != store::StaffRole::Lead)) {
        report.storeError = tr("Only the clinic lead or an admin may import a Bundle.");
        return report;
    }
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::PatientRepository patients(db, cipher, audit);
    store::EpisodeRepository episodes(db, cipher, audit);
    store::SessionRepository sessions(db, audit);
    store::ResponseRepository responses(db, cipher, audit);
    // One transaction for the whole import: every repository's Transaction joins the batch,
    // and any return before commitBatch() rolls everything back (audit entries too).
    if (!db.beginBatch()) {
        report.storeError = tr("starting the import: %1").arg(db.lastError().message());
        return report;
    }
    struct BatchGuard
    {
        store::Database &db;
        ~BatchGuard() { db.rollbackBatch(); }
    } guard{db};
    // What was counted is not what stays: a rolled-back import reports no rows.
    const auto nothingStays = [&] {
        const QVector<LoadProblem> problems = report.problems;
        const QString storeError = report.storeError;
        const bool cancelled = report.cancelled;
        report = BundleImportReport();
        report.problems = problems;
        report.storeError = storeError;
        report.cancelled = cancelled;
        return report;
    };
    const auto fail = [&](const QString &what) {
        report.storeError = QStringLiteral("%1: %2").arg(what, db.lastError().message());
        return nothingStays();
    };
    const qint64 total = qint64(reader.patients.size()) + reader.episodes.size() +
                         reader.sessions.size() + reader.responses.size() + reader.episodes.size();
    qint64 done = 0;
    // False once the caller asked to stop.
    const auto step = [&] {
        ++done;
        if (!options.progress || options.progress(done, total))
            return true;
        report.cancelled = true;
        return false;
    };

    // Patients by pseudonym code; guardians of new patients.
    QHash<QString, QString> patientId;  // fullUrl -> local id
    QHash<QString, QString> guardianId; // fullUrl -> local id
    for (const InPatient &p : reader.patients) {
        db.clearError();
        auto found = patients.findByCode(p.code);
        if (!found && db.lastError().isError() &&
            db.lastError().kind != store::StoreErrorKind::NotFound)
            return fail(tr("finding patient %1").arg(p.code));
        if (found) {
            ++report.patientsFound;
        } else {
            // The latest birth date every session's age allows.
            found = patients.create(p.code, p.birthHigh,
                                    tr("Imported from a pseudonymised FHIR Bundle."), p.code);
            if (!found)
                return fail(tr("adding patient %1").arg(p.code));
            ++report.patientsCreated;
        }
        patientId.insert(p.fullUrl, found->id);
        QVector<store::Guardian> known = patients.guardians(found->id);
        int n = 0;
        for (const InGuardian &g : reader.guardians) {
            if (g.patientUrl != p.fullUrl)
                continue;
            ++n;
            const store::Guardian *match = nullptr;
            for (const store::Guardian &k : known)
                if (k.relationship == g.relationship)
                    match = &k;
            if (!match) {
                const auto added = patients.addGuardian(
                    found->id, tr("Guardian %1 of %2").arg(n).arg(p.code), g.relationship);
                if (!added)
                    return fail(tr("adding a guardian of %1").arg(p.code));
                known.append(*added);
                match = &known.last();
            }
            guardianId.insert(g.fullUrl, match->id);
        }
        if (!step())
            return nothingStays();
    }

    // Episodes and sessions by their identifiers; unknown practitioners become the importer.
    const auto physioFor = [&](const QString &) { return member->id; };
    QHash<QString, QString> episodeIdOf;
    QSet<QString> touched;
    QVector<InEpisode> episodeList = reader.episodes.values().toVector();
    std::sort(episodeList.begin(), episodeList.end(), [](const InEpisode &a, const InEpisode &b) {
        return a.start != b.start ? a.start < b.start : a.id < b.id;
    });
    for (const InEpisode &e : episodeList) {
        db.clearError();
        if (!episodes.get(e.id)) {
            store::Episode created;
            created.id = e.id;
            created.patientId = patientId.value(e.patientUrl);
            created.physioId = physioFor(QString());
            created.condition = e.condition;
            created.instrumentSet = e.instrumentSet;
            created.startDate = e.start;
            if (!episodes.create(created))
                return fail(tr("adding an episode"));
            ++report.episodesCreated;
        }
        episodeIdOf.insert(e.fullUrl, e.id);
        if (!step())
            return nothingStays();
    }
    QVector<InSession> sessionList = reader.sessions.values().toVector();
    std::sort(sessionList.begin(), sessionList.end(), [](const InSession &a, const InSession &b) {
        return a.date != b.date ? a.date < b.date : a.id < b.id;
    });
    for (const InSession &s : sessionList) {
        db.clearError();
        if (!sessions.get(s.id)) {
            if (!sessions.create(episodeIdOf.value(s.episodeUrl), physioFor(QString()), s.date,
                                 s.setting, s.id))
                return fail(tr("adding a session"));
            ++report.sessionsCreated;
        }
        touched.insert(episodeIdOf.value(s.episodeUrl));
        if (!step())
            return nothingStays();
    }

    // Responses in session order, each as the tablet stores it, at its own times.
    QVector<InResponse> ordered = reader.responses;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const InResponse &a, const InResponse &b) {
        const InSession &sa = reader.sessions[a.encounterUrl];
        const InSession &sb = reader.sessions[b.encounterUrl];
        if (sa.date != sb.date)
            return sa.date < sb.date;
        return a.started < b.started;
    });
    for (const InResponse &r : ordered) {
        const QString sessionId = reader.sessions.value(r.encounterUrl).id;
        bool already = false;
        for (const store::StoredResponse &s : responses.forSession(sessionId))
            already = already || (s.record.respondent == r.form->respondent &&
                                  s.record.status != store::ResponseStatus::Draft);
        if (already) {
            ++report.responsesAlreadyThere;
            if (!step())
                return nothingStays();
            continue;
        }
        store::SyntheticClock clock(r.started.toUTC());
        const auto draft = responses.startDraft(sessionId, r.form->respondent, *r.form, r.language,
                                                guardianId.value(r.guardianUrl));
        if (!draft)
            return fail(tr("starting a response"));
        clock.set(r.authored.toUTC());
        if (r.complete ? !responses.complete(draft->id, *r.form, r.answers)
                       : !responses.decline(draft->id, r.declineReason))
            return fail(tr("storing a response"));
        ++report.responsesImported;
        if (!step())
            return nothingStays();
    }
    for (const InEpisode &e : episodeList)
        if (e.end.isValid()) {
            const auto stored = episodes.get(e.id);
            if (stored && stored->isOpen() && !episodes.close(e.id, e.end))
                return fail(tr("closing an episode"));
        }

    // Cards, session by session, as each round's end stores them.
    const auto figures = insights::ClinicFigures::load(db, library);
    if (!figures)
        return fail(tr("reading the clinic's figures"));
    insights::EpisodeInsights insights(db, cipher, audit, library);
    for (const InEpisode &e : episodeList) {
        if (!step())
            return nothingStays();
        if (!touched.contains(e.id))
            continue;
        const auto history = insights.history(e.id, *figures);
        if (!history)
            return fail(tr("reading an episode"));
        const EpisodeAnalysis analysis = insights.analyze(*history);
        for (int s = 1; s <= history->sessions.size(); ++s) {
            const auto raised = insights.recordNewAlerts(*history, analysis, s);
            if (!raised)
                return fail(tr("storing cards"));
            report.alertsRaised += int(raised->size());
        }
    }
    if (!db.commitBatch())
        return fail(tr("saving the import"));
    // Committed: the audit log's head file follows (a failure here loses nothing).
    audit.publishHead();
    return report;
}

} // namespace triad::interop::fhir
