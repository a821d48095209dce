#pragma once
// A synthetic demo clinic for training, screenshots and trying Triad out: staff with known
// demo-only passphrases, obviously synthetic children (made-up first names, surname "Demo"),
// guardians, episodes and 6-14 sessions of complete rounds (child, parent, physio) whose scores
// follow realistic trajectories: children above their physio, parents above both, ceiling effects,
// and a couple of planted ruptures followed by repair. Never real people.
//
// Deterministic for a seed and a last-session date: the same names, dates, answers and
// scores every time (row ids and ciphertexts are random, as always).

#include "database.h"
#include "staffrepository.h"

#include "core/crypto/vault.h"
#include "core/instrument/instrumentlibrary.h"

#include <optional>
#include <QDate>

namespace triad::store {

struct DemoAccount
{
    QString displayName;
    StaffRole role = StaffRole::Physio;
    QString passphrase; // demo only: documented in README, never for real data
    QString staffId;    // set once created
};

struct DemoOptions
{
    quint32 seed = 1;
    int patients = 12;
    QDate lastSessionDate = QDate::currentDate();
    crypto::ScryptParams scrypt; // production strength unless a test asks for less
};

struct DemoSummary
{
    QVector<DemoAccount> accounts;
    int patients = 0;
    int episodes = 0;
    int sessions = 0;
    int responses = 0;
    QStringList rupturedEpisodes; // episode ids with a planted rupture and repair
};

class DemoClinic
{
public:
    // The demo accounts with their passphrases (README lists the same).
    static QVector<DemoAccount> accounts();

    // Fills an EMPTY database (no clinic yet). Leaves `vault` unlocked as the demo admin.
    // On failure returns nullopt with db.lastError() set; rows written so far stay (each
    // step is its own transaction), so use a fresh file.
    static std::optional<DemoSummary> create(Database &db, const InstrumentLibrary &library,
                                             crypto::Vault &vault, const DemoOptions &options);
};

} // namespace triad::store
