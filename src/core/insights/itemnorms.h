#pragma once
// Item-level figures a clinic lead needs before trusting a form's scores, from the clinic's own
// completed responses, per form (id and major version) and respondent:
// - each scored item's corrected item-total correlation (the item against the mean of the
//   form's other total items, complete rows only): an item that runs against its form, e.g. a
//   misread reverse-keyed statement, shows a low or negative value;
// - Cronbach's alpha of the total, and of the core;
// - the test-retest reliability of the core (else the total) over stable session pairs: the
//   same respondent in the same episode at consecutive sessions at most `maxRetestDays` apart.
//   This is the reliability of session-to-session change that the reliable-change rule needs;
//   alpha describes agreement between items at one sitting (docs/ALLIANCE.md, "Which
//   reliability").
// Only plain columns are read (ids, dates, numeric answers): no key is needed.

#include "core/alliance/norms.h"
#include "core/alliance/rupturerules.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/store/database.h"

#include <QJsonObject>

namespace triad::insights {

struct ItemTotal
{
    QString itemId;
    QString facet;
    bool core = false;
    int n = 0;               // complete rows used
    std::optional<double> r; // corrected item-total correlation; nullopt when no spread
};

struct FormReliability
{
    QString instrumentId;
    QString majorVersion; // "2": responses on every 2.x version of the form
    Respondent respondent = Respondent::Child;
    int responses = 0;
    QVector<ItemTotal> items; // the form's total items, in file order
    std::optional<double> alphaTotal;
    std::optional<double> alphaCore;
    QString retestMeasure;        // "core" when the form has one, else "total"
    std::optional<double> retest; // Pearson r over stable session pairs
    int retestPairs = 0;
    QString retestReason; // why there is no test-retest figure yet, in plain words

    QJsonObject toJson() const;
};

// A copy sharing no memory with `figures`, allocated by the calling thread: the UI thread
// installs this rather than what the figures worker built in among its scratch, whose
// blocks would keep pages of that thread's malloc arena (issue 12), as
// ClinicFigures::detached() does for the norms.
QVector<FormReliability> detached(const QVector<FormReliability> &figures);

class ItemNorms
{
public:
    // The same pairs as the clinic norms' test-retest figure (Norms::retest), which the
    // reliable-change rule uses.
    static constexpr int maxRetestDays = NormsCalculator::maxRetestDays;
    static constexpr int minRetestPairs = RuptureRules{}.minRetestPairs;

    // Nullopt with db.lastError() set on a database error. Responses on a form version the
    // library does not hold are left out (they cannot be read item by item).
    static std::optional<QVector<FormReliability>> load(store::Database &db,
                                                        const InstrumentLibrary &library);
    // Pearson's r; nullopt for fewer than 3 pairs or no spread on either side.
    static std::optional<double> pearson(const QVector<double> &x, const QVector<double> &y);
};

} // namespace triad::insights
