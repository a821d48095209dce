#include "opencards.h"

#include "core/insights/cardstate.h"
#include "core/insights/completeresponses.h"
#include "core/store/database.h"

#include <algorithm>

namespace triad::app {

OpenCards readOpenCards(store::Database &db, const crypto::FieldCipher &cipher,
                        store::AuditLog &audit, const InstrumentLibrary &library,
                        const FiguresFor &figuresFor, const QDate &today, const QString &physioId)
{
    OpenCards out;
    const auto failed = [&] {
        OpenCards failed;
        failed.error = db.lastError().message();
        return failed;
    };
    db.clearError(); // lastError() is not cleared by a success
    // The unacknowledged act-today cards of every open episode in one read; only their
    // episodes and patients are read after it. Listing every patient decrypted every name
    // (20-34 ms at 2,000 patients), and every patient's episodes and alerts were read one by
    // one.
    store::AlertRepository alerts(db, cipher, audit);
    const QVector<store::AlertRecord> stored = alerts.unacknowledgedConcernsInOpenEpisodes();
    if (db.lastError().isError())
        return failed();
    QHash<QString, QVector<store::AlertRecord>> byEpisode; // newest first, as stored
    for (const store::AlertRecord &a : insights::unacknowledgedActToday(stored))
        byEpisode[a.episodeId] << a;
    QStringList episodeIds = byEpisode.keys();
    std::sort(episodeIds.begin(), episodeIds.end()); // a fixed order, never the hash's
    store::EpisodeRepository episodes(db, cipher, audit);
    store::PatientRepository patients(db, cipher, audit);
    insights::EpisodeInsights insights(db, cipher, audit, library);
    const insights::ClinicFigures *figures = nullptr;
    for (const QString &episodeId : std::as_const(episodeIds)) {
        const auto e = episodes.get(episodeId);
        if (!e)
            return failed();
        if (!e->isOpen() || (!physioId.isEmpty() && e->physioId != physioId))
            continue;
        const auto p = patients.get(e->patientId);
        if (!p)
            return failed();
        // Only an episode with an unacknowledged act-today card is read, to leave out the
        // cards the repair already resolved; that needs the clinic figures.
        if (!figures) {
            OpenCards waiting;
            figures = figuresFor(&waiting.error);
            if (!figures) {
                waiting.pending = waiting.error.isEmpty();
                return waiting;
            }
        }
        const auto history = insights.history(e->id, *figures);
        if (!history)
            return failed();
        for (const store::AlertRecord &a : insights::openActTodayCards(
                 byEpisode.value(episodeId), *history, insights.analyze(*history))) {
            const int index = history->indexOf(a.sessionId);
            const QDate raised = index > 0 ? history->sessions.at(index - 1).session.date
                                           : QDateTime::fromString(a.createdAt, Qt::ISODate).date();
            out.cards << OpenCard{
                a.id,         e->id,
                p->code,      e->physioId,
                a.respondent, a.type,
                index,        raised.isValid() ? qMax(qint64(0), raised.daysTo(today)) : qint64(0)};
        }
    }
    std::sort(out.cards.begin(), out.cards.end(), [](const OpenCard &a, const OpenCard &b) {
        return a.daysOpen != b.daysOpen ? a.daysOpen > b.daysOpen : a.patientCode < b.patientCode;
    });
    return out;
}

ClinicParts readClinicPartsAt(const EpisodeSource &source, const QString &figuresStamp,
                              const QDate &today, const QString &physioId)
{
    ClinicParts out;
    store::Database db;
    if (!openForReading(db, source, &out.error))
        return out;
    // One snapshot: the cards are read against figures worked out for the responses the stamp
    // names, and a round saved meanwhile changes neither.
    if (!db.execSql(QStringLiteral("BEGIN"))) {
        out.error = db.lastError().message();
        return out;
    }
    const auto stamp = insights::completeResponsesStamp(db);
    if (!stamp) {
        out.error = db.lastError().message();
    } else {
        out.completeStamp = *stamp;
        const bool current = source.figures && !figuresStamp.isEmpty() && figuresStamp == *stamp;
        store::AuditLog audit(db, {}, {}); // reads only: never appends
        const insights::ClinicFigures *figures = current ? &*source.figures : nullptr;
        out.cards = readOpenCards(
            db, source.cipher, audit, *source.library, [figures](QString *) { return figures; },
            today, physioId);
    }
    db.execSql(QStringLiteral("COMMIT"));
    return out;
}

} // namespace triad::app
