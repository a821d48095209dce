#pragma once
// Reads and validates questionnaire files (questionnaires/schema.json).
// Validation is complete: every problem in a file is reported, with the file
// name, the JSON path and a plain message; an invalid file loads nothing.

#include "instrument.h"

#include <QJsonObject>

namespace triad {

struct LoadProblem
{
    QString file;    // file name only, e.g. "triad-child-8to12.json"
    QString path;    // JSON path, e.g. "items[3].subscale"; empty for whole-file problems
    QString message; // plain words, e.g. "\"bnod\" is not one of the subscales (goal, task, bond)"

    // "file: path: message"
    QString toString() const;
};

struct LoadResult
{
    std::optional<Instrument> instrument; // set only when problems is empty
    QVector<LoadProblem> problems;
    bool ok() const { return instrument.has_value(); }
};

class InstrumentLoader
{
public:
    static LoadResult loadFile(const QString &path);
    static LoadResult loadJson(const QByteArray &json, const QString &fileName);
    static LoadResult fromObject(const QJsonObject &object, const QString &fileName);

    // Loads every *.json except schema.json in a folder; problems of all files are collected.
    struct Library
    {
        QVector<Instrument> instruments;
        QVector<LoadProblem> problems;
    };
    static Library loadFolder(const QString &folder);
    // As loadFolder, for several folders (the built-in questionnaires and a clinic's own);
    // an id used by more than one file is a problem, and only its first file is loaded.
    static Library loadFolders(const QStringList &folders);

    // Bigger files are refused unread: no questionnaire comes near it.
    static constexpr qint64 maxFileSize = 1024 * 1024;
};

} // namespace triad
