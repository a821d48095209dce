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
    // The clinic's own forms (imported from FHIR, or licensed files a lead adds): a folder the
    // app's user can write, unlike the installed one: $TRIAD_CLINIC_FORMS, else
    // <AppDataLocation>/clinic-questionnaires, beside the clinic database.
    static QString clinicFolder();
    // Loads the first default folder that exists, then the clinic's own forms (clinicFolder)
    // beside them; a clinic form whose id the installed forms already use is not loaded (its
    // problem says why).
    static InstrumentLibrary loadDefault();
    static InstrumentLibrary loadFrom(const QString &folder);

    // The current forms: what new rounds use.
    const QVector<Instrument> &instruments() const { return m_instruments; }
    // Earlier versions kept in <folder>/archive/<version>/<id>.json: a stored response keeps
    // the version it was answered on and is read and scored with that version's file.
    const QVector<Instrument> &archived() const { return m_archived; }
    const QVector<LoadProblem> &problems() const { return m_problems; }
    QString folder() const { return m_folder; }
    // The clinic folder loadDefault added forms from; empty when it had none.
    QString clinicFormsFolder() const { return m_clinicFolder; }

    const Instrument *find(const QString &id) const;
    // The form with this id and exact version, current or archived; nullptr when the library
    // has no such version (then callers must not read that response with another version).
    const Instrument *find(const QString &id, const QString &version) const;
    // "2" for "2.0.0": forms of the same id and major version score alike; a new major
    // version changes what the total means and starts a new baseline.
    static QString majorVersion(const QString &version);
    // Completed years between birth and the session date; -1 if the birth date is after it.
    static int ageOn(const QDate &birthDate, const QDate &sessionDate);
    // The child form whose age band holds the child's age on the session date, else nullptr.
    const Instrument *childFormFor(const QDate &birthDate, const QDate &sessionDate) const;
    // The first form for the parent or the physio (a clinic may configure others per episode).
    const Instrument *formFor(Respondent respondent) const;

private:
    void addClinicForms(const QString &folder);

    QVector<Instrument> m_instruments;
    QVector<Instrument> m_archived;
    QVector<LoadProblem> m_problems;
    QString m_folder;
    QString m_clinicFolder;
};

} // namespace triad
