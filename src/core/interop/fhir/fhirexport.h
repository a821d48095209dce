#pragma once
// The whole clinic as one FHIR R4 Bundle (collection, or transaction for a FHIR server):
// Questionnaires, CodeSystems, Patients by pseudonym, Practitioners and RelatedPersons as
// identifiers, EpisodeOfCare and Encounter per episode and session, QuestionnaireResponses,
// score Observations, alert Flags with their evidence Observations, and logged actions.
// Written through QSaveFile: the file appears complete or not at all; audited; lead or admin.

#include "core/crypto/vault.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/interop/interoperror.h"
#include "core/store/database.h"

#include <functional>

namespace triad::interop::fhir {

struct ExportOptions
{
    bool transaction = false;
    bool includeFreeText = false; // free-text answers may name people: off unless asked for
    // Called after each patient with (done, total); returning false cancels, leaving no file.
    std::function<bool(int, int)> progress;
};

struct ExportReport
{
    QString file;
    int patients = 0;
    int episodes = 0;
    int sessions = 0;
    int responses = 0;
    int observations = 0; // scores
    int alerts = 0;
    int actions = 0;
    qint64 entries = 0;
};

class FhirExport
{
public:
    static bool write(store::Database &db, const crypto::Vault &vault,
                      const InstrumentLibrary &library, const QString &file,
                      const ExportOptions &options, ExportReport *report, InteropError *error);
};

} // namespace triad::interop::fhir
