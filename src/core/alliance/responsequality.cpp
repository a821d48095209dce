#include "responsequality.h"

#include "prompts.h"

#include <algorithm>
#include <cmath>
#include <QJsonArray>

namespace triad {

namespace {
constexpr double kSame = 1e-6;

bool allEqual(const QVector<double> &v)
{
    return std::all_of(v.cbegin(), v.cend(),
                       [&](double x) { return std::abs(x - v.first()) < kSame; });
}

Alert flag(AlertType type, const ResponseQualityInput &r, QJsonObject evidence, const QString &name,
           const QString &extra = {})
{
    Alert a;
    a.type = type;
    a.respondent = r.respondent;
    a.measure = QStringLiteral("total");
    a.sessionIndex = r.sessionIndex;
    a.severity = defaultSeverity(type);
    a.evidence = std::move(evidence);
    a.prompt = alertPrompt(type, r.respondent, std::nullopt, name, extra);
    return a;
}
} // namespace

QVector<Alert> responseQualityFlags(const ResponseQualityInput &response, const RuptureRules &rules,
                                    const QString &childFirstName)
{
    QVector<Alert> out;
    const int answered = int(response.answerPositions.size());
    if (answered >= rules.minItemsForPatternFlags) {
        const QVector<double> &keyed =
            response.keyedValues.isEmpty() ? response.answerPositions : response.keyedValues;
        const bool allMax =
            std::all_of(keyed.cbegin(), keyed.cend(), [](double v) { return v >= 100.0 - kSame; });
        if (allMax) {
            out.append(flag(AlertType::QualityAllMaximum, response,
                            {{QStringLiteral("rule"), QStringLiteral("all-maximum")},
                             {QStringLiteral("answered"), answered}},
                            childFirstName));
        } else if (allEqual(response.answerPositions)) {
            out.append(flag(AlertType::QualityStraightLine, response,
                            {{QStringLiteral("rule"), QStringLiteral("straight-line")},
                             {QStringLiteral("answered"), answered},
                             {QStringLiteral("position"), response.answerPositions.first()}},
                            childFirstName));
        }
    }
    if (response.durationSeconds && answered > 0) {
        const double perItem = *response.durationSeconds / answered;
        if (perItem < rules.minSecondsPerItem) {
            out.append(flag(AlertType::QualityTooFast, response,
                            {{QStringLiteral("rule"), QStringLiteral("too-fast")},
                             {QStringLiteral("durationSeconds"), *response.durationSeconds},
                             {QStringLiteral("answered"), answered},
                             {QStringLiteral("secondsPerItem"), perItem},
                             {QStringLiteral("threshold"), rules.minSecondsPerItem}},
                            childFirstName, QString::number(perItem, 'f', 1)));
        }
    }
    return out;
}

} // namespace triad
