#include "cliniclock.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QThread>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace triad::store {

namespace {

// One flock per database file and process, shared by every ClinicLock of the process.
struct ProcessLock
{
    int fd = -1;
    int users = 0;
    int exclusiveUsers = 0;
};

QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, ProcessLock> &registry()
{
    static QHash<QString, ProcessLock> locks;
    return locks;
}

QString key(const QString &dbPath)
{
    return QFileInfo(dbPath).absoluteFilePath();
}

QString describeHolders(const QString &dbPath)
{
    const QStringList who = ClinicLock::holders(dbPath);
    return who.isEmpty()
               ? QCoreApplication::translate("triad::store::ClinicLock", "another Triad program")
               : who.join(QStringLiteral(", "));
}

bool tryFlock(int fd, int operation)
{
#ifdef Q_OS_UNIX
    while (::flock(fd, operation | LOCK_NB) != 0) {
        if (errno != EINTR)
            return false;
    }
#else
    Q_UNUSED(fd);
    Q_UNUSED(operation);
#endif
    return true;
}

} // namespace

ClinicLock::~ClinicLock()
{
    release();
}

QString ClinicLock::lockPath(const QString &dbPath)
{
    return key(dbPath) + QStringLiteral(".lock");
}

bool ClinicLock::acquireShared(const QString &dbPath, int waitMs, QString *holder)
{
    release();
    const QString k = key(dbPath);
    QMutexLocker guard(&registryMutex());
    ProcessLock &lock = registry()[k];
    if (lock.fd < 0) {
#ifdef Q_OS_UNIX
        const int fd =
            ::open(QFile::encodeName(lockPath(k)).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            registry().remove(k);
            if (holder)
                *holder = QString::fromLocal8Bit(std::strerror(errno));
            return false;
        }
        QElapsedTimer waited;
        waited.start();
        while (!tryFlock(fd, LOCK_SH)) {
            if (waited.elapsed() >= waitMs) {
                if (holder)
                    *holder = describeHolders(k);
                ::close(fd);
                registry().remove(k);
                return false;
            }
            QThread::msleep(20);
        }
        lock.fd = fd;
#else
        lock.fd = 0;
#endif
    }
    ++lock.users;
    m_dbPath = k;
    m_exclusive = false;
    return true;
}

bool ClinicLock::makeExclusive(QString *holder)
{
    if (!isHeld())
        return false;
    if (m_exclusive)
        return true;
    QMutexLocker guard(&registryMutex());
    ProcessLock &lock = registry()[m_dbPath];
    if (lock.exclusiveUsers == 0) {
#ifdef Q_OS_UNIX
        if (!tryFlock(lock.fd, LOCK_EX)) {
            if (holder)
                *holder = describeHolders(m_dbPath);
            // flock may drop the shared lock while converting; take it back.
            tryFlock(lock.fd, LOCK_SH);
            return false;
        }
#endif
    }
    ++lock.exclusiveUsers;
    m_exclusive = true;
    return true;
}

void ClinicLock::makeShared()
{
    if (!isHeld() || !m_exclusive)
        return;
    QMutexLocker guard(&registryMutex());
    ProcessLock &lock = registry()[m_dbPath];
    if (--lock.exclusiveUsers == 0) {
#ifdef Q_OS_UNIX
        tryFlock(lock.fd, LOCK_SH);
#endif
    }
    m_exclusive = false;
}

void ClinicLock::release()
{
    if (!isHeld())
        return;
    makeShared();
    QMutexLocker guard(&registryMutex());
    ProcessLock &lock = registry()[m_dbPath];
    if (--lock.users <= 0) {
#ifdef Q_OS_UNIX
        if (lock.fd >= 0)
            ::close(lock.fd); // releases the flock
#endif
        registry().remove(m_dbPath);
    }
    m_dbPath.clear();
}

bool ClinicLock::soleUserInProcess() const
{
    if (!isHeld())
        return false;
    QMutexLocker guard(&registryMutex());
    return registry().value(m_dbPath).users == 1;
}

bool ClinicLock::isExclusive() const
{
    return m_exclusive;
}

QStringList ClinicLock::holders(const QString &dbPath)
{
    QStringList found;
#ifdef Q_OS_LINUX
    const QString target = QFileInfo(lockPath(dbPath)).canonicalFilePath();
    if (target.isEmpty())
        return found;
    const QString self = QString::number(QCoreApplication::applicationPid());
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        if (pid == self)
            continue;
        const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
        bool holds = false;
        for (const QString &fd : fds.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot)) {
            if (QFileInfo(fds.filePath(fd)).symLinkTarget() == target) {
                holds = true;
                break;
            }
        }
        if (!holds)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        QStringList words;
        if (cmdline.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> args = cmdline.readAll().split('\0');
            // The program and its command words only: later arguments may hold a name.
            for (int i = 0; i < args.size() && words.size() < 3; ++i) {
                const QString arg = QString::fromLocal8Bit(args.at(i));
                if (i == 0) {
                    words << QFileInfo(arg).fileName();
                    continue;
                }
                if (arg.isEmpty() || arg.startsWith(QLatin1Char('-')) ||
                    arg.contains(QLatin1Char('/')) || arg.size() > 20)
                    break;
                words << arg;
            }
        }
        found << QCoreApplication::translate("triad::store::ClinicLock", "%1 (process %2)")
                     .arg(words.isEmpty() ? QStringLiteral("?") : words.join(QLatin1Char(' ')),
                          pid);
    }
#else
    Q_UNUSED(dbPath);
#endif
    return found;
}

} // namespace triad::store
