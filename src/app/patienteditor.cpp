#include "patienteditor.h"

#include "clinicsession.h"
#include "instrumentcatalog.h"

#include "core/store/personname.h"

#include <QDate>
#include <QRegularExpression>

namespace triad::app {

namespace {

const QStringList &relationIds()
{
    static const QStringList ids{QStringLiteral("mother"), QStringLiteral("father"),
                                 QStringLiteral("carer"), QStringLiteral("other")};
    return ids;
}

// YYYY-MM-DD only: a date typed as 03/04/2018 means different days in different countries.
QDate parseIsoDate(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!shape.match(text.trimmed()).hasMatch())
        return {};
    return QDate::fromString(text.trimmed(), Qt::ISODate);
}

// The ages the installed child forms cover, e.g. 4-17.
QPair<int, int> childAgeRange()
{
    int lo = -1, hi = -1;
    for (const Instrument &in : InstrumentCatalog::instance()->library().instruments()) {
        if (in.respondent != Respondent::Child || !in.ageBand)
            continue;
        lo = lo < 0 ? in.ageBand->minYears : std::min(lo, in.ageBand->minYears);
        hi = std::max(hi, in.ageBand->maxYears);
    }
    return {lo, hi};
}

} // namespace

PatientEditor::PatientEditor(QObject *parent)
    : QObject(parent)
{}

void PatientEditor::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    emit changed();
}

void PatientEditor::setBirthDate(const QString &date)
{
    if (date == m_birthDate)
        return;
    m_birthDate = date;
    emit changed();
}

void PatientEditor::setNotes(const QString &notes)
{
    if (notes == m_notes)
        return;
    m_notes = notes;
    emit changed();
}

void PatientEditor::setGuardians(const QVariantList &guardians)
{
    m_guardians = guardians;
    emit changed();
}

QVariantList PatientEditor::relations() const
{
    const QStringList labels{tr("Mother"), tr("Father"), tr("Carer"), tr("Other")};
    QVariantList out;
    for (int i = 0; i < relationIds().size(); ++i)
        out << QVariantMap{{QStringLiteral("id"), relationIds().at(i)},
                           {QStringLiteral("label"), labels.at(i)}};
    return out;
}

void PatientEditor::clear()
{
    m_patientId.clear();
    m_code.clear();
    m_name.clear();
    m_birthDate.clear();
    m_notes.clear();
    m_guardians.clear();
    m_guardianIds.clear();
    emit changed();
}

QString PatientEditor::load(const QString &patientId)
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return tr("Please sign in first.");
    const auto p = ws->patients.get(patientId);
    if (!p)
        return ws->patients.lastError().message();
    m_patientId = p->id;
    m_code = p->code;
    m_name = p->name;
    m_birthDate = p->birthDate.toString(Qt::ISODate);
    m_notes = p->notes;
    m_guardians.clear();
    m_guardianIds.clear();
    for (const auto &g : ws->patients.guardians(p->id)) {
        m_guardians << QVariantMap{{QStringLiteral("name"), g.name},
                                   {QStringLiteral("relation"), g.relationship}};
        m_guardianIds << g.id;
    }
    emit changed();
    return {};
}

QString PatientEditor::check() const
{
    if (m_name.simplified().isEmpty())
        return tr("Name: please enter the child's name.");
    if (const QString problem = store::nameProblem(m_name, tr("Name")); !problem.isEmpty())
        return problem;
    const QDate birth = parseIsoDate(m_birthDate);
    if (!birth.isValid())
        return tr("Birth date: \"%1\" is not a date; use year-month-day, e.g. 2018-03-14.")
            .arg(m_birthDate);
    if (birth > QDate::currentDate())
        return tr("Birth date: %1 is in the future.").arg(m_birthDate);
    for (int i = 0; i < m_guardians.size(); ++i) {
        const QVariantMap g = m_guardians.at(i).toMap();
        const QString gName = g.value(QStringLiteral("name")).toString();
        if (gName.simplified().isEmpty())
            return tr("Guardian %1: please enter a name.").arg(i + 1);
        if (const QString problem = store::nameProblem(gName, tr("Guardian %1").arg(i + 1));
            !problem.isEmpty())
            return problem;
        if (!relationIds().contains(g.value(QStringLiteral("relation")).toString()))
            return tr("Guardian %1: the relation must be mother, father, carer or other.")
                .arg(i + 1);
    }
    if (m_guardians.size() < m_guardianIds.size())
        return tr("Guardians: use \"Remove\" beside a parent or carer to take them off the list.");
    return {};
}

QString PatientEditor::removalQuestion(int index)
{
    if (index < 0 || index >= m_guardians.size())
        return {};
    const QVariantMap g = m_guardians.at(index).toMap();
    QString who = g.value(QStringLiteral("name")).toString().simplified();
    if (who.isEmpty())
        who = tr("parent or carer %1").arg(index + 1);
    const QString child = m_name.simplified().section(QLatin1Char(' '), 0, 0);
    const QString question = child.isEmpty()
                                 ? tr("Remove %1 from the parents and carers?").arg(who)
                                 : tr("Remove %1 from %2's parents and carers?").arg(who, child);
    Workspace *ws = ClinicSession::instance()->workspace();
    if (index >= m_guardianIds.size() || !ws)
        return question;
    const int answered = ws->patients.responsesBy(m_guardianIds.at(index));
    const QString kept = tr("those answers stay in the sessions and the chart; %1 is no longer "
                            "offered for new rounds.")
                             .arg(who);
    if (answered == 1)
        return question + QLatin1Char(' ') + tr("%1 answered one parent form: ").arg(who) + kept;
    if (answered > 1)
        return question + QLatin1Char(' ') +
               tr("%1 answered %2 parent forms: ").arg(who).arg(answered) + kept;
    return question + QLatin1Char(' ') +
           tr("%1 has not answered any form, so their name is deleted.").arg(who);
}

QString PatientEditor::removeGuardian(int index)
{
    if (index < 0 || index >= m_guardians.size())
        return tr("Guardians: there is no parent or carer %1.").arg(index + 1);
    if (index < m_guardianIds.size()) {
        Workspace *ws = ClinicSession::instance()->workspace();
        if (!ws)
            return tr("Please sign in first.");
        if (!ws->patients.removeGuardian(m_guardianIds.at(index)))
            return tr("Guardian %1: %2").arg(index + 1).arg(ws->patients.lastError().message());
        m_guardianIds.removeAt(index);
    }
    m_guardians.removeAt(index);
    emit changed();
    return {};
}

QString PatientEditor::ageWarning(const QDate &birth) const
{
    const auto [lo, hi] = childAgeRange();
    const int age = InstrumentLibrary::ageOn(birth, QDate::currentDate());
    const QString first = m_name.simplified().section(QLatin1Char(' '), 0, 0);
    if (lo < 0)
        return tr("Saved. No child form is installed, so %1 will not answer a form.").arg(first);
    if (age < lo || age > hi)
        return tr("Saved. %1 is %2 today; the child forms fit ages %3 to %4, so no child form "
                  "will fit and %1's own form will be skipped.")
            .arg(first)
            .arg(age)
            .arg(lo)
            .arg(hi);
    return {};
}

QString PatientEditor::save()
{
    Workspace *ws = ClinicSession::instance()->workspace();
    if (!ws)
        return tr("Please sign in first.");
    const QString problem = check();
    if (!problem.isEmpty())
        return problem;
    const QDate birth = parseIsoDate(m_birthDate);
    const QString name = store::cleanName(m_name);

    if (m_patientId.isEmpty()) {
        const auto created = ws->patients.create(name, birth, m_notes);
        if (!created)
            return ws->patients.lastError().message();
        m_patientId = created->id;
        m_code = created->code;
    } else {
        auto p = ws->patients.get(m_patientId);
        if (!p)
            return ws->patients.lastError().message();
        p->name = name;
        p->birthDate = birth;
        p->notes = m_notes;
        if (!ws->patients.update(*p))
            return ws->patients.lastError().message();
    }
    for (int i = 0; i < m_guardians.size(); ++i) {
        const QVariantMap g = m_guardians.at(i).toMap();
        const QString gName = store::cleanName(g.value(QStringLiteral("name")).toString());
        if (i < m_guardianIds.size()) {
            if (!ws->patients.renameGuardian(m_guardianIds.at(i), gName))
                return tr("Guardian %1: %2").arg(i + 1).arg(ws->patients.lastError().message());
            continue;
        }
        const auto added = ws->patients.addGuardian(m_patientId, gName,
                                                    g.value(QStringLiteral("relation")).toString());
        if (!added)
            return tr("Guardian %1: %2").arg(i + 1).arg(ws->patients.lastError().message());
        m_guardianIds << added->id;
    }
    m_name = name;
    emit changed();
    emit saved(m_patientId);
    return ageWarning(birth);
}

} // namespace triad::app
