// triad-cli score INSTRUMENT ANSWERS.json: prints the scores as JSON.
#include "commands.h"

#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/scoring.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace triad::cli {
namespace {

int runScore(const QStringList &arguments, Io &io)
{
    QStringList args = arguments;
    takeFlag(args, QStringLiteral("--json")); // output is always JSON
    if (args.size() != 2) {
        io.err << "usage: triad-cli score INSTRUMENT ANSWERS.json\n"
                  "  INSTRUMENT is a questionnaire file or the id of an installed one\n";
        return 2;
    }
    std::optional<Instrument> instrument;
    if (QFileInfo(args[0]).isFile()) {
        auto loaded = InstrumentLoader::loadFile(args[0]);
        for (const auto &p : loaded.problems)
            io.err << p.toString() << '\n';
        instrument = loaded.instrument;
    } else {
        const auto library = InstrumentLibrary::loadDefault();
        if (const Instrument *found = library.find(args[0]))
            instrument = *found;
        else
            io.err << "triad-cli: \"" << args[0]
                   << "\" is neither a file nor an installed instrument id\n";
    }
    if (!instrument)
        return 2;

    QFile file(args[1]);
    if (!file.open(QIODevice::ReadOnly)) {
        io.err << args[1] << ": cannot read: " << file.errorString() << '\n';
        return 2;
    }
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        io.err << QFileInfo(args[1]).fileName() << ": not a JSON object ("
               << (parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                : QStringLiteral("wrong type"))
               << ")\n";
        return 2;
    }
    QStringList problems;
    const auto answers = Answers::fromJson(doc.object(), *instrument, &problems);
    if (!answers) {
        for (const auto &p : problems)
            io.err << QFileInfo(args[1]).fileName() << ": " << p << '\n';
        return 1;
    }
    io.out << QJsonDocument(score(*instrument, *answers).toJson()).toJson(QJsonDocument::Indented);
    return 0;
}

CommandRegistration reg{{QStringLiteral("score"), QStringLiteral("INSTRUMENT ANSWERS.json"),
                         QStringLiteral("score one respondent's answers; prints JSON"), runScore}};

} // namespace
} // namespace triad::cli
