#include "demoalerts.h"

#include "episodeinsights.h"

namespace triad::insights {

std::optional<store::DemoSummary> createDemoClinicWithAlerts(store::Database &db,
                                                             const InstrumentLibrary &library,
                                                             crypto::Vault &vault,
                                                             const store::DemoOptions &options)
{
    // The alerts are one more unit of work per episode (one episode per patient) on the
    // progress the store reports.
    store::DemoOptions storeOptions = options;
    const int alertUnits = options.patients;
    int storeTotal = 0;
    if (options.progress)
        storeOptions.progress = [&](const store::DemoProgress &p) {
            storeTotal = p.total;
            store::DemoProgress whole = p;
            whole.total += alertUnits;
            options.progress(whole);
        };
    auto summary = store::DemoClinic::create(db, library, vault, storeOptions);
    if (!summary)
        return std::nullopt;
    const auto report = [&](int episodesDone, int episodeCount) {
        if (options.progress)
            options.progress({QStringLiteral("alerts"), episodesDone, episodeCount,
                              storeTotal + episodesDone, storeTotal + alertUnits});
    };

    const auto figures = ClinicFigures::load(db, library);
    if (!figures)
        return std::nullopt;
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    EpisodeInsights insights(db, cipher, audit, library);

    QSqlQuery q = db.query();
    if (!db.prepare(q, QStringLiteral("SELECT id FROM episode ORDER BY start_date, id")) ||
        !db.exec(q))
        return std::nullopt;
    QStringList episodeIds;
    while (q.next())
        episodeIds << q.value(0).toString();
    q.finish();

    // One commit for every alert of the demo (Database::beginBatch), as for its sessions.
    if (!db.beginBatch())
        return std::nullopt;
    report(0, int(episodeIds.size()));
    int episodesDone = 0;
    for (const QString &episodeId : episodeIds) {
        const auto history = insights.history(episodeId, *figures);
        const auto analysis = history ? std::optional(insights.analyze(*history)) : std::nullopt;
        bool ok = bool(history);
        for (int session = 1; ok && session <= history->sessions.size(); ++session)
            ok = insights.recordNewAlerts(*history, *analysis, session).has_value();
        if (!ok) {
            db.rollbackBatch();
            return std::nullopt;
        }
        report(++episodesDone, int(episodeIds.size()));
    }
    if (!db.commitBatch())
        return std::nullopt;
    audit.publishHead();
    return summary;
}

} // namespace triad::insights
