#include "episodeopening.h"

#include "clinicsession.h"
#include "instrumentcatalog.h"

#include "core/store/database.h"

namespace triad::app {

EpisodeOpening readEpisode(store::Database &db, const crypto::FieldCipher &cipher,
                           store::AuditLog &audit, const InstrumentLibrary &library,
                           const insights::ClinicFigures *figures, const QString &episodeId,
                           const QString &physioId)
{
    EpisodeOpening out;
    const auto failed = [&] {
        EpisodeOpening failed;
        failed.error = db.lastError().message();
        return failed;
    };
    db.clearError();
    store::EpisodeRepository episodes(db, cipher, audit);
    const auto episode = episodes.get(episodeId);
    if (!episode)
        return failed();
    out.episode = *episode;
    if (!physioId.isEmpty() && episode->physioId != physioId) {
        out.forbidden = true;
        return out;
    }
    store::PatientRepository patients(db, cipher, audit);
    const auto patient = patients.get(episode->patientId);
    if (!patient)
        return failed();
    out.patient = *patient;

    insights::EpisodeInsights insights(db, cipher, audit, library);
    static const insights::ClinicFigures none;
    auto history = insights.history(episodeId, figures ? *figures : none);
    if (!history)
        return failed();
    out.reading.analysis = insights.analyze(*history);
    out.reading.history = std::move(*history);
    out.reading.figuresPending = !figures;
    // Whether a card is resolved, and what followed an action, come from the analysis against
    // the clinic's figures: none are read until those are ready, rather than a guess.
    if (figures) {
        store::AlertRepository alerts(db, cipher, audit);
        db.clearError();
        out.alerts = alerts.forEpisode(episodeId);
        if (db.lastError().isError())
            return failed();
        for (const store::AlertRecord &a : std::as_const(out.alerts)) {
            out.actions.insert(a.id, alerts.actions(a.id));
            if (db.lastError().isError())
                return failed();
        }
    }
    return out;
}

EpisodeSource workerSource(const insights::ClinicFigures *figures)
{
    ClinicSession *session = ClinicSession::instance();
    Q_ASSERT(session->workspace());
    return EpisodeSource{
        session->database().path(), session->database().rowKey(), session->workspace()->cipher,
        std::make_shared<const InstrumentLibrary>(InstrumentCatalog::instance()->library()),
        figures ? std::optional<insights::ClinicFigures>(*figures) : std::nullopt};
}

bool openForReading(store::Database &db, const EpisodeSource &source, QString *error)
{
    store::Database::Options options;
    options.mode = store::Database::OpenMode::ExistingOnly;
    options.checkIntegrity = false; // the app's own opening checks the file
    options.migrate = false;        // never written to from here
    if (!db.open(source.path, options) || !db.execSql(QStringLiteral("PRAGMA query_only = ON"))) {
        *error = db.lastError().message();
        return false;
    }
    db.setRowKey(source.rowKey);
    return true;
}

EpisodeOpening readEpisodeAt(const EpisodeSource &source, const QString &episodeId,
                             const QString &physioId)
{
    // No releaseFreedMemory() after: it trims the UI thread's malloc arena too, and the first
    // Back after a round (My patients read again) then took 25 ms longer, faulting it back in.
    store::Database db;
    EpisodeOpening out;
    if (!openForReading(db, source, &out.error))
        return out;
    store::AuditLog audit(db, {}, {}); // reads only: never appends
    return readEpisode(db, source.cipher, audit, *source.library,
                       source.figures ? &*source.figures : nullptr, episodeId, physioId);
}

} // namespace triad::app
