#pragma once
// The dashboard's open act-today cards read from the store: every unacknowledged act-today
// card of an open episode (of the clinic, or of one physio) that the repair rule has not
// resolved. Plain data, so it can be read on the UI thread's connection (DashboardModel with
// Reading::Now) or on a worker's connection of its own (readClinicPartsAt: at 2,000 patients
// the cards and the item figures' check took 10-30 ms of the frame that showed the
// dashboard's figures, docs/PERFORMANCE.md).

#include "episodeopening.h"

#include <QDate>

#include <functional>

namespace triad::app {

struct OpenCard
{
    QString alertId;
    QString episodeId;
    QString patientCode;
    QString physioId;
    QString respondent;
    QString type;
    int sessionIndex = 0;
    qint64 daysOpen = 0;
};

struct OpenCards
{
    QVector<OpenCard> cards; // the longest open first, then by patient code
    // Why they could not be read (the store's message, worded by the caller); empty when read.
    QString error;
    // The clinic figures were not current and there were cards to check: whether a card is
    // resolved needs them, so none is given.
    bool pending = false;
};

// The clinic figures to judge the cards by, asked for at the first card that needs them:
// nullptr while they are not current (pending), with *error set when they failed.
using FiguresFor = std::function<const insights::ClinicFigures *(QString *error)>;

// Reads with `db`'s connection. `physioId` empty: every physio's cards (a lead or an admin),
// else only that physio's.
OpenCards readOpenCards(store::Database &db, const crypto::FieldCipher &cipher,
                        store::AuditLog &audit, const InstrumentLibrary &library,
                        const FiguresFor &figuresFor, const QDate &today, const QString &physioId);

// What the dashboard reads beside its figures, in one snapshot of a worker's own read-only
// connection: the complete responses' stamp (the item figures on show must have been worked
// out for it: ClinicSession::itemNormsFor) and the open cards, read only when
// `figuresStamp` (the stamp source.figures were worked out for) is that stamp; else pending.
struct ClinicParts
{
    QString completeStamp; // empty when it could not be read (error says why)
    OpenCards cards;
    QString error;
};
ClinicParts readClinicPartsAt(const EpisodeSource &source, const QString &figuresStamp,
                              const QDate &today, const QString &physioId);

} // namespace triad::app
