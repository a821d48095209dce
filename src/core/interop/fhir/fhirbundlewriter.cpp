#include "fhirbundlewriter.h"

#include <QIODevice>
#include <QJsonDocument>

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

bool BundleWriter::add(const QJsonObject &resource, const QString &fullUrl)
{
    QJsonObject entry{{QStringLiteral("fullUrl"), fullUrl}, {QStringLiteral("resource"), resource}};
    if (m_type == Type::Transaction)
        entry.insert(
            QStringLiteral("request"),
            QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                        {QStringLiteral("url"),
                         resource.value(QStringLiteral("resourceType")).toString() +
                             QLatin1Char('/') + resource.value(QStringLiteral("id")).toString()}});
    const QByteArray bytes = QJsonDocument(entry).toJson(QJsonDocument::Compact);
    const bool ok = write(m_entries == 0 ? bytes : QByteArray(",\n") + bytes);
    ++m_entries;
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
    return m_ok;
}

} // namespace triad::interop::fhir
