#pragma once
// Writes a Bundle's entries in the order they are queued while worker threads format the
// responses (their QuestionnaireResponse and score Observations, most of a Bundle's bytes):
// the calling thread reads the clinic and writes the file, the workers turn responses into
// bytes. The file is byte for byte the one a single thread would write; only the calling
// thread touches the BundleWriter and its device. Destroyed before finish() (a cancel, an
// error), it stops the workers and drops what was not written yet.

#include "fhirbundlewriter.h"
#include "fhirresources.h"

#include <memory>

namespace triad::interop::fhir {

class EntryPipeline
{
public:
    // `threads`: worker threads; 0 for one per core.
    EntryPipeline(BundleWriter &bundle, bool transaction, int threads = 0);
    ~EntryPipeline();
    EntryPipeline(const EntryPipeline &) = delete;
    EntryPipeline &operator=(const EntryPipeline &) = delete;

    // A resource, written in its place among the queued responses.
    void add(const QJsonObject &resource, const QString &fullUrl);
    // A response and its score Observations, formatted by a worker. `instrument` must outlive
    // the pipeline.
    void addResponse(const store::StoredResponse &response, const Instrument *instrument,
                     const ResponseLinks &links, bool includeFreeText);
    // Waits for every queued entry and writes it; false when the device failed.
    bool finish();
    // Score Observations written so far.
    qint64 observations() const { return m_observations; }

private:
    struct Batch;
    struct Shared;
    void submit();
    bool writeReady(bool waitForAll);

    BundleWriter &m_bundle;
    bool m_transaction;
    std::unique_ptr<Batch> m_current;
    std::shared_ptr<Shared> m_shared;
    qint64 m_observations = 0;
    bool m_ok = true;
};

} // namespace triad::interop::fhir
