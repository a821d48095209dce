#include "instrumentloader.h"

#include "instrumentreader.h"
#include "regularfile.h"
#include "strictjson.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>

namespace triad {

namespace {

LoadResult resultOf(const ProblemLog &log, Instrument instrument)
{
    LoadResult result;
    result.problems = log.problems();
    if (log.isEmpty())
        result.instrument = std::move(instrument);
    return result;
}

LoadResult failure(const QString &fileName, const QString &message)
{
    LoadResult result;
    result.problems.append(LoadProblem{fileName, QString(), message});
    return result;
}

QString tooBig(qint64 size)
{
    return QCoreApplication::translate("InstrumentLoader",
                                       "the file is %1 KiB; a questionnaire file may be at most "
                                       "%2 KiB (1 MiB)")
        .arg((size + 1023) / 1024)
        .arg(InstrumentLoader::maxFileSize / 1024);
}

// QJsonParseError gives a byte offset; people need the line and column an editor shows.
// Qt's offset is just past the character it choked on, so step back onto that character.
QString whereIs(const QByteArray &json, int offset)
{
    offset = std::clamp(offset - 1, 0, int(json.size()));
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(json[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return QCoreApplication::translate("InstrumentLoader", "line %1, column %2")
        .arg(line)
        .arg(column);
}

} // namespace

QString LoadProblem::toString() const
{
    if (path.isEmpty())
        return file + QStringLiteral(": ") + message;
    return file + QStringLiteral(": ") + path + QStringLiteral(": ") + message;
}

LoadResult InstrumentLoader::loadFile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName().isEmpty() ? path : info.fileName();
    if (!info.exists())
        return failure(name,
                       QCoreApplication::translate("InstrumentLoader", "the file does not exist"));
    if (info.isDir())
        return failure(name, QCoreApplication::translate("InstrumentLoader",
                                                         "is a folder, not a questionnaire file"));
    if (info.size() > maxFileSize)
        return failure(name, tooBig(info.size()));
    const RegularFileRead read = readRegularFile(path, maxFileSize);
    if (!read.ok())
        return failure(name, read.problem);
    const QByteArray &json = read.bytes;
    return loadJson(json, name);
}

LoadResult InstrumentLoader::loadJson(const QByteArray &json, const QString &fileName)
{
    if (json.size() > maxFileSize)
        return failure(fileName, tooBig(json.size()));
    if (json.trimmed().isEmpty())
        return failure(fileName,
                       QCoreApplication::translate("InstrumentLoader", "the file is empty"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return failure(fileName,
                       QCoreApplication::translate("InstrumentLoader", "not valid JSON at %1: %2")
                           .arg(whereIs(json, error.offset), error.errorString()));
    if (!document.isObject())
        return failure(fileName, QCoreApplication::translate(
                                     "InstrumentLoader",
                                     "the top level must be an object ({...}), not an array"));
    if (const auto defect = findJsonDefect(json)) {
        LoadResult result;
        result.problems.append(LoadProblem{fileName, defect->path, defect->message});
        return result;
    }
    return fromObject(document.object(), fileName);
}

LoadResult InstrumentLoader::fromObject(const QJsonObject &object, const QString &fileName)
{
    // Only a file name says what the id must be; JSON from elsewhere has no name to match.
    const QString expectedId = fileName.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)
                                   ? QFileInfo(fileName).completeBaseName()
                                   : QString();
    ProblemLog log(fileName);
    InstrumentReader reader(&log, expectedId);
    Instrument instrument = reader.read(object);
    return resultOf(log, std::move(instrument));
}

InstrumentLoader::Library InstrumentLoader::loadFolder(const QString &folder)
{
    return loadFolders({folder});
}

InstrumentLoader::Library InstrumentLoader::loadFolders(const QStringList &folders)
{
    Library library;
    QHash<QString, QString> fileOfId;
    for (const auto &folder : folders) {
        const QDir dir(folder);
        if (!dir.exists()) {
            library.problems.append(LoadProblem{
                QFileInfo(folder).fileName(), QString(),
                QCoreApplication::translate("InstrumentLoader", "the folder does not exist")});
            continue;
        }
        QFileInfoList files =
            dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Hidden, QDir::NoSort);
        std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
            return a.fileName() < b.fileName();
        });
        for (const auto &file : files) {
            if (file.fileName().compare(QLatin1String("schema.json"), Qt::CaseInsensitive) == 0)
                continue;
            LoadResult result = loadFile(file.filePath());
            library.problems += result.problems;
            if (!result.instrument)
                continue;
            const QString id = result.instrument->id;
            if (const auto it = fileOfId.constFind(id); it != fileOfId.constEnd()) {
                library.problems.append(LoadProblem{
                    file.fileName(), QStringLiteral("id"),
                    QCoreApplication::translate("InstrumentLoader",
                                                "\"%1\" is already the id of %2, which is loaded "
                                                "instead; each questionnaire id must be unique")
                        .arg(id, QDir::toNativeSeparators(*it))});
                continue;
            }
            // The whole path: the same file name may well be in two of the folders.
            fileOfId.insert(id, file.filePath());
            library.instruments.append(std::move(*result.instrument));
        }
    }
    return library;
}

} // namespace triad
