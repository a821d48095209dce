#include "questionnaireimport.h"

#include "fhirvocabulary.h"

#include "core/instrument/strictjson.h"
#include "core/store/auditlog.h"
#include "core/store/staffrepository.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace triad::interop::fhir {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::QuestionnaireImport", text);
}

const QString kOwnPrefix = kBase + QStringLiteral("/StructureDefinition/");

// The elements of an R4 Questionnaire and of its items; anything else is not R4.
const QSet<QString> kQuestionnaireKeys{"resourceType",
                                       "id",
                                       "meta",
                                       "implicitRules",
                                       "language",
                                       "text",
                                       "contained",
                                       "extension",
                                       "modifierExtension",
                                       "url",
                                       "identifier",
                                       "version",
                                       "name",
                                       "title",
                                       "_title",
                                       "derivedFrom",
                                       "status",
                                       "experimental",
                                       "subjectType",
                                       "date",
                                       "publisher",
                                       "contact",
                                       "description",
                                       "_description",
                                       "useContext",
                                       "jurisdiction",
                                       "purpose",
                                       "copyright",
                                       "approvalDate",
                                       "lastReviewDate",
                                       "effectivePeriod",
                                       "code",
                                       "item",
                                       "_version",
                                       "_name",
                                       "_status",
                                       "_publisher",
                                       "_copyright",
                                       "_purpose",
                                       "_language",
                                       "_url",
                                       "_date"};
const QSet<QString> kItemKeys{"id",
                              "extension",
                              "modifierExtension",
                              "linkId",
                              "definition",
                              "code",
                              "prefix",
                              "text",
                              "_text",
                              "_prefix",
                              "type",
                              "enableWhen",
                              "enableBehavior",
                              "required",
                              "repeats",
                              "readOnly",
                              "maxLength",
                              "answerValueSet",
                              "answerOption",
                              "initial",
                              "item",
                              "_linkId",
                              "_type",
                              "_required",
                              "_maxLength"};

QString ownName(const QString &url)
{
    return url.startsWith(kOwnPrefix) ? url.mid(kOwnPrefix.size()) : QString();
}

QString normalisedId(const QString &raw)
{
    QString id = raw.toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    while (id.startsWith(QLatin1Char('-')))
        id.remove(0, 1);
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return id;
}

class Importer
{
public:
    Importer(QString file, QuestionnaireImportOptions options)
        : m_file(std::move(file))
        , m_options(std::move(options))
    {}

    QuestionnaireImport run(const QJsonObject &q);

private:
    void problem(const QString &path, const QString &message)
    {
        m_result.problems.append({m_file, path, message});
    }
    static QString at(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString at(const QString &path, int index)
    {
        return path + QStringLiteral("[%1]").arg(index);
    }

    // The extensions of `object` (checked to be objects with a url), by their position.
    QVector<QPair<int, QJsonObject>> extensionsOf(const QJsonObject &object, const QString &path);
    // Our own extension by name; empty when absent.
    QJsonObject own(const QJsonObject &object, const QString &path, const QString &name,
                    QString *extPath = nullptr);
    std::optional<QJsonValue> ownValue(const QJsonObject &object, const QString &path,
                                       const QString &name, const QString &valueKey);
    void rejectModifiers(const QJsonObject &object, const QString &path);
    // {"en": text, "nl": translation...} from object[key] and object["_" + key].
    QJsonObject localized(const QJsonObject &object, const QString &key, const QString &path,
                          bool required);
    std::optional<double> ordinalOf(const QJsonObject &option, const QString &path);
    QJsonObject psychometricsOf(const QJsonObject &ext, const QString &path);
    void readLanguages(const QJsonObject &q);
    void readItems(const QJsonArray &items, const QString &path);
    void readQuestion(const QJsonObject &item, const QString &path, const QString &type);
    std::optional<QJsonObject> choiceFormat(const QJsonObject &item, const QString &path,
                                            const QString &kind);
    std::optional<QJsonObject> sliderFormat(const QJsonObject &item, const QString &path);
    QString formatIdFor(const QJsonObject &item, const QString &path, QJsonObject format);

    QString m_file;
    QuestionnaireImportOptions m_options;
    QuestionnaireImport m_result;
    QString m_primary = QStringLiteral("en");
    QStringList m_languages;
    bool m_ours = false; // a Triad export: its own extensions describe subscales and scoring
    QJsonArray m_items;
    QJsonArray m_formats;
    QHash<QString, QString> m_formatIdByContent;
    QHash<QString, QJsonObject> m_formatById;
    QSet<QString> m_itemIds;
};

QVector<QPair<int, QJsonObject>> Importer::extensionsOf(const QJsonObject &object,
                                                        const QString &path)
{
    QVector<QPair<int, QJsonObject>> out;
    const QJsonValue v = object.value(QStringLiteral("extension"));
    if (v.isUndefined())
        return out;
    if (!v.isArray()) {
        problem(at(path, QStringLiteral("extension")), tr("must be an array of extensions"));
        return out;
    }
    const QJsonArray list = v.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject e = list.at(i).toObject();
        if (!list.at(i).isObject() || !e.value(QStringLiteral("url")).isString())
            problem(at(at(path, QStringLiteral("extension")), i),
                    tr("an extension must be an object with a \"url\""));
        else
            out.append({i, e});
    }
    return out;
}

QJsonObject Importer::own(const QJsonObject &object, const QString &path, const QString &name,
                          QString *extPath)
{
    for (const auto &[i, e] : extensionsOf(object, path))
        if (ownName(e.value(QStringLiteral("url")).toString()) == name) {
            if (extPath)
                *extPath = at(at(path, QStringLiteral("extension")), i);
            return e;
        }
    return {};
}

std::optional<QJsonValue> Importer::ownValue(const QJsonObject &object, const QString &path,
                                             const QString &name, const QString &valueKey)
{
    QString extPath;
    const QJsonObject e = own(object, path, name, &extPath);
    if (e.isEmpty())
        return std::nullopt;
    const QJsonValue v = e.value(valueKey);
    if (v.isUndefined()) {
        problem(extPath, tr("the extension %1 needs %2").arg(name, valueKey));
        return std::nullopt;
    }
    return v;
}

void Importer::rejectModifiers(const QJsonObject &object, const QString &path)
{
    if (object.contains(QStringLiteral("modifierExtension")))
        problem(at(path, QStringLiteral("modifierExtension")),
                tr("modifier extensions change what the element means; Triad cannot honour "
                   "them"));
}

QJsonObject Importer::localized(const QJsonObject &object, const QString &key, const QString &path,
                                bool required)
{
    QJsonObject out;
    const QJsonValue v = object.value(key);
    if (v.isUndefined()) {
        if (required)
            problem(at(path, key), tr("missing: Triad needs this text"));
        return out;
    }
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        problem(at(path, key), tr("must be a non-empty string"));
        return out;
    }
    out.insert(m_primary, v.toString());
    const QJsonObject under = object.value(QLatin1Char('_') + key).toObject();
    const QString underPath = at(path, QLatin1Char('_') + key);
    for (const auto &[i, e] : extensionsOf(under, underPath)) {
        if (e.value(QStringLiteral("url")).toString() != kTranslation)
            continue;
        QString language, content;
        for (const QJsonValue &part : e.value(QStringLiteral("extension")).toArray()) {
            const QJsonObject p = part.toObject();
            if (p.value(QStringLiteral("url")) == QStringLiteral("lang"))
                language = p.value(QStringLiteral("valueCode")).toString();
            else if (p.value(QStringLiteral("url")) == QStringLiteral("content"))
                content = p.value(QStringLiteral("valueString")).toString();
        }
        if (language.isEmpty() || content.isEmpty()) {
            problem(at(at(underPath, QStringLiteral("extension")), i),
                    tr("a translation needs \"lang\" (valueCode) and \"content\" (valueString)"));
            continue;
        }
        if (m_languages.contains(language))
            out.insert(language, content);
    }
    return out;
}

std::optional<double> Importer::ordinalOf(const QJsonObject &option, const QString &path)
{
    const auto find = [&](const QJsonObject &o, const QString &p) -> std::optional<double> {
        for (const auto &[i, e] : extensionsOf(o, p)) {
            const QString url = e.value(QStringLiteral("url")).toString();
            if (url != kOrdinalValue && url != kItemWeight)
                continue;
            const QJsonValue v = e.value(QStringLiteral("valueDecimal"));
            if (!v.isDouble()) {
                problem(at(at(p, QStringLiteral("extension")), i),
                        tr("an ordinal value must be a valueDecimal"));
                return std::nullopt;
            }
            return v.toDouble();
        }
        return std::nullopt;
    };
    if (const auto v = find(option, path))
        return v;
    return find(option.value(QStringLiteral("valueCoding")).toObject(),
                at(path, QStringLiteral("valueCoding")));
}

QJsonObject Importer::psychometricsOf(const QJsonObject &ext, const QString &path)
{
    QJsonObject p;
    for (const auto &[i, e] : extensionsOf(ext, path)) {
        const QString name = ownName(e.value(QStringLiteral("url")).toString());
        if (name == QLatin1String("sd") || name == QLatin1String("reliability") ||
            name == QLatin1String("cutoff"))
            p.insert(name, e.value(QStringLiteral("valueDecimal")));
        else if (name == QLatin1String("source"))
            p.insert(name, e.value(QStringLiteral("valueString")));
    }
    return p;
}

void Importer::readLanguages(const QJsonObject &q)
{
    if (q.contains(QStringLiteral("language"))) {
        if (!q.value(QStringLiteral("language")).isString())
            problem(QStringLiteral("language"), tr("must be a language code such as \"en\""));
        else
            m_primary = q.value(QStringLiteral("language")).toString();
    }
    m_languages = {m_primary};
    for (const auto &[i, e] : extensionsOf(q, {}))
        if (ownName(e.value(QStringLiteral("url")).toString()) == QLatin1String("language")) {
            const QString language = e.value(QStringLiteral("valueCode")).toString();
            if (!language.isEmpty() && !m_languages.contains(language))
                m_languages << language;
        }
    if (m_languages.size() == 1) {
        // A form builder's translations: the languages of the title.
        for (const auto &[i, e] :
             extensionsOf(q.value(QStringLiteral("_title")).toObject(), QStringLiteral("_title")))
            for (const QJsonValue &part : e.value(QStringLiteral("extension")).toArray())
                if (part.toObject().value(QStringLiteral("url")) == QStringLiteral("lang")) {
                    const QString language =
                        part.toObject().value(QStringLiteral("valueCode")).toString();
                    if (!language.isEmpty() && !m_languages.contains(language))
                        m_languages << language;
                }
    }
}

QuestionnaireImport Importer::run(const QJsonObject &q)
{
    if (q.value(QStringLiteral("resourceType")).toString() != QLatin1String("Questionnaire")) {
        problem(QStringLiteral("resourceType"),
                tr("must be \"Questionnaire\", not %1")
                    .arg(QString::fromUtf8(
                             QJsonDocument(QJsonArray{q.value(QStringLiteral("resourceType"))})
                                 .toJson(QJsonDocument::Compact))
                             .mid(1)
                             .chopped(1)));
        return m_result;
    }
    for (auto it = q.begin(); it != q.end(); ++it)
        if (!kQuestionnaireKeys.contains(it.key()))
            problem(it.key(), tr("not an element of an R4 Questionnaire"));
    rejectModifiers(q, {});
    if (q.contains(QStringLiteral("implicitRules")))
        problem(QStringLiteral("implicitRules"), tr("implicit rules cannot be honoured"));
    readLanguages(q);
    m_ours = q.value(QStringLiteral("url"))
                 .toString()
                 .startsWith(kBase + QStringLiteral("/Questionnaire/"));

    QJsonObject form{{QStringLiteral("format"), QStringLiteral("triad-questionnaire/1")}};
    // Id: a Triad canonical keeps its id; other forms take their name (or resource id).
    QString id;
    if (m_ours)
        id = q.value(QStringLiteral("url")).toString().section(QLatin1Char('/'), -1);
    else
        id =
            normalisedId(q.value(QStringLiteral("name")).toString().isEmpty()
                             ? q.value(QStringLiteral("id")).toString()
                             : q.value(QStringLiteral("name"))
                                   .toString()
                                   .replace(QRegularExpression(QStringLiteral("([a-z0-9])([A-Z])")),
                                            QStringLiteral("\\1-\\2")));
    if (id.isEmpty())
        problem(QStringLiteral("name"),
                tr("missing: the form needs a name (or an id) to become its "
                   "Triad id"));
    form.insert(QStringLiteral("id"), id);
    const QJsonValue version = q.value(QStringLiteral("version"));
    static const QRegularExpression semver(
        QStringLiteral("^(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})$"));
    if (!version.isString() || !semver.match(version.toString()).hasMatch())
        problem(
            QStringLiteral("version"),
            tr("Triad needs a version MAJOR.MINOR.PATCH (\"1.0.0\") so scores stay comparable"));
    form.insert(QStringLiteral("version"), version.toString());

    QString respondent = m_options.respondent;
    if (const auto v = ownValue(q, {}, QStringLiteral("respondent"), QStringLiteral("valueCode")))
        respondent = v->toString();
    if (respondent.isEmpty())
        problem(QStringLiteral("extension"),
                tr("who answers the form is not said: give --respondent child, parent or physio"));
    form.insert(QStringLiteral("respondent"), respondent);
    QString agePath;
    const QJsonObject age = own(q, {}, QStringLiteral("age-band"), &agePath);
    if (!age.isEmpty()) {
        QJsonObject band;
        for (const auto &[i, e] : extensionsOf(age, agePath))
            band.insert(ownName(e.value(QStringLiteral("url")).toString()),
                        e.value(QStringLiteral("valueInteger")));
        form.insert(QStringLiteral("ageBand"), band);
    }
    QJsonArray languages;
    for (const QString &l : m_languages)
        languages.append(l);
    form.insert(QStringLiteral("languages"), languages);
    QJsonObject licence{
        {QStringLiteral("holder"), q.value(QStringLiteral("publisher")).toString().isEmpty()
                                       ? tr("not stated in the imported Questionnaire")
                                       : q.value(QStringLiteral("publisher")).toString()}};
    const auto source =
        ownValue(q, {}, QStringLiteral("licence-source"), QStringLiteral("valueString"));
    licence.insert(QStringLiteral("source"),
                   source ? source->toString() : q.value(QStringLiteral("url")).toString());
    if (licence.value(QStringLiteral("source")).toString().isEmpty())
        licence.remove(QStringLiteral("source"));
    if (q.value(QStringLiteral("copyright")).isString())
        licence.insert(QStringLiteral("terms"), q.value(QStringLiteral("copyright")).toString());
    form.insert(QStringLiteral("licence"), licence);
    if (const auto v = ownValue(q, {}, QStringLiteral("read-aloud-automatically"),
                                QStringLiteral("valueBoolean")))
        form.insert(QStringLiteral("readAloudAutomatically"), v->toBool());
    form.insert(QStringLiteral("title"), localized(q, QStringLiteral("title"), {}, true));
    if (q.contains(QStringLiteral("description")))
        form.insert(QStringLiteral("intro"),
                    localized(q, QStringLiteral("description"), {}, false));
    for (const auto &[key, name] :
         {std::pair{QStringLiteral("introReadAloud"), QStringLiteral("intro-read-aloud")},
          std::pair{QStringLiteral("thanks"), QStringLiteral("thanks")}}) {
        QString path;
        const QJsonObject e = own(q, {}, name, &path);
        if (!e.isEmpty())
            form.insert(key, localized(e, QStringLiteral("valueString"), path, true));
    }

    // Subscales and scoring: Triad's own extensions, else one scale of every scored item.
    QJsonArray subscales;
    for (const auto &[i, e] : extensionsOf(q, {})) {
        const QString path = at(QStringLiteral("extension"), i);
        const QString name = ownName(e.value(QStringLiteral("url")).toString());
        if (name == QLatin1String("subscale")) {
            QJsonObject s;
            for (const auto &[j, part] : extensionsOf(e, path)) {
                const QString partName = ownName(part.value(QStringLiteral("url")).toString());
                if (partName == QLatin1String("id"))
                    s.insert(QStringLiteral("id"), part.value(QStringLiteral("valueCode")));
                else if (partName == QLatin1String("maxMissing"))
                    s.insert(QStringLiteral("maxMissing"),
                             part.value(QStringLiteral("valueInteger")));
                else if (partName == QLatin1String("countsInTotal"))
                    s.insert(QStringLiteral("countsInTotal"),
                             part.value(QStringLiteral("valueBoolean")));
                else if (partName == QLatin1String("title"))
                    s.insert(QStringLiteral("title"),
                             localized(part, QStringLiteral("valueString"),
                                       at(at(path, QStringLiteral("extension")), j), true));
            }
            const QJsonObject p = psychometricsOf(e, path);
            if (!p.isEmpty())
                s.insert(QStringLiteral("psychometrics"), p);
            subscales.append(s);
        } else if (name == QLatin1String("scoring")) {
            QJsonObject scoring;
            for (const auto &[j, part] : extensionsOf(e, path)) {
                const QString partName = ownName(part.value(QStringLiteral("url")).toString());
                if (partName == QLatin1String("method"))
                    scoring.insert(QStringLiteral("method"),
                                   part.value(QStringLiteral("valueCode")));
                else if (partName == QLatin1String("totalMaxMissing"))
                    scoring.insert(QStringLiteral("totalMaxMissing"),
                                   part.value(QStringLiteral("valueInteger")));
            }
            const QJsonObject p = psychometricsOf(e, path);
            if (!p.isEmpty())
                scoring.insert(QStringLiteral("psychometrics"), p);
            form.insert(QStringLiteral("scoring"), scoring);
        }
    }

    const QJsonValue items = q.value(QStringLiteral("item"));
    if (!items.isArray() || items.toArray().isEmpty())
        problem(QStringLiteral("item"), tr("missing or empty: a form needs questions"));
    else
        readItems(items.toArray(), QStringLiteral("item"));

    if (subscales.isEmpty()) {
        // One scale of every scored question, titled like the form.
        bool scored = false;
        for (int i = 0; i < m_items.size(); ++i) {
            QJsonObject item = m_items.at(i).toObject();
            const QJsonObject format =
                m_formatById.value(item.value(QStringLiteral("format")).toString());
            if (format.value(QStringLiteral("kind")) == QStringLiteral("text"))
                continue;
            item.insert(QStringLiteral("subscale"), QStringLiteral("all"));
            m_items[i] = item;
            scored = true;
        }
        if (scored) {
            subscales.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("all")},
                            {QStringLiteral("title"), form.value(QStringLiteral("title"))}});
            m_result.notes << tr("Every question with ordinal values is scored on one scale, "
                                 "\"all\", without missing answers allowed; edit the file to "
                                 "add subscales or allow missing answers.");
        }
    }
    if (!form.contains(QStringLiteral("scoring"))) {
        form.insert(QStringLiteral("scoring"),
                    QJsonObject{{QStringLiteral("method"), QStringLiteral("sum")},
                                {QStringLiteral("totalMaxMissing"), 0}});
        m_result.notes << tr("Scored as the sum of the ordinal values (Triad also reports every "
                             "score on a 0-100 scale).");
    }
    form.insert(QStringLiteral("responseFormats"), m_formats);
    form.insert(QStringLiteral("subscales"), subscales);
    form.insert(QStringLiteral("items"), m_items);

    if (!m_result.problems.isEmpty())
        return m_result;
    // The loader's own checks on the converted form, so what is written loads in the app.
    LoadResult loaded = InstrumentLoader::fromObject(form, id + QStringLiteral(".json"));
    for (const LoadProblem &p : loaded.problems)
        m_result.problems.append({m_file, tr("(converted form) %1").arg(p.path), p.message});
    if (loaded.ok()) {
        m_result.form = form;
        m_result.instrument = std::move(loaded.instrument);
    }
    return m_result;
}

void Importer::readItems(const QJsonArray &items, const QString &path)
{
    for (int i = 0; i < items.size(); ++i) {
        const QString p = at(path, i);
        if (!items.at(i).isObject()) {
            problem(p, tr("an item must be an object"));
            continue;
        }
        const QJsonObject item = items.at(i).toObject();
        for (auto it = item.begin(); it != item.end(); ++it)
            if (!kItemKeys.contains(it.key()))
                problem(at(p, it.key()), tr("not an element of an R4 Questionnaire item"));
        rejectModifiers(item, p);
        if (!item.value(QStringLiteral("linkId")).isString() ||
            item.value(QStringLiteral("linkId")).toString().isEmpty())
            problem(at(p, QStringLiteral("linkId")), tr("missing: every item needs a linkId"));
        const QString type = item.value(QStringLiteral("type")).toString();
        for (const char *key : {"enableWhen", "enableBehavior", "answerValueSet", "initial"})
            if (item.contains(QLatin1String(key)))
                problem(at(p, QLatin1String(key)),
                        QLatin1String(key) == QLatin1String("answerValueSet")
                            ? tr("answers from a value set cannot be scored; list them as "
                                 "answerOption with ordinal values")
                        : QLatin1String(key) == QLatin1String("initial")
                            ? tr("a pre-filled answer nudges the respondent; Triad starts every "
                                 "question empty")
                            : tr("conditional questions are not supported: every respondent "
                                 "sees every question"));
        if (item.value(QStringLiteral("repeats")).toBool())
            problem(at(p, QStringLiteral("repeats")), tr("repeating answers are not supported"));
        if (item.value(QStringLiteral("readOnly")).toBool())
            problem(at(p, QStringLiteral("readOnly")), tr("read-only items are not supported"));
        if (type == QLatin1String("group")) {
            if (!item.value(QStringLiteral("item")).isArray())
                problem(at(p, QStringLiteral("item")), tr("a group needs items"));
            else
                readItems(item.value(QStringLiteral("item")).toArray(),
                          at(p, QStringLiteral("item")));
            continue;
        }
        if (item.contains(QStringLiteral("item")))
            problem(at(p, QStringLiteral("item")),
                    tr("questions nested under a question are not supported"));
        readQuestion(item, p, type);
    }
}

void Importer::readQuestion(const QJsonObject &item, const QString &path, const QString &type)
{
    const QString linkId = item.value(QStringLiteral("linkId")).toString();
    const QString id = m_ours ? linkId : normalisedId(linkId);
    if (!linkId.isEmpty() && id.isEmpty())
        problem(at(path, QStringLiteral("linkId")), tr("cannot become a Triad item id"));
    else if (!id.isEmpty() && m_itemIds.contains(id))
        problem(at(path, QStringLiteral("linkId")),
                tr("\"%1\" is the id of an earlier item too").arg(id));
    m_itemIds.insert(id);

    std::optional<QJsonObject> format;
    QString kind;
    if (const auto k = ownValue(item, path, QStringLiteral("response-format-kind"),
                                QStringLiteral("valueCode")))
        kind = k->toString();
    if (type == QLatin1String("choice")) {
        format = choiceFormat(item, path, kind.isEmpty() ? QStringLiteral("likert") : kind);
    } else if (type == QLatin1String("decimal") || type == QLatin1String("integer")) {
        bool slider = false;
        for (const auto &[i, e] : extensionsOf(item, path))
            if (e.value(QStringLiteral("url")).toString() == kItemControl &&
                QJsonDocument(e).toJson().contains("\"slider\""))
                slider = true;
        if (!slider)
            problem(at(path, QStringLiteral("type")),
                    tr("a number typed in is not supported; only a slider (item-control "
                       "\"slider\") from 0 to 100"));
        else
            format = sliderFormat(item, path);
    } else if (type == QLatin1String("text") || type == QLatin1String("string")) {
        QJsonObject f{{QStringLiteral("kind"), QStringLiteral("text")}};
        if (item.value(QStringLiteral("maxLength")).isDouble())
            f.insert(QStringLiteral("maxLength"), item.value(QStringLiteral("maxLength")).toInt());
        format = f;
    } else if (type == QLatin1String("display")) {
        problem(at(path, QStringLiteral("type")),
                tr("display items are not supported: Triad shows questions only (put "
                   "instructions in the description)"));
    } else if (type == QLatin1String("boolean")) {
        problem(at(path, QStringLiteral("type")),
                tr("a boolean item has no ordinal values; use a choice with options 1 (yes) "
                   "and 0 (no)"));
    } else if (type.isEmpty()) {
        problem(at(path, QStringLiteral("type")), tr("missing: every item needs a type"));
    } else {
        problem(
            at(path, QStringLiteral("type")),
            tr("\"%1\" items are not supported (choice, slider, text or string only)").arg(type));
    }

    QJsonObject out{{QStringLiteral("id"), id}};
    out.insert(QStringLiteral("text"), localized(item, QStringLiteral("text"), path, true));
    QString readPath;
    const QJsonObject read = own(item, path, QStringLiteral("read-aloud"), &readPath);
    if (!read.isEmpty())
        out.insert(QStringLiteral("readAloud"),
                   localized(read, QStringLiteral("valueString"), readPath, true));
    if (format)
        out.insert(QStringLiteral("format"), formatIdFor(item, path, *format));
    QString construct;
    for (const QJsonValue &c : item.value(QStringLiteral("code")).toArray())
        if (constructFromId(c.toObject().value(QStringLiteral("code")).toString()))
            construct = c.toObject().value(QStringLiteral("code")).toString();
    if (construct.isEmpty())
        construct = m_options.construct;
    const bool practice = !own(item, path, QStringLiteral("practice")).isEmpty();
    if (!construct.isEmpty())
        out.insert(QStringLiteral("construct"), construct);
    else if (!m_ours && !practice)
        problem(path, tr("which alliance construct (goal, task, bond, voice) this question "
                         "measures is not said: give it as item.code or with --construct"));
    for (const char *name : {"subscale", "construct", "facet"})
        if (const auto v = ownValue(item, path, QLatin1String(name), QStringLiteral("valueCode")))
            out.insert(QLatin1String(name), *v);
    for (const char *name : {"reverse", "core", "practice"})
        if (const auto v =
                ownValue(item, path, QLatin1String(name), QStringLiteral("valueBoolean")))
            out.insert(QLatin1String(name), *v);
    if (item.value(QStringLiteral("required")).toBool())
        out.insert(QStringLiteral("required"), true);
    m_items.append(out);
}

std::optional<QJsonObject> Importer::choiceFormat(const QJsonObject &item, const QString &path,
                                                  const QString &kind)
{
    const QJsonValue optionsValue = item.value(QStringLiteral("answerOption"));
    const QString optionsPath = at(path, QStringLiteral("answerOption"));
    if (!optionsValue.isArray() || optionsValue.toArray().isEmpty()) {
        if (!item.contains(QStringLiteral("answerValueSet")))
            problem(optionsPath, tr("missing: a choice needs its answer options"));
        return std::nullopt;
    }
    const QJsonArray options = optionsValue.toArray();
    QJsonArray choices;
    QJsonObject notApplicable;
    QVector<double> ordinals;
    bool ok = true;
    for (int i = 0; i < options.size(); ++i) {
        const QString p = at(optionsPath, i);
        const QJsonObject option = options.at(i).toObject();
        rejectModifiers(option, p);
        if (option.contains(QStringLiteral("initialSelected")))
            problem(at(p, QStringLiteral("initialSelected")),
                    tr("a pre-selected answer nudges the respondent; Triad starts every question "
                       "empty"));
        QJsonObject label;
        if (option.value(QStringLiteral("valueCoding")).isObject())
            label =
                localized(option.value(QStringLiteral("valueCoding")).toObject(),
                          QStringLiteral("display"), at(p, QStringLiteral("valueCoding")), true);
        else if (option.value(QStringLiteral("valueString")).isString())
            label = localized(option, QStringLiteral("valueString"), p, true);
        else if (option.value(QStringLiteral("valueInteger")).isDouble())
            label.insert(m_primary,
                         QString::number(option.value(QStringLiteral("valueInteger")).toInt()));
        else {
            problem(p, tr("an answer option needs valueCoding, valueString or valueInteger"));
            ok = false;
            continue;
        }
        QJsonObject choice{{QStringLiteral("label"), label}};
        QString readPath;
        const QJsonObject read = own(option, p, QStringLiteral("read-aloud"), &readPath);
        if (!read.isEmpty())
            choice.insert(QStringLiteral("readAloud"),
                          localized(read, QStringLiteral("valueString"), readPath, true));
        if (!own(option, p, QStringLiteral("not-applicable")).isEmpty()) {
            notApplicable = choice;
            continue;
        }
        std::optional<double> ordinal = ordinalOf(option, p);
        if (!ordinal && option.value(QStringLiteral("valueInteger")).isDouble())
            ordinal = option.value(QStringLiteral("valueInteger")).toDouble();
        if (!ordinal) {
            problem(p, tr("no ordinal value (ordinalValue or itemWeight extension): Triad "
                          "cannot score this answer"));
            ok = false;
            continue;
        }
        ordinals.append(*ordinal);
        choices.append(choice);
    }
    if (!ok)
        return std::nullopt;
    if (kind == QLatin1String("yesno")) {
        for (int i = 0; i < choices.size(); ++i) {
            QJsonObject c = choices.at(i).toObject();
            c.insert(QStringLiteral("value"), int(ordinals.at(i)));
            choices[i] = c;
        }
    } else {
        // Ordinal values must rise by one in the order shown: Triad scores choice n as n.
        for (int i = 0; i < ordinals.size(); ++i) {
            if (ordinals.at(i) != std::floor(ordinals.at(i)) ||
                (i > 0 && ordinals.at(i) != ordinals.at(i - 1) + 1)) {
                problem(at(optionsPath, i),
                        tr("ordinal values must be whole numbers rising by one in the order "
                           "shown (%1 follows %2)")
                            .arg(ordinals.at(i))
                            .arg(i > 0 ? ordinals.at(i - 1) : 0));
                return std::nullopt;
            }
        }
        if (!ordinals.isEmpty() && ordinals.first() != 1)
            m_result.notes << tr("%1: ordinal values %2..%3 are stored as 1..%4 (raw scores "
                                 "shift by a constant; the 0-100 scores are unchanged)")
                                  .arg(path)
                                  .arg(ordinals.first())
                                  .arg(ordinals.last())
                                  .arg(ordinals.size());
        for (int i = 0; i < choices.size(); ++i) {
            QJsonObject c = choices.at(i).toObject();
            c.insert(QStringLiteral("value"), i + 1);
            choices[i] = c;
        }
    }
    QJsonObject f{{QStringLiteral("kind"), kind}, {QStringLiteral("choices"), choices}};
    if (!notApplicable.isEmpty())
        f.insert(QStringLiteral("notApplicable"), notApplicable);
    return f;
}

std::optional<QJsonObject> Importer::sliderFormat(const QJsonObject &item, const QString &path)
{
    QJsonObject f{{QStringLiteral("kind"), QStringLiteral("slider")}};
    for (const auto &[i, e] : extensionsOf(item, path)) {
        const QString url = e.value(QStringLiteral("url")).toString();
        const QString p = at(at(path, QStringLiteral("extension")), i);
        if (url == kSliderStep)
            f.insert(QStringLiteral("step"), e.value(QStringLiteral("valueInteger")));
        else if ((url == kMinValue || url == kMaxValue)) {
            const QJsonValue v = e.contains(QStringLiteral("valueDecimal"))
                                     ? e.value(QStringLiteral("valueDecimal"))
                                     : e.value(QStringLiteral("valueInteger"));
            if (v.toDouble(-1) != (url == kMinValue ? 0 : 100))
                problem(p, tr("Triad's sliders go from 0 to 100"));
        } else if (ownName(url) == QLatin1String("low-anchor"))
            f.insert(QStringLiteral("lowAnchor"),
                     localized(e, QStringLiteral("valueString"), p, true));
        else if (ownName(url) == QLatin1String("high-anchor"))
            f.insert(QStringLiteral("highAnchor"),
                     localized(e, QStringLiteral("valueString"), p, true));
        else if (ownName(url) == QLatin1String("not-applicable-answer")) {
            QJsonObject na;
            for (const auto &[j, part] : extensionsOf(e, p)) {
                const QString name = ownName(part.value(QStringLiteral("url")).toString());
                const QString key = name == QLatin1String("label") ? QStringLiteral("label")
                                                                   : QStringLiteral("readAloud");
                na.insert(key, localized(part, QStringLiteral("valueString"),
                                         at(at(p, QStringLiteral("extension")), j), true));
            }
            f.insert(QStringLiteral("notApplicable"), na);
        }
    }
    if (!f.contains(QStringLiteral("lowAnchor")) || !f.contains(QStringLiteral("highAnchor"))) {
        QJsonObject low, high;
        for (const QString &l : m_languages) {
            low.insert(l, QStringLiteral("0"));
            high.insert(l, QStringLiteral("100"));
        }
        f.insert(QStringLiteral("lowAnchor"), low);
        f.insert(QStringLiteral("highAnchor"), high);
        m_result.notes << tr("%1: the slider has no words at its ends; \"0\" and \"100\" are shown "
                             "until the file is edited")
                              .arg(path);
    }
    return f;
}

QString Importer::formatIdFor(const QJsonObject &item, const QString &path, QJsonObject format)
{
    const QString content = QString::fromUtf8(QJsonDocument(format).toJson(QJsonDocument::Compact));
    QString id;
    if (const auto v =
            ownValue(item, path, QStringLiteral("response-format"), QStringLiteral("valueCode")))
        id = v->toString();
    if (id.isEmpty()) {
        id = m_formatIdByContent.value(content);
        if (id.isEmpty())
            id = QStringLiteral("answers-%1").arg(m_formats.size() + 1);
    }
    if (m_formatById.contains(id)) {
        QJsonObject known = m_formatById.value(id);
        known.remove(QStringLiteral("id"));
        if (known != format)
            problem(path, tr("the response format \"%1\" differs from an earlier item's").arg(id));
        return id;
    }
    format.insert(QStringLiteral("id"), id);
    m_formatById.insert(id, format);
    m_formatIdByContent.insert(content, id);
    // Keep Triad's key order readable: id and kind first.
    m_formats.append(format);
    return id;
}

} // namespace

QuestionnaireImport importQuestionnaire(const QJsonObject &questionnaire, const QString &fileName,
                                        const QuestionnaireImportOptions &options)
{
    return Importer(fileName, options).run(questionnaire);
}

QuestionnaireImport importQuestionnaire(const QByteArray &json, const QString &fileName,
                                        const QuestionnaireImportOptions &options)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    QuestionnaireImport result;
    if (parseError.error != QJsonParseError::NoError) {
        result.problems.append({fileName, QString(),
                                tr("not valid JSON: %1 at byte %2")
                                    .arg(parseError.errorString())
                                    .arg(parseError.offset)});
        return result;
    }
    if (const auto defect = findJsonDefect(json)) {
        result.problems.append({fileName, defect->path, defect->message});
        return result;
    }
    if (!doc.isObject()) {
        result.problems.append(
            {fileName, QString(), tr("must be a JSON object (a Questionnaire)")});
        return result;
    }
    return importQuestionnaire(doc.object(), fileName, options);
}

QString writeImportedForm(const QuestionnaireImport &result, const QString &folder, QString *error)
{
    if (!result.ok()) {
        *error = tr("the Questionnaire has problems; nothing was written");
        return {};
    }
    if (!QFileInfo(folder).isDir()) {
        *error = tr("the folder %1 does not exist").arg(QDir::toNativeSeparators(folder));
        return {};
    }
    const QString path = QDir(folder).filePath(result.instrument->id + QStringLiteral(".json"));
    if (QFileInfo::exists(path) || QFileInfo(path).isSymLink()) {
        *error = tr("%1 already exists; nothing was written (move it away to replace it)")
                     .arg(QDir::toNativeSeparators(path));
        return {};
    }
    QSaveFile out(path);
    out.setDirectWriteFallback(false);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(result.form).toJson(QJsonDocument::Indented)) < 0 ||
        !out.commit()) {
        *error = tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
        return {};
    }
    return path;
}

QString libraryClash(const InstrumentLibrary &library, const Instrument &form)
{
    if (library.find(form.id, form.version))
        return tr("%1 version %2 is already in this clinic's questionnaires; nothing was imported")
            .arg(form.id, form.version);
    if (const Instrument *current = library.find(form.id))
        return tr("this clinic already has %1 in version %2, and this file is version %3: a "
                  "new version of a form replaces the old one through the questionnaires "
                  "folder's archive (see its README); nothing was imported")
            .arg(form.id, current->version, form.version);
    return {};
}

QString importFormIntoClinic(const QuestionnaireImport &result, const QString &folder,
                             store::Database &db, const crypto::Vault &vault, QString *error)
{
    store::StaffRepository staff(db);
    const auto member = vault.isUnlocked() ? staff.get(vault.staffId()) : std::nullopt;
    if (!member || !member->active ||
        (member->role != store::StaffRole::Admin && member->role != store::StaffRole::Lead)) {
        *error = tr("Only a clinic lead or an admin may import a questionnaire into the clinic.");
        return {};
    }
    const QString written = writeImportedForm(result, folder, error);
    if (written.isEmpty())
        return {};
    QFile file(written);
    QByteArray digest;
    if (file.open(QIODevice::ReadOnly))
        digest = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    file.close();
    store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
    store::Transaction tx(db);
    if (digest.isEmpty() || !tx.begin() ||
        !audit.append(QStringLiteral("import-questionnaire"), QStringLiteral("questionnaire"),
                      result.instrument->id + QLatin1Char('@') + result.instrument->version, {},
                      digest) ||
        !tx.commit()) {
        const QString why = digest.isEmpty()
                                ? tr("cannot read back %1").arg(QDir::toNativeSeparators(written))
                                : db.lastError().message();
        QFile::remove(written);
        *error = tr("The import could not be recorded in the audit log, so nothing was "
                    "imported: %1")
                     .arg(why);
        return {};
    }
    audit.publishHead();
    return written;
}

} // namespace triad::interop::fhir
