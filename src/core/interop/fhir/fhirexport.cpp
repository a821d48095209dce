#include "fhirexport.h"

#include "fhirbundlewriter.h"
#include "fhirclinicreader.h"
#include "fhirentrypipeline.h"
#include "fhirquestionnaire.h"
#include "fhirresources.h"
#include "fhirvocabulary.h"

#include "core/alliance/action.h"
#include "core/alliance/alert.h"
#include "core/crypto/fieldcipher.h"
#include "core/store/auditlog.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/staffrepository.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace triad::interop::fhir {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::FhirExport", text);
}

bool fail(InteropError *error, InteropErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}

// The codes every export lists, plus those of the instruments and records it holds.
struct Codes
{
    QVector<QPair<QString, QString>> scores{
        {QStringLiteral("total"), QStringLiteral("Total")},
        {QStringLiteral("core"), QStringLiteral("Triad core")},
        {QStringLiteral("core-goal"), QStringLiteral("Triad core: goal")},
        {QStringLiteral("core-task"), QStringLiteral("Triad core: task")},
        {QStringLiteral("core-bond"), QStringLiteral("Triad core: bond")},
        {QStringLiteral("raw"), QStringLiteral("Raw score on the form's own scale")},
        {QStringLiteral("answered"), QStringLiteral("Items answered")},
        {QStringLiteral("item-count"), QStringLiteral("Items in the score")},
        {QStringLiteral("prorated"), QStringLiteral("Prorated for missing answers")}};
    QSet<QString> scoreCodes;
    QStringList alerts;
    QStringList actions;

    Codes()
    {
        for (const auto &c : scores)
            scoreCodes.insert(c.first);
        for (const QString &c : {QStringLiteral("goal"), QStringLiteral("task"),
                                 QStringLiteral("bond"), QStringLiteral("voice")})
            addScore(scoreCode(QStringLiteral("construct"), c), QStringLiteral("Construct ") + c);
        for (const AlertType t : allAlertTypes())
            alerts << alertTypeId(t);
        for (const QString &s :
             {QStringLiteral("info"), QStringLiteral("watch"), QStringLiteral("concern")})
            alerts << QStringLiteral("severity-") + s;
        for (const ActionKind k : allActionKinds())
            actions << actionKindId(k);
    }
    void addScore(const QString &code, const QString &display)
    {
        if (!scoreCodes.contains(code)) {
            scoreCodes.insert(code);
            scores.append({code, display});
        }
    }
    static QVector<QPair<QString, QString>> plain(QStringList codes)
    {
        codes.removeDuplicates();
        QVector<QPair<QString, QString>> out;
        for (const QString &c : codes)
            out.append({c, c});
        return out;
    }
};

bool mayExport(store::Database &db, const crypto::Vault &vault, InteropError *error)
{
    if (!vault.isUnlocked())
        return fail(error, InteropErrorKind::Store, tr("Sign in first."));
    store::StaffRepository staff(db);
    const auto member = staff.get(vault.staffId());
    if (!member || !member->active ||
        (member->role != store::StaffRole::Admin && member->role != store::StaffRole::Lead))
        return fail(error, InteropErrorKind::Store,
                    tr("Only the clinic lead or an admin may export the clinic's data."));
    return true;
}

} // namespace

bool FhirExport::write(store::Database &db, const crypto::Vault &vault,
                       const InstrumentLibrary &library, const QString &file,
                       const ExportOptions &options, ExportReport *report, InteropError *error)
{
    if (!mayExport(db, vault, error))
        return false;
    const QFileInfo target(file);
    if (target.exists() || target.isSymLink())
        return fail(error, InteropErrorKind::Invalid,
                    tr("%1 already exists; choose a new file name (an export never overwrites a "
                       "file).")
                        .arg(QDir::toNativeSeparators(file)));
    if (!target.absoluteDir().exists())
        return fail(error, InteropErrorKind::Io,
                    tr("The folder of %1 does not exist.").arg(QDir::toNativeSeparators(file)));

    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::PatientRepository patients(db, cipher, audit);
    store::EpisodeRepository episodes(db, cipher, audit);

    QSaveFile out(file);
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly))
        return fail(
            error, InteropErrorKind::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
    // Pseudonymised is not anonymous: only the user who exported may read the file.
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    ExportReport r;
    r.file = target.absoluteFilePath();
    BundleWriter bundle(
        out, options.transaction ? BundleWriter::Type::Transaction : BundleWriter::Type::Collection,
        store::nowUtc());
    // Responses are formatted on worker threads; every entry is written in the order added.
    EntryPipeline entries(bundle, options.transaction);
    const auto add = [&](const QJsonObject &resource) {
        entries.add(resource, urn(resource.value(QStringLiteral("id")).toString()));
    };
    const auto storeFailure = [&]() {
        out.cancelWriting();
        // A field that does not decrypt, or a query that failed, is named by the row or the
        // query (ids only, never personal data), so it can be found with "triad-cli verify".
        const store::StoreError &e = db.lastError();
        const bool named = e.kind != store::StoreErrorKind::Tampered && !e.detail.isEmpty();
        return fail(
            error, InteropErrorKind::Store,
            named ? tr("Reading the clinic's records failed: %1 (%2)").arg(e.message(), e.detail)
                  : tr("Reading the clinic's records failed: %1").arg(e.message()));
    };

    Codes codes;
    QVector<Instrument> forms = library.instruments();
    forms += library.archived();
    for (const Instrument &form : forms) {
        add(QJsonObject(questionnaireResource(form)));
        for (const Subscale &s : form.subscales)
            codes.addScore(scoreCode(QStringLiteral("subscale"), s.id),
                           QStringLiteral("Subscale ") + s.id);
    }

    db.clearError();
    // Each episode's sessions, responses and alerts through statements prepared once.
    ClinicReader reader(db, cipher);
    if (!reader.ok())
        return storeFailure();
    QVector<store::Patient> all = patients.list();
    if (db.lastError().kind != store::StoreErrorKind::None)
        return storeFailure();
    std::sort(all.begin(), all.end(),
              [](const store::Patient &a, const store::Patient &b) { return a.code < b.code; });
    QSet<QString> practitioners;
    const auto addPractitioner = [&](const QString &staffId) {
        if (staffId.isEmpty() || practitioners.contains(staffId))
            return;
        practitioners.insert(staffId);
        add(practitionerResource(staffId));
    };

    QVector<store::Session> list;
    QVector<store::StoredResponse> stored;
    QVector<store::AlertRecord> raised;
    QVector<store::ActionRecord> logged;
    for (int p = 0; p < all.size(); ++p) {
        const store::Patient &patient = all.at(p);
        // One snapshot per patient, ended before the progress callback (it may let the app
        // write).
        if (!reader.beginRead())
            return storeFailure();
        const QString patientId = resourceId(QStringLiteral("patient"), patient.id);
        add(patientResource(patient));
        ++r.patients;
        // A guardian or an episode that does not decrypt stops the export (named in the error).
        db.clearError();
        const QVector<store::Guardian> guardians = patients.guardians(patient.id);
        const QVector<store::Episode> patientEpisodes = episodes.forPatient(patient.id);
        if (db.lastError().kind != store::StoreErrorKind::None)
            return storeFailure();
        for (const store::Guardian &g : guardians)
            add(relatedPersonResource(g, patient.id));
        bool unknownParentWritten = false;

        for (const store::Episode &episode : patientEpisodes) {
            addPractitioner(episode.physioId);
            add(episodeOfCareResource(episode));
            ++r.episodes;
            if (!reader.sessions(episode.id, list))
                return storeFailure();
            for (const store::Session &s : list) {
                addPractitioner(s.physioId);
                add(encounterResource(s, episode,
                                      InstrumentLibrary::ageOn(patient.birthDate, s.date)));
                ++r.sessions;
            }
            if (!reader.responses(episode.id, stored))
                return storeFailure();
            QHash<QString, QStringList> bySession; // session -> response ids, for alerts
            QHash<QString, QString> respondentOf;
            for (const store::StoredResponse &response : stored) {
                const store::ResponseRecord &rec = response.record;
                ResponseLinks links;
                links.patientId = patientId;
                links.encounterId = resourceId(QStringLiteral("session"), rec.sessionId);
                if (rec.respondent == Respondent::Child) {
                    links.authorType = QStringLiteral("Patient");
                    links.authorId = patientId;
                } else if (rec.respondent == Respondent::Parent) {
                    links.authorType = QStringLiteral("RelatedPerson");
                    if (!rec.guardianId.isEmpty()) {
                        links.authorId = resourceId(QStringLiteral("guardian"), rec.guardianId);
                    } else {
                        links.authorId = unknownParentId(patient.id);
                        if (!unknownParentWritten) {
                            add(relatedPersonResource(store::Guardian(), patient.id));
                            unknownParentWritten = true;
                        }
                    }
                } else {
                    links.authorType = QStringLiteral("Practitioner");
                    const QString physio = rec.staffId.isEmpty() ? episode.physioId : rec.staffId;
                    addPractitioner(physio);
                    links.authorId = resourceId(QStringLiteral("staff"), physio);
                }
                if (!rec.staffId.isEmpty()) {
                    addPractitioner(rec.staffId);
                    links.handedOverBy = resourceId(QStringLiteral("staff"), rec.staffId);
                }
                const Instrument *form = library.find(rec.instrumentId, rec.instrumentVersion);
                entries.addResponse(response, form, links, options.includeFreeText);
                ++r.responses;
                const QString id = resourceId(QStringLiteral("response"), rec.id);
                bySession[rec.sessionId] << id;
                respondentOf.insert(id, respondentId(rec.respondent));
            }

            if (!reader.alerts(episode.id, raised))
                return storeFailure();
            std::reverse(raised.begin(), raised.end()); // oldest first
            for (const store::AlertRecord &alert : raised) {
                QStringList evidence;
                for (const QString &id : bySession.value(alert.sessionId))
                    if (alert.respondent.isEmpty() || respondentOf.value(id) == alert.respondent)
                        evidence << id;
                codes.alerts << alert.type;
                add(alertObservation(alert, patientId, evidence));
                add(alertFlag(alert, patientId));
                ++r.alerts;
                if (!reader.actions(alert.id, logged))
                    return storeFailure();
                for (const store::ActionRecord &action : logged) {
                    addPractitioner(action.staffId);
                    codes.actions << action.action;
                    add(actionObservation(action, alert, patientId));
                    ++r.actions;
                }
            }
        }
        reader.endRead();
        if (options.progress && !options.progress(p + 1, int(all.size()))) {
            out.cancelWriting();
            return fail(error, InteropErrorKind::Invalid,
                        tr("The export was cancelled; no file was written."));
        }
    }

    add(codeSystemResource(kScoresCodeSystem, QStringLiteral("Triad scores"), codes.scores));
    add(codeSystemResource(kAlertsCodeSystem, QStringLiteral("Triad alerts"),
                           Codes::plain(codes.alerts)));
    add(codeSystemResource(kActionsCodeSystem, QStringLiteral("Triad actions"),
                           Codes::plain(codes.actions)));
    const bool written = entries.finish() && bundle.finish();
    r.observations = int(entries.observations());
    r.entries = bundle.entries();
    if (!written || out.error() != QFileDevice::NoError || !out.commit())
        return fail(
            error, InteropErrorKind::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));

    // The audit log keeps that an export happened and what it held (counts only).
    const QJsonObject summary{{QStringLiteral("format"), QStringLiteral("fhir-r4")},
                              {QStringLiteral("transaction"), options.transaction},
                              {QStringLiteral("freeText"), options.includeFreeText},
                              {QStringLiteral("patients"), r.patients},
                              {QStringLiteral("responses"), r.responses}};
    store::Transaction tx(db);
    if (!tx.begin() ||
        !audit.append(QStringLiteral("export-fhir"), QStringLiteral("clinic"), QStringLiteral("1"),
                      {}, QJsonDocument(summary).toJson(QJsonDocument::Compact)) ||
        !tx.commit()) {
        QFile::remove(file);
        return fail(error, InteropErrorKind::Store,
                    tr("The export could not be recorded in the audit log, so it was removed: %1")
                        .arg(db.lastError().message()));
    }
    audit.publishHead();
    if (report)
        *report = r;
    return true;
}

} // namespace triad::interop::fhir
