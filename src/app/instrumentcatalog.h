#pragma once
// The instruments this clinic has, as a list for QML (preview screen, form choice).

#include "core/instrument/instrumentlibrary.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QThreadPool;
class QJSEngine;

namespace triad::app {

class InstrumentCatalog : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QStringList problems READ problems NOTIFY countChanged)
    Q_PROPERTY(QString problemText READ problemText NOTIFY countChanged)
    Q_PROPERTY(QString folder READ folder NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        RespondentRole,
        AgeBandRole,
        ItemCountRole,
        LicenceHolderRole,
        VersionRole,
    };
    Q_ENUM(Role)

    // The process-wide catalog; loads the default library on first use. The constructor
    // is private because Qt 6.4 would otherwise build a second, empty singleton for QML
    // instead of calling create().
    static InstrumentCatalog *instance();
    static InstrumentCatalog *create(QQmlEngine *, QJSEngine *);
    // Starts reading the default library on `pool`, for instance() to take when it is first
    // called. From the UI thread; nothing when the catalog exists already. The pool's work
    // must be waited for before the application object goes (ClinicSession's pool is).
    static void preload(QThreadPool *pool);

    void setLibrary(InstrumentLibrary library);
    const InstrumentLibrary &library() const { return m_library; }
    const Instrument *find(const QString &id) const { return m_library.find(id); }
    // The form a stored response was started on (current or archived), so a draft begun on
    // 1.0.0 is finished and scored on 1.0.0 after the upgrade; the current form when
    // `version` is empty (nothing stored yet); nullptr when that version is not installed.
    const Instrument *find(const QString &id, const QString &version) const
    {
        return version.isEmpty() ? m_library.find(id) : m_library.find(id, version);
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList problems() const;
    QString problemText() const { return problems().join(QLatin1Char('\n')); }
    QString folder() const { return m_library.folder(); }

signals:
    void countChanged();

private:
    explicit InstrumentCatalog(QObject *parent = nullptr);

    InstrumentLibrary m_library;
};

} // namespace triad::app
