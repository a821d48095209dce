#include "backupstaff.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace triad::interop {

QJsonObject BackupStaffSlot::toJson() const
{
    return QJsonObject{
        {"id", staffId},
        {"name", displayName},
        {"role", role},
        {"slot", slot.toJson()},
    };
}

std::optional<BackupStaffSlot> BackupStaffSlot::fromJson(const QJsonObject &json)
{
    BackupStaffSlot s;
    s.staffId = json.value(QLatin1String("id")).toString();
    s.displayName = json.value(QLatin1String("name")).toString();
    s.role = json.value(QLatin1String("role")).toString();
    const auto slot = crypto::KeySlot::fromJson(json.value(QLatin1String("slot")).toObject());
    if (s.staffId.isEmpty() || s.displayName.isEmpty() || s.role.isEmpty() || !slot)
        return std::nullopt;
    s.slot = *slot;
    return s;
}

bool readStaffSlots(const QString &path, QVector<BackupStaffSlot> *staff, QString *error)
{
    const QString name = QStringLiteral("triad-staff-slots-") + QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        ok = [&] {
            if (!db.open()) {
                *error = QStringLiteral("open: ") + db.lastError().text();
                return false;
            }
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.exec(
                    QStringLiteral("SELECT s.id, s.display_name, s.role, k.slot FROM staff s"
                                   " JOIN key_slot k ON k.staff_id = s.id AND k.kind = 'passphrase'"
                                   " WHERE s.active = 1 ORDER BY s.display_name, s.id"))) {
                *error = QStringLiteral("staff: ") + q.lastError().text();
                return false;
            }
            staff->clear();
            while (q.next()) {
                BackupStaffSlot s;
                s.staffId = q.value(0).toString();
                s.displayName = q.value(1).toString();
                s.role = q.value(2).toString();
                QString slotError;
                const auto slot =
                    crypto::KeySlot::deserialize(q.value(3).toByteArray(), &slotError);
                if (!slot) {
                    // The staff id, not the name: this text may reach a log.
                    *error = QStringLiteral("key slot of staff %1: %2").arg(s.staffId, slotError);
                    return false;
                }
                s.slot = *slot;
                *staff << s;
            }
            return true;
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QVector<BackupStaffSlot> staffMatching(const QVector<BackupStaffSlot> &staff, const QString &who)
{
    const QString wanted = who.simplified();
    QVector<BackupStaffSlot> found;
    if (wanted.isEmpty())
        return found;
    for (const BackupStaffSlot &s : staff) {
        if (s.staffId == wanted ||
            s.displayName.simplified().compare(wanted, Qt::CaseInsensitive) == 0)
            found << s;
    }
    return found;
}

} // namespace triad::interop
