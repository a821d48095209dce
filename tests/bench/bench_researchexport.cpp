// Prints how fast the research export (wide and long CSV, codebook, R and SPSS scripts) runs
// on a large synthetic clinic: responses per second, median of 3 runs, pseudonymised without
// free text (the default). Never asserts a time (machines differ).
//
// The clinic is made with Clinic::create (cheap scrypt) and filled with SQL in one
// transaction: patients (birth dates encrypted with the clinic's key, as the store does),
// episodes of 8-14 sessions, three responses per session (child 8-12, parent, physio forms)
// with every answer and the scores triad::score computes, stored while a draft and then
// completed, as the store does.
//   bench_researchexport [responses] [folder]   (default 100000, a temporary folder)
#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/scoring.h"
#include "core/interop/csv/researchexport.h"
#include "core/store/clinic.h"
#include "core/store/staffrepository.h"

#include <QFileInfo>

#include <algorithm>
#include <ctime>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <random>

using namespace triad;

namespace {

bool exec(store::Database &db, QSqlQuery &q)
{
    if (db.exec(q))
        return true;
    QTextStream(stderr) << "bench_researchexport: " << db.lastError().message() << '\n';
    return false;
}

bool fill(store::Database &db, const crypto::Vault &vault, const QString &physioId,
          const InstrumentLibrary &library, int responses)
{
    const Instrument *forms[] = {library.find(QStringLiteral("triad-child-8to12")),
                                 library.find(QStringLiteral("triad-parent")),
                                 library.find(QStringLiteral("triad-physio"))};
    for (const Instrument *f : forms)
        if (!f)
            return false;
    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    const QString who[] = {QStringLiteral("child"), QStringLiteral("parent"),
                           QStringLiteral("physio")};
    const QString now = store::nowUtc();
    std::mt19937 rng(11);
    store::Transaction tx(db);
    if (!tx.begin())
        return false;
    QSqlQuery patient = db.query(), episode = db.query(), session = db.query(),
              response = db.query(), answer = db.query(), score = db.query(), done = db.query();
    db.prepare(patient, QStringLiteral("INSERT INTO patient (id, code, name, birth_date, "
                                       "created_at) VALUES (?, ?, ?, ?, ?)"));
    db.prepare(episode, QStringLiteral("INSERT INTO episode (id, patient_id, physio_id, "
                                       "condition, start_date, created_at) VALUES (?, ?, ?, "
                                       "'other', ?, ?)"));
    db.prepare(session, QStringLiteral("INSERT INTO session (id, episode_id, physio_id, "
                                       "session_date, created_at) VALUES (?, ?, ?, ?, ?)"));
    db.prepare(response, QStringLiteral("INSERT INTO response (id, session_id, respondent, "
                                        "instrument_id, instrument_version, language, "
                                        "started_at, updated_at) VALUES (?, ?, ?, ?, ?, 'en', "
                                        "?, ?)"));
    db.prepare(answer, QStringLiteral("INSERT INTO answer (response_id, item_id, value_kind, "
                                      "value_num, answered_at) VALUES (?, ?, ?, ?, ?)"));
    db.prepare(score, QStringLiteral("INSERT INTO score (response_id, kind, score_id, scorable, "
                                     "raw, min_possible, max_possible, normalised, item_count, "
                                     "answered, prorated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                     "0)"));
    db.prepare(done, QStringLiteral("UPDATE response SET status = 'complete', completed_at = ? "
                                    "WHERE id = ?"));
    const auto addScore = [&](const QString &id, const char *kind, const Score &s) {
        score.addBindValue(id);
        score.addBindValue(QLatin1String(kind));
        score.addBindValue(s.id);
        score.addBindValue(s.scorable ? 1 : 0);
        score.addBindValue(s.raw);
        score.addBindValue(s.minPossible);
        score.addBindValue(s.maxPossible);
        score.addBindValue(s.normalised);
        score.addBindValue(s.itemCount);
        score.addBindValue(s.answered);
        return exec(db, score);
    };
    int made = 0;
    for (int e = 0; made < responses; ++e) {
        const QString patientId = store::newUuid(), episodeId = store::newUuid();
        const QDate birth = QDate(2013, 1, 1).addDays(int(rng() % 1200));
        patient.addBindValue(patientId);
        patient.addBindValue(QStringLiteral("BENCH-%1").arg(e));
        patient.addBindValue(cipher.encrypt(QStringLiteral("Bench Child %1").arg(e),
                                            QStringLiteral("patient"), QStringLiteral("name"),
                                            patientId));
        patient.addBindValue(cipher.encrypt(birth.toString(Qt::ISODate), QStringLiteral("patient"),
                                            QStringLiteral("birth_date"), patientId));
        patient.addBindValue(now);
        const QDate first = QDate(2024, 1, 8).addDays(int(rng() % 300));
        episode.addBindValue(episodeId);
        episode.addBindValue(patientId);
        episode.addBindValue(physioId);
        episode.addBindValue(first.toString(Qt::ISODate));
        episode.addBindValue(now);
        if (!exec(db, patient) || !exec(db, episode))
            return false;
        const int sessions = 8 + int(rng() % 7);
        for (int s = 0; s < sessions && made < responses; ++s) {
            const QString sessionId = store::newUuid();
            session.addBindValue(sessionId);
            session.addBindValue(episodeId);
            session.addBindValue(physioId);
            session.addBindValue(first.addDays(7 * s).toString(Qt::ISODate));
            session.addBindValue(now);
            if (!exec(db, session))
                return false;
            for (int w = 0; w < 3 && made < responses; ++w, ++made) {
                const Instrument &form = *forms[w];
                const QString id = store::newUuid();
                response.addBindValue(id);
                response.addBindValue(sessionId);
                response.addBindValue(who[w]);
                response.addBindValue(form.id);
                response.addBindValue(form.version);
                response.addBindValue(now);
                response.addBindValue(now);
                if (!exec(db, response))
                    return false;
                Answers answers;
                for (const Item &item : form.items) {
                    const ResponseFormat *format = form.format(item.formatId);
                    if (!format || format->kind == FormatKind::FreeText)
                        continue;
                    const bool slider = format->kind == FormatKind::Slider;
                    const double value =
                        slider ? double(rng() % 101) : double(1 + rng() % format->choices.size());
                    answers.set(item.id, slider ? QVariant(value) : QVariant(int(value)));
                    answer.addBindValue(id);
                    answer.addBindValue(item.id);
                    answer.addBindValue(slider ? QStringLiteral("real") : QStringLiteral("int"));
                    answer.addBindValue(value);
                    answer.addBindValue(now);
                    if (!exec(db, answer))
                        return false;
                }
                const ScoreSet set = triad::score(form, answers);
                bool ok = addScore(id, "total", set.total);
                for (const Score &s : set.subscales)
                    ok = ok && addScore(id, "subscale", s);
                for (const Score &s : set.constructs)
                    ok = ok && addScore(id, "construct", s);
                if (set.hasCore()) {
                    ok = ok && addScore(id, "construct", set.core);
                    for (const Score &s : set.coreConstructs)
                        ok = ok && addScore(id, "construct", s);
                }
                done.addBindValue(now);
                done.addBindValue(id);
                if (!ok || !exec(db, done))
                    return false;
            }
        }
    }
    return tx.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int responses = app.arguments().value(1, QStringLiteral("100000")).toInt();
    QTemporaryDir temp;
    const QString folder = app.arguments().value(2, temp.path());
    const InstrumentLibrary library =
        InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_SOURCE_DIR "/questionnaires"));
    store::Database db;
    const QString path = QDir(folder).filePath(QStringLiteral("bench-research.sqlite"));
    const bool reuse = QFileInfo::exists(path); // a folder given twice: fill once
    if (!db.open(path)) {
        out << "bench_researchexport: " << db.lastError().message() << '\n';
        return 2;
    }
    crypto::Vault vault{crypto::PinHashing{1000}};
    store::Clinic clinic(db);
    if (reuse) {
        const auto admin = store::StaffRepository(db).findByName(QStringLiteral("Bench Admin"));
        if (!admin ||
            !clinic.signIn(admin->id, QStringLiteral("synthetic bench passphrase"), vault)) {
            out << "bench_researchexport: " << path << " is not this benchmark's database\n";
            return 2;
        }
        db.clearRowKey();
    }
    const auto admin =
        reuse ? std::nullopt
              : clinic.create(QStringLiteral("Bench Clinic"), QStringLiteral("Bench Admin"),
                              QStringLiteral("synthetic bench passphrase"), vault,
                              crypto::ScryptParams{1 << 10, 8, 1});
    if (!reuse) {
        if (!admin)
            return 2;
        db.clearRowKey(); // the bulk fill is not sealed row by row
        QElapsedTimer fillTimer;
        fillTimer.start();
        if (!fill(db, vault, admin->id, library, responses))
            return 2;
        out << "filled " << responses << " responses in " << fillTimer.elapsed() << " ms\n";
        out.flush();
    }

    // Wall time, and the process's CPU time: on a machine shared with other jobs the wall time
    // includes waiting for a core.
    std::vector<double> seconds, cpuSeconds;
    interop::csv::ResearchReport report;
    for (int run = 0; run < 3; ++run) {
        QTemporaryDir target(QDir(folder).filePath(QStringLiteral("export-XXXXXX")));
        interop::csv::ResearchOptions options;
        options.parentFolder = target.path();
        interop::InteropError error;
        QElapsedTimer timer;
        // Phases, from the progress calls: reading ends when writing rows starts.
        qint64 readMs = -1, rowsMs = -1;
        options.progress = [&](qint64 done, qint64 total) {
            if (readMs < 0 && done > total / 2)
                readMs = timer.elapsed();
            if (done == total)
                rowsMs = timer.elapsed();
            return true;
        };
        timer.start();
        const std::clock_t cpuStart = std::clock();
        if (!interop::csv::ResearchExport::write(db, vault, library, options, &report, &error)) {
            out << "bench_researchexport: " << error.message << '\n';
            return 2;
        }
        seconds.push_back(timer.nsecsElapsed() / 1e9);
        cpuSeconds.push_back(double(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        qint64 bytes = 0;
        for (const QString &f : report.files)
            bytes += QFileInfo(QDir(report.folder).filePath(f)).size();
        out << "run " << run + 1 << ": " << report.responses << " responses, " << report.answers
            << " answers, " << bytes / (1024 * 1024) << " MiB in " << seconds.back() << " s (CPU "
            << cpuSeconds.back() << " s; reading done at " << readMs << " ms, rows at " << rowsMs
            << " ms)\n";
        out.flush();
    }
    std::sort(seconds.begin(), seconds.end());
    std::sort(cpuSeconds.begin(), cpuSeconds.end());
    const double median = seconds[1];
    out << "research CSV export: median " << median << " s wall, "
        << qRound64(double(report.responses) / median) << " responses/s; median CPU "
        << cpuSeconds[1] << " s, " << qRound64(double(report.responses) / cpuSeconds[1])
        << " responses per CPU second\n";
    return 0;
}
