#include "schemasteps.h"

namespace triad::store::steps {

// v6: row seals (rowseal.h, docs/SECURITY.md "Row seals"). Only the two tables: the seals are
// MACs under a key derived from the data key, which a migration does not have (it runs when
// the database is opened, before anyone signs in). The first sign-in with the key after this
// step seals every row and records a "seal-rows" audit entry (Clinic::finishSignIn); until
// then verify says the rows are not sealed yet. A database without that entry and without a
// register is one that was never sealed; one with the entry and no register had its seals
// removed, which is reported as tampering.
QStringList version6()
{
    return {
        QStringLiteral("CREATE TABLE row_seal ("
                       " table_name TEXT NOT NULL,"
                       " row_key TEXT NOT NULL,"
                       " mac BLOB NOT NULL,"
                       " cells BLOB NOT NULL,"
                       " PRIMARY KEY (table_name, row_key)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE row_seal_register ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1),"
                       " row_count INTEGER NOT NULL,"
                       " xor_mac BLOB NOT NULL,"
                       " check_mac BLOB NOT NULL)"),
    };
}

} // namespace triad::store::steps
