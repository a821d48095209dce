#pragma once
// The in-memory form of one questionnaire file (questionnaires/schema.json).
// One definition drives rendering, scoring, storage and export.

#include <optional>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace triad {

// Text in every language the instrument declares, keyed by BCP-47 code ("en", "nl").
class LocalizedText
{
public:
    LocalizedText() = default;
    explicit LocalizedText(QHash<QString, QString> byLanguage)
        : m_text(std::move(byLanguage))
    {}

    bool isEmpty() const { return m_text.isEmpty(); }
    bool has(const QString &language) const { return m_text.contains(language); }
    // The text in `language`, else in `fallback`, else any language, else empty.
    QString in(const QString &language, const QString &fallback = QStringLiteral("en")) const;
    QStringList languages() const { return m_text.keys(); }
    void set(const QString &language, const QString &text) { m_text.insert(language, text); }

private:
    QHash<QString, QString> m_text;
};

enum class Respondent {
    Child,
    Parent,
    Physio
};
QString respondentId(Respondent r);
std::optional<Respondent> respondentFromId(const QString &id);

// How a question is answered. Faces and Likert take whole numbers 1..points;
// the slider takes 0..100 and starts with no value; yes/no takes true/false.
enum class FormatKind {
    Likert,
    Faces,
    Slider,
    YesNo,
    FreeText
};
QString formatKindId(FormatKind k);
std::optional<FormatKind> formatKindFromId(const QString &id);

// The stored value of a "not yet / doesn't apply" answer, for every format that offers one.
// It is an answer (the respondent saw the item and said it does not apply), scored as missing.
constexpr int notApplicableValue = -1;

struct ResponseChoice
{
    int value = 0;           // 1..points
    LocalizedText label;     // shown under the choice
    LocalizedText readAloud; // spoken by the read-aloud button
};

struct ResponseFormat
{
    QString id;
    FormatKind kind = FormatKind::Likert;
    QVector<ResponseChoice> choices; // Likert, Faces, YesNo (yes = 1, no = 0)
    LocalizedText lowAnchor;         // Slider: words at 0
    LocalizedText highAnchor;        // Slider: words at 100
    int step = 1;                    // Slider: step between values (FHIR sliderStepValue)
    int maxLength = 0;               // FreeText
    // Likert, Faces, Slider: an extra "not yet / doesn't apply" answer (value -1), shown apart
    // from the scale and counted as missing; no value when the format does not offer one.
    std::optional<ResponseChoice> notApplicable;

    bool isScorable() const { return kind != FormatKind::FreeText; }
    // Lowest and highest value an answer can take (Slider 0..100, YesNo 0..1).
    double minValue() const;
    double maxValue() const;
};

// The Bordin alliance constructs every item maps onto, plus a facet from what
// children, parents and physios said matters (seed 000), so answers from the
// three respondents can be compared construct by construct.
enum class Construct {
    Goal,
    Task,
    Bond,
    Voice
};
QString constructId(Construct c);
std::optional<Construct> constructFromId(const QString &id);
QStringList knownFacets();
// The facets of the common triad core: each is worded the same from every viewpoint and
// appears exactly once on every Triad form, so child, parent and physio answer the same
// question. Each belongs to one construct.
QStringList coreFacets();
std::optional<Construct> coreFacetConstruct(const QString &facet);

struct Item
{
    QString id;
    LocalizedText text;
    LocalizedText readAloud;
    QString formatId;
    QString subscaleId; // empty: not scored (e.g. free text)
    Construct construct = Construct::Bond;
    QString facet; // one of knownFacets(), may be empty
    bool reverse = false;
    bool required = false;
    bool core = false;     // one of the common triad core items (needs a core facet)
    bool practice = false; // a practice question that teaches the answer format; never scored
};

enum class ScoreMethod {
    Sum,
    Mean
};

struct Psychometrics
{
    std::optional<double> sd;          // on the 0-100 scale
    std::optional<double> reliability; // e.g. Cronbach's alpha
    std::optional<double> cutoff;      // on the 0-100 scale; below = concern
    QString source;                    // where the figures come from
};

struct Subscale
{
    QString id;
    LocalizedText title;
    int maxMissing = 0; // answers that may be missing and prorated
    Psychometrics psychometrics;
    // False for a subscale about another relationship (e.g. the parent's own alliance with
    // the physio): its items count neither towards the total nor the construct scores.
    bool countsInTotal = true;
};

struct Scoring
{
    ScoreMethod method = ScoreMethod::Mean;
    int totalMaxMissing = 0;
    Psychometrics totalPsychometrics;
};

struct Licence
{
    QString holder; // "authored by Triad" for our own instruments
    QString source; // citation or URL for licensed instruments
    QString terms;  // free text: what the licence allows
};

struct AgeBand
{
    int minYears = 0;
    int maxYears = 0;
    bool contains(int years) const { return years >= minYears && years <= maxYears; }
};

struct Instrument
{
    QString id;
    QString version;
    QStringList languages; // every text must exist in each
    LocalizedText title;
    LocalizedText intro;
    LocalizedText introReadAloud;
    LocalizedText thanks;
    Respondent respondent = Respondent::Child;
    std::optional<AgeBand> ageBand; // child forms only
    Licence licence;
    bool readAloudAutomatically = false; // e.g. for children who cannot read yet
    QVector<ResponseFormat> formats;
    QVector<Subscale> subscales;
    QVector<Item> items;
    Scoring scoring;
    QString sourceFile; // the file name it was loaded from, for messages

    const ResponseFormat *format(const QString &formatId) const;
    const Subscale *subscale(const QString &subscaleId) const;
    const Item *item(const QString &itemId) const;
    // Items that count towards the total (scorable format and a subscale).
    QVector<const Item *> scoredItems() const;
    QVector<const Item *> itemsOf(const QString &subscaleId) const;
    // Scored items whose subscale counts towards the total (and the construct scores).
    QVector<const Item *> totalItems() const;
    // Scored items of the common triad core, in file order; empty for forms without a core.
    QVector<const Item *> coreItems() const;
};

} // namespace triad
