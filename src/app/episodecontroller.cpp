#include "episodecontroller.h"

#include "clinicsession.h"
#include "episodeopening.h"
#include "instrumentcatalog.h"
#include "roundflow.h"
#include "roundplan.h"

#include "core/alliance/action.h"
#include "core/insights/cardstate.h"
#include "core/store/schema.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

namespace {

QString conditionLabelFor(const QString &id)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("acl-injury"), QT_TRANSLATE_NOOP("EpisodeController", "ACL injury")},
        {QStringLiteral("low-back-pain"), QT_TRANSLATE_NOOP("EpisodeController", "Low back pain")},
        {QStringLiteral("hypermobility"), QT_TRANSLATE_NOOP("EpisodeController", "Hypermobility")},
        {QStringLiteral("scoliosis"), QT_TRANSLATE_NOOP("EpisodeController", "Scoliosis")},
        {QStringLiteral("cerebral-palsy"),
         QT_TRANSLATE_NOOP("EpisodeController", "Cerebral palsy")},
        {QStringLiteral("juvenile-arthritis"),
         QT_TRANSLATE_NOOP("EpisodeController", "Juvenile arthritis")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("EpisodeController", "Other")},
    };
    const char *label = labels.value(id);
    return label ? EpisodeController::tr(label) : id;
}

QVariant scoreOrNull(const std::optional<double> &score)
{
    return score ? QVariant(qRound(*score * 10) / 10.0) : QVariant();
}

} // namespace

EpisodeController::EpisodeController(QObject *parent)
    : QObject(parent)
{
    // The figures arrived (or failed): read the episode again, now with its alert cards; not
    // while a family member answers (this screen waits under the round), but right after.
    // A read still on its way may have started without them: it is read again too.
    const auto refresh = [this] {
        const ClinicSession *session = ClinicSession::instance();
        if ((m_figuresPending || m_loading) && !session->clinicFiguresWorking() &&
            !session->formRunning() && !underTheRound())
            this->refresh();
    };
    connect(ClinicSession::instance(), &ClinicSession::clinicFiguresChanged, this, refresh);
    connect(ClinicSession::instance(), &ClinicSession::formRunningChanged, this, refresh);
    // A finished round's cards were stored after a read with the figures: read again.
    connect(RoundFlow::instance(), &RoundFlow::cardsStored, this, [this](const QString &episodeId) {
        if (episodeId == m_requestedId && !underTheRound())
            this->refresh();
    });
}

bool EpisodeController::underTheRound() const
{
    // The screen waits under the round's screens while the family has the tablet and while
    // its summary shows; it is read again when the round ends (StaffArea). A read on a worker
    // meanwhile kept its freed memory (PSS), and applying it under the summary took the UI
    // thread 4-8 ms for a screen nobody sees.
    const RoundFlow *flow = RoundFlow::instance();
    return m_async && (flow->patientMode() || flow->stage() == QLatin1String("summary"));
}

QString EpisodeController::conditionLabel() const
{
    return conditionLabelFor(m_condition);
}

QVariantList EpisodeController::conditions() const
{
    QVariantList out;
    for (const QString &id : store::conditionCategories())
        out << QVariantMap{{QStringLiteral("id"), id},
                           {QStringLiteral("label"), conditionLabelFor(id)}};
    return out;
}

QVariantList EpisodeController::actionKinds() const
{
    QVariantList out;
    for (ActionKind k : allActionKinds())
        out << QVariantMap{{QStringLiteral("id"), actionKindId(k)},
                           {QStringLiteral("label"), actionKindLabel(k)}};
    return out;
}

void EpisodeController::setError(const QString &message)
{
    m_error = message;
    emit changed();
}

QString EpisodeController::load(const QString &episodeId)
{
    ++m_generation; // a read still on its way from openEpisode() is not shown over this one
    m_requestedId = episodeId;
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (!ws)
        return finishLoading(tr("Please sign in first."));
    QString figuresError;
    const insights::ClinicFigures *figures = currentFigures(&figuresError);
    if (!figuresError.isEmpty())
        return finishLoading(tr("This episode cannot be opened: %1").arg(figuresError));
    return apply(readEpisode(session->database(), ws->cipher, ws->audit,
                             InstrumentCatalog::instance()->library(), figures, episodeId,
                             readableBy()));
}

void EpisodeController::openEpisode(const QString &episodeId)
{
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    const QString path = session->database().path();
    m_async = true; // and so are its refreshes (the figures arrived, a round ended)
    m_requestedId = episodeId;
    if (!ws || path.isEmpty()) { // a database without a file is read at once
        load(episodeId);
        return;
    }
    QString figuresError;
    const insights::ClinicFigures *figures = currentFigures(&figuresError);
    if (!figuresError.isEmpty()) {
        ++m_generation;
        finishLoading(tr("This episode cannot be opened: %1").arg(figuresError));
        return;
    }
    // Copies for the worker: the UI thread may sign out, or install new figures, meanwhile.
    EpisodeSource source = workerSource(figures);
    const quint64 generation = ++m_generation;
    using Watcher = QFutureWatcher<EpisodeOpening>;
    auto *watcher = new Watcher(this);
    connect(watcher, &Watcher::finished, this,
            [this, watcher, generation, reader = session->signedInStaffId()] {
                watcher->deleteLater();
                // A later open, load or write replaced this read; or the physio signed out.
                const ClinicSession *now = ClinicSession::instance();
                if (generation != m_generation || !now->workspace() ||
                    now->signedInStaffId() != reader)
                    return;
                apply(watcher->result());
            });
    watcher->setFuture(QtConcurrent::run(
        session->readerPool(), [source = std::move(source), episodeId, physio = readableBy()] {
            yieldToTheScreen();
            return readEpisodeAt(source, episodeId, physio);
        }));
    setLoading(true);
}

void EpisodeController::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void EpisodeController::refresh()
{
    if (m_requestedId.isEmpty())
        return;
    if (m_async)
        openEpisode(m_requestedId);
    else
        load(m_requestedId);
}

const insights::ClinicFigures *EpisodeController::currentFigures(QString *error) const
{
    ClinicSession *session = ClinicSession::instance();
    bool failed = false;
    const insights::ClinicFigures *figures = session->readyClinicFigures(&failed);
    if (failed)
        *error = session->clinicFiguresError().isEmpty() ? session->database().lastError().message()
                                                         : session->clinicFiguresError();
    return figures;
}

QString EpisodeController::readableBy() const
{
    const ClinicSession *session = ClinicSession::instance();
    return session->seesAllPatients() ? QString() : session->signedInStaffId();
}

QString EpisodeController::finishLoading(const QString &error)
{
    setError(error);
    setLoading(false);
    return m_error;
}

QString EpisodeController::apply(const EpisodeOpening &opening)
{
    if (opening.forbidden)
        return finishLoading(tr("This episode belongs to another physiotherapist."));
    if (!opening.error.isEmpty())
        return finishLoading(tr("This episode cannot be opened: %1").arg(opening.error));
    const store::Episode *episode = &opening.episode;
    const store::Patient *patient = &opening.patient;
    const EpisodeReading *reading = &opening.reading;
    const insights::EpisodeHistory *history = &reading->history;
    m_episodeId = episode->id;
    m_patientId = episode->patientId;
    m_patientName = patient->name;
    m_patientCode = patient->code;
    m_condition = episode->condition;
    m_goals = episode->goals;
    m_open = episode->isOpen();
    m_scores.clear();
    m_figuresPending = reading->figuresPending;

    // Whether a card is resolved, and what followed an action, come from the analysis against
    // the clinic's figures: none shown until those are ready, rather than a guess.
    const QVector<store::AlertRecord> &stored = opening.alerts;
    QHash<QString, QVariantList> alertsBySession;
    m_alerts.clear();
    // Oldest first on screen, like the sessions.
    for (auto it = stored.rbegin(); it != stored.rend(); ++it) {
        const store::AlertRecord &a = *it;
        const QVector<store::ActionRecord> actions = opening.actions.value(a.id);
        QString actionLabel;
        QString followUp;
        const int index = history->indexOf(a.sessionId);
        if (!actions.isEmpty()) {
            const auto kind = actionKindFromId(actions.last().action);
            actionLabel = kind ? actionKindLabel(*kind) : actions.last().action;
            const auto type = alertTypeFromId(a.type);
            const auto who = respondentFromId(a.respondent);
            const QString measure =
                a.evidence.value(QStringLiteral("measure")).toString(QStringLiteral("total"));
            for (const MeasureSeries &s : history->input.series) {
                if (!type || !kind || !who || s.respondent != *who || s.measure != measure ||
                    *kind == ActionKind::FalseAlarm)
                    continue;
                AcknowledgedAlert ack;
                ack.alert.type = *type;
                ack.alert.respondent = *who;
                ack.alert.measure = measure;
                ack.alert.sessionIndex = index;
                ack.alert.evidence = a.evidence;
                ack.action = *kind;
                ack.actionSession = index;
                followUp =
                    followUpAfterAction(ack, s, RuptureRules{}, firstName(m_patientName)).summary;
            }
        }
        // Resolved when the repair rule saw the person's total come back after it (the
        // V-shape), acknowledged or not: drawn apart from open cards.
        const bool resolved = insights::resolvedByRepair(a, *history, reading->analysis);
        m_alerts << QVariantMap{
            {QStringLiteral("alertId"), a.id},
            {QStringLiteral("resolved"), resolved},
            {QStringLiteral("falseAlarm"),
             !actions.isEmpty() && actions.last().action == QLatin1String("false-alarm")},
            {QStringLiteral("type"), a.type},
            {QStringLiteral("severity"), a.severity},
            {QStringLiteral("sessionIndex"), index},
            {QStringLiteral("respondent"), a.respondent},
            {QStringLiteral("prompt"), a.prompt},
            {QStringLiteral("acknowledged"), !a.acknowledgedAt.isEmpty()},
            {QStringLiteral("action"), actionLabel},
            {QStringLiteral("followUp"), followUp}};
        alertsBySession[a.sessionId] << a.id;
    }

    m_sessions.clear();
    const QStringList people{QStringLiteral("child"), QStringLiteral("parent"),
                             QStringLiteral("physio")};
    for (const insights::SessionRow &s : history->sessions) {
        QVariantMap row{{QStringLiteral("sessionId"), s.session.id},
                        {QStringLiteral("index"), s.index},
                        {QStringLiteral("date"), s.session.date.toString(Qt::ISODate)},
                        {QStringLiteral("alerts"), alertsBySession.value(s.session.id)}};
        for (const QString &who : people) {
            row.insert(who, scoreOrNull(history->scoreAt(s.index, who, QStringLiteral("total"))));
            row.insert(who + QStringLiteral("Status"), s.status.value(who));
            row.insert(who + QStringLiteral("Reason"), s.skipReason.value(who));
            row.insert(who + QStringLiteral("ReasonLabel"),
                       skipReasonLabel(s.skipReason.value(who)));
        }
        m_sessions << row;
    }
    for (const MeasureSeries &s : history->input.series)
        for (const SessionPoint &p : s.points)
            if (p.score)
                m_scores[respondentId(s.respondent)][s.measure]
                    << qMakePair(p.sessionIndex, *p.score);
    m_notes = m_figuresPending ? QStringList() : ruleNoteSentences(reading->analysis);
    m_formChanges.clear();
    for (const insights::FormChange &change : history->formChanges)
        m_formChanges << change.note();
    m_error.clear();
    emit changed();
    setLoading(false);
    return {};
}

QString EpisodeController::create(const QString &patientId, const QString &condition,
                                  const QString &goals)
{
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (!ws)
        return tr("Please sign in first.");
    if (!store::conditionCategories().contains(condition))
        return tr("Condition: please choose one from the list.");
    if (!ws->patients.get(patientId))
        return tr("Patient: this patient cannot be found.");
    for (const auto &e : ws->episodes.forPatient(patientId))
        if (e.isOpen())
            return tr("Condition: this patient already has an open episode; close it first.");
    store::Episode e;
    e.patientId = patientId;
    e.physioId = session->signedInStaffId();
    e.condition = condition;
    e.goals = goals.trimmed();
    e.startDate = QDate::currentDate();
    const auto created = ws->episodes.create(e);
    if (!created)
        return ws->episodes.lastError().message();
    return load(created->id);
}

QString EpisodeController::update(const QString &condition, const QString &goals)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return tr("Please sign in first.");
    if (m_episodeId.isEmpty())
        return tr("Episode: open an episode first.");
    if (!store::conditionCategories().contains(condition))
        return tr("Condition: please choose one from the list.");
    if (!ws->episodes.update(m_episodeId, condition, goals.trimmed()))
        return ws->episodes.lastError().message();
    return load(m_episodeId);
}

QString EpisodeController::close()
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return tr("Please sign in first.");
    if (m_episodeId.isEmpty() || !m_open)
        return tr("There is no open episode to close.");
    if (!ws->episodes.close(m_episodeId, QDate::currentDate()))
        return ws->episodes.lastError().message();
    return load(m_episodeId);
}

bool EpisodeController::hasCore() const
{
    for (auto it = m_scores.cbegin(); it != m_scores.cend(); ++it)
        if (!it.value().value(QStringLiteral("core")).isEmpty())
            return true;
    return false;
}

QVariantList EpisodeController::series(const QString &respondent, const QString &measure) const
{
    QVariantList out;
    for (const auto &[index, score] : m_scores.value(respondent).value(measure))
        out << QVariantMap{{QStringLiteral("x"), index}, {QStringLiteral("y"), score}};
    return out;
}

QString EpisodeController::acknowledgeMany(const QStringList &alertIds, const QString &actionKind,
                                           const QString &note)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return tr("Please sign in first.");
    if (alertIds.isEmpty())
        return tr("Choose at least one card.");
    if (!actionKindFromId(actionKind))
        return tr("Action: please choose what you did from the list.");
    int done = 0;
    for (const QString &id : alertIds) {
        if (!ws->alerts.logAction(id, actionKind, note.trimmed())) {
            const QString why = ws->alerts.lastError().message();
            load(m_episodeId);
            return tr("%1 of %2 cards saved; the next could not be: %3")
                .arg(done)
                .arg(alertIds.size())
                .arg(why);
        }
        ++done;
    }
    return load(m_episodeId);
}

QString EpisodeController::acknowledge(const QString &alertId, const QString &actionKind,
                                       const QString &note)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return tr("Please sign in first.");
    if (!actionKindFromId(actionKind))
        return tr("Action: please choose what you did from the list.");
    if (!ws->alerts.logAction(alertId, actionKind, note.trimmed()))
        return ws->alerts.lastError().message();
    return load(m_episodeId);
}

} // namespace triad::app
