#include "durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace triad::interop {

bool syncFile(QFile &file)
{
    if (!file.flush())
        return false;
#ifdef Q_OS_UNIX
    return ::fsync(file.handle()) == 0;
#else
    return true;
#endif
}

bool syncFolder(const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(folder);
    return true;
#endif
}

bool renameDurably(const QString &from, const QString &to, QString *error)
{
    // std::rename replaces an existing target in one step on POSIX; QFile::rename refuses.
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    syncFolder(QFileInfo(to).absolutePath());
    return true;
}

bool removeSecurely(const QString &path)
{
    QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return true;
    if (info.isFile() && !info.isSymLink()) {
        QFile file(path);
        if (file.open(QIODevice::ReadWrite)) {
            const QByteArray zeros(64 * 1024, '\0');
            qint64 left = file.size();
            while (left > 0) {
                const qint64 n = qMin<qint64>(left, zeros.size());
                if (file.write(zeros.constData(), n) != n)
                    break;
                left -= n;
            }
            syncFile(file);
            file.close();
        }
    }
    const bool removed = QFile::remove(path);
    syncFolder(info.absolutePath());
    return removed;
}

bool removeDatabaseSecurely(const QString &path)
{
    bool ok = true;
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        ok = removeSecurely(path + QLatin1String(suffix)) && ok;
    return ok;
}

bool isDiskFull(int errnum)
{
#ifdef EDQUOT
    if (errnum == EDQUOT)
        return true;
#endif
    return errnum == ENOSPC || errnum == EFBIG;
}

QString siblingTempName(const QString &path, const QString &tag)
{
    QString name;
    do {
        name = path + QLatin1Char('.') + tag + QLatin1Char('-') +
               QUuid::createUuid().toString(QUuid::Id128).left(12);
    } while (QFileInfo::exists(name));
    return name;
}

} // namespace triad::interop
