#include "instrumentreader.h"

#include <algorithm>
#include <QHash>
#include <QRegularExpression>

namespace triad {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kId = QStringLiteral("id");
const QString kVersion = QStringLiteral("version");
const QString kRespondent = QStringLiteral("respondent");
const QString kAgeBand = QStringLiteral("ageBand");
const QString kLanguages = QStringLiteral("languages");
const QString kLicence = QStringLiteral("licence");
const QString kReadAloudAutomatically = QStringLiteral("readAloudAutomatically");
const QString kTitle = QStringLiteral("title");
const QString kIntro = QStringLiteral("intro");
const QString kIntroReadAloud = QStringLiteral("introReadAloud");
const QString kThanks = QStringLiteral("thanks");
const QString kResponseFormats = QStringLiteral("responseFormats");
const QString kSubscales = QStringLiteral("subscales");
const QString kItems = QStringLiteral("items");
const QString kScoring = QStringLiteral("scoring");
const QString kPsychometrics = QStringLiteral("psychometrics");
// Lets editors find schema.json; carries no meaning for Triad.
const QString kSchema = QStringLiteral("$schema");

const QStringList topLevelKeys = {kSchema,    kFormat,          kId,
                                  kVersion,   kRespondent,      kAgeBand,
                                  kLanguages, kLicence,         kReadAloudAutomatically,
                                  kTitle,     kIntro,           kIntroReadAloud,
                                  kThanks,    kResponseFormats, kSubscales,
                                  kItems,     kScoring};

constexpr int youngestAge = 3;
constexpr int oldestAge = 18;

QStringList respondentIds()
{
    return {respondentId(Respondent::Child), respondentId(Respondent::Parent),
            respondentId(Respondent::Physio)};
}

QStringList constructIds()
{
    return {constructId(Construct::Goal), constructId(Construct::Task),
            constructId(Construct::Bond), constructId(Construct::Voice)};
}

QString noneIfEmpty(const QStringList &values)
{
    return values.isEmpty() ? QCoreApplication::translate("InstrumentLoader", "none are defined")
                            : JsonObjectReader::listOf(values);
}

} // namespace

InstrumentReader::InstrumentReader(ProblemLog *log, QString expectedId)
    : m_log(log)
    , m_expectedId(std::move(expectedId))
    , m_texts(log)
{}

Instrument InstrumentReader::read(const QJsonObject &rootObject)
{
    JsonObjectReader root(rootObject, QString(), m_log);
    m_instrument.sourceFile = m_log->fileName();
    root.string(kSchema, Presence::Optional);
    readIdentity(root);
    readAgeBand(root);
    readLanguages(root);
    readLicence(root);
    m_instrument.readAloudAutomatically =
        root.boolean(kReadAloudAutomatically, Presence::Optional).value_or(false);
    m_instrument.title = m_texts.read(root, kTitle, Presence::Required);
    m_instrument.intro = m_texts.read(root, kIntro, Presence::Optional);
    m_instrument.introReadAloud = m_texts.read(root, kIntroReadAloud, Presence::Optional);
    m_instrument.thanks = m_texts.read(root, kThanks, Presence::Optional);
    // When a list is itself broken, items are not also reported as pointing into it.
    m_formatsDeclared = rootObject.value(kResponseFormats).isArray();
    m_subscalesDeclared = rootObject.value(kSubscales).isArray();
    ResponseFormatReader formats(m_log, &m_texts);
    m_instrument.formats = formats.read(root);
    readSubscales(root);
    readItems(root);
    readScoring(root);
    checkSubscaleSizes();
    root.reportUnknownKeys(topLevelKeys);
    return m_instrument;
}

void InstrumentReader::readIdentity(JsonObjectReader &root)
{
    if (const auto format = root.string(kFormat, Presence::Required);
        format && *format != formatName())
        m_log->add(kFormat, tr("must be \"%1\" (the only format this version of Triad reads), "
                               "not \"%2\"")
                                .arg(formatName(), *format));

    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (const auto id = root.nonEmptyString(kId, Presence::Required)) {
        m_instrument.id = *id;
        if (!idPattern.match(*id).hasMatch())
            m_log->add(kId, tr("\"%1\" is not a valid questionnaire id: use lowercase letters, "
                               "digits and single hyphens, e.g. \"triad-child-8to12\"")
                                .arg(*id));
        else if (!m_expectedId.isEmpty() && *id != m_expectedId)
            m_log->add(kId, tr("\"%1\" must equal the file name without \".json\" (\"%2\"), so "
                               "each questionnaire is found under its own name")
                                .arg(*id, m_expectedId));
    }

    static const QRegularExpression versionPattern(
        QStringLiteral("^(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})$"));
    if (const auto version = root.string(kVersion, Presence::Required)) {
        m_instrument.version = *version;
        if (!versionPattern.match(*version).hasMatch())
            m_log->add(
                kVersion,
                tr("\"%1\" is not a version like \"1.0.0\" (MAJOR.MINOR.PATCH)").arg(*version));
    }

    if (const auto respondent = root.string(kRespondent, Presence::Required)) {
        m_respondent = respondentFromId(*respondent);
        if (!m_respondent)
            m_log->add(kRespondent,
                       tr("\"%1\" is not one of the respondents (%2)")
                           .arg(*respondent, JsonObjectReader::listOf(respondentIds())));
        else
            m_instrument.respondent = *m_respondent;
    }
}

void InstrumentReader::readAgeBand(JsonObjectReader &root)
{
    if (m_respondent && *m_respondent != Respondent::Child) {
        if (root.value(kAgeBand, Presence::Optional))
            m_log->add(kAgeBand,
                       tr("only child forms have an age band; remove it from this %1 form")
                           .arg(respondentId(*m_respondent)));
        return;
    }
    // An unknown respondent: the age band is still checked, but not required.
    const bool child = m_respondent.has_value();
    auto band = root.object(kAgeBand, Presence::Optional);
    if (!band) {
        if (child && !root.has(kAgeBand))
            m_log->add(kAgeBand, tr("is required for a child form: the ages it is for, e.g. "
                                    "{\"minYears\": 4, \"maxYears\": 7}"));
        return;
    }
    const auto min =
        band->integer(QStringLiteral("minYears"), Presence::Required, youngestAge, oldestAge);
    const auto max =
        band->integer(QStringLiteral("maxYears"), Presence::Required, youngestAge, oldestAge);
    band->reportUnknownKeys({QStringLiteral("minYears"), QStringLiteral("maxYears")});
    if (min && max && *min > *max)
        m_log->add(band->path(),
                   tr("minYears (%1) is more than maxYears (%2)").arg(*min).arg(*max));
    if (min && max)
        m_instrument.ageBand = AgeBand{*min, *max};
}

void InstrumentReader::readLanguages(JsonObjectReader &root)
{
    static const QRegularExpression codePattern(
        QStringLiteral("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"));
    const auto array = root.array(kLanguages, Presence::Required);
    if (!array)
        return;
    if (array->isEmpty()) {
        m_log->add(kLanguages, tr("must list at least one language, e.g. [\"en\"]"));
        return;
    }
    QStringList languages;
    bool allValid = true;
    for (int i = 0; i < array->size(); ++i) {
        const QString path = JsonObjectReader::indexPath(kLanguages, i);
        const QJsonValue value = array->at(i);
        if (!value.isString()) {
            m_log->add(path, tr("must be a string, not %1").arg(JsonObjectReader::describe(value)));
            allValid = false;
        } else if (!codePattern.match(value.toString()).hasMatch()) {
            m_log->add(path, tr("\"%1\" is not a language code like \"en\", \"nl\" or \"pt-BR\"")
                                 .arg(value.toString()));
            allValid = false;
        } else if (languages.contains(value.toString())) {
            m_log->add(path, tr("\"%1\" is listed twice").arg(value.toString()));
        } else {
            languages.append(value.toString());
        }
    }
    m_instrument.languages = languages;
    // A broken list would make every text look wrong; texts are then checked on their own.
    if (allValid)
        m_texts.setLanguages(languages);
}

void InstrumentReader::readLicence(JsonObjectReader &root)
{
    auto licence = root.object(kLicence, Presence::Required);
    if (!licence)
        return;
    m_instrument.licence.holder =
        licence->nonEmptyString(QStringLiteral("holder"), Presence::Required).value_or(QString());
    m_instrument.licence.source =
        licence->string(QStringLiteral("source"), Presence::Optional).value_or(QString());
    m_instrument.licence.terms =
        licence->string(QStringLiteral("terms"), Presence::Optional).value_or(QString());
    licence->reportUnknownKeys(
        {QStringLiteral("holder"), QStringLiteral("source"), QStringLiteral("terms")});
}

Psychometrics InstrumentReader::readPsychometrics(JsonObjectReader &parent)
{
    Psychometrics figures;
    auto object = parent.object(kPsychometrics, Presence::Optional);
    if (!object)
        return figures;
    const QString sd = QStringLiteral("sd");
    const QString reliability = QStringLiteral("reliability");
    const QString cutoff = QStringLiteral("cutoff");
    if (const auto value = object->number(sd, Presence::Optional)) {
        if (*value > 0)
            figures.sd = value;
        else
            m_log->add(object->pathOf(sd),
                       tr("must be more than 0 (on the 0-100 scale), not %1").arg(*value));
    }
    if (const auto value = object->number(reliability, Presence::Optional)) {
        if (*value > 0 && *value <= 1)
            figures.reliability = value;
        else
            m_log->add(object->pathOf(reliability),
                       tr("must be more than 0 and at most 1 (e.g. 0.85), not %1").arg(*value));
    }
    if (const auto value = object->number(cutoff, Presence::Optional)) {
        if (*value >= 0 && *value <= 100)
            figures.cutoff = value;
        else
            m_log->add(object->pathOf(cutoff),
                       tr("must be between 0 and 100 (the 0-100 scale), not %1").arg(*value));
    }
    figures.source =
        object->string(QStringLiteral("source"), Presence::Optional).value_or(QString());
    object->reportUnknownKeys({sd, reliability, cutoff, QStringLiteral("source")});
    return figures;
}

void InstrumentReader::readSubscales(JsonObjectReader &root)
{
    m_subscalesPath = root.pathOf(kSubscales);
    const auto array = root.array(kSubscales, Presence::Required);
    if (!array)
        return;
    QHash<QString, int> firstIndex;
    for (int i = 0; i < array->size(); ++i) {
        auto object = JsonObjectReader::element(*array, i, m_subscalesPath, m_log);
        if (!object)
            continue;
        Subscale subscale;
        const auto id = object->identifier(kId, Presence::Required);
        subscale.title = m_texts.read(*object, kTitle, Presence::Required);
        subscale.maxMissing =
            object->integer(QStringLiteral("maxMissing"), Presence::Optional, 0).value_or(0);
        subscale.countsInTotal =
            object->boolean(QStringLiteral("countsInTotal"), Presence::Optional).value_or(true);
        subscale.psychometrics = readPsychometrics(*object);
        object->reportUnknownKeys({kId, kTitle, QStringLiteral("maxMissing"),
                                   QStringLiteral("countsInTotal"), kPsychometrics});
        if (!id)
            continue;
        if (firstIndex.contains(*id)) {
            m_log->add(
                object->pathOf(kId),
                tr("\"%1\" is already the id of %2; subscale ids must be unique")
                    .arg(*id, JsonObjectReader::indexPath(m_subscalesPath, firstIndex[*id])));
            continue;
        }
        firstIndex.insert(*id, i);
        subscale.id = *id;
        m_instrument.subscales.append(subscale);
        m_subscaleIndex.append(i);
    }
}

void InstrumentReader::readItems(JsonObjectReader &root)
{
    m_itemsPath = root.pathOf(kItems);
    const auto array = root.array(kItems, Presence::Required);
    if (!array)
        return;
    if (array->isEmpty()) {
        m_log->add(m_itemsPath, tr("must list at least one item"));
        return;
    }
    m_itemsReadable = true;
    QHash<QString, int> firstIndex;
    for (int i = 0; i < array->size(); ++i) {
        auto object = JsonObjectReader::element(*array, i, m_itemsPath, m_log);
        if (!object) {
            m_itemsReadable = false;
            continue;
        }
        Item item;
        m_itemIndex = i;
        readItem(*object, item);
        // Kept even without a usable id (already reported), so the subscale counts stay true
        // and one mistake is not reported again as an empty subscale.
        m_instrument.items.append(item);
        if (item.id.isEmpty())
            continue;
        if (firstIndex.contains(item.id)) {
            m_log->add(
                object->pathOf(kId),
                tr("\"%1\" is already the id of %2; item ids must be unique")
                    .arg(item.id, JsonObjectReader::indexPath(m_itemsPath, firstIndex[item.id])));
            continue;
        }
        firstIndex.insert(item.id, i);
    }
}

void InstrumentReader::readItem(JsonObjectReader &object, Item &item)
{
    const QString kText = QStringLiteral("text");
    const QString kReadAloud = QStringLiteral("readAloud");
    const QString kSubscale = QStringLiteral("subscale");
    const QString kConstruct = QStringLiteral("construct");
    const QString kFacet = QStringLiteral("facet");
    const QString kReverse = QStringLiteral("reverse");
    const QString kRequired = QStringLiteral("required");
    const QString kCore = QStringLiteral("core");
    const QString kPractice = QStringLiteral("practice");

    item.id = object.identifier(kId, Presence::Required).value_or(QString());
    item.text = m_texts.read(object, kText, Presence::Required);
    // Children who cannot read yet hear every question.
    const bool child = m_respondent == Respondent::Child;
    item.readAloud =
        m_texts.read(object, kReadAloud, child ? Presence::Required : Presence::Optional);

    const ResponseFormat *format = nullptr;
    if (const auto formatId = object.string(kFormat, Presence::Required)) {
        item.formatId = *formatId;
        format = m_instrument.format(*formatId);
        if (!format && m_formatsDeclared) {
            QStringList ids;
            for (const auto &f : m_instrument.formats)
                ids.append(f.id);
            m_log->add(object.pathOf(kFormat), tr("\"%1\" is not one of the response formats (%2)")
                                                   .arg(*formatId, noneIfEmpty(ids)));
        }
    }

    if (const auto subscaleId = object.string(kSubscale, Presence::Optional)) {
        item.subscaleId = *subscaleId;
        if (format && !format->isScorable())
            m_log->add(object.pathOf(kSubscale),
                       tr("a free-text answer has no score, so it cannot count towards subscale "
                          "\"%1\"; remove \"subscale\"")
                           .arg(*subscaleId));
        if (!m_instrument.subscale(*subscaleId) && m_subscalesDeclared) {
            QStringList ids;
            for (const auto &s : m_instrument.subscales)
                ids.append(s.id);
            m_log->add(
                object.pathOf(kSubscale),
                tr("\"%1\" is not one of the subscales (%2)").arg(*subscaleId, noneIfEmpty(ids)));
        }
    }

    item.practice = object.boolean(kPractice, Presence::Optional).value_or(false);
    // A practice question teaches the answer format; it measures no construct.
    if (const auto construct =
            object.string(kConstruct, item.practice ? Presence::Optional : Presence::Required)) {
        if (const auto c = constructFromId(*construct))
            item.construct = *c;
        else
            m_log->add(object.pathOf(kConstruct),
                       tr("\"%1\" is not one of the constructs (%2)")
                           .arg(*construct, JsonObjectReader::listOf(constructIds())));
    }

    if (const auto facet = object.string(kFacet, Presence::Optional)) {
        item.facet = *facet;
        if (!knownFacets().contains(*facet))
            m_log->add(object.pathOf(kFacet),
                       tr("\"%1\" is not one of the facets (%2)")
                           .arg(*facet, JsonObjectReader::listOf(knownFacets())));
    }

    item.reverse = object.boolean(kReverse, Presence::Optional).value_or(false);
    if (item.reverse && item.subscaleId.isEmpty())
        m_log->add(object.pathOf(kReverse),
                   tr("only scored items (with a subscale) can be reverse-scored"));
    item.required = object.boolean(kRequired, Presence::Optional).value_or(false);
    item.core = object.boolean(kCore, Presence::Optional).value_or(false);
    checkCoreItem(object, item, format);
    checkPracticeItem(object, item, format);
    object.reportUnknownKeys({kId, kText, kReadAloud, kFormat, kSubscale, kConstruct, kFacet,
                              kReverse, kRequired, kCore, kPractice});
}

void InstrumentReader::checkCoreItem(JsonObjectReader &object, const Item &item,
                                     const ResponseFormat *format)
{
    const QString kCore = QStringLiteral("core");
    const QString kFacet = QStringLiteral("facet");
    const auto facetConstruct = coreFacetConstruct(item.facet);
    if (!item.core) {
        if (facetConstruct)
            m_log->add(object.pathOf(kFacet),
                       tr("\"%1\" is a core facet: mark this item \"core\": true, or give it "
                          "another facet")
                           .arg(item.facet));
        return;
    }
    if (item.facet.isEmpty()) {
        m_log->add(object.pathOf(kCore),
                   tr("a core item needs a core \"facet\" (%1), so the same question can be "
                      "found on every form")
                       .arg(JsonObjectReader::listOf(coreFacets())));
        return;
    }
    if (!facetConstruct) {
        if (knownFacets().contains(item.facet))
            m_log->add(object.pathOf(kFacet),
                       tr("\"%1\" is not a core facet; a core item needs one of %2")
                           .arg(item.facet, JsonObjectReader::listOf(coreFacets())));
        return;
    }
    if (*facetConstruct != item.construct)
        m_log->add(object.pathOf(QStringLiteral("construct")),
                   tr("core facet \"%1\" belongs to construct \"%2\", not \"%3\"")
                       .arg(item.facet, constructId(*facetConstruct), constructId(item.construct)));
    if (item.subscaleId.isEmpty() || (format && !format->isScorable()))
        m_log->add(object.pathOf(kCore),
                   tr("a core item must be scored: give it a subscale and a response format that "
                      "is not free text"));
    if (item.reverse)
        m_log->add(object.pathOf(QStringLiteral("reverse")),
                   tr("a core item cannot be reverse-keyed: one misreading would move the score "
                      "every dyad is compared on"));
    if (item.practice)
        m_log->add(object.pathOf(QStringLiteral("practice")),
                   tr("a practice item is never scored, so it cannot be a core item"));
    const int index = m_itemIndex;
    if (const auto it = m_coreFacetIndex.constFind(item.facet); it != m_coreFacetIndex.constEnd())
        m_log->add(object.pathOf(kFacet),
                   tr("core facet \"%1\" is already on %2; each core facet is asked once per form")
                       .arg(item.facet, JsonObjectReader::indexPath(m_itemsPath, *it)));
    else
        m_coreFacetIndex.insert(item.facet, index);
}

void InstrumentReader::checkPracticeItem(JsonObjectReader &object, const Item &item,
                                         const ResponseFormat *format)
{
    if (!item.practice)
        return;
    if (!item.subscaleId.isEmpty())
        m_log->add(object.pathOf(QStringLiteral("subscale")),
                   tr("a practice item is never scored; remove \"subscale\""));
    if (format && format->kind == FormatKind::FreeText)
        m_log->add(object.pathOf(QStringLiteral("format")),
                   tr("a practice item teaches how to answer, so it needs a format with choices or "
                      "a slider, not free text"));
}

void InstrumentReader::readScoring(JsonObjectReader &root)
{
    auto scoring = root.object(kScoring, Presence::Required);
    if (!scoring)
        return;
    const QString kMethod = QStringLiteral("method");
    const QString kTotalMaxMissing = QStringLiteral("totalMaxMissing");
    if (const auto method = scoring->string(kMethod, Presence::Required)) {
        if (*method == QLatin1String("sum"))
            m_instrument.scoring.method = ScoreMethod::Sum;
        else if (*method == QLatin1String("mean"))
            m_instrument.scoring.method = ScoreMethod::Mean;
        else
            m_log->add(scoring->pathOf(kMethod),
                       tr("\"%1\" is not one of the scoring methods (sum, mean)").arg(*method));
    }
    m_totalMaxMissing = scoring->integer(kTotalMaxMissing, Presence::Optional, 0);
    m_totalMaxMissingPath = scoring->pathOf(kTotalMaxMissing);
    m_instrument.scoring.totalMaxMissing = m_totalMaxMissing.value_or(0);
    m_instrument.scoring.totalPsychometrics = readPsychometrics(*scoring);
    scoring->reportUnknownKeys({kMethod, kTotalMaxMissing, kPsychometrics});
}

void InstrumentReader::checkSubscaleSizes()
{
    // Counting is only fair when every item could be read: a broken item may be the missing one.
    if (!m_itemsReadable)
        return;
    // An item whose format is unknown (already reported) is counted as scored, so one
    // mistake is not reported again as an empty subscale.
    auto counts = [this](const Item &item) {
        const ResponseFormat *format = m_instrument.format(item.formatId);
        return !item.subscaleId.isEmpty() && (!format || format->isScorable());
    };
    auto countOf = [&](const QString &subscaleId) {
        return int(std::count_if(
            m_instrument.items.cbegin(), m_instrument.items.cend(), [&](const Item &item) {
                return counts(item) && (subscaleId.isEmpty() || item.subscaleId == subscaleId);
            }));
    };
    for (int i = 0; i < m_instrument.subscales.size(); ++i) {
        const Subscale &subscale = m_instrument.subscales[i];
        const int count = countOf(subscale.id);
        const QString path = JsonObjectReader::indexPath(m_subscalesPath, m_subscaleIndex[i]);
        if (count == 0)
            m_log->add(path, tr("no scored item belongs to subscale \"%1\"").arg(subscale.id));
        else if (subscale.maxMissing >= count)
            m_log->add(JsonObjectReader::childPath(path, QStringLiteral("maxMissing")),
                       tr("is %1, but subscale \"%2\" has %3 scored items; it must be less than %3 "
                          "so that at least one answer counts")
                           .arg(subscale.maxMissing)
                           .arg(subscale.id)
                           .arg(count));
    }
    const int scored = int(std::count_if(
        m_instrument.items.cbegin(), m_instrument.items.cend(), [&](const Item &item) {
            const Subscale *s = m_instrument.subscale(item.subscaleId);
            return counts(item) && (!s || s->countsInTotal);
        }));
    if (scored == 0)
        m_log->add(m_itemsPath, tr("no item is scored towards the total: at least one item needs a "
                                   "subscale that counts in the total and a response format "
                                   "that is not free text"));
    else if (m_totalMaxMissing && *m_totalMaxMissing >= scored)
        m_log->add(m_totalMaxMissingPath,
                   tr("is %1, but there are %2 scored items; it must be less than %2 so that at "
                      "least one answer counts")
                       .arg(*m_totalMaxMissing)
                       .arg(scored));
}

} // namespace triad
