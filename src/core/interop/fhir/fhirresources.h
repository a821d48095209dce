#pragma once
// Clinic records as R4 resources, pseudonymised: a Patient is its pseudonym code (no name, no
// birth date), staff and guardians are identifiers only, free text leaves only when asked for,
// alert prompts and action notes never (they may name people). Pure functions: the export
// reads the database and the benchmark feeds them synthetic records.

#include "core/store/alertrepository.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"

#include <QJsonObject>
#include <QVector>

namespace triad::interop::fhir {

// The resource id of a stored row: its own UUID, or for rows of another shape a name-based
// UUID of `kind/id`.
QString resourceId(const QString &kind, const QString &rowId);
QString urn(const QString &resourceId);

QJsonObject patientResource(const store::Patient &patient);
QJsonObject practitionerResource(const QString &staffId);
// A guardian (identifier and relationship only), or when the parent's response names none,
// "a parent of the patient" with a stable id per patient.
QJsonObject relatedPersonResource(const store::Guardian &guardian, const QString &patientId);
QString unknownParentId(const QString &patientId);
QJsonObject episodeOfCareResource(const store::Episode &episode);
// `childAge`: the child's completed years on the session date (pseudonymous; an import rebuilds
// a birth date that gives the same age at every session), or -1 when unknown.
QJsonObject encounterResource(const store::Session &session, const store::Episode &episode,
                              int childAge = -1);

struct ResponseLinks
{
    QString patientId; // resource ids
    QString encounterId;
    QString authorType; // "Patient", "RelatedPerson", "Practitioner"
    QString authorId;
    QString handedOverBy; // Practitioner id, may be empty
};

// When the response was authored: completed, else last updated, else started.
QString authoredOf(const store::ResponseRecord &r);
// `instrument`: the form the response was answered on (nullptr when the library lacks that
// version: the answers are then written by their stored type).
QJsonObject responseResource(const store::StoredResponse &response, const Instrument *instrument,
                             const ResponseLinks &links, bool includeFreeText);
// A resource already serialised as compact JSON (for the hot path: a clinic's score
// Observations outnumber every other resource ten to one).
struct RawResource
{
    QString type;
    QString id;
    QByteArray json;
};

// Total, subscales, constructs (goal/task/bond), core and core constructs, each derivedFrom
// the response. Only complete responses have scores. Written straight to JSON bytes (the same
// document QJsonDocument would write, numbers in the shortest exact form) because building
// them as QJsonObjects made the export five times slower.
QVector<RawResource> scoreObservations(const store::StoredResponse &response,
                                       const ResponseLinks &links);
// The same Observations appended as Bundle entries, each ",\n{entry}" exactly as
// BundleWriter::addRaw writes it (a PUT request with `transaction`); returns how many.
int appendScoreEntries(QByteArray &out, const store::StoredResponse &response,
                       const ResponseLinks &links, bool transaction);
// The score code of a measure: "total", "core", "core-goal", "construct-goal", "subscale-<id>".
QString scoreCode(const QString &kind, const QString &id);

// An alert: an Observation holding its evidence (derivedFrom the responses it rests on) and a
// Flag pointing at it (flag-detail). Action log entries: Observations focused on the Flag.
QJsonObject alertObservation(const store::AlertRecord &alert, const QString &patientId,
                             const QStringList &responseIds);
QJsonObject alertFlag(const store::AlertRecord &alert, const QString &patientId);
QJsonObject actionObservation(const store::ActionRecord &action, const store::AlertRecord &alert,
                              const QString &patientId);
QString alertObservationId(const QString &alertId);

// The project's CodeSystems, listing every code the export used (and every known one).
QJsonObject codeSystemResource(const QString &name, const QString &title,
                               const QVector<QPair<QString, QString>> &concepts);

} // namespace triad::interop::fhir
