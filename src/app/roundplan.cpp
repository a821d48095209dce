#include "roundplan.h"

#include <QCoreApplication>

namespace triad::app {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RoundPlan", text);
}
} // namespace

QVariantMap PlanEntry::toMap() const
{
    return {
        {QStringLiteral("respondent"), respondentId(respondent)},
        {QStringLiteral("instrumentId"), instrumentId},
        {QStringLiteral("instrumentTitle"), instrumentTitle},
        {QStringLiteral("name"), name},
        {QStringLiteral("status"), status},
        {QStringLiteral("problem"), problem},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("started"), status == QLatin1String("pending") && !responseId.isEmpty()}};
}

Round roundFor(store::PatientRepository &patients, const store::Episode &episode,
               const store::Patient &patient, const store::Session &session,
               const QString &physioName, const InstrumentLibrary &library)
{
    Round round;
    round.episodeId = episode.id;
    round.sessionId = session.id;
    round.patientId = patient.id;
    round.sessionDate = session.date;
    round.birthDate = patient.birthDate;
    round.childName = firstName(patient.name);
    round.physioName = physioName;
    const auto guardians = patients.guardians(patient.id);
    if (!guardians.isEmpty()) {
        round.parentName = firstName(guardians.first().name);
        round.guardianId = guardians.first().id;
    }
    QHash<QString, QString> set;
    for (auto it = episode.instrumentSet.begin(); it != episode.instrumentSet.end(); ++it)
        set.insert(it.key(), it.value().toString());
    round.plan = planRound(library, round, set);
    return round;
}

QString firstName(const QString &fullName)
{
    const QStringList parts = fullName.simplified().split(QLatin1Char(' '));
    return parts.isEmpty() ? QString() : parts.first();
}

QVector<PlanEntry> planRound(const InstrumentLibrary &library, const Round &round,
                             const QHash<QString, QString> &instrumentSet)
{
    QVector<PlanEntry> plan;

    PlanEntry child;
    child.respondent = Respondent::Child;
    child.name = round.childName;
    if (const Instrument *form = library.childFormFor(round.birthDate, round.sessionDate)) {
        child.instrumentId = form->id;
        child.instrumentTitle = form->title.in(QStringLiteral("en"));
    } else {
        const int age = InstrumentLibrary::ageOn(round.birthDate, round.sessionDate);
        child.problem = age < 0
                            ? tr("%1's birth date is after the session date; no child form can be "
                                 "chosen")
                                  .arg(round.childName)
                            : tr("%1 is %2 on the session date; no child form fits that age")
                                  .arg(round.childName)
                                  .arg(age);
    }
    plan << child;

    for (Respondent r : {Respondent::Parent, Respondent::Physio}) {
        PlanEntry entry;
        entry.respondent = r;
        entry.name = r == Respondent::Parent ? round.parentName : round.physioName;
        const Instrument *form = nullptr;
        const QString configured = instrumentSet.value(respondentId(r));
        if (!configured.isEmpty())
            form = library.find(configured);
        if (!form || form->respondent != r)
            form = library.formFor(r);
        if (form) {
            entry.instrumentId = form->id;
            entry.instrumentTitle = form->title.in(QStringLiteral("en"));
        } else {
            entry.problem = r == Respondent::Parent
                                ? tr("No parent form is installed on this tablet")
                                : tr("No physiotherapist form is installed on this tablet");
        }
        plan << entry;
    }
    return plan;
}

QVariantList skipReasonList()
{
    auto entry = [](const char *id, const char *label) {
        return QVariantMap{{QStringLiteral("id"), QString::fromLatin1(id)},
                           {QStringLiteral("label"), tr(label)}};
    };
    return {entry("absent", QT_TRANSLATE_NOOP("RoundPlan", "Absent")),
            entry("declined", QT_TRANSLATE_NOOP("RoundPlan", "Declined")),
            entry("too-distressed", QT_TRANSLATE_NOOP("RoundPlan", "Too distressed")),
            entry("no-form-for-age", QT_TRANSLATE_NOOP("RoundPlan", "No form for this age"))};
}

bool isSkipReason(const QString &id)
{
    for (const QVariant &v : skipReasonList())
        if (v.toMap().value(QStringLiteral("id")).toString() == id)
            return true;
    return false;
}

QString skipReasonLabel(const QString &id)
{
    for (const QVariant &v : skipReasonList()) {
        const QVariantMap entry = v.toMap();
        if (entry.value(QStringLiteral("id")).toString() == id)
            return entry.value(QStringLiteral("label")).toString();
    }
    return id.isEmpty() ? QString() : tr("Other reason");
}

// A declined response's vocabulary (store/schema.cpp declineReasons()) has no "absent": its
// decline reason is "other", and the round_skip row stored with it (schema v3) keeps the
// exact reason. Reading a declined response back without a skip row (stored before v3) gives
// "absent" for "other", the only skip the round ever stored as "other".
QString storedDeclineReason(const QString &skipReason, Respondent respondent)
{
    if (skipReason == QLatin1String("declined"))
        return respondent == Respondent::Child    ? QStringLiteral("child-declined")
               : respondent == Respondent::Parent ? QStringLiteral("parent-declined")
                                                  : QStringLiteral("other");
    if (skipReason == QLatin1String("too-distressed"))
        return QStringLiteral("too-upset");
    return QStringLiteral("other");
}

QString skipReasonFromStored(const QString &declineReason)
{
    if (declineReason == QLatin1String("child-declined") ||
        declineReason == QLatin1String("parent-declined"))
        return QStringLiteral("declined");
    if (declineReason == QLatin1String("too-upset"))
        return QStringLiteral("too-distressed");
    return QStringLiteral("absent");
}

} // namespace triad::app
