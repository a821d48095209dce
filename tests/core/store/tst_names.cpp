// The name rules every stored person follows (core/store/personname.h), and staff names that
// must differ in more than case so signing in by name finds one person.
#include "storetestbed.h"

#include "core/store/personname.h"

#include <QTest>

using namespace triad::store;
using namespace triad::store::testing;

class TestNames : public QObject
{
    Q_OBJECT

private slots:
    void cleanNamesPass()
    {
        QCOMPARE(cleanName(QStringLiteral("  Mia   Example ")), QStringLiteral("Mia Example"));
        QCOMPARE(nameProblem(QStringLiteral("Zoë O'Brien-Łukasz"), QStringLiteral("Name")),
                 QString());
        QCOMPARE(nameProblem(QStringLiteral("محمد"), QStringLiteral("Name")), QString());
        // A letter outside the Basic Multilingual Plane is a surrogate pair, not invalid text.
        QCOMPARE(nameProblem(QString::fromUtf8("Ana \xF0\x9D\x90\x80"), QStringLiteral("Name")),
                 QString());
        QCOMPARE(nameProblem(QString(kMaxNameLength, QLatin1Char('a')), QStringLiteral("Name")),
                 QString());
    }

    void badNamesAreRefusedNamingTheField()
    {
        const auto problem = [](const QString &name) {
            return nameProblem(name, QStringLiteral("--name"));
        };
        QVERIFY(problem(QStringLiteral("   ")).startsWith(QStringLiteral("--name: ")));
        QVERIFY(problem(QString(100000, QLatin1Char('a'))).contains(QStringLiteral("100000")));
        QVERIFY(problem(QStringLiteral("Mia\tExample")).contains(QStringLiteral("control")));
        QVERIFY(problem(QStringLiteral("Mia\nExample")).contains(QStringLiteral("control")));
        QVERIFY(problem(QStringLiteral("Mia") + QChar(0) + QStringLiteral("X"))
                    .contains(QStringLiteral("control")));
        QVERIFY(problem(QStringLiteral("Mia\x7f")).contains(QStringLiteral("control")));
        QVERIFY(problem(QStringLiteral("Mia \u202Eelpmaxe")).contains(QStringLiteral("direction")));
        QVERIFY(problem(QStringLiteral("Mia \u2067x")).contains(QStringLiteral("U+2067")));
        QVERIFY(problem(QStringLiteral("Mia \u200Fx")).contains(QStringLiteral("direction")));
        // What QString::fromUtf8 makes of invalid UTF-8, and a lone surrogate.
        QVERIFY(problem(QString::fromUtf8("Mia \xC3\x28")).contains(QStringLiteral("UTF-8")));
        QVERIFY(problem(QString(QChar(0xD800)) + QStringLiteral("x"))
                    .contains(QStringLiteral("UTF-8")));
    }

    void repositoriesStoreOnlyCleanNames()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        QVERIFY(!bed.patients.create(QStringLiteral("Mia \u202Eelpmaxe"), QDate(2015, 3, 1)));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);
        QVERIFY(!bed.patients.create(QString(5000, QLatin1Char('x')), QDate(2015, 3, 1)));
        QVERIFY(!bed.patients.addGuardian(bed.patient.id, QStringLiteral("A\tB"),
                                          QStringLiteral("mother")));
        auto p = bed.patients.create(QStringLiteral("  Mia    Example  "), QDate(2015, 3, 1));
        QVERIFY(p);
        QCOMPARE(bed.patients.get(p->id)->name, QStringLiteral("Mia Example"));
        p->name = QStringLiteral("Mia\u0007");
        QVERIFY(!bed.patients.update(*p));
        QCOMPARE(bed.patients.get(p->id)->name, QStringLiteral("Mia Example"));
        QCOMPARE(bed.patients.list().size(), 2);
    }

    void staffNamesDifferInMoreThanCase()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        QVERIFY(!bed.staff.create(QStringLiteral("demo physio one"), StaffRole::Admin));
        QCOMPARE(bed.db.lastError().kind, StoreErrorKind::Invalid);
        QVERIFY(bed.db.lastError().detail.contains(QStringLiteral("already called")));
        QVERIFY(!bed.staff.create(QStringLiteral("  DEMO  PHYSIO ONE "), StaffRole::Lead));
        // A disabled member keeps their name too: re-enabling them must not make a pair.
        QVERIFY(bed.staff.setActive(bed.physio.id, false));
        QVERIFY(!bed.staff.create(QStringLiteral("Demo Physio One"), StaffRole::Physio));
        QVERIFY(bed.staff.create(QStringLiteral("Demo Physio Two"), StaffRole::Physio));
        QCOMPARE(bed.staff.findByName(QStringLiteral("demo physio ONE"))->id, bed.physio.id);
        QVERIFY(!bed.staff.findByName(QStringLiteral("Nobody")));
        QVERIFY(!bed.staff.create(QStringLiteral("Ro\u202Ese"), StaffRole::Physio));
        QCOMPARE(bed.staff.list().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestNames)
#include "tst_names.moc"
