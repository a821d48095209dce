#include "dashboard.h"

#include "flatindex.h"

#include <algorithm>
#include <array>
#include <vector>

namespace triad {

namespace {
struct RespondentSums
{
    int counts[3] = {0, 0, 0}; // by ResponseStatus
    double sum = 0;
};

struct PhysioSums
{
    int physioId = 0;
    int episodes = 0;
    int sessions = 0;
    RespondentSums byRespondent[3];
    int ruptures = 0;
    int repaired = 0;
    int episodesWithRupture = 0;
    int episodesWithDiscrepancy = 0;
    int ruptureEpisodes = 0;
    int discrepancyEpisodes = 0;
};

struct MeanSums
{
    quint64 key = 0;
    int n = 0;
    double sum = 0;
};

struct CeilingSums
{
    int instrumentId = 0;
    int complete = 0;
    int atMaximum = 0;
};

constexpr quint8 kHasRupture = 1;
constexpr quint8 kHasDiscrepancy = 2;

bool inPeriod(const QDate &d, const DashboardFilter &f)
{
    return (!f.from.isValid() || d >= f.from) && (!f.to.isValid() || d <= f.to);
}

bool passes(const ResponseRecord &r, const DashboardFilter &f)
{
    return inPeriod(r.date, f) && (!f.physioId || r.physioId == *f.physioId) &&
           (!f.conditionId || r.conditionId == *f.conditionId) &&
           (!f.ageBandId || r.ageBandId == *f.ageBandId) &&
           (!f.respondent || r.respondent == *f.respondent);
}

std::optional<double> ratio(int num, int den)
{
    return den > 0 ? std::optional<double>(double(num) / den) : std::nullopt;
}
} // namespace

bool ruleCouldApply(AlertType type, const EpisodeCoverage &c)
{
    switch (type) {
    case AlertType::Rupture:
    case AlertType::Watch:
    case AlertType::ReliableDrop:
    case AlertType::DecliningTrend:
        return c.mostSessionsOneRespondent >= 4;
    case AlertType::Discrepancy:
        return c.mostSessionsOneDyad >= 3;
    case AlertType::ChildFallsAdultsHigh:
        return c.sessionsAllThree >= 2;
    case AlertType::BelowCutoff:
        return c.mostSessionsOneRespondent >= 1;
    case AlertType::QualityStraightLine:
    case AlertType::QualityAllMaximum:
    case AlertType::QualityTooFast:
        break;
    }
    return false;
}

const QVector<AlertType> &dashboardRules()
{
    static const QVector<AlertType> rules{AlertType::Rupture, AlertType::ChildFallsAdultsHigh,
                                          AlertType::Discrepancy, AlertType::DecliningTrend,
                                          AlertType::BelowCutoff};
    return rules;
}

Dashboard aggregateDashboard(const QVector<ResponseRecord> &records,
                             const QVector<AlertRecord> &alerts, const DashboardFilter &filter,
                             int minGroupSize)
{
    FlatIndex physioIndex(64);
    // A database's episodes and sessions are numbered by their seq, from 1 and in the order
    // they were made, which is about the order of the records: arrays indexed by those numbers
    // are walked almost in sequence, where a hash table of several MiB cost a cache miss per new
    // session (docs/PERFORMANCE.md, fifteenth pass).
    DenseIndex episodeIndex(qint64(records.size()) + 1024);
    // A session's sessionIndex is unique within its episode only (a database's seq is unique
    // across them): the first session to use a number holds it in the array, any other one with
    // the same number goes to the hash table.
    const qint64 denseSessions = qint64(records.size()) * 2 + 1024;
    std::vector<int> sessionOfNumber; // sessionIndex -> session slot, -1 = none
    FlatIndex otherSessions(64);      // (episode << 32) ^ sessionIndex -> its otherSessionSlot
    std::vector<int> otherSessionSlot;
    FlatIndex monthIndex(256);
    FlatIndex instrumentIndex(64);
    std::vector<PhysioSums> physios;
    std::vector<int> episodePhysio;  // episode slot -> physio slot
    std::vector<int> sessionEpisode; // session slot -> episode slot
    std::vector<quint8> sessionDone; // session slot -> bit per respondent who completed
    std::vector<MeanSums> months;
    std::vector<CeilingSums> ceilings;

    // Records of one session usually arrive together: remember the last keys so most
    // records skip the hash lookups entirely.
    qint64 lastEpisode = -1;
    int lastEpisodeSlot = -1;
    quint64 lastSession = ~0ULL;
    int lastSessionSlot = -1;
    int lastPhysioId = 0;
    int lastPhysioSlot = -1;
    // The month of the last date converted (its first and one-past-last Julian day), and per
    // respondent the month and instrument slots of the last record: consecutive records mostly
    // share them, so most records skip the calendar and the hash lookups.
    qint64 monthFirstJulian = 1, monthEndJulian = 0;
    int lastMonthKey = 0;
    int monthSlotOf[3] = {-1, -1, -1};
    int lastInstrumentOf[3] = {0, 0, 0};
    int instrumentSlotOf[3] = {-1, -1, -1};

    for (const ResponseRecord &r : records) {
        if (!passes(r, filter))
            continue;
        if (lastPhysioSlot < 0 || r.physioId != lastPhysioId) {
            bool fresh = false;
            lastPhysioSlot = physioIndex.slotOf(quint64(quint32(r.physioId)), &fresh);
            lastPhysioId = r.physioId;
            if (fresh) {
                physios.emplace_back();
                physios.back().physioId = r.physioId;
            }
        }
        PhysioSums &p = physios[size_t(lastPhysioSlot)];

        if (r.episodeId != lastEpisode) {
            bool fresh = false;
            lastEpisodeSlot = episodeIndex.slotOf(r.episodeId, &fresh);
            lastEpisode = r.episodeId;
            if (fresh) {
                episodePhysio.push_back(lastPhysioSlot);
                ++p.episodes;
            }
        }
        // Injective while episode ids fit 32 bits; sessionIndex may be any per-episode id.
        const quint64 sessionKey = (quint64(r.episodeId) << 32) ^ quint64(quint32(r.sessionIndex));
        if (sessionKey != lastSession) {
            const int next = int(sessionEpisode.size());
            int slot = -1;
            const qint64 number = r.sessionIndex;
            if (number >= 0 && number < denseSessions) {
                if (size_t(number) >= sessionOfNumber.size())
                    sessionOfNumber.resize(
                        std::min(size_t(denseSessions),
                                 std::max(size_t(number) + 1, sessionOfNumber.size() * 2)),
                        -1);
                int &held = sessionOfNumber[size_t(number)];
                if (held < 0)
                    held = next;
                if (sessionEpisode.size() == size_t(held) ||
                    sessionEpisode[size_t(held)] == lastEpisodeSlot)
                    slot = held;
            }
            if (slot < 0) {
                bool freshKey = false;
                const int other = otherSessions.slotOf(sessionKey, &freshKey);
                if (freshKey)
                    otherSessionSlot.push_back(next);
                slot = otherSessionSlot[size_t(other)];
            }
            lastSessionSlot = slot;
            lastSession = sessionKey;
            if (slot == next) {
                ++physios[size_t(episodePhysio[size_t(lastEpisodeSlot)])].sessions;
                sessionEpisode.push_back(lastEpisodeSlot);
                sessionDone.push_back(0);
            }
        }

        RespondentSums &rs = p.byRespondent[int(r.respondent)];
        ++rs.counts[int(r.status)];
        if (r.status != ResponseStatus::Complete)
            continue;
        rs.sum += r.normalisedTotal;
        sessionDone[size_t(lastSessionSlot)] |= quint8(1u << int(r.respondent));

        const qint64 julian = r.date.toJulianDay();
        if (julian < monthFirstJulian || julian >= monthEndJulian) {
            int year = 0, month = 0; // one calendar conversion per month, not one each
            r.date.getDate(&year, &month, nullptr);
            lastMonthKey = year * 12 + month - 1;
            monthFirstJulian = julian - r.date.day() + 1;
            monthEndJulian = monthFirstJulian + r.date.daysInMonth();
            monthSlotOf[0] = monthSlotOf[1] = monthSlotOf[2] = -1;
        }
        const int who = int(r.respondent);
        bool fresh = false;
        if (monthSlotOf[who] < 0) {
            const quint64 monthKey = quint64(lastMonthKey) * 3 + quint64(who);
            monthSlotOf[who] = monthIndex.slotOf(monthKey, &fresh);
            if (fresh)
                months.push_back({monthKey, 0, 0});
        }
        MeanSums &m = months[size_t(monthSlotOf[who])];
        ++m.n;
        m.sum += r.normalisedTotal;

        if (instrumentSlotOf[who] < 0 || lastInstrumentOf[who] != r.instrumentId) {
            instrumentSlotOf[who] =
                instrumentIndex.slotOf(quint64(quint32(r.instrumentId)), &fresh);
            lastInstrumentOf[who] = r.instrumentId;
            if (fresh)
                ceilings.push_back({r.instrumentId, 0, 0});
        }
        CeilingSums &c = ceilings[size_t(instrumentSlotOf[who])];
        ++c.complete;
        c.atMaximum += r.atMaximum ? 1 : 0;
    }

    // What each episode offers the rules: sessions per respondent, per dyad, with all three.
    std::vector<EpisodeCoverage> coverage(episodePhysio.size());
    {
        std::vector<std::array<int, 6>> counts(episodePhysio.size(), {0, 0, 0, 0, 0, 0});
        for (size_t i = 0; i < sessionDone.size(); ++i) {
            const quint8 done = sessionDone[i];
            auto &c = counts[size_t(sessionEpisode[i])];
            for (int who = 0; who < 3; ++who)
                c[size_t(who)] += (done >> who) & 1;
            c[3] += (done & 0b101) == 0b101 ? 1 : 0; // child and physio
            c[4] += (done & 0b110) == 0b110 ? 1 : 0; // parent and physio
            c[5] += (done & 0b011) == 0b011 ? 1 : 0; // child and parent
            coverage[size_t(sessionEpisode[i])].sessionsAllThree += done == 0b111 ? 1 : 0;
        }
        for (size_t e = 0; e < counts.size(); ++e) {
            const auto &c = counts[e];
            coverage[e].mostSessionsOneRespondent = std::max({c[0], c[1], c[2]});
            coverage[e].mostSessionsOneDyad = std::max({c[3], c[4], c[5]});
        }
    }
    const QVector<AlertType> &ruleTypes = dashboardRules();
    struct RuleSums
    {
        int eligible = 0;
        int episodesWithCard = 0;
        int cards = 0;
        int falseAlarms = 0;
    };
    std::vector<RuleSums> ruleSums(size_t(ruleTypes.size()));
    for (size_t e = 0; e < coverage.size(); ++e) {
        PhysioSums &p = physios[size_t(episodePhysio[e])];
        for (qsizetype k = 0; k < ruleTypes.size(); ++k)
            ruleSums[size_t(k)].eligible += ruleCouldApply(ruleTypes[k], coverage[e]) ? 1 : 0;
        p.ruptureEpisodes += ruleCouldApply(AlertType::Rupture, coverage[e]) ? 1 : 0;
        p.discrepancyEpisodes +=
            ruleCouldApply(AlertType::Discrepancy, coverage[e]) ||
                    ruleCouldApply(AlertType::ChildFallsAdultsHigh, coverage[e])
                ? 1
                : 0;
    }

    std::vector<quint8> episodeFlags(episodePhysio.size(), 0);
    std::vector<quint32> episodeRuleFlags(episodePhysio.size(), 0);
    for (const AlertRecord &a : alerts) {
        if (!inPeriod(a.date, filter) || (filter.respondent && a.respondent != *filter.respondent))
            continue;
        const int e = episodeIndex.find(a.episodeId);
        if (e < 0)
            continue; // its episode has no record passing the filter
        const qsizetype k = ruleTypes.indexOf(a.type);
        if (k >= 0) {
            RuleSums &rs = ruleSums[size_t(k)];
            ++rs.cards;
            rs.falseAlarms += a.falseAlarm ? 1 : 0;
            if (!(episodeRuleFlags[size_t(e)] & (1u << k)) &&
                ruleCouldApply(a.type, coverage[size_t(e)]))
                ++rs.episodesWithCard;
            episodeRuleFlags[size_t(e)] |= 1u << k;
        }
        PhysioSums &p = physios[size_t(episodePhysio[size_t(e)])];
        quint8 &flags = episodeFlags[size_t(e)];
        if (a.type == AlertType::Rupture) {
            ++p.ruptures;
            p.repaired += a.repaired ? 1 : 0;
            // Numerators count only where the denominators do (a period filter can leave
            // an episode with too few sessions for the rule).
            if (!(flags & kHasRupture) && ruleCouldApply(a.type, coverage[size_t(e)]))
                ++p.episodesWithRupture;
            flags |= kHasRupture;
        } else if (a.type == AlertType::Discrepancy || a.type == AlertType::ChildFallsAdultsHigh) {
            if (!(flags & kHasDiscrepancy) &&
                (ruleCouldApply(AlertType::Discrepancy, coverage[size_t(e)]) ||
                 ruleCouldApply(AlertType::ChildFallsAdultsHigh, coverage[size_t(e)])))
                ++p.episodesWithDiscrepancy;
            flags |= kHasDiscrepancy;
        }
    }

    Dashboard d;
    d.minGroupSize = minGroupSize;
    for (const PhysioSums &p : physios) {
        PhysioFigures f;
        f.physioId = p.physioId;
        f.episodes = p.episodes;
        f.sessions = p.sessions;
        f.ruptures = p.ruptures;
        f.repairedRuptures = p.repaired;
        f.episodesWithRupture = p.episodesWithRupture;
        f.episodesWithDiscrepancy = p.episodesWithDiscrepancy;
        for (int i = 0; i < 3; ++i) {
            const RespondentSums &s = p.byRespondent[i];
            RespondentFigures &rf = f.byRespondent[size_t(i)];
            rf.complete = s.counts[int(ResponseStatus::Complete)];
            rf.declined = s.counts[int(ResponseStatus::Declined)];
            rf.skipped = s.counts[int(ResponseStatus::Skipped)];
            f.responses += rf.complete;
            rf.tooFewToCompare = rf.complete < minGroupSize;
            if (!rf.tooFewToCompare) {
                rf.completionRate = ratio(rf.complete, rf.complete + rf.declined + rf.skipped);
                rf.meanScore = s.sum / rf.complete;
            }
        }
        d.responses += f.responses;
        f.tooFewToCompare = f.responses < minGroupSize;
        f.ruptureEpisodes = p.ruptureEpisodes;
        f.discrepancyEpisodes = p.discrepancyEpisodes;
        // Rates only over the episodes where the rule could apply, and only with enough of
        // them: the same small-n guard as the means, so one episode never reads "100 %".
        if (!f.tooFewToCompare && f.ruptureEpisodes >= minGroupSize) {
            f.ruptureRate = ratio(f.episodesWithRupture, f.ruptureEpisodes);
            f.repairRate = ratio(f.repairedRuptures, f.ruptures);
        }
        if (!f.tooFewToCompare && f.discrepancyEpisodes >= minGroupSize)
            f.discrepancyRate = ratio(f.episodesWithDiscrepancy, f.discrepancyEpisodes);
        d.physios.append(f);
    }
    std::sort(
        d.physios.begin(), d.physios.end(),
        [](const PhysioFigures &a, const PhysioFigures &b) { return a.physioId < b.physioId; });

    for (qsizetype k = 0; k < ruleTypes.size(); ++k) {
        const RuleSums &rs = ruleSums[size_t(k)];
        RuleFigures rf;
        rf.type = ruleTypes[k];
        rf.eligibleEpisodes = rs.eligible;
        rf.episodesWithCard = rs.episodesWithCard;
        rf.cards = rs.cards;
        rf.falseAlarms = rs.falseAlarms;
        rf.tooFewToCompare = rs.eligible < minGroupSize;
        if (!rf.tooFewToCompare)
            rf.rate = ratio(rs.episodesWithCard, rs.eligible);
        if (rs.cards >= minGroupSize)
            rf.falseAlarmShare = ratio(rs.falseAlarms, rs.cards);
        d.rules.append(rf);
    }

    std::sort(months.begin(), months.end(),
              [](const MeanSums &a, const MeanSums &b) { return a.key < b.key; });
    for (const MeanSums &m : months) {
        MonthlyMean mm;
        const int monthKey = int(m.key / 3);
        mm.year = monthKey / 12;
        mm.month = monthKey % 12 + 1;
        mm.respondent = Respondent(int(m.key % 3));
        mm.n = m.n;
        mm.tooFewToCompare = m.n < minGroupSize;
        if (!mm.tooFewToCompare)
            mm.mean = m.sum / m.n;
        d.monthly.append(mm);
    }

    std::sort(ceilings.begin(), ceilings.end(), [](const CeilingSums &a, const CeilingSums &b) {
        return a.instrumentId < b.instrumentId;
    });
    for (const CeilingSums &c : ceilings) {
        InstrumentCeiling ic;
        ic.instrumentId = c.instrumentId;
        ic.complete = c.complete;
        ic.atMaximum = c.atMaximum;
        ic.tooFewToCompare = c.complete < minGroupSize;
        if (!ic.tooFewToCompare)
            ic.ceilingRate = ratio(c.atMaximum, c.complete);
        d.ceilings.append(ic);
    }
    return d;
}

} // namespace triad
