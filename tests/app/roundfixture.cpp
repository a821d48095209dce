#include "roundfixture.h"

#include "app/clinicsession.h"
#include "app/roundflow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

namespace triad::testing {

void prepareAppEnvironment(const QString &dbPath)
{
    qputenv("TRIAD_DB", dbPath.toUtf8());
    qputenv("TRIAD_NO_SPEECH", "1");
#ifdef TRIAD_QUESTIONNAIRES
    qputenv("TRIAD_QUESTIONNAIRES", TRIAD_QUESTIONNAIRES);
#endif
    // The clinic's own forms beside the test's database, never a folder shared between runs.
    qputenv("TRIAD_CLINIC_FORMS",
            QFileInfo(dbPath).dir().filePath(QStringLiteral("clinic-questionnaires")).toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    app::ClinicSession::setCryptoParamsForTesting(crypto::ScryptParams{quint64(1) << 10, 8, 1},
                                                  crypto::PinHashing{1000});
}

QVariant sampleAnswer(const app::QuestionnaireModel &model, int row, int seed)
{
    const Instrument &in = model.instrument();
    const Item &item = in.items.at(row);
    const ResponseFormat *format = in.format(item.formatId);
    switch (format->kind) {
    case FormatKind::Likert:
    case FormatKind::Faces:
        return format->choices.at((row + seed) % format->choices.size()).value;
    case FormatKind::Slider:
        return double(((row + seed) * 17) % 101 / format->step * format->step);
    case FormatKind::YesNo:
        return (row + seed) % 2 == 0;
    case FormatKind::FreeText:
        return QStringLiteral("Synthetic note %1").arg(row + 1);
    }
    return {};
}

QString answerRows(app::QuestionnaireModel &model, int from, int to, int seed)
{
    for (int row = from; row < to && row < model.count(); ++row) {
        const QString problem = model.setAnswer(row, sampleAnswer(model, row, seed));
        if (!problem.isEmpty())
            return QStringLiteral("row %1: %2").arg(row).arg(problem);
    }
    return {};
}

bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return done();
}

bool waitForClinicFigures(int ms)
{
    app::ClinicSession *session = app::ClinicSession::instance();
    bool failed = false;
    // And the cards of finished rounds, judged once they are ready, stored.
    const auto ready = [&] {
        return !session->clinicFiguresWorking() && session->readyClinicFigures(&failed) &&
               !app::RoundFlow::instance()->judgingAlerts();
    };
    return waitFor([&] { return ready() || failed; }, ms) && ready();
}

int stampQueriesHere()
{
    app::ClinicSession *session = app::ClinicSession::instance();
    return session->clinicFiguresCache().stampQueries() + session->itemNormsCache().stampQueries();
}

} // namespace triad::testing
