#include "episodereport.h"

#include "core/alliance/action.h"
#include "core/interop/csv/researchexport.h"
#include "core/store/alertrepository.h"
#include "core/store/auditlog.h"
#include "core/store/clinic.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"
#include "core/store/staffrepository.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

namespace triad::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::report::EpisodeReport", text);
}

QString words(const QString &code)
{
    QString s = code;
    s.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

std::optional<double> normalised(const Score *s)
{
    if (!s || !s->scorable)
        return std::nullopt;
    return s->normalised;
}

// A card's text without names: what was seen, by whom, on which measure.
QString describe(const store::AlertRecord &a, int sessionIndex)
{
    const QString who = a.respondent.isEmpty() ? tr("the episode") : respondentWords(a.respondent);
    const QString measure =
        a.evidence.value(QStringLiteral("measure")).toString(QStringLiteral("total"));
    return tr("%1 (%2): %3, measure %4, at session %5.")
        .arg(words(a.type), a.severity, who, measure)
        .arg(sessionIndex);
}

} // namespace

QString conditionWords(const QString &id)
{
    return words(id);
}

QString respondentWords(const QString &id)
{
    if (id == QLatin1String("child"))
        return tr("Child");
    if (id == QLatin1String("parent"))
        return tr("Parent");
    if (id == QLatin1String("physio"))
        return tr("Physiotherapist");
    return id;
}

std::optional<EpisodeReport> EpisodeReport::load(store::Database &db, const crypto::Vault &vault,
                                                 const InstrumentLibrary &library,
                                                 const QString &episodeOrCode, bool identified,
                                                 interop::InteropError *error)
{
    if (!interop::csv::ResearchExport::mayExport(db, vault, error))
        return std::nullopt;
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::PatientRepository patients(db, cipher, audit);
    store::EpisodeRepository episodes(db, cipher, audit);
    store::SessionRepository sessions(db, audit);
    store::ResponseRepository responses(db, cipher, audit);
    store::AlertRepository alerts(db, cipher, audit);
    store::StaffRepository staff(db);
    const auto storeError = [&](const QString &what) {
        *error = {interop::InteropErrorKind::Store,
                  tr("The episode could not be read (%1): %2").arg(what, db.lastError().detail)};
        return std::nullopt;
    };

    std::optional<store::Episode> episode;
    std::optional<store::Patient> patient;
    const QString wanted = episodeOrCode.trimmed();
    if (wanted.startsWith(QLatin1String("TRD-"), Qt::CaseInsensitive)) {
        patient = patients.findByCode(wanted);
        if (!patient) {
            *error = {interop::InteropErrorKind::Invalid,
                      tr("No patient has the pseudonym code %1.").arg(wanted)};
            return std::nullopt;
        }
        auto list = episodes.forPatient(patient->id);
        if (list.isEmpty()) {
            *error = {interop::InteropErrorKind::Invalid,
                      tr("Patient %1 has no episode of care yet.").arg(patient->code)};
            return std::nullopt;
        }
        std::sort(list.begin(), list.end(), [](const store::Episode &a, const store::Episode &b) {
            return a.startDate != b.startDate ? a.startDate < b.startDate
                                              : a.createdAt < b.createdAt;
        });
        episode = list.last();
    } else {
        episode = episodes.get(wanted);
        if (!episode) {
            *error = {interop::InteropErrorKind::Invalid,
                      tr("No episode has the id %1 (give an episode id or a pseudonym code).")
                          .arg(wanted)};
            return std::nullopt;
        }
        patient = patients.get(episode->patientId);
        if (!patient)
            return storeError(tr("patient"));
    }

    {
        // Audited before anything is drawn.
        store::Transaction tx(db);
        if (!tx.begin() ||
            !audit.append(identified ? QStringLiteral("export-pdf-identified")
                                     : QStringLiteral("export-pdf"),
                          QStringLiteral("episode"), episode->id) ||
            !tx.commit())
            return storeError(tr("audit log"));
        audit.publishHead();
    }

    EpisodeReport r;
    r.clinicName = store::Clinic(db).name();
    r.identified = identified;
    r.patientCode = patient->code;
    if (identified) {
        r.patientName = patient->name;
        r.birthDate = patient->birthDate;
    }
    r.ageAtStart = InstrumentLibrary::ageOn(patient->birthDate, episode->startDate);
    r.episodeId = episode->id;
    r.condition = episode->condition;
    r.startDate = episode->startDate;
    r.endDate = episode->endDate;
    if (const auto physio = staff.get(episode->physioId))
        r.physio = physio->displayName;
    const auto me = staff.get(vault.staffId());
    r.generatedBy = me ? me->displayName : QString();
    r.generatedAt =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));

    const auto sessionList = sessions.forEpisode(episode->id);
    QHash<QString, int> indexOf;
    for (const store::Session &s : sessionList) {
        ReportSession row;
        row.index = int(r.sessions.size()) + 1;
        row.date = s.date;
        row.setting = s.setting;
        indexOf.insert(s.id, row.index);
        r.sessions << row;
    }
    const auto stored = responses.forEpisode(episode->id);
    if (stored.isEmpty() && !db.lastError().detail.isEmpty() &&
        db.lastError().kind != store::StoreErrorKind::None)
        return storeError(tr("responses"));
    QSet<QString> formsSeen;
    for (const store::StoredResponse &s : stored) {
        const int index = indexOf.value(s.record.sessionId);
        if (index <= 0)
            continue;
        ReportScores scores;
        scores.status = store::responseStatusId(s.record.status);
        if (s.record.status == store::ResponseStatus::Complete) {
            scores.total = normalised(&s.scores.total);
            scores.core = s.scores.hasCore() ? normalised(&s.scores.core) : std::nullopt;
            scores.goal = normalised(s.scores.construct(QStringLiteral("goal")));
            scores.task = normalised(s.scores.construct(QStringLiteral("task")));
            scores.bond = normalised(s.scores.construct(QStringLiteral("bond")));
        }
        r.sessions[index - 1].byRespondent.insert(respondentId(s.record.respondent), scores);
        const QString key = s.record.instrumentId + QLatin1Char(' ') + s.record.instrumentVersion;
        if (!formsSeen.contains(key)) {
            formsSeen.insert(key);
            const Instrument *form =
                library.find(s.record.instrumentId, s.record.instrumentVersion);
            r.forms << ReportForm{s.record.instrumentId, s.record.instrumentVersion,
                                  form ? form->title.in(QStringLiteral("en"))
                                       : tr("(form not in this library)")};
        }
    }
    std::sort(r.forms.begin(), r.forms.end(), [](const ReportForm &a, const ReportForm &b) {
        return a.id != b.id ? a.id < b.id : a.version < b.version;
    });

    const auto alertList = alerts.forEpisode(episode->id);
    for (auto it = alertList.rbegin(); it != alertList.rend(); ++it) { // oldest first
        const store::AlertRecord &a = *it;
        ReportCard card;
        card.sessionIndex = indexOf.value(a.sessionId);
        card.type = a.type;
        card.severity = a.severity;
        card.respondent = a.respondent;
        card.measure =
            a.evidence.value(QStringLiteral("measure")).toString(QStringLiteral("total"));
        card.text = identified ? a.prompt : describe(a, card.sessionIndex);
        for (const store::ActionRecord &action : alerts.actions(a.id)) {
            ReportAction ra;
            ra.at = action.at;
            const auto kind = actionKindFromId(action.action);
            ra.kind = kind ? actionKindLabel(*kind) : words(action.action);
            if (const auto member = staff.get(action.staffId))
                ra.by = member->displayName;
            if (identified)
                ra.note = action.note;
            card.actions << ra;
        }
        r.cards << card;
    }
    return r;
}

} // namespace triad::report
