#include "dashboard.h"

#include "flatindex.h"

#include <algorithm>
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

Dashboard aggregateDashboard(const QVector<ResponseRecord> &records,
                             const QVector<AlertRecord> &alerts, const DashboardFilter &filter,
                             int minGroupSize)
{
    FlatIndex physioIndex(64);
    FlatIndex episodeIndex(records.size() / 8 + 16);
    FlatIndex sessionIndex(records.size() / 2 + 16);
    FlatIndex monthIndex(256);
    FlatIndex instrumentIndex(64);
    std::vector<PhysioSums> physios;
    std::vector<int> episodePhysio; // episode slot -> physio slot
    std::vector<MeanSums> months;
    std::vector<CeilingSums> ceilings;

    // Records of one session usually arrive together: remember the last keys so most
    // records skip the hash lookups entirely.
    qint64 lastEpisode = -1;
    int lastEpisodeSlot = -1;
    quint64 lastSession = ~0ULL;
    int lastPhysioId = 0;
    int lastPhysioSlot = -1;
    qint64 lastJulian = -1;
    int lastMonthKey = 0;

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
            lastEpisodeSlot = episodeIndex.slotOf(quint64(r.episodeId), &fresh);
            lastEpisode = r.episodeId;
            if (fresh) {
                episodePhysio.push_back(lastPhysioSlot);
                ++p.episodes;
            }
        }
        // Injective while episode ids fit 32 bits; sessionIndex may be any per-episode id.
        const quint64 sessionKey = (quint64(r.episodeId) << 32) ^ quint64(quint32(r.sessionIndex));
        if (sessionKey != lastSession) {
            bool fresh = false;
            sessionIndex.slotOf(sessionKey, &fresh);
            lastSession = sessionKey;
            if (fresh)
                ++physios[size_t(episodePhysio[size_t(lastEpisodeSlot)])].sessions;
        }

        RespondentSums &rs = p.byRespondent[int(r.respondent)];
        ++rs.counts[int(r.status)];
        if (r.status != ResponseStatus::Complete)
            continue;
        rs.sum += r.normalisedTotal;

        if (r.date.toJulianDay() != lastJulian) {
            lastJulian = r.date.toJulianDay();
            lastMonthKey = r.date.year() * 12 + r.date.month() - 1;
        }
        const quint64 monthKey = quint64(lastMonthKey) * 3 + quint64(r.respondent);
        bool fresh = false;
        const int m = monthIndex.slotOf(monthKey, &fresh);
        if (fresh)
            months.push_back({monthKey, 0, 0});
        ++months[size_t(m)].n;
        months[size_t(m)].sum += r.normalisedTotal;

        const int c = instrumentIndex.slotOf(quint64(quint32(r.instrumentId)), &fresh);
        if (fresh)
            ceilings.push_back({r.instrumentId, 0, 0});
        ++ceilings[size_t(c)].complete;
        ceilings[size_t(c)].atMaximum += r.atMaximum ? 1 : 0;
    }

    std::vector<quint8> episodeFlags(episodePhysio.size(), 0);
    for (const AlertRecord &a : alerts) {
        if (!inPeriod(a.date, filter) || (filter.respondent && a.respondent != *filter.respondent))
            continue;
        const int e = episodeIndex.find(quint64(a.episodeId));
        if (e < 0)
            continue; // its episode has no record passing the filter
        PhysioSums &p = physios[size_t(episodePhysio[size_t(e)])];
        quint8 &flags = episodeFlags[size_t(e)];
        if (a.type == AlertType::Rupture) {
            ++p.ruptures;
            p.repaired += a.repaired ? 1 : 0;
            if (!(flags & kHasRupture))
                ++p.episodesWithRupture;
            flags |= kHasRupture;
        } else if (a.type == AlertType::Discrepancy || a.type == AlertType::ChildFallsAdultsHigh) {
            if (!(flags & kHasDiscrepancy))
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
        if (!f.tooFewToCompare) {
            f.ruptureRate = ratio(f.episodesWithRupture, f.episodes);
            f.repairRate = ratio(f.repairedRuptures, f.ruptures);
            f.discrepancyRate = ratio(f.episodesWithDiscrepancy, f.episodes);
        }
        d.physios.append(f);
    }
    std::sort(
        d.physios.begin(), d.physios.end(),
        [](const PhysioFigures &a, const PhysioFigures &b) { return a.physioId < b.physioId; });

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
