#include "figuressnapshot.h"

#include "completeresponses.h"

#include "core/store/freedmemory.h"

namespace triad::insights {

FiguresSnapshot computeFigures(store::Database &db, const InstrumentLibrary &library)
{
    FiguresSnapshot out;
    // A deferred read transaction: from its first read on, every statement sees the same
    // snapshot of the WAL, whatever the other connection commits meanwhile.
    if (!db.execSql(QStringLiteral("BEGIN"))) {
        out.error = db.lastError().message();
        return out;
    }
    const auto stamp = completeResponsesStamp(db);
    if (stamp) {
        out.stamp = *stamp;
        out.clinic = ClinicFigures::load(db, library);
        if (out.clinic)
            out.items = ItemNorms::load(db, library);
    }
    if (!stamp || !out.clinic || !out.items) {
        out.error = db.lastError().message();
        out.clinic.reset();
        out.items.reset();
    }
    db.execSql(QStringLiteral("COMMIT"));
    return out;
}

FiguresSnapshot computeFiguresAt(const QString &path, const InstrumentLibrary &library)
{
    FiguresSnapshot out;
    {
        store::Database db;
        store::Database::Options options;
        options.mode = store::Database::OpenMode::ExistingOnly;
        options.checkIntegrity = false; // the app's own opening checks the file
        options.migrate = false;        // never written to from here
        if (!db.open(path, options)) {
            out.error = db.lastError().message();
            return out;
        }
        if (!db.execSql(QStringLiteral("PRAGMA query_only = ON"))) {
            out.error = db.lastError().message();
            return out;
        }
        out = computeFigures(db, library);
        // Its page cache goes with the connection; the rows read are freed by now.
    }
    store::releaseFreedMemory();
    return out;
}

} // namespace triad::insights
