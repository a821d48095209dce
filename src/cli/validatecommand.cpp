// triad-cli validate FILE|FOLDER...: checks questionnaire files before a clinic installs them.
#include "commands.h"

#include "core/instrument/instrumentloader.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using triad::InstrumentLoader;
using triad::LoadResult;

// A folder stands for its questionnaire files, in the order loadFolder reads them.
QStringList expand(const QStringList &args)
{
    QStringList files;
    for (const auto &arg : args) {
        const QFileInfo info(arg);
        if (!info.isDir()) {
            files.append(arg);
            continue;
        }
        QStringList names = QDir(arg).entryList({QStringLiteral("*.json")}, QDir::Files);
        std::sort(names.begin(), names.end());
        names.removeIf([](const QString &name) {
            return name.compare(QLatin1String("schema.json"), Qt::CaseInsensitive) == 0;
        });
        for (const auto &name : names)
            files.append(QDir(arg).filePath(name));
    }
    return files;
}

QJsonObject toJson(const QString &file, const LoadResult &result)
{
    QJsonArray problems;
    for (const auto &problem : result.problems)
        problems.append(QJsonObject{{QStringLiteral("path"), problem.path},
                                    {QStringLiteral("message"), problem.message}});
    QJsonObject entry{{QStringLiteral("file"), file},
                      {QStringLiteral("ok"), result.ok()},
                      {QStringLiteral("problems"), problems}};
    if (result.instrument) {
        entry.insert(QStringLiteral("id"), result.instrument->id);
        entry.insert(QStringLiteral("version"), result.instrument->version);
        entry.insert(QStringLiteral("items"), int(result.instrument->items.size()));
        QJsonArray core;
        for (const auto *item : result.instrument->coreItems())
            core.append(item->facet);
        entry.insert(QStringLiteral("coreFacets"), core);
    }
    return entry;
}

int run(const QStringList &arguments, triad::cli::Io &io)
{
    QStringList args = arguments;
    const bool json = triad::cli::takeFlag(args, QStringLiteral("--json"));
    if (args.isEmpty()) {
        io.err << QCoreApplication::translate("ValidateCommand",
                                              "Usage: triad-cli validate [--json] FILE|FOLDER...")
               << '\n';
        return 2;
    }
    const QStringList files = expand(args);
    if (files.isEmpty()) {
        io.err << QCoreApplication::translate(
                      "ValidateCommand",
                      "triad-cli validate: no questionnaire files (*.json) found")
               << '\n';
        return 2;
    }
    bool allValid = true;
    bool unreadable = false;
    QJsonArray report;
    for (const auto &file : files) {
        const QFileInfo info(file);
        // A file that is not there is an environment problem (exit 2), not an invalid file.
        if (!info.isFile() || !info.isReadable())
            unreadable = true;
        const LoadResult result = InstrumentLoader::loadFile(file);
        allValid = allValid && result.ok();
        if (json) {
            report.append(toJson(file, result));
        } else if (result.ok()) {
            io.out << QCoreApplication::translate("ValidateCommand",
                                                  "ok: %1 (%2 %3, %4 items, %5 core)")
                          .arg(file, result.instrument->id, result.instrument->version)
                          .arg(result.instrument->items.size())
                          .arg(result.instrument->coreItems().size())
                   << '\n';
        } else {
            for (const auto &problem : result.problems)
                io.err << problem.toString() << '\n';
        }
    }
    if (json)
        io.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    io.out.flush();
    io.err.flush();
    if (unreadable)
        return 2;
    return allValid ? 0 : 1;
}

const triad::cli::CommandRegistration reg{
    {QStringLiteral("validate"), QStringLiteral("[--json] FILE|FOLDER..."),
     QStringLiteral("check questionnaire files; print every problem with its place"), run}};

} // namespace
