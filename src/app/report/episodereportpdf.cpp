#include "episodereportpdf.h"

#include <cmath>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

namespace triad::report {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::report::EpisodeReportPdf", text);
}

const QStringList kPeople{QStringLiteral("child"), QStringLiteral("parent"),
                          QStringLiteral("physio")};

QColor colourOf(const QString &who)
{
    if (who == QLatin1String("child"))
        return QColor(0x1f, 0x6f, 0xb2); // blue
    if (who == QLatin1String("parent"))
        return QColor(0xc4, 0x5a, 0x00); // orange
    return QColor(0x2e, 0x7d, 0x32);     // green
}

QString figure(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 0) : QString();
}

// The page being drawn: a cursor that starts a new page (with the footer) when a block does
// not fit.
class Pages
{
public:
    Pages(QPdfWriter &writer, QPainter &painter, const EpisodeReport &report)
        : m_writer(writer)
        , m_p(painter)
        , m_report(report)
    {
        m_width = m_writer.width();
        m_bottom = m_writer.height() - lineHeight(8) * 2;
    }

    QPainter &painter() { return m_p; }
    int width() const { return m_width; }
    int y() const { return m_y; }
    void advance(int dy) { m_y += dy; }
    int mm(double millimetres) const
    {
        return int(std::lround(millimetres / 25.4 * m_writer.resolution()));
    }

    QFont font(double points, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }
    int lineHeight(double points) const { return QFontMetrics(font(points), &m_writer).height(); }

    void ensure(int height)
    {
        if (m_y + height <= m_bottom)
            return;
        footer();
        m_writer.newPage();
        ++m_page;
        m_y = 0;
    }

    // Wrapped text across the page width (or `width` from `x`); returns its height.
    int text(const QString &s, double points, bool bold = false, int x = 0, int width = 0,
             const QColor &colour = Qt::black)
    {
        m_p.setFont(font(points, bold));
        m_p.setPen(colour);
        const int w = width > 0 ? width : m_width - x;
        const QRect bounds =
            m_p.boundingRect(QRect(x, 0, w, 100000), Qt::TextWordWrap | Qt::AlignLeft, s);
        ensure(bounds.height());
        m_p.drawText(QRect(x, m_y, w, bounds.height()), Qt::TextWordWrap | Qt::AlignLeft, s);
        m_y += bounds.height();
        return bounds.height();
    }

    void heading(const QString &s)
    {
        ensure(lineHeight(12) * 3);
        m_y += lineHeight(12) / 2;
        text(s, 12, true);
        m_p.setPen(QPen(QColor(0x99, 0x99, 0x99), mm(0.2)));
        m_p.drawLine(0, m_y + mm(0.5), m_width, m_y + mm(0.5));
        m_y += mm(2);
    }

    void footer()
    {
        m_p.setFont(font(8));
        m_p.setPen(QColor(0x55, 0x55, 0x55));
        const QString left =
            tr("Triad alliance report · %1 · generated %2 by %3")
                .arg(m_report.identified ? m_report.patientName : m_report.patientCode,
                     m_report.generatedAt, m_report.generatedBy);
        const int y = m_writer.height() - lineHeight(8);
        m_p.drawText(QRect(0, y, m_width * 3 / 4, lineHeight(8)), Qt::AlignLeft, left);
        m_p.drawText(QRect(m_width / 2, y, m_width / 2, lineHeight(8)), Qt::AlignRight,
                     tr("Page %1").arg(m_page));
    }

private:
    QPdfWriter &m_writer;
    QPainter &m_p;
    const EpisodeReport &m_report;
    int m_width = 0;
    int m_bottom = 0;
    int m_y = 0;
    int m_page = 1;
};

void drawMarker(QPainter &p, const QString &who, const QPointF &at, double r)
{
    p.setBrush(colourOf(who));
    if (who == QLatin1String("child")) {
        p.drawEllipse(at, r, r);
    } else if (who == QLatin1String("parent")) {
        p.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
    } else {
        QPainterPath triangle;
        triangle.moveTo(at.x(), at.y() - r * 1.2);
        triangle.lineTo(at.x() + r * 1.1, at.y() + r);
        triangle.lineTo(at.x() - r * 1.1, at.y() + r);
        triangle.closeSubpath();
        p.drawPath(triangle);
    }
}

// The three respondents' total scores (0-100) per session; a missing score breaks the line.
void drawChart(Pages &pages, const EpisodeReport &report)
{
    QPainter &p = pages.painter();
    const int height = pages.mm(70);
    pages.ensure(height + pages.lineHeight(9) * 3);
    const int top = pages.y();
    const int left = pages.mm(12);
    const int right = pages.width() - pages.mm(2);
    const int plotTop = top + pages.mm(2);
    const int plotBottom = top + height - pages.mm(10);
    const auto yOf = [&](double v) { return plotBottom - (plotBottom - plotTop) * v / 100.0; };
    const int n = int(report.sessions.size());
    const auto xOf = [&](int index) {
        return n <= 1 ? (left + right) / 2.0
                      : left + pages.mm(4) +
                            (right - left - pages.mm(8)) * (index - 1) / double(n - 1);
    };
    p.setFont(pages.font(8));
    for (int v = 0; v <= 100; v += 25) {
        p.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), pages.mm(0.2)));
        p.drawLine(QPointF(left, yOf(v)), QPointF(right, yOf(v)));
        p.setPen(QColor(0x44, 0x44, 0x44));
        p.drawText(QRectF(0, yOf(v) - pages.mm(2), left - pages.mm(1.5), pages.mm(4)),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(v));
    }
    p.setPen(QPen(QColor(0x44, 0x44, 0x44), pages.mm(0.3)));
    p.drawLine(left, plotBottom, right, plotBottom);
    const int step = std::max(1, n / 15);
    for (const ReportSession &s : report.sessions)
        if ((s.index - 1) % step == 0 || s.index == n)
            p.drawText(QRectF(xOf(s.index) - pages.mm(5), plotBottom + pages.mm(1), pages.mm(10),
                              pages.mm(4)),
                       Qt::AlignHCenter | Qt::AlignTop, QString::number(s.index));
    p.drawText(QRectF(left, plotBottom + pages.mm(5), right - left, pages.mm(4)),
               Qt::AlignHCenter | Qt::AlignTop, tr("Session"));
    for (const QString &who : kPeople) {
        p.setPen(QPen(colourOf(who), pages.mm(0.6), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        QPainterPath line;
        bool drawing = false;
        for (const ReportSession &s : report.sessions) {
            const auto total = s.byRespondent.value(who).total;
            if (!total) {
                drawing = false;
                continue;
            }
            const QPointF at(xOf(s.index), yOf(*total));
            if (drawing)
                line.lineTo(at);
            else
                line.moveTo(at);
            drawing = true;
        }
        p.setBrush(Qt::NoBrush);
        p.drawPath(line);
        p.setPen(QPen(Qt::white, pages.mm(0.2)));
        for (const ReportSession &s : report.sessions)
            if (const auto total = s.byRespondent.value(who).total)
                drawMarker(p, who, QPointF(xOf(s.index), yOf(*total)), pages.mm(1.1));
    }
    pages.advance(height);
    // Legend.
    int x = left;
    p.setFont(pages.font(9));
    const int legendY = pages.y();
    for (const QString &who : kPeople) {
        p.setPen(QPen(colourOf(who), pages.mm(0.6)));
        p.drawLine(x, legendY + pages.mm(2), x + pages.mm(8), legendY + pages.mm(2));
        p.setPen(QPen(Qt::white, pages.mm(0.2)));
        drawMarker(p, who, QPointF(x + pages.mm(4), legendY + pages.mm(2)), pages.mm(1.1));
        p.setPen(Qt::black);
        const QString label = respondentWords(who);
        p.drawText(QRect(x + pages.mm(10), legendY, pages.mm(40), pages.mm(4)),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
        x += pages.mm(10) + QFontMetrics(pages.font(9), p.device()).horizontalAdvance(label) +
             pages.mm(8);
    }
    pages.advance(pages.mm(6));
}

void drawSessions(Pages &pages, const EpisodeReport &report)
{
    QPainter &p = pages.painter();
    QStringList header{tr("Session"), tr("Date"), tr("Setting")};
    header << tr("Child total") << tr("Child core") << tr("Parent total") << tr("Parent core")
           << tr("Physio total") << tr("Physio core");
    // Column widths in parts of the page width.
    const QVector<double> parts{0.09, 0.14, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11, 0.10};
    QVector<int> xs{0};
    for (double part : parts)
        xs << xs.last() + int(pages.width() * part);
    const int row = pages.lineHeight(8.5) + pages.mm(1);
    const auto drawRow = [&](const QStringList &cells, bool bold, bool shade) {
        pages.ensure(row * (bold ? 2 : 1));
        if (shade)
            p.fillRect(QRect(0, pages.y(), pages.width(), bold ? row * 2 : row),
                       QColor(0xf2, 0xf2, 0xf2));
        p.setFont(pages.font(8.5, bold));
        p.setPen(Qt::black);
        for (int c = 0; c < cells.size(); ++c)
            p.drawText(QRect(xs[c] + pages.mm(1), pages.y(), xs[c + 1] - xs[c] - pages.mm(2),
                             bold ? row * 2 : row),
                       Qt::AlignVCenter | (c >= 3 ? Qt::AlignRight : Qt::AlignLeft) |
                           Qt::TextWordWrap,
                       cells.at(c));
        pages.advance(bold ? row * 2 : row);
    };
    drawRow(header, true, true);
    for (const ReportSession &s : report.sessions) {
        QStringList cells{QString::number(s.index), s.date.toString(Qt::ISODate),
                          conditionWords(s.setting)};
        for (const QString &who : kPeople) {
            const ReportScores scores = s.byRespondent.value(who);
            if (scores.status == QLatin1String("declined")) {
                cells << tr("declined") << QString();
            } else if (scores.status.isEmpty()) {
                cells << QStringLiteral("–") << QString();
            } else {
                cells << figure(scores.total) << figure(scores.core);
            }
        }
        drawRow(cells, false, s.index % 2 == 0);
    }
    if (report.sessions.isEmpty())
        pages.text(tr("No sessions yet."), 9);
    pages.advance(pages.mm(1));
    pages.text(tr("Scores are on a 0-100 scale; \"core\" is the shared questions every respondent "
                  "answers; \"–\": nothing stored for that respondent."),
               7.5, false, 0, 0, QColor(0x55, 0x55, 0x55));
}

void drawCards(Pages &pages, const EpisodeReport &report)
{
    if (report.cards.isEmpty()) {
        pages.text(tr("No alliance cards were raised in this episode."), 9);
        return;
    }
    for (const ReportCard &c : report.cards) {
        pages.ensure(pages.lineHeight(9) * 3);
        QStringList title{tr("Session %1").arg(c.sessionIndex), conditionWords(c.type), c.severity};
        if (!c.respondent.isEmpty())
            title << respondentWords(c.respondent);
        pages.text(title.join(QStringLiteral(" · ")), 9.5, true);
        pages.text(c.text, 9, false, pages.mm(4));
        if (c.actions.isEmpty())
            pages.text(tr("No action logged yet."), 9, false, pages.mm(4), 0,
                       QColor(0x88, 0x22, 0x22));
        for (const ReportAction &a : c.actions) {
            QString line = tr("Action: %1 (%2, by %3)").arg(a.kind, a.at.left(10), a.by);
            if (!a.note.isEmpty())
                line += QStringLiteral(": ") + a.note;
            pages.text(line, 9, false, pages.mm(4));
        }
        pages.advance(pages.mm(2));
    }
}

} // namespace

bool writeEpisodePdf(const EpisodeReport &report, const QString &file, interop::InteropError *error)
{
    const QFileInfo info(file);
    if (info.exists() || info.isSymLink()) {
        *error = {interop::InteropErrorKind::Invalid,
                  tr("%1 exists already; choose a new file name (a report never overwrites a "
                     "file).")
                      .arg(QDir::toNativeSeparators(file))};
        return false;
    }
    if (!info.absoluteDir().exists()) {
        *error = {
            interop::InteropErrorKind::Invalid,
            tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()))};
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = {interop::InteropErrorKind::Io,
                  tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString())};
        return false;
    }
    {
        QPdfWriter writer(&out);
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter));
        writer.setTitle(tr("Triad alliance report %1").arg(report.patientCode));
        writer.setCreator(QStringLiteral("Triad"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            out.cancelWriting();
            *error = {interop::InteropErrorKind::Io,
                      tr("Cannot draw the report into %1.").arg(QDir::toNativeSeparators(file))};
            return false;
        }
        painter.setRenderHint(QPainter::Antialiasing);
        Pages pages(writer, painter, report);

        pages.text(tr("Alliance report"), 18, true);
        pages.text(report.clinicName, 11, false, 0, 0, QColor(0x44, 0x44, 0x44));
        pages.advance(pages.mm(3));
        QStringList patient;
        if (report.identified)
            patient << tr("Patient: %1 (%2), born %3")
                           .arg(report.patientName, report.patientCode,
                                report.birthDate.toString(Qt::ISODate));
        else
            patient << tr("Patient: %1 (pseudonymised report)").arg(report.patientCode);
        if (report.ageAtStart >= 0)
            patient << tr("Age at the start of the episode: %1 years").arg(report.ageAtStart);
        pages.text(patient.join(QStringLiteral("   ·   ")), 10);
        pages.text(tr("Episode: %1, from %2 %3 · physiotherapist %4 · sessions: %5")
                       .arg(conditionWords(report.condition),
                            report.startDate.toString(Qt::ISODate),
                            report.endDate.isValid()
                                ? tr("to %1").arg(report.endDate.toString(Qt::ISODate))
                                : tr("(open)"),
                            report.physio)
                       .arg(report.sessions.size()),
                   10);
        pages.text(tr("Episode id: %1").arg(report.episodeId), 8, false, 0, 0,
                   QColor(0x55, 0x55, 0x55));

        pages.heading(tr("Alliance over the sessions (total score, 0-100)"));
        drawChart(pages, report);
        pages.heading(tr("Sessions and scores"));
        drawSessions(pages, report);
        pages.heading(tr("Alliance cards and actions taken"));
        drawCards(pages, report);
        pages.heading(tr("Forms used"));
        for (const ReportForm &f : report.forms)
            pages.text(QStringLiteral("%1 %2 · %3").arg(f.id, f.version, f.title), 9);
        if (report.forms.isEmpty())
            pages.text(tr("No form answered yet."), 9);
        pages.advance(pages.mm(3));
        pages.text(tr("Generated %1 by %2 with Triad.").arg(report.generatedAt, report.generatedBy),
                   8.5, false, 0, 0, QColor(0x55, 0x55, 0x55));
        pages.footer();
        painter.end();
    }
    if (!out.commit()) {
        *error = {interop::InteropErrorKind::Io,
                  tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString())};
        return false;
    }
    return true;
}

} // namespace triad::report
