#pragma once
// A throw-away clinic for interop tests: created through Clinic (cheap scrypt, so the suite
// stays fast), signed in as its admin, with repositories bound to the vault's subkeys, and
// a way to add a patient with a full history (guardian, episode, completed responses with
// free text, an alert with an action note).

#include "core/crypto/fieldcipher.h"
#include "core/instrument/instrumentloader.h"
#include "core/store/alertrepository.h"
#include "core/store/auditlog.h"
#include "core/store/clinic.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"

#include <memory>
#include <QFile>
#include <QTemporaryDir>

namespace triad::interop::testing {

inline const crypto::ScryptParams kCheapScrypt{1 << 10, 8, 1};
inline const QString kAdminPassphrase = QStringLiteral("synthetic admin passphrase");

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline Instrument loadInstrument(const QString &file)
{
    const LoadResult result =
        InstrumentLoader::loadFile(QStringLiteral(TRIAD_QUESTIONNAIRES "/") + file);
    if (!result.ok())
        qFatal("cannot load %s", qPrintable(file));
    return *result.instrument;
}

struct PatientHistory
{
    store::Patient patient;
    store::Guardian guardian;
    store::Episode episode;
    QString responseId;
    QString alertId;
};

struct ClinicBed
{
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("clinic.sqlite"));
    store::Database db;
    crypto::Vault vault{crypto::PinHashing{1000}};
    store::StaffMember admin;
    Instrument child = loadInstrument(QStringLiteral("triad-child-8to12.json"));

    bool setUp()
    {
        if (!db.open(path))
            return false;
        store::Clinic clinic(db);
        const auto created =
            clinic.create(QStringLiteral("Synthetic Clinic"), QStringLiteral("Demo Admin"),
                          kAdminPassphrase, vault, kCheapScrypt);
        if (!created)
            return false;
        admin = *created;
        return true;
    }

    // Repositories are rebuilt per call: the vault's subkeys and the open Database are what
    // they hold, and a restore reopens the database.
    std::optional<PatientHistory> addPatient(const QString &name, const QString &freeText)
    {
        const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
        store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        store::PatientRepository patients(db, cipher, audit);
        store::EpisodeRepository episodes(db, cipher, audit);
        store::SessionRepository sessions(db, audit);
        store::ResponseRepository responses(db, cipher, audit);
        store::AlertRepository alerts(db, cipher, audit);
        PatientHistory h;
        const auto p =
            patients.create(name, QDate(2014, 5, 17), QStringLiteral("Note: ") + freeText);
        if (!p)
            return std::nullopt;
        h.patient = *p;
        const auto g = patients.addGuardian(p->id, QStringLiteral("Guardian of ") + name,
                                            QStringLiteral("mother"));
        if (!g)
            return std::nullopt;
        h.guardian = *g;
        store::Episode e;
        e.patientId = p->id;
        e.physioId = admin.id;
        e.condition = QStringLiteral("hypermobility");
        e.goals = QStringLiteral("Goals: ") + freeText;
        e.startDate = QDate(2024, 1, 8);
        const auto episode = episodes.create(e);
        if (!episode)
            return std::nullopt;
        h.episode = *episode;
        const auto session = sessions.create(episode->id, admin.id, QDate(2024, 1, 8));
        if (!session)
            return std::nullopt;
        const auto draft =
            responses.startDraft(session->id, Respondent::Child, child, QStringLiteral("en"));
        if (!draft)
            return std::nullopt;
        Answers answers;
        for (const Item &item : child.items)
            if (item.formatId == QLatin1String("faces5") || !item.subscaleId.isEmpty())
                answers.set(item.id, 4);
        answers.set(QStringLiteral("c8-something-to-say"), QStringLiteral("Unsaid: ") + freeText);
        if (!responses.complete(draft->id, child, answers))
            return std::nullopt;
        h.responseId = draft->id;
        store::AlertRecord alert;
        alert.episodeId = episode->id;
        alert.sessionId = session->id;
        alert.type = QStringLiteral("rupture");
        alert.prompt = QStringLiteral("Prompt: ") + freeText;
        const auto raised = alerts.raise(alert);
        if (!raised || !alerts.logAction(raised->id, QStringLiteral("talked-about-goals"),
                                         QStringLiteral("Action note: ") + freeText))
            return std::nullopt;
        h.alertId = raised->id;
        return h;
    }
};

} // namespace triad::interop::testing
