#pragma once
// Everything the research export writes, read from the clinic database in a few streaming
// queries (sqlite3 C API): final responses that no complete correction replaced, their
// answers and scores, with the person, episode and session they belong to. Birth dates are
// decrypted only to compute ages; names and free text only when asked for.

#include "researchcolumns.h"

#include "core/crypto/fieldcipher.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/store/database.h"

#include <functional>
#include <QDate>

namespace triad::interop::csv {

struct ResearchPatient
{
    QByteArray code;
    QString name;    // identified exports only
    QDate birthDate; // for ages; written only in identified exports
};

struct ResearchSession
{
    int patient = -1;
    QByteArray episodeId;
    QByteArray condition;
    QByteArray episodeStart;
    QByteArray id;
    int number = 0; // 1-based within the episode
    QByteArray date;
    QByteArray setting;
    int ageYears = -1;
};

struct ResearchAnswer
{
    int column = -1;
    double number = 0;
    QString text; // free text (only with --free-text)
};

struct ResearchScore
{
    int column = -1;
    double value = 0; // NaN when not scorable
};

struct ResearchResponse
{
    QByteArray id;
    int session = -1;
    QByteArray respondent;
    QByteArray relationship;
    QByteArray instrumentId;
    QByteArray instrumentVersion;
    QByteArray language;
    QByteArray status;
    QByteArray declineReason;
    QByteArray supersedes;
    QByteArray completedAt;
    const Instrument *instrument = nullptr; // nullptr when the library lacks that version
    int firstAnswer = 0;
    int answerCount = 0;
    int firstScore = 0;
    int scoreCount = 0;
};

// Called with (done, total) now and then; returning false cancels.
using Progress = std::function<bool(qint64 done, qint64 total)>;

struct ResearchData
{
    QVector<ResearchPatient> patients;
    QVector<ResearchSession> sessions;
    QVector<ResearchResponse> responses;
    QVector<ResearchAnswer> answers;
    QVector<ResearchScore> scores;
    QVector<const Instrument *> used; // forms found in the data, library order
};

// Reads the data; `columns` is created once the forms used are known. False with the store's
// error in db.lastError(), or with *cancelled set when `progress` said stop.
bool loadResearchData(store::Database &db, const crypto::FieldCipher &cipher,
                      const InstrumentLibrary &library, bool identified, bool freeText,
                      const Progress &progress, ResearchData &data,
                      std::unique_ptr<ResearchColumns> &columns, bool *cancelled);

} // namespace triad::interop::csv
