#include "exportfolder.h"

#include "core/interop/durablefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace triad::interop::csv {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::csv::ExportFolder", text);
}

InteropError ioError(const QString &message)
{
    return {InteropErrorKind::Io, message};
}

} // namespace

ExportFolder::~ExportFolder()
{
    if (m_committed || m_working.isEmpty())
        return;
    for (const QString &f : QDir(m_working).entryList(QDir::Files | QDir::Hidden))
        removeSecurely(QDir(m_working).filePath(f));
    QDir().rmdir(m_working);
    syncFolder(m_parent);
}

bool ExportFolder::begin(const QString &parent, const QString &name, InteropError *error)
{
    const QFileInfo info(parent);
    if (!info.exists() || !info.isDir()) {
        *error = {InteropErrorKind::Invalid,
                  tr("The folder %1 does not exist; choose an existing folder.")
                      .arg(QDir::toNativeSeparators(parent))};
        return false;
    }
    m_parent = info.absoluteFilePath();
    m_name = name;
    const QString token = QUuid::createUuid().toString(QUuid::Id128).left(12);
    m_working = QDir(m_parent).filePath(QStringLiteral(".%1.partial-%2").arg(name, token));
    // Owner only from the start: the files hold research data.
    if (::mkdir(QFile::encodeName(m_working).constData(), 0700) != 0) {
        const int e = errno;
        m_working.clear();
        *error =
            ioError(isDiskFull(e)
                        ? tr("The disk holding %1 is full.").arg(QDir::toNativeSeparators(m_parent))
                        : tr("Cannot create a folder in %1: %2")
                              .arg(QDir::toNativeSeparators(m_parent),
                                   QString::fromLocal8Bit(std::strerror(e))));
        return false;
    }
    return true;
}

bool ExportFolder::File::write(const QByteArray &bytes)
{
    m_buffer += bytes;
    return flushIfFull();
}

bool ExportFolder::File::flushIfFull()
{
    if (m_buffer.size() < (1 << 20))
        return m_ok;
    m_ok = m_ok && m_file->write(m_buffer) == m_buffer.size();
    m_buffer.clear();
    return m_ok;
}

std::unique_ptr<ExportFolder::File> ExportFolder::open(const QString &fileName, InteropError *error)
{
    auto file = std::make_unique<File>();
    file->m_file = std::make_unique<QSaveFile>(QDir(m_working).filePath(fileName));
    if (!file->m_file->open(QIODevice::WriteOnly)) {
        *error = ioError(tr("Cannot write %1: %2")
                             .arg(QDir::toNativeSeparators(file->m_file->fileName()),
                                  file->m_file->errorString()));
        return nullptr;
    }
    file->m_buffer.reserve(1 << 20);
    m_files << fileName;
    return file;
}

bool ExportFolder::close(File &file, InteropError *error)
{
    bool ok = file.m_ok && file.m_file->write(file.m_buffer) == file.m_buffer.size();
    file.m_buffer.clear();
    if (ok)
        ok = file.m_file->commit();
    if (!ok) {
        const int e = errno;
        const QString why = file.m_file->errorString();
        file.m_file->cancelWriting();
        *error =
            ioError(isDiskFull(e)
                        ? tr("The disk holding %1 is full.").arg(QDir::toNativeSeparators(m_parent))
                        : tr("Cannot write %1: %2")
                              .arg(QDir::toNativeSeparators(file.m_file->fileName()), why));
        return false;
    }
    return true;
}

bool ExportFolder::writeFile(const QString &fileName, const QByteArray &bytes, InteropError *error)
{
    auto file = open(fileName, error);
    if (!file)
        return false;
    file->m_buffer = bytes;
    return close(*file, error);
}

bool ExportFolder::commit(InteropError *error)
{
    syncFolder(m_working);
    for (int n = 1; n < 1000; ++n) {
        const QString target =
            QDir(m_parent).filePath(n == 1 ? m_name : QStringLiteral("%1-%2").arg(m_name).arg(n));
        // Never over anything: an existing empty folder would otherwise be replaced.
        if (::renameat2(AT_FDCWD, QFile::encodeName(m_working).constData(), AT_FDCWD,
                        QFile::encodeName(target).constData(), RENAME_NOREPLACE) == 0) {
            m_final = target;
            m_committed = true;
            syncFolder(m_parent);
            return true;
        }
        if (errno != EEXIST && errno != ENOTEMPTY) {
            *error = ioError(tr("Cannot finish the export in %1: %2")
                                 .arg(QDir::toNativeSeparators(m_parent),
                                      QString::fromLocal8Bit(std::strerror(errno))));
            return false;
        }
    }
    *error = ioError(
        tr("Too many exports named %1 in %2.").arg(m_name, QDir::toNativeSeparators(m_parent)));
    return false;
}

} // namespace triad::interop::csv
