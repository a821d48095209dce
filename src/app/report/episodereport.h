#pragma once
// What the PDF episode report shows, read from the clinic database: clinic, patient
// (pseudonym code unless identified), episode, every session with each respondent's scores or
// why there are none, the alliance cards with the actions taken, and the form versions used.
// No GUI here: episodereportpdf.h draws it.

#include "core/crypto/vault.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/interop/interoperror.h"
#include "core/store/database.h"

#include <optional>
#include <QDate>
#include <QHash>

namespace triad::report {

struct ReportScores
{
    QString status; // "complete", "declined", or empty (nothing stored)
    std::optional<double> total;
    std::optional<double> core;
    std::optional<double> goal, task, bond;
};

struct ReportSession
{
    int index = 0; // 1-based
    QDate date;
    QString setting;
    QHash<QString, ReportScores> byRespondent; // "child", "parent", "physio"
};

struct ReportAction
{
    QString at;   // ISO 8601 UTC
    QString kind; // translated label
    QString by;   // staff display name
    QString note; // identified reports only
};

struct ReportCard
{
    int sessionIndex = 0;
    QString type;       // "rupture", "discrepancy"...
    QString severity;   // info, watch, concern
    QString respondent; // may be empty
    QString measure;
    QString text; // the prompt (identified) or a description without names
    QVector<ReportAction> actions;
};

struct ReportForm
{
    QString id;
    QString version;
    QString title;
};

struct EpisodeReport
{
    QString clinicName;
    bool identified = false;
    QString patientCode;
    QString patientName; // identified only
    QDate birthDate;     // identified only
    int ageAtStart = -1;
    QString episodeId;
    QString condition;
    QDate startDate;
    QDate endDate;
    QString physio;
    QVector<ReportSession> sessions;
    QVector<ReportCard> cards;
    QVector<ReportForm> forms;
    QString generatedAt; // ISO 8601 UTC
    QString generatedBy;

    // Reads the episode `episodeOrCode` names (an episode id, or a pseudonym code: that
    // patient's most recent episode). For an active lead or admin; audited ("export-pdf", or
    // "export-pdf-identified") before anything is returned.
    static std::optional<EpisodeReport> load(store::Database &db, const crypto::Vault &vault,
                                             const InstrumentLibrary &library,
                                             const QString &episodeOrCode, bool identified,
                                             interop::InteropError *error);
};

QString conditionWords(const QString &id);
QString respondentWords(const QString &id);

} // namespace triad::report
