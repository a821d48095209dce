// What a clinic relies on in the questionnaires Triad ships: they load, every child age has
// exactly one form, goal/task/bond can be compared across child, parent and physio, children
// can have every question read aloud, everyone gets one private "unsaid" question that never
// counts, sliders start empty, and best/worst answers land at exactly 100 and 0.
#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/instrumentloader.h"
#include "core/instrument/scoring.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
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

    // A clinic's own forms load beside the installed ones (the installed folder is read-only on
    // a kiosk tablet); a clinic copy of an installed form's id is refused with a problem naming
    // the file, never offered as a second current version.
    void clinicFormsLoadBesideTheInstalledOnes()
    {
        QTemporaryDir clinic;
        QVERIFY(clinic.isValid());
        QFile parent(QStringLiteral(TRIAD_QUESTIONNAIRES "/triad-parent.json"));
        QVERIFY(parent.open(QIODevice::ReadOnly));
        QJsonObject form = QJsonDocument::fromJson(parent.readAll()).object();
        const auto write = [&](const QString &name, const QJsonObject &json) {
            QFile f(clinic.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(json).toJson()) > 0;
        };
        const QString installedVersion = form.value(QStringLiteral("version")).toString();
        QJsonObject copy = form; // a clinic copy of ours, in a version of its own
        copy.insert(QStringLiteral("version"), QStringLiteral("9.9.9"));
        QVERIFY(write(QStringLiteral("triad-parent.json"), copy));
        form.insert(QStringLiteral("id"), QStringLiteral("clinic-own-parent-form"));
        QVERIFY(write(QStringLiteral("clinic-own-parent-form.json"), form));
        qputenv("TRIAD_QUESTIONNAIRES", TRIAD_QUESTIONNAIRES);
        qputenv("TRIAD_CLINIC_FORMS", clinic.path().toUtf8());
        const InstrumentLibrary library = InstrumentLibrary::loadDefault();
        qunsetenv("TRIAD_CLINIC_FORMS");
        qunsetenv("TRIAD_QUESTIONNAIRES");
        QCOMPARE(library.clinicFormsFolder(), QDir(clinic.path()).absolutePath());
        QVERIFY(library.find(QStringLiteral("clinic-own-parent-form")));
        QCOMPARE(library.instruments().size(), m_library.instruments.size() + 1);
        // The installed parent form is still the one new rounds use.
        QCOMPARE(library.formFor(Respondent::Parent)->version, installedVersion);
        QVERIFY(!library.find(QStringLiteral("triad-parent"), QStringLiteral("9.9.9")));
        QCOMPARE(library.problems().size(), 1);
        QCOMPARE(library.problems().first().file, QStringLiteral("triad-parent.json"));
        QVERIFY2(library.problems().first().message.contains(
                     QStringLiteral("already a form of this tablet")),
                 qPrintable(library.problems().first().message));
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

    // The common core: every form asks each core facet exactly once, on a scored, forward-keyed
    // item of the facet's construct, so child, parent and physio answer the same questions.
    void everyFormCarriesEachCoreFacetOnce_data() { addFormRows(); }
    void everyFormCarriesEachCoreFacetOnce()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        QCOMPARE(in->version, QStringLiteral("2.0.0"));
        for (const QString &facet : coreFacets()) {
            int count = 0;
            for (const Item *item : in->coreItems()) {
                if (item->facet != facet)
                    continue;
                ++count;
                QCOMPARE(constructId(item->construct),
                         constructId(*coreFacetConstruct(item->facet)));
                QVERIFY(!item->reverse);
            }
            QVERIFY2(
                count == 1,
                qPrintable(
                    QStringLiteral("%1 asks core facet %2 %3 times").arg(id, facet).arg(count)));
        }
        QCOMPARE(int(in->coreItems().size()), int(coreFacets().size()));
        // Core items count towards the total: they are about the child and the physio.
        for (const Item *item : in->coreItems())
            QVERIFY(in->subscale(item->subscaleId)->countsInTotal);
    }

    // Parent and physio answer the core in the same words: only "{physio}" becomes "me".
    void parentAndPhysioCoreItemsMirror()
    {
        const Instrument *parent = instrument(QStringLiteral("triad-parent"));
        const Instrument *physio = instrument(QStringLiteral("triad-physio"));
        QVERIFY(parent && physio);
        for (const Item *p : parent->coreItems()) {
            const Item *mirror = nullptr;
            for (const Item *ph : physio->coreItems())
                if (ph->facet == p->facet)
                    mirror = ph;
            QVERIFY(mirror);
            QCOMPARE(mirror->text.in(en),
                     p->text.in(en).replace(QStringLiteral("{physio}"), QStringLiteral("me")));
        }
    }

    // The parent's own relationship with the physio, and the physio's with the parent, are
    // separate scores that never enter the total: one question each side, in the same order.
    void parentRelationshipIsItsOwnScore()
    {
        const Instrument *parent = instrument(QStringLiteral("triad-parent"));
        const Instrument *physio = instrument(QStringLiteral("triad-physio"));
        QVERIFY(parent && physio);
        const auto mine = parent->itemsOf(QStringLiteral("with-physio"));
        const auto theirs = physio->itemsOf(QStringLiteral("with-parent"));
        QCOMPARE(mine.size(), theirs.size());
        QVERIFY(!mine.isEmpty());
        for (int i = 0; i < mine.size(); ++i) {
            QCOMPARE(mine[i]->facet, theirs[i]->facet);
            QCOMPARE(mine[i]->construct, theirs[i]->construct);
            QVERIFY(!parent->totalItems().contains(mine[i]));
            QVERIFY(!physio->totalItems().contains(theirs[i]));
        }
        // No parent came: the physio's parent items do not apply, and the total is untouched.
        Answers answers = extremeAnswers(*physio, true);
        for (const Item *item : theirs)
            answers.set(item->id, notApplicableValue);
        const ScoreSet s = score(*physio, answers);
        QCOMPARE(s.total.normalised, 100.0);
        QVERIFY(!s.total.prorated);
        QVERIFY(!s.subscale(QStringLiteral("with-parent"))->scorable);
    }

    // What is spoken is what is on the screen; an example or instruction may follow it.
    void spokenTextStartsWithTheScreenText_data() { addFormRows(); }
    void spokenTextStartsWithTheScreenText()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        auto check = [&](const LocalizedText &screen, const LocalizedText &spoken,
                         const QString &where) {
            if (spoken.isEmpty())
                return true; // nothing read aloud: the screen text is all there is
            const QString shown = screen.in(en);
            const QString said = spoken.in(en);
            // "No" may be said as "No. The sad face.": the words shown, then more after them.
            const bool same = said == shown || said == shown + QLatin1Char('.') ||
                              (said.startsWith(shown) &&
                               (said.mid(shown.size()).startsWith(QLatin1Char(' ')) ||
                                said.mid(shown.size()).startsWith(QLatin1String(". "))));
            if (!same)
                qWarning("%s: %s\n  shown: %s\n  said:  %s", qPrintable(id), qPrintable(where),
                         qPrintable(shown), qPrintable(said));
            return same;
        };
        QVERIFY(check(in->intro, in->introReadAloud, QStringLiteral("intro")));
        for (const auto &item : in->items)
            QVERIFY(check(item.text, item.readAloud, item.id));
        for (const auto &format : in->formats) {
            for (const auto &choice : format.choices)
                QVERIFY(check(choice.label, choice.readAloud, format.id));
            if (format.notApplicable)
                QVERIFY(check(format.notApplicable->label, format.notApplicable->readAloud,
                              format.id + QStringLiteral(".notApplicable")));
        }
    }

    // Everyone hears the same honest-answer instruction, in their age's words; no form tells
    // one respondent something about low answers that another is not told.
    void sameHonestAnswerInstructionEverywhere()
    {
        const QHash<QString, QString> instruction = {
            {QStringLiteral("triad-child-4to7"),
             QStringLiteral("Any face is fine, even the sad one.")},
            {QStringLiteral("triad-child-8to12"),
             QStringLiteral("Any face is fine, even a sad one: true answers help most.")},
            {QStringLiteral("triad-teen-13to17"),
             QStringLiteral("Any answer is fine, including low ones: true answers help most.")},
            {QStringLiteral("triad-parent"),
             QStringLiteral("Any answer is fine, including low ones: true answers help most.")},
            {QStringLiteral("triad-physio"),
             QStringLiteral("Any answer is fine, including low ones: true answers help most.")},
        };
        for (const auto &form : shipped) {
            const Instrument *in = instrument(form.first);
            QVERIFY(in);
            QVERIFY2(in->intro.in(en).contains(instruction.value(form.first)),
                     qPrintable(form.first));
            QVERIFY2(!in->intro.in(en).contains(QStringLiteral("top marks")) &&
                         !in->intro.in(en).contains(QStringLiteral("habitual")),
                     qPrintable(form.first));
        }
    }

    // A promise that answers stay private is qualified: safeguarding can require sharing.
    void privacyPromisesNameTheSafetyException()
    {
        for (const auto &form : shipped) {
            const Instrument *in = instrument(form.first);
            QVERIFY(in);
            const QString intro = in->intro.in(en);
            if (intro.contains(QStringLiteral("will not see")) ||
                intro.contains(QStringLiteral("will not.")) ||
                intro.contains(QStringLiteral("will not;")))
                QVERIFY2(intro.contains(QStringLiteral("safety")), qPrintable(form.first));
        }
    }

    // Wording fits every condition (short-term injuries, cerebral palsy, hypermobility) and
    // asks one plain question: no recovery assumed, no "if", no idioms found in the review.
    void wordingIsConditionNeutralAndPlain_data() { addFormRows(); }
    void wordingIsConditionNeutralAndPlain()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        const QStringList banned = {QStringLiteral("again"),   QStringLiteral("getting better"),
                                    QStringLiteral("recover"), QStringLiteral("get a say"),
                                    QStringLiteral("back to"), QStringLiteral(" if "),
                                    QStringLiteral("If you"),  QStringLiteral("your pain")};
        QStringList texts = {in->intro.in(en), in->introReadAloud.in(en)};
        for (const auto &item : in->items)
            texts << item.text.in(en) << item.readAloud.in(en);
        for (const QString &text : texts)
            for (const QString &word : banned)
                QVERIFY2(
                    !text.contains(word, Qt::CaseInsensitive) ||
                        (word == QLatin1String(" if ") && text.contains(QStringLiteral("safety"))),
                    qPrintable(id + ": \"" + word + "\" in: " + text));
        // Items: one question each (one question mark at most, no "and/or" choice of two).
        for (const auto &item : in->items)
            QVERIFY2(item.text.in(en).count(QLatin1Char('?')) <= 1 &&
                         !item.text.in(en).contains(QStringLiteral(" and/or ")),
                     qPrintable(item.id));
    }

    // Goal and task can fail to apply (no aim agreed yet, no exercises yet): those core items
    // offer "not yet / doesn't apply", which scores as missing.
    void goalAndTaskCoreItemsOfferNotYet_data() { addFormRows(); }
    void goalAndTaskCoreItemsOfferNotYet()
    {
        QFETCH(QString, id);
        const Instrument *in = instrument(id);
        QVERIFY(in);
        for (const Item *item : in->coreItems()) {
            const bool offers = in->format(item->formatId)->notApplicable.has_value();
            QCOMPARE(offers, item->construct != Construct::Bond);
        }
    }

    // The 4-7 form starts with one practice question that teaches the faces, is never scored,
    // and asks about the not-so-good bit apart from the unsaid question, both as yes/no.
    void youngestFormPractisesFirst()
    {
        const Instrument *in = instrument(QStringLiteral("triad-child-4to7"));
        QVERIFY(in);
        const Item &first = in->items.first();
        QVERIFY(first.practice);
        QVERIFY(first.subscaleId.isEmpty());
        QVERIFY(!in->scoredItems().contains(&first));
        QCOMPARE(in->format(first.formatId)->kind, FormatKind::Faces);
        QVERIFY(first.readAloud.in(en).contains(QStringLiteral("happy face")));
        int practice = 0;
        for (const auto &item : in->items)
            practice += item.practice ? 1 : 0;
        QCOMPARE(practice, 1);
        const Item *notSoGood = in->item(QStringLiteral("c4-not-so-good"));
        QVERIFY(notSoGood);
        QVERIFY(notSoGood->subscaleId.isEmpty());
        QCOMPARE(in->format(notSoGood->formatId)->kind, FormatKind::YesNo);
        // Answering the practice question changes no score.
        Answers answers = extremeAnswers(*in, false);
        answers.set(first.id, 3);
        QCOMPARE(score(*in, answers).total.normalised, 0.0);
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
        QVERIFY(!unsaid.first()->text.in(en).contains(QStringLiteral(" not ")) ||
                id == QLatin1String("triad-physio")); // positive wording for families
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
        // "notApplicable" is an answer apart from the line, not a position on it.
        const QSet<QString> allowed = {
            QStringLiteral("id"),         QStringLiteral("kind"), QStringLiteral("lowAnchor"),
            QStringLiteral("highAnchor"), QStringLiteral("step"), QStringLiteral("notApplicable")};
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
        // Every other item is unscored on purpose: the voice questions and the practice item.
        for (const auto &item : in->items)
            if (!in->scoredItems().contains(&item))
                QVERIFY2(item.practice || item.construct == Construct::Voice, qPrintable(item.id));
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
        QVERIFY(s.core.scorable);
        QCOMPARE(s.core.normalised, 100.0);
        QCOMPARE(s.coreConstructs.size(), 3);
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
        QCOMPARE(s.core.normalised, 0.0);
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
        // 2.x forms carry no reversed statement: on three-item subscales one misreading moved a
        // score by up to 67 points, and the core must not depend on one.
        QCOMPARE(reversed, 0);
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
        QCOMPARE(s.total.answered, int(in->totalItems().size()));
    }

    // Stored 1.x responses keep their version: the library still has the 1.0.0 files (in
    // questionnaires/archive/1.0.0) and scores a 1.0.0 response exactly as 1.0.0 always did.
    void versionOneResponsesScoreAsBefore()
    {
        const InstrumentLibrary library =
            InstrumentLibrary::loadFrom(QStringLiteral(TRIAD_QUESTIONNAIRES));
        QVERIFY2(library.problems().isEmpty(), qPrintable(problemsText(library.problems())));
        QCOMPARE(library.archived().size(), 5);
        QCOMPARE(library.find(QStringLiteral("triad-parent"))->version, QStringLiteral("2.0.0"));
        const Instrument *v1 =
            library.find(QStringLiteral("triad-parent"), QStringLiteral("1.0.0"));
        QVERIFY(v1);
        QVERIFY(!library.find(QStringLiteral("triad-parent"), QStringLiteral("1.1.0")));

        // Sliders at 60, the reversed p-unclear at 30 (keyed 70), p-c-goal not answered.
        Answers a;
        for (const Item *item : v1->scoredItems())
            a.set(item->id, 60.0);
        a.set(QStringLiteral("p-unclear"), 30.0);
        a.clear(QStringLiteral("p-c-goal"));
        const ScoreSet s = score(*v1, a);
        QCOMPARE(s.instrumentVersion, QStringLiteral("1.0.0"));
        // Total: the 1.0.0 total pooled all 12 items: (10 x 60 + 70) / 11 answered.
        QVERIFY(s.total.scorable);
        QCOMPARE(s.total.itemCount, 12);
        QVERIFY(qFuzzyCompare(s.total.normalised, 670.0 / 11));
        QVERIFY(s.total.prorated);
        QVERIFY(qFuzzyCompare(s.subscale(QStringLiteral("task"))->normalised, 190.0 / 3));
        QCOMPARE(s.subscale(QStringLiteral("child"))->normalised, 60.0);
        // Constructs pooled across subscales in 1.0.0: task = timeline, home, unclear, c-sense.
        QCOMPARE(s.construct(QStringLiteral("task"))->normalised, 62.5);
        QCOMPARE(s.construct(QStringLiteral("task"))->itemCount, 4);
        QCOMPARE(s.construct(QStringLiteral("bond"))->normalised, 60.0);
        QCOMPARE(s.construct(QStringLiteral("goal"))->itemCount, 3);
        // No core in 1.0.0, and nothing new in the stored JSON.
        QVERIFY(!s.hasCore());
        QVERIFY(!s.toJson().contains(QStringLiteral("core")));

        // The youngest form: faces 3, 2, 3, 1 -> 100, 50, 100, 0 -> 62.5.
        const Instrument *c4 =
            library.find(QStringLiteral("triad-child-4to7"), QStringLiteral("1.0.0"));
        QVERIFY(c4);
        Answers young;
        young.set(QStringLiteral("c4-fun"), 3);
        young.set(QStringLiteral("c4-listened"), 2);
        young.set(QStringLiteral("c4-exercises"), 3);
        young.set(QStringLiteral("c4-goal"), 1);
        young.set(QStringLiteral("c4-unsaid"), true);
        QCOMPARE(score(*c4, young).total.normalised, 62.5);
        QCOMPARE(score(*c4, young).subscale(QStringLiteral("alliance"))->normalised, 62.5);
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
