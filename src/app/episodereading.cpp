#include "episodereading.h"

#include "clinicsession.h"
#include "instrumentcatalog.h"

#include <algorithm>
#include <QCoreApplication>

namespace triad::app {

namespace {

QString whoLabel(const RuleNote &note)
{
    if (note.dyad) {
        switch (*note.dyad) {
        case Dyad::ChildPhysio:
            return QCoreApplication::translate("RuleNotes", "the child and the physio");
        case Dyad::ParentPhysio:
            return QCoreApplication::translate("RuleNotes", "the parent and the physio");
        case Dyad::ChildParent:
            return QCoreApplication::translate("RuleNotes", "the child and the parent");
        }
    }
    switch (note.respondent) {
    case Respondent::Child:
        return QCoreApplication::translate("RuleNotes", "the child");
    case Respondent::Parent:
        return QCoreApplication::translate("RuleNotes", "the parent");
    case Respondent::Physio:
        return QCoreApplication::translate("RuleNotes", "the physio");
    }
    return {};
}

// A whole sentence per rule so translators never assemble one from pieces.
QString sentence(const RuleNote &note)
{
    const QString who = whoLabel(note);
    if (note.rule == QLatin1String("own-mean"))
        return QCoreApplication::translate("RuleNotes",
                                           "Usual-level rule not applied yet for %1: %2.")
            .arg(who, note.reason);
    if (note.rule == QLatin1String("reliable-change"))
        return QCoreApplication::translate("RuleNotes",
                                           "Reliable-change rule not applied yet for %1: %2.")
            .arg(who, note.reason);
    if (note.rule == QLatin1String("cutoff"))
        return QCoreApplication::translate("RuleNotes", "Cut-off rule not applied for %1: %2.")
            .arg(who, note.reason);
    if (note.rule == QLatin1String("dyad-gap"))
        return QCoreApplication::translate("RuleNotes",
                                           "Rater-gap rule not applied yet for %1: %2.")
            .arg(who, note.reason);
    if (note.rule == QLatin1String("trend"))
        return QCoreApplication::translate("RuleNotes", "Trend rule not applied yet for %1: %2.")
            .arg(who, note.reason);
    return QCoreApplication::translate("RuleNotes", "A rule not applied for %1: %2.")
        .arg(who, note.reason);
}

QString storeMessage()
{
    return ClinicSession::instance()->database().lastError().message();
}

} // namespace

EpisodeReader::EpisodeReader(Workspace &ws)
    : m_ws(ws)
    , m_insights(ClinicSession::instance()->database(), ws.cipher, ws.audit,
                 InstrumentCatalog::instance()->library())
{}

std::optional<EpisodeReading> EpisodeReader::read(const QString &episodeId)
{
    m_error.clear();
    // Kept between screens and recomputed only after a response completed, so a response
    // stored a moment ago already counts in the norms without re-reading them at every open.
    ClinicSession *session = ClinicSession::instance();
    const insights::ClinicFigures *figures = session->clinicFiguresCache().figures(
        session->database(), InstrumentCatalog::instance()->library());
    if (!figures) {
        m_error = storeMessage();
        return std::nullopt;
    }
    return readWith(episodeId, *figures);
}

std::optional<EpisodeReading> EpisodeReader::readNow(const QString &episodeId)
{
    m_error.clear();
    ClinicSession *session = ClinicSession::instance();
    bool failed = false;
    const insights::ClinicFigures *figures = session->readyClinicFigures(&failed);
    if (failed) {
        m_error = session->clinicFiguresError().isEmpty() ? storeMessage()
                                                          : session->clinicFiguresError();
        return std::nullopt;
    }
    static const insights::ClinicFigures none;
    auto reading = readWith(episodeId, figures ? *figures : none);
    if (reading)
        reading->figuresPending = !figures;
    return reading;
}

std::optional<EpisodeReading> EpisodeReader::readWith(const QString &episodeId,
                                                      const insights::ClinicFigures &figures)
{
    auto history = m_insights.history(episodeId, figures);
    if (!history) {
        m_error = storeMessage();
        return std::nullopt;
    }
    EpisodeReading reading;
    reading.analysis = m_insights.analyze(*history);
    reading.history = std::move(*history);
    return reading;
}

std::optional<QVector<store::AlertRecord>>
EpisodeReader::recordSessionAlerts(const EpisodeReading &reading, int sessionIndex)
{
    m_error.clear();
    // Alerts are judged against the clinic's real figures, never without them.
    Q_ASSERT(!reading.figuresPending);
    if (reading.figuresPending)
        return std::nullopt;
    if (!m_insights.recordNewAlerts(reading.history, reading.analysis, sessionIndex)) {
        m_error = storeMessage();
        return std::nullopt;
    }
    const QString sessionId = sessionIndex >= 1 && sessionIndex <= reading.history.sessionIds.size()
                                  ? reading.history.sessionIds.at(sessionIndex - 1)
                                  : QString();
    QVector<store::AlertRecord> ofSession;
    ClinicSession::instance()->database().clearError();
    const auto stored = m_ws.alerts.forEpisode(reading.history.episodeId);
    if (m_ws.alerts.lastError().isError()) {
        m_error = storeMessage();
        return std::nullopt;
    }
    for (auto it = stored.rbegin(); it != stored.rend(); ++it)
        if (it->sessionId == sessionId)
            ofSession << *it;
    // Concerns first, then what to watch, then the quality flags.
    const QStringList bySeverity{QStringLiteral("concern"), QStringLiteral("watch"),
                                 QStringLiteral("info")};
    std::stable_sort(ofSession.begin(), ofSession.end(),
                     [&](const store::AlertRecord &a, const store::AlertRecord &b) {
                         return bySeverity.indexOf(a.severity) < bySeverity.indexOf(b.severity);
                     });
    return ofSession;
}

QStringList ruleNoteSentences(const EpisodeAnalysis &analysis, int sessionIndex)
{
    QStringList out;
    for (const RuleNote &n : analysis.notes) {
        if (n.measure != QLatin1String("total"))
            continue;
        // A form without a cut-off is how the form is, not news about this session (issue 8:
        // rule jargon on the summary); the other rules say what they still need.
        if (n.rule == QLatin1String("cutoff"))
            continue;
        if (sessionIndex > 0 && n.sessionIndex != sessionIndex)
            continue;
        const QString text = sentence(n);
        if (!out.contains(text))
            out << text;
    }
    return out;
}

} // namespace triad::app
