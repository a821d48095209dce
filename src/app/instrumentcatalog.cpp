#include "instrumentcatalog.h"

#include <QQmlEngine>

namespace triad::app {

InstrumentCatalog::InstrumentCatalog(QObject *parent)
    : QAbstractListModel(parent)
{}

InstrumentCatalog *InstrumentCatalog::instance()
{
    static InstrumentCatalog *catalog = [] {
        auto *c = new InstrumentCatalog;
        c->setLibrary(InstrumentLibrary::loadDefault());
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
