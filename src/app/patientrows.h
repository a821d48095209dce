#pragma once
// The rows of "My patients" read from the store: who the signed-in member may see, each
// patient's open episode and its open act-today cards. Plain data, so it can be read on the
// UI thread's connection (PatientListModel::reload) or on a worker's connection of its own
// (readPatientRowsAt, for the list shown again after a round: at 2,000 patients the read
// blocked the first Back for 35-45 ms, docs/PERFORMANCE.md).

#include "episodeopening.h"

#include <QDate>

namespace triad::app {

struct PatientRow
{
    QString patientId;
    QString code;
    QString name;
    int age = -1;
    int openAlerts = 0; // open act-today (concern) cards of open episodes
    QString episodeId;
    int cardsToCheck = 0; // unacknowledged act-today cards waiting for the clinic figures
};

// Who reads, and with what figures.
struct PatientRowsFor
{
    QString staffId;  // the signed-in member
    bool all = false; // leads and admins see every patient
    QDate today;
    // Null: the clinic figures are not current yet (cards wait: cardsToCheck), or they
    // failed (figuresError says why; the cards then count as open).
    const insights::ClinicFigures *figures = nullptr;
    QString figuresError;
    // The rounds of the first this many rows with an open episode are read too (the rows the
    // list shows first), so their next step needs no query on the UI thread; the others are
    // read when shown (PatientListModel::nextActionOf).
    int roundsOfFirst = 0;
};

struct PatientRows
{
    QVector<PatientRow> rows;
    // By open episode id: the rounds read with the rows (PatientRowsFor::roundsOfFirst).
    QHash<QString, store::SessionRepository::RoundProgress> rounds;
    QString error; // the last store error met while reading, empty when none
};

// A copy sharing no memory with `rows`: rows read on a worker keep their strings in that
// thread's malloc arena, and 2,000 of them there kept 3.4 MiB of its freed pages from being
// handed back (the PSS with a form showing went over 80 MiB).
QVector<PatientRow> detached(const QVector<PatientRow> &rows);

// Reads with `db`'s connection.
PatientRows readPatientRows(store::Database &db, const crypto::FieldCipher &cipher,
                            store::AuditLog &audit, const InstrumentLibrary &library,
                            const PatientRowsFor &reader);

// Counts `row`'s open act-today cards over its patient's `episodes`, whose unacknowledged
// alerts (newest first) are `unacknowledged`, by episode id; an episode with such a card is
// read to see whether the repair rule resolved it. Sets *error when a read failed.
void countCards(store::Database &db, const crypto::FieldCipher &cipher, store::AuditLog &audit,
                const InstrumentLibrary &library, const PatientRowsFor &reader,
                const QVector<store::Episode> &episodes,
                const QHash<QString, QVector<store::AlertRecord>> &unacknowledged, PatientRow &row,
                QString *error);

// The same read on a read-only connection of its own (`source.figures` stand for
// reader.figures, which is ignored).
PatientRows readPatientRowsAt(const EpisodeSource &source, PatientRowsFor reader);

} // namespace triad::app
