#include "patientrepository.h"

#include "personname.h"
#include "rowseal.h"

#include "pseudonym.h"

#include <QCollator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace triad::store {

namespace {
constexpr int kCodeAttempts = 20;
const QString kSelect = QStringLiteral(
    "SELECT id, code, name, birth_date, notes, created_at, created_by FROM patient ");

QStringList relationships()
{
    return {QStringLiteral("mother"), QStringLiteral("father"), QStringLiteral("carer"),
            QStringLiteral("other")};
}
} // namespace

QByteArray PatientRepository::seal(const QString &value, const char *table, const char *column,
                                   const QString &rowId)
{
    const QByteArray sealed =
        m_cipher.encrypt(value, QLatin1String(table), QLatin1String(column), rowId);
    if (sealed.isEmpty())
        m_db.setError(
            StoreErrorKind::CryptoFailed,
            QStringLiteral("encrypting %1.%2").arg(QLatin1String(table), QLatin1String(column)));
    return sealed;
}

bool PatientRepository::decryptInto(Patient &p, const QByteArray &name, const QByteArray &birth,
                                    const QByteArray &notes)
{
    const auto n = m_cipher.decrypt(name, QStringLiteral("patient"), QStringLiteral("name"), p.id);
    const auto b =
        m_cipher.decrypt(birth, QStringLiteral("patient"), QStringLiteral("birth_date"), p.id);
    std::optional<QString> t = QString();
    if (!notes.isEmpty())
        t = m_cipher.decrypt(notes, QStringLiteral("patient"), QStringLiteral("notes"), p.id);
    if (!n || !b || !t) {
        m_db.setError(StoreErrorKind::CryptoFailed,
                      QStringLiteral("patient %1 does not decrypt with this key").arg(p.id));
        return false;
    }
    p.name = *n;
    p.birthDate = QDate::fromString(*b, Qt::ISODate);
    p.notes = *t;
    return true;
}

std::optional<Patient> PatientRepository::create(const QString &name, const QDate &birthDate,
                                                 const QString &notes, const QString &code)
{
    if (!code.isEmpty() && normalisePseudonymCode(code) != code) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("not a pseudonym code"));
        return std::nullopt;
    }
    if (!nameProblem(name, QStringLiteral("name")).isEmpty() || !birthDate.isValid()) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("a patient needs a valid name "
                                                              "and birth date"));
        return std::nullopt;
    }
    Patient p{newUuid(), code, cleanName(name), birthDate, notes, nowUtc(), m_audit.staffId()};
    const QByteArray sealedName = seal(p.name, "patient", "name", p.id);
    const QByteArray sealedBirth =
        seal(birthDate.toString(Qt::ISODate), "patient", "birth_date", p.id);
    const QByteArray sealedNotes =
        notes.isEmpty() ? QByteArray() : seal(notes, "patient", "notes", p.id);
    if (sealedName.isEmpty() || sealedBirth.isEmpty() ||
        (!notes.isEmpty() && sealedNotes.isEmpty()))
        return std::nullopt;

    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    for (int attempt = 0; attempt < kCodeAttempts && p.code.isEmpty(); ++attempt) {
        const QString candidate = newPseudonymCode();
        QSqlQuery q = m_db.query();
        if (!m_db.prepare(q, QStringLiteral("SELECT 1 FROM patient WHERE code = ?")))
            return std::nullopt;
        q.addBindValue(candidate);
        if (!m_db.exec(q))
            return std::nullopt;
        if (!q.next())
            p.code = candidate;
    }
    if (p.code.isEmpty()) {
        m_db.setError(StoreErrorKind::Io, QStringLiteral("no free pseudonym code found"));
        return std::nullopt;
    }
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO patient (id, code, name, birth_date, notes, "
                                        "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")))
        return std::nullopt;
    q.addBindValue(p.id);
    q.addBindValue(p.code);
    q.addBindValue(sealedName);
    q.addBindValue(sealedBirth);
    q.addBindValue(sealedNotes.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                         : QVariant(sealedNotes));
    q.addBindValue(p.createdAt);
    q.addBindValue(p.createdBy.isEmpty() ? QVariant() : QVariant(p.createdBy));
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("patient"), p.id, {},
                        sealedName + sealedBirth + sealedNotes) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return p;
}

std::optional<Patient> PatientRepository::readOne(const QString &where, const QString &value)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, kSelect + where))
        return std::nullopt;
    q.addBindValue(value);
    if (!m_db.exec(q))
        return std::nullopt;
    if (!q.next()) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such patient"));
        return std::nullopt;
    }
    Patient p;
    p.id = q.value(0).toString();
    p.code = q.value(1).toString();
    p.createdAt = q.value(5).toString();
    p.createdBy = q.value(6).toString();
    if (!rowseal::checkOnRead(m_db, QStringLiteral("patient"), p.id))
        return std::nullopt;
    if (!decryptInto(p, q.value(2).toByteArray(), q.value(3).toByteArray(),
                     q.value(4).toByteArray()))
        return std::nullopt;
    return p;
}

std::optional<Patient> PatientRepository::get(const QString &id)
{
    return readOne(QStringLiteral("WHERE id = ?"), id);
}

std::optional<Patient> PatientRepository::findByCode(const QString &typedCode)
{
    const QString code = normalisePseudonymCode(typedCode);
    if (code.isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("not a pseudonym code"));
        return std::nullopt;
    }
    return readOne(QStringLiteral("WHERE code = ?"), code);
}

QVector<Patient> PatientRepository::list()
{
    QVector<Patient> patients;
    QSqlQuery q = m_db.query();
    q.setForwardOnly(true);
    if (!q.exec(kSelect)) {
        m_db.setError(StoreError::fromSql(q.lastError(), QStringLiteral("list patients")));
        return patients;
    }
    while (q.next()) {
        Patient p;
        p.id = q.value(0).toString();
        p.code = q.value(1).toString();
        p.createdAt = q.value(5).toString();
        p.createdBy = q.value(6).toString();
        if (!decryptInto(p, q.value(2).toByteArray(), q.value(3).toByteArray(),
                         q.value(4).toByteArray()))
            return {};
        patients << p;
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(patients.begin(), patients.end(), [&](const Patient &a, const Patient &b) {
        const int c = collator.compare(a.name, b.name);
        return c != 0 ? c < 0 : a.code < b.code;
    });
    return patients;
}

bool PatientRepository::update(const Patient &patient)
{
    if (!nameProblem(patient.name, QStringLiteral("name")).isEmpty() ||
        !patient.birthDate.isValid()) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("a patient needs a valid name "
                                                              "and birth date"));
        return false;
    }
    const QByteArray sealedName = seal(cleanName(patient.name), "patient", "name", patient.id);
    const QByteArray sealedBirth =
        seal(patient.birthDate.toString(Qt::ISODate), "patient", "birth_date", patient.id);
    const QByteArray sealedNotes = patient.notes.isEmpty()
                                       ? QByteArray()
                                       : seal(patient.notes, "patient", "notes", patient.id);
    if (sealedName.isEmpty() || sealedBirth.isEmpty() ||
        (!patient.notes.isEmpty() && sealedNotes.isEmpty()))
        return false;
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE patient SET name = ?, birth_date = ?, notes = ? "
                                        "WHERE id = ?")))
        return false;
    q.addBindValue(sealedName);
    q.addBindValue(sealedBirth);
    q.addBindValue(sealedNotes.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                         : QVariant(sealedNotes));
    q.addBindValue(patient.id);
    if (!m_db.exec(q))
        return false;
    if (q.numRowsAffected() != 1) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such patient"));
        return false;
    }
    if (!m_audit.append(QStringLiteral("update"), QStringLiteral("patient"), patient.id, {},
                        sealedName + sealedBirth + sealedNotes) ||
        !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

bool PatientRepository::erase(const QString &patientId)
{
    const QString responses =
        QStringLiteral("(SELECT r.id FROM response r JOIN session s ON s.id = r.session_id "
                       "JOIN episode e ON e.id = s.episode_id WHERE e.patient_id = ?)");
    const QString episodes = QStringLiteral("(SELECT id FROM episode WHERE patient_id = ?)");
    // Child rows first; foreign keys are checked at commit (defer_foreign_keys), so chains
    // of corrections (supersedes) can go in any order.
    const QStringList steps{
        QStringLiteral("INSERT INTO erasure_permit (patient_id) VALUES (?)"),
        QStringLiteral("DELETE FROM action_log WHERE alert_id IN (SELECT id FROM alert "
                       "WHERE episode_id IN %1)")
            .arg(episodes),
        QStringLiteral("DELETE FROM alert WHERE episode_id IN %1").arg(episodes),
        QStringLiteral("DELETE FROM score WHERE response_id IN %1").arg(responses),
        QStringLiteral("DELETE FROM answer WHERE response_id IN %1").arg(responses),
        QStringLiteral("DELETE FROM response WHERE id IN %1").arg(responses),
        QStringLiteral("DELETE FROM round_skip WHERE session_id IN (SELECT id FROM session "
                       "WHERE episode_id IN %1)")
            .arg(episodes),
        QStringLiteral("DELETE FROM session WHERE episode_id IN %1").arg(episodes),
        QStringLiteral("DELETE FROM episode WHERE patient_id = ?"),
        QStringLiteral("DELETE FROM guardian_removal WHERE guardian_id IN (SELECT id FROM "
                       "guardian WHERE patient_id = ?)"),
        QStringLiteral("DELETE FROM guardian WHERE patient_id = ?"),
        QStringLiteral("DELETE FROM patient WHERE id = ?"),
        QStringLiteral("DELETE FROM erasure_permit WHERE patient_id = ?"),
    };
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    {
        QSqlQuery exists = m_db.query();
        if (!m_db.prepare(exists, QStringLiteral("SELECT 1 FROM patient WHERE id = ?")))
            return false;
        exists.addBindValue(patientId);
        if (!m_db.exec(exists))
            return false;
        if (!exists.next()) {
            m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such patient"));
            return false;
        }
    }
    if (!m_db.execSql(QStringLiteral("PRAGMA defer_foreign_keys = ON")))
        return false;
    for (const QString &sql : steps) {
        QSqlQuery q = m_db.query();
        if (!m_db.prepare(q, sql))
            return false;
        q.addBindValue(patientId);
        if (!m_db.exec(q))
            return false;
    }
    if (!m_audit.append(QStringLiteral("erase"), QStringLiteral("patient"), patientId) ||
        !tx.commit())
        return false;
    m_audit.publishHead();
    // Moves every page into the main file (where secure_delete has zeroed the freed ones)
    // and empties the WAL, which could still hold old page images.
    m_db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return true;
}

std::optional<Guardian> PatientRepository::addGuardian(const QString &patientId,
                                                       const QString &name,
                                                       const QString &relationship)
{
    if (!nameProblem(name, QStringLiteral("name")).isEmpty() ||
        !relationships().contains(relationship)) {
        m_db.setError(StoreErrorKind::Invalid,
                      QStringLiteral("a guardian needs a valid name and one of: %1")
                          .arg(relationships().join(QLatin1String(", "))));
        return std::nullopt;
    }
    Guardian g{newUuid(), patientId, cleanName(name), relationship, nowUtc()};
    const QByteArray sealedName = seal(g.name, "guardian", "name", g.id);
    if (sealedName.isEmpty())
        return std::nullopt;
    Transaction tx(m_db);
    if (!tx.begin())
        return std::nullopt;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO guardian (id, patient_id, name, "
                                        "relationship, created_at) VALUES (?, ?, ?, ?, ?)")))
        return std::nullopt;
    q.addBindValue(g.id);
    q.addBindValue(patientId);
    q.addBindValue(sealedName);
    q.addBindValue(relationship);
    q.addBindValue(g.createdAt);
    if (!m_db.exec(q) ||
        !m_audit.append(QStringLiteral("insert"), QStringLiteral("guardian"), g.id, {},
                        sealedName) ||
        !tx.commit())
        return std::nullopt;
    m_audit.publishHead();
    return g;
}

QVector<Guardian> PatientRepository::guardians(const QString &patientId)
{
    QVector<Guardian> list;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT id, name, relationship, created_at FROM guardian "
                                        "WHERE patient_id = ? AND id NOT IN (SELECT guardian_id "
                                        "FROM guardian_removal) ORDER BY created_at, id")))
        return list;
    q.addBindValue(patientId);
    if (!m_db.exec(q))
        return list;
    while (q.next()) {
        Guardian g;
        g.id = q.value(0).toString();
        g.patientId = patientId;
        const auto name = m_cipher.decrypt(q.value(1).toByteArray(), QStringLiteral("guardian"),
                                           QStringLiteral("name"), g.id);
        if (!name) {
            m_db.setError(StoreErrorKind::CryptoFailed,
                          QStringLiteral("guardian %1 does not decrypt with this key").arg(g.id));
            return {};
        }
        g.name = *name;
        g.relationship = q.value(2).toString();
        g.createdAt = q.value(3).toString();
        list << g;
    }
    return list;
}

bool PatientRepository::renameGuardian(const QString &guardianId, const QString &name)
{
    if (!nameProblem(name, QStringLiteral("name")).isEmpty()) {
        m_db.setError(StoreErrorKind::Invalid, QStringLiteral("a guardian needs a valid name"));
        return false;
    }
    const QByteArray sealedName = seal(cleanName(name), "guardian", "name", guardianId);
    if (sealedName.isEmpty())
        return false;
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("UPDATE guardian SET name = ? WHERE id = ?")))
        return false;
    q.addBindValue(sealedName);
    q.addBindValue(guardianId);
    if (!m_db.exec(q))
        return false;
    if (q.numRowsAffected() != 1) {
        m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such guardian"));
        return false;
    }
    if (!m_audit.append(QStringLiteral("update"), QStringLiteral("guardian"), guardianId, {},
                        sealedName) ||
        !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

int PatientRepository::responsesBy(const QString &guardianId)
{
    QSqlQuery q = m_db.query();
    if (!m_db.prepare(q, QStringLiteral("SELECT count(*) FROM response WHERE guardian_id = ?")))
        return -1;
    q.addBindValue(guardianId);
    if (!m_db.exec(q) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool PatientRepository::removeGuardian(const QString &guardianId)
{
    Transaction tx(m_db);
    if (!tx.begin())
        return false;
    {
        QSqlQuery listed = m_db.query();
        if (!m_db.prepare(listed, QStringLiteral("SELECT 1 FROM guardian WHERE id = ? AND id NOT "
                                                 "IN (SELECT guardian_id FROM guardian_removal)")))
            return false;
        listed.addBindValue(guardianId);
        if (!m_db.exec(listed))
            return false;
        if (!listed.next()) {
            m_db.setError(StoreErrorKind::NotFound, QStringLiteral("no such guardian"));
            return false;
        }
    }
    // Only the row that was stored is acted on: its seal is checked first.
    if (!rowseal::checkOnRead(m_db, QStringLiteral("guardian"), guardianId))
        return false;
    const int answered = responsesBy(guardianId);
    if (answered < 0)
        return false;
    QSqlQuery q = m_db.query();
    const bool keep = answered > 0;
    if (!m_db.prepare(q, keep ? QStringLiteral("INSERT INTO guardian_removal (guardian_id, "
                                               "removed_at, removed_by) VALUES (?, ?, ?)")
                              : QStringLiteral("DELETE FROM guardian WHERE id = ?")))
        return false;
    q.addBindValue(guardianId);
    if (keep) {
        q.addBindValue(nowUtc());
        q.addBindValue(m_audit.staffId());
    }
    if (!m_db.exec(q) ||
        !m_audit.append(keep ? QStringLiteral("remove") : QStringLiteral("delete"),
                        QStringLiteral("guardian"), guardianId) ||
        !tx.commit())
        return false;
    m_audit.publishHead();
    return true;
}

} // namespace triad::store
