#include "episodeinsights.h"

#include "core/instrument/scoring.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"
#include "core/store/roundskiprepository.h"

#include <QDateTime>

namespace triad::insights {

namespace {
constexpr Respondent kRespondents[] = {Respondent::Child, Respondent::Parent, Respondent::Physio};

std::optional<double> measureOf(const ScoreSet &scores, const QString &measure)
{
    const Score *s = scores.measure(measure);
    if (!s || !s->scorable)
        return std::nullopt;
    return s->normalised;
}

QString firstName(const QString &fullName)
{
    return fullName.simplified().section(QLatin1Char(' '), 0, 0);
}

// What makes two alerts "the same" for idempotence: session, type, respondent, measure, dyad.
QString identity(const QString &sessionId, const QString &type, const QString &respondent,
                 const QJsonObject &evidence)
{
    return QStringList{sessionId, type, respondent,
                       evidence.value(QStringLiteral("measure")).toString(),
                       evidence.value(QStringLiteral("dyad")).toString()}
        .join(QLatin1Char('|'));
}

ResponseQualityInput qualityInput(const store::StoredResponse &r, const Instrument &instrument,
                                  int sessionIndex)
{
    ResponseQualityInput q;
    q.respondent = r.record.respondent;
    q.sessionIndex = sessionIndex;
    bool anyReverse = false;
    for (const Item &item : instrument.items) {
        if (item.subscaleId.isEmpty() || !r.answers.has(item.id))
            continue;
        const ResponseFormat *format = nullptr;
        for (const auto &f : instrument.formats)
            if (f.id == item.formatId)
                format = &f;
        const auto keyed = itemValue(instrument, item, r.answers);
        if (!format || !keyed)
            continue;
        q.answerPositions.append(toPercent(*format, r.answers.value(item.id).toDouble()));
        q.keyedValues.append(*keyed);
        anyReverse = anyReverse || item.reverse;
    }
    if (!anyReverse)
        q.keyedValues.clear();
    const QDateTime started = QDateTime::fromString(r.record.startedAt, Qt::ISODateWithMs);
    const QDateTime completed = QDateTime::fromString(r.record.completedAt, Qt::ISODateWithMs);
    if (started.isValid() && completed.isValid() && started <= completed)
        q.durationSeconds = started.msecsTo(completed) / 1000.0;
    return q;
}
} // namespace

EpisodeInsights::EpisodeInsights(store::Database &db, const crypto::FieldCipher &cipher,
                                 store::AuditLog &audit, const InstrumentLibrary &library,
                                 RuptureRules rules)
    : m_db(db)
    , m_cipher(cipher)
    , m_audit(audit)
    , m_library(library)
    , m_analyzer(rules)
{}

std::optional<EpisodeHistory> EpisodeInsights::history(const QString &episodeId,
                                                       const ClinicFigures &figures)
{
    m_db.clearError();
    store::EpisodeRepository episodes(m_db, m_cipher, m_audit);
    const auto episode = episodes.get(episodeId);
    if (!episode)
        return std::nullopt;
    store::PatientRepository patients(m_db, m_cipher, m_audit);
    const auto patient = patients.get(episode->patientId);
    if (!patient)
        return std::nullopt;
    store::SessionRepository sessionRepo(m_db, m_audit);
    // Only sessions where something was recorded: an empty one (a round stopped before anyone
    // began) is not shown, numbered or compared with.
    const QVector<store::Session> sessions = sessionRepo.recordedForEpisode(episodeId);
    if (m_db.lastError().kind != store::StoreErrorKind::None)
        return std::nullopt;
    store::ResponseRepository responseRepo(m_db, m_cipher, m_audit);
    const QVector<store::StoredResponse> responses = responseRepo.forEpisode(episodeId);
    if (m_db.lastError().kind != store::StoreErrorKind::None)
        return std::nullopt;

    store::RoundSkipRepository skipRepo(m_db, m_audit);
    const QVector<store::RoundSkip> skips = skipRepo.forEpisode(episodeId);
    if (m_db.lastError().kind != store::StoreErrorKind::None)
        return std::nullopt;

    EpisodeHistory h;
    h.episodeId = episodeId;
    h.input.childFirstName = firstName(patient->name);
    QHash<QString, int> indexOf;
    for (const auto &s : sessions) {
        h.sessionIds.append(s.id);
        indexOf.insert(s.id, int(h.sessionIds.size()));
        SessionRow row;
        row.session = s;
        row.index = int(h.sessionIds.size());
        h.sessions.append(row);
    }

    // One series per respondent and measure, a point for every session (missing = no score).
    QString childForm;
    std::array<QString, 3> latestForm;
    std::array<QString, 3> latestVersion;
    std::array<QHash<int, const store::StoredResponse *>, 3> bySession;
    for (const auto &r : responses) {
        const int index = indexOf.value(r.record.sessionId);
        if (index == 0)
            continue;
        h.sessions[index - 1].status.insert(respondentId(r.record.respondent),
                                            store::responseStatusId(r.record.status));
        if (r.record.status != store::ResponseStatus::Complete)
            continue;
        bySession[size_t(r.record.respondent)].insert(index, &r);
        latestForm[size_t(r.record.respondent)] = r.record.instrumentId;
        latestVersion[size_t(r.record.respondent)] = r.record.instrumentVersion;
        // Item-level checks read the answers with the version they were given on.
        if (const Instrument *instrument =
                m_library.find(r.record.instrumentId, r.record.instrumentVersion))
            h.input.responses.append(qualityInput(r, *instrument, index));
    }
    for (Respondent who : kRespondents) {
        const auto &mine = bySession[size_t(who)];
        if (mine.isEmpty())
            continue;
        const QString &form = latestForm[size_t(who)];
        const Instrument *instrument = m_library.find(form, latestVersion[size_t(who)]);
        // A new major version of the same form scores on another scale: its first session
        // starts a new baseline, and the older scores are not compared with the new ones.
        const QString major = InstrumentLibrary::majorVersion(latestVersion[size_t(who)]);
        auto sameScale = [&](const store::StoredResponse *r) {
            return r->record.instrumentId != form ||
                   InstrumentLibrary::majorVersion(r->record.instrumentVersion) == major;
        };
        std::optional<FormChange> change;
        for (int i = 1; i <= sessions.size(); ++i) {
            const auto *r = mine.value(i);
            if (!r || sameScale(r) || r->record.instrumentId != form)
                continue;
            if (!change) {
                change = FormChange{who, 0, form, r->record.instrumentVersion,
                                    latestVersion[size_t(who)]};
            }
            change->fromVersion = r->record.instrumentVersion;
        }
        if (change) {
            for (int i = 1; i <= sessions.size() && change->sessionIndex == 0; ++i)
                if (const auto *r = mine.value(i);
                    r && r->record.instrumentId == form && sameScale(r))
                    change->sessionIndex = i;
            h.formChanges.append(*change);
        }
        for (const QString &measure : trackedMeasures()) {
            MeasureSeries series;
            series.respondent = who;
            series.measure = measure;
            series.figures.clinic = figures.norms(form, who, measure);
            if (instrument && measure == QLatin1String("total"))
                series.figures.declared = instrument->scoring.totalPsychometrics;
            bool any = false;
            for (int i = 1; i <= sessions.size(); ++i) {
                SessionPoint point{i, sessions[i - 1].date, std::nullopt};
                if (const auto *r = mine.value(i);
                    r && sameScale(r) && (!change || i >= change->sessionIndex))
                    point.score = measureOf(r->scores, measure);
                any = any || point.score.has_value();
                series.points.append(point);
            }
            if (any)
                h.input.series.append(series);
        }
    }
    h.input.clinicGaps = figures.usualGaps(ageBandKey(m_library.find(latestForm[0])));

    // A skip carries the exact reason (an absence is not a decline); a step skipped before
    // its form began has no response at all.
    for (const store::RoundSkip &k : skips) {
        const int index = indexOf.value(k.sessionId);
        if (index == 0)
            continue;
        SessionRow &row = h.sessions[index - 1];
        const QString who = respondentId(k.respondent);
        if (row.status.value(who) == QLatin1String("complete"))
            continue;
        row.skipReason.insert(who, k.reason);
        row.status.insert(who, k.reason == QLatin1String("declined") ? QStringLiteral("declined")
                                                                     : QStringLiteral("skipped"));
    }
    return h;
}

EpisodeAnalysis EpisodeInsights::analyze(const EpisodeHistory &history) const
{
    return m_analyzer.analyze(history.input);
}

std::optional<EpisodeAnalysis> EpisodeInsights::analyzeEpisode(const QString &episodeId,
                                                               const ClinicFigures &figures)
{
    const auto h = history(episodeId, figures);
    if (!h)
        return std::nullopt;
    return m_analyzer.analyze(h->input);
}

std::optional<QVector<store::AlertRecord>>
EpisodeInsights::recordNewAlerts(const QString &episodeId, const ClinicFigures &figures)
{
    const auto h = history(episodeId, figures);
    if (!h)
        return std::nullopt;
    return recordNewAlerts(*h, analyze(*h), int(h->sessionIds.size()));
}

std::optional<QVector<store::AlertRecord>>
EpisodeInsights::recordNewAlerts(const EpisodeHistory &h, const EpisodeAnalysis &analysis,
                                 int sessionIndex)
{
    QVector<store::AlertRecord> stored;
    if (sessionIndex < 1 || sessionIndex > h.sessionIds.size())
        return stored;
    const QString sessionId = h.sessionIds.at(sessionIndex - 1);

    store::AlertRepository alerts(m_db, m_cipher, m_audit);
    QSet<QString> existing;
    m_db.clearError();
    for (const auto &a : alerts.forEpisode(h.episodeId))
        existing.insert(identity(a.sessionId, a.type, a.respondent, a.evidence));
    if (m_db.lastError().kind != store::StoreErrorKind::None)
        return std::nullopt;

    bool ownBatch = false;
    for (const Alert &a : analysis.alertsAt(sessionIndex)) {
        store::AlertRecord record;
        record.episodeId = h.episodeId;
        record.sessionId = sessionId;
        record.type = a.typeId();
        record.respondent = respondentId(a.respondent);
        record.severity = severityId(a.severity);
        record.evidence = a.evidence;
        record.evidence.insert(QStringLiteral("measure"), a.measure);
        if (a.dyad)
            record.evidence.insert(QStringLiteral("dyad"), dyadId(*a.dyad));
        record.prompt = a.prompt;
        const QString id = identity(sessionId, record.type, record.respondent, record.evidence);
        if (existing.contains(id))
            continue;
        // A session's cards in one commit (issue 12): one fsync of the file and one of the
        // log's head for them all, not three fsyncs a card (at the summary, 45 ms of the UI
        // thread for a round's cards). All of them are stored, or none.
        if (!ownBatch && !m_db.inBatch()) {
            if (!m_db.beginBatch())
                return std::nullopt;
            ownBatch = true;
        }
        const auto raised = alerts.raise(record);
        if (!raised) {
            if (ownBatch)
                m_db.rollbackBatch();
            return std::nullopt;
        }
        existing.insert(id);
        stored.append(*raised);
    }
    if (ownBatch) {
        if (!m_db.commitBatch())
            return std::nullopt;
        m_audit.publishHead();
    }
    return stored;
}

} // namespace triad::insights
