#pragma once
// Staff members and their key slots. Display names are plain text on purpose: the sign-in
// screen lists them before any key is unlocked, and staff are not patients
// (docs/SECURITY.md, Storage).

#include "database.h"

#include <optional>
#include <QVector>

namespace triad::store {

enum class StaffRole {
    Physio,
    Lead,
    Admin
};
QString staffRoleId(StaffRole role); // "physio", "lead", "admin"
std::optional<StaffRole> staffRoleFromId(const QString &id);

struct StaffMember
{
    QString id; // uuid
    QString displayName;
    StaffRole role = StaffRole::Physio;
    bool active = true;
    QString createdAt;
};

enum class KeySlotKind {
    Passphrase,
    Pin
};

class StaffRepository
{
public:
    explicit StaffRepository(Database &db)
        : m_db(db)
    {}

    // Adds a member in its own transaction; the key slot is stored separately (Clinic).
    std::optional<StaffMember> create(const QString &displayName, StaffRole role);
    // Inserts a member inside the caller's transaction (for Clinic's bootstrap).
    std::optional<StaffMember> insert(const QString &displayName, StaffRole role);
    std::optional<StaffMember> get(const QString &id);
    // The member (active or not) whose display name equals `name` ignoring case and
    // surrounding spaces; names are unique that way (insert() refuses a second one).
    std::optional<StaffMember> findByName(const QString &name);
    // Sorted by display name; what the sign-in screen lists (activeOnly = true).
    QVector<StaffMember> list(bool activeOnly = false);
    bool setActive(const QString &id, bool active);
    int countActiveAdmins();

    // The stored bytes of a slot (crypto::KeySlot::serialize()), or nullopt.
    std::optional<QByteArray> keySlot(const QString &staffId, KeySlotKind kind);
    // Replaces the member's slot of that kind inside the caller's transaction. The old row
    // is deleted, and secure_delete overwrites its bytes on disk.
    bool putKeySlot(const QString &staffId, KeySlotKind kind, const QByteArray &slot);
    bool removeKeySlot(const QString &staffId, KeySlotKind kind);

    const StoreError &lastError() const { return m_db.lastError(); }

private:
    Database &m_db;
};

} // namespace triad::store
