#include "staffrepository.h"

#include "personname.h"

#include <QSqlError>
#include <QSqlQuery>

namespace triad::store {

namespace {

QString slotKindId(KeySlotKind kind)
{
    return kind == KeySlotKind::Pin ? QStringLiteral("pin") : QStringLiteral("passphrase");
}

StaffMember readMember(const QSqlQuery &q)
{
    StaffMember m;
    m.id = q.value(0).toString();
    m.displayName = q.value(1).toString();
    m.role = staffRoleFromId(q.value(2).toString()).value_or(StaffRole::Physio);
    m.active = q.value(3).toInt() == 1;
    m.createdAt = q.value(4).toString();
    return m;
}

} // namespace

QString staffRoleId(StaffRole role)
{
    switch (role) {
    case StaffRole::Physio:
        return QStringLiteral("physio");
    case StaffRole::Lead:
        return QStringLiteral("lead");
    case StaffRole::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

std::optional<StaffRole> staffRoleFromId(const QString &id)
{
    for (StaffRole r : {StaffRole::Physio, StaffRole::Lead, StaffRole::Admin})
        if (staffRoleId(r) == id)
            return r;
    return std::nullopt;
}

std::optional<StaffMember> StaffRepository::create(const QString &displayName, StaffRole role)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    auto member = insert(displayName, role);
    if (!member || !tx.commit())
        return std::nullopt;
    return member;
}

std::optional<StaffMember> StaffRepository::insert(const QString &displayName, StaffRole role)
{
    const QString name = cleanName(displayName);
    const QString problem = nameProblem(displayName, QStringLiteral("staff name"));
    if (!problem.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, problem);
        return std::nullopt;
    }
    // Sign-in finds members by name: two names that differ only in case would make one of
    // them unreachable (or sign in the wrong person).
    if (const auto same = findByName(name)) {
        m_db.setError(
            StoreErrorKind::Invalid,
            QStringLiteral("a staff member is already called \"%1\"").arg(same->displayName));
        return std::nullopt;
    }
    StaffMember m{newUuid(), name, role, true, nowUtc()};
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO staff (id, display_name, role, active, "
                                        "created_at) VALUES (?, ?, ?, 1, ?)")))
        return std::nullopt;
    q.addBindValue(m.id);
    q.addBindValue(m.displayName);
    q.addBindValue(staffRoleId(role));
    q.addBindValue(m.createdAt);
    if (!m_db.exec(q))
        return std::nullopt;
    return m;
}

std::optional<StaffMember> StaffRepository::get(const QString &id)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT id, display_name, role, active, created_at "
                                        "FROM staff WHERE id = ?")))
        return std::nullopt;
    q.addBindValue(id);
    if (!m_db.exec(q))
        return std::nullopt;
    if (!q.next()) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such staff member"));
        return std::nullopt;
    }
    return readMember(q);
}

std::optional<StaffMember> StaffRepository::findByName(const QString &name)
{
    const QString wanted = cleanName(name).toCaseFolded();
    for (const auto &m : list(false))
        if (cleanName(m.displayName).toCaseFolded() == wanted)
            return m;
    return std::nullopt;
}

QVector<StaffMember> StaffRepository::list(bool activeOnly)
{
    QVector<StaffMember> members;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT id, display_name, role, active, created_at "
                                        "FROM staff WHERE active = 1 OR ? = 0 "
                                        "ORDER BY display_name COLLATE NOCASE, id")))
        return members;
    q.addBindValue(activeOnly ? 1 : 0);
    if (!m_db.exec(q))
        return members;
    while (q.next())
        members << readMember(q);
    return members;
}

bool StaffRepository::setActive(const QString &id, bool active)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE staff SET active = ? WHERE id = ?")))
        return false;
    q.addBindValue(active ? 1 : 0);
    q.addBindValue(id);
    if (!m_db.exec(q))
        return false;
    if (q.numRowsAffected() != 1) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such staff member"));
        return false;
    }
    return true;
}

int StaffRepository::countActiveAdmins()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT count(*) FROM staff WHERE role = 'admin' AND active = 1")) ||
        !q.next())
        return 0;
    return q.value(0).toInt();
}

std::optional<QByteArray> StaffRepository::keySlot(const QString &staffId, KeySlotKind kind)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT slot FROM key_slot WHERE staff_id = ? AND "
                                        "kind = ?")))
        return std::nullopt;
    q.addBindValue(staffId);
    q.addBindValue(slotKindId(kind));
    if (!m_db.exec(q))
        return std::nullopt;
    if (!q.next()) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no key slot"));
        return std::nullopt;
    }
    return q.value(0).toByteArray();
}

bool StaffRepository::putKeySlot(const QString &staffId, KeySlotKind kind, const QByteArray &slot)
{
    if (!removeKeySlot(staffId, kind))
        return false;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO key_slot (id, staff_id, kind, slot, "
                                        "created_at) VALUES (?, ?, ?, ?, ?)")))
        return false;
    q.addBindValue(newUuid());
    q.addBindValue(staffId);
    q.addBindValue(slotKindId(kind));
    q.addBindValue(slot);
    q.addBindValue(nowUtc());
    return m_db.exec(q);
}

bool StaffRepository::removeKeySlot(const QString &staffId, KeySlotKind kind)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("DELETE FROM key_slot WHERE staff_id = ? AND kind = ?")))
        return false;
    q.addBindValue(staffId);
    q.addBindValue(slotKindId(kind));
    return m_db.exec(q);
}

} // namespace triad::store
