#pragma once
// Everything the episode screen shows, read from the store in one go: the episode, its
// patient, the reading (sessions, series, analysis; episodereading.h) and the stored alerts
// with what was done about them. Plain data, so it can be read on the UI thread's connection
// (EpisodeController::load) or on a worker's connection of its own (readEpisodeAt, for
// EpisodeController::open: the screen is up at once and fills in when this returns; at 2,000
// patients the read was 15-27 ms of the frame after the tap, docs/PERFORMANCE.md).

#include "episodereading.h"

#include "core/instrument/instrumentlibrary.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"

#include <memory>
#include <optional>

namespace triad::app {

struct EpisodeOpening
{
    store::Episode episode;
    store::Patient patient;
    EpisodeReading reading;
    // The stored alerts, newest first as AlertRepository::forEpisode gives them, and each
    // one's actions; none while the clinic figures are pending (reading.figuresPending).
    QVector<store::AlertRecord> alerts;
    QHash<QString, QVector<store::ActionRecord>> actions;
    // Why the episode could not be read (the store's message); empty when it was.
    QString error;
    // The episode is another physio's, and `physioId` was given: nothing else was read.
    bool forbidden = false;
};

// Reads with `db`'s connection. `figures` null: the clinic figures are not current yet, the
// reading is made without them and no alert is read. `physioId` not empty: only an episode of
// that physio is read (a physio sees their own patients; leads and admins pass none).
EpisodeOpening readEpisode(store::Database &db, const crypto::FieldCipher &cipher,
                           store::AuditLog &audit, const InstrumentLibrary &library,
                           const insights::ClinicFigures *figures, const QString &episodeId,
                           const QString &physioId = {});

// What a worker needs to read an episode on a read-only connection of its own: copies, so
// the UI thread may sign out or replace its figures meanwhile.
struct EpisodeSource
{
    QString path;               // the database file
    crypto::SecureBytes rowKey; // checks the rows' seals as the UI thread's connection does
    crypto::FieldCipher cipher;
    std::shared_ptr<const InstrumentLibrary> library;
    std::optional<insights::ClinicFigures> figures; // nullopt: not current yet
};

// The signed-in session's (ClinicSession: a workspace must be open) with copies of
// `figures` (null: not current yet) and of the catalog's library.
EpisodeSource workerSource(const insights::ClinicFigures *figures);

// Opens `db` read-only on source.path with source's row key, for a worker; false with *error.
bool openForReading(store::Database &db, const EpisodeSource &source, QString *error);

EpisodeOpening readEpisodeAt(const EpisodeSource &source, const QString &episodeId,
                             const QString &physioId = {});

} // namespace triad::app
