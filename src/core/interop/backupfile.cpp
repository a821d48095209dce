#include "backupfile.h"

#include "clinicverification.h"

#include "durablefile.h"

#include "core/crypto/primitives.h"
#include "core/instrument/regularfile.h"
#include "core/store/schema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <cerrno>
#include <cmath>
#include <cstring>

namespace triad::interop {

namespace {

const QByteArray kMagic = QByteArrayLiteral("TRIADBAK");
constexpr int kMaxHeaderBytes = 64 * 1024;
constexpr qint64 kMaxChunkSize = qint64(16) << 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::BackupFile", text);
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool fail(InteropError *error, InteropErrorKind kind, const QString &message)
{
    if (error)
        *error = {kind, message};
    return false;
}

QByteArray keyIdOf(const crypto::SecureBytes &key)
{
    return crypto::hmacSha256(key, QByteArrayLiteral("triad:backup-key-id:v1")).left(16);
}

QByteArray headerMac(const crypto::SecureBytes &key, const QByteArray &prefix)
{
    return crypto::hmacSha256(key, QByteArrayLiteral("triad:backup-header:v1") + prefix);
}

QByteArray chunkAad(const QByteArray &mac, qint64 index, bool last)
{
    char bytes[8];
    qToBigEndian(quint64(index), bytes);
    return QByteArrayLiteral("triad:backup-chunk:v1") + mac + QByteArray(bytes, 8) +
           QByteArray(1, last ? '\1' : '\0');
}

QByteArray be32(quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    return QByteArray(bytes, 4);
}

// A count, size or sequence number of the header; -1 (refused further on, or "none" for the
// audit head) unless it is a whole number from 0 to 2^53, which a double and a qint64 both
// hold exactly. A hostile file's 1e70 must never reach the conversion (undefined behaviour;
// found by fuzz_backup).
qint64 wholeNumber(const QJsonValue &value)
{
    const double d = value.toDouble(-1);
    constexpr double kLargest = 9007199254740992.0; // 2^53
    if (!(d >= 0 && d <= kLargest) || d != std::floor(d))
        return -1;
    return qint64(d);
}

std::optional<BackupHeader> headerFromJson(const QByteArray &json)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    BackupHeader h;
    h.format = o.value(QLatin1String("format")).toInt(-1);
    h.schemaVersion = o.value(QLatin1String("schema")).toInt(-1);
    h.createdAt = o.value(QLatin1String("createdAt")).toString();
    h.clinicUuid = o.value(QLatin1String("clinic")).toString();
    const QJsonObject rows = o.value(QLatin1String("rows")).toObject();
    for (auto it = rows.begin(); it != rows.end(); ++it)
        h.rows.insert(it.key(), wholeNumber(it.value()));
    h.contentDigest = QByteArray::fromHex(o.value(QLatin1String("digest")).toString().toLatin1());
    h.snapshotSize = wholeNumber(o.value(QLatin1String("size")));
    h.snapshotSha256 = QByteArray::fromHex(o.value(QLatin1String("sha256")).toString().toLatin1());
    h.chunkSize = wholeNumber(o.value(QLatin1String("chunkSize")));
    h.chunkCount = wholeNumber(o.value(QLatin1String("chunks")));
    h.keyId = QByteArray::fromBase64(o.value(QLatin1String("keyId")).toString().toLatin1());
    const QJsonObject head = o.value(QLatin1String("auditHead")).toObject();
    h.auditHeadSeq = wholeNumber(head.value(QLatin1String("seq")));
    h.auditHeadFingerprint = head.value(QLatin1String("fingerprint")).toString();
    if (o.contains(QLatin1String("staff"))) {
        const QJsonValue staff = o.value(QLatin1String("staff"));
        if (!staff.isArray())
            return std::nullopt;
        for (const QJsonValue &entry : staff.toArray()) {
            const auto member = BackupStaffSlot::fromJson(entry.toObject());
            if (!member)
                return std::nullopt;
            h.staff << *member;
        }
    }
    return h;
}

} // namespace

QByteArray BackupHeader::toJson() const
{
    QJsonObject rowsJson;
    for (auto it = rows.begin(); it != rows.end(); ++it)
        rowsJson.insert(it.key(), double(it.value()));
    QJsonObject o{
        {"format", format},
        {"schema", schemaVersion},
        {"createdAt", createdAt},
        {"clinic", clinicUuid},
        {"rows", rowsJson},
        {"digest", QString::fromLatin1(contentDigest.toHex())},
        {"size", double(snapshotSize)},
        {"sha256", QString::fromLatin1(snapshotSha256.toHex())},
        {"chunkSize", double(chunkSize)},
        {"chunks", double(chunkCount)},
        {"keyId", QString::fromLatin1(keyId.toBase64())},
    };
    if (format >= kFirstFormatWithStaffSlots) {
        QJsonArray staffJson;
        for (const BackupStaffSlot &member : staff)
            staffJson.append(member.toJson());
        o.insert(QStringLiteral("staff"), staffJson);
    }
    if (auditHeadSeq >= 0)
        o.insert(QStringLiteral("auditHead"),
                 QJsonObject{{"seq", double(auditHeadSeq)}, {"fingerprint", auditHeadFingerprint}});
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool writeBackupFileWithHeader(const QString &snapshotPath, BackupHeader header,
                               const crypto::SecureBytes &backupKey, const QString &target,
                               InteropError *error)
{
    if (backupKey.size() != crypto::kKeyBytes)
        return fail(error, InteropErrorKind::WrongKey, tr("No backup key: sign in first."));
    QFile in(snapshotPath);
    if (!in.open(QIODevice::ReadOnly))
        return fail(
            error, InteropErrorKind::Io,
            tr("Cannot read the snapshot %1: %2").arg(shown(snapshotPath), in.errorString()));
    if (header.chunkSize < 4096 || header.chunkSize > kMaxChunkSize)
        header.chunkSize = 1 << 20;
    header.snapshotSize = in.size();
    header.chunkCount =
        qMax<qint64>(1, (header.snapshotSize + header.chunkSize - 1) / header.chunkSize);
    header.keyId = keyIdOf(backupKey);
    if (header.format < kFirstFormatWithStaffSlots) {
        header.staff.clear();
    } else if (header.staff.isEmpty()) {
        // From the snapshot itself, so the slots are those of the data being backed up.
        QString detail;
        if (!readStaffSlots(snapshotPath, &header.staff, &detail))
            return fail(error, InteropErrorKind::Corrupt,
                        tr("Cannot read the staff key slots from the snapshot %1: %2")
                            .arg(shown(snapshotPath), detail));
        if (header.staff.isEmpty())
            return fail(error, InteropErrorKind::Invalid,
                        tr("The database has no active staff member with a passphrase, so a "
                           "backup could never be opened; nothing was written."));
    }
    {
        QCryptographicHash sha(QCryptographicHash::Sha256);
        if (!sha.addData(&in))
            return fail(error, InteropErrorKind::Io,
                        tr("Cannot read the snapshot %1.").arg(shown(snapshotPath)));
        header.snapshotSha256 = sha.result();
        in.seek(0);
    }

    QFile out(target);
    if (QFileInfo::exists(target) || !out.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot create %1: %2").arg(shown(target), out.errorString()));
    const auto abandon = [&](const QString &message) {
        const int cause = errno; // of the write or sync that failed; close() may change it
        out.close();
        QFile::remove(target); // ciphertext only: nothing personal to overwrite
        if (isDiskFull(cause))
            return fail(error, InteropErrorKind::Io,
                        tr("The disk holding %1 is full (%2); the backup was not written. Free "
                           "some space or choose another disk.")
                            .arg(shown(QFileInfo(target).absolutePath()),
                                 QString::fromLocal8Bit(std::strerror(cause))));
        return fail(error, InteropErrorKind::Io, message);
    };
    const QByteArray json = header.toJson();
    QByteArray prefix = kMagic;
    char format[2];
    qToBigEndian(quint16(header.format), format);
    prefix += QByteArray(format, 2) + be32(quint32(json.size())) + json;
    const QByteArray mac = headerMac(backupKey, prefix);
    if (out.write(prefix + mac) != prefix.size() + mac.size())
        return abandon(tr("Cannot write %1: %2").arg(shown(target), out.errorString()));
    for (qint64 i = 0; i < header.chunkCount; ++i) {
        const QByteArray plain = in.read(header.chunkSize);
        if (in.error() != QFile::NoError)
            return abandon(tr("Cannot read the snapshot %1.").arg(shown(snapshotPath)));
        auto sealed = crypto::seal(backupKey, plain, chunkAad(mac, i, i + 1 == header.chunkCount));
        if (!sealed)
            return abandon(tr("Encrypting the backup failed."));
        if (out.write(be32(quint32(sealed->size())) + *sealed) != sealed->size() + 4)
            return abandon(tr("Cannot write %1: %2").arg(shown(target), out.errorString()));
    }
    if (!syncFile(out))
        return abandon(tr("Cannot write %1 to the disk: %2").arg(shown(target), out.errorString()));
    out.close();
    return true;
}

bool writeBackupFile(const QString &snapshotPath, const SnapshotSummary &summary,
                     const crypto::SecureBytes &backupKey, const QString &target,
                     BackupHeader *written, InteropError *error, qint64 chunkSize)
{
    BackupHeader h;
    h.schemaVersion = summary.schemaVersion;
    h.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    h.clinicUuid = summary.clinicUuid;
    h.rows = summary.rows;
    h.contentDigest = summary.digest;
    h.chunkSize = chunkSize;
    h.auditHeadSeq = summary.auditHeadSeq;
    h.auditHeadFingerprint =
        headFingerprint(crypto::ChainHead{summary.auditHeadSeq, summary.auditHeadMac});
    if (!writeBackupFileWithHeader(snapshotPath, h, backupKey, target, error))
        return false;
    if (written)
        return readBackupHeader(target, backupKey, written, error);
    return true;
}

namespace {

// A header as read from the file, before anything in it is trusted.
struct RawHeader
{
    int format = 0;
    QByteArray prefix; // magic, format, length and JSON: the bytes the MAC covers
    QByteArray mac;
    BackupHeader parsed;
};

// Reads the header bytes of an open file and parses them, authenticating nothing; leaves
// the file positioned at the first chunk.
bool readRawHeader(QFile &file, const QString &path, RawHeader *raw, InteropError *error)
{
    const QByteArray magic = file.read(kMagic.size());
    if (magic != kMagic)
        return fail(error, InteropErrorKind::NotBackup,
                    tr("%1 is not a Triad backup file.").arg(shown(path)));
    const QByteArray fixed = file.read(6);
    if (fixed.size() < 6)
        return fail(error, InteropErrorKind::Truncated,
                    tr("The backup %1 is cut short (truncated).").arg(shown(path)));
    const int format = qFromBigEndian<quint16>(fixed.constData());
    if (format > kBackupFormat)
        return fail(error, InteropErrorKind::TooNew,
                    tr("The backup %1 was made by a newer Triad (backup format %2); update "
                       "Triad to restore it.")
                        .arg(shown(path))
                        .arg(format));
    const quint32 length = qFromBigEndian<quint32>(fixed.constData() + 2);
    if (format < 1 || length == 0 || length > kMaxHeaderBytes)
        return fail(error, InteropErrorKind::Tampered,
                    tr("The backup %1 has a damaged header.").arg(shown(path)));
    const QByteArray json = file.read(length);
    raw->mac = file.read(32);
    if (json.size() != int(length) || raw->mac.size() != 32)
        return fail(error, InteropErrorKind::Truncated,
                    tr("The backup %1 is cut short (truncated).").arg(shown(path)));
    const auto parsed = headerFromJson(json);
    // The format is in the fixed bytes and in the JSON; both are MACed, and they must agree,
    // so stripping the slots cannot pass a format-2 file off as format 1.
    if (!parsed || parsed->format != format ||
        (format >= kFirstFormatWithStaffSlots) == parsed->staff.isEmpty())
        return fail(error, InteropErrorKind::Tampered,
                    tr("The backup %1 has a damaged header.").arg(shown(path)));
    raw->format = format;
    raw->prefix = magic + fixed + json;
    raw->parsed = *parsed;
    return true;
}

// Checks a raw header against `key`: key id, MAC, then what the header says.
bool authenticateHeader(const RawHeader &raw, const QString &path, const crypto::SecureBytes &key,
                        BackupHeader *header, InteropError *error)
{
    const BackupHeader &parsed = raw.parsed;
    if (key.size() != crypto::kKeyBytes)
        return fail(error, InteropErrorKind::WrongKey, tr("No backup key: sign in first."));
    if (!crypto::equalConstantTime(parsed.keyId, keyIdOf(key)))
        return fail(error, InteropErrorKind::WrongKey,
                    tr("The backup %1 was made with another key (another clinic's database, "
                       "or a database set up again since); it cannot be opened with this one.")
                        .arg(shown(path)));
    if (!crypto::equalConstantTime(raw.mac, headerMac(key, raw.prefix)))
        return fail(error, InteropErrorKind::Tampered,
                    tr("The header of the backup %1 was changed after it was written "
                       "(tampered); it will not be used.")
                        .arg(shown(path)));
    if (parsed.schemaVersion > store::currentSchemaVersion())
        return fail(error, InteropErrorKind::TooNew,
                    tr("The backup %1 holds a database of schema version %2, newer than this "
                       "Triad knows (%3); update Triad to restore it.")
                        .arg(shown(path))
                        .arg(parsed.schemaVersion)
                        .arg(store::currentSchemaVersion()));
    if (parsed.chunkSize < 1 || parsed.chunkSize > kMaxChunkSize || parsed.chunkCount < 1 ||
        parsed.snapshotSize < 0 || parsed.schemaVersion < 1)
        return fail(error, InteropErrorKind::Tampered,
                    tr("The backup %1 has a damaged header.").arg(shown(path)));
    *header = parsed;
    return true;
}

// Reads and authenticates the header of an open file; leaves the file at the first chunk.
bool readHeaderFrom(QFile &file, const QString &path, const crypto::SecureBytes &key,
                    BackupHeader *header, QByteArray *mac, InteropError *error)
{
    RawHeader raw;
    if (!readRawHeader(file, path, &raw, error) ||
        !authenticateHeader(raw, path, key, header, error))
        return false;
    *mac = raw.mac;
    return true;
}

// A backup holds the whole clinic database; far above any clinic's, and bounded.
constexpr qint64 kMaxBackupBytes = qint64(64) << 30;

// Only an ordinary file: a pipe or a device named as the backup would block the reader or
// feed it without end.
bool openBackupForReading(QFile &file, const QString &backupPath, InteropError *error)
{
    const QString problem = regularFileProblem(backupPath, kMaxBackupBytes);
    if (!problem.isEmpty())
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot read %1: %2").arg(shown(backupPath), problem));
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot read %1: %2").arg(shown(backupPath), file.errorString()));
    return true;
}

} // namespace

bool readBackupHeader(const QString &backupPath, const crypto::SecureBytes &backupKey,
                      BackupHeader *header, InteropError *error)
{
    QFile file(backupPath);
    if (!openBackupForReading(file, backupPath, error))
        return false;
    QByteArray mac;
    return readHeaderFrom(file, backupPath, backupKey, header, &mac, error);
}

bool readBackupStaffUnauthenticated(const QString &backupPath, int *format,
                                    QVector<BackupStaffSlot> *staff, InteropError *error)
{
    QFile file(backupPath);
    if (!openBackupForReading(file, backupPath, error))
        return false;
    RawHeader raw;
    if (!readRawHeader(file, backupPath, &raw, error))
        return false;
    *format = raw.format;
    *staff = raw.parsed.staff;
    return true;
}

bool decryptBackupFile(const QString &backupPath, const crypto::SecureBytes &backupKey,
                       const QString &target, BackupHeader *headerOut, InteropError *error)
{
    QFile file(backupPath);
    if (!openBackupForReading(file, backupPath, error))
        return false;
    BackupHeader header;
    QByteArray mac;
    if (!readHeaderFrom(file, backupPath, backupKey, &header, &mac, error))
        return false;

    QFile out(target);
    if (!target.isEmpty() &&
        (QFileInfo::exists(target) || !out.open(QIODevice::WriteOnly | QIODevice::NewOnly)))
        return fail(error, InteropErrorKind::Io,
                    tr("Cannot create %1: %2").arg(shown(target), out.errorString()));
    const auto abandon = [&](InteropErrorKind kind, const QString &message) {
        if (out.isOpen()) {
            out.close();
            removeSecurely(target); // a partial plaintext database must not stay behind
        }
        return fail(error, kind, message);
    };
    const QString tampered =
        tr("The backup %1 was changed after it was written (tampered); it will not be used.")
            .arg(shown(backupPath));
    const QString truncated =
        tr("The backup %1 is cut short (truncated); it will not be used.").arg(shown(backupPath));
    QCryptographicHash sha(QCryptographicHash::Sha256);
    qint64 plainBytes = 0;
    for (qint64 i = 0; i < header.chunkCount; ++i) {
        const QByteArray length = file.read(4);
        if (length.size() < 4)
            return abandon(InteropErrorKind::Truncated, truncated);
        const quint32 n = qFromBigEndian<quint32>(length.constData());
        if (n > quint32(header.chunkSize + crypto::kNonceBytes + crypto::kTagBytes))
            return abandon(InteropErrorKind::Tampered, tampered);
        const QByteArray sealed = file.read(n);
        if (sealed.size() < int(n))
            return abandon(InteropErrorKind::Truncated, truncated);
        const auto plain =
            crypto::open(backupKey, sealed, chunkAad(mac, i, i + 1 == header.chunkCount));
        if (!plain)
            return abandon(InteropErrorKind::Tampered, tampered);
        sha.addData(*plain);
        plainBytes += plain->size();
        if (out.isOpen() && out.write(*plain) != plain->size())
            return abandon(InteropErrorKind::Io,
                           tr("Cannot write %1: %2").arg(shown(target), out.errorString()));
    }
    if (!file.atEnd() || plainBytes != header.snapshotSize ||
        !crypto::equalConstantTime(sha.result(), header.snapshotSha256))
        return abandon(InteropErrorKind::Tampered, tampered);
    if (out.isOpen()) {
        if (!syncFile(out))
            return abandon(InteropErrorKind::Io,
                           tr("Cannot write %1 to the disk.").arg(shown(target)));
        out.close();
    }
    if (headerOut)
        *headerOut = header;
    return true;
}

} // namespace triad::interop
