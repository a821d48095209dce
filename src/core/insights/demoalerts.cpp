#include "demoalerts.h"

#include "episodeinsights.h"

namespace triad::insights {

std::optional<store::DemoSummary> createDemoClinicWithAlerts(store::Database &db,
                                                             const InstrumentLibrary &library,
                                                             crypto::Vault &vault,
                                                             const store::DemoOptions &options)
{
    auto summary = store::DemoClinic::create(db, library, vault, options);
    if (!summary)
        return std::nullopt;

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

    for (const QString &episodeId : episodeIds) {
        const auto history = insights.history(episodeId, *figures);
        if (!history)
            return std::nullopt;
        const EpisodeAnalysis analysis = insights.analyze(*history);
        for (int session = 1; session <= history->sessions.size(); ++session)
            if (!insights.recordNewAlerts(*history, analysis, session))
                return std::nullopt;
    }
    return summary;
}

} // namespace triad::insights
