// triad-cli norms: the clinic's item-level figures per form and respondent (corrected item-total
// correlations, alpha, test-retest reliability of the core over stable session pairs), so the
// clinic lead can see which items and which reliability the scores stand on.
#include "adminsession.h"

#include "core/insights/itemnorms.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace triad::cli {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::cli::NormsCommand", text);
}

const QString kUsage = QStringLiteral("norms [--db PATH] [--as NAME] [--json]");

QString figure(std::optional<double> v)
{
    return v ? QString::number(*v, 'f', 2) : tr("n/a");
}

int runNorms(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    AdminSession session;
    if (const int code = openSession(args, io, session))
        return code;
    if (const int code = rejectExtra(args, kUsage, io, session.json))
        return code;
    const InstrumentLibrary library = InstrumentLibrary::loadDefault();
    const auto norms = insights::ItemNorms::load(session.db, library);
    if (!norms)
        return reportFailure(io, session.json, 2, session.db.lastError().detail);
    if (session.json) {
        QJsonArray forms;
        for (const auto &f : *norms)
            forms.append(f.toJson());
        printJson(io, {{QStringLiteral("ok"), true},
                       {QStringLiteral("maxRetestDays"), insights::ItemNorms::maxRetestDays},
                       {QStringLiteral("forms"), forms}});
        return 0;
    }
    for (const auto &f : *norms) {
        io.out << tr("%1 %2.x, %3: %4 responses; alpha %5 (core %6); test-retest of %7 %8 "
                     "(%9 pairs)")
                      .arg(f.instrumentId, f.majorVersion, respondentId(f.respondent))
                      .arg(f.responses)
                      .arg(figure(f.alphaTotal), figure(f.alphaCore), f.retestMeasure,
                           figure(f.retest))
                      .arg(f.retestPairs)
               << '\n';
        for (const auto &i : f.items)
            io.out << QStringLiteral("  %1%2: %3 (n %4)\n")
                          .arg(i.itemId, i.core ? tr(" [core]") : QString(), figure(i.r))
                          .arg(i.n);
    }
    if (norms->isEmpty())
        io.out << tr("No completed responses yet.") << '\n';
    return 0;
}

CommandRegistration reg{{QStringLiteral("norms"), QStringLiteral("[--db PATH] [--as NAME]"),
                         QStringLiteral("item-total correlations and reliabilities of each form"),
                         runNorms}};

} // namespace
} // namespace triad::cli
