#pragma once
// The staff key slots a backup carries (format 2), so the backup opens on a device that has
// no database: a staff member's passphrase unwraps the data key from their slot in the
// header, exactly as it does at sign-in. A slot is already scrypt-wrapped with that
// passphrase and is stored in the same form in the database file, so the header exposes
// nothing a copy of the database would not (docs/SECURITY.md, Backup, restore and erasure).

#include "core/crypto/keyslot.h"

#include <optional>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace triad::interop {

struct BackupStaffSlot
{
    QString staffId;
    QString displayName;
    QString role; // store::staffRoleId(): "physio", "lead", "admin"
    crypto::KeySlot slot;

    // {"id":..,"name":..,"role":..,"slot":{KeySlot::toJson()}}
    QJsonObject toJson() const;
    // nullopt when a field is missing or the slot does not parse.
    static std::optional<BackupStaffSlot> fromJson(const QJsonObject &json);
};

// The active staff members of the database file at `path` (opened read-only, e.g. a
// backup's snapshot) with their passphrase slots, sorted by display name. False with a
// plain *error when the file cannot be read or a slot is damaged.
bool readStaffSlots(const QString &path, QVector<BackupStaffSlot> *staff, QString *error);

// The members whose id is `who`, or whose display name matches it the way the sign-in and
// triad-cli --as do (case-insensitive, runs of spaces simplified). Usually one; two members
// may share a name, and then the passphrase tells them apart.
QVector<BackupStaffSlot> staffMatching(const QVector<BackupStaffSlot> &staff, const QString &who);

} // namespace triad::interop
