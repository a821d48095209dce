#pragma once
// A folder of export files that appears complete or not at all. The files are written (each
// through QSaveFile) into a hidden working folder inside the chosen one, readable by the
// owner only; commit() renames it to its final name in one step, never over anything that
// exists. Destroyed without commit() (an error, a cancel), it removes the working folder,
// overwriting each file first, so nothing half-written or in clear is left behind.

#include "core/interop/interoperror.h"

#include <memory>
#include <QSaveFile>
#include <QString>

namespace triad::interop::csv {

class ExportFolder
{
public:
    ExportFolder() = default;
    ~ExportFolder();
    ExportFolder(const ExportFolder &) = delete;
    ExportFolder &operator=(const ExportFolder &) = delete;

    // `parent` must be an existing folder; `name` the final folder's name in it (a "-2",
    // "-3"... is added when that name is taken).
    bool begin(const QString &parent, const QString &name, InteropError *error);

    // A file being written into the working folder, buffered.
    class File
    {
    public:
        bool write(const QByteArray &bytes); // appends; flushes the buffer past 1 MiB
        QByteArray &buffer() { return m_buffer; }
        bool flushIfFull();

    private:
        friend class ExportFolder;
        std::unique_ptr<QSaveFile> m_file;
        QByteArray m_buffer;
        bool m_ok = true;
    };
    std::unique_ptr<File> open(const QString &fileName, InteropError *error);
    bool close(File &file, InteropError *error); // flushes and commits the QSaveFile
    bool writeFile(const QString &fileName, const QByteArray &bytes, InteropError *error);

    // Renames the working folder to its final name. The path is finalPath().
    bool commit(InteropError *error);
    QString finalPath() const { return m_final; }
    QString workingPath() const { return m_working; }
    QStringList files() const { return m_files; }

private:
    QString m_parent;
    QString m_working;
    QString m_final;
    QString m_name;
    QStringList m_files;
    bool m_committed = false;
};

} // namespace triad::interop::csv
