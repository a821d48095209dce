#include "schemasteps.h"

namespace triad::store::steps {

// v9: the clinic figures read every complete response's answers and scores in response id
// order, after each sign-in and each round. The answer and score rows are keyed by (response,
// item) and (response, kind, score) but the values sit in the table rows, which lie in the order
// they were written: SQLite looked each row up by rowid, a random read for every one of 600,000
// answers and 690,000 scores at 2,000 patients (perf: a third of the figures' time in
// sqlite3BtreeTableMoveto and the page copies behind it). These indexes carry the values the
// figures read beside the key, so SQLite reads them in key order without the tables
// (docs/PERFORMANCE.md, fifteenth pass). Indexes, not tables: their entries are not rows, so
// the row seals (v6) are untouched and the migration, which has no key, has nothing to seal.
// The price: about 17 % more file (90 MB at 2,000 patients) and one more index entry per answer
// and per score written.
QStringList version9()
{
    return {
        QStringLiteral("CREATE INDEX answer_values ON answer"
                       "(response_id, item_id, value_kind, value_num)"),
        QStringLiteral("CREATE INDEX score_values ON score"
                       "(response_id, kind, score_id, scorable, normalised)"),
    };
}

} // namespace triad::store::steps
