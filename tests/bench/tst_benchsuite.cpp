// The benchmark suite runs end to end and reports every figure it promises, each with
// numbers (median, p95, min, max, n) and the machine it ran on. It asserts no timings:
// those live in the suite's JSON and docs/PERFORMANCE.md.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

class TestBenchSuite : public QObject
{
    Q_OBJECT
private slots:
    void quickSuiteReportsEveryFigure()
    {
        QProcess suite;
        suite.setProcessChannelMode(QProcess::SeparateChannels);
        suite.start(QStringLiteral(TRIAD_BENCH_SUITE),
                    {QStringLiteral("--quick"), QStringLiteral("--json")});
        QVERIFY(suite.waitForStarted());
        QVERIFY(suite.waitForFinished(1100 * 1000));
        const QByteArray err = suite.readAllStandardError();
        QJsonParseError parse{};
        const QJsonDocument doc = QJsonDocument::fromJson(suite.readAllStandardOutput(), &parse);
        QVERIFY2(parse.error == QJsonParseError::NoError,
                 qPrintable(parse.errorString() + QLatin1Char('\n') + QString::fromLocal8Bit(err)));
        const QJsonObject result = doc.object();
        QVERIFY2(
            result.value(QStringLiteral("errors")).toArray().isEmpty(),
            QJsonDocument(result.value(QStringLiteral("errors")).toArray()).toJson().constData());
        QCOMPARE(suite.exitCode(), 0);

        const QJsonObject machine = result.value(QStringLiteral("machine")).toObject();
        for (const char *field : {"cpu", "cores", "qt", "date", "qt_quick_backend"})
            QVERIFY2(!machine.value(QLatin1String(field)).toVariant().toString().isEmpty(), field);

        const QJsonObject figures = result.value(QStringLiteral("figures")).toObject();
        const char *expected[] = {"cold_start_ms",       "cold_start_large_ms",
                                  "tap_to_next_ms",      "tap_to_settled_ms",
                                  "frame_gap_ms",        "sign_in_ms",
                                  "pin_unlock_ms",       "demo_create_ms",
                                  "episode_open_ms",     "dashboard_open_ms",
                                  "staff_back_ms",       "staff_frame_gap_ms",
                                  "staff_ui_blocked_ms", "dashboard_query_1m_ms",
                                  "save_response_ms",    "pss_mib",
                                  "peak_rss_mib",        "summary_cards_ui_blocked_ms"};
        for (const char *name : expected) {
            const QJsonObject f = figures.value(QLatin1String(name)).toObject();
            QVERIFY2(!f.isEmpty(), name);
            for (const char *stat : {"median", "p95", "min", "max", "n"}) {
                const QJsonValue v = f.value(QLatin1String(stat));
                QVERIFY2(v.isDouble(), qPrintable(QStringLiteral("%1.%2").arg(name, stat)));
                QVERIFY2(v.toDouble() > 0, qPrintable(QStringLiteral("%1.%2").arg(name, stat)));
            }
            QVERIFY(f.value(QStringLiteral("min")).toDouble() <=
                    f.value(QStringLiteral("max")).toDouble());
        }
        // At least 100 taps in patient mode, as the figure promises.
        QVERIFY(figures.value(QStringLiteral("tap_to_next_ms"))
                    .toObject()
                    .value(QStringLiteral("n"))
                    .toInt() >= 100);
    }
};

QTEST_GUILESS_MAIN(TestBenchSuite)
#include "tst_benchsuite.moc"
