// triad-cli score INSTRUMENT ANSWERS.json: prints the scores as JSON.
#include "commands.h"

#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/regularfile.h"
#include "core/instrument/scoring.h"
#include "core/instrument/strictjson.h"

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
    if (QFileInfo::exists(args[0])) {
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

    // An answers file is a few KiB; 1 MiB is generous and bounds what is read.
    const QString answersName = QFileInfo(args[1]).fileName();
    const RegularFileRead read = readRegularFile(args[1], 1024 * 1024);
    if (!read.ok()) {
        io.err << args[1] << ": " << read.problem << '\n';
        return 2;
    }
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(read.bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        io.err << answersName << ": not a JSON object ("
               << (parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                : QStringLiteral("wrong type"))
               << ")\n";
        return 2;
    }
    if (const auto defect = findJsonDefect(read.bytes)) {
        io.err << answersName << ": " << (defect->path.isEmpty() ? QString() : defect->path + ": ")
               << defect->message << '\n';
        return 1;
    }
    QStringList problems;
    const auto answers = Answers::fromJson(doc.object(), *instrument, &problems);
    if (!answers) {
        for (const auto &p : problems)
            io.err << answersName << ": " << p << '\n';
        return 1;
    }
    io.out << QJsonDocument(score(*instrument, *answers).toJson()).toJson(QJsonDocument::Indented);
    return 0;
}

CommandRegistration reg{{QStringLiteral("score"), QStringLiteral("INSTRUMENT ANSWERS.json"),
                         QStringLiteral("score one respondent's answers; prints JSON"), runScore}};

} // namespace
} // namespace triad::cli
