#pragma once
// Which Triad programs use a clinic database, so that restore, migration and erasure never
// run while another program writes (docs/SECURITY.md, "One writer during restore").
//
// Every Database holds a shared lock on "<db>.lock" (flock(2)) while it is open, so other
// programs (the app, each triad-cli command) see each other. Restore, migration and erasure
// take the lock exclusively, without waiting: when another program holds it they stop and
// name it. A program opening the database while someone holds it exclusively waits for them
// to finish (a restore takes seconds), so a write it later reports as saved lands in the
// database that is live from then on.
//
// The lock belongs to the process: every Database of one process on the same file shares
// one lock, and exclusivity is against other processes (inside one process the callers
// coordinate, as the app's own restore does by closing its connections).

#include <QString>
#include <QStringList>

namespace triad::store {

class ClinicLock
{
public:
    ClinicLock() = default;
    ~ClinicLock();
    ClinicLock(const ClinicLock &) = delete;
    ClinicLock &operator=(const ClinicLock &) = delete;

    // "<dbPath>.lock": an empty file that stays beside the database.
    static QString lockPath(const QString &dbPath);

    // Shares the lock on `dbPath`, waiting up to `waitMs` while another program holds it
    // exclusively. False (and *holder names who) when the wait ran out or the lock file
    // cannot be created.
    bool acquireShared(const QString &dbPath, int waitMs, QString *holder = nullptr);
    // Turns this process's lock exclusive, without waiting. False when another program holds
    // it; *holder then names them ("triad-cli patient add (process 4242)"), and the lock
    // stays shared.
    bool makeExclusive(QString *holder = nullptr);
    // Back to shared, letting waiting programs in.
    void makeShared();
    void release();

    bool isHeld() const { return !m_dbPath.isEmpty(); }
    // True when no other ClinicLock of this process holds the same database.
    bool soleUserInProcess() const;
    bool isExclusive() const;
    QString dbPath() const { return m_dbPath; }

    // The other processes that hold "<dbPath>.lock" open, as "name (process N)", without
    // their arguments (which may hold a patient's name). Empty where this cannot be seen.
    static QStringList holders(const QString &dbPath);

private:
    QString m_dbPath;
    bool m_exclusive = false;
};

} // namespace triad::store
