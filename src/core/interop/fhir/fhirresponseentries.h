#pragma once
// The Bundle entries of one stored response written straight to JSON bytes: its
// QuestionnaireResponse (the very bytes QJsonDocument writes for responseResource(): same keys
// in the same order, same numbers) and its score Observations (scoreObservations()). Building
// QJsonObjects and serialising them was most of an export's time (docs/PERFORMANCE.md).
// One writer per thread: it caches each form's item and answer bytes.

#include "fhirresources.h"

#include <QHash>

namespace triad::interop::fhir {

class ResponseEntryWriter
{
public:
    explicit ResponseEntryWriter(bool transaction = false)
        : m_transaction(transaction)
    {}

    // The QuestionnaireResponse as compact JSON.
    QByteArray response(const store::StoredResponse &response, const Instrument *instrument,
                        const ResponseLinks &links, bool includeFreeText);
    // Appends the entries of the response and of its score Observations, each as
    // ",\n{entry}" (BundleWriter::addEntries); returns how many score Observations.
    int appendEntries(QByteArray &out, const store::StoredResponse &response,
                      const Instrument *instrument, const ResponseLinks &links,
                      bool includeFreeText);

private:
    struct ItemBytes
    {
        const ResponseFormat *format = nullptr;
        QByteArray linkIdTail;          // ,"linkId":"<id>"}
        QHash<int, QByteArray> choices; // choice value -> the item's JSON up to linkIdTail
    };
    struct FormBytes
    {
        QVector<ItemBytes> items;
        QByteArray language; // of the choice labels
    };
    FormBytes &formBytes(const Instrument &instrument);
    void appendResponse(QByteArray &out, const store::StoredResponse &response,
                        const Instrument *instrument, const ResponseLinks &links,
                        bool includeFreeText, const QByteArray &id);
    void appendItem(QByteArray &out, const Instrument *instrument, const Item *item,
                    ItemBytes *cached, const QString &itemId, const QVariant &value);

    bool m_transaction;
    QHash<const Instrument *, FormBytes> m_forms;
};

} // namespace triad::interop::fhir
