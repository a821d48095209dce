#include "action.h"

#include "descriptive.h"
#include "repair.h"
#include "rupturedetector.h"

#include <QCoreApplication>
#include <utility>

namespace triad {

namespace {
const std::pair<ActionKind, const char *> kinds[] = {
    {ActionKind::TalkedAboutGoals, "talked-about-goals"},
    {ActionKind::AdaptedExercises, "adapted-exercises"},
    {ActionKind::ExplainedPlanTimeline, "explained-plan-timeline"},
    {ActionKind::InvolvedParent, "involved-parent"},
    {ActionKind::Other, "other"},
    {ActionKind::FalseAlarm, "false-alarm"},
};
const char *const labels[] = {
    QT_TRANSLATE_NOOP("Alliance", "Talked about goals"),
    QT_TRANSLATE_NOOP("Alliance", "Adapted the exercises"),
    QT_TRANSLATE_NOOP("Alliance", "Explained the plan and timeline"),
    QT_TRANSLATE_NOOP("Alliance", "Involved the parent"),
    QT_TRANSLATE_NOOP("Alliance", "Something else"),
    QT_TRANSLATE_NOOP("Alliance", "Not relevant / false alarm"),
};

// [state][respondent]: %1 action label, %2 child's name, %3 session number.
const char *const summaries[3][3] = {
    {QT_TRANSLATE_NOOP("Alliance", "After \"%1\", %2's score returned to the usual level "
                                   "(session %3)."),
     QT_TRANSLATE_NOOP("Alliance", "After \"%1\", the parent's score returned to the usual "
                                   "level (session %3)."),
     QT_TRANSLATE_NOOP("Alliance", "After \"%1\", your own score for %2 returned to the usual "
                                   "level (session %3).")},
    {QT_TRANSLATE_NOOP("Alliance", "After \"%1\", %2's score has not returned to the usual "
                                   "level: consider another approach or talking it through."),
     QT_TRANSLATE_NOOP("Alliance", "After \"%1\", the parent's score has not returned to the "
                                   "usual level: consider another approach with them."),
     QT_TRANSLATE_NOOP("Alliance", "After \"%1\", your own score for %2 has not returned to the "
                                   "usual level: consider another approach.")},
    {QT_TRANSLATE_NOOP("Alliance", "Too early to tell whether \"%1\" helped %2: the next "
                                   "sessions' answers will show it."),
     QT_TRANSLATE_NOOP("Alliance", "Too early to tell whether \"%1\" helped with the parent: "
                                   "the next sessions' answers will show it."),
     QT_TRANSLATE_NOOP("Alliance", "Too early to tell whether \"%1\" helped your work with %2: "
                                   "the next sessions' answers will show it.")},
};

QString fill(const char *source, const QString &label, const QString &name, int session)
{
    QString text = QCoreApplication::translate("Alliance", source);
    QString out;
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('%') && i + 1 < text.size() && text[i + 1] >= QLatin1Char('1') &&
            text[i + 1] <= QLatin1Char('3')) {
            const QChar n = text[++i];
            out += n == QLatin1Char('1')   ? label
                   : n == QLatin1Char('2') ? name
                                           : QString::number(session);
        } else {
            out += text[i];
        }
    }
    return out;
}
} // namespace

QString actionKindId(ActionKind k)
{
    for (const auto &[kind, id] : kinds)
        if (kind == k)
            return QString::fromLatin1(id);
    return {};
}

std::optional<ActionKind> actionKindFromId(const QString &id)
{
    for (const auto &[kind, name] : kinds)
        if (id == QLatin1String(name))
            return kind;
    return std::nullopt;
}

QString actionKindLabel(ActionKind k)
{
    return QCoreApplication::translate("Alliance", labels[int(k)]);
}

QVector<ActionKind> allActionKinds()
{
    QVector<ActionKind> all;
    for (const auto &entry : kinds)
        all.append(entry.first);
    return all;
}

ActionFollowUp followUpAfterAction(const AcknowledgedAlert &acknowledged,
                                   const MeasureSeries &series, const RuptureRules &rules,
                                   const QString &childFirstName)
{
    ActionFollowUp out;
    const QString label = actionKindLabel(acknowledged.action);
    const QString name = childFirstName.trimmed().isEmpty()
                             ? QCoreApplication::translate("Alliance", "the child")
                             : childFirstName.trimmed();
    const int who = int(series.respondent);
    const int alertSession = acknowledged.alert.sessionIndex;
    const SessionPoint *atAlert = pointAt(series.points, alertSession);
    const QVector<double> before = scoresBefore(series.points, alertSession);
    if (!atAlert || !atAlert->score || before.isEmpty()) {
        // Nothing to return to: report it as too early rather than guess a level.
        out.summary = fill(summaries[2][who], label, name, 0);
        out.evidence = {{QStringLiteral("reason"), QStringLiteral("no-baseline")}};
        return out;
    }

    RepairBaseline baseline;
    baseline.fromSession = std::max(acknowledged.actionSession, alertSession);
    baseline.fromScore = *atAlert->score;
    baseline.preMean = stats::mean(before);
    baseline.sd = RuptureDetector(rules).sdUsed(series, alertSession);
    const ReliableChangeBasis rc = reliableChangeBasis(series.figures, rules);
    if (rc.available())
        baseline.reliableRise = rc.threshold;
    const RepairOutcome r = checkRepair(series.points, baseline, rules);
    out.state = r.state;
    out.repairedSession = r.repairedSession;
    out.evidence = r.evidence;
    out.evidence.insert(QStringLiteral("action"), actionKindId(acknowledged.action));
    out.evidence.insert(QStringLiteral("alertType"), acknowledged.alert.typeId());
    out.summary = fill(summaries[r.state == RepairState::Repaired      ? 0
                                 : r.state == RepairState::NotRepaired ? 1
                                                                       : 2][who],
                       label, name, r.repairedSession.value_or(0));
    return out;
}

} // namespace triad
