#include "instrumentcatalog.h"

#include <QQmlEngine>
#include <QtConcurrent/QtConcurrentRun>

namespace triad::app {

namespace {
// Reading and checking every questionnaire file took 6-10 ms of the UI thread at the first
// sign-in (issue 12): read on a worker once the first frame is up.
QFuture<InstrumentLibrary> g_preloaded;
bool g_created = false;
} // namespace

InstrumentCatalog::InstrumentCatalog(QObject *parent)
    : QAbstractListModel(parent)
{}

void InstrumentCatalog::preload(QThreadPool *pool)
{
    if (!g_created && !g_preloaded.isValid())
        g_preloaded = QtConcurrent::run(pool, &InstrumentLibrary::loadDefault);
}

InstrumentCatalog *InstrumentCatalog::instance()
{
    static InstrumentCatalog *catalog = [] {
        g_created = true;
        auto *c = new InstrumentCatalog;
        // The preload, if one was started, is long done by the time anyone signs in.
        c->setLibrary(g_preloaded.isValid() ? g_preloaded.result()
                                            : InstrumentLibrary::loadDefault());
        g_preloaded = {};
        return c;
    }();
    return catalog;
}

InstrumentCatalog *InstrumentCatalog::create(QQmlEngine *, QJSEngine *)
{
    auto *c = instance();
    QQmlEngine::setObjectOwnership(c, QQmlEngine::CppOwnership);
    return c;
}

void InstrumentCatalog::setLibrary(InstrumentLibrary library)
{
    beginResetModel();
    m_library = std::move(library);
    endResetModel();
    emit countChanged();
}

int InstrumentCatalog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_library.instruments().size());
}

QVariant InstrumentCatalog::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Instrument &in = m_library.instruments().at(index.row());
    switch (role) {
    case IdRole:
        return in.id;
    case TitleRole:
        return in.title.in(QStringLiteral("en"));
    case RespondentRole:
        return respondentId(in.respondent);
    case AgeBandRole:
        return in.ageBand ? tr("%1–%2 years").arg(in.ageBand->minYears).arg(in.ageBand->maxYears)
                          : QString();
    case ItemCountRole:
        return int(in.items.size());
    case LicenceHolderRole:
        return in.licence.holder;
    case VersionRole:
        return in.version;
    }
    return {};
}

QHash<int, QByteArray> InstrumentCatalog::roleNames() const
{
    return {{IdRole, "instrumentId"},       {TitleRole, "title"},
            {RespondentRole, "respondent"}, {AgeBandRole, "ageBand"},
            {ItemCountRole, "itemCount"},   {LicenceHolderRole, "licenceHolder"},
            {VersionRole, "version"}};
}

QStringList InstrumentCatalog::problems() const
{
    QStringList out;
    for (const auto &p : m_library.problems())
        out << p.toString();
    return out;
}

} // namespace triad::app
