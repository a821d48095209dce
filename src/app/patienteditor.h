#pragma once
// Creating and editing one patient (name, birth date, notes, guardians). Checks every field
// and names the one that is wrong; a child outside the ages our forms cover is saved with
// a warning, because the physio still needs the record.

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace triad::app {

class PatientEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString patientId READ patientId NOTIFY changed)
    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY changed)
    Q_PROPERTY(QString birthDate READ birthDate WRITE setBirthDate NOTIFY changed)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY changed)
    Q_PROPERTY(QVariantList guardians READ guardians WRITE setGuardians NOTIFY changed)
    Q_PROPERTY(QVariantList relations READ relations CONSTANT)

public:
    explicit PatientEditor(QObject *parent = nullptr);

    QString patientId() const { return m_patientId; }
    QString code() const { return m_code; }
    QString name() const { return m_name; }
    void setName(const QString &name);
    QString birthDate() const { return m_birthDate; }
    void setBirthDate(const QString &date);
    QString notes() const { return m_notes; }
    void setNotes(const QString &notes);
    // [{name, relation}] with relation one of mother, father, carer, other.
    QVariantList guardians() const { return m_guardians; }
    void setGuardians(const QVariantList &guardians);
    // [{id, label}] for the relation picker.
    QVariantList relations() const;

    // Returns "" when loaded, else a message.
    Q_INVOKABLE QString load(const QString &patientId);
    Q_INVOKABLE void clear();
    // "" on success (patientId is set); a message naming the field on bad input; a warning
    // (saved all the same) when no child form fits the child's age.
    Q_INVOKABLE QString save();
    // The same checks as save(), without saving: for showing problems while typing.
    Q_INVOKABLE QString check() const;
    // What removing guardian `index` does, in plain words, naming them (the confirmation).
    Q_INVOKABLE QString removalQuestion(int index);
    // Removes guardian `index`: a stored one at once in the database (audited; one who
    // answered forms keeps those answers, see PatientRepository::removeGuardian), one not
    // saved yet only from the list. "" or a message.
    Q_INVOKABLE QString removeGuardian(int index);

signals:
    void changed();
    void saved(const QString &patientId);

private:
    QString ageWarning(const class QDate &birth) const;

    QString m_patientId;
    QString m_code;
    QString m_name;
    QString m_birthDate;
    QString m_notes;
    QVariantList m_guardians;
    QStringList m_guardianIds; // ids of the guardians loaded, in order
};

} // namespace triad::app
