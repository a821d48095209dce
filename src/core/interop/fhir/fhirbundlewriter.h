#pragma once
// Writes a Bundle entry by entry, so 100,000 responses never sit in memory as one JSON tree:
// the opening, each entry as compact JSON, the closing. Collection by default; a transaction
// gives every entry a PUT request to its own id (idempotent on a FHIR server).

#include <QJsonObject>

class QIODevice;

namespace triad::interop::fhir {

class BundleWriter
{
public:
    enum class Type {
        Collection,
        Transaction
    };
    BundleWriter(QIODevice &out, Type type, const QString &timestamp);

    // `resource` must have resourceType and id (a transaction PUTs it to Type/id).
    bool add(const QJsonObject &resource, const QString &fullUrl);
    // A resource already written as compact JSON.
    bool addRaw(const QString &type, const QString &id, const QByteArray &json,
                const QString &fullUrl);
    // Entries already written as bytes, each ",\n{entry}" (ResponseEntryWriter, entry()).
    bool addEntries(const QByteArray &entries, qint64 count);
    // One resource's entry as add() writes it, ",\n{entry}".
    static QByteArray entry(Type type, const QJsonObject &resource, const QString &fullUrl);
    bool finish();
    qint64 entries() const { return m_entries; }

private:
    bool write(const QByteArray &bytes);
    void startWriteback();

    QIODevice &m_out;
    Type m_type;
    qint64 m_entries = 0;
    qint64 m_written = 0;       // bytes written through this writer
    qint64 m_writebackFrom = 0; // the first byte the kernel was not yet asked to write back
    bool m_ok = true;
};

} // namespace triad::interop::fhir
