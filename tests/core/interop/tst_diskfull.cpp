// A backup that runs out of room names the full disk (and the CLI exits 2, docs/CLI.md).
// The limit is RLIMIT_FSIZE, which makes write(2) fail as a full disk does (EFBIG here,
// ENOSPC there: both are "full" to the user), only while the backup file is written.
#include "interoptestbed.h"

#include "core/interop/backupfile.h"
#include "core/interop/snapshotsummary.h"

#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace triad;
using namespace triad::interop;
using namespace triad::interop::testing;

class TestDiskFull : public QObject
{
    Q_OBJECT

private slots:
    void aFullDiskIsNamedAndLeavesNoFile()
    {
        ClinicBed bed;
        QVERIFY(bed.setUp());
        const QString snapshot = bed.dir.filePath(QStringLiteral("snapshot.sqlite"));
        QVERIFY(bed.db.copyTo(snapshot));
        SnapshotSummary summary;
        QString detail;
        QVERIFY(summarize(snapshot, &summary, &detail));
        const QString target = bed.dir.filePath(QStringLiteral("full.triadbak"));

        rlimit saved{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = saved;
        small.rlim_cur = 8 * 1024;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        BackupHeader header;
        InteropError error;
        const bool written =
            writeBackupFile(snapshot, summary, bed.vault.subkey(crypto::KeyPurpose::Backup), target,
                            &header, &error, 4096);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY(!written);
        QCOMPARE(error.kind, InteropErrorKind::Io);
        QVERIFY2(error.message.contains(QStringLiteral("is full")), qPrintable(error.message));
        QVERIFY(error.message.contains(bed.dir.path()));
        QVERIFY(!QFileInfo::exists(target));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
