// The alliance analytics on a small clinic database whose figures are worked out by hand:
// norms and usual gaps, an episode's alerts stored once, dashboard rows counted by hand.
#include "core/insights/cardstate.h"
#include "core/insights/clinicfigures.h"
#include "core/insights/clinicfigurescache.h"
#include "core/insights/completeresponses.h"
#include "core/insights/dashboardquery.h"
#include "core/insights/episodeinsights.h"
#include "core/insights/figuressnapshot.h"
#include "core/insights/itemnorms.h"
#include "core/insights/itemnormscache.h"

#include "../store/storetestbed.h"

#include "core/store/roundskiprepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>
#include <sqlite3.h>
#include <thread>

using namespace triad;
using namespace triad::store;
using namespace triad::store::testing;

namespace {
sqlite3 *sqliteHandle(Database &db)
{
    const QVariant v = db.connection().driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

// Every scored item answered so that its keyed value is `v` (1-5): a reverse item gets
// 6 - v. Every measure then scores (v - 1) * 25.
Answers keyedAnswers(const Instrument &instrument, int v)
{
    Answers a;
    for (const Item &item : instrument.items)
        if (!item.subscaleId.isEmpty())
            a.set(item.id, item.reverse ? 6 - v : v);
    return a;
}

struct Clinic
{
    TestBed bed;
    InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
    const Instrument *physioForm = nullptr;
    const Instrument *childForm = nullptr;
    const Instrument *parentForm = nullptr;
    Episode episode; // physio one, child 8-12: five sessions
    QStringList sessionIds;
    StaffMember otherPhysio;

    bool respond(const QString &sessionId, Respondent who, const Instrument &form, int v)
    {
        const auto draft = bed.responses.startDraft(sessionId, who, form, QStringLiteral("en"));
        return draft && bed.responses.complete(draft->id, form, keyedAnswers(form, v));
    }

    bool setUp()
    {
        if (!bed.setUp())
            return false;
        physioForm = library.find(QStringLiteral("triad-physio"));
        childForm = library.find(QStringLiteral("triad-child-8to12"));
        parentForm = library.find(QStringLiteral("triad-parent"));
        const auto child = bed.patients.create(QStringLiteral("Mia Synthetic"), QDate(2014, 2, 3));
        if (!physioForm || !childForm || !parentForm || !child)
            return false;
        Episode e;
        e.patientId = child->id;
        e.physioId = bed.physio.id;
        e.condition = QStringLiteral("low-back-pain");
        e.startDate = QDate(2024, 3, 4);
        const auto created = bed.episodes.create(e);
        if (!created)
            return false;
        episode = *created;
        // Physio 75, 75, 75, 75, 25; child 100 throughout (the ceiling).
        const int physioV[] = {4, 4, 4, 4, 2};
        for (int k = 0; k < 5; ++k) {
            const auto s =
                bed.sessions.create(episode.id, bed.physio.id, QDate(2024, 3, 4).addDays(7 * k));
            if (!s || !respond(s->id, Respondent::Physio, *physioForm, physioV[k]) ||
                !respond(s->id, Respondent::Child, *childForm, 5))
                return false;
            sessionIds << s->id;
        }
        // Parent: a draft left in session 4 (skipped) and a decline in session 5.
        if (!bed.responses.startDraft(sessionIds[3], Respondent::Parent, *parentForm,
                                      QStringLiteral("en")))
            return false;
        const auto declined = bed.responses.startDraft(sessionIds[4], Respondent::Parent,
                                                       *parentForm, QStringLiteral("en"));
        if (!declined || !bed.responses.decline(declined->id, QStringLiteral("no-time")))
            return false;

        // A second physio with two responses: too few to compare.
        const auto other = bed.staff.create(QStringLiteral("Demo Physio Two"), StaffRole::Physio);
        if (!other)
            return false;
        otherPhysio = *other;
        Episode e2 = e;
        e2.physioId = otherPhysio.id;
        const auto second = bed.episodes.create(e2);
        if (!second)
            return false;
        for (int k = 0; k < 2; ++k) {
            const auto s =
                bed.sessions.create(second->id, otherPhysio.id, QDate(2024, 4, 1).addDays(7 * k));
            if (!s || !respond(s->id, Respondent::Physio, *physioForm, 3))
                return false;
        }
        return true;
    }
};
} // namespace

class TestInsights : public QObject
{
    Q_OBJECT
private slots:
    void normsAndUsualGapsFromTheDatabase()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY2(figures, qPrintable(c.bed.db.lastError().detail));

        // Physio totals 75, 75, 75, 75, 25 (episode 1) and 50, 50 (episode 2): n 7, mean
        // 425 / 7 = 60.714; squares about the mean: 4 * 14.286^2 + 35.714^2 + 2 * 10.714^2
        // = 2321.43, SD sqrt(2321.43 / 6) = 19.670. Within episodes: episode 1 squares
        // 4 * 10^2 + 40^2 = 2000 (df 4), episode 2 none (df 1): sqrt(2000 / 5) = 20.
        // Each response answers every item alike, so Cronbach's alpha is exactly 1.
        const auto physio = figures->norms(QStringLiteral("triad-physio"), Respondent::Physio,
                                           QStringLiteral("total"));
        QVERIFY(physio);
        QCOMPARE(physio->n, 7);
        QVERIFY(qAbs(physio->mean - 425.0 / 7) < 1e-9);
        QVERIFY(qAbs(physio->sd - std::sqrt(2321.4285714285716 / 6)) < 1e-6);
        QCOMPARE(physio->withinDf, 5);
        QVERIFY(qAbs(physio->withinSd - 20.0) < 1e-9);
        QVERIFY(physio->alpha && qAbs(*physio->alpha - 1.0) < 1e-9);
        QCOMPARE(physio->ceilingRate, 0.0);
        // Construct norms exist too: goal scores match the totals here.
        QCOMPARE(
            figures
                ->norms(QStringLiteral("triad-physio"), Respondent::Physio, QStringLiteral("goal"))
                ->n,
            7);

        // The child at the maximum every time: ceiling rate 1.
        const auto child = figures->norms(QStringLiteral("triad-child-8to12"), Respondent::Child,
                                          QStringLiteral("total"));
        QVERIFY(child);
        QCOMPARE(child->n, 5);
        QCOMPARE(child->ceilingRate, 1.0);

        // Child - physio gaps 25, 25, 25, 25, 75 in band 8-12: usual gap 35 over 5 sessions.
        // The second episode has no child form, so no band and no gap.
        QCOMPARE(figures->ageBands(), QStringList{QStringLiteral("8-12")});
        bool found = false;
        for (const DyadGapNorm &g : figures->usualGaps(QStringLiteral("8-12")))
            if (g.dyad == Dyad::ChildPhysio && g.measure == QLatin1String("total")) {
                QCOMPARE(g.meanGap, 35.0);
                QCOMPARE(g.n, 5);
                found = true;
            }
        QVERIFY(found);
    }

    // A completed correction replaces the response it corrects in the norms; a correction
    // still in draft does not. (The figures meet four reads of the file in response id order:
    // the scores' read holds the corrected response's rows, which the others must leave out.)
    void aCorrectionCountsInPlaceOfTheResponseItCorrects()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto physioTotal = [&c]() -> std::optional<Norms> {
            const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
            if (!figures)
                return std::nullopt;
            return figures->norms(QStringLiteral("triad-physio"), Respondent::Physio,
                                  QStringLiteral("total"));
        };
        const auto idOf = [&c](const QString &sessionId) {
            QSqlQuery q = c.bed.db.query();
            q.prepare(QStringLiteral("SELECT id FROM response WHERE session_id = ? AND "
                                     "respondent = 'physio' AND supersedes IS NULL"));
            q.addBindValue(sessionId);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        };
        const QString first = idOf(c.sessionIds.at(0));
        QVERIFY(!first.isEmpty());
        // Before: 75, 75, 75, 75, 25, 50, 50.
        auto norms = physioTotal();
        QVERIFY(norms);
        QCOMPARE(norms->n, 7);
        QVERIFY(qAbs(norms->mean - 425.0 / 7) < 1e-9);

        // A correction started but not completed: nothing changes.
        const auto draft = c.bed.responses.startDraft(
            c.sessionIds.at(0), Respondent::Physio, *c.physioForm, QStringLiteral("en"), {}, first);
        QVERIFY2(draft, qPrintable(c.bed.db.lastError().detail));
        norms = physioTotal();
        QVERIFY(norms);
        QCOMPARE(norms->n, 7);
        QVERIFY(qAbs(norms->mean - 425.0 / 7) < 1e-9);

        // Completed at the bottom of the scale: 0 in place of the first 75.
        QVERIFY(c.bed.responses.complete(draft->id, *c.physioForm, keyedAnswers(*c.physioForm, 1)));
        norms = physioTotal();
        QVERIFY(norms);
        QCOMPARE(norms->n, 7);
        QVERIFY(qAbs(norms->mean - 350.0 / 7) < 1e-9);
        QCOMPARE(norms->floorRate, 1.0 / 7);
    }

    // The app copies the worker's figures onto its own thread (ClinicSession::takeClinicFigures,
    // issue 12): the copy must say exactly what the original says.
    void aDetachedCopyHoldsTheSameFigures()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(figures);
        const insights::ClinicFigures copy = figures->detached();
        QCOMPARE(copy.ageBands(), figures->ageBands());
        int compared = 0;
        for (const auto &[form, who] : {std::pair{"triad-physio", Respondent::Physio},
                                        std::pair{"triad-child-8to12", Respondent::Child}})
            for (const QString &measure : insights::trackedMeasures()) {
                const auto a = figures->norms(QLatin1String(form), who, measure);
                const auto b = copy.norms(QLatin1String(form), who, measure);
                QVERIFY(a && b);
                QCOMPARE(b->n, a->n);
                QCOMPARE(b->mean, a->mean);
                QCOMPARE(b->sd, a->sd);
                QCOMPARE(b->withinSd, a->withinSd);
                QCOMPARE(b->alpha, a->alpha);
                QCOMPARE(b->alphaReason, a->alphaReason);
                QCOMPARE(b->ceilingRate, a->ceilingRate);
                ++compared;
            }
        QCOMPARE(compared, 2 * insights::trackedMeasures().size());
        const auto gaps = figures->usualGaps(QStringLiteral("8-12"));
        const auto copied = copy.usualGaps(QStringLiteral("8-12"));
        QCOMPARE(copied.size(), gaps.size());
        QVERIFY(!gaps.isEmpty());
        for (int i = 0; i < gaps.size(); ++i) {
            QCOMPARE(copied[i].dyad, gaps[i].dyad);
            QCOMPARE(copied[i].measure, gaps[i].measure);
            QCOMPARE(copied[i].meanGap, gaps[i].meanGap);
            QCOMPARE(copied[i].n, gaps[i].n);
        }
    }

    // The lead's item figures as the UI thread installs them (issue 12): the same figures,
    // in memory of their own (the worker's copy and its arena pages can go).
    void aDetachedCopyHoldsTheSameItemFigures()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto forms = insights::ItemNorms::load(c.bed.db, c.library);
        QVERIFY(forms && !forms->isEmpty());
        const QVector<insights::FormReliability> copy = insights::detached(*forms);
        QCOMPARE(copy.size(), forms->size());
        QVERIFY(copy.constData() != forms->constData());
        for (int i = 0; i < forms->size(); ++i) {
            const insights::FormReliability &a = forms->at(i);
            const insights::FormReliability &b = copy.at(i);
            QCOMPARE(QJsonDocument(b.toJson()).toJson(), QJsonDocument(a.toJson()).toJson());
            QVERIFY(b.instrumentId.constData() != a.instrumentId.constData());
            QCOMPARE(b.items.size(), a.items.size());
            if (!a.items.isEmpty()) {
                QVERIFY(b.items.constData() != a.items.constData());
                QVERIFY(b.items.first().itemId.constData() != a.items.first().itemId.constData());
            }
        }
    }

    void alertsAreRecordedOnce()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(figures);
        insights::EpisodeInsights insights(c.bed.db, c.bed.cipher, c.bed.audit, c.library);

        const auto history = insights.history(c.episode.id, *figures);
        QVERIFY(history);
        QCOMPARE(history->sessionIds, c.sessionIds);
        QCOMPARE(history->input.childFirstName, QStringLiteral("Mia"));

        // Physio: earlier 75 x 4 (own SD 0), fewer than 30 clinic responses and no declared
        // SD: prior and floor are the fixed 5 points, pooled sqrt(4 * 25 / 7) = 3.78 < 5,
        // so the SD is 5 and the rupture line 75 - 10 = 65. 25 is a rupture on the total
        // and on each construct.
        const auto analysis = insights.analyzeEpisode(c.episode.id, *figures);
        QVERIFY(analysis);
        QCOMPARE(analysis->stateAt(Respondent::Physio, QStringLiteral("total"), 5),
                 std::optional<SessionState>(SessionState::Rupture));

        const qint64 before = c.bed.db.rowCount(QStringLiteral("alert"));
        const auto stored = insights.recordNewAlerts(c.episode.id, *figures);
        QVERIFY2(stored, qPrintable(c.bed.db.lastError().detail));
        int ruptures = 0;
        for (const store::AlertRecord &a : *stored) {
            QCOMPARE(a.sessionId, c.sessionIds.last()); // the latest session only
            if (a.type != QLatin1String("rupture"))
                continue;
            ++ruptures;
            QCOMPARE(a.respondent, QStringLiteral("physio"));
            QCOMPARE(a.severity, QStringLiteral("concern"));
            QCOMPARE(a.evidence.value("threshold").toDouble(), 65.0);
            QCOMPARE(a.evidence.value("score").toDouble(), 25.0);
            QVERIFY(a.prompt.contains(QStringLiteral("Mia")));
            QVERIFY(!a.evidence.contains(QStringLiteral("childFirstName")));
        }
        // ONE card for the physio's session (issue 8), headed by the total's rupture, naming
        // every construct that fell with it.
        QCOMPARE(ruptures, 1);
        QJsonObject card;
        int physioCards = 0;
        for (const store::AlertRecord &a : *stored)
            if (a.respondent == QLatin1String("physio") && !a.evidence.contains("dyad")) {
                ++physioCards;
                card = a.evidence.value("card").toObject();
            }
        QCOMPARE(physioCards, 1);
        QCOMPARE(card.value("level").toString(), QStringLiteral("concern"));
        const QJsonArray findings = card.value("findings").toArray();
        for (const char *f : {"rupture", "rupture (goal)", "rupture (task)", "rupture (bond)"})
            QVERIFY2(findings.contains(QString::fromLatin1(f)), f);
        const QString details = card.value("details").toVariant().toStringList().join(" | ");
        for (const char *m : {"Total: 25", "Goals: 25", "Tasks: 25", "Bond: 25"})
            QVERIFY2(details.contains(QString::fromLatin1(m)), qPrintable(details));
        QCOMPARE(c.bed.db.rowCount(QStringLiteral("alert")), before + stored->size());

        // Stored as the physio will read them, prompt decrypted.
        AlertRepository repo(c.bed.db, c.bed.cipher, c.bed.audit);
        const auto inDb = repo.forEpisode(c.episode.id);
        QCOMPARE(inDb.size(), stored->size());
        QVERIFY(inDb.first().prompt.contains(QStringLiteral("Mia")));

        // Twice: nothing new.
        const auto again = insights.recordNewAlerts(c.episode.id, *figures);
        QVERIFY(again);
        QCOMPARE(again->size(), 0);
        QCOMPARE(c.bed.db.rowCount(QStringLiteral("alert")), before + stored->size());
    }

    // An episode that straddles the 2.0.0 upgrade: the physio answered 1.0.0 four times at the
    // top (100) and then 2.0.0 low (25). The two versions score on different scales, so the
    // 2.0.0 session starts a new baseline: no rupture is read into the change of form, the
    // 1.0.0 scores stay stored but leave the series, and the change is stated for the chart.
    void episodeStraddlingTheUpgradeStartsANewBaseline()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const Instrument *oldPhysio =
            c.library.find(QStringLiteral("triad-physio"), QStringLiteral("1.0.0"));
        QVERIFY(oldPhysio);
        const auto child =
            c.bed.patients.create(QStringLiteral("Noor Synthetic"), QDate(2013, 5, 6));
        QVERIFY(child);
        Episode e;
        e.patientId = child->id;
        e.physioId = c.bed.physio.id;
        e.condition = QStringLiteral("cerebral-palsy");
        e.startDate = QDate(2024, 5, 6);
        const auto episode = c.bed.episodes.create(e);
        QVERIFY(episode);
        QStringList sessions;
        for (int k = 0; k < 5; ++k) {
            const auto s = c.bed.sessions.create(episode->id, c.bed.physio.id,
                                                 QDate(2024, 5, 6).addDays(7 * k));
            QVERIFY(s);
            sessions << s->id;
            const Instrument &form = k < 4 ? *oldPhysio : *c.physioForm;
            QVERIFY(c.respond(s->id, Respondent::Physio, form, k < 4 ? 5 : 2));
            QVERIFY(c.respond(s->id, Respondent::Child, *c.childForm, 4));
        }
        // Stored responses keep the version they were answered on, and its scores.
        const auto stored = c.bed.responses.forEpisode(episode->id);
        int versionOne = 0;
        for (const auto &r : stored)
            if (r.record.instrumentVersion == QLatin1String("1.0.0")) {
                ++versionOne;
                QCOMPARE(r.scores.total.normalised, 100.0);
                QVERIFY(!r.scores.hasCore());
            }
        QCOMPARE(versionOne, 4);

        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(figures);
        // The clinic's physio norms describe 2.0.0 only: the 7 responses of the first
        // episodes and this episode's one, not the four 1.0.0 totals.
        QCOMPARE(
            figures
                ->norms(QStringLiteral("triad-physio"), Respondent::Physio, QStringLiteral("total"))
                ->n,
            8);
        insights::EpisodeInsights insights(c.bed.db, c.bed.cipher, c.bed.audit, c.library);
        const auto history = insights.history(episode->id, *figures);
        QVERIFY(history);
        for (int i = 1; i <= 4; ++i)
            QVERIFY(!history->scoreAt(i, QStringLiteral("physio"), QStringLiteral("total")));
        QCOMPARE(history->scoreAt(5, QStringLiteral("physio"), QStringLiteral("total")),
                 std::optional<double>(25.0));
        QVERIFY(!history->previous(5, QStringLiteral("physio"), QStringLiteral("total")));
        // The child stayed on one version: every session is compared as before.
        for (int i = 1; i <= 5; ++i)
            QCOMPARE(history->scoreAt(i, QStringLiteral("child"), QStringLiteral("total")),
                     std::optional<double>(75.0));
        QCOMPARE(history->formChanges.size(), 1);
        const insights::FormChange &change = history->formChanges.first();
        QCOMPARE(change.respondent, Respondent::Physio);
        QCOMPARE(change.sessionIndex, 5);
        QCOMPARE(change.fromVersion, QStringLiteral("1.0.0"));
        QCOMPARE(change.toVersion, QStringLiteral("2.0.0"));
        QCOMPARE(change.note(), QStringLiteral("Physio: new baseline from session 5 (form version "
                                               "2.0.0); the earlier scores (version 1.0.0) are "
                                               "not compared with it."));
        const EpisodeAnalysis analysis = insights.analyze(*history);
        for (const Alert &a : analysis.alertsAt(5))
            QVERIFY2(!(a.respondent == Respondent::Physio && a.type == AlertType::Rupture),
                     qPrintable(a.measure));
    }

    // Pearson's r by hand: x 1 2 3 4, y 2 4 5 9: deviations -1.5 -0.5 0.5 1.5 and -3 -1 0 4;
    // sxy 11, sxx 5, syy 26, r = 11 / sqrt(130) = 0.96476.
    void pearsonByHand()
    {
        const auto r = insights::ItemNorms::pearson({1, 2, 3, 4}, {2, 4, 5, 9});
        QVERIFY(r);
        QVERIFY(qAbs(*r - 11.0 / std::sqrt(130.0)) < 1e-12);
        QVERIFY(!insights::ItemNorms::pearson({1, 2}, {3, 4}));       // too few pairs
        QVERIFY(!insights::ItemNorms::pearson({5, 5, 5}, {1, 2, 3})); // no spread
    }

    // Item norms from the database: every physio response answers all items alike, so each
    // item agrees perfectly with the rest (r = 1 over the 7 responses), alpha is 1; the
    // child answered the top everywhere, so no item has spread. Test-retest needs 10 stable
    // pairs: episode 1 gives 4 (sessions a week apart), episode 2 one.
    void itemNormsFromTheDatabase()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto norms = insights::ItemNorms::load(c.bed.db, c.library);
        QVERIFY2(norms, qPrintable(c.bed.db.lastError().detail));
        const insights::FormReliability *physio = nullptr;
        const insights::FormReliability *child = nullptr;
        for (const auto &f : *norms) {
            if (f.instrumentId == QLatin1String("triad-physio"))
                physio = &f;
            if (f.instrumentId == QLatin1String("triad-child-8to12"))
                child = &f;
        }
        QVERIFY(physio && child);
        QCOMPARE(physio->majorVersion, QStringLiteral("2"));
        QCOMPARE(physio->responses, 7);
        QCOMPARE(physio->items.size(), c.physioForm->totalItems().size());
        for (const auto &item : physio->items) {
            QCOMPARE(item.n, 7);
            QVERIFY2(item.r && qAbs(*item.r - 1.0) < 1e-9, qPrintable(item.itemId));
        }
        QVERIFY(physio->alphaTotal && qAbs(*physio->alphaTotal - 1.0) < 1e-9);
        QVERIFY(physio->alphaCore && qAbs(*physio->alphaCore - 1.0) < 1e-9);
        QCOMPARE(physio->retestMeasure, QStringLiteral("core"));
        QCOMPARE(physio->retestPairs, 5);
        QVERIFY(!physio->retest);
        QCOMPARE(physio->retestReason,
                 QStringLiteral("5 of 10 session pairs at most 14 days apart"));
        for (const auto &item : child->items)
            QVERIFY(!item.r);
        const QJsonObject json = physio->toJson();
        QCOMPARE(json[QStringLiteral("items")]
                     .toArray()
                     .first()
                     .toObject()[QStringLiteral("correctedItemTotal")]
                     .toDouble(),
                 1.0);
        QVERIFY(json[QStringLiteral("retest")].isNull());
    }

    void sessionRowsShowStatusesSkipReasonsAndScores()
    {
        Clinic c;
        QVERIFY(c.setUp());
        RoundSkipRepository skips(c.bed.db, c.bed.audit);
        QVERIFY(skips.skip(c.sessionIds[0], Respondent::Parent, QStringLiteral("absent")));
        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(figures);
        insights::EpisodeInsights insights(c.bed.db, c.bed.cipher, c.bed.audit, c.library);
        const auto history = insights.history(c.episode.id, *figures);
        QVERIFY(history);

        QCOMPARE(history->episodeId, c.episode.id);
        QCOMPARE(history->sessions.size(), 5);
        QCOMPARE(history->indexOf(c.sessionIds[2]), 3);
        QCOMPARE(history->indexOf(QStringLiteral("no-such-session")), 0);
        const auto &first = history->sessions.at(0);
        QCOMPARE(first.session.id, c.sessionIds[0]);
        QCOMPARE(first.status.value(QStringLiteral("physio")), QStringLiteral("complete"));
        QCOMPARE(first.status.value(QStringLiteral("parent")), QStringLiteral("skipped"));
        QCOMPARE(first.skipReason.value(QStringLiteral("parent")), QStringLiteral("absent"));
        // A draft left behind is not a response yet: nothing to show for the parent.
        QVERIFY(!history->sessions.at(3).status.contains(QStringLiteral("parent")));
        QCOMPARE(history->sessions.at(4).status.value(QStringLiteral("parent")),
                 QStringLiteral("declined"));
        QVERIFY(!history->sessions.at(4).skipReason.contains(QStringLiteral("parent")));

        QCOMPARE(history->scoreAt(5, QStringLiteral("physio"), QStringLiteral("total")),
                 std::optional<double>(25.0));
        QVERIFY(!history->scoreAt(5, QStringLiteral("parent"), QStringLiteral("total")));
        const auto before = history->previous(5, QStringLiteral("physio"), QStringLiteral("bond"));
        QVERIFY(before);
        QCOMPARE(before->first, 4);
        QCOMPARE(before->second, 75.0);

        // Storing the alerts of an earlier session: session 4 raises only the quality flags
        // of uniform answers, stored on session 4; session 5 then stores its ruptures.
        const EpisodeAnalysis analysis = insights.analyze(*history);
        const auto fourth = insights.recordNewAlerts(*history, analysis, 4);
        QVERIFY(fourth);
        QCOMPARE(fourth->size(), analysis.alertsAt(4).size());
        for (const store::AlertRecord &a : *fourth) {
            QCOMPARE(a.sessionId, c.sessionIds[3]);
            QCOMPARE(a.severity, QStringLiteral("info"));
        }
        // A session's cards are stored in one commit (one fsync for them all), not one each.
        int commits = 0;
        sqlite3 *handle = sqliteHandle(c.bed.db);
        QVERIFY(handle);
        sqlite3_commit_hook(
            handle,
            [](void *count) {
                ++*static_cast<int *>(count);
                return 0;
            },
            &commits);
        const auto fifth = insights.recordNewAlerts(*history, analysis, 5);
        sqlite3_commit_hook(handle, nullptr, nullptr);
        QVERIFY(fifth);
        QVERIFY(fifth->size() >= 2);
        QCOMPARE(commits, 1);
        QVERIFY(c.bed.audit.verify().ok); // the log and its head still verify
        int ruptures = 0;
        for (const store::AlertRecord &a : *fifth) {
            QCOMPARE(a.sessionId, c.sessionIds[4]);
            ruptures += a.type == QLatin1String("rupture") ? 1 : 0;
        }
        QCOMPARE(ruptures, 1); // one card for the physio, naming total, goal, task, bond
        QCOMPARE(insights.recordNewAlerts(*history, analysis, 6)->size(), 0); // no such session
    }

    // My patients' "Needs attention today" counts only OPEN act-today cards (issue 8): the
    // physio's rupture card (75, 75, 75, 75, then 25) is open at session 5; at session 6 the
    // physio is back at 75, the repair rule resolves it, and it no longer counts although
    // nobody acknowledged it.
    void actTodayCardResolvedByRepairIsNoLongerOpen()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(figures);
        insights::EpisodeInsights insights(c.bed.db, c.bed.cipher, c.bed.audit, c.library);
        QVERIFY(insights.recordNewAlerts(c.episode.id, *figures));
        AlertRepository repo(c.bed.db, c.bed.cipher, c.bed.audit);

        auto history = insights.history(c.episode.id, *figures);
        QVERIFY(history);
        auto open = insights::openActTodayCards(repo.forEpisode(c.episode.id, true), *history,
                                                insights.analyze(*history));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().respondent, QStringLiteral("physio"));
        QCOMPARE(open.first().type, QStringLiteral("rupture"));

        const auto s6 = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
        QVERIFY(s6 && c.respond(s6->id, Respondent::Physio, *c.physioForm, 4));
        history = insights.history(c.episode.id, *figures);
        QVERIFY(history);
        const EpisodeAnalysis analysis = insights.analyze(*history);
        const auto stored = repo.forEpisode(c.episode.id, true);
        QCOMPARE(insights::unacknowledgedActToday(stored).size(), 1); // still unacknowledged
        QVERIFY(insights::resolvedByRepair(insights::unacknowledgedActToday(stored).first(),
                                           *history, analysis));
        QCOMPARE(insights::openActTodayCards(stored, *history, analysis).size(), 0);
    }

    // Clinic norms are kept between episode opens and recomputed only when a response
    // completes (issue 8 item 8). The physio's rupture line depends on them: with fewer than
    // 30 clinic responses the SD floor is the fixed 5 points (line 75 - 2 x 5 = 65); the 30th
    // response brings the clinic's own figures and moves the line.
    void clinicFiguresAreCachedAndRefreshedWhenAResponseCompletes()
    {
        Clinic c;
        QVERIFY(c.setUp());
        insights::ClinicFiguresCache cache;
        insights::EpisodeInsights insights(c.bed.db, c.bed.cipher, c.bed.audit, c.library);
        auto ruptureLine = [&]() -> double {
            const insights::ClinicFigures *figures = cache.figures(c.bed.db, c.library);
            if (!figures)
                return -1;
            const auto analysis = insights.analyzeEpisode(c.episode.id, *figures);
            for (const Alert &a : analysis->alertsAt(5))
                if (a.type == AlertType::Rupture && a.respondent == Respondent::Physio)
                    return a.evidence.value(QStringLiteral("threshold")).toDouble();
            return -1;
        };

        // Two episodes opened: the figures are computed once.
        const insights::ClinicFigures *figures = cache.figures(c.bed.db, c.library);
        QVERIFY(figures);
        QVERIFY(insights.history(c.episode.id, *figures));
        figures = cache.figures(c.bed.db, c.library);
        QVERIFY(figures);
        QVERIFY(insights.history(c.episode.id, *figures));
        QCOMPARE(cache.computations(), 1);
        QCOMPARE(figures->norms("triad-physio", Respondent::Physio, "total")->n, 7);
        QCOMPARE(ruptureLine(), 65.0);
        QCOMPARE(cache.computations(), 1);

        // 22 more physio responses at 50 in a third episode: n 29, still the fixed floor.
        Episode e3 = c.episode;
        e3.id.clear();
        e3.physioId = c.otherPhysio.id;
        const auto third = c.bed.episodes.create(e3);
        QVERIFY(third);
        for (int k = 0; k < 23; ++k) {
            if (k == 22) {
                QCOMPARE(ruptureLine(), 65.0);
                QCOMPARE(cache.computations(), 2);
                QCOMPARE(cache.figures(c.bed.db, c.library)
                             ->norms("triad-physio", Respondent::Physio, "total")
                             ->n,
                         29);
            }
            const auto s = c.bed.sessions.create(third->id, c.otherPhysio.id,
                                                 QDate(2024, 6, 3).addDays(7 * k));
            QVERIFY(s && c.respond(s->id, Respondent::Physio, *c.physioForm, 3));
        }
        // The 30th completed response refreshes the figures. Physio totals 75 x 4, 25, 50 x 25:
        // n 30, mean 52.5, SD sqrt(2937.5 / 29) = 10.064 (floor 5.032); within-episode squares
        // 2000 over df 4 + 1 + 22 = 27: withinSd 8.607, the prior. Own SD 0 over 3 df:
        // pooled sqrt(4 x 74.074 / 7) = 6.506 > floor, line 75 - 2 x 6.506 = 61.99.
        const double line = ruptureLine();
        QCOMPARE(cache.computations(), 3);
        QCOMPARE(cache.figures(c.bed.db, c.library)
                     ->norms("triad-physio", Respondent::Physio, "total")
                     ->n,
                 30);
        QVERIFY2(qAbs(line - (75 - 2 * std::sqrt(4 * (2000.0 / 27) / 7))) < 1e-6,
                 qPrintable(QString::number(line)));
        QCOMPARE(cache.computations(), 3);
        cache.invalidate();
        QVERIFY(cache.figures(c.bed.db, c.library));
        QCOMPARE(cache.computations(), 4);
    }

    // Issue 12: every episode open asks whether the clinic figures are still current. With
    // nothing written since the last ask the stamp's query (it reads every complete response)
    // does not run again; a response completed on this connection, a commit on another
    // connection and an open transaction are all noticed.
    void theStampIsReadAgainOnlyAfterAWrite()
    {
        Clinic c;
        QVERIFY(c.setUp());
        insights::ClinicFiguresCache cache;
        QVERIFY(cache.figures(c.bed.db, c.library));
        const int asked = cache.stampQueries();
        for (int open = 0; open < 3; ++open)
            QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), asked);

        // A physio's response completed here: the figures are stale, then worked out again.
        const auto s = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
        QVERIFY(s && c.respond(s->id, Respondent::Physio, *c.physioForm, 3));
        QVERIFY(!cache.current(c.bed.db, c.library));
        QCOMPARE(cache.figures(c.bed.db, c.library)
                     ->norms("triad-physio", Respondent::Physio, "total")
                     ->n,
                 8);
        const int afterSave = cache.stampQueries();
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), afterSave);

        // Another program's commit on the file: asked again (and still current: no response
        // changed).
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(c.bed.db.path());
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY2(q.exec(QStringLiteral("CREATE TABLE scratch_of_another_program(x)")),
                     qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), afterSave + 1);
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), afterSave + 1);

        // Inside a transaction the stamp is read every time and not kept past it.
        QVERIFY(c.bed.db.beginImmediate());
        QVERIFY(cache.current(c.bed.db, c.library));
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), afterSave + 3);
        c.bed.db.rollback();
        QVERIFY(cache.current(c.bed.db, c.library));
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), afterSave + 4);
    }

    // Issue 12: the physio's "Hand in" asked for the stamp on the UI thread (its query reads
    // every complete response) because the round's writes had moved total_changes(). Only a
    // complete response of this connection's own, or another connection's commit, counts now:
    // draft answers leave the figures current with no query; a response completed here makes
    // them stale with no query (the caller works them out again on a worker); a rollback takes
    // the count back; a worker's stamp read after the mark, with the mark unchanged, is adopted.
    void onlyCompleteResponsesMakeTheStampBeReadAgain()
    {
        Clinic c;
        QVERIFY(c.setUp());
        insights::ClinicFiguresCache cache;
        QVERIFY(cache.figures(c.bed.db, c.library));
        QVERIFY(cache.current(c.bed.db, c.library));
        const int asked = cache.stampQueries();

        // A round under way: a draft started and answered item by item.
        const auto s = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
        QVERIFY(s);
        const auto draft = c.bed.responses.startDraft(s->id, Respondent::Physio, *c.physioForm,
                                                      QStringLiteral("en"));
        QVERIFY(draft);
        const Answers answers = keyedAnswers(*c.physioForm, 3);
        for (const QString &item : answers.itemIds())
            QVERIFY(
                c.bed.responses.saveAnswer(draft->id, *c.physioForm, item, answers.value(item)));
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), asked);

        // Completed inside a transaction rolled back: nothing changed, nothing asked.
        QVERIFY(c.bed.db.beginImmediate());
        QVERIFY(c.bed.db.execSql(QStringLiteral("UPDATE response SET status = 'complete', "
                                                "completed_at = '2024-04-08T10:00:00.000Z' "
                                                "WHERE id = '%1'")
                                     .arg(draft->id)));
        c.bed.db.rollback();
        QVERIFY(cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), asked);

        // Completed: stale at once, without the query.
        const auto mark = insights::StampCheck::markNow(c.bed.db);
        QVERIFY(mark);
        QVERIFY(c.bed.responses.complete(draft->id, *c.physioForm, answers));
        QVERIFY(insights::StampCheck::markNow(c.bed.db) != mark);
        QVERIFY(!cache.current(c.bed.db, c.library));
        QVERIFY(!cache.current(c.bed.db, c.library));
        QCOMPARE(cache.stampQueries(), asked);

        // Worked out on a worker's own connection, begun after this mark: its stamp is the
        // current one, and the figures are current with no query here.
        const auto before = insights::StampCheck::markNow(c.bed.db);
        QVERIFY(before);
        insights::FiguresSnapshot snapshot;
        std::thread worker(
            [&] { snapshot = insights::computeFiguresAt(c.bed.db.path(), c.library); });
        worker.join();
        QVERIFY(snapshot.clinic);
        QCOMPARE(insights::StampCheck::markNow(c.bed.db), before);
        cache.install(snapshot.clinic->detached(), snapshot.stamp, c.library);
        cache.adoptStamp(*before, snapshot.stamp);
        const insights::ClinicFigures *current = cache.current(c.bed.db, c.library);
        QVERIFY(current);
        QCOMPARE(
            current
                ->norms(QStringLiteral("triad-physio"), Respondent::Physio, QStringLiteral("total"))
                ->n,
            8);
        QCOMPARE(cache.stampQueries(), asked);
        // And that stamp is the one the query gives.
        QCOMPARE(snapshot.stamp, *insights::completeResponsesStamp(c.bed.db));
    }

    // Quitting while the figures are worked out stops the computation rather than waiting for
    // it (seconds in a large clinic): a stopped one hands out no figures, only its reason; one
    // that was not stopped hands out the same figures as without the flag.
    void aStoppedComputationHandsOutNoFigures()
    {
        Clinic c;
        QVERIFY(c.setUp());
        std::atomic_bool stop{true};
        const insights::FiguresSnapshot stopped =
            insights::computeFiguresAt(c.bed.db.path(), c.library, &stop);
        QVERIFY(!stopped.clinic);
        QVERIFY(!stopped.items);
        QVERIFY2(stopped.error.contains(QLatin1String("interrupted")), qPrintable(stopped.error));

        stop.store(false);
        const insights::FiguresSnapshot whole =
            insights::computeFiguresAt(c.bed.db.path(), c.library, &stop);
        QCOMPARE(whole.error, QString());
        QVERIFY(whole.clinic && whole.items);
        const auto direct = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(direct);
        const auto a = direct->norms(QStringLiteral("triad-physio"), Respondent::Physio,
                                     QStringLiteral("total"));
        const auto b = whole.clinic->norms(QStringLiteral("triad-physio"), Respondent::Physio,
                                           QStringLiteral("total"));
        QVERIFY(a && b);
        QCOMPARE(b->n, a->n);
        QCOMPARE(b->mean, a->mean);
        // The app's own connection is untouched: it still reads and writes.
        QVERIFY(insights::completeResponsesStamp(c.bed.db));
    }

    // Issue 12: the figures are worked out on a worker thread with a connection of its own
    // (read-only) and installed in the caches with the stamp they were read under: the same
    // numbers as the synchronous computation, and never handed out as current once another
    // response has completed.
    void figuresFromAWorkerConnectionMatchAndGoStaleAfterASave()
    {
        Clinic c;
        QVERIFY(c.setUp());
        insights::FiguresSnapshot snapshot;
        std::thread worker(
            [&] { snapshot = insights::computeFiguresAt(c.bed.db.path(), c.library); });
        worker.join();
        QCOMPARE(snapshot.error, QString());
        QVERIFY(snapshot.clinic && snapshot.items);
        QCOMPARE(snapshot.stamp, *insights::completeResponsesStamp(c.bed.db));
        const auto direct = insights::ClinicFigures::load(c.bed.db, c.library);
        QVERIFY(direct);
        for (const Instrument &in : c.library.instruments())
            for (Respondent who : {Respondent::Child, Respondent::Parent, Respondent::Physio})
                for (const QString &measure : insights::trackedMeasures()) {
                    const auto a = direct->norms(in.id, who, measure);
                    const auto b = snapshot.clinic->norms(in.id, who, measure);
                    QCOMPARE(bool(b), bool(a));
                    if (a) {
                        QCOMPARE(b->n, a->n);
                        QCOMPARE(b->mean, a->mean); // bit for bit: summed in a fixed order
                        QCOMPARE(b->sd, a->sd);
                        QCOMPARE(b->withinSd, a->withinSd);
                        QCOMPARE(b->alpha, a->alpha);
                    }
                }
        const auto items = insights::ItemNorms::load(c.bed.db, c.library);
        QVERIFY(items);
        QCOMPARE(snapshot.items->size(), items->size());
        for (int i = 0; i < items->size(); ++i) {
            QCOMPARE(snapshot.items->at(i).responses, items->at(i).responses);
            QCOMPARE(snapshot.items->at(i).alphaTotal, items->at(i).alphaTotal);
        }
        // Its connection wrote nothing and is closed: the app's own one writes on.
        insights::ClinicFiguresCache figures;
        insights::ItemNormsCache itemNorms;
        QVERIFY(!figures.current(c.bed.db, c.library)); // nothing computed here
        figures.install(std::move(*snapshot.clinic), snapshot.stamp, c.library);
        itemNorms.install(std::move(*snapshot.items), snapshot.stamp, c.library);
        QVERIFY(figures.current(c.bed.db, c.library));
        QVERIFY(itemNorms.current(c.bed.db, c.library));
        QCOMPARE(figures.current(c.bed.db, c.library)
                     ->norms("triad-physio", Respondent::Physio, "total")
                     ->n,
                 7);
        QCOMPARE(figures.computations(), 1);

        // A response completed after the snapshot: those figures are not current any more.
        const auto s = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
        QVERIFY(s && c.respond(s->id, Respondent::Physio, *c.physioForm, 3));
        bool failed = true;
        QVERIFY(!figures.current(c.bed.db, c.library, &failed));
        QVERIFY(!failed);
        QVERIFY(!itemNorms.current(c.bed.db, c.library));
        // The synchronous path still works out the new ones.
        QCOMPARE(figures.figures(c.bed.db, c.library)
                     ->norms("triad-physio", Respondent::Physio, "total")
                     ->n,
                 8);
    }

    // The lead's item figures are kept between dashboard opens like the clinic norms (issue
    // 12): read again only when the set of complete responses changes, so a decline or a
    // draft leaves them as they were and a completed response is counted at the next open.
    void itemNormsAreCachedAndRefreshedWhenAResponseCompletes()
    {
        Clinic c;
        QVERIFY(c.setUp());
        insights::ItemNormsCache cache;
        auto physioResponses = [&]() -> int {
            const QVector<insights::FormReliability> *norms = cache.norms(c.bed.db, c.library);
            if (!norms)
                return -1;
            for (const auto &f : *norms)
                if (f.instrumentId == QLatin1String("triad-physio"))
                    return f.responses;
            return 0;
        };

        // Two dashboard opens: computed once, the same figures as a fresh load.
        QCOMPARE(physioResponses(), 7);
        QCOMPARE(physioResponses(), 7);
        QCOMPARE(cache.computations(), 1);
        const auto fresh = insights::ItemNorms::load(c.bed.db, c.library);
        QVERIFY(fresh);
        QCOMPARE(cache.norms(c.bed.db, c.library)->size(), fresh->size());

        // A new session with a declined parent form and a draft: no complete response more.
        const auto s = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
        QVERIFY(s);
        const auto declined = c.bed.responses.startDraft(s->id, Respondent::Parent, *c.parentForm,
                                                         QStringLiteral("en"));
        QVERIFY(declined && c.bed.responses.decline(declined->id, QStringLiteral("no-time")));
        QVERIFY(c.bed.responses.startDraft(s->id, Respondent::Child, *c.childForm,
                                           QStringLiteral("en")));
        QCOMPARE(physioResponses(), 7);
        QCOMPARE(cache.computations(), 1);

        // The physio completes theirs: counted at the next open.
        QVERIFY(c.respond(s->id, Respondent::Physio, *c.physioForm, 3));
        QCOMPARE(physioResponses(), 8);
        QCOMPARE(cache.computations(), 2);
        QCOMPARE(physioResponses(), 8);
        QCOMPARE(cache.computations(), 2);

        cache.invalidate();
        QCOMPARE(physioResponses(), 8);
        QCOMPARE(cache.computations(), 3);
    }

    void dashboardFromTheDatabaseMatchesAHandCount()
    {
        Clinic c;
        QVERIFY(c.setUp());
        const auto figures = insights::ClinicFigures::load(c.bed.db, c.library);
        insights::EpisodeInsights insights(c.bed.db, c.bed.cipher, c.bed.audit, c.library);
        QVERIFY(insights.recordNewAlerts(c.episode.id, *figures));

        insights::DashboardQuery query(c.bed.db, c.library);
        QVERIFY(query.prepare());
        QVERIFY(query.prepare()); // opening twice is harmless
        const auto data = query.load(QDate(2024, 6, 1));
        QVERIFY2(data, qPrintable(c.bed.db.lastError().detail));
        // 10 complete + 1 declined + 1 skipped (the old draft) in episode 1, 2 complete in
        // episode 2.
        QCOMPARE(data->records.size(), 14);
        // Only the rupture on the total counts for the dashboard (one per episode).
        QCOMPARE(data->alerts.size(), 1);
        QVERIFY(!data->alerts.first().repaired); // no session after it yet

        const Dashboard d = aggregateDashboard(data->records, data->alerts, {});
        QCOMPARE(d.responses, 12);
        QCOMPARE(d.physios.size(), 2);
        const int one = *data->codes.physioCode(c.bed.physio.id);
        const int two = *data->codes.physioCode(c.otherPhysio.id);
        for (const PhysioFigures &p : d.physios) {
            if (p.physioId == one) {
                QCOMPARE(p.episodes, 1);
                QCOMPARE(p.sessions, 5);
                QCOMPARE(p.responses, 10);
                QVERIFY(!p.tooFewToCompare);
                // The rupture rule could apply in this one episode (5 physio sessions) and
                // made a card there; one episode is too few for a rate (issue 8).
                QCOMPARE(p.ruptureEpisodes, 1);
                QCOMPARE(p.episodesWithRupture, 1);
                QCOMPARE(p.ruptures, 1);
                QCOMPARE(p.ruptureRate, std::nullopt);
                QCOMPARE(p.repairRate, std::nullopt);
                const RespondentFigures &parent = p.byRespondent[int(Respondent::Parent)];
                QCOMPARE(parent.complete, 0);
                QCOMPARE(parent.declined, 1);
                QCOMPARE(parent.skipped, 1);
                const RespondentFigures &child = p.byRespondent[int(Respondent::Child)];
                QCOMPARE(child.complete, 5);
                QVERIFY(child.tooFewToCompare); // 5 < 10
                QVERIFY(!child.meanScore);
            } else {
                QCOMPARE(p.physioId, two);
                QCOMPARE(p.responses, 2);
                QVERIFY(p.tooFewToCompare);
                QVERIFY(!p.ruptureRate);
                QVERIFY(!p.byRespondent[int(Respondent::Physio)].meanScore);
            }
        }
        // Age band 8-12 holds episode 1 only (episode 2 has no child form).
        DashboardFilter byBand;
        byBand.ageBandId = int(data->codes.ageBands.indexOf(QStringLiteral("8-12"))) + 1;
        QCOMPARE(aggregateDashboard(data->records, data->alerts, byBand).responses, 10);

        // Today's drafts are still in progress: on the day of session 4 the draft is not
        // counted as skipped.
        const auto sameDay = query.load(QDate(2024, 3, 25));
        QVERIFY(sameDay);
        QCOMPARE(sameDay->records.size(), 13);

        // The physio marks the rupture card "not relevant / false alarm": the lead's rule
        // table counts it (1 of 1 card; no share under 10 cards).
        AlertRepository repo(c.bed.db, c.bed.cipher, c.bed.audit);
        QString cardId;
        for (const store::AlertRecord &a : repo.forEpisode(c.episode.id))
            if (a.type == QLatin1String("rupture"))
                cardId = a.id;
        QVERIFY(!cardId.isEmpty());
        QVERIFY(repo.logAction(cardId, QStringLiteral("false-alarm")));
        const auto marked = query.load(QDate(2024, 6, 1));
        QVERIFY(marked);
        QCOMPARE(marked->alerts.size(), 1);
        QVERIFY(marked->alerts.first().falseAlarm);
        const Dashboard withMark = aggregateDashboard(marked->records, marked->alerts, {});
        QCOMPARE(withMark.rules.first().type, AlertType::Rupture);
        QCOMPARE(withMark.rules.first().eligibleEpisodes, 1);
        QCOMPARE(withMark.rules.first().cards, 1);
        QCOMPARE(withMark.rules.first().falseAlarms, 1);
        QVERIFY(!withMark.rules.first().falseAlarmShare);

        // The two connections share the facts out in chunks, the second one from the last
        // down. Whatever the chunk size, the records and alerts are those of one scan, in the
        // same order, with some chunks read on the second connection (two of them claimed
        // there before this one claims any, else this one may finish first).
        for (const qint64 ids : {1, 2, 3, 5}) {
            insights::DashboardQuery chunked(c.bed.db, c.library);
            chunked.setIdsPerChunk(ids, 2);
            const auto same = chunked.load(QDate(2024, 6, 1));
            QVERIFY2(same, qPrintable(c.bed.db.lastError().detail));
            QVERIFY2(chunked.chunksReadElsewhere() >= 2, qPrintable(QString::number(ids)));
            QCOMPARE(same->records.size(), marked->records.size());
            for (qsizetype i = 0; i < same->records.size(); ++i) {
                const triad::ResponseRecord &x = same->records[i], &y = marked->records[i];
                QCOMPARE(x.episodeId, y.episodeId);
                QCOMPARE(x.sessionIndex, y.sessionIndex);
                QCOMPARE(x.respondent, y.respondent);
                QCOMPARE(x.status, y.status);
                QCOMPARE(x.date, y.date);
                QCOMPARE(x.normalisedTotal, y.normalisedTotal);
                QCOMPARE(x.instrumentId, y.instrumentId);
                QCOMPARE(x.physioId, y.physioId);
                QCOMPARE(x.conditionId, y.conditionId);
                QCOMPARE(x.ageBandId, y.ageBandId);
                QCOMPARE(x.atMaximum, y.atMaximum);
            }
            QCOMPARE(same->alerts.size(), 1);
            QVERIFY(same->alerts.first().falseAlarm);
        }
    }

    void aResponseSavedWhileTheDashboardLoadsCountsOnce_data()
    {
        QTest::addColumn<qint64>("idsPerChunk");
        QTest::newRow("one chunk") << qint64(0);
        QTest::newRow("chunks of two facts") << qint64(2);
    }

    void aResponseSavedWhileTheDashboardLoadsCountsOnce()
    {
        QFETCH(qint64, idsPerChunk);
        // The dashboard reads part of the facts and the alerts on a second connection. A
        // response completed between that connection's snapshot and this one's must count
        // exactly as a load after the save counts it: once, with the figures of one snapshot.
        Clinic c;
        QVERIFY(c.setUp());
        insights::DashboardQuery query(c.bed.db, c.library);
        if (idsPerChunk > 0)
            query.setIdsPerChunk(idsPerChunk, 2);
        QVERIFY(query.prepare());
        const auto before = query.load(QDate(2024, 6, 1));
        QVERIFY2(before, qPrintable(c.bed.db.lastError().detail));
        QCOMPARE(before->records.size(), 14);
        if (idsPerChunk > 0)
            QVERIFY(query.chunksReadElsewhere() >= 2);

        QString sixth;
        query.setBetweenSnapshots([&c, &sixth] {
            const auto s = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
            if (s && c.respond(s->id, Respondent::Physio, *c.physioForm, 4))
                sixth = s->id;
        });
        const auto during = query.load(QDate(2024, 6, 1));
        QVERIFY2(during, qPrintable(c.bed.db.lastError().detail));
        QVERIFY(!sixth.isEmpty());
        // The second connection's chunks were of an older snapshot: none of them counted.
        QCOMPARE(query.chunksReadElsewhere(), 0);
        query.setBetweenSnapshots({});
        const auto after = query.load(QDate(2024, 6, 1));
        QVERIFY(after);
        QCOMPARE(during->records.size(), 15);
        QCOMPARE(after->records.size(), 15);
        const Dashboard d = aggregateDashboard(during->records, during->alerts, {}, 1);
        const Dashboard a = aggregateDashboard(after->records, after->alerts, {}, 1);
        QCOMPARE(d.responses, 13);
        QCOMPARE(a.responses, 13);
        const int one = *during->codes.physioCode(c.bed.physio.id);
        for (const Dashboard *x : {&d, &a}) {
            const auto p =
                std::find_if(x->physios.cbegin(), x->physios.cend(),
                             [one](const PhysioFigures &f) { return f.physioId == one; });
            QVERIFY(p != x->physios.cend());
            QCOMPARE(p->sessions, 6);
            QCOMPARE(p->byRespondent[int(Respondent::Physio)].complete, 6);
        }
    }

    void skippedRespondentsCountOnceInTheDashboard()
    {
        Clinic c;
        QVERIFY(c.setUp());
        RoundSkipRepository skips(c.bed.db, c.bed.audit);
        // Parent, by hand: session 1 absent (a skip row, no response); session 2 started and
        // stopped (a declined response AND a skip row: one skip); session 4 the old draft
        // plus a skip row (one skip); session 5 declined with no skip row (one decline).
        QVERIFY(skips.skip(c.sessionIds[0], Respondent::Parent, QStringLiteral("absent")));
        const auto stopped = c.bed.responses.startDraft(c.sessionIds[1], Respondent::Parent,
                                                        *c.parentForm, QStringLiteral("en"));
        QVERIFY(stopped);
        QVERIFY(c.bed.responses.declineAsSkip(stopped->id, QStringLiteral("parent-declined"),
                                              QStringLiteral("declined")));
        QVERIFY(skips.skip(c.sessionIds[3], Respondent::Parent, QStringLiteral("other")));
        // Child: a sixth session where the child was too distressed to start.
        const auto sixth = c.bed.sessions.create(c.episode.id, c.bed.physio.id, QDate(2024, 4, 8));
        QVERIFY(sixth);
        QVERIFY(c.respond(sixth->id, Respondent::Physio, *c.physioForm, 4));
        QVERIFY(skips.skip(sixth->id, Respondent::Child, QStringLiteral("too-distressed")));

        insights::DashboardQuery query(c.bed.db, c.library);
        QVERIFY(query.prepare());
        const auto data = query.load(QDate(2024, 6, 1));
        QVERIFY2(data, qPrintable(c.bed.db.lastError().detail));
        // Episode 1: physio 6 + child 5 complete and 1 skip + parent 3 skips and 1 decline;
        // episode 2: 2 complete.
        QCOMPARE(data->records.size(), 18);

        // A group size of 1 so the hand-counted rates are shown, not withheld.
        const Dashboard d = aggregateDashboard(data->records, {}, {}, 1);
        const int one = *data->codes.physioCode(c.bed.physio.id);
        const auto p = std::find_if(d.physios.cbegin(), d.physios.cend(),
                                    [one](const PhysioFigures &f) { return f.physioId == one; });
        QVERIFY(p != d.physios.cend());
        QCOMPARE(p->sessions, 6);
        const RespondentFigures &parent = p->byRespondent[int(Respondent::Parent)];
        QCOMPARE(parent.complete, 0);
        QCOMPARE(parent.declined, 1);
        QCOMPARE(parent.skipped, 3);
        QVERIFY(!parent.completionRate); // nothing complete: too few to compare
        const RespondentFigures &child = p->byRespondent[int(Respondent::Child)];
        QCOMPARE(child.complete, 5);
        QCOMPARE(child.skipped, 1);
        QCOMPARE(child.completionRate, std::optional<double>(5.0 / 6.0));
        const RespondentFigures &physio = p->byRespondent[int(Respondent::Physio)];
        QCOMPARE(physio.complete, 6);
        QCOMPARE(physio.completionRate, std::optional<double>(1.0));

        // The skipped child keeps the episode's age band (from the child form elsewhere).
        DashboardFilter byBand;
        byBand.ageBandId = int(data->codes.ageBands.indexOf(QStringLiteral("8-12"))) + 1;
        byBand.respondent = Respondent::Child;
        const Dashboard children = aggregateDashboard(data->records, {}, byBand);
        QCOMPARE(children.physios.size(), 1);
        QCOMPARE(children.physios.first().byRespondent[int(Respondent::Child)].skipped, 1);
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"
