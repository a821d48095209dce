#pragma once
// What the FHIR export reads per episode (its sessions, its final responses with their answers
// and scores, its alerts and their logged actions) through SQLite statements prepared once for
// the whole export and stepped with the C API, as the research export reads (researchdata.cpp).
// The queries, their row order and the checks are those of SessionRepository::forEpisode,
// ResponseRepository::forEpisode, AlertRepository::forEpisode and ::actions, so the Bundle is
// byte for byte the same: every encrypted field is decrypted with its row's associated data,
// and a field that does not decrypt stops the read with the repositories' message naming the
// row. Through the repositories each response cost two more prepared and executed QSqlQuery
// statements and a QVariant per column: most of an export's reading time.
//
// The file's pages are mapped (PRAGMA mmap_size) while the reader lives, then back to the
// connection's own setting. beginRead()/endRead() hold one read transaction, so what is read
// between them (one patient) is one snapshot; the export ends it before calling its progress
// callback, which may run the event loop and let the app write.

#include "core/crypto/fieldcipher.h"
#include "core/store/alertrepository.h"
#include "core/store/database.h"
#include "core/store/episoderepository.h"
#include "core/store/responserepository.h"

#include <memory>

namespace triad::interop::fhir {

class ClinicReader
{
public:
    ClinicReader(store::Database &db, const crypto::FieldCipher &cipher);
    ~ClinicReader();
    ClinicReader(const ClinicReader &) = delete;
    ClinicReader &operator=(const ClinicReader &) = delete;

    // False (with db.lastError() set) when the statements could not be prepared.
    bool ok() const { return m_ok; }

    bool beginRead();
    void endRead();

    // Each false with db.lastError() set (a query failed, or a field did not decrypt).
    bool sessions(const QString &episodeId, QVector<store::Session> &out);
    // Complete and declined responses not replaced by a complete correction, oldest session
    // first, with answers and (complete ones) scores.
    bool responses(const QString &episodeId, QVector<store::StoredResponse> &out);
    // Newest first, as AlertRepository::forEpisode.
    bool alerts(const QString &episodeId, QVector<store::AlertRecord> &out);
    bool actions(const QString &alertId, QVector<store::ActionRecord> &out);

private:
    struct Statements;
    bool fail(const char *what);

    store::Database &m_db;
    const crypto::FieldCipher &m_cipher;
    std::unique_ptr<Statements> m_statements;
    bool m_ok = false;
    bool m_reading = false;
};

} // namespace triad::interop::fhir
