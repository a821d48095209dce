// The audit chain head file: the one piece of the audit trail kept outside the database,
// so that cutting entries off the end of the log is noticed.
#include "auditchain.h"
#include "primitives.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtEndian>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace triad::crypto {

namespace {

constexpr int kHeadVersion = 1;     // (seq, mac): written after a commit
constexpr int kInFlightVersion = 2; // + prior (seq, mac): written just before a commit
constexpr qint64 kMaxJsonInteger = qint64(1) << 53;

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::crypto::ChainHead", text);
}

QByteArray headCheck(const ChainHead &head, const SecureBytes &auditKey)
{
    const bool inFlight = head.priorSeq >= 0;
    QByteArray message = inFlight ? QByteArrayLiteral("triad:audit-head:v2")
                                  : QByteArrayLiteral("triad:audit-head:v1");
    char seq[8];
    qToBigEndian(qint64(head.seq), seq);
    message.append(seq, 8);
    message.append(head.mac);
    if (inFlight) {
        qToBigEndian(qint64(head.priorSeq), seq);
        message.append(seq, 8);
        message.append(head.priorMac);
    }
    return hmacSha256(auditKey, message);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

#ifdef Q_OS_UNIX
// The rename is only durable once the folder's entry is on disk.
bool syncFolderOf(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}
#endif

} // namespace

bool writeChainHead(const QString &path, const ChainHead &head, const SecureBytes &auditKey,
                    QString *error, bool syncFolder)
{
    if (auditKey.isEmpty())
        return fail(error, tr("The audit key is not available; the chain head was not written."));
    const bool inFlight = head.priorSeq >= 0;
    if (head.seq < 0 || head.seq > kMaxJsonInteger || head.mac.size() != 32 ||
        (inFlight && (head.priorSeq >= head.seq || head.priorMac.size() != 32)))
        return fail(error, tr("The chain head to write is not valid (entry %1).").arg(head.seq));

    QJsonObject json{
        {"v", inFlight ? kInFlightVersion : kHeadVersion},
        {"seq", double(head.seq)},
        {"mac", QString::fromLatin1(head.mac.toBase64())},
        {"check", QString::fromLatin1(headCheck(head, auditKey).toBase64())},
    };
    if (inFlight) {
        json.insert(QStringLiteral("priorSeq"), double(head.priorSeq));
        json.insert(QStringLiteral("priorMac"), QString::fromLatin1(head.priorMac.toBase64()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, tr("Cannot write the chain head file %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        file.cancelWriting();
        return fail(error, tr("Cannot write the chain head file %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
#ifdef Q_OS_UNIX
    if (::fsync(file.handle()) != 0) {
        file.cancelWriting();
        return fail(
            error,
            tr("Cannot flush the chain head file %1 to disk.").arg(QDir::toNativeSeparators(path)));
    }
#endif
    if (!file.commit())
        return fail(error, tr("Cannot replace the chain head file %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
#ifdef Q_OS_UNIX
    if (syncFolder && !syncFolderOf(QFileInfo(path).absolutePath()))
        return fail(error, tr("The chain head file %1 was written but its folder could not be "
                              "flushed to disk.")
                               .arg(QDir::toNativeSeparators(path)));
#endif
    return true;
}

std::optional<ChainHead> readChainHead(const QString &path, const SecureBytes &auditKey,
                                       QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.exists()) {
        fail(error, tr("The chain head file %1 is missing.").arg(shown));
        return std::nullopt;
    }
    // A head is under 200 bytes; refuse to read anything big into memory.
    if (file.size() > 4096 || !file.open(QIODevice::ReadOnly)) {
        fail(error, tr("The chain head file %1 cannot be read.").arg(shown));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty()) {
        fail(error, tr("The chain head file %1 is empty.").arg(shown));
        return std::nullopt;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    const QJsonObject json = doc.object();
    const int version = json.value("v").toInt(-1);
    const bool inFlight = version == kInFlightVersion;
    const double priorSeq = inFlight ? json.value("priorSeq").toDouble(-1) : -1;
    const auto priorMac = QByteArray::fromBase64Encoding(
        json.value("priorMac").toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const double seq = json.value("seq").toDouble(-1);
    const auto mac = QByteArray::fromBase64Encoding(json.value("mac").toString().toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors);
    const auto check = QByteArray::fromBase64Encoding(json.value("check").toString().toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
    const bool priorValid =
        !inFlight || (priorSeq >= 0 && priorSeq < seq && priorSeq == double(qint64(priorSeq)) &&
                      priorMac && priorMac.decoded.size() == 32);
    if (!doc.isObject() || (version != kHeadVersion && !inFlight) || seq < 0 ||
        seq > double(kMaxJsonInteger) || seq != double(qint64(seq)) || !mac ||
        mac.decoded.size() != 32 || !check || !priorValid) {
        fail(error,
             tr("The chain head file %1 is damaged (not a chain head Triad wrote).").arg(shown));
        return std::nullopt;
    }
    ChainHead head{qint64(seq), *mac};
    if (inFlight) {
        head.priorSeq = qint64(priorSeq);
        head.priorMac = *priorMac;
    }
    if (auditKey.isEmpty()) {
        fail(error, tr("The audit key is not available; the chain head cannot be checked."));
        return std::nullopt;
    }
    if (!equalConstantTime(headCheck(head, auditKey), *check)) {
        fail(error,
             tr("The chain head file %1 was altered or belongs to another database.").arg(shown));
        return std::nullopt;
    }
    return head;
}

} // namespace triad::crypto
