// Fuzz target: a backup file, read as a restore reads it: the unauthenticated staff list (the
// new-device path), the header, then every chunk decrypted into a scratch file.
#include "core/crypto/securebytes.h"
#include "core/interop/backupfile.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fuzz.triadbak"));
    const QString target = dir.filePath(QStringLiteral("fuzz.sqlite"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QFile::remove(target);
    const triad::crypto::SecureBytes key(QByteArray(32, '\x42'));
    triad::interop::InteropError error;
    int format = 0;
    QVector<triad::interop::BackupStaffSlot> staff;
    triad::interop::readBackupStaffUnauthenticated(path, &format, &staff, &error);
    triad::interop::BackupHeader header;
    if (triad::interop::readBackupHeader(path, key, &header, &error))
        triad::interop::decryptBackupFile(path, key, target, &header, &error);
    QFile::remove(target);
    return 0;
}
