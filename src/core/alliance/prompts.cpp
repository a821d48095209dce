#include "prompts.h"

#include <QCoreApplication>

namespace triad {

namespace {
// Rows follow the respondent order: child, parent, physio.
struct RespondentSentences
{
    AlertType type;
    const char *child;
    const char *parent;
    const char *physio;
};

const RespondentSentences sentences[] = {
    {AlertType::Rupture,
     QT_TRANSLATE_NOOP("Alliance", "%1's score is much lower than usual today: ask %1 what felt "
                                   "different, and listen before planning the next step."),
     QT_TRANSLATE_NOOP("Alliance", "The parent's score is much lower than usual today: ask them "
                                   "what did not work for them and %1."),
     QT_TRANSLATE_NOOP("Alliance", "Your own score for today with %1 is much lower than usual: "
                                   "note what made it hard and talk it through with %1 and the "
                                   "parent.")},
    {AlertType::Watch,
     QT_TRANSLATE_NOOP("Alliance", "%1's score is a little lower than usual today: check in "
                                   "briefly about how physio feels."),
     QT_TRANSLATE_NOOP("Alliance", "The parent's score is a little lower than usual today: check "
                                   "in briefly with them."),
     QT_TRANSLATE_NOOP("Alliance", "Your own score for today with %1 is a little lower than "
                                   "usual: keep an eye on it next session.")},
    {AlertType::ReliableDrop,
     QT_TRANSLATE_NOOP("Alliance",
                       "%1's score dropped clearly since last time: ask %1 what felt different."),
     QT_TRANSLATE_NOOP("Alliance", "The parent's score dropped clearly since last time: ask them "
                                   "what changed."),
     QT_TRANSLATE_NOOP("Alliance", "Your own score for %1 dropped clearly since last time: note "
                                   "what changed.")},
    {AlertType::BelowCutoff,
     QT_TRANSLATE_NOOP("Alliance", "%1's score is below the form's cut-off: talk together about "
                                   "goals and how the sessions are going."),
     QT_TRANSLATE_NOOP("Alliance", "The parent's score is below the form's cut-off: talk with "
                                   "them about goals and the plan."),
     QT_TRANSLATE_NOOP("Alliance", "Your own score for %1 is below the form's cut-off: consider "
                                   "what would help the work together.")},
    {AlertType::DecliningTrend,
     QT_TRANSLATE_NOOP("Alliance", "%1's scores have gone down over the last %2 sessions: review "
                                   "goals and exercises together."),
     QT_TRANSLATE_NOOP("Alliance", "The parent's scores have gone down over the last %2 "
                                   "sessions: review the plan and timeline with them."),
     QT_TRANSLATE_NOOP("Alliance", "Your own scores for %1 have gone down over the last %2 "
                                   "sessions: review goals and exercises together.")},
    {AlertType::ChildFallsAdultsHigh,
     QT_TRANSLATE_NOOP("Alliance", "%1's score dropped since last time while yours and the "
                                   "parent's stayed high: ask %1 what felt different, in a way "
                                   "%1 can answer freely."),
     nullptr, nullptr},
    {AlertType::QualityStraightLine,
     QT_TRANSLATE_NOOP("Alliance", "%1 gave the same answer to every question: the score may not "
                                   "show how %1 really feels; a short chat can tell you more."),
     QT_TRANSLATE_NOOP("Alliance", "The parent gave the same answer to every question: the score "
                                   "may not show what they really think."),
     QT_TRANSLATE_NOOP("Alliance", "You gave the same answer to every question for %1: check "
                                   "that the score says what you mean.")},
    {AlertType::QualityAllMaximum,
     QT_TRANSLATE_NOOP("Alliance", "%1 gave the highest answer to every question. That can be "
                                   "genuine, or %1 may find it hard to say anything negative: "
                                   "leave room for concerns."),
     QT_TRANSLATE_NOOP("Alliance", "The parent gave the highest answer to every question. That "
                                   "can be genuine, or they may find it hard to say anything "
                                   "negative: leave room for concerns."),
     QT_TRANSLATE_NOOP("Alliance", "You gave the highest answer to every question for %1: check "
                                   "that there is nothing you would change.")},
    {AlertType::QualityTooFast,
     QT_TRANSLATE_NOOP("Alliance", "%1 answered very quickly (%2 seconds per question): the "
                                   "answers may not reflect what %1 thinks."),
     QT_TRANSLATE_NOOP("Alliance", "The parent answered very quickly (%2 seconds per question): "
                                   "the answers may not reflect what they think."),
     QT_TRANSLATE_NOOP("Alliance", "Your answers for %1 were very quick (%2 seconds per "
                                   "question): check that they say what you mean.")},
};

const char *const discrepancySentences[] = {
    QT_TRANSLATE_NOOP("Alliance", "You and %1 see the sessions more differently than usual "
                                  "today: compare your views on goals and exercises with %1."),
    QT_TRANSLATE_NOOP("Alliance", "You and the parent see the sessions more differently than "
                                  "usual today: compare your views on goals and the plan."),
    QT_TRANSLATE_NOOP("Alliance", "%1 and the parent see the sessions more differently than "
                                  "usual today: give each a chance to say how it is going."),
};

const char *sourceFor(AlertType type, Respondent respondent, std::optional<Dyad> dyad)
{
    if (type == AlertType::Discrepancy)
        return discrepancySentences[int(dyad.value_or(Dyad::ChildPhysio))];
    for (const auto &s : sentences) {
        if (s.type != type)
            continue;
        switch (respondent) {
        case Respondent::Child:
            return s.child;
        case Respondent::Parent:
            return s.parent ? s.parent : s.child;
        case Respondent::Physio:
            return s.physio ? s.physio : s.child;
        }
    }
    return nullptr;
}
} // namespace

QString alertPrompt(AlertType type, Respondent respondent, std::optional<Dyad> dyad,
                    const QString &childFirstName, const QString &extra)
{
    const char *source = sourceFor(type, respondent, dyad);
    if (!source)
        return {};
    const QString name = childFirstName.trimmed().isEmpty()
                             ? QCoreApplication::translate("Alliance", "the child")
                             : childFirstName.trimmed();
    QString text = QCoreApplication::translate("Alliance", source);
    // Substitute by hand so a sentence without %1 or %2 never triggers QString::arg warnings
    // and a name containing "%2" is never re-substituted.
    QString out;
    out.reserve(text.size() + name.size() * 2);
    for (int i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('%') && i + 1 < text.size() &&
            (text[i + 1] == QLatin1Char('1') || text[i + 1] == QLatin1Char('2'))) {
            out += text[i + 1] == QLatin1Char('1') ? name : extra;
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace triad
