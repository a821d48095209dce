// What a clinic relies on in the questionnaires Triad ships: they load, every child age has
// exactly one form, goal/task/bond can be compared across child, parent and physio, children
// can have every question read aloud, everyone gets one private "unsaid" question that never
// counts, sliders start empty, and best/worst answers land at exactly 100 and 0.
#include "core/instrument/instrumentloader.h"
#include "core/instrument/scoring.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using namespace triad;

namespace {

const QString en = QStringLiteral("en");

// Shipped form id -> item id prefix (ids stay stable and say which form they belong to).
const QList<QPair<QString, QString>> shipped = {
    {QStringLiteral("triad-child-4to7"), QStringLiteral("c4-")},
    {QStringLiteral("triad-child-8to12"), QStringLiteral("c8-")},
    {QStringLiteral("triad-teen-13to17"), QStringLiteral("t-")},
    {QStringLiteral("triad-parent"), QStringLiteral("p-")},
    {QStringLiteral("triad-physio"), QStringLiteral("ph-")},
};

struct CountRange
{
    int minScored;
    int maxScored;
};

// Scored items per form: enough to cover goal, task and bond, few enough for the setting
// (a young child's attention; a physio standing for one minute).
const QHash<QString, CountRange> scoredRange = {
    {QStringLiteral("triad-child-4to7"), {3, 6}},    {QStringLiteral("triad-child-8to12"), {7, 10}},
    {QStringLiteral("triad-teen-13to17"), {10, 14}}, {QStringLiteral("triad-parent"), {10, 14}},
    {QStringLiteral("triad-physio"), {10, 13}},
};

QString problemsText(const QVector<LoadProblem> &problems)
{
    QStringList lines;
    for (const auto &p : problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

// The answer that scores highest (best = true) or lowest for an item, after its keying.
QVariant extremeAnswer(const ResponseFormat &format, bool high)
{
    switch (format.kind) {
    case FormatKind::Likert:
    case FormatKind::Faces:
        return high ? int(format.choices.size()) : 1;
    case FormatKind::Slider:
        return high ? 100.0 : 0.0;
    case FormatKind::YesNo:
        return high;
    case FormatKind::FreeText:
        break;
    }
    return {};
}

// Every scored item answered at its best (or worst) end, reverse keys taken into account.
Answers extremeAnswers(const Instrument &in, bool best)
{
    Answers answers;
    for (const Item *item : in.scoredItems())
        answers.set(item->id, extremeAnswer(*in.format(item->formatId), best != item->reverse));
    return answers;
}

QJsonObject readRaw(const QString &id)
{
    QFile file(QDir(QStringLiteral(TRIAD_QUESTIONNAIRES)).filePath(id + QStringLiteral(".json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestQuestionnaires : public QObject
{
    Q_OBJECT

    InstrumentLoader::Library m_library;

    const Instrument *instrument(const QString &id) const
    {
        for (const auto &in : m_library.instruments)
            if (in.id == id)
                return &in;
        return nullptr;
    }

    void addFormRows(const QString &except = {})
    {
        QTest::addColumn<QString>("id");
        for (const auto &form : shipped)
            if (form.first != except)
                QTest::newRow(qPrintable(form.first)) << form.first;
    }

private slots:
    void initTestCase()
    {
        m_library = InstrumentLoader::loadFolder(QStringLiteral(TRIAD_QUESTIONNAIRES));
    }

    void shippedFormsLoadWithoutProblems()
    {
        QVERIFY2(m_library.problems.isEmpty(), qPrintable(problemsText(m_library.problems)));
        QSet<QString> loaded;
        for (const auto &in : m_library.instruments)
            loaded.insert(in.id);
        for (const auto &form : shipped)
            QVERIFY2(loaded.contains(form.first), qPrintable(form.first + " did not load"));
    }

    void childAgeBandsCoverFourToSeventeenWithoutOverlap()
    {
        QVector<AgeBand> bands;
        for (const auto &in : m_library.instruments) {
            if (in.respondent != Respondent::Child)
                continue;
            QVERIFY2(in.ageBand.has_value(), qPrintable(in.id + " has no age band"));
            bands.append(*in.ageBand);
        }
        // Every age from 4 to 17 picks exactly one child form.
        for (int age = 4; age <= 17; ++age) {
            const auto matching = std::count_if(
                bands.begin(), bands.end(), [age](const AgeBand &b) { return b.contains(age); });
            QVERIFY2(
                matching == 1,
                qPrintable(QStringLiteral("age %1 matches %2 child forms").arg(age).arg(matching)));
        }
        QVERIFY(std::none_of(bands.begin(), bands.end(),
                             [](const AgeBand &b) { return b.contains(3) || b.contains(18); }));
    }

    void everyFormHasGoalTaskAndBondItems_data() { addFormRows(); }
    void everyFormHasGoalTaskAndBondItems()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        for (Construct c : {Construct::Goal, Construct::Task, Construct::Bond}) {
            const auto scored = in->scoredItems();
            const bool present = std::any_of(scored.begin(), scored.end(),
                                             [c](const Item *i) { return i->construct == c; });
            QVERIFY2(present, qPrintable(id + " has no scored " + constructId(c) + " item"));
        }
    }

    // Forms for readers share the facets the clinic compares across child, parent and physio.
    // The 4-7 form is exempt: four questions cannot carry them all.
    void readerFormsShareTheComparedFacets_data()
    {
        addFormRows(QStringLiteral("triad-child-4to7"));
    }
    void readerFormsShareTheComparedFacets()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        const QList<QPair<QString, Construct>> compared = {
            {QStringLiteral("listened-to"), Construct::Bond},
            {QStringLiteral("trust"), Construct::Bond},
            {QStringLiteral("fun"), Construct::Bond},
            {QStringLiteral("route-map"), Construct::Task},
            {QStringLiteral("exercises-make-sense"), Construct::Task},
            {QStringLiteral("agreed-goals"), Construct::Goal},
        };
        const auto scored = in->scoredItems();
        for (const auto &[facet, construct] : compared) {
            const bool present = std::any_of(scored.begin(), scored.end(), [&](const Item *i) {
                return i->facet == facet && i->construct == construct;
            });
            QVERIFY2(present, qPrintable(id + " has no scored " + constructId(construct) +
                                         " item on " + facet));
        }
    }

    void childFormsCanBeReadAloudCompletely()
    {
        int childForms = 0;
        for (const auto &in : m_library.instruments) {
            if (in.respondent != Respondent::Child)
                continue;
            ++childForms;
            QVERIFY2(!in.introReadAloud.in(en).isEmpty(), qPrintable(in.id));
            for (const auto &item : in.items)
                QVERIFY2(!item.readAloud.in(en).trimmed().isEmpty(),
                         qPrintable(in.id + ": " + item.id + " has no read-aloud text"));
            for (const auto &format : in.formats)
                if (format.kind == FormatKind::Faces)
                    for (const auto &choice : format.choices)
                        QVERIFY2(!choice.readAloud.in(en).isEmpty(),
                                 qPrintable(in.id + ": a face of " + format.id + " is silent"));
        }
        QCOMPARE(childForms, 3);
    }

    void childFormsHaveNoReverseKeyedItems()
    {
        for (const auto &in : m_library.instruments)
            if (in.respondent == Respondent::Child)
                for (const auto &item : in.items)
                    QVERIFY2(!item.reverse, qPrintable(in.id + ": " + item.id + " is reversed"));
    }

    void everyFormEndsWithOneOptionalUnscoredUnsaidItem_data() { addFormRows(); }
    void everyFormEndsWithOneOptionalUnscoredUnsaidItem()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        QVector<const Item *> unsaid;
        for (const auto &item : in->items)
            if (item.facet == QLatin1String("unsaid"))
                unsaid.append(&item);
        QCOMPARE(unsaid.size(), 1);
        const Item *item = unsaid.first();
        QCOMPARE(item->id, in->items.last().id);
        QCOMPARE(constructId(item->construct), QStringLiteral("voice"));
        QVERIFY(!item->required);
        QVERIFY(item->subscaleId.isEmpty());
        QVERIFY(!in->scoredItems().contains(item));
        // Readers write it; the 4-7 form asks yes/no so a non-reader can flag it.
        const FormatKind kind = in->format(item->formatId)->kind;
        if (id == QLatin1String("triad-child-4to7"))
            QCOMPARE(formatKindId(kind), formatKindId(FormatKind::YesNo));
        else
            QCOMPARE(formatKindId(kind), formatKindId(FormatKind::FreeText));
    }

    // A preset slider value would anchor every answer; the files must not carry one.
    void slidersStartEmpty_data() { addFormRows(); }
    void slidersStartEmpty()
    {
        QFETCH(QString, id);
        const QJsonObject raw = readRaw(id);
        QVERIFY2(!raw.isEmpty(), qPrintable(id + ".json could not be read"));
        const QSet<QString> allowed = {QStringLiteral("id"), QStringLiteral("kind"),
                                       QStringLiteral("lowAnchor"), QStringLiteral("highAnchor"),
                                       QStringLiteral("step")};
        for (const auto &value : raw.value(QLatin1String("responseFormats")).toArray()) {
            const QJsonObject format = value.toObject();
            if (format.value(QLatin1String("kind")).toString() != QLatin1String("slider"))
                continue;
            for (const QString &key : format.keys())
                QVERIFY2(allowed.contains(key),
                         qPrintable(id + ": slider key \"" + key + "\" could preset a value"));
        }
        const Instrument *in = instrument(id);
        QVERIFY(in);
        for (const auto &format : in->formats)
            if (format.kind == FormatKind::Slider) {
                QVERIFY(!format.lowAnchor.in(en).isEmpty());
                QVERIFY(!format.highAnchor.in(en).isEmpty());
            }
    }

    // Teens and parents answer on a slider: the headroom that keeps top scores informative.
    void teenAndParentFormsUseSliders()
    {
        for (const QString &id :
             {QStringLiteral("triad-teen-13to17"), QStringLiteral("triad-parent")}) {
            const Instrument *in = instrument(id);
            QVERIFY(in);
            for (const Item *item : in->scoredItems())
                QVERIFY2(in->format(item->formatId)->kind == FormatKind::Slider,
                         qPrintable(id + ": " + item->id));
        }
    }

    void itemCountsFitTheSetting_data() { addFormRows(); }
    void itemCountsFitTheSetting()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        const CountRange range = scoredRange.value(id);
        const int scored = int(in->scoredItems().size());
        QVERIFY2(scored >= range.minScored && scored <= range.maxScored,
                 qPrintable(QStringLiteral("%1 has %2 scored items, expected %3 to %4")
                                .arg(id)
                                .arg(scored)
                                .arg(range.minScored)
                                .arg(range.maxScored)));
        QCOMPARE(int(in->items.size()), scored + 1); // plus the unsaid item
    }

    void itemIdsAreUniqueAndPrefixed()
    {
        QSet<QString> seen;
        for (const auto &form : shipped) {
            const Instrument *in = instrument(form.first);
            QVERIFY(in);
            for (const auto &item : in->items) {
                QVERIFY2(item.id.startsWith(form.second),
                         qPrintable(form.first + ": " + item.id + " lacks " + form.second));
                QVERIFY2(!seen.contains(item.id), qPrintable(item.id + " is used twice"));
                seen.insert(item.id);
            }
        }
    }

    void bestAnswersScoreHundredEverywhere_data() { addFormRows(); }
    void bestAnswersScoreHundredEverywhere()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        const ScoreSet s = score(*in, extremeAnswers(*in, true));
        QVERIFY2(s.total.scorable, qPrintable(s.total.reason));
        QCOMPARE(s.total.normalised, 100.0);
        QCOMPARE(s.total.raw, s.total.maxPossible);
        QVERIFY(!s.total.prorated);
        QCOMPARE(s.subscales.size(), in->subscales.size());
        for (const auto &sub : s.subscales) {
            QVERIFY2(sub.scorable, qPrintable(sub.id + ": " + sub.reason));
            QCOMPARE(sub.normalised, 100.0);
        }
        QCOMPARE(s.constructs.size(), 3);
        for (const auto &c : s.constructs)
            QCOMPARE(c.normalised, 100.0);
    }

    void worstAnswersScoreZeroEverywhere_data() { addFormRows(); }
    void worstAnswersScoreZeroEverywhere()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        const ScoreSet s = score(*in, extremeAnswers(*in, false));
        QVERIFY2(s.total.scorable, qPrintable(s.total.reason));
        QCOMPARE(s.total.normalised, 0.0);
        QCOMPARE(s.total.raw, s.total.minPossible);
        for (const auto &sub : s.subscales)
            QCOMPARE(sub.normalised, 0.0);
        for (const auto &c : s.constructs)
            QCOMPARE(c.normalised, 0.0);
    }

    // Ticking the top of every scale is not a perfect score where a statement is reverse-keyed:
    // each reversed item counts 0, so the total is the share of forward items.
    void topOfEveryScaleCountsReversedItemsAsLow_data() { addFormRows(); }
    void topOfEveryScaleCountsReversedItemsAsLow()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        Answers answers;
        int reversed = 0;
        const auto scored = in->scoredItems();
        for (const Item *item : scored) {
            answers.set(item->id, extremeAnswer(*in->format(item->formatId), true));
            reversed += item->reverse ? 1 : 0;
        }
        const ScoreSet s = score(*in, answers);
        QVERIFY(s.total.scorable);
        QCOMPARE(s.total.normalised, 100.0 * (scored.size() - reversed) / scored.size());
        // Our adult forms carry exactly one reversed statement; child forms none.
        QCOMPARE(reversed, in->respondent == Respondent::Child ? 0 : 1);
    }

    // The private note is never part of a score, whatever is written in it.
    void unsaidAnswerLeavesScoresAlone_data() { addFormRows(); }
    void unsaidAnswerLeavesScoresAlone()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        Answers answers = extremeAnswers(*in, false);
        const Item &unsaid = in->items.last();
        const bool yesNo = in->format(unsaid.formatId)->kind == FormatKind::YesNo;
        answers.set(unsaid.id, yesNo ? QVariant(true) : QVariant(QStringLiteral("Statement 1")));
        QVERIFY(Answers::problemWith(*in, unsaid.id, answers.value(unsaid.id)).isEmpty());
        const ScoreSet s = score(*in, answers);
        QCOMPARE(s.total.normalised, 0.0);
        QCOMPARE(s.total.answered, int(in->scoredItems().size()));
    }

    // A missed question or two still gives a score (prorated), as each file promises.
    void oneMissedAnswerIsProrated_data() { addFormRows(); }
    void oneMissedAnswerIsProrated()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        Answers answers = extremeAnswers(*in, true);
        answers.clear(in->scoredItems().first()->id);
        const ScoreSet s = score(*in, answers);
        QVERIFY2(s.total.scorable, qPrintable(s.total.reason));
        QVERIFY(s.total.prorated);
        QCOMPARE(s.total.normalised, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestQuestionnaires)
#include "tst_questionnaires.moc"
