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

    const Score *subscale(const QString &id) const;
    const Score *construct(const QString &id) const;
    QJsonObject toJson() const;
};

ScoreSet score(const Instrument &instrument, const Answers &answers);

// An item's answer on the 0-100 scale after reverse-keying, or nullopt when missing
// or not scorable. Used by scoring and by the clinic norms (item-level alpha).
std::optional<double> itemValue(const Instrument &instrument, const Item &item,
                                const Answers &answers);
double toPercent(const ResponseFormat &format, double value);

} // namespace triad
