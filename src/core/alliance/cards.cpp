#include "cards.h"

#include "rupturedetector.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <tuple>

namespace triad {

namespace {

const QString kTotal = QStringLiteral("total");

QString tr(const char *text)
{
    return QCoreApplication::translate("Alliance", text);
}

QString whole(double v)
{
    return QString::number(qRound(v));
}

QString signedWhole(double v)
{
    const int n = qRound(v);
    return n > 0 ? QStringLiteral("+%1").arg(n) : QString::number(n);
}

QString childName(const EpisodeInput &episode)
{
    const QString n = episode.childFirstName.trimmed();
    return n.isEmpty() ? tr("the child") : n;
}

QString measureName(const QString &measure)
{
    if (measure == QLatin1String("total"))
        return tr("Total");
    if (measure == QLatin1String("goal"))
        return tr("Goals");
    if (measure == QLatin1String("task"))
        return tr("Tasks");
    if (measure == QLatin1String("bond"))
        return tr("Bond");
    if (measure == QLatin1String("core"))
        return tr("Shared questions");
    return measure;
}

const MeasureSeries *seriesOf(const EpisodeInput &episode, Respondent r, const QString &measure)
{
    for (const auto &s : episode.series)
        if (s.respondent == r && s.measure == measure)
            return &s;
    return nullptr;
}

// A finding's rank: the strongest finding of a respondent and session is the headline.
int rank(const Alert &f)
{
    switch (f.type) {
    case AlertType::ChildFallsAdultsHigh:
        return 110;
    case AlertType::Rupture:
        return 100;
    case AlertType::ReliableDrop:
        return 70;
    case AlertType::DecliningTrend:
        return 60;
    case AlertType::BelowCutoff:
        return 50;
    case AlertType::Discrepancy:
        return 40;
    case AlertType::Watch:
        return 30;
    case AlertType::QualityAllMaximum:
    case AlertType::QualityStraightLine:
    case AlertType::QualityTooFast:
        break;
    }
    return 10;
}

bool has(const QVector<Alert> &fs, AlertType type, const QString &measure = kTotal)
{
    return std::any_of(fs.cbegin(), fs.cend(),
                       [&](const Alert &f) { return f.type == type && f.measure == measure; });
}

bool isQuality(AlertType t)
{
    return t == AlertType::QualityAllMaximum || t == AlertType::QualityStraightLine ||
           t == AlertType::QualityTooFast;
}

// The level a finding gives the card it heads (nullopt: a detail, never a card of its own).
std::optional<Severity> levelOf(const Alert &f, const QVector<Alert> &sameCard,
                                const EpisodeInput &episode)
{
    if (isQuality(f.type))
        return Severity::Info;
    if (f.dyad)
        return f.type == AlertType::Discrepancy ? std::optional(Severity::Watch) : std::nullopt;
    if (f.measure != kTotal)
        return std::nullopt; // subscales are named in the details of a total's card
    switch (f.type) {
    case AlertType::Rupture:
        return Severity::Concern;
    case AlertType::ChildFallsAdultsHigh:
        if (has(sameCard, AlertType::Rupture))
            return Severity::Concern;
        return std::nullopt;
    case AlertType::ReliableDrop:
        return std::nullopt;
    case AlertType::DecliningTrend:
        return Severity::Watch;
    case AlertType::BelowCutoff: {
        // Only when it first falls below: a level that stays low is not news every session.
        const MeasureSeries *s = seriesOf(episode, f.respondent, kTotal);
        const SessionPoint *prev = s ? previousScored(s->points, f.sessionIndex) : nullptr;
        // The form's cut-off makes a card only at the first scored session, where there is no
        // usual level yet; later, the usual level is the better reference.
        if (prev)
            return std::nullopt;
        return Severity::Watch;
    }
    default:
        break;
    }
    return std::nullopt;
}

// What each measure did: now against the own usual level (robust own mean) or, without one,
// the previous score. A measure "moved" when it has a finding or changed by 10 points.
QJsonArray moved(const EpisodeInput &episode, Respondent r, int session, const QVector<Alert> &fs,
                 const RuptureRules &rules, QStringList *sentences)
{
    QJsonArray out;
    const RuptureDetector detector(rules);
    for (const QString &measure :
         {kTotal, QStringLiteral("goal"), QStringLiteral("task"), QStringLiteral("bond")}) {
        const MeasureSeries *s = seriesOf(episode, r, measure);
        const SessionPoint *p = s ? pointAt(s->points, session) : nullptr;
        if (!p || !p->score)
            continue;
        const OwnHistory own = detector.ownHistory(*s, session);
        const SessionPoint *prev = previousScored(s->points, session);
        std::optional<double> reference;
        QString basis;
        if (own.applicable) {
            reference = own.ownMean;
            basis = QStringLiteral("usual");
        } else if (prev) {
            reference = *prev->score;
            basis = QStringLiteral("previous");
        }
        if (!reference)
            continue;
        const double change = *p->score - *reference;
        const bool named = std::any_of(fs.cbegin(), fs.cend(), [&](const Alert &f) {
            return f.measure == measure && !isQuality(f.type);
        });
        if (!named && std::abs(change) < 10)
            continue;
        out.append(QJsonObject{{QStringLiteral("measure"), measure},
                               {QStringLiteral("score"), *p->score},
                               {QStringLiteral("reference"), *reference},
                               {QStringLiteral("basis"), basis},
                               {QStringLiteral("change"), change}});
        const char *pattern = basis == QLatin1String("usual")
                                  ? QT_TRANSLATE_NOOP("Alliance", "%1: %2 (usually about %3, %4)")
                                  : QT_TRANSLATE_NOOP("Alliance", "%1: %2 (last time %3, %4)");
        sentences->append(tr(pattern).arg(measureName(measure), whole(*p->score), whole(*reference),
                                          signedWhole(change)));
    }
    return out;
}

QString respondentHeadline(const Alert &f, const EpisodeInput &episode)
{
    const QString name = childName(episode);
    const QJsonObject &ev = f.evidence;
    const double score = ev.value(QStringLiteral("score")).toDouble();
    auto pick = [&](const char *child, const char *parent, const char *physio) {
        switch (f.respondent) {
        case Respondent::Child:
            return tr(child);
        case Respondent::Parent:
            return tr(parent);
        case Respondent::Physio:
            break;
        }
        return tr(physio);
    };
    switch (f.type) {
    case AlertType::Rupture:
    case AlertType::Watch:
        return pick(QT_TRANSLATE_NOOP("Alliance", "%1: %2, usually about %3."),
                    QT_TRANSLATE_NOOP("Alliance", "The parent: %2, usually about %3."),
                    QT_TRANSLATE_NOOP("Alliance", "Your own score: %2, usually about %3."))
            .replace(QLatin1String("%1"), name)
            .arg(whole(score), whole(ev.value(QStringLiteral("ownMean")).toDouble()));
    case AlertType::ReliableDrop:
        return pick(QT_TRANSLATE_NOOP("Alliance", "%1: %2, down from %3 last time."),
                    QT_TRANSLATE_NOOP("Alliance", "The parent: %2, down from %3 last time."),
                    QT_TRANSLATE_NOOP("Alliance", "Your own score: %2, down from %3 last time."))
            .replace(QLatin1String("%1"), name)
            .arg(whole(score), whole(ev.value(QStringLiteral("previous")).toDouble()));
    case AlertType::ChildFallsAdultsHigh: {
        const QJsonObject child = ev.value(QStringLiteral("child")).toObject();
        return tr(QT_TRANSLATE_NOOP("Alliance", "%1: %2, down from %3, while the parent (%4) "
                                                "and you (%5) stay high."))
            .replace(QLatin1String("%1"), name)
            .arg(whole(child.value(QStringLiteral("score")).toDouble()),
                 whole(child.value(QStringLiteral("previous")).toDouble()),
                 whole(ev.value(QStringLiteral("parent"))
                           .toObject()
                           .value(QStringLiteral("score"))
                           .toDouble()),
                 whole(ev.value(QStringLiteral("physio"))
                           .toObject()
                           .value(QStringLiteral("score"))
                           .toDouble()));
    }
    case AlertType::DecliningTrend: {
        const QJsonArray scores = ev.value(QStringLiteral("scores")).toArray();
        return pick(QT_TRANSLATE_NOOP("Alliance",
                                      "%1: down over the last %2 sessions, from %3 to %4."),
                    QT_TRANSLATE_NOOP("Alliance",
                                      "The parent: down over the last %2 sessions, from %3 to %4."),
                    QT_TRANSLATE_NOOP("Alliance", "Your own score: down over the last %2 "
                                                  "sessions, from %3 to %4."))
            .replace(QLatin1String("%1"), name)
            .arg(QString::number(scores.size()), whole(scores.first().toDouble()),
                 whole(scores.last().toDouble()));
    }
    case AlertType::BelowCutoff:
        return pick(
                   QT_TRANSLATE_NOOP("Alliance", "%1: %2, below the form's cut-off of %3."),
                   QT_TRANSLATE_NOOP("Alliance", "The parent: %2, below the form's cut-off of %3."),
                   QT_TRANSLATE_NOOP("Alliance",
                                     "Your own score: %2, below the form's cut-off of %3."))
            .replace(QLatin1String("%1"), name)
            .arg(whole(score), whole(ev.value(QStringLiteral("cutoff")).toDouble()));
    default:
        break;
    }
    return {};
}

QString dyadHeadline(const Alert &f, const EpisodeInput &episode)
{
    const QJsonObject &ev = f.evidence;
    const QString first = whole(ev.value(QStringLiteral("first")).toDouble());
    const QString second = whole(ev.value(QStringLiteral("second")).toDouble());
    const QString gap = signedWhole(ev.value(QStringLiteral("gap")).toDouble());
    const QString usual = signedWhole(ev.value(QStringLiteral("usualGap")).toDouble());
    const char *pattern = nullptr;
    switch (f.dyad.value_or(Dyad::ChildPhysio)) {
    case Dyad::ChildPhysio:
        pattern = QT_TRANSLATE_NOOP("Alliance", "%1 %2, you %3: a difference of %4 points where "
                                                "it is usually about %5.");
        break;
    case Dyad::ParentPhysio:
        pattern = QT_TRANSLATE_NOOP("Alliance", "The parent %2, you %3: a difference of %4 "
                                                "points where it is usually about %5.");
        break;
    case Dyad::ChildParent:
        pattern = QT_TRANSLATE_NOOP("Alliance", "%1 %2, the parent %3: a difference of %4 points "
                                                "where it is usually about %5.");
        break;
    }
    return tr(pattern)
        .replace(QLatin1String("%1"), childName(episode))
        .arg(first, second, gap, usual);
}

// Which reliability the card's reliable-change findings used (issue 8 / 13): one sentence,
// or empty when no finding of the card used the reliable-change criterion.
QString reliabilityDetail(const QVector<Alert> &fs)
{
    for (const Alert &f : fs) {
        const QString kind = f.evidence.value(QStringLiteral("rcReliabilityKind")).toString();
        const QString r =
            QString::number(f.evidence.value(QStringLiteral("rcReliability")).toDouble(), 'f', 2);
        if (kind == QLatin1String("test-retest"))
            return tr("Reliable change judged with the clinic's session-to-session (test-retest) "
                      "reliability, r = %1 over %2 session pairs.")
                .arg(r)
                .arg(f.evidence.value(QStringLiteral("rcPairs")).toInt());
        if (kind == QLatin1String("declared"))
            return tr("Reliable change judged with the form's declared reliability, r = %1.")
                .arg(r);
        if (kind == QLatin1String("alpha"))
            return tr("Reliable change judged with the clinic's Cronbach's alpha (%1): too few "
                      "session pairs yet for a test-retest figure.")
                .arg(r);
    }
    return {};
}

Alert makeCard(const QVector<Alert> &fs, const Alert &head, Severity level,
               const EpisodeInput &episode, const RuptureRules &rules)
{
    Alert card = head;
    card.severity = level;
    QStringList details;
    QJsonArray movedJson;
    if (!head.dyad && !isQuality(head.type))
        movedJson = moved(episode, head.respondent, head.sessionIndex, fs, rules, &details);
    QJsonArray types;
    QJsonObject evidence; // each finding's own numbers, by its id
    for (const Alert &f : fs) {
        const QString id =
            f.typeId() +
            (f.measure == kTotal || f.dyad ? QString() : QStringLiteral(" (%1)").arg(f.measure));
        if (!types.contains(id))
            types.append(id);
        if (!evidence.contains(id))
            evidence.insert(id, f.evidence);
        if (isQuality(f.type) && &f != &head && !f.prompt.isEmpty())
            details.append(f.prompt);
    }
    if (const QString basis = reliabilityDetail(fs); !basis.isEmpty())
        details.append(basis);
    const QString headline =
        head.dyad ? dyadHeadline(head, episode) : respondentHeadline(head, episode);
    card.prompt = headline.isEmpty() ? head.prompt : headline + QLatin1Char(' ') + head.prompt;
    QJsonObject meta{{QStringLiteral("level"), severityId(level)},
                     {QStringLiteral("headline"), headline},
                     {QStringLiteral("findings"), types},
                     {QStringLiteral("details"), QJsonArray::fromStringList(details)},
                     {QStringLiteral("moved"), movedJson},
                     {QStringLiteral("evidence"), evidence}};
    card.evidence.insert(QStringLiteral("card"), meta);
    return card;
}

} // namespace

QVector<Alert> composeCards(const QVector<Alert> &findings, const EpisodeInput &episode,
                            const RuptureRules &rules)
{
    // Group: (session, respondent) for a person's findings, (session, dyad) for a dyad's.
    using Key = std::tuple<int, int, int>; // session, respondent, dyad (-1 = none)
    QVector<Key> order;
    QHash<QString, QVector<Alert>> groups;
    auto keyText = [](const Key &k) {
        return QStringLiteral("%1/%2/%3")
            .arg(std::get<0>(k))
            .arg(std::get<1>(k))
            .arg(std::get<2>(k));
    };
    for (const Alert &f : findings) {
        const Key k{f.sessionIndex, f.dyad ? -1 : int(f.respondent), f.dyad ? int(*f.dyad) : -1};
        const QString t = keyText(k);
        if (!groups.contains(t))
            order.append(k);
        groups[t].append(f);
    }
    std::sort(order.begin(), order.end());

    QVector<Alert> cards;
    for (const Key &k : order) {
        const QVector<Alert> &fs = groups[keyText(k)];
        const Alert *head = nullptr;
        std::optional<Severity> headLevel;
        for (const Alert &f : fs) {
            const auto level = levelOf(f, fs, episode);
            if (!level)
                continue;
            // The strongest rule wins: higher level first, then the finding's rank.
            if (!head || int(*level) > int(*headLevel) ||
                (*level == *headLevel && rank(f) > rank(*head))) {
                head = &f;
                headLevel = level;
            }
        }
        if (head)
            cards.append(makeCard(fs, *head, *headLevel, episode, rules));
    }
    return cards;
}

} // namespace triad
