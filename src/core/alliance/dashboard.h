#pragma once
// The clinic lead's dashboard: figures per physio, monthly means and ceiling rates, over plain
// records the store hands over. Pure and fast (one pass, flat hash indexes, no allocation per
// record). Groups with fewer than minGroupSize completed responses are flagged "too few to
// compare" and their means and rates are withheld (empty), so nobody can rank them.

#include "alert.h"

#include <array>
#include <optional>
#include <QDate>
#include <QVector>

namespace triad {

enum class ResponseStatus : quint8 {
    Complete,
    Declined,
    Skipped
};

// One requested questionnaire. Condition, age band and instrument are the store's integer
// codes, so the pass compares numbers, never strings.
struct ResponseRecord
{
    qint64 episodeId = 0;
    QDate date;
    double normalisedTotal = 0; // 0-100, meaningful when Complete
    int physioId = 0;
    int conditionId = 0;
    int instrumentId = 0;
    int sessionIndex = 0; // the session's order in its episode, or any id unique within it
    quint8 ageBandId = 0;
    Respondent respondent = Respondent::Child;
    ResponseStatus status = ResponseStatus::Complete;
    bool atMaximum = false; // the total is the highest possible
};

struct AlertRecord
{
    qint64 episodeId = 0;
    int sessionIndex = 0;
    QDate date;
    AlertType type = AlertType::Rupture;
    Respondent respondent = Respondent::Child;
    bool repaired = false;   // rupture alerts: whether the repair rule found a repair
    bool falseAlarm = false; // the physio marked it "not relevant / false alarm"
};

struct DashboardFilter
{
    QDate from; // inclusive; invalid = open
    QDate to;   // inclusive; invalid = open
    std::optional<int> physioId;
    std::optional<int> conditionId;
    std::optional<int> ageBandId;
    std::optional<Respondent> respondent;
};

struct RespondentFigures
{
    int complete = 0;
    int declined = 0;
    int skipped = 0;
    bool tooFewToCompare = true;          // fewer than minGroupSize completed
    std::optional<double> completionRate; // complete / requested
    std::optional<double> meanScore;      // mean normalised total of completed
};

struct PhysioFigures
{
    int physioId = 0;
    int responses = 0; // completed
    int episodes = 0;
    int sessions = 0;
    bool tooFewToCompare = true;
    std::array<RespondentFigures, 3> byRespondent; // index = int(Respondent)
    int ruptures = 0;
    int repairedRuptures = 0;
    int episodesWithRupture = 0;
    int episodesWithDiscrepancy = 0; // discrepancy or child-falls-adults-high
    // Denominators: only the episodes where the rule could apply (ruleCouldApply()); a rate
    // is withheld ("too few to compare") when fewer than minGroupSize episodes qualify.
    int ruptureEpisodes = 0;               // episodes where the rupture rule could apply
    int discrepancyEpisodes = 0;           // ... where a dyad rule could apply
    std::optional<double> ruptureRate;     // episodes with a rupture / ruptureEpisodes
    std::optional<double> repairRate;      // repaired ruptures / ruptures
    std::optional<double> discrepancyRate; // episodes with a dyad card / discrepancyEpisodes
};

// Per rule, over the episodes passing the filter: how often it made a card where it could
// apply, and the share of its cards the clinic marked "not relevant / false alarm" (the
// clinic's own precision).
struct RuleFigures
{
    AlertType type = AlertType::Rupture;
    int eligibleEpisodes = 0; // where the rule could apply
    int episodesWithCard = 0;
    int cards = 0;
    int falseAlarms = 0;
    bool tooFewToCompare = true;           // eligibleEpisodes < minGroupSize
    std::optional<double> rate;            // episodesWithCard / eligibleEpisodes
    std::optional<double> falseAlarmShare; // falseAlarms / cards; withheld under minGroupSize cards
};

// What an episode needs before a rule can make a card there, counted on its completed
// totals (docs/ALLIANCE.md, "Clinic dashboard"): the own-mean rules and the trend need one
// respondent with 4 sessions (3 earlier + today), a rater gap 3 sessions where both members
// of one dyad answered (2 for the usual gap + today), child-falls-adults-high 2 sessions
// where all three answered, the cut-off one answer. Quality flags are notes, never cards.
struct EpisodeCoverage
{
    int mostSessionsOneRespondent = 0;
    int mostSessionsOneDyad = 0;
    int sessionsAllThree = 0;
};
bool ruleCouldApply(AlertType type, const EpisodeCoverage &coverage);
// The card rules the lead's view lists, in the order shown.
const QVector<AlertType> &dashboardRules();

struct MonthlyMean
{
    int year = 0;
    int month = 0;
    Respondent respondent = Respondent::Child;
    int n = 0;
    bool tooFewToCompare = true;
    std::optional<double> mean;
};

struct InstrumentCeiling
{
    int instrumentId = 0;
    int complete = 0;
    int atMaximum = 0;
    bool tooFewToCompare = true;
    std::optional<double> ceilingRate;
};

struct Dashboard
{
    int minGroupSize = 10;
    int responses = 0;                   // completed, after the filter
    QVector<PhysioFigures> physios;      // by physio id (not a ranking)
    QVector<MonthlyMean> monthly;        // by year, month, respondent
    QVector<InstrumentCeiling> ceilings; // by instrument id
    QVector<RuleFigures> rules;          // dashboardRules() order
};

Dashboard aggregateDashboard(const QVector<ResponseRecord> &records,
                             const QVector<AlertRecord> &alerts, const DashboardFilter &filter,
                             int minGroupSize = 10);

} // namespace triad
