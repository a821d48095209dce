// A backup made before a migration must still restore: measuring its snapshot uses the
// tables of the snapshot's own schema version, for every released version.
#include "core/interop/snapshotsummary.h"
#include "core/store/schema.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

class TestSnapshotSummary : public QObject
{
    Q_OBJECT
private slots:
    void everyReleasedSchema_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v <= triad::store::currentSchemaVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }

    void everyReleasedSchema()
    {
        QFETCH(int, version);
        const QString fixture = QStringLiteral(TRIAD_TEST_DATA "/db/v%1.sqlite").arg(version);
        QVERIFY2(QFile::exists(fixture),
                 qPrintable(fixture + QStringLiteral(" is missing: keep "
                                                     "a fixture per released schema")));
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("snapshot.sqlite"));
        QVERIFY(QFile::copy(fixture, copy));

        triad::interop::SnapshotSummary summary;
        QString error;
        QVERIFY2(triad::interop::summarize(copy, &summary, &error), qPrintable(error));
        QCOMPARE(summary.schemaVersion, version);
        QVERIFY(summary.integrityOk);
        QCOMPARE(summary.rows.keys().size(), triad::store::dataTables(version).size());
        for (const QString &table : triad::store::dataTables(version))
            QVERIFY2(summary.rows.contains(table), qPrintable(table));
        QVERIFY(!summary.digest.isEmpty());
        if (version < 3)
            QVERIFY(!summary.rows.contains(QStringLiteral("round_skip")));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotSummary)
#include "tst_snapshotsummary.moc"
