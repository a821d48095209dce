#include "schemasteps.h"

namespace triad::store::steps {

// v7: a parent or carer taken off a child's list (PatientRepository::removeGuardian). One who
// never answered a form is deleted outright; one who answered keeps the guardian row their
// responses point at (response.guardian_id), so those answers stay whole, scored and in the
// episode's history, and this table records that they are no longer listed or offered for a
// round, since when and by whom. A table of its own, not a column: a new column would change
// every guardian row's seal (rowseal.h), and a migration has no key to seal them again.
QStringList version7()
{
    return {
        QStringLiteral(
            "CREATE TABLE guardian_removal ("
            " guardian_id TEXT PRIMARY KEY REFERENCES guardian(id),"
            " removed_at TEXT NOT NULL CHECK (removed_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),"
            " removed_by TEXT NOT NULL REFERENCES staff(id))"),
    };
}

} // namespace triad::store::steps
