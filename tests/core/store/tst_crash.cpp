// Crash safety: a writer process is killed with SIGKILL at random moments, over and over.
// Every response it reported saved must be there, complete, with its scores; every draft
// must hold whole answers in the order given (no hole); the file must pass integrity_check
// and the audit chain must verify.

#include "storetestbed.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QtTest>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

namespace {
// Whether the writer said "ready" and, with `saved`, also reported one saved response after it.
bool writerGot(const QByteArray &seen, bool saved)
{
    const int ready = seen.indexOf("ready\n");
    if (ready < 0)
        return false;
    return !saved || seen.indexOf('\n', ready + 6) > 0;
}
} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedWriterLosesNothingReported()
    {
        TestBed bed;
        QVERIFY(bed.setUp());
        const Instrument form = loadInstrument(QStringLiteral("triad-physio.json"));
        const QString path = bed.path;
        const QStringList args{path, bed.session.id, bed.physio.id,
                               QString::fromLatin1(bed.fieldKey.bytes().toHex()),
                               QString::fromLatin1(bed.auditKey.bytes().toHex())};
        bed.db.close();

        const int kills = qEnvironmentVariableIntValue("TRIAD_CRASH_KILLS") > 0
                              ? qEnvironmentVariableIntValue("TRIAD_CRASH_KILLS")
                              : 200;
        QRandomGenerator random(20240501);
        QStringList reported;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kills; ++i) {
            QProcess writer;
            writer.start(QStringLiteral(TRIAD_CRASH_WRITER),
                         args + QStringList{QString::number(i + 1)});
            QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
            // One kill in ten during start-up and open; the others while saving. The moment is
            // counted from the writer's "ready", so a busy machine still kills mid-save. One
            // kill in three waits for a first reported save as well: on a loaded machine a save
            // can take longer than the random delay, and the test must still see saves.
            QByteArray seen;
            if (i % 10 == 0) {
                QThread::msleep(random.bounded(5));
            } else {
                const bool awaitSave = i % 3 == 1;
                QElapsedTimer waiting;
                waiting.start();
                while (!writerGot(seen, awaitSave) && waiting.elapsed() < 10000 &&
                       writer.state() == QProcess::Running) {
                    writer.waitForReadyRead(100);
                    seen += writer.readAllStandardOutput();
                }
                QThread::msleep(random.bounded(120));
            }
            writer.kill();
            QVERIFY(writer.waitForFinished(5000));
            const QList<QByteArray> lines = (seen + writer.readAllStandardOutput()).split('\n');
            // The last element is an unfinished line (or empty): not a report.
            for (int l = 0; l + 1 < lines.size(); ++l)
                if (lines.at(l) != "ready")
                    reported << QString::fromLatin1(lines.at(l));
            QVERIFY2(writer.exitStatus() == QProcess::CrashExit || writer.exitCode() == 0,
                     writer.readAllStandardError().constData());
        }
        qInfo("%d kills, %lld responses reported saved, %lld ms", kills, qlonglong(reported.size()),
              qlonglong(clock.elapsed()));
        QVERIFY(reported.size() > kills / 4); // the writer did get to work

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.lastError().detail));
        QString report;
        QVERIFY2(db.checkIntegrity(&report), qPrintable(report));
        AuditLog audit(db, bed.auditKey, bed.physio.id);
        ResponseRepository responses(db, bed.cipher, audit);
        // Total, subscales, constructs and, on a form with a core, the core and its constructs.
        const ScoreSet shape = triad::score(form, {});
        const int scoreRows = 1 + int(shape.subscales.size()) + int(shape.constructs.size()) +
                              (shape.hasCore() ? 1 + int(shape.coreConstructs.size()) : 0);
        for (const QString &id : reported) {
            const auto stored = responses.get(id);
            QVERIFY2(stored, qPrintable(id));
            QCOMPARE(stored->record.status, ResponseStatus::Complete);
            QCOMPARE(stored->answers.count(), int(form.items.size()));
            QVERIFY(stored->scores.total.scorable);
            QCOMPARE(stored->scores.total.normalised,
                     triad::score(form, stored->answers).total.normalised);
            QSqlQuery q = db.query();
            q.prepare(QStringLiteral("SELECT count(*) FROM score WHERE response_id = ?"));
            q.addBindValue(id);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), scoreRows);
        }
        // Complete responses that were not reported (killed between commit and print) are
        // whole too; drafts hold a prefix of the form's items, never a hole.
        QSqlQuery all = db.query();
        QVERIFY(all.exec(QStringLiteral("SELECT id, status FROM response")));
        QStringList ids, statuses;
        while (all.next()) {
            ids << all.value(0).toString();
            statuses << all.value(1).toString();
        }
        all.finish();
        int drafts = 0;
        for (int i = 0; i < ids.size(); ++i) {
            const auto stored = responses.get(ids.at(i));
            QVERIFY(stored);
            if (statuses.at(i) == QLatin1String("complete")) {
                QCOMPARE(stored->answers.count(), int(form.items.size()));
                QVERIFY(stored->scores.total.scorable);
                continue;
            }
            ++drafts;
            const int answered = stored->answers.count();
            for (int k = 0; k < form.items.size(); ++k)
                QCOMPARE(stored->answers.has(form.items.at(k).id), k < answered);
        }
        qInfo("%lld responses in the file, %d drafts left by kills", qlonglong(ids.size()), drafts);
        const crypto::VerifyResult chain = audit.verify();
        QVERIFY2(chain.ok, qPrintable(chain.message));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
