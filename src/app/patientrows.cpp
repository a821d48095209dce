#include "patientrows.h"

#include "core/insights/cardstate.h"
#include "core/store/database.h"

namespace triad::app {

void countCards(store::Database &db, const crypto::FieldCipher &cipher, store::AuditLog &audit,
                const InstrumentLibrary &library, const PatientRowsFor &reader,
                const QVector<store::Episode> &episodes,
                const QHash<QString, QVector<store::AlertRecord>> &unacknowledged, PatientRow &row,
                QString *error)
{
    row.openAlerts = 0;
    row.cardsToCheck = 0;
    // "Needs attention" only for open act-today cards: notes and keep-an-eye cards are on the
    // episode screen, never a badge here, and a card the repair already resolved (the score
    // came back) is not one to act on today (issue 8). The episode is read only when it has
    // an unacknowledged act-today card.
    for (const auto &e : episodes) {
        if (!e.isOpen())
            continue;
        const auto candidates = insights::unacknowledgedActToday(unacknowledged.value(e.id));
        if (candidates.isEmpty())
            continue;
        if (!reader.figures && reader.figuresError.isEmpty()) {
            row.cardsToCheck += int(candidates.size());
            continue;
        }
        insights::EpisodeInsights insights(db, cipher, audit, library);
        const auto history =
            reader.figures ? insights.history(e.id, *reader.figures) : std::nullopt;
        if (!history) {
            // Counted rather than hidden: a card that cannot be checked stays open.
            *error = reader.figures ? db.lastError().message() : reader.figuresError;
            row.openAlerts += int(candidates.size());
            continue;
        }
        row.openAlerts += int(
            insights::openActTodayCards(candidates, *history, insights.analyze(*history)).size());
    }
}

PatientRows readPatientRows(store::Database &db, const crypto::FieldCipher &cipher,
                            store::AuditLog &audit, const InstrumentLibrary &library,
                            const PatientRowsFor &reader)
{
    PatientRows out;
    db.clearError(); // lastError() is not cleared by a success
    store::PatientRepository patientRepo(db, cipher, audit);
    const auto patients = patientRepo.list();
    if (db.lastError().isError())
        out.error = db.lastError().message();
    // Every episode and unacknowledged alert in two reads, not two per patient (issue 12: the
    // list is read again at the first Back after a round); the rounds of a row when it is
    // shown (PatientListModel::nextActionOf).
    db.clearError();
    store::EpisodeRepository episodeRepo(db, cipher, audit);
    QHash<QString, QVector<store::Episode>> episodesOf;
    for (const store::Episode &e : episodeRepo.all())
        episodesOf[e.patientId] << e;
    if (db.lastError().isError())
        out.error = db.lastError().message();
    db.clearError();
    store::AlertRepository alertRepo(db, cipher, audit);
    QHash<QString, QVector<store::AlertRecord>> unacknowledged;
    for (const store::AlertRecord &a : alertRepo.unacknowledgedConcernsInOpenEpisodes())
        unacknowledged[a.episodeId] << a;
    if (db.lastError().isError())
        out.error = db.lastError().message();
    for (const auto &p : patients) {
        const QVector<store::Episode> episodes = episodesOf.value(p.id);
        bool mine = p.createdBy == reader.staffId;
        const store::Episode *open = nullptr;
        for (const auto &e : episodes) {
            mine = mine || e.physioId == reader.staffId;
            if (e.isOpen() && (!open || e.startDate > open->startDate))
                open = &e;
        }
        if (!reader.all && !mine)
            continue;
        PatientRow row;
        row.patientId = p.id;
        row.code = p.code;
        row.name = p.name;
        row.age = InstrumentLibrary::ageOn(p.birthDate, reader.today);
        row.episodeId = open ? open->id : QString();
        countCards(db, cipher, audit, library, reader, episodes, unacknowledged, row, &out.error);
        out.rows << row;
    }
    store::SessionRepository sessions(db, audit);
    int asked = 0;
    for (const PatientRow &row : out.rows) {
        if (asked >= reader.roundsOfFirst)
            break;
        if (row.episodeId.isEmpty())
            continue;
        ++asked;
        // Not kept when it fails: read again, and the failure named, when the row is shown.
        if (const auto progress = sessions.roundProgress(row.episodeId))
            out.rounds.insert(row.episodeId, *progress);
    }
    return out;
}

QVector<PatientRow> detached(const QVector<PatientRow> &rows)
{
    QVector<PatientRow> out;
    out.reserve(rows.size());
    for (const PatientRow &r : rows)
        out.append({insights::detachedText(r.patientId), insights::detachedText(r.code),
                    insights::detachedText(r.name), r.age, r.openAlerts,
                    insights::detachedText(r.episodeId), r.cardsToCheck});
    return out;
}

PatientRows readPatientRowsAt(const EpisodeSource &source, PatientRowsFor reader)
{
    store::Database db;
    PatientRows out;
    if (!openForReading(db, source, &out.error))
        return out;
    store::AuditLog audit(db, {}, {}); // reads only: never appends
    reader.figures = source.figures ? &*source.figures : nullptr;
    return readPatientRows(db, source.cipher, audit, *source.library, reader);
}

} // namespace triad::app
