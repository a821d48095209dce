#include "dashboardmodel.h"

#include "clinicsession.h"
#include "episodecontroller.h"
#include "episodereading.h"
#include "instrumentcatalog.h"
#include "opencards.h"

#include "core/insights/cardstate.h"
#include "core/insights/itemnormscache.h"
#include "core/store/changestamp.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <algorithm>

namespace triad::app {

namespace {

// 0-1 to 0-100 with one decimal, or null for a withheld figure.
QVariant percentOrNull(const std::optional<double> &fraction)
{
    return fraction ? QVariant(qRound(*fraction * 1000) / 10.0) : QVariant();
}

QVariant twoDecimalsOrNull(const std::optional<double> &value)
{
    return value ? QVariant(qRound(*value * 100) / 100.0) : QVariant();
}

// The form of that id and major version the library holds (current first, else archived).
const Instrument *formOfMajor(const InstrumentLibrary &library, const QString &id,
                              const QString &major)
{
    const Instrument *current = library.find(id);
    if (current && InstrumentLibrary::majorVersion(current->version) == major)
        return current;
    for (const Instrument &in : library.archived())
        if (in.id == id && InstrumentLibrary::majorVersion(in.version) == major)
            return &in;
    return current;
}

// An item's wording for the lead: no child or physio in particular.
QString plainWording(QString text)
{
    const bool capitalise = text.startsWith(QLatin1Char('{'));
    text.replace(QStringLiteral("{physio}"), DashboardModel::tr("the physio"));
    text.replace(QStringLiteral("{child}"), DashboardModel::tr("the child"));
    if (capitalise && !text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QVariant meanOrNull(const RespondentFigures &f)
{
    return !f.tooFewToCompare && f.meanScore ? QVariant(qRound(*f.meanScore * 10) / 10.0)
                                             : QVariant();
}

QString ruleLabel(AlertType type)
{
    switch (type) {
    case AlertType::Rupture:
        return DashboardModel::tr("Much lower than usual (act today)");
    case AlertType::ChildFallsAdultsHigh:
        return DashboardModel::tr("Child falls, adults stay high (act today)");
    case AlertType::Discrepancy:
        return DashboardModel::tr("Raters drifting apart (keep an eye)");
    case AlertType::DecliningTrend:
        return DashboardModel::tr("Slow decline (keep an eye)");
    case AlertType::BelowCutoff:
        return DashboardModel::tr("Below the form's cut-off (keep an eye)");
    default:
        break;
    }
    return alertTypeId(type);
}

int firstNumber(const QString &band)
{
    return band.section(QLatin1Char('-'), 0, 0).toInt();
}

// Parses a filter date; "" is an open end.
bool parseDate(const QString &text, QDate *out)
{
    *out = {};
    if (text.trimmed().isEmpty())
        return true;
    *out = QDate::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd"));
    return out->isValid();
}

// Child forms share a title across age bands, so the band tells them apart.
QString titleOf(const Instrument *in, const QString &id, const QString &language)
{
    if (!in)
        return id;
    const QString title = in->title.in(language);
    return in->ageBand ? DashboardModel::tr("%1 (%2–%3 years)")
                             .arg(title)
                             .arg(in->ageBand->minYears)
                             .arg(in->ageBand->maxYears)
                       : title;
}

} // namespace

DashboardModel::DashboardModel(QObject *parent)
    : DashboardModel(Reading::InBackground, parent)
{}

DashboardModel::DashboardModel(Reading reading, QObject *parent)
    : QObject(parent)
    , m_reading(reading)
{
    connect(ClinicSession::instance(), &ClinicSession::workspaceChanged, this,
            &DashboardModel::reload);
    // The clinic figures arrived: the two parts that waited for them are read now, on a worker
    // when the rest was (not while a family member answers: right after).
    const auto refresh = [this] {
        ClinicSession *session = ClinicSession::instance();
        if (!(m_itemNormsPending || m_openCardsPending) || session->clinicFiguresWorking() ||
            session->formRunning())
            return;
        if (m_reading == Reading::InBackground && !session->database().path().isEmpty()) {
            readClinicPartsInBackground();
            return;
        }
        loadItemNorms();
        loadOpenCards();
        emit clinicPartsChanged(); // the tables above them stay as they are
    };
    connect(ClinicSession::instance(), &ClinicSession::clinicFiguresChanged, this, refresh);
    connect(ClinicSession::instance(), &ClinicSession::formRunningChanged, this, refresh);
    reload();
}

void DashboardModel::emitEverything()
{
    emit figuresChanged();
    emit clinicPartsChanged();
}

void DashboardModel::setFilterField(QString &field, const QString &value)
{
    if (field == value)
        return;
    field = value;
    emit filterChanged();
    recompute();
}

void DashboardModel::setFromDate(const QString &date)
{
    setFilterField(m_fromDate, date);
}
void DashboardModel::setToDate(const QString &date)
{
    setFilterField(m_toDate, date);
}
void DashboardModel::setPhysioId(const QString &staffId)
{
    setFilterField(m_physioId, staffId);
}
void DashboardModel::setCondition(const QString &condition)
{
    setFilterField(m_condition, condition);
}
void DashboardModel::setAgeBand(const QString &band)
{
    setFilterField(m_ageBand, band);
}
void DashboardModel::setRespondent(const QString &respondent)
{
    setFilterField(m_respondent, respondent);
}

QVariantList DashboardModel::conditions() const
{
    // The episode screen's labels, so a condition reads the same everywhere.
    return EpisodeController().conditions();
}

QVariantList DashboardModel::respondents() const
{
    return {QVariantMap{{QStringLiteral("id"), QStringLiteral("child")},
                        {QStringLiteral("label"), tr("Child")}},
            QVariantMap{{QStringLiteral("id"), QStringLiteral("parent")},
                        {QStringLiteral("label"), tr("Parent")}},
            QVariantMap{{QStringLiteral("id"), QStringLiteral("physio")},
                        {QStringLiteral("label"), tr("Physio")}}};
}

bool DashboardModel::seesEveryPhysio() const
{
    const QString role = ClinicSession::instance()->signedInRole();
    return role == QLatin1String("lead") || role == QLatin1String("admin");
}

void DashboardModel::reload()
{
    ++m_generation; // a read still running belongs to what was on screen before
    ClinicSession *session = ClinicSession::instance();
    const QString role = session->signedInRole();
    if (!session->workspace()) {
        clear(tr("Sign in to see the dashboard."));
        return;
    }
    if (!seesEveryPhysio() && role != QLatin1String("physio")) {
        clear(tr("Your role has no dashboard."));
        return;
    }
    const QString path = session->database().path();
    if (m_reading == Reading::InBackground && !path.isEmpty()) {
        readInBackground(path);
        return;
    }
    m_loading = false;
    insights::DashboardQuery query(session->database(), InstrumentCatalog::instance()->library());
    m_data = query.prepare() ? query.load() : std::nullopt;
    if (!m_data) {
        clear(tr("The dashboard could not be read: %1")
                  .arg(session->database().lastError().message()));
        return;
    }
    applyData();
}

namespace {

// What a worker reads for the dashboard: its figures, and beside them the clinic parts.
struct DashboardRead
{
    std::optional<insights::DashboardData> data;
    QString error;
    ClinicParts parts;
};

// The signed-in session's copies for a worker, with the clinic figures as last worked out
// (no query here: the worker checks their stamp in its own snapshot) in *figuresStamp.
EpisodeSource partsSource(QString *figuresStamp)
{
    return workerSource(ClinicSession::instance()->installedClinicFigures(figuresStamp));
}

} // namespace

QString DashboardModel::cardsOf() const
{
    return seesEveryPhysio() ? QString() : ClinicSession::instance()->signedInStaffId();
}

void DashboardModel::readInBackground(const QString &path)
{
    const quint64 generation = m_generation;
    QString figuresStamp;
    EpisodeSource source = partsSource(&figuresStamp);
    auto *watcher = new QFutureWatcher<DashboardRead>(this);
    connect(watcher, &QFutureWatcher<DashboardRead>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a later reload (a sign-out, another person) replaced this read
        DashboardRead result = watcher->result();
        m_loading = false;
        if (!result.data) {
            clear(tr("The dashboard could not be read: %1").arg(result.error));
            return;
        }
        m_data = std::move(result.data);
        applyData(&result.parts);
    });
    m_loading = true;
    emitEverything();
    watcher->setFuture(QtConcurrent::run(
        ClinicSession::instance()->readerPool(),
        [path, source = std::move(source), figuresStamp, physio = cardsOf(),
         today = QDate::currentDate()] {
            yieldToTheScreen();
            DashboardRead read;
            read.data = insights::loadDashboardAt(path, *source.library, today, &read.error);
            if (read.data)
                read.parts = readClinicPartsAt(source, figuresStamp, today, physio);
            return read;
        }));
}

void DashboardModel::readClinicPartsInBackground()
{
    if (!ClinicSession::instance()->workspace())
        return;
    if (m_partsReading) {
        m_partsAgain = true; // the one on its way may have copied older figures: once more
        return;
    }
    m_partsAgain = false;
    const quint64 generation = m_generation;
    QString figuresStamp;
    EpisodeSource source = partsSource(&figuresStamp);
    auto *watcher = new QFutureWatcher<ClinicParts>(this);
    connect(watcher, &QFutureWatcher<ClinicParts>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_partsReading = false;
        if (generation != m_generation || !m_data)
            return; // the whole dashboard is being read again, these parts with it
        const ClinicParts parts = watcher->result();
        applyClinicParts(parts);
        emit clinicPartsChanged(); // the tables above them stay as they are
        if (m_partsAgain && (m_itemNormsPending || m_openCardsPending))
            readClinicPartsInBackground();
    });
    m_partsReading = true;
    watcher->setFuture(QtConcurrent::run(ClinicSession::instance()->readerPool(),
                                         [source = std::move(source), figuresStamp,
                                          physio = cardsOf(), today = QDate::currentDate()] {
                                             yieldToTheScreen();
                                             return readClinicPartsAt(source, figuresStamp, today,
                                                                      physio);
                                         }));
}

void DashboardModel::applyData(const ClinicParts *parts)
{
    updateChoices();
    if (parts) {
        applyClinicParts(*parts);
    } else {
        loadItemNorms();
        loadOpenCards();
    }
    recompute();
    emit clinicPartsChanged();
}

void DashboardModel::applyClinicParts(const ClinicParts &parts)
{
    ClinicSession *session = ClinicSession::instance();
    m_itemNorms.clear();
    m_itemNormsMessage.clear();
    m_itemNormsPending = false;
    m_openCards.clear();
    m_openCardsMessage.clear();
    m_openCardsPending = false;
    if (!session->workspace())
        return;
    if (!parts.error.isEmpty()) {
        m_openCardsMessage = tr("Open cards could not be read: %1").arg(parts.error);
        if (seesEveryPhysio())
            m_itemNormsMessage = tr("Item figures could not be read: %1").arg(parts.error);
        return;
    }
    if (seesEveryPhysio()) {
        bool failed = false;
        const auto *norms = session->itemNormsFor(parts.completeStamp, &failed);
        if (norms)
            showItemNorms(*norms);
        else if (failed)
            m_itemNormsMessage =
                tr("Item figures could not be read: %1").arg(session->clinicFiguresError());
        else
            m_itemNormsPending = true;
    }
    if (parts.cards.pending) {
        m_openCardsPending = true;
        session->wantClinicFigures(); // the worker found them stale: worked out again
    } else if (!parts.cards.error.isEmpty()) {
        m_openCardsMessage = tr("Open cards could not be read: %1").arg(parts.cards.error);
    } else {
        m_openCards = cardRows(parts.cards.cards);
    }
}

QVariantList DashboardModel::cardRows(const QVector<OpenCard> &cards) const
{
    QHash<QString, QString> physioNames; // staff id -> display name
    for (auto it = m_data->codes.physioStaffIds.cbegin(); it != m_data->codes.physioStaffIds.cend();
         ++it)
        physioNames.insert(it.value(), m_data->codes.physioNames.value(it.key()));
    QVariantList rows;
    for (const OpenCard &c : cards)
        rows << QVariantMap{
            {QStringLiteral("alertId"), c.alertId},
            {QStringLiteral("episodeId"), c.episodeId},
            {QStringLiteral("patientCode"), c.patientCode},
            {QStringLiteral("physioId"), c.physioId},
            {QStringLiteral("physio"), physioNames.value(c.physioId, c.physioId)},
            {QStringLiteral("respondent"), c.respondent},
            {QStringLiteral("type"), c.type},
            {QStringLiteral("sessionIndex"), c.sessionIndex},
            {QStringLiteral("daysOpen"), c.daysOpen},
        };
    return rows;
}

void DashboardModel::clear(const QString &message)
{
    m_loading = false;
    m_data.reset();
    m_physioChoices.clear();
    m_ageBandChoices.clear();
    m_physios.clear();
    m_monthly.clear();
    m_ceilings.clear();
    m_itemNorms.clear();
    m_itemNormsMessage.clear();
    m_rules.clear();
    m_openCards.clear();
    m_openCardsMessage.clear();
    m_itemNormsPending = false;
    m_openCardsPending = false;
    m_responses = 0;
    m_errorMessage = message;
    emit choicesChanged();
    emitEverything();
}

void DashboardModel::updateChoices()
{
    const insights::DashboardCodes &codes = m_data->codes;
    QSet<int> withEpisodes;
    for (const ResponseRecord &r : std::as_const(m_data->records))
        withEpisodes.insert(r.physioId);
    const QString self = ClinicSession::instance()->signedInStaffId();
    QVector<QPair<QString, QString>> people; // name, staff id
    for (int code : std::as_const(withEpisodes)) {
        const QString staffId = codes.physioStaffIds.value(code);
        if (seesEveryPhysio() || staffId == self)
            people.append({codes.physioNames.value(code), staffId});
    }
    std::sort(people.begin(), people.end(), [](const auto &a, const auto &b) {
        const int byName = QString::localeAwareCompare(a.first, b.first);
        return byName != 0 ? byName < 0 : a.second < b.second;
    });
    m_physioChoices.clear();
    for (const auto &p : std::as_const(people))
        m_physioChoices << QVariantMap{{QStringLiteral("id"), p.second},
                                       {QStringLiteral("name"), p.first},
                                       {QStringLiteral("label"), p.first}};

    QStringList bands = codes.ageBands;
    std::sort(bands.begin(), bands.end(),
              [](const QString &a, const QString &b) { return firstNumber(a) < firstNumber(b); });
    m_ageBandChoices.clear();
    for (const QString &band : std::as_const(bands))
        m_ageBandChoices << QVariantMap{
            {QStringLiteral("id"), band},
            {QStringLiteral("label"),
             tr("%1–%2 years").arg(firstNumber(band)).arg(band.section(QLatin1Char('-'), 1, 1))}};
    emit choicesChanged();
}

void DashboardModel::loadItemNorms()
{
    m_itemNorms.clear();
    m_itemNormsMessage.clear();
    m_itemNormsPending = false;
    if (!seesEveryPhysio())
        return;
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (!ws)
        return;
    // Kept in the workspace and recomputed only when the clinic's complete responses changed,
    // on the worker thread (ClinicSession::readyItemNorms): they read every answer of the
    // clinic, which never happens on the UI thread.
    bool failed = false;
    const QVector<insights::FormReliability> *norms = session->readyItemNorms(&failed);
    if (!norms) {
        if (failed)
            m_itemNormsMessage = tr("Item figures could not be read: %1")
                                     .arg(session->clinicFiguresError().isEmpty()
                                              ? session->database().lastError().message()
                                              : session->clinicFiguresError());
        else
            m_itemNormsPending = true;
        return;
    }
    showItemNorms(*norms);
}

void DashboardModel::showItemNorms(const QVector<insights::FormReliability> &norms)
{
    const QString language = ClinicSession::instance()->language();
    const InstrumentLibrary &library = InstrumentCatalog::instance()->library();
    QVector<QVariantMap> rows;
    for (const insights::FormReliability &f : norms) {
        const Instrument *form = formOfMajor(library, f.instrumentId, f.majorVersion);
        QVariantList weak;
        for (const insights::ItemTotal &item : f.items) {
            if (!item.r || *item.r >= kWeakItemTotal)
                continue;
            QString text = item.itemId;
            if (form)
                for (const Item &i : form->items)
                    if (i.id == item.itemId)
                        text = plainWording(i.text.in(language));
            weak << QVariantMap{{QStringLiteral("itemId"), item.itemId},
                                {QStringLiteral("text"), text},
                                {QStringLiteral("r"), twoDecimalsOrNull(item.r)}};
        }
        rows << QVariantMap{
            {QStringLiteral("instrumentId"), f.instrumentId},
            {QStringLiteral("title"), titleOf(form, f.instrumentId, language)},
            {QStringLiteral("majorVersion"), f.majorVersion},
            {QStringLiteral("respondent"), respondentId(f.respondent)},
            {QStringLiteral("responses"), f.responses},
            {QStringLiteral("alphaTotal"), twoDecimalsOrNull(f.alphaTotal)},
            {QStringLiteral("alphaCore"), twoDecimalsOrNull(f.alphaCore)},
            {QStringLiteral("retest"), twoDecimalsOrNull(f.retest)},
            {QStringLiteral("retestPairs"), f.retestPairs},
            {QStringLiteral("retestMeasure"), f.retestMeasure},
            {QStringLiteral("retestReason"), f.retestReason},
            {QStringLiteral("weakItems"), weak},
        };
    }
    std::sort(rows.begin(), rows.end(), [](const QVariantMap &a, const QVariantMap &b) {
        const int byTitle =
            QString::localeAwareCompare(a.value(QStringLiteral("title")).toString(),
                                        b.value(QStringLiteral("title")).toString());
        return byTitle != 0 ? byTitle < 0
                            : a.value(QStringLiteral("majorVersion")).toString() >
                                  b.value(QStringLiteral("majorVersion")).toString();
    });
    for (const QVariantMap &r : std::as_const(rows))
        m_itemNorms << r;
}

void DashboardModel::loadOpenCards()
{
    m_openCards.clear();
    m_openCardsMessage.clear();
    m_openCardsPending = false;
    ClinicSession *session = ClinicSession::instance();
    Workspace *ws = session->workspace();
    if (!ws || !m_data)
        return;
    // Read once and kept in the workspace until something is written (reading them reads
    // every patient's episodes and alerts), for this day and whose cards they are.
    const QString physio = cardsOf();
    const auto changes = store::changeStamp(session->database());
    const QDate today = QDate::currentDate();
    const QString stamp = changes ? QStringLiteral("%1|%2|%3")
                                        .arg(*changes, today.toString(Qt::ISODate),
                                             physio.isEmpty() ? QStringLiteral("*") : physio)
                                  : QString();
    if (stamp.isEmpty() || stamp != ws->openCardsStamp) {
        ws->openCardsStamp.clear();
        ws->openCards.clear();
        const auto figures = [session](QString *error) {
            bool failed = false;
            const insights::ClinicFigures *ready = session->readyClinicFigures(&failed);
            if (failed)
                *error = session->clinicFiguresError().isEmpty()
                             ? session->database().lastError().message()
                             : session->clinicFiguresError();
            return ready;
        };
        const OpenCards read =
            readOpenCards(session->database(), ws->cipher, ws->audit,
                          InstrumentCatalog::instance()->library(), figures, today, physio);
        if (read.pending) {
            m_openCardsPending = true;
            return;
        }
        if (!read.error.isEmpty()) {
            m_openCardsMessage = tr("Open cards could not be read: %1").arg(read.error);
            return;
        }
        ws->openCards = cardRows(read.cards);
        ws->openCardsStamp = stamp;
    }
    m_openCards = ws->openCards;
}

std::optional<DashboardFilter> DashboardModel::coreFilter()
{
    const insights::DashboardCodes &codes = m_data->codes;
    DashboardFilter f;
    if (!parseDate(m_fromDate, &f.from)) {
        m_errorMessage = tr("From: \"%1\" is not a date; write it as YYYY-MM-DD.").arg(m_fromDate);
        return std::nullopt;
    }
    if (!parseDate(m_toDate, &f.to)) {
        m_errorMessage = tr("To: \"%1\" is not a date; write it as YYYY-MM-DD.").arg(m_toDate);
        return std::nullopt;
    }
    if (f.from.isValid() && f.to.isValid() && f.from > f.to) {
        m_errorMessage = tr("To: the end date is before the start date.");
        return std::nullopt;
    }
    // A physio's own code, whatever the screen asked: the rule lives here, not in QML.
    const QString physio =
        seesEveryPhysio() ? m_physioId : ClinicSession::instance()->signedInStaffId();
    if (!physio.isEmpty()) {
        f.physioId = codes.physioCode(physio);
        if (!f.physioId) {
            m_errorMessage = tr("Physio: no staff member with this id.");
            return std::nullopt;
        }
    }
    if (!m_condition.isEmpty()) {
        const int index = int(codes.conditions.indexOf(m_condition));
        if (index < 0) {
            m_errorMessage = tr("Condition: \"%1\" is not a condition.").arg(m_condition);
            return std::nullopt;
        }
        f.conditionId = index + 1;
    }
    if (!m_ageBand.isEmpty()) {
        const int index = int(codes.ageBands.indexOf(m_ageBand));
        if (index < 0) {
            m_errorMessage = tr("Age band: \"%1\" is not an age band.").arg(m_ageBand);
            return std::nullopt;
        }
        f.ageBandId = index + 1;
    }
    if (!m_respondent.isEmpty()) {
        f.respondent = respondentFromId(m_respondent);
        if (!f.respondent) {
            m_errorMessage =
                tr("Respondent: \"%1\" is not child, parent or physio.").arg(m_respondent);
            return std::nullopt;
        }
    }
    return f;
}

void DashboardModel::recompute()
{
    if (!m_data)
        return;
    m_errorMessage.clear();
    const auto filter = coreFilter();
    if (!filter) {
        // A mistyped filter (a date like 31/12/2024) is named; the last good table stays.
        m_errorMessage += QLatin1Char(' ') +
                          tr("The figures below are still those of the last filter that worked.");
        emit figuresChanged();
        return;
    }
    m_physios.clear();
    m_monthly.clear();
    m_ceilings.clear();
    m_rules.clear();
    m_responses = 0;
    const Dashboard d = aggregateDashboard(m_data->records, m_data->alerts, *filter, kMinGroupSize);
    const insights::DashboardCodes &codes = m_data->codes;
    m_responses = d.responses;

    QVector<QVariantMap> rows;
    for (const PhysioFigures &p : d.physios) {
        const auto &by = p.byRespondent;
        const auto child = by[int(Respondent::Child)];
        const auto parent = by[int(Respondent::Parent)];
        const auto physio = by[int(Respondent::Physio)];
        rows << QVariantMap{
            {QStringLiteral("physioId"), codes.physioStaffIds.value(p.physioId)},
            {QStringLiteral("name"), codes.physioNames.value(p.physioId)},
            {QStringLiteral("episodes"), p.episodes},
            {QStringLiteral("sessions"), p.sessions},
            {QStringLiteral("completionChild"), percentOrNull(child.completionRate)},
            {QStringLiteral("completionParent"), percentOrNull(parent.completionRate)},
            {QStringLiteral("completionPhysio"), percentOrNull(physio.completionRate)},
            {QStringLiteral("meanChild"), meanOrNull(child)},
            {QStringLiteral("meanParent"), meanOrNull(parent)},
            {QStringLiteral("meanPhysio"), meanOrNull(physio)},
            {QStringLiteral("ruptureRate"), percentOrNull(p.ruptureRate)},
            {QStringLiteral("repairRate"), percentOrNull(p.repairRate)},
            {QStringLiteral("discrepancyRate"), percentOrNull(p.discrepancyRate)},
            {QStringLiteral("ruptureEpisodes"), p.ruptureEpisodes},
            {QStringLiteral("discrepancyEpisodes"), p.discrepancyEpisodes},
            {QStringLiteral("tooFewToCompare"), p.tooFewToCompare},
        };
    }
    std::sort(rows.begin(), rows.end(), [](const QVariantMap &a, const QVariantMap &b) {
        const int byName = QString::localeAwareCompare(a.value(QStringLiteral("name")).toString(),
                                                       b.value(QStringLiteral("name")).toString());
        return byName != 0 ? byName < 0
                           : a.value(QStringLiteral("physioId")).toString() <
                                 b.value(QStringLiteral("physioId")).toString();
    });
    for (const QVariantMap &row : std::as_const(rows))
        m_physios << row;

    for (const RuleFigures &r : d.rules)
        m_rules << QVariantMap{
            {QStringLiteral("rule"), alertTypeId(r.type)},
            {QStringLiteral("label"), ruleLabel(r.type)},
            {QStringLiteral("eligibleEpisodes"), r.eligibleEpisodes},
            {QStringLiteral("episodesWithCard"), r.episodesWithCard},
            {QStringLiteral("rate"), percentOrNull(r.rate)},
            {QStringLiteral("cards"), r.cards},
            {QStringLiteral("falseAlarms"), r.falseAlarms},
            {QStringLiteral("falseAlarmShare"), percentOrNull(r.falseAlarmShare)},
        };

    QMap<QString, QVariantMap> months; // "YYYY-MM" sorts by time
    for (const MonthlyMean &m : d.monthly) {
        const QString key = QStringLiteral("%1-%2")
                                .arg(m.year, 4, 10, QLatin1Char('0'))
                                .arg(m.month, 2, 10, QLatin1Char('0'));
        QVariantMap &row = months[key];
        row.insert(QStringLiteral("month"), key);
        row.insert(respondentId(m.respondent), !m.tooFewToCompare && m.mean
                                                   ? QVariant(qRound(*m.mean * 10) / 10.0)
                                                   : QVariant());
    }
    for (QVariantMap row : std::as_const(months)) {
        for (const QString &who :
             {QStringLiteral("child"), QStringLiteral("parent"), QStringLiteral("physio")})
            if (!row.contains(who))
                row.insert(who, QVariant());
        m_monthly << row;
    }

    const QString language = ClinicSession::instance()->language();
    QVector<QVariantMap> ceilings;
    for (const InstrumentCeiling &c : d.ceilings) {
        if (c.instrumentId < 1 || c.instrumentId > codes.instruments.size() || c.complete == 0)
            continue; // skips carry no instrument
        const QString id = codes.instruments.at(c.instrumentId - 1);
        const Instrument *in = InstrumentCatalog::instance()->find(id);
        ceilings << QVariantMap{
            {QStringLiteral("instrumentId"), id},
            {QStringLiteral("title"), titleOf(in, id, language)},
            {QStringLiteral("ceilingRate"),
             c.tooFewToCompare ? QVariant() : percentOrNull(c.ceilingRate)},
            {QStringLiteral("n"), c.complete},
        };
    }
    std::sort(ceilings.begin(), ceilings.end(), [](const QVariantMap &a, const QVariantMap &b) {
        return QString::localeAwareCompare(a.value(QStringLiteral("title")).toString(),
                                           b.value(QStringLiteral("title")).toString()) < 0;
    });
    for (const QVariantMap &c : std::as_const(ceilings))
        m_ceilings << c;
    emit figuresChanged();
}

} // namespace triad::app
