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

#include <functional>
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

// Where the demo's creation is, for a progress bar driven by the work itself. `step` is
// "staff" (one key slot per account), "patients" (a child with guardian, episode and
// sessions), "alerts" (one episode's alerts) or "saving" (the one commit at the end);
// stepDone/stepTotal count within the step, done/total over the whole demo.
struct DemoProgress
{
    QString step;
    int stepDone = 0;
    int stepTotal = 0;
    int done = 0;
    int total = 0;
};

// N = 2^12 (4 MiB), r = 8, p = 1: about a hundredth of a real account's derivation (2^17).
constexpr crypto::ScryptParams kDemoScrypt{quint64(1) << 12, 8, 1};

struct DemoOptions
{
    quint32 seed = 1;
    int patients = 12;
    QDate lastSessionDate = QDate::currentDate();
    // The demo accounts' key derivation cost: the cheap, documented demo cost (SECURITY.md,
    // "Demo clinic"). Their passphrases are printed on the sign-in screen, so a slow
    // derivation would protect nothing. Only DemoClinic::create uses it, and only on an empty
    // database it names a demo clinic; every real account path keeps the default ScryptParams.
    crypto::ScryptParams scrypt = kDemoScrypt;
    // Called on the creating thread after each unit of work; may be empty.
    std::function<void(const DemoProgress &)> progress;
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
    // The staff are written first (one transaction each, with their key slots), then every
    // patient, episode, session and response in one batch (Database::beginBatch): one commit
    // instead of several fsyncs per row. On failure returns nullopt with db.lastError() set;
    // the staff stay, the batch is rolled back, so use a fresh file.
    static std::optional<DemoSummary> create(Database &db, const InstrumentLibrary &library,
                                             crypto::Vault &vault, const DemoOptions &options);
};

} // namespace triad::store
