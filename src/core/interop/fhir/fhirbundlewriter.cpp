#include "fhirbundlewriter.h"

#include <QFileDevice>
#include <QIODevice>
#include <QJsonDocument>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#endif

namespace triad::interop::fhir {

BundleWriter::BundleWriter(QIODevice &out, Type type, const QString &timestamp)
    : m_out(out)
    , m_type(type)
{
    const QJsonObject head{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                           {QStringLiteral("type"), type == Type::Transaction
                                                        ? QStringLiteral("transaction")
                                                        : QStringLiteral("collection")},
                           {QStringLiteral("timestamp"), timestamp}};
    QByteArray bytes = QJsonDocument(head).toJson(QJsonDocument::Compact);
    bytes.chop(1); // the closing brace: entries follow
    write(bytes + ",\"entry\":[");
}

QByteArray BundleWriter::entry(Type type, const QJsonObject &resource, const QString &fullUrl)
{
    QJsonObject entry{{QStringLiteral("fullUrl"), fullUrl}, {QStringLiteral("resource"), resource}};
    if (type == Type::Transaction)
        entry.insert(
            QStringLiteral("request"),
            QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                        {QStringLiteral("url"),
                         resource.value(QStringLiteral("resourceType")).toString() +
                             QLatin1Char('/') + resource.value(QStringLiteral("id")).toString()}});
    return ",\n" + QJsonDocument(entry).toJson(QJsonDocument::Compact);
}

bool BundleWriter::add(const QJsonObject &resource, const QString &fullUrl)
{
    return addEntries(entry(m_type, resource, fullUrl), 1);
}

bool BundleWriter::addEntries(const QByteArray &entries, qint64 count)
{
    if (count <= 0)
        return m_ok;
    // The first entry of the Bundle has no separator before it.
    const bool ok = m_entries == 0 ? write(entries.mid(2)) : write(entries);
    m_entries += count;
    return ok;
}

bool BundleWriter::addRaw(const QString &type, const QString &id, const QByteArray &json,
                          const QString &fullUrl)
{
    write(m_entries == 0 ? QByteArrayLiteral("{\"fullUrl\":\"")
                         : QByteArrayLiteral(",\n{\"fullUrl\":\""));
    write(fullUrl.toUtf8());
    write(QByteArrayLiteral("\",\"resource\":"));
    write(json);
    if (m_type == Type::Transaction)
        write(",\"request\":{\"method\":\"PUT\",\"url\":\"" + type.toUtf8() + '/' + id.toUtf8() +
              "\"}");
    ++m_entries;
    return write(QByteArrayLiteral("}"));
}

bool BundleWriter::finish()
{
    return write("]}\n");
}

bool BundleWriter::write(const QByteArray &bytes)
{
    if (m_ok && m_out.write(bytes) != bytes.size())
        m_ok = false;
    m_written += bytes.size();
    startWriteback();
    return m_ok;
}

void BundleWriter::startWriteback()
{
#ifdef Q_OS_LINUX
    // A large Bundle (2 GB for 100,000 responses) would otherwise sit in the page cache until
    // QSaveFile::commit() syncs it, and the export would then wait for the whole file to reach
    // the disk. Asking the kernel to start writing each 32 MiB as it is written overlaps the
    // disk with the formatting; commit() still syncs, so nothing about durability changes.
    const qint64 kChunk = qint64(32) << 20;
    if (m_written - m_writebackFrom < kChunk)
        return;
    auto *file = qobject_cast<QFileDevice *>(&m_out);
    if (!file || file->handle() < 0 || !file->flush())
        return;
    ::sync_file_range(file->handle(), m_writebackFrom, m_written - m_writebackFrom,
                      SYNC_FILE_RANGE_WRITE);
    m_writebackFrom = m_written;
#endif
}

} // namespace triad::interop::fhir
