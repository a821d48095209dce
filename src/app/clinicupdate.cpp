// ClinicSession::startSchemaUpdate: the first start after an update of Triad migrates the
// clinic's file (a full copy of it first, then the schema's new steps). On a large clinic
// that takes seconds (12.6 s at 2,000 patients on the development machine), so it runs on a
// worker thread with its own connection while the "updating" screen shows which stage it is
// at, instead of before the first frame with nothing on screen. A file the migration refuses
// (damaged, written by a newer Triad, disk full) ends on the error screen, left as it was.
#include "clinicsession.h"

#include "core/store/schema.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

namespace {
std::function<void()> g_updateHold; // set by tests only
} // namespace

void ClinicSession::setUpdateHoldForTesting(std::function<void()> hold)
{
    g_updateHold = std::move(hold);
}

void ClinicSession::startSchemaUpdate(const QString &path)
{
    m_updateStage = 1;
    emit updateStageChanged();
    setState(QStringLiteral("updating"));
    // Told from the worker, shown here: a queued call, dropped if this object is gone.
    QPointer<ClinicSession> self(this);
    const auto stage = [self](store::Database::MigrationStage now) {
        const int number = now == store::Database::MigrationStage::KeepingCopy ? 1 : 2;
        QMetaObject::invokeMethod(
            self.data(),
            [self, number] {
                if (!self || self->m_updateStage == number)
                    return;
                self->m_updateStage = number;
                emit self->updateStageChanged();
            },
            Qt::QueuedConnection);
    };
    m_update = QtConcurrent::run(&m_workPool, [path, stage, hold = g_updateHold] {
        if (hold)
            hold();
        // The usual open of an existing file: the integrity check, then the migration with
        // its copy. Nothing else has the file open meanwhile (the screen offers nothing).
        store::Database db;
        store::Database::Options options;
        options.mode = store::Database::OpenMode::ExistingOnly;
        options.migrationStage = stage;
        if (!db.open(path, options))
            return db.lastError();
        return store::StoreError{};
    });
    auto *watcher = new QFutureWatcher<store::StoreError>(this);
    connect(watcher, &QFutureWatcher<store::StoreError>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        finishSchemaUpdate(path, m_update.result());
    });
    watcher->setFuture(m_update);
}

void ClinicSession::finishSchemaUpdate(const QString &path, const store::StoreError &error)
{
    m_updateStage = 0;
    emit updateStageChanged();
    store::StoreError why = error;
    if (!why.isError()) {
        // Just checked and migrated on the worker: opened the quick way, without a second
        // read of the whole file (m_integrity stays empty: nothing to wait for).
        store::Database::Options checked;
        checked.mode = store::Database::OpenMode::ExistingOnly;
        checked.checkIntegrity = false;
        checked.migrate = false;
        if (!m_db.open(path, checked))
            why = m_db.lastError();
        else if (m_db.schemaVersion() != store::currentSchemaVersion())
            why = {store::StoreErrorKind::Io,
                   QStringLiteral("schema version %1 after the update").arg(m_db.schemaVersion())};
        if (!why.isError()) {
            refreshFromDatabase();
            return;
        }
        m_db.close();
    }
    setError(tr("The clinic database cannot be opened: %1").arg(why.message()));
    setState(QStringLiteral("error"));
}

} // namespace triad::app
