#pragma once
// The clinic's own reference figures, computed on demand from its completed responses:
// Norms per instrument + respondent + measure ("total", "goal", "task", "bond") and the
// usual gap per dyad and measure for each child age band. No published norms exist for
// these forms (domain.md §3), so the rules use these once there are enough responses.
//
// Only plain columns are read (scores, numeric answers, ids): no key is needed. A response
// corrected by a complete correction is left out; the correction counts instead.

#include "core/alliance/discrepancydetector.h"
#include "core/alliance/norms.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/store/database.h"

#include <QHash>

namespace triad::insights {

// The measures the alliance rules follow: the total and the three Bordin constructs.
const QStringList &trackedMeasures();

// "4-7": the age band of the child form an episode uses (the form was chosen for the child's
// age, so no birth date needs decrypting); empty when the episode has no child form.
QString ageBandKey(const Instrument *childForm);

// A copy of `text` in memory of its own, allocated by the calling thread (QString's copy
// shares the original's): for figures a worker built, installed on the UI thread (issue 12).
QString detachedText(const QString &text);

class ClinicFigures
{
public:
    // Reads every completed response. Nullopt with db.lastError() set on a database error.
    static std::optional<ClinicFigures> load(store::Database &db, const InstrumentLibrary &library);

    // Empty when the clinic has no completed response for that combination.
    std::optional<Norms> norms(const QString &instrumentId, Respondent respondent,
                               const QString &measure) const;
    // The usual gaps (first - second, sessions where both answered) for the age band.
    QVector<DyadGapNorm> usualGaps(const QString &ageBand) const;
    QStringList ageBands() const { return m_gaps.keys(); }

    // A copy sharing no memory with this one (see figuressnapshot.h, detached()).
    ClinicFigures detached() const;

private:
    static QString key(const QString &instrumentId, Respondent respondent, const QString &measure);
    QHash<QString, Norms> m_norms;
    QHash<QString, QVector<DyadGapNorm>> m_gaps;
};

} // namespace triad::insights
