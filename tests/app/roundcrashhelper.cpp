// Plays a tablet that dies mid-form: signs in, starts the round for an episode, answers the
// child's first two questions, prints READY and waits to be SIGKILLed by tst_roundflow.
// With "stored": answers every question and hands the form in as the form screen does,
// storeForm() first; it dies before finishForm() moves the round on.
//   roundcrashhelper <db> <staffId> <episodeId> [stored]
#include "roundfixture.h"

#include "app/clinicsession.h"
#include "app/roundflow.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace triad;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const bool stored = argc == 5 && QLatin1String(argv[4]) == QLatin1String("stored");
    if (argc != 4 && !stored) {
        out << "usage: roundcrashhelper <db> <staffId> <episodeId> [stored]\n";
        return 2;
    }
    testing::prepareAppEnvironment(QString::fromLocal8Bit(argv[1]));
    auto *session = app::ClinicSession::instance();
    bool signedIn = false;
    QObject::connect(session, &app::ClinicSession::signInFinished,
                     [&](bool ok, const QString &) { signedIn = ok; });
    session->signIn(QString::fromLocal8Bit(argv[2]), QString::fromLatin1(testing::kPassphrase));
    if (!testing::waitFor([&] { return signedIn; })) {
        out << "FAIL sign-in: " << session->errorMessage() << '\n';
        return 1;
    }
    auto *flow = app::RoundFlow::instance();
    QString problem = session->setPin(QStringLiteral("2468"));
    if (problem.isEmpty())
        problem = flow->start(QString::fromLocal8Bit(argv[3]));
    if (problem.isEmpty())
        problem = flow->proceed(); // plan -> hand-over
    if (problem.isEmpty())
        problem = flow->proceed(); // hand-over -> form (one language)
    if (problem.isEmpty() && flow->stage() != QLatin1String("form"))
        problem = flow->beginForm(QStringLiteral("en"));
    if (problem.isEmpty())
        problem = testing::answerRows(*flow->questionnaire(), 0,
                                      stored ? flow->questionnaire()->count() : 2, 1);
    if (problem.isEmpty() && stored)
        problem = flow->storeForm();
    if (problem.isEmpty() && stored && flow->stage() != QLatin1String("form"))
        problem = QStringLiteral("the round moved on from the stored form");
    if (!problem.isEmpty()) {
        out << "FAIL " << problem << '\n';
        return 1;
    }
    out << "READY " << flow->questionnaire()->instrumentId() << '\n';
    out.flush();
    return app.exec(); // until killed
}
