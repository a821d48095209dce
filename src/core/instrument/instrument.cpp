#include "instrument.h"

namespace triad {

QString LocalizedText::in(const QString &language, const QString &fallback) const
{
    if (auto it = m_text.constFind(language); it != m_text.constEnd())
        return *it;
    if (auto it = m_text.constFind(fallback); it != m_text.constEnd())
        return *it;
    return m_text.isEmpty() ? QString() : m_text.constBegin().value();
}

namespace {
template <typename E, size_t N> QString idOf(const std::pair<E, const char *> (&table)[N], E value)
{
    for (const auto &[e, id] : table)
        if (e == value)
            return QString::fromLatin1(id);
    return {};
}
template <typename E, size_t N>
std::optional<E> fromId(const std::pair<E, const char *> (&table)[N], const QString &id)
{
    for (const auto &[e, name] : table)
        if (id == QLatin1String(name))
            return e;
    return std::nullopt;
}

const std::pair<Respondent, const char *> respondents[] = {
    {Respondent::Child, "child"}, {Respondent::Parent, "parent"}, {Respondent::Physio, "physio"}};
const std::pair<FormatKind, const char *> kinds[] = {{FormatKind::Likert, "likert"},
                                                     {FormatKind::Faces, "faces"},
                                                     {FormatKind::Slider, "slider"},
                                                     {FormatKind::YesNo, "yesno"},
                                                     {FormatKind::FreeText, "text"}};
const std::pair<Construct, const char *> constructs[] = {{Construct::Goal, "goal"},
                                                         {Construct::Task, "task"},
                                                         {Construct::Bond, "bond"},
                                                         {Construct::Voice, "voice"}};
} // namespace

QString respondentId(Respondent r)
{
    return idOf(respondents, r);
}
std::optional<Respondent> respondentFromId(const QString &id)
{
    return fromId(respondents, id);
}
QString formatKindId(FormatKind k)
{
    return idOf(kinds, k);
}
std::optional<FormatKind> formatKindFromId(const QString &id)
{
    return fromId(kinds, id);
}
QString constructId(Construct c)
{
    return idOf(constructs, c);
}
std::optional<Construct> constructFromId(const QString &id)
{
    return fromId(constructs, id);
}

QStringList knownFacets()
{
    // From seed 000's themes: a trusted guide; having a route map; take me seriously
    // but make it fun; and seed 004: what went unsaid.
    return QStringList{QStringLiteral("trust"),        QStringLiteral("listened-to"),
                       QStringLiteral("guide"),        QStringLiteral("route-map"),
                       QStringLiteral("agreed-goals"), QStringLiteral("exercises-make-sense"),
                       QStringLiteral("fun"),          QStringLiteral("taken-seriously"),
                       QStringLiteral("involvement"),  QStringLiteral("unsaid"),
                       QStringLiteral("overall")} +
           coreFacets();
}

namespace {
// The core facets with their construct (questionnaires/README.md, "The common core").
const std::pair<const char *, Construct> coreFacetTable[] = {
    {"aim-feels-right", Construct::Goal},      {"aim-matters", Construct::Goal},
    {"exercises-feel-right", Construct::Task}, {"exercises-help", Construct::Task},
    {"says-how-it-is", Construct::Bond},       {"likes-physio-with", Construct::Bond}};
} // namespace

QStringList coreFacets()
{
    QStringList out;
    for (const auto &[facet, construct] : coreFacetTable)
        out.append(QString::fromLatin1(facet));
    return out;
}

std::optional<Construct> coreFacetConstruct(const QString &facet)
{
    for (const auto &[name, construct] : coreFacetTable)
        if (facet == QLatin1String(name))
            return construct;
    return std::nullopt;
}

double ResponseFormat::minValue() const
{
    switch (kind) {
    case FormatKind::Slider:
        return 0;
    case FormatKind::YesNo:
        return 0;
    case FormatKind::FreeText:
        return 0;
    case FormatKind::Likert:
    case FormatKind::Faces:
        return 1;
    }
    return 0;
}

double ResponseFormat::maxValue() const
{
    switch (kind) {
    case FormatKind::Slider:
        return 100;
    case FormatKind::YesNo:
        return 1;
    case FormatKind::FreeText:
        return 0;
    case FormatKind::Likert:
    case FormatKind::Faces:
        return choices.size();
    }
    return 0;
}

const ResponseFormat *Instrument::format(const QString &formatId) const
{
    for (const auto &f : formats)
        if (f.id == formatId)
            return &f;
    return nullptr;
}

const Subscale *Instrument::subscale(const QString &subscaleId) const
{
    for (const auto &s : subscales)
        if (s.id == subscaleId)
            return &s;
    return nullptr;
}

const Item *Instrument::item(const QString &itemId) const
{
    for (const auto &i : items)
        if (i.id == itemId)
            return &i;
    return nullptr;
}

QVector<const Item *> Instrument::scoredItems() const
{
    QVector<const Item *> out;
    for (const auto &i : items) {
        const auto *f = format(i.formatId);
        if (f && f->isScorable() && !i.subscaleId.isEmpty())
            out.append(&i);
    }
    return out;
}

QVector<const Item *> Instrument::totalItems() const
{
    QVector<const Item *> out;
    for (const Item *i : scoredItems()) {
        const Subscale *s = subscale(i->subscaleId);
        if (!s || s->countsInTotal)
            out.append(i);
    }
    return out;
}

QVector<const Item *> Instrument::coreItems() const
{
    QVector<const Item *> out;
    for (const Item *i : scoredItems())
        if (i->core)
            out.append(i);
    return out;
}

QVector<const Item *> Instrument::itemsOf(const QString &subscaleId) const
{
    QVector<const Item *> out;
    for (const auto *i : scoredItems())
        if (i->subscaleId == subscaleId)
            out.append(i);
    return out;
}

} // namespace triad
