// ClinicSession::createDemoClinic: the synthetic demo clinic, for training and trying Triad.
#include "clinicsession.h"

#include "instrumentcatalog.h"

#include "core/insights/demoalerts.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

namespace {

using ProgressSink = std::function<void(const store::DemoProgress &)>;

// Runs on a worker thread with its own connection (a Qt SQL rule). Returns "" or what went
// wrong. The vault there is thrown away: the sign-in screen names the demo accounts next.
QString createDemoOnWorker(const QString &path, const InstrumentLibrary &library,
                           const ProgressSink &progress)
{
    store::Database db;
    if (!db.open(path))
        return db.lastError().message();
    crypto::Vault scratch;
    store::DemoOptions options; // the documented demo key cost (democlinic.h, SECURITY.md)
    options.progress = progress;
    if (!insights::createDemoClinicWithAlerts(db, library, scratch, options))
        return db.lastError().message();
    return {};
}

QString stepInWords(const store::DemoProgress &p)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ClinicSession", text);
    };
    if (p.step == QLatin1String("staff"))
        return tr("Staff accounts: %1 of %2").arg(p.stepDone).arg(p.stepTotal);
    if (p.step == QLatin1String("patients"))
        return tr("Patients and their sessions: %1 of %2").arg(p.stepDone).arg(p.stepTotal);
    if (p.step == QLatin1String("saving"))
        return tr("Saving the sessions");
    if (p.step == QLatin1String("alerts"))
        return tr("Alerts from the sessions: %1 of %2").arg(p.stepDone).arg(p.stepTotal);
    return {};
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
    setDemoProgress(0, tr("Starting"));
    // Called on the worker: the figures reach the UI thread as queued calls, in order.
    const ProgressSink progress = [this](const store::DemoProgress &p) {
        const qreal fraction = p.total > 0 ? qreal(p.done) / p.total : 0;
        const QString step = stepInWords(p);
        QMetaObject::invokeMethod(
            this, [this, fraction, step] { setDemoProgress(fraction, step); },
            Qt::QueuedConnection);
    };
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString failure = watcher->result();
        watcher->deleteLater();
        finishDemoCreation(failure);
    });
    watcher->setFuture(QtConcurrent::run(&m_workPool, createDemoOnWorker, m_db.path(),
                                         InstrumentCatalog::instance()->library(), progress));
    return {};
}

void ClinicSession::setDemoProgress(qreal progress, const QString &step)
{
    if (qFuzzyCompare(1 + progress, 1 + m_demoProgress) && step == m_demoStep)
        return;
    m_demoProgress = progress;
    m_demoStep = step;
    emit demoProgressChanged();
}

void ClinicSession::finishDemoCreation(const QString &failure)
{
    setBusy(false);
    refreshFromDatabase();
    if (!failure.isEmpty()) {
        setDemoProgress(0, {});
        setError(failure);
        emit createFinished(false, failure);
        return;
    }
    setDemoProgress(1, tr("Done"));
    emit createFinished(true, {});
}

QVariantList ClinicSession::demoAccounts() const
{
    QVariantList named;
    if (!m_isDemo)
        return named;
    const auto accounts = store::DemoClinic::accounts();
    for (const QVariant &v : m_staffList) {
        const QVariantMap member = v.toMap();
        if (!member.value(QStringLiteral("active")).toBool())
            continue;
        for (const auto &account : accounts)
            if (account.displayName == member.value(QStringLiteral("name")).toString())
                named << QVariantMap{
                    {QStringLiteral("staffId"), member.value(QStringLiteral("staffId"))},
                    {QStringLiteral("name"), account.displayName},
                    {QStringLiteral("role"), member.value(QStringLiteral("role"))},
                    {QStringLiteral("passphrase"), account.passphrase}};
    }
    return named;
}

} // namespace triad::app
