#include "figuressnapshot.h"

#include "completeresponses.h"

#include "dashboardfacts.h"

#include "core/store/freedmemory.h"

#include <sqlite3.h>

namespace triad::insights {

FiguresSnapshot computeFigures(store::Database &db, const InstrumentLibrary &library,
                               bool withItemNorms)
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
        if (out.clinic && withItemNorms)
            out.items = ItemNorms::load(db, library);
    }
    if (!stamp || !out.clinic || (withItemNorms && !out.items)) {
        out.error = db.lastError().message();
        out.clinic.reset();
        out.items.reset();
    }
    db.execSql(QStringLiteral("COMMIT"));
    return out;
}

namespace {
// SQLite calls it every kCancelSteps virtual-machine steps; non-zero interrupts the statement.
int cancelled(void *flag)
{
    return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0;
}
constexpr int kCancelSteps = 4000;
} // namespace

FiguresSnapshot computeFiguresAt(const QString &path, const InstrumentLibrary &library,
                                 const std::atomic_bool *cancel, bool withItemNorms)
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
        sqlite3 *handle = sqliteHandle(db);
        if (cancel && handle)
            sqlite3_progress_handler(handle, kCancelSteps, &cancelled,
                                     const_cast<std::atomic_bool *>(cancel));
        out = computeFigures(db, library, withItemNorms);
        if (cancel && handle)
            sqlite3_progress_handler(handle, 0, nullptr, nullptr);
        // Never figures from a read cut short, whatever a loader made of its rows.
        if (cancel && cancel->load()) {
            out = FiguresSnapshot{};
            out.error = QStringLiteral("the clinic figures were interrupted (the app is closing)");
        }
        // Its page cache goes with the connection; the rows read are freed by now.
    }
    store::releaseFreedMemory();
    return out;
}

} // namespace triad::insights
