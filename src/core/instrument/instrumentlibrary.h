#pragma once
// The set of instruments a clinic has: ours from questionnaires/, plus licensed ones the
// clinic adds. Picks each respondent's form (the child's by age on the session date).

#include "instrumentloader.h"

#include <QDate>

namespace triad {

class InstrumentLibrary
{
public:
    // Folders searched, in order: $TRIAD_QUESTIONNAIRES, <app dir>/questionnaires,
    // <app dir>/../share/triad/questionnaires, the source tree's questionnaires/.
    static QStringList defaultFolders();
    // Loads the first default folder that exists.
    static InstrumentLibrary loadDefault();
    static InstrumentLibrary loadFrom(const QString &folder);

    const QVector<Instrument> &instruments() const { return m_instruments; }
    const QVector<LoadProblem> &problems() const { return m_problems; }
    QString folder() const { return m_folder; }

    const Instrument *find(const QString &id) const;
    // Completed years between birth and the session date; -1 if the birth date is after it.
    static int ageOn(const QDate &birthDate, const QDate &sessionDate);
    // The child form whose age band holds the child's age on the session date, else nullptr.
    const Instrument *childFormFor(const QDate &birthDate, const QDate &sessionDate) const;
    // The first form for the parent or the physio (a clinic may configure others per episode).
    const Instrument *formFor(Respondent respondent) const;

private:
    QVector<Instrument> m_instruments;
    QVector<LoadProblem> m_problems;
    QString m_folder;
};

} // namespace triad
