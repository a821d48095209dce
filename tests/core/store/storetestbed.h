#pragma once
// A throw-away clinic database for store tests: random keys, one physio, one patient with an
// episode and a session, and the project's own questionnaires.

#include "core/crypto/fieldcipher.h"
#include "core/crypto/primitives.h"
#include "core/instrument/instrumentloader.h"
#include "core/store/auditlog.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"
#include "core/store/staffrepository.h"

#include <QFile>
#include <QTemporaryDir>

namespace triad::store::testing {

inline crypto::SecureBytes randomKey()
{
    return crypto::SecureBytes(crypto::randomBytes(32));
}

inline Instrument loadInstrument(const QString &file)
{
    const LoadResult result =
        InstrumentLoader::loadFile(QStringLiteral(TRIAD_QUESTIONNAIRES "/") + file);
    if (!result.ok())
        qFatal("cannot load %s", qPrintable(file));
    return *result.instrument;
}

// Everything in one file's bytes plus its WAL: what someone copying the tablet's storage gets.
inline QByteArray rawStorage(const QString &dbPath)
{
    QByteArray all;
    for (const QString &p : {dbPath, dbPath + QStringLiteral("-wal")}) {
        QFile f(p);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

struct TestBed
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    crypto::SecureBytes fieldKey = randomKey();
    crypto::SecureBytes auditKey = randomKey();
    Database db;
    crypto::FieldCipher cipher{fieldKey};
    AuditLog audit{db, auditKey, {}};
    StaffRepository staff{db};
    PatientRepository patients{db, cipher, audit};
    EpisodeRepository episodes{db, cipher, audit};
    SessionRepository sessions{db, audit};
    ResponseRepository responses{db, cipher, audit};
    StaffMember physio;
    Patient patient;
    Episode episode;
    Session session;

    bool setUp()
    {
        if (!db.open(path))
            return false;
        const auto member = staff.create(QStringLiteral("Demo Physio One"), StaffRole::Physio);
        if (!member)
            return false;
        physio = *member;
        audit.setStaffId(physio.id);
        const auto p = patients.create(QStringLiteral("Demo Child Zebedee"), QDate(2014, 5, 17),
                                       QStringLiteral("Synthetic note"));
        if (!p)
            return false;
        patient = *p;
        Episode e;
        e.patientId = patient.id;
        e.physioId = physio.id;
        e.condition = QStringLiteral("hypermobility");
        e.goals = QStringLiteral("Ride a bike to school");
        e.startDate = QDate(2024, 1, 8);
        const auto created = episodes.create(e);
        if (!created)
            return false;
        episode = *created;
        const auto s = sessions.create(episode.id, physio.id, QDate(2024, 1, 8));
        if (!s)
            return false;
        session = *s;
        return true;
    }
};

} // namespace triad::store::testing
