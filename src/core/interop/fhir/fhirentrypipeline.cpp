#include "fhirentrypipeline.h"

#include "fhirresponseentries.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <QThread>
#include <thread>
#include <vector>

namespace triad::interop::fhir {

namespace {
// Responses per batch: big enough that a worker's hand-over costs nothing, small enough that
// the writer never waits long for the first one (about 5 MB of JSON).
const int kBatchResponses = 256;
} // namespace

// A run of queued entries: resources already formatted and responses to format, in order.
struct EntryPipeline::Batch
{
    struct Part
    {
        QByteArray ready; // formatted entries, written before the response (if any)
        qint64 readyCount = 0;
        bool hasResponse = false;
        store::StoredResponse response;
        const Instrument *instrument = nullptr;
        ResponseLinks links;
        bool includeFreeText = false;
    };
    std::vector<Part> parts;
    int responses = 0;
    // Filled by a worker.
    QByteArray out;
    qint64 entries = 0;
    qint64 observations = 0;
    bool done = false; // under Shared::mutex

    Part &tail()
    {
        if (parts.empty() || parts.back().hasResponse)
            parts.emplace_back();
        return parts.back();
    }
    void format(ResponseEntryWriter &writer, QByteArray buffer)
    {
        // A buffer written before, reused: fresh pages for every batch cost more (page faults,
        // zeroing) than formatting into them.
        out = std::move(buffer);
        out.truncate(0);
        out.reserve(responses * 20000 + 4096);
        for (Part &p : parts) {
            out += p.ready;
            entries += p.readyCount;
            if (!p.hasResponse)
                continue;
            const int scores =
                writer.appendEntries(out, p.response, p.instrument, p.links, p.includeFreeText);
            observations += scores;
            entries += 1 + scores;
        }
        parts.clear(); // the records are no longer needed
    }
};

struct EntryPipeline::Shared
{
    std::mutex mutex;
    std::condition_variable work;              // a batch was queued, or stop
    std::condition_variable finished;          // a batch was formatted
    std::deque<Batch *> todo;                  // not yet taken by a worker
    std::deque<std::unique_ptr<Batch>> queued; // every batch not yet written, in order
    std::vector<QByteArray> spare;             // buffers written, for the next batches
    bool stop = false;
    std::vector<std::thread> workers;
    size_t maxQueued = 4;
};

EntryPipeline::EntryPipeline(BundleWriter &bundle, bool transaction, int threads)
    : m_bundle(bundle)
    , m_transaction(transaction)
    , m_current(std::make_unique<Batch>())
    , m_shared(std::make_shared<Shared>())
{
    if (threads <= 0)
        threads = qMax(1, QThread::idealThreadCount());
    m_shared->maxQueued = size_t(2 * threads + 2);
    Shared *shared = m_shared.get();
    for (int i = 0; i < threads; ++i)
        m_shared->workers.emplace_back([shared, transaction] {
            ResponseEntryWriter writer(transaction);
            std::unique_lock<std::mutex> lock(shared->mutex);
            for (;;) {
                shared->work.wait(lock, [shared] { return shared->stop || !shared->todo.empty(); });
                if (shared->stop)
                    return;
                Batch *batch = shared->todo.front();
                shared->todo.pop_front();
                QByteArray buffer;
                if (!shared->spare.empty()) {
                    buffer = std::move(shared->spare.back());
                    shared->spare.pop_back();
                }
                lock.unlock();
                batch->format(writer, std::move(buffer));
                lock.lock();
                batch->done = true;
                shared->finished.notify_all();
            }
        });
}

EntryPipeline::~EntryPipeline()
{
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->stop = true;
    }
    m_shared->work.notify_all();
    for (std::thread &t : m_shared->workers)
        t.join();
}

void EntryPipeline::add(const QJsonObject &resource, const QString &fullUrl)
{
    Batch::Part &part = m_current->tail();
    part.ready += BundleWriter::entry(m_transaction ? BundleWriter::Type::Transaction
                                                    : BundleWriter::Type::Collection,
                                      resource, fullUrl);
    ++part.readyCount;
}

void EntryPipeline::addResponse(const store::StoredResponse &response, const Instrument *instrument,
                                const ResponseLinks &links, bool includeFreeText)
{
    Batch::Part &part = m_current->tail();
    part.hasResponse = true;
    part.response = response;
    part.instrument = instrument;
    part.links = links;
    part.includeFreeText = includeFreeText;
    if (++m_current->responses >= kBatchResponses)
        submit();
}

void EntryPipeline::submit()
{
    if (m_current->parts.empty())
        return;
    {
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->todo.push_back(m_current.get());
        m_shared->queued.push_back(std::move(m_current));
    }
    m_shared->work.notify_one();
    m_current = std::make_unique<Batch>();
    writeReady(false);
}

bool EntryPipeline::writeReady(bool waitForAll)
{
    for (;;) {
        std::unique_ptr<Batch> batch;
        {
            std::unique_lock<std::mutex> lock(m_shared->mutex);
            if (m_shared->queued.empty())
                return m_ok;
            Batch *front = m_shared->queued.front().get();
            // Wait when told to, or when too much is queued (memory stays bounded).
            if (!front->done && !waitForAll && m_shared->queued.size() <= m_shared->maxQueued)
                return m_ok;
            m_shared->finished.wait(lock, [front] { return front->done; });
            batch = std::move(m_shared->queued.front());
            m_shared->queued.pop_front();
        }
        if (m_ok && !m_bundle.addEntries(batch->out, batch->entries))
            m_ok = false;
        m_observations += batch->observations;
        std::lock_guard<std::mutex> lock(m_shared->mutex);
        m_shared->spare.push_back(std::move(batch->out));
    }
}

bool EntryPipeline::finish()
{
    submit();
    return writeReady(true);
}

} // namespace triad::interop::fhir
