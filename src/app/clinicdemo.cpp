// ClinicSession::createDemoClinic: the synthetic demo clinic, for training and trying Triad.
#include "clinicsession.h"

#include "instrumentcatalog.h"

#include "core/insights/demoalerts.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

namespace {

struct DemoResult
{
    QString adminId;
    QString passphrase;
    QString message;
};

// Runs on a worker thread with its own connection: the demo derives one key slot per demo
// account, far too slow for the UI thread.
DemoResult createDemoOnWorker(const QString &path, const InstrumentLibrary &library,
                              const crypto::ScryptParams &params)
{
    store::Database db;
    if (!db.open(path))
        return {{}, {}, db.lastError().message()};
    crypto::Vault scratch;
    store::DemoOptions options;
    options.scrypt = params;
    const auto summary = insights::createDemoClinicWithAlerts(db, library, scratch, options);
    if (!summary)
        return {{}, {}, db.lastError().message()};
    for (const auto &account : summary->accounts)
        if (account.role == store::StaffRole::Admin)
            return {account.staffId, account.passphrase, {}};
    return {{}, {}, QCoreApplication::translate("ClinicSession", "The demo has no admin.")};
}

} // namespace

QString ClinicSession::createDemoClinic()
{
    if (m_busy)
        return tr("Please wait: the previous step is still running.");
    if (m_state != QLatin1String("firstRun"))
        return tr("The demo clinic can only be made on a tablet without a clinic.");
    setBusy(true);
    setError({});
    auto *watcher = new QFutureWatcher<DemoResult>(this);
    connect(watcher, &QFutureWatcher<DemoResult>::finished, this, [this, watcher] {
        const DemoResult result = watcher->result();
        watcher->deleteLater();
        finishCreation(result.message, result.adminId, result.passphrase);
    });
    watcher->setFuture(QtConcurrent::run(createDemoOnWorker, m_db.path(),
                                         InstrumentCatalog::instance()->library(), cryptoParams()));
    return {};
}

} // namespace triad::app
