// Scoring rules with hand-computed expectations (the arithmetic is in each comment).
#include "core/instrument/scoring.h"

#include <QtTest>

using namespace triad;

namespace {

LocalizedText en(const QString &s)
{
    return LocalizedText({{QStringLiteral("en"), s}});
}

ResponseFormat choices(const QString &id, FormatKind kind, int points)
{
    ResponseFormat f;
    f.id = id;
    f.kind = kind;
    for (int v = 1; v <= points; ++v)
        f.choices.append({v, en(QStringLiteral("Point %1").arg(v)), {}});
    return f;
}

ResponseFormat simple(const QString &id, FormatKind kind)
{
    ResponseFormat f;
    f.id = id;
    f.kind = kind;
    if (kind == FormatKind::YesNo)
        f.choices = {{1, en(QStringLiteral("Yes")), {}}, {0, en(QStringLiteral("No")), {}}};
    return f;
}

Item item(const QString &id, const QString &format, const QString &subscale,
          Construct c = Construct::Bond, bool reverse = false)
{
    Item i;
    i.id = id;
    i.text = en(QStringLiteral("Statement ") + id);
    i.formatId = format;
    i.subscaleId = subscale;
    i.construct = c;
    i.reverse = reverse;
    return i;
}

// Four 5-point Likert items q1..q4 in one subscale "s".
Instrument fourLikert(ScoreMethod method, int maxMissing = 0)
{
    Instrument in;
    in.id = QStringLiteral("test-four");
    in.version = QStringLiteral("1.0.0");
    in.formats = {choices(QStringLiteral("l5"), FormatKind::Likert, 5)};
    in.subscales = {{QStringLiteral("s"), en(QStringLiteral("S")), maxMissing, {}}};
    for (int i = 1; i <= 4; ++i)
        in.items.append(
            item(QStringLiteral("q%1").arg(i), QStringLiteral("l5"), QStringLiteral("s")));
    in.scoring.method = method;
    in.scoring.totalMaxMissing = maxMissing;
    return in;
}

// A 2.x-shaped form: six core items (two per construct) on a 5-point scale with a "not yet"
// answer, one plain item y1 in the same subscale, and x1 about another relationship.
Instrument coreForm()
{
    Instrument in;
    in.id = QStringLiteral("test-core");
    in.version = QStringLiteral("2.0.0");
    ResponseFormat f = choices(QStringLiteral("l5"), FormatKind::Likert, 5);
    f.notApplicable = ResponseChoice{notApplicableValue, en(QStringLiteral("Not yet")), {}};
    in.formats = {f};
    Subscale other{QStringLiteral("parent"), en(QStringLiteral("Other")), 0, {}};
    other.countsInTotal = false;
    in.subscales = {{QStringLiteral("alliance"), en(QStringLiteral("Alliance")), 2, {}}, other};
    const std::pair<const char *, Construct> core[] = {
        {"g1", Construct::Goal}, {"g2", Construct::Goal}, {"t1", Construct::Task},
        {"t2", Construct::Task}, {"b1", Construct::Bond}, {"b2", Construct::Bond}};
    for (const auto &[id, c] : core) {
        Item i = item(QString::fromLatin1(id), QStringLiteral("l5"), QStringLiteral("alliance"), c);
        i.core = true;
        in.items.append(i);
    }
    in.items.append(item(QStringLiteral("y1"), QStringLiteral("l5"), QStringLiteral("alliance"),
                         Construct::Bond));
    in.items.append(item(QStringLiteral("x1"), QStringLiteral("l5"), QStringLiteral("parent"),
                         Construct::Bond));
    in.scoring.method = ScoreMethod::Mean;
    in.scoring.totalMaxMissing = 1;
    return in;
}

Answers answers(std::initializer_list<std::pair<const char *, QVariant>> values)
{
    Answers a;
    for (const auto &[id, v] : values)
        a.set(QString::fromLatin1(id), v);
    return a;
}

// Shaped like a licensed 12-item, 5-point instrument with a Goal/Task/Bond key:
// Task 1,2,10,12; Bond 3,5,7,9; Goal 4,6,8,11; summed. Neutral placeholder wording.
Instrument licensedShape()
{
    Instrument in;
    in.id = QStringLiteral("licensed-12-item");
    in.version = QStringLiteral("1.0.0");
    in.formats = {choices(QStringLiteral("l5"), FormatKind::Likert, 5)};
    in.subscales = {{QStringLiteral("task"), en(QStringLiteral("Task")), 1, {}},
                    {QStringLiteral("bond"), en(QStringLiteral("Bond")), 1, {}},
                    {QStringLiteral("goal"), en(QStringLiteral("Goal")), 1, {}}};
    const QHash<int, QString> key{{1, "task"}, {2, "task"}, {10, "task"}, {12, "task"},
                                  {3, "bond"}, {5, "bond"}, {7, "bond"},  {9, "bond"},
                                  {4, "goal"}, {6, "goal"}, {8, "goal"},  {11, "goal"}};
    for (int i = 1; i <= 12; ++i) {
        const QString sub = key.value(i);
        const Construct c = sub == QLatin1String("task")   ? Construct::Task
                            : sub == QLatin1String("goal") ? Construct::Goal
                                                           : Construct::Bond;
        in.items.append(item(QStringLiteral("s%1").arg(i), QStringLiteral("l5"), sub, c));
    }
    in.scoring.method = ScoreMethod::Sum;
    in.scoring.totalMaxMissing = 2;
    return in;
}

} // namespace

class TestScoring : public QObject
{
    Q_OBJECT
private slots:
    void sumOfLikert()
    {
        // 1+2+3+4 = 10, possible 4..20, normalised (10-4)/16*100 = 37.5
        const auto s = score(fourLikert(ScoreMethod::Sum),
                             answers({{"q1", 1}, {"q2", 2}, {"q3", 3}, {"q4", 4}}));
        QVERIFY(s.total.scorable);
        QCOMPARE(s.total.raw, 10.0);
        QCOMPARE(s.total.minPossible, 4.0);
        QCOMPARE(s.total.maxPossible, 20.0);
        QCOMPARE(s.total.normalised, 37.5);
        QVERIFY(!s.total.prorated);
        QCOMPARE(s.subscale(QStringLiteral("s"))->raw, 10.0);
    }

    void meanOfLikert()
    {
        // (1+2+3+4)/4 = 2.5 on 1..5; normalised (2.5-1)/4*100 = 37.5
        const auto s = score(fourLikert(ScoreMethod::Mean),
                             answers({{"q1", 1}, {"q2", 2}, {"q3", 3}, {"q4", 4}}));
        QCOMPARE(s.total.raw, 2.5);
        QCOMPARE(s.total.minPossible, 1.0);
        QCOMPARE(s.total.maxPossible, 5.0);
        QCOMPARE(s.total.normalised, 37.5);
    }

    void reverseKeyedItem()
    {
        // q2 reversed: 2 -> 1+5-2 = 4; sum 1+4+3+4 = 12; normalised (12-4)/16*100 = 50
        auto in = fourLikert(ScoreMethod::Sum);
        in.items[1].reverse = true;
        const auto s = score(in, answers({{"q1", 1}, {"q2", 2}, {"q3", 3}, {"q4", 4}}));
        QCOMPARE(s.total.raw, 12.0);
        QCOMPARE(s.total.normalised, 50.0);
        QCOMPARE(*itemValue(in, in.items[1], answers({{"q2", 2}})), 75.0);
    }

    void prorationWithinAllowance()
    {
        // q3 missing, one allowed: sum 2+4+5 = 11 prorated to 11*4/3 = 14.6667;
        // normalised mean of 25, 75, 100 = 66.6667 = (14.6667-4)/16*100
        const auto s =
            score(fourLikert(ScoreMethod::Sum, 1), answers({{"q1", 2}, {"q2", 4}, {"q4", 5}}));
        QVERIFY(s.total.scorable);
        QVERIFY(s.total.prorated);
        QCOMPARE(s.total.answered, 3);
        QVERIFY(qFuzzyCompare(s.total.raw, 44.0 / 3.0));
        QVERIFY(qFuzzyCompare(s.total.normalised, 200.0 / 3.0));
        QVERIFY(qFuzzyCompare((s.total.raw - 4) / 16 * 100, s.total.normalised));
        // The mean of what was answered: 11/3 on 1..5
        const auto m =
            score(fourLikert(ScoreMethod::Mean, 1), answers({{"q1", 2}, {"q2", 4}, {"q4", 5}}));
        QVERIFY(qFuzzyCompare(m.total.raw, 11.0 / 3.0));
    }

    void tooManyMissingIsNotScorable()
    {
        const auto s = score(fourLikert(ScoreMethod::Sum, 1), answers({{"q1", 2}, {"q4", 5}}));
        QVERIFY(!s.total.scorable);
        QCOMPARE(s.total.reason,
                 QStringLiteral("2 of 4 answers missing; at most 1 may be missing"));
        const auto none = score(fourLikert(ScoreMethod::Sum, 3), Answers());
        QVERIFY(!none.total.scorable);
        QCOMPARE(none.total.reason, QStringLiteral("no answers"));
        QCOMPARE(
            none.toJson()[QStringLiteral("total")].toObject()[QStringLiteral("reason")].toString(),
            QStringLiteral("no answers"));
    }

    void facesAndSliderAndYesNoNormalise()
    {
        Instrument in;
        in.id = QStringLiteral("mixed");
        in.formats = {choices(QStringLiteral("f3"), FormatKind::Faces, 3),
                      choices(QStringLiteral("f5"), FormatKind::Faces, 5),
                      simple(QStringLiteral("vas"), FormatKind::Slider),
                      simple(QStringLiteral("yn"), FormatKind::YesNo),
                      simple(QStringLiteral("txt"), FormatKind::FreeText)};
        in.subscales = {{QStringLiteral("a"), en(QStringLiteral("A")), 0, {}},
                        {QStringLiteral("b"), en(QStringLiteral("B")), 0, {}}};
        in.items = {item(QStringLiteral("face3"), QStringLiteral("f3"), QStringLiteral("a")),
                    item(QStringLiteral("face5"), QStringLiteral("f5"), QStringLiteral("a")),
                    item(QStringLiteral("slider"), QStringLiteral("vas"), QStringLiteral("b")),
                    item(QStringLiteral("yes"), QStringLiteral("yn"), QStringLiteral("b")),
                    item(QStringLiteral("note"), QStringLiteral("txt"), QString())};
        in.scoring.method = ScoreMethod::Mean;
        const auto a = answers({{"face3", 2},
                                {"face5", 4},
                                {"slider", 37.0},
                                {"yes", true},
                                {"note", QStringLiteral("free text is never scored")}});
        // face3 = 2 on 1..3 -> 50; face5 = 4 on 1..5 -> 75; slider 37 -> 37; yes -> 100
        QCOMPARE(*itemValue(in, in.items[0], a), 50.0);
        QCOMPARE(*itemValue(in, in.items[1], a), 75.0);
        QCOMPARE(*itemValue(in, in.items[2], a), 37.0);
        QCOMPARE(*itemValue(in, in.items[3], a), 100.0);
        QVERIFY(!itemValue(in, in.items[4], a));
        const auto s = score(in, a);
        QCOMPARE(s.total.itemCount, 4); // the free-text item does not count
        QCOMPARE(s.total.normalised, (50.0 + 75.0 + 37.0 + 100.0) / 4);
        QCOMPARE(s.subscale(QStringLiteral("a"))->normalised, 62.5);
        QCOMPARE(s.subscale(QStringLiteral("b"))->normalised, 68.5);
        // slider minimum and maximum
        QCOMPARE(*itemValue(in, in.items[2], answers({{"slider", 0.0}})), 0.0);
        QCOMPARE(*itemValue(in, in.items[2], answers({{"slider", 100.0}})), 100.0);
    }

    void licensedTwelveItemKey()
    {
        // Answers 1,2,3,4,5,1,2,3,4,5,1,2 to items 1..12.
        // Task 1,2,10,12 = 1+2+5+2 = 10; Bond 3,5,7,9 = 3+5+2+4 = 14;
        // Goal 4,6,8,11 = 4+1+3+1 = 9; total 33 on 12..60.
        const auto in = licensedShape();
        Answers a;
        for (int i = 1; i <= 12; ++i)
            a.set(QStringLiteral("s%1").arg(i), (i - 1) % 5 + 1);
        const auto s = score(in, a);
        QCOMPARE(s.total.raw, 33.0);
        QCOMPARE(s.total.minPossible, 12.0);
        QCOMPARE(s.total.maxPossible, 60.0);
        QCOMPARE(s.total.normalised, 43.75); // (33-12)/48*100
        QCOMPARE(s.subscale(QStringLiteral("task"))->raw, 10.0);
        QCOMPARE(s.subscale(QStringLiteral("bond"))->raw, 14.0);
        QCOMPARE(s.subscale(QStringLiteral("goal"))->raw, 9.0);
        QCOMPARE(s.subscale(QStringLiteral("task"))->normalised, 37.5);  // (10-4)/16
        QCOMPARE(s.subscale(QStringLiteral("bond"))->normalised, 62.5);  // (14-4)/16
        QCOMPARE(s.subscale(QStringLiteral("goal"))->normalised, 31.25); // (9-4)/16
        QCOMPARE(s.construct(QStringLiteral("goal"))->normalised, 31.25);

        // Item 7 missing: bond prorated (3+5+4)*4/3 = 16; total 31*12/11.
        a.clear(QStringLiteral("s7"));
        const auto p = score(in, a);
        QCOMPARE(p.subscale(QStringLiteral("bond"))->raw, 16.0);
        QVERIFY(p.subscale(QStringLiteral("bond"))->prorated);
        QVERIFY(qFuzzyCompare(p.total.raw, 31.0 * 12.0 / 11.0));
        // Items 3 and 7 missing: bond has 2 of 4 missing, only 1 allowed.
        a.clear(QStringLiteral("s3"));
        const auto q = score(in, a);
        QVERIFY(!q.subscale(QStringLiteral("bond"))->scorable);
        QVERIFY(q.total.scorable); // 2 missing of 12, 2 allowed
    }

    void constructScoresAcrossSubscales()
    {
        // Constructs cut across subscales: goal = s4,s6,s8,s11 regardless of subscale name.
        auto in = licensedShape();
        for (auto &i : in.items)
            i.subscaleId = QStringLiteral("task"); // one subscale for all
        in.subscales = {{QStringLiteral("task"), en(QStringLiteral("All")), 0, {}}};
        Answers a;
        for (int i = 1; i <= 12; ++i)
            a.set(QStringLiteral("s%1").arg(i), 5);
        a.set(QStringLiteral("s4"), 1);
        const auto s = score(in, a);
        // goal items 5,5,5 and 1 -> percents 100,100,100,0 -> 75
        QCOMPARE(s.construct(QStringLiteral("goal"))->normalised, 75.0);
        QCOMPARE(s.construct(QStringLiteral("bond"))->normalised, 100.0);
        QVERIFY(!s.construct(QStringLiteral("voice")));
    }

    void answersAreCheckedAgainstTheFormat()
    {
        const auto in = fourLikert(ScoreMethod::Sum);
        QVERIFY(!Answers::problemWith(in, QStringLiteral("q1"), 6).isEmpty());
        QVERIFY(!Answers::problemWith(in, QStringLiteral("q1"), 0).isEmpty());
        QVERIFY(!Answers::problemWith(in, QStringLiteral("q1"), 2.5).isEmpty());
        QVERIFY(!Answers::problemWith(in, QStringLiteral("q1"), QStringLiteral("3")).isEmpty());
        QVERIFY(!Answers::problemWith(in, QStringLiteral("nope"), 3).isEmpty());
        QVERIFY(Answers::problemWith(in, QStringLiteral("q1"), 5).isEmpty());

        QStringList problems;
        const QJsonObject json{{QStringLiteral("instrument"), QStringLiteral("test-four")},
                               {QStringLiteral("answers"), QJsonObject{{QStringLiteral("q1"), 9},
                                                                       {QStringLiteral("q2"), 3},
                                                                       {QStringLiteral("q9"), 1}}}};
        QVERIFY(!Answers::fromJson(json, in, &problems));
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.join('\n').contains(QStringLiteral("answers.q1: 9 is outside 1 to 5")));
        QVERIFY(problems.join('\n').contains(QStringLiteral("answers.q9")));

        problems.clear();
        const QJsonObject good{
            {QStringLiteral("answers"),
             QJsonObject{{QStringLiteral("q1"), 4}, {QStringLiteral("q2"), QJsonValue::Null}}}};
        const auto parsed = Answers::fromJson(good, in, &problems);
        QVERIFY(parsed);
        QVERIFY(problems.isEmpty());
        QCOMPARE(parsed->count(), 1); // null means missing
        QCOMPARE(parsed->value(QStringLiteral("q1")).toInt(), 4);
    }

    void coreScoreOverCoreItemsOnly()
    {
        const auto in = coreForm();
        // Percent of a 5-point answer: (v - 1) / 4 * 100: 5 -> 100, 4 -> 75, 3 -> 50, 2 -> 25.
        const auto a = answers({{"g1", 5},
                                {"g2", 4},
                                {"t1", 3},
                                {"t2", notApplicableValue},
                                {"b1", 2},
                                {"b2", 5},
                                {"y1", 4},
                                {"x1", 1}});
        const auto s = score(in, a);
        QVERIFY(s.hasCore());
        // Core: g1 g2 t1 b1 b2 answered, t2 "not yet" = missing: (100+75+50+25+100) / 5 = 70.
        QVERIFY(s.core.scorable);
        QCOMPARE(s.core.id, QStringLiteral("core"));
        QCOMPARE(s.core.itemCount, 6);
        QCOMPARE(s.core.answered, 5);
        QVERIFY(s.core.prorated);
        QCOMPARE(s.core.normalised, 70.0);
        // Raw mean on the 1-5 scale: (5+4+3+2+5) / 5 = 3.8.
        QCOMPARE(s.core.raw, 3.8);
        QCOMPARE(s.coreConstructs.size(), 3);
        QCOMPARE(s.measure(QStringLiteral("core-goal"))->normalised, 87.5); // (100+75)/2
        QCOMPARE(s.measure(QStringLiteral("core-task"))->normalised, 50.0); // t1 only
        QVERIFY(s.measure(QStringLiteral("core-task"))->prorated);
        QCOMPARE(s.measure(QStringLiteral("core-bond"))->normalised, 62.5); // (25+100)/2
        // Total: every item of a subscale that counts, so not x1 (another relationship):
        // (350 + 75 for y1) / 6 answered = 70.8333.
        QCOMPARE(s.total.itemCount, 7);
        QCOMPARE(s.total.answered, 6);
        QVERIFY(qFuzzyCompare(s.total.normalised, 425.0 / 6));
        // Bond construct: b1, b2, y1 but not x1: (25 + 100 + 75) / 3.
        QVERIFY(qFuzzyCompare(s.construct(QStringLiteral("bond"))->normalised, 200.0 / 3));
        QCOMPARE(s.construct(QStringLiteral("bond"))->itemCount, 3);
        // x1 still has its own score: 1 -> 0.
        QCOMPARE(s.subscale(QStringLiteral("parent"))->normalised, 0.0);
        const QJsonObject json = s.toJson();
        QCOMPARE(json[QStringLiteral("core")].toObject()[QStringLiteral("normalised")].toDouble(),
                 70.0);
        QVERIFY(json[QStringLiteral("coreConstructs")].toObject().contains(
            QStringLiteral("core-bond")));
    }

    void coreNeedsTwoThirdsAnswered()
    {
        const auto in = coreForm();
        // 3 of 6 core items "not yet": more than a third missing -> not scorable.
        const auto s = score(in, answers({{"g1", 5},
                                          {"g2", notApplicableValue},
                                          {"t1", 3},
                                          {"t2", notApplicableValue},
                                          {"b1", notApplicableValue},
                                          {"b2", 5}}));
        QVERIFY(!s.core.scorable);
        QVERIFY(s.core.reason.contains(QStringLiteral("3 of 6 answers missing")));
        QVERIFY(s.measure(QStringLiteral("core-goal"))->scorable); // one of two may be missing
    }

    void notApplicableIsAnAnswerOnlyWhereOffered()
    {
        const auto withNa = coreForm();
        QVERIFY(Answers::problemWith(withNa, QStringLiteral("g1"), notApplicableValue).isEmpty());
        QVERIFY(isNotApplicable(withNa.formats[0], QVariant(notApplicableValue)));
        const auto plain = fourLikert(ScoreMethod::Mean);
        QVERIFY(!Answers::problemWith(plain, QStringLiteral("q1"), notApplicableValue).isEmpty());
        QStringList problems;
        const auto parsed = Answers::fromJson(
            QJsonObject{{QStringLiteral("g1"), -1}, {QStringLiteral("g2"), 4}}, withNa, &problems);
        QVERIFY2(parsed, qPrintable(problems.join('\n')));
        QCOMPARE(parsed->value(QStringLiteral("g1")).toInt(), notApplicableValue);
    }

    void formWithoutCoreHasNoCoreScore()
    {
        const auto in = fourLikert(ScoreMethod::Mean);
        const auto s = score(in, answers({{"q1", 5}, {"q2", 4}, {"q3", 3}, {"q4", 2}}));
        QVERIFY(!s.hasCore());
        QVERIFY(!s.core.scorable);
        QVERIFY(!s.measure(QStringLiteral("core")));
        QVERIFY(s.coreConstructs.isEmpty());
        // A 1.x response's JSON keeps exactly its old keys.
        QCOMPARE(s.toJson().keys(),
                 (QStringList{QStringLiteral("constructs"), QStringLiteral("instrument"),
                              QStringLiteral("subscales"), QStringLiteral("total"),
                              QStringLiteral("version")}));
        QCOMPARE(s.measure(QStringLiteral("total"))->normalised, 62.5); // (100+75+50+25)/4
        QCOMPARE(s.measure(QStringLiteral("s"))->normalised, 62.5);
    }

    // Answers held by item index (what the clinic-wide readers use) score exactly as an
    // Answers by item id: "not yet", a missing answer, an out-of-range value and an answer
    // to an item the form does not have included.
    void answersByItemIndexScoreAsAnswersById()
    {
        const auto in = coreForm();
        const auto a = answers({{"g1", 5},
                                {"g2", 4},
                                {"t1", 9}, // not a choice: not scored
                                {"t2", notApplicableValue},
                                {"b2", 5},
                                {"y1", 4},
                                {"x1", 1},
                                {"elsewhere", 3}});
        QVector<QVariant> values;
        for (const Item &item : in.items)
            values.append(a.value(item.id));
        ItemAnswers byItem;
        for (qsizetype i = 0; i < in.items.size(); ++i)
            byItem.append(a.has(in.items.at(i).id) ? &values[i] : nullptr);
        QVERIFY(!byItem.at(4)); // b1 left unanswered
        QCOMPARE(scoreTotal(in, byItem).toJson(), scoreTotal(in, a).toJson());
        QCOMPARE(scoreCore(in, byItem).toJson(), scoreCore(in, a).toJson());
        QCOMPARE(scoreCore(in, byItem).answered, 3); // g1 g2 b2: t1 out of range, t2 "not yet"
        for (qsizetype i = 0; i < in.items.size(); ++i)
            QCOMPARE(itemValue(in, in.items.at(i), byItem.at(i)), itemValue(in, in.items.at(i), a));
    }

    void deterministic()
    {
        const auto in = licensedShape();
        Answers a;
        for (int i = 1; i <= 12; ++i)
            a.set(QStringLiteral("s%1").arg(i), (i * 7) % 5 + 1);
        QCOMPARE(score(in, a).toJson(), score(in, a).toJson());
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
