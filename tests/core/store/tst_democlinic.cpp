// The demo clinic: the staff can sign in with the documented demo passphrases, every child
// gets the form of their age band, the trajectories look like a clinic's (children above their
// physio, parents above both, two ruptures that repair), and a seed gives the same clinic.

#include "core/store/clinic.h"
#include "core/store/democlinic.h"

#include "storetestbed.h"

#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

namespace {
const crypto::ScryptParams kFast{quint64(1) << 10, 8, 1};

struct Demo
{
    QTemporaryDir dir;
    Database db;
    crypto::Vault vault;
    std::optional<DemoSummary> summary;

    bool build(quint32 seed)
    {
        if (!db.open(dir.filePath(QStringLiteral("demo.sqlite"))))
            return false;
        DemoOptions options;
        options.seed = seed;
        options.lastSessionDate = QDate(2024, 6, 28);
        options.scrypt = kFast;
        summary = DemoClinic::create(db, InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES), vault,
                                     options);
        return summary.has_value();
    }

    // Every complete response's normalised total, in episode and session order.
    QVector<double> totals()
    {
        crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
        AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        PatientRepository patients(db, cipher, audit);
        EpisodeRepository episodes(db, cipher, audit);
        ResponseRepository responses(db, cipher, audit);
        QVector<double> all;
        for (const Patient &p : patients.list())
            for (const Episode &e : episodes.forPatient(p.id))
                for (const StoredResponse &r : responses.forEpisode(e.id))
                    all << r.scores.total.normalised;
        return all;
    }
};

double mean(const QVector<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.isEmpty() ? 0 : sum / v.size();
}
} // namespace

class TestDemoClinic : public QObject
{
    Q_OBJECT

private slots:
    void fillsAnEmptyDatabaseWithARealisticClinic()
    {
        Demo demo;
        QVERIFY2(demo.build(42), qPrintable(demo.db.lastError().detail));
        const DemoSummary &s = *demo.summary;
        QCOMPARE(s.accounts.size(), 5);
        QCOMPARE(s.patients, 12);
        QCOMPARE(s.episodes, 12);
        QVERIFY(s.sessions >= 12 * 6 && s.sessions <= 12 * 14);
        QCOMPARE(s.responses, 3 * s.sessions);
        QCOMPARE(s.rupturedEpisodes.size(), 2);

        // Every documented account signs in.
        Clinic clinic(demo.db);
        for (const DemoAccount &account : DemoClinic::accounts()) {
            const auto created =
                std::find_if(s.accounts.begin(), s.accounts.end(), [&](const DemoAccount &a) {
                    return a.displayName == account.displayName;
                });
            crypto::Vault vault;
            QVERIFY2(clinic.signIn(created->staffId, account.passphrase, vault),
                     qPrintable(account.displayName));
        }

        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        crypto::FieldCipher cipher(demo.vault.subkey(crypto::KeyPurpose::Fields));
        AuditLog audit(demo.db, demo.vault.subkey(crypto::KeyPurpose::Audit), {});
        PatientRepository patients(demo.db, cipher, audit);
        EpisodeRepository episodes(demo.db, cipher, audit);
        ResponseRepository responses(demo.db, cipher, audit);
        QVector<double> child, parent, physio;
        QSet<QString> childForms;
        int ceiling = 0;
        for (const Patient &p : patients.list()) {
            // Obviously synthetic: a made-up first name and the surname "Demo".
            QCOMPARE(p.name.section(QLatin1Char(' '), 1, 1), QStringLiteral("Demo"));
            QCOMPARE(patients.guardians(p.id).size(), 1);
            QVERIFY(
                patients.guardians(p.id).first().name.contains(QLatin1String(" Demo (parent of ")));
            const Episode e = episodes.forPatient(p.id).first();
            QVERIFY(e.goals.startsWith(QLatin1String("Demo goal")));
            const QVector<StoredResponse> list = responses.forEpisode(e.id);
            QVERIFY(list.size() >= 18 && list.size() <= 42);
            QVector<double> childSeries;
            for (const StoredResponse &r : list) {
                QCOMPARE(r.record.status, ResponseStatus::Complete);
                QVERIFY(r.scores.total.scorable);
                if (r.record.respondent == Respondent::Child) {
                    const int age = InstrumentLibrary::ageOn(p.birthDate, r.sessionDate);
                    QVERIFY(age >= 4 && age <= 17);
                    QCOMPARE(library.childFormFor(p.birthDate, r.sessionDate)->id,
                             r.record.instrumentId);
                    childForms.insert(r.record.instrumentId);
                    child << r.scores.total.normalised;
                    childSeries << r.scores.total.normalised;
                    ceiling += r.scores.total.normalised >= 99.9 ? 1 : 0;
                } else if (r.record.respondent == Respondent::Parent) {
                    parent << r.scores.total.normalised;
                } else {
                    physio << r.scores.total.normalised;
                }
            }
            if (s.rupturedEpisodes.contains(e.id)) {
                // The rupture: the lowest child score, well below the sessions before it,
                // followed by a rise (repair).
                const auto low = std::min_element(childSeries.begin(), childSeries.end());
                const int at = int(low - childSeries.begin());
                QVERIFY(at > 0 && at + 1 < childSeries.size());
                QVERIFY2(mean(childSeries.mid(0, at)) - *low > 20,
                         qPrintable(QStringList([&] {
                                        QStringList l;
                                        for (double x : childSeries)
                                            l << QString::number(x);
                                        return l;
                                    }())
                                        .join(" ")));
                QVERIFY(childSeries.at(at + 1) > *low + 10);
            }
        }
        QCOMPARE(childForms.size(), 3); // 4-7, 8-12 and 13-17 forms all appear
        QVERIFY(mean(child) > mean(physio) + 5);
        QVERIFY(mean(parent) > mean(child));
        QVERIFY(ceiling > 0); // some children rate at the very top

        // Only an empty database.
        QVERIFY(!DemoClinic::create(demo.db, library, demo.vault, DemoOptions{}));
        QCOMPARE(demo.db.lastError().kind, StoreErrorKind::Invalid);
    }

    void sameSeedSameClinic()
    {
        Demo a, b, c;
        QVERIFY(a.build(7));
        QVERIFY(b.build(7));
        QVERIFY(c.build(8));
        QCOMPARE(a.totals(), b.totals());
        QVERIFY(a.totals() != c.totals());
    }
};

QTEST_GUILESS_MAIN(TestDemoClinic)
#include "tst_democlinic.moc"
