#pragma once
// The research export (issue 11): a new folder inside the chosen one holding
//   responses_wide.csv  one row per response with every score and answer
//   answers_long.csv    one row per answer
//   codebook.csv, codebook.md, read_wide.R, labels.sps
// Pseudonymised by default (pseudonym code, age in years at the session; no names, no birth
// dates; free text only when asked). For an active lead or admin; every export is audited
// before anything is written ("export-csv", or "export-csv-identified" for an identified one).
// The folder appears complete or not at all (ExportFolder); a cancel or an error leaves
// nothing.

#include "researchdata.h"

#include "core/crypto/vault.h"
#include "core/interop/interoperror.h"

namespace triad::interop::csv {

struct ResearchOptions
{
    QString parentFolder; // an existing folder; the export is a new folder inside it
    bool identified = false;
    bool freeText = false;
    Progress progress; // (done, total); false cancels
};

struct ResearchReport
{
    QString folder; // the export's folder (absolute)
    QStringList files;
    qint64 responses = 0;
    qint64 answers = 0;
    bool cancelled = false;
};

class ResearchExport
{
public:
    static const QStringList &fileNames();
    // True when the signed-in member may export (active lead or admin); else the message.
    static bool mayExport(store::Database &db, const crypto::Vault &vault, InteropError *error);
    static bool write(store::Database &db, const crypto::Vault &vault,
                      const InstrumentLibrary &library, const ResearchOptions &options,
                      ResearchReport *report, InteropError *error);
};

} // namespace triad::interop::csv
