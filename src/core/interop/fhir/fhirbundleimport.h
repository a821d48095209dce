#pragma once
// A FHIR R4 Bundle of QuestionnaireResponses (as `export fhir` writes it) into a clinic: its
// Patients by pseudonym code, episodes and sessions by the identifiers the export wrote (kept
// as their ids), created when missing; each response answered again through the same store
// code the tablet uses (draft, then complete or decline, at the response's own times, so
// scores and the "too fast" check are as they were), in session order; then every touched
// episode's cards, session by session, as the end of a round stores them.
//
// The whole Bundle is checked first: any problem (listed with its JSON path) and nothing is
// written. Then everything is written in one transaction (Database::beginBatch): a store
// failure or a cancel midway rolls all of it back, audit entries included, so the clinic is
// exactly as it was. Importing the same Bundle again changes nothing: existing patients, episodes
// and sessions are reused, a session's respondent who already has a final response is skipped, and
// the cards are stored only once.

#include "core/crypto/vault.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/instrumentloader.h"
#include "core/store/database.h"

#include <functional>

namespace triad::interop::fhir {

struct BundleImportReport
{
    int patientsCreated = 0;
    int patientsFound = 0;
    int episodesCreated = 0;
    int sessionsCreated = 0;
    int responsesImported = 0;
    int responsesAlreadyThere = 0;
    int alertsRaised = 0;
    QVector<LoadProblem> problems; // the Bundle's: nothing was written
    QString storeError;            // the store refused midway: nothing was written
    bool cancelled = false;        // the progress callback said stop: nothing was written

    bool ok() const { return problems.isEmpty() && storeError.isEmpty() && !cancelled; }
};

struct BundleImportOptions
{
    // Called with (done, total) after each patient, episode, session, response and episode
    // carded once the Bundle has been checked (total is their sum, known before the first
    // call); returning false cancels: the one transaction is rolled back and nothing stays.
    std::function<bool(qint64, qint64)> progress;
};

class FhirBundleImport
{
public:
    // Lead or admin. `fileName` names the file in problems.
    static BundleImportReport run(store::Database &db, const crypto::Vault &vault,
                                  const InstrumentLibrary &library, const QByteArray &json,
                                  const QString &fileName, const BundleImportOptions &options = {});
};

} // namespace triad::interop::fhir
