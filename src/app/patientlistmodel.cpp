#include "patientlistmodel.h"

#include "clinicsession.h"
#include "instrumentcatalog.h"
#include "roundflow.h"

#include "core/insights/cardstate.h"
#include "core/store/changestamp.h"

#include "core/instrument/instrumentlibrary.h"

#include <algorithm>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

PatientListModel::PatientListModel(QObject *parent)
    : PatientListModel(parent, FirstRead::Now)
{}

PatientListModel::PatientListModel(QObject *parent, FirstRead first)
    : QAbstractListModel(parent)
{
    // The list follows the session: emptied at every lock, refilled at sign-in.
    // (At sign-in the screen, and this model, are made just before the signal: read once.)
    connect(ClinicSession::instance(), &ClinicSession::workspaceChanged, this, [this] {
        const ClinicSession *session = ClinicSession::instance();
        const bool readForThis = session->workspace() && session->workspace() == m_readFor &&
                                 session->signedInStaffId() == m_readForStaff &&
                                 readStamp() == m_readStamp;
        if (readForThis)
            return;
        // The sign-in's signal right after the screen's first read: that read is on its way.
        const bool onItsWay = m_readingInBackground && session->workspace() == m_pendingFor &&
                              session->signedInStaffId() == m_pendingStaff &&
                              readStamp() == m_pendingStamp;
        if (onItsWay)
            return;
        if (m_backgroundReads && session->workspace())
            refreshInBackground();
        else
            reload();
    });
    // The clinic figures arrived: the cards that waited for them are counted now (not while a
    // family member answers: right after). Only those patients' cards are read again (the
    // screen's list reads every row again on a worker instead: at 2,000 patients the recount
    // here blocked a frame for 60-110 ms), and the rows change in place: the list is not
    // rebuilt under a finger about to tap it.
    const auto refresh = [this] {
        ClinicSession *session = ClinicSession::instance();
        if (session->clinicFiguresWorking() || session->formRunning())
            return;
        // Nobody sees the list while the family has the tablet; a read on a worker then would
        // keep its freed memory until the next round (PSS). It is read when shown again.
        if (m_backgroundReads && RoundFlow::instance()->patientMode())
            return;
        // A read still on its way may have begun without the figures: it is read again too.
        const bool waiting = m_readingInBackground ||
                             std::any_of(m_all.cbegin(), m_all.cend(),
                                         [](const Row &row) { return row.cardsToCheck > 0; });
        if (waiting && m_backgroundReads && !session->database().path().isEmpty()) {
            m_readStamp.clear(); // the rows' figures changed, not the store: read them again
            refreshInBackground();
        } else {
            recountWaitingCards();
        }
    };
    connect(ClinicSession::instance(), &ClinicSession::clinicFiguresChanged, this, refresh);
    connect(ClinicSession::instance(), &ClinicSession::formRunningChanged, this, refresh);
    if (first == FirstRead::Now)
        reload();
}

void PatientListModel::readFirst()
{
    ClinicSession *session = ClinicSession::instance();
    if (m_backgroundReads && session->workspace() && !session->database().path().isEmpty())
        refreshInBackground();
    else
        reload();
}

void PatientListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void PatientListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    applySearch();
}

QString PatientListModel::readStamp() const
{
    ClinicSession *session = ClinicSession::instance();
    if (!session->workspace())
        return {};
    const auto stamp = store::changeStamp(session->database());
    if (!stamp)
        return {};
    return QStringLiteral("%1|%2|%3")
        .arg(*stamp, QDate::currentDate().toString(Qt::ISODate), session->language());
}

void PatientListModel::refresh()
{
    const QString stamp = readStamp();
    if (stamp.isEmpty() || stamp != m_readStamp || !m_error.isEmpty())
        reload();
}

PatientRowsFor PatientListModel::reader() const
{
    ClinicSession *session = ClinicSession::instance();
    PatientRowsFor reader;
    reader.staffId = session->signedInStaffId();
    reader.all = session->seesAllPatients();
    reader.today = QDate::currentDate();
    bool failed = false;
    reader.figures = session->readyClinicFigures(&failed);
    if (failed)
        reader.figuresError = session->clinicFiguresError().isEmpty()
                                  ? session->database().lastError().message()
                                  : session->clinicFiguresError();
    return reader;
}

void PatientListModel::reload()
{
    ++m_generation; // a read still on its way from refreshInBackground() is not installed
    m_readingInBackground = false;
    m_pendingFor = nullptr;
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    // Taken before reading: a write while the rows are read makes the next refresh read again.
    m_readStamp = readStamp();
    m_readFor = ws;
    m_readForStaff = session->signedInStaffId();
    install(ws ? readPatientRows(session->database(), ws->cipher, ws->audit,
                                 InstrumentCatalog::instance()->library(), reader())
               : PatientRows{});
    setLoading(false);
}

void PatientListModel::refreshInBackground()
{
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    const QString path = session->database().path();
    const QString stamp = readStamp();
    // Cards that waited for the clinic figures are counted once the figures are in, even when
    // nothing was written since (they arrived while the list was not on show).
    const bool waiting =
        std::any_of(m_all.cbegin(), m_all.cend(), [](const Row &r) { return r.cardsToCheck > 0; });
    if (!stamp.isEmpty() && stamp == m_readStamp && m_error.isEmpty() &&
        !(waiting && session->readyClinicFigures()))
        return;
    if (!ws || path.isEmpty()) {
        reload();
        return;
    }
    PatientRowsFor now = reader();
    // The rows the list shows first and those it builds ahead (upright at 800 x 1280 it
    // shows about 10 and builds 3 more).
    now.roundsOfFirst = kRoundsReadWithTheRows;
    // Copies for the worker: the UI thread may sign out, or install new figures, meanwhile.
    EpisodeSource source = workerSource(now.figures);
    const quint64 generation = ++m_generation;
    using Watcher = QFutureWatcher<PatientRows>;
    auto *watcher = new Watcher(this);
    connect(watcher, &Watcher::finished, this,
            [this, watcher, generation, ws, stamp, staff = now.staffId] {
                watcher->deleteLater();
                // A later read replaced this one; or the member signed out or locked meanwhile.
                const ClinicSession *session = ClinicSession::instance();
                if (generation != m_generation || session->workspace() != ws ||
                    session->signedInStaffId() != staff)
                    return;
                m_readingInBackground = false;
                // Taken before the read: a write meanwhile makes the next refresh read again.
                m_readStamp = stamp;
                m_readFor = ws;
                m_readForStaff = staff;
                m_pendingFor = nullptr;
                install(watcher->result());
                setLoading(false);
                // Copied into this thread's memory on the next turn, not in the one that builds
                // the delegates (issue 12: 2 ms of it at 2,000 patients).
                QMetaObject::invokeMethod(
                    this,
                    [this, generation] {
                        if (generation == m_generation)
                            detachRows();
                    },
                    Qt::QueuedConnection);
            });
    m_readingInBackground = true;
    m_pendingFor = ws;
    m_pendingStaff = now.staffId;
    m_pendingStamp = stamp;
    // Nothing on show for this member yet (the first read, or the first after a lock).
    setLoading(m_readFor != ws || m_readForStaff != now.staffId);
    watcher->setFuture(QtConcurrent::run(session->readerPool(), [source = std::move(source), now] {
        yieldToTheScreen();
        return readPatientRowsAt(source, now);
    }));
}

void PatientListModel::install(const PatientRows &read)
{
    m_error = read.error;
    m_all = read.rows;
    // The rounds may have moved on: the rows on show read theirs again, unless they came
    // with the rows.
    const QHash<QString, QString> shown = std::exchange(m_nextActions, {});
    for (auto it = read.rounds.cbegin(); it != read.rounds.cend(); ++it)
        m_nextActions.insert(it.key(), nextActionText(it.value()));
    applySearch();
    for (int i = 0; i < m_rows.size(); ++i)
        if (shown.contains(m_rows.at(i).episodeId))
            emit dataChanged(index(i), index(i), {NextActionRole});
}

void PatientListModel::detachRows()
{
    const bool allShown = m_rows.size() == m_all.size(); // then the same rows, in order
    m_all = detached(m_all);
    m_rows = allShown ? m_all : detached(m_rows);
    QHash<QString, QString> next;
    next.reserve(m_nextActions.size());
    for (auto it = m_nextActions.cbegin(); it != m_nextActions.cend(); ++it)
        next.insert(insights::detachedText(it.key()), it.value());
    m_nextActions = next;
}

QString PatientListModel::nextActionOf(const Row &row) const
{
    if (row.episodeId.isEmpty())
        return tr("No open episode");
    const auto known = m_nextActions.constFind(row.episodeId);
    if (known != m_nextActions.cend())
        return *known;
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return {};
    // Sessions where nothing was recorded (a round stopped before anyone began) do not count.
    // A round is finished when child, parent and physio each completed, declined or were
    // skipped (a skip before the form began is a round_skip row with no response).
    ++m_roundsReadOnShowing;
    const auto progress = ws->sessions.roundProgress(row.episodeId);
    if (!progress) // not kept: read again when shown again
        return tr("Could not read this episode's rounds: %1")
            .arg(ws->sessions.lastError().message());
    const QString text = nextActionText(*progress);
    m_nextActions.insert(row.episodeId, text);
    return text;
}

QString PatientListModel::nextActionText(const store::SessionRepository::RoundProgress &progress)
{
    const int n = progress.recordedSessions;
    if (n == 0)
        return tr("Session 1 round due");
    if (progress.doneInLast < 3)
        return tr("Session %1 round unfinished").arg(n);
    return tr("Session %1 round due").arg(n + 1);
}

void PatientListModel::recountWaitingCards()
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return;
    bool changed = false;
    const PatientRowsFor now = reader();
    for (Row &row : m_all) {
        if (row.cardsToCheck == 0)
            continue;
        const QVector<store::Episode> episodes = ws->episodes.forPatient(row.patientId);
        QHash<QString, QVector<store::AlertRecord>> unacknowledged;
        for (const store::Episode &e : episodes)
            if (e.isOpen())
                unacknowledged.insert(e.id, ws->alerts.forEpisode(e.id, true));
        QString error;
        countCards(ClinicSession::instance()->database(), ws->cipher, ws->audit,
                   InstrumentCatalog::instance()->library(), now, episodes, unacknowledged, row,
                   &error);
        if (!error.isEmpty())
            m_error = error;
        changed = true;
    }
    if (changed)
        applySearch();
}

void PatientListModel::applySearch()
{
    const QString needle = m_search.simplified();
    // Codes are typed loosely ("trd 7k4m"): compare without separators too.
    auto squeeze = [](QString s) {
        s.remove(QLatin1Char('-'));
        s.remove(QLatin1Char(' '));
        return s;
    };
    QVector<Row> shown;
    for (const Row &r : m_all) {
        if (needle.isEmpty() || r.name.contains(needle, Qt::CaseInsensitive) ||
            r.code.contains(needle, Qt::CaseInsensitive) ||
            squeeze(r.code).contains(squeeze(needle), Qt::CaseInsensitive))
            shown << r;
    }
    // The same patients in the same order (figures arrived, a refresh after Back): the rows
    // change in place, so the delegates on screen (and a press on one) stay.
    const bool samePatients =
        std::equal(shown.cbegin(), shown.cend(), m_rows.cbegin(), m_rows.cend(),
                   [](const Row &a, const Row &b) { return a.patientId == b.patientId; });
    if (samePatients) {
        for (int i = 0; i < shown.size(); ++i) {
            const Row &was = m_rows.at(i);
            const Row &now = shown.at(i);
            const bool same = was.code == now.code && was.name == now.name && was.age == now.age &&
                              was.openAlerts == now.openAlerts && was.episodeId == now.episodeId &&
                              was.cardsToCheck == now.cardsToCheck;
            if (same)
                continue;
            m_rows[i] = now;
            emit dataChanged(index(i), index(i));
        }
        emit countChanged(); // the same count; errorMessage (read with it) may have changed
        return;
    }
    beginResetModel();
    m_rows = shown;
    endResetModel();
    emit countChanged();
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case PatientIdRole:
        return r.patientId;
    case CodeRole:
        return r.code;
    case NameRole:
        return r.name;
    case AgeRole:
        return r.age;
    case NextActionRole:
        return nextActionOf(r);
    case OpenAlertsRole:
        return r.openAlerts;
    case CardsToCheckRole:
        return r.cardsToCheck;
    case EpisodeIdRole:
        return r.episodeId;
    }
    return {};
}

QHash<int, QByteArray> PatientListModel::roleNames() const
{
    return {{PatientIdRole, "patientId"},
            {CodeRole, "code"},
            {NameRole, "name"},
            {AgeRole, "age"},
            {NextActionRole, "nextAction"},
            {OpenAlertsRole, "openAlerts"},
            {CardsToCheckRole, "cardsToCheck"},
            {EpisodeIdRole, "episodeId"}};
}

QVariantMap PatientListModel::get(int row) const
{
    QVariantMap out;
    if (row < 0 || row >= m_rows.size())
        return out;
    const auto roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

} // namespace triad::app
