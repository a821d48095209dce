#include "regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace triad {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::RegularFile", text);
}

QString tooLarge(qint64 size, qint64 maxBytes)
{
    return tr("the file is too large (%1 bytes; at most %2 are read)").arg(size).arg(maxBytes);
}

QString notRegular()
{
    return tr("is not an ordinary file (a pipe, device or socket); only ordinary files are "
              "read");
}

} // namespace

QString regularFileProblem(const QString &path, qint64 maxBytes)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("the file does not exist");
    if (info.isDir())
        return tr("is a folder, not a file");
    if (!info.isFile())
        return notRegular();
    if (info.size() > maxBytes)
        return tooLarge(info.size(), maxBytes);
    return {};
}

RegularFileRead readRegularFile(const QString &path, qint64 maxBytes)
{
    RegularFileRead result;
    result.problem = regularFileProblem(path, maxBytes);
    if (!result.ok())
        return result;
    QFile file(path);
#ifdef Q_OS_UNIX
    if (path.startsWith(QLatin1Char(':'))) { // a Qt resource, compiled into the program
        if (!file.open(QIODevice::ReadOnly)) {
            result.problem = tr("the file cannot be read: %1").arg(file.errorString());
            return result;
        }
    } else {
        // O_NONBLOCK: opening a pipe that replaced the file since the check must not wait for a
        // writer. It has no effect on an ordinary file.
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            result.problem =
                tr("the file cannot be read: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return result;
        }
        struct stat st
        {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            result.problem = notRegular();
            return result;
        }
        if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            result.problem = tr("the file cannot be read: %1").arg(file.errorString());
            return result;
        }
    }
#else
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = tr("the file cannot be read: %1").arg(file.errorString());
        return result;
    }
#endif
    // One byte past the limit: the file may have grown since it was measured.
    result.bytes = file.read(maxBytes + 1);
    if (file.error() != QFile::NoError) {
        result.problem = tr("the file cannot be read: %1").arg(file.errorString());
        result.bytes.clear();
    } else if (result.bytes.size() > maxBytes) {
        result.problem = tooLarge(result.bytes.size(), maxBytes);
        result.bytes.clear();
    }
    return result;
}

} // namespace triad
