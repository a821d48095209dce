#pragma once
// Who answers in an end-of-session round and on which form: the child (form chosen by the
// child's age on the session date), the parent and the physio. Kept apart from RoundFlow so
// the rules (age bands, skip reasons and how they are stored) are plain functions.

#include "core/instrument/instrumentlibrary.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"

#include <QDate>
#include <QVariantMap>
#include <QVector>

namespace triad::app {

struct PlanEntry
{
    Respondent respondent = Respondent::Child;
    QString instrumentId; // empty when no form fits (see problem)
    QString instrumentTitle;
    QString name;                               // first name shown at hand-over
    QString status = QStringLiteral("pending"); // pending, done, skipped, declined
    QString problem;                            // why this respondent cannot answer as planned
    QString reason;                             // the skip reason id, once skipped
    QString responseId;                         // the stored response, once started
    QString instrumentVersion;                  // the stored response's form version, once started

    QVariantMap toMap() const;
};

struct Round
{
    QString episodeId;
    QString sessionId;
    QString patientId;
    QDate sessionDate;
    QDate birthDate;
    QString childName;  // first name
    QString parentName; // first name of the first guardian, may be empty
    QString guardianId; // the first guardian, stored with the parent's response
    QString physioName;
    QVector<PlanEntry> plan;
};

QString firstName(const QString &fullName);

// Plans child -> parent -> physio for the round; `instrumentSet` may name other parent or
// physio forms for the episode ({"parent": id, "physio": id}).
QVector<PlanEntry> planRound(const InstrumentLibrary &library, const Round &round,
                             const QHash<QString, QString> &instrumentSet);

// The round of one session: who is asked, with which form (the child's by age on the
// session date), and the names the screens use. Used to start a round and to resume one.
Round roundFor(store::PatientRepository &patients, const store::Episode &episode,
               const store::Patient &patient, const store::Session &session,
               const QString &physioName, const InstrumentLibrary &library);

// Skip reasons the screens offer, as [{id, label}].
QVariantList skipReasonList();
bool isSkipReason(const QString &id);
// The translated label of a stored skip reason ("Absent"); "" for "".
QString skipReasonLabel(const QString &id);
// The store's decline reason for a skip reason given by or for a respondent.
QString storedDeclineReason(const QString &skipReason, Respondent respondent);
// The skip reason shown again for a stored decline reason.
QString skipReasonFromStored(const QString &declineReason);

} // namespace triad::app
