// FHIR R4 export benchmark. Prints figures; never asserts a time (machines differ).
//  1. 100,000 synthetic completed responses (the five shipped forms, random answers, real
//     scores) turned into QuestionnaireResponses and their score Observations and streamed
//     into a Bundle file through QSaveFile, as the export does it (EntryPipeline: formatted
//     on worker threads, written in order): responses per second.
//  2. The whole export (FhirExport::write) from a demo clinic database of about as many
//     responses (DemoClinic: guardians, episodes of 6-14 sessions of child, parent and physio
//     forms, free text, alerts and actions, every row sealed), reading and decrypting the
//     clinic, writing and committing the file, the audit entry: responses per second, wall
//     and per CPU second, as a collection and as a transaction Bundle.
// Synthetic data only.
//
// Usage: bench_fhir [RESPONSES] [DEMO-PATIENTS] [FOLDER] [THREADS]
//        RESPONSES: default 100000. DEMO-PATIENTS: default "auto", enough patients for about
//        RESPONSES responses (30 per patient on average); 0 skips part 2. FOLDER: default a
//        temporary folder under /tmp; when given, the demo database is kept there as
//        bench-fhir-demo-<patients>.sqlite and a later run with the same FOLDER and
//        DEMO-PATIENTS reuses it instead of making it again (minutes for 100,000 responses).
//        THREADS: formatting threads, default 0 = one per core.

#include "core/crypto/vault.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/scoring.h"
#include "core/interop/fhir/fhirbundlewriter.h"
#include "core/interop/fhir/fhirentrypipeline.h"
#include "core/interop/fhir/fhirexport.h"
#include "core/interop/fhir/fhirquestionnaire.h"
#include "core/interop/fhir/fhirresources.h"
#include "core/store/clinic.h"
#include "core/store/democlinic.h"
#include "core/store/staffrepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdio>
#include <ctime>

using namespace triad;
using namespace triad::interop::fhir;

namespace {

Answers randomAnswers(const Instrument &form, QRandomGenerator &rng)
{
    Answers a;
    for (const Item &item : form.items) {
        const ResponseFormat *f = form.format(item.formatId);
        if (!f || f->kind == FormatKind::FreeText)
            continue;
        if (f->kind == FormatKind::Slider)
            a.set(item.id, double(rng.bounded(101)));
        else if (f->kind == FormatKind::YesNo)
            a.set(item.id, rng.bounded(2) == 1);
        else
            a.set(item.id, f->choices.at(int(rng.bounded(int(f->choices.size())))).value);
    }
    return a;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.value(1, QStringLiteral("100000")).toInt();
    const QString patientsArg = args.value(2, QStringLiteral("auto"));
    // A demo patient has 6-14 sessions of three responses: 30 on average.
    const int demoPatients =
        patientsArg == QLatin1String("auto") ? (count + 29) / 30 : patientsArg.toInt();
    const int threads = args.value(4, QStringLiteral("0")).toInt(); // 0: one per core
    const QString keep = args.value(3);                             // where the demo is kept
    QTemporaryDir dir((keep.isEmpty() ? QStringLiteral("/tmp") : keep) +
                      QStringLiteral("/bench-fhir-XXXXXX"));
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    const QVector<Instrument> &forms = library.instruments();
    if (forms.size() != 5 || !dir.isValid()) {
        std::fprintf(stderr, "needs the five shipped forms and a writable folder\n");
        return 2;
    }

    // 1. Records to Bundle. The records are made first (not timed).
    QRandomGenerator rng(7);
    QVector<store::StoredResponse> responses;
    responses.reserve(count);
    const QString patient = uuid();
    for (int i = 0; i < count; ++i) {
        const Instrument &form = forms.at(i % forms.size());
        store::StoredResponse r;
        r.record.id = uuid();
        r.record.sessionId = uuid();
        r.record.respondent = form.respondent;
        r.record.instrumentId = form.id;
        r.record.instrumentVersion = form.version;
        r.record.language = QStringLiteral("en");
        r.record.status = store::ResponseStatus::Complete;
        r.record.startedAt = QStringLiteral("2025-03-27T16:30:00.000Z");
        r.record.completedAt = QStringLiteral("2025-03-27T16:32:10.000Z");
        r.answers = randomAnswers(form, rng);
        r.scores = score(form, r.answers);
        responses.append(std::move(r));
    }
    const QString file = dir.filePath(QStringLiteral("records.json"));
    // Wall time and this process's CPU time: the machine is shared, and on a busy one the wall
    // time mostly measures waiting for a core.
    QElapsedTimer timer;
    timer.start();
    std::clock_t cpu = std::clock();
    QSaveFile out(file);
    out.open(QIODevice::WriteOnly);
    BundleWriter bundle(out, BundleWriter::Type::Collection,
                        QStringLiteral("2025-03-27T17:00:00Z"));
    for (const Instrument &form : forms)
        bundle.add(questionnaireResource(form), urn(questionnaireId(form)));
    bool written = true;
    {
        // As the export does it: formatted on worker threads, written in order.
        EntryPipeline pipeline(bundle, false, threads);
        for (const store::StoredResponse &r : responses) {
            ResponseLinks links{
                patient, r.record.sessionId, QStringLiteral("Patient"), patient, {}};
            const Instrument *form =
                library.find(r.record.instrumentId, r.record.instrumentVersion);
            pipeline.addResponse(r, form, links, false);
        }
        written = pipeline.finish();
    }
    written = bundle.finish() && written;
    const double beforeCommit = double(timer.nsecsElapsed()) / 1e9;
    const bool committed = written && out.commit(); // flush, fsync, rename
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    double cpuSeconds = double(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::printf("records to Bundle: %d responses, %lld entries, %.1f MB; wall %.2f s: %.0f "
                "responses/s (commit and fsync %.2f s of it); CPU %.2f s: %.0f responses/s "
                "(%s)\n",
                count, bundle.entries(), double(QFileInfo(file).size()) / 1e6, seconds,
                count / seconds, seconds - beforeCommit, cpuSeconds, count / cpuSeconds,
                committed ? "committed" : "NOT COMMITTED");

    // 2. From a database.
    if (demoPatients <= 0)
        return committed ? 0 : 1;
    store::Database db;
    const QString dbName = QStringLiteral("bench-fhir-demo-%1.sqlite").arg(demoPatients);
    const QString dbPath = keep.isEmpty() ? dir.filePath(dbName) : QDir(keep).filePath(dbName);
    const bool reuse = QFileInfo::exists(dbPath);
    if (!db.open(dbPath)) {
        std::fprintf(stderr, "cannot open the demo database %s\n", qPrintable(dbPath));
        return 2;
    }
    crypto::Vault vault;
    timer.restart();
    if (reuse) {
        // Made by an earlier run: signed in as its admin, as the app would.
        store::Clinic clinic(db);
        const auto admin = store::StaffRepository(db).findByName(QStringLiteral("Demo Admin"));
        if (!admin || !clinic.signIn(admin->id, QStringLiteral("demo-passphrase-admin"), vault)) {
            std::fprintf(stderr, "%s is not this benchmark's demo clinic\n", qPrintable(dbPath));
            return 2;
        }
        std::printf("demo clinic reused: %s\n", qPrintable(dbPath));
    } else {
        store::DemoOptions options;
        options.patients = demoPatients;
        options.scrypt = crypto::ScryptParams{1 << 10, 8, 1};
        const auto demo = store::DemoClinic::create(db, library, vault, options);
        if (!demo) {
            std::fprintf(stderr, "demo clinic failed: %s\n", qPrintable(db.lastError().message()));
            return 2;
        }
        std::printf(
            "demo clinic (not timed in the figure): %d patients, %d responses, made in %.1f s\n",
            demo->patients, demo->responses, double(timer.elapsed()) / 1000);
    }
    std::fflush(stdout);
    for (const bool transaction : {false, true}) {
        ExportOptions exportOptions;
        exportOptions.transaction = transaction;
        ExportReport report;
        interop::InteropError error;
        const QString target =
            dir.filePath(transaction ? QStringLiteral("tx.json") : QStringLiteral("db.json"));
        timer.restart();
        cpu = std::clock();
        const bool ok =
            FhirExport::write(db, vault, library, target, exportOptions, &report, &error);
        const double s = double(timer.nsecsElapsed()) / 1e9;
        cpuSeconds = double(std::clock() - cpu) / CLOCKS_PER_SEC;
        std::printf("database to Bundle (%s): %d responses, %lld entries, %.1f MB; wall %.2f s: "
                    "%.0f responses/s; CPU %.2f s: %.0f responses/s%s\n",
                    transaction ? "transaction" : "collection", report.responses, report.entries,
                    double(QFileInfo(target).size()) / 1e6, s, report.responses / s, cpuSeconds,
                    report.responses / cpuSeconds,
                    ok ? "" : qPrintable(QStringLiteral(" FAILED: ") + error.message));
        std::fflush(stdout);
        QFile::remove(target); // a kept folder keeps only the database
    }
    return committed ? 0 : 1;
}
