#pragma once
// Reading a file someone hands to Triad (a questionnaire, an answers file, a backup): only an
// ordinary file is opened, never a pipe, a device or a socket, which could block the reader
// forever or feed it without end, and never more than a size limit.

#include <QByteArray>
#include <QString>

namespace triad {

struct RegularFileRead
{
    QByteArray bytes;
    QString problem; // translated, without the file name; empty when the file was read

    bool ok() const { return problem.isEmpty(); }
};

// "" when `path` is an ordinary file (symbolic links followed) of at most `maxBytes` bytes;
// else why not: missing, a folder, not an ordinary file, too large. Opens nothing.
QString regularFileProblem(const QString &path, qint64 maxBytes);

// The whole file, checked as above on the opened file itself (so a file swapped for a pipe
// in between is refused too), and never more than `maxBytes` bytes.
RegularFileRead readRegularFile(const QString &path, qint64 maxBytes);

} // namespace triad
