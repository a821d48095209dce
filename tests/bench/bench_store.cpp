// Store benchmark: how long a completed 12-item response takes to save (answers, scores and
// audit entry in one transaction, fsync included at synchronous=FULL), and how many bytes each
// response adds to the database. Prints figures; never asserts a time.
//
// Usage: bench_store [FOLDER] [RESPONSES]   (FOLDER: where to put the database; default /tmp)

#include "core/crypto/primitives.h"
#include "core/instrument/instrumentloader.h"
#include "core/store/episoderepository.h"
#include "core/store/patientrepository.h"
#include "core/store/responserepository.h"
#include "core/store/staffrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace triad;
using namespace triad::store;

namespace {
qint64 storageBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir dir(args.value(1, QStringLiteral("/tmp")) +
                      QStringLiteral("/bench-store-XXXXXX"));
    const int count = args.value(2, QStringLiteral("500")).toInt();
    // --samples: each save's time on a line of its own (the suite, deploy/bench.sh).
    const bool samples = args.contains(QStringLiteral("--samples"));
    const LoadResult loaded = InstrumentLoader::loadFile(
        QStringLiteral(TRIAD_SOURCE_DIR) + QStringLiteral("/questionnaires/triad-physio.json"));
    if (!dir.isValid() || !loaded.ok() || count < 1) {
        std::fprintf(stderr, "bench_store: cannot set up (folder or questionnaire)\n");
        return 2;
    }
    const Instrument &form = *loaded.instrument;
    Database db;
    if (!db.open(dir.filePath(QStringLiteral("bench.sqlite")))) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(db.lastError().message()));
        return 2;
    }
    crypto::FieldCipher cipher(crypto::SecureBytes(crypto::randomBytes(32)));
    AuditLog audit(db, crypto::SecureBytes(crypto::randomBytes(32)), {});
    const auto physio =
        StaffRepository(db).create(QStringLiteral("Bench Physio"), StaffRole::Physio);
    audit.setStaffId(physio->id);
    PatientRepository patients(db, cipher, audit);
    EpisodeRepository episodes(db, cipher, audit);
    SessionRepository sessions(db, audit);
    ResponseRepository responses(db, cipher, audit);
    const auto patient = patients.create(QStringLiteral("Bench Child"), QDate(2012, 6, 1));
    Episode e;
    e.patientId = patient->id;
    e.physioId = physio->id;
    e.condition = QStringLiteral("other");
    e.startDate = QDate(2024, 1, 1);
    const auto episode = episodes.create(e);
    const auto session = sessions.create(episode->id, physio->id, QDate(2024, 1, 1));
    db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));

    QRandomGenerator random(7);
    QVector<double> completeMs;
    const qint64 bytesBefore = storageBytes(db.path());
    for (int i = 0; i < count; ++i) {
        const auto draft =
            responses.startDraft(session->id, Respondent::Physio, form, QStringLiteral("en"));
        Answers answers;
        for (const Item &item : form.items)
            if (item.formatId != QLatin1String("text"))
                answers.set(item.id, int(1 + random.bounded(5)));
        QElapsedTimer timer;
        timer.start();
        if (!draft || !responses.complete(draft->id, form, answers)) {
            std::fprintf(stderr, "bench_store: save failed: %s\n",
                         qPrintable(db.lastError().detail));
            return 1;
        }
        completeMs << timer.nsecsElapsed() / 1e6;
    }
    db.execSql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 bytesAfter = storageBytes(db.path());
    if (samples)
        for (double ms : completeMs)
            std::printf("SAMPLE save_response_ms %.3f\n", ms);
    std::sort(completeMs.begin(), completeMs.end());
    const auto at = [&](double q) { return completeMs.at(int(q * (completeMs.size() - 1))); };
    std::printf("responses saved: %d (%d answers each, scores and an audit entry)\n", count,
                int(form.scoredItems().size()));
    std::printf("complete-save, synchronous=FULL: median %.2f ms, p90 %.2f ms, max %.2f ms\n",
                at(0.5), at(0.9), completeMs.last());
    std::printf("database growth: %lld bytes, %.0f bytes per response\n",
                qlonglong(bytesAfter - bytesBefore), double(bytesAfter - bytesBefore) / count);
    return 0;
}
