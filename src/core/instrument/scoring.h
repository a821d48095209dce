#pragma once
// Turns answers into total and subscale scores, each also on a 0-100 scale.
//
// Rules (questionnaires/README.md explains them for clinicians):
// - An item's value is reversed as (min + max - value) when the item is reverse-keyed.
// - Raw score: the sum or the mean of the item values, per the instrument's method.
// - Missing answers up to the allowed count are prorated: a prorated sum is
//   (sum of answered) * (items / answered); a mean is the mean of what was answered.
// - More missing than allowed: not scorable, with the reason.
// - Normalised 0-100: the mean over answered items of (value - min) / (max - min) * 100,
//   which equals linearly rescaling the prorated sum between its lowest and highest
//   possible values, and stays meaningful when a subscale mixes formats.
// - A "not yet / doesn't apply" answer (notApplicableValue) counts as missing.
// - The total and the construct scores leave out subscales marked countsInTotal: false
//   (another relationship), so they never pool the child-physio and parent-physio alliance.
// - The core score: the 0-100 mean over the form's core items (at most a third missing), and
//   per construct over its core items (at most half missing). Dyads are compared on it.

#include "answers.h"
#include "instrument.h"

#include <QJsonObject>

namespace triad {

struct Score
{
    QString id; // "total" or the subscale id
    bool scorable = false;
    QString reason;         // why not scorable (plain words), empty when scorable
    double raw = 0;         // on the instrument's own scale (sum or mean)
    double minPossible = 0; // lowest raw score possible
    double maxPossible = 0; // highest raw score possible
    double normalised = 0;  // 0-100
    int itemCount = 0;
    int answered = 0;
    bool prorated = false;

    QJsonObject toJson() const;
};

struct ScoreSet
{
    QString instrumentId;
    QString instrumentVersion;
    Score total;
    QVector<Score> subscales; // in the instrument's subscale order
    // One score per alliance construct present (goal, task, bond), normalised mean of its
    // items, so child, parent and physio can be compared construct by construct even when
    // their instruments group items into different subscales. Missing items are allowed
    // up to half of the construct's items.
    QVector<Score> constructs;
    // The common triad core (items marked "core": every Triad 2.x form asks the same core
    // questions, so child, parent and physio scores are comparable). `core.id` is "core";
    // coreConstructs hold "core-goal", "core-task" and "core-bond". A form without core items
    // (all 1.x forms, most licensed instruments) has core.itemCount == 0, core not scorable,
    // and no coreConstructs.
    Score core;
    QVector<Score> coreConstructs;

    bool hasCore() const { return core.itemCount > 0; }
    const Score *subscale(const QString &id) const;
    const Score *construct(const QString &id) const;
    // Any score by its measure id: "total", "core", "core-goal", "core-task", "core-bond", a
    // construct ("goal", "task", "bond") or a subscale id, in that order; nullptr if absent.
    const Score *measure(const QString &id) const;
    QJsonObject toJson() const;
};

ScoreSet score(const Instrument &instrument, const Answers &answers);
// score()'s total and core alone, for readers that need only one of them (the item figures
// read one per response of the clinic).
Score scoreTotal(const Instrument &instrument, const Answers &answers);
Score scoreCore(const Instrument &instrument, const Answers &answers);
// A response's answers by the index of their item in the instrument's items (nullptr: not
// answered), for readers of a whole clinic's responses, which would otherwise build an
// Answers (a hash by item id) for each (issue 12). Scored exactly as from an Answers.
using ItemAnswers = QVector<const QVariant *>;
Score scoreTotal(const Instrument &instrument, const ItemAnswers &answers);
Score scoreCore(const Instrument &instrument, const ItemAnswers &answers);

// The measure ids of the core: "core", then "core-goal", "core-task", "core-bond".
QStringList coreMeasures();
// Whether an answer value is the format's "not yet / doesn't apply" answer.
bool isNotApplicable(const ResponseFormat &format, const QVariant &value);

// An item's answer on the 0-100 scale after reverse-keying, or nullopt when missing
// or not scorable. Used by scoring and by the clinic norms (item-level alpha).
std::optional<double> itemValue(const Instrument &instrument, const Item &item,
                                const Answers &answers);
// The same from the item's own answer (nullptr: not answered), for a reader that holds the
// answers by item rather than in an Answers.
std::optional<double> itemValue(const Instrument &instrument, const Item &item,
                                const QVariant *answer);
double toPercent(const ResponseFormat &format, double value);

} // namespace triad
