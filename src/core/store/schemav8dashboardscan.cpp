#include "schemasteps.h"

namespace triad::store::steps {

// v8: the dashboard's scan reads a narrow copy of the facts. The fact rows keep their source's
// uuid (response_id or skip_id, about 40 of their 60-odd bytes), which the scan never reads but
// has to page through: a million facts filled some 16,000 pages. This index holds the five
// scanned columns only, in id order (so the dashboard sees the facts in exactly the order the
// table gives them, and its results do not move by a bit), about a third of the pages; SQLite
// scans it instead of the table because it covers the query (docs/PERFORMANCE.md, "Dashboard from
// the database"). An index, not a new table: its entries are not rows, so the row seals
// (schema v6) are untouched and a migration, which runs before anyone signs in and so has no key,
// has nothing to seal. The price is one more index entry per fact written.
QStringList version8()
{
    return {
        QStringLiteral("CREATE INDEX dashboard_fact_scan ON dashboard_fact"
                       "(id, episode, session, day, outcome, total)"),
    };
}

} // namespace triad::store::steps
