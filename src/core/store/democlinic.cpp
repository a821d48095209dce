#include "democlinic.h"

#include "auditlog.h"
#include "clinic.h"
#include "episoderepository.h"
#include "patientrepository.h"
#include "responserepository.h"
#include "schema.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QtMath>

#include <algorithm>

namespace triad::store {

namespace {

// How much each respondent rates the alliance, on 0..1, at one session.
struct Levels
{
    double child = 0;
    double parent = 0;
    double physio = 0;
};

// One synthetic child's story: where the three respondents start, how fast the alliance grows,
// and whether (and when) a rupture is planted.
struct Story
{
    double physioStart = 0;
    double childAbovePhysio = 0;
    double parentAboveChild = 0;
    double growth = 0;
    int sessions = 0;
    int ruptureAt = -1; // session index, -1 for none

    Levels at(int session) const
    {
        Levels l;
        l.physio = physioStart + growth * session;
        l.child = l.physio + childAbovePhysio;
        l.parent = l.child + parentAboveChild;
        if (ruptureAt >= 0 && session == ruptureAt) {
            // The child's rating falls sharply; the adults notice a little.
            l.child -= 0.45;
            l.parent -= 0.10;
            l.physio -= 0.08;
        } else if (ruptureAt >= 0 && session == ruptureAt + 1) {
            l.child -= 0.10; // repair under way
        }
        // Near 1 the forms run out of room: the ceiling effect children's ratings show.
        l.child = std::clamp(l.child, 0.05, 0.99);
        l.parent = std::clamp(l.parent, 0.05, 0.99);
        l.physio = std::clamp(l.physio, 0.05, 0.95);
        return l;
    }
};

double gaussian(QRandomGenerator &rng, double sd)
{
    const double u1 = std::max(rng.generateDouble(), 1e-12);
    const double u2 = rng.generateDouble();
    return sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

Answers answersFor(const Instrument &form, double level, QRandomGenerator &rng)
{
    Answers answers;
    for (const Item &item : form.items) {
        const ResponseFormat *format = form.format(item.formatId);
        if (!format || format->kind == FormatKind::FreeText)
            continue; // the private "unsaid" text stays empty in the demo
        if (item.subscaleId.isEmpty()) {
            if (format->kind == FormatKind::YesNo)
                answers.set(item.id, rng.bounded(8) == 0);
            continue;
        }
        double v = std::clamp(level + gaussian(rng, 0.08), 0.0, 1.0);
        if (item.reverse)
            v = 1.0 - v;
        switch (format->kind) {
        case FormatKind::Likert:
        case FormatKind::Faces: {
            const int points = int(format->choices.size());
            answers.set(item.id, std::clamp(1 + int(std::lround(v * (points - 1))), 1, points));
            break;
        }
        case FormatKind::Slider: {
            const int step = std::max(1, format->step);
            answers.set(item.id,
                        double(std::clamp(int(std::lround(v * 100 / step)) * step, 0, 100)));
            break;
        }
        case FormatKind::YesNo:
            answers.set(item.id, v >= 0.5);
            break;
        case FormatKind::FreeText:
            break;
        }
    }
    return answers;
}

// Made-up first names with the surname "Demo": screens read naturally ("Please hand the
// tablet to Ayla") while every record stays obviously synthetic.
QString demoChildName(int i)
{
    static const char *const names[] = {"Ayla", "Bram", "Cleo", "Dev",   "Elin", "Finn",
                                        "Gaia", "Hugo", "Isla", "Jonah", "Kira", "Leo"};
    const int n = int(sizeof names / sizeof *names);
    const QString first = QString::fromLatin1(names[i % n]);
    return i < n ? first + QStringLiteral(" Demo")
                 : first + QStringLiteral(" Demo %1").arg(i / n + 1);
}

QString demoParentName(int i)
{
    static const char *const names[] = {"Noor", "Owen", "Priya", "Quinn", "Rosa", "Sami"};
    const int n = int(sizeof names / sizeof *names);
    return QString::fromLatin1(names[i % n]) +
           QStringLiteral(" Demo (parent of %1)")
               .arg(demoChildName(i).section(QLatin1Char(' '), 0, 0));
}

const char *const kGoals[] = {
    "Demo goal: ride a bike to school",
    "Demo goal: join the football team again",
    "Demo goal: walk to the park without a break",
    "Demo goal: climb the stairs at school",
    "Demo goal: dance at the end-of-year show",
    "Demo goal: carry a school bag without pain",
};

} // namespace

QVector<DemoAccount> DemoClinic::accounts()
{
    return {
        {QStringLiteral("Demo Admin"),
         StaffRole::Admin,
         QStringLiteral("demo-passphrase-admin"),
         {}},
        {QStringLiteral("Demo Lead"), StaffRole::Lead, QStringLiteral("demo-passphrase-lead"), {}},
        {QStringLiteral("Demo Physio 1"),
         StaffRole::Physio,
         QStringLiteral("demo-passphrase-1"),
         {}},
        {QStringLiteral("Demo Physio 2"),
         StaffRole::Physio,
         QStringLiteral("demo-passphrase-2"),
         {}},
        {QStringLiteral("Demo Physio 3"),
         StaffRole::Physio,
         QStringLiteral("demo-passphrase-3"),
         {}},
    };
}

std::optional<DemoSummary> DemoClinic::create(Database &db, const InstrumentLibrary &library,
                                              crypto::Vault &vault, const DemoOptions &options)
{
    Clinic clinic(db);
    if (clinic.exists() || db.rowCount(QStringLiteral("staff")) != 0) {
        db.setError(StoreErrorKind::Invalid,
                    QStringLiteral("the demo clinic only fills an empty database"));
        return std::nullopt;
    }
    const Instrument *parentForm = library.formFor(Respondent::Parent);
    const Instrument *physioForm = library.formFor(Respondent::Physio);
    if (!parentForm || !physioForm || options.patients < 1 || !options.lastSessionDate.isValid()) {
        db.setError(StoreErrorKind::Invalid,
                    QStringLiteral("the demo needs parent and physio forms in the library"));
        return std::nullopt;
    }

    DemoSummary summary;
    summary.accounts = accounts();
    // Units of work: one per account, one per patient, and the final commit.
    const int accountCount = int(summary.accounts.size());
    const int total = accountCount + options.patients + 1;
    int done = 0;
    const auto report = [&](const char *step, int stepDone, int stepTotal) {
        if (options.progress)
            options.progress({QString::fromLatin1(step), stepDone, stepTotal, done, total});
    };
    report("staff", 0, accountCount);
    const auto admin = clinic.create(QStringLiteral("Demo Clinic (synthetic data)"),
                                     summary.accounts[0].displayName,
                                     summary.accounts[0].passphrase, vault, options.scrypt);
    if (!admin)
        return std::nullopt;
    summary.accounts[0].staffId = admin->id;
    ++done;
    report("staff", 1, accountCount);
    for (int i = 1; i < accountCount; ++i) {
        DemoAccount &account = summary.accounts[i];
        const auto member = clinic.addStaff(vault, account.displayName, account.role,
                                            account.passphrase, options.scrypt);
        if (!member)
            return std::nullopt;
        account.staffId = member->id;
        ++done;
        report("staff", i + 1, accountCount);
    }

    QRandomGenerator rng(options.seed);
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), admin->id);
    PatientRepository patients(db, cipher, audit);
    EpisodeRepository episodes(db, cipher, audit);
    SessionRepository sessions(db, audit);
    ResponseRepository responses(db, cipher, audit);
    const QStringList conditions = conditionCategories();
    const QStringList relationships{QStringLiteral("mother"), QStringLiteral("father"),
                                    QStringLiteral("mother"), QStringLiteral("carer")};
    // Two planted ruptures, spread over the caseload.
    const QVector<int> ruptured{options.patients / 4, (3 * options.patients) / 4};

    // Demo records carry their session's date and a plausible answering time, as a real
    // round would; the clock is only this thread's and stops with the function.
    SyntheticClock clock(QDateTime(options.lastSessionDate, QTime(9, 0), Qt::UTC));
    QRandomGenerator pace(options.seed + 1); // its own stream: the answers stay as they were
    if (!db.beginBatch())
        return std::nullopt;
    // Any early return below rolls the whole batch back.
    struct BatchGuard
    {
        Database &db;
        ~BatchGuard() { db.rollbackBatch(); }
    } guard{db};
    report("patients", 0, options.patients);
    for (int i = 0; i < options.patients; ++i) {
        const DemoAccount &physio = summary.accounts.at(2 + i % 3);
        audit.setStaffId(physio.staffId);

        Story story;
        story.sessions = 6 + int(rng.bounded(9));
        story.physioStart = 0.45 + 0.2 * rng.generateDouble();
        story.childAbovePhysio = 0.08 + 0.1 * rng.generateDouble();
        story.parentAboveChild = 0.04 + 0.06 * rng.generateDouble();
        story.growth = 0.01 + 0.02 * rng.generateDouble();
        if (ruptured.contains(i))
            story.ruptureAt = story.sessions / 2;

        const QDate last = options.lastSessionDate.addDays(-int(rng.bounded(21)));
        const QDate first = last.addDays(-7 * (story.sessions - 1));
        // Ages 4-16 at the first session, spread over the caseload, so every child form is used.
        const int age = 4 + (options.patients > 1 ? (i * 12) / (options.patients - 1) : 6);
        const QDate birth = first.addYears(-age).addDays(-int(rng.bounded(300)));
        const auto patient =
            patients.create(demoChildName(i), birth, QStringLiteral("Synthetic demo record."));
        if (!patient)
            return std::nullopt;
        const auto guardian = patients.addGuardian(patient->id, demoParentName(i),
                                                   relationships.at(i % relationships.size()));
        if (!guardian)
            return std::nullopt;
        ++summary.patients;

        Episode e;
        e.patientId = patient->id;
        e.physioId = physio.staffId;
        e.condition = conditions.at(int(rng.bounded(int(conditions.size()))));
        e.goals = QLatin1String(kGoals[rng.bounded(int(std::size(kGoals)))]);
        e.instrumentSet = QJsonObject{{QStringLiteral("child"), QStringLiteral("by-age")},
                                      {QStringLiteral("parent"), parentForm->id},
                                      {QStringLiteral("physio"), physioForm->id}};
        e.startDate = first;
        const auto episode = episodes.create(e);
        if (!episode)
            return std::nullopt;
        ++summary.episodes;
        if (story.ruptureAt >= 0)
            summary.rupturedEpisodes << episode->id;

        for (int s = 0; s < story.sessions; ++s) {
            const QDate date = first.addDays(7 * s);
            QDateTime moment(date, QTime(16, 30), Qt::UTC);
            clock.set(moment);
            const auto session = sessions.create(episode->id, physio.staffId, date,
                                                 s % 5 == 4 ? QStringLiteral("home") : QString());
            if (!session)
                return std::nullopt;
            ++summary.sessions;
            const Instrument *childForm = library.childFormFor(birth, date);
            const Levels levels = story.at(s);
            const struct
            {
                const Instrument *form;
                double level;
                QString guardianId;
            } round[] = {{childForm, levels.child, {}},
                         {parentForm, levels.parent, guardian->id},
                         {physioForm, levels.physio, {}}};
            for (const auto &r : round) {
                if (!r.form) {
                    db.setError(StoreErrorKind::Invalid,
                                QStringLiteral("no child form for age %1")
                                    .arg(InstrumentLibrary::ageOn(birth, date)));
                    return std::nullopt;
                }
                moment = moment.addSecs(60);
                clock.set(moment);
                const auto draft = responses.startDraft(session->id, r.form->respondent, *r.form,
                                                        QStringLiteral("en"), r.guardianId);
                // 4 to 12 seconds a question: a child listening to read-aloud is slower,
                // a physio at session end quicker.
                moment = moment.addSecs(qint64(r.form->items.size()) * (4 + pace.bounded(9)));
                clock.set(moment);
                if (!draft ||
                    !responses.complete(draft->id, *r.form, answersFor(*r.form, r.level, rng)))
                    return std::nullopt;
                ++summary.responses;
            }
        }
        if (i % 4 == 3 && !episodes.close(episode->id, last))
            return std::nullopt;
        ++done;
        report("patients", i + 1, options.patients);
    }
    report("saving", 0, 1);
    if (!db.commitBatch())
        return std::nullopt;
    audit.publishHead();
    ++done;
    report("saving", 1, 1);
    return summary;
}

} // namespace triad::store
