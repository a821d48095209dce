#include "clinic.h"

#include "auditlog.h"
#include "rowseal.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::store {

namespace {
AuditLog auditFor(Database &db, const crypto::Vault &vault)
{
    return AuditLog(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
}
} // namespace

bool Clinic::exists()
{
    QSqlQuery q = m_db.query();
    return q.exec(QStringLiteral("SELECT 1 FROM clinic WHERE id = 1")) && q.next();
}

QString Clinic::name()
{
    QSqlQuery q = m_db.query();
    if (!q.exec(QStringLiteral("SELECT name FROM clinic WHERE id = 1")) || !q.next())
        return {};
    return q.value(0).toString();
}

std::optional<StaffMember> Clinic::create(const QString &clinicName, const QString &adminName,
                                          const QString &passphrase, crypto::Vault &vault,
                                          const crypto::ScryptParams &params)
{
    const QString problem = crypto::passphraseProblem(passphrase);
    if (!problem.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, problem);
        return std::nullopt;
    }
    if (clinicName.simplified().isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("the clinic needs a name"));
        return std::nullopt;
    }
    crypto::SecureBytes dataKey = crypto::newDataKey();
    if (dataKey.isEmpty()) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("no random data key"));
        return std::nullopt;
    }
    StaffRepository staff(m_db);
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    if (exists()) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("the clinic exists already"));
        return std::nullopt;
    }
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO clinic (id, uuid, name, created_at) "
                                        "VALUES (1, ?, ?, ?)")))
        return std::nullopt;
    q.addBindValue(newUuid());
    q.addBindValue(clinicName.simplified());
    q.addBindValue(nowUtc());
    if (!m_db.exec(q))
        return std::nullopt;
    const auto admin = staff.insert(adminName, StaffRole::Admin);
    if (!admin)
        return std::nullopt;
    const auto slot = crypto::wrapDataKey(dataKey, passphrase, admin->id, params);
    if (!slot) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("sealing the data key"));
        return std::nullopt;
    }
    if (!staff.putKeySlot(admin->id, KeySlotKind::Passphrase, slot->serialize()))
        return std::nullopt;
    if (!vault.unlock(std::move(dataKey), admin->id)) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("vault refused the key"));
        return std::nullopt;
    }
    AuditLog audit = auditFor(m_db, vault);
    m_db.setRowKey(vault.subkey(crypto::KeyPurpose::Rows));
    const auto seal = [this, &audit] {
        return !rowseal::available(m_db) ||
               (rowseal::sealAll(m_db, m_db.rowKey()) &&
                audit.append(QStringLiteral("seal-rows"), QStringLiteral("clinic"),
                             QStringLiteral("1")));
    };
    if (!audit.append(QStringLiteral("insert"), QStringLiteral("clinic"), QStringLiteral("1")) ||
        !audit.append(QStringLiteral("insert"), QStringLiteral("staff"), admin->id) || !seal() ||
        !tx.commit()) {
        vault.lock();
        m_db.clearRowKey();
        return std::nullopt;
    }
    audit.publishHead();
    return admin;
}

std::optional<crypto::KeySlot> Clinic::keySlot(const QString &staffId)
{
    StaffRepository staff(m_db);
    const auto member = staff.get(staffId);
    if (!member)
        return std::nullopt;
    if (!member->active) {
        m_db.setError(StoreErrorKind::NotAllowed, QStringLiteral("staff member is disabled"));
        return std::nullopt;
    }
    const auto bytes = staff.keySlot(staffId, KeySlotKind::Passphrase);
    if (!bytes)
        return std::nullopt;
    QString error;
    const auto slot = crypto::KeySlot::deserialize(*bytes, &error);
    if (!slot)
        m_db.setError(StoreErrorKind::Corrupt, QStringLiteral("key slot: ") + error);
    return slot;
}

std::optional<crypto::SecureBytes> Clinic::unwrap(const crypto::KeySlot &slot,
                                                  const QString &passphrase, const QString &staffId)
{
    return crypto::unwrapDataKey(slot, passphrase, staffId);
}

QFuture<std::optional<crypto::SecureBytes>> Clinic::unwrapAsync(const crypto::KeySlot &slot,
                                                                const QString &passphrase,
                                                                const QString &staffId,
                                                                QThreadPool *pool)
{
    return QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(), &Clinic::unwrap, slot,
                             passphrase, staffId);
}

bool Clinic::finishSignIn(const QString &staffId, std::optional<crypto::SecureBytes> dataKey,
                          crypto::Vault &vault, const std::optional<AuditTally> &counted)
{
    if (!dataKey || !vault.unlock(std::move(*dataKey), staffId)) {
        vault.lock();
        AuditLog locked(m_db, {}, {});
        locked.recordPending(staffId, QStringLiteral("sign-in-failed"), QStringLiteral("staff"),
                             staffId);
        m_db.setError(StoreErrorKind::WrongPassphrase, QStringLiteral("key slot did not open"));
        return false;
    }
    AuditLog audit = auditFor(m_db, vault);
    // Nothing is appended (and the head not rewritten) before the log's end matches the head.
    // The head file and the log are read under the write lock: another program's commit and
    // its head update cannot fall between the two reads (nothing is written; rolled back).
    crypto::VerifyResult end;
    {
        Transaction reading(m_db);
        if (!reading.begin()) {
            vault.lock();
            return false;
        }
        end = audit.checkEnd(counted);
    }
    if (!end.ok) {
        vault.lock();
        m_db.setError(StoreErrorKind::Tampered, end.message);
        return false;
    }
    m_db.setRowKey(vault.subkey(crypto::KeyPurpose::Rows));
    if (!sealRowsOnce(audit)) {
        vault.lock();
        m_db.clearRowKey();
        return false;
    }
    // The member's own row carries the role the session acts with: a role edited outside
    // Triad (a physio made admin with sqlite3) is refused here, not only found by verify.
    if (rowseal::isActive(m_db) && !rowseal::checkOnRead(m_db, QStringLiteral("staff"), staffId)) {
        vault.lock();
        m_db.clearRowKey();
        return false;
    }
    // Failed attempts since the last sign-in join the chain first, in the order they happened.
    if (!audit.flushPending())
        return false;
    Transaction tx(m_db);
    if (!tx.begin() || !audit.append(QStringLiteral("sign-in"), QStringLiteral("staff"), staffId) ||
        !tx.commit())
        return false;
    audit.publishHead();
    return true;
}

bool Clinic::signIn(const QString &staffId, const QString &passphrase, crypto::Vault &vault)
{
    const auto slot = keySlot(staffId);
    if (!slot) {
        vault.lock();
        return false;
    }
    return finishSignIn(staffId, unwrap(*slot, passphrase, staffId), vault);
}

bool Clinic::sealRowsOnce(AuditLog &audit)
{
    if (!rowseal::available(m_db) || rowseal::isActive(m_db))
        return true;
    QSqlQuery q = m_db.query();
    if (q.exec(QStringLiteral("SELECT 1 FROM audit WHERE action = 'seal-rows' LIMIT 1")) &&
        q.next()) {
        m_db.setError(StoreErrorKind::Tampered,
                      QStringLiteral("the register of row seals was removed (the rows were "
                                     "sealed before, audit entry \"seal-rows\")"));
        return false;
    }
    // Sealing vouches for every row as it is now: only over a log that verifies in full.
    const crypto::VerifyResult log = audit.verify();
    if (!log.ok) {
        m_db.setError(StoreErrorKind::Tampered, log.message);
        return false;
    }
    Transaction tx(m_db);
    if (!tx.begin() || !rowseal::sealAll(m_db, m_db.rowKey()) ||
        !audit.append(QStringLiteral("seal-rows"), QStringLiteral("clinic"), QStringLiteral("1")) ||
        !tx.commit())
        return false;
    audit.publishHead();
    return true;
}

bool Clinic::unlockWithoutAudit(const QString &staffId, const QString &passphrase,
                                crypto::Vault &vault)
{
    const auto slot = keySlot(staffId);
    auto dataKey = slot ? unwrap(*slot, passphrase, staffId) : std::nullopt;
    if (!slot) {
        vault.lock();
        return false;
    }
    if (!dataKey || !vault.unlock(std::move(*dataKey), staffId)) {
        vault.lock();
        AuditLog locked(m_db, {}, {});
        locked.recordPending(staffId, QStringLiteral("sign-in-failed"), QStringLiteral("staff"),
                             staffId);
        m_db.setError(StoreErrorKind::WrongPassphrase, QStringLiteral("key slot did not open"));
        return false;
    }
    m_db.setRowKey(vault.subkey(crypto::KeyPurpose::Rows));
    return true;
}

bool Clinic::requireAdmin(const crypto::Vault &vault)
{
    if (!vault.isUnlocked()) {
        m_db.setError(StoreErrorKind::Locked, QStringLiteral("vault is locked"));
        return false;
    }
    StaffRepository staff(m_db);
    const auto member = staff.get(vault.staffId());
    if (!member || !member->active || member->role != StaffRole::Admin) {
        m_db.setError(StoreErrorKind::NotAllowed, QStringLiteral("an active admin is needed"));
        return false;
    }
    return true;
}

std::optional<StaffMember> Clinic::addStaff(const crypto::Vault &vault, const QString &displayName,
                                            StaffRole role, const QString &passphrase,
                                            const crypto::ScryptParams &params)
{
    if (!requireAdmin(vault))
        return std::nullopt;
    const QString problem = crypto::passphraseProblem(passphrase);
    if (!problem.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, problem);
        return std::nullopt;
    }
    StaffRepository staff(m_db);
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    const auto member = staff.insert(displayName, role);
    if (!member)
        return std::nullopt;
    const auto slot = vault.wrapFor(passphrase, member->id, params);
    if (!slot) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("sealing the data key"));
        return std::nullopt;
    }
    AuditLog audit = auditFor(m_db, vault);
    if (!staff.putKeySlot(member->id, KeySlotKind::Passphrase, slot->serialize()) ||
        !audit.append(QStringLiteral("insert"), QStringLiteral("staff"), member->id, {},
                      staffRoleId(role).toUtf8()) ||
        !tx.commit())
        return std::nullopt;
    audit.publishHead();
    return member;
}

bool Clinic::setStaffActive(const crypto::Vault &vault, const QString &staffId, bool active)
{
    if (!requireAdmin(vault))
        return false;
    StaffRepository staff(m_db);
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    const auto member = staff.get(staffId);
    if (!member)
        return false;
    if (!active && member->role == StaffRole::Admin && member->active &&
        staff.countActiveAdmins() <= 1) {
        m_db.setError(StoreErrorKind::NotAllowed,
                      QStringLiteral("the last active admin cannot be disabled"));
        return false;
    }
    AuditLog audit = auditFor(m_db, vault);
    if (!staff.setActive(staffId, active) ||
        !audit.append(active ? QStringLiteral("enable") : QStringLiteral("disable"),
                      QStringLiteral("staff"), staffId) ||
        !tx.commit())
        return false;
    audit.publishHead();
    return true;
}

bool Clinic::resetPassphrase(const crypto::Vault &vault, const QString &staffId,
                             const QString &newPassphrase, const crypto::ScryptParams &params)
{
    if (!requireAdmin(vault))
        return false;
    const QString problem = crypto::passphraseProblem(newPassphrase);
    if (!problem.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, problem);
        return false;
    }
    StaffRepository staff(m_db);
    if (!staff.get(staffId))
        return false;
    const auto slot = vault.wrapFor(newPassphrase, staffId, params);
    if (!slot) {
        m_db.setError(StoreErrorKind::CryptoFailed, QStringLiteral("sealing the data key"));
        return false;
    }
    Transaction tx(m_db);
    AuditLog audit = auditFor(m_db, vault);
    // putKeySlot deletes the old slot first; secure_delete overwrites its bytes, so the old
    // passphrase no longer opens anything once this commits. A PIN slot goes with it.
    if (!tx.begin() || !staff.putKeySlot(staffId, KeySlotKind::Passphrase, slot->serialize()) ||
        !staff.removeKeySlot(staffId, KeySlotKind::Pin) ||
        !audit.append(QStringLiteral("reset-passphrase"), QStringLiteral("staff"), staffId) ||
        !tx.commit())
        return false;
    audit.publishHead();
    m_db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

} // namespace triad::store
