#include "linechart.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace triad::app {

namespace {
QFont chartFont(int pixelSize)
{
    QFont font;
    font.setPixelSize(qMax(8, pixelSize));
    return font;
}

QPointF pointOf(const QVariant &value)
{
    if (value.canConvert<QVariantMap>()) {
        const QVariantMap map = value.toMap();
        if (map.contains(QStringLiteral("x")))
            return {map.value(QStringLiteral("x")).toDouble(),
                    map.value(QStringLiteral("y")).toDouble()};
    }
    return value.toPointF();
}

QVector<QPointF> pointsOf(const QVariantMap &series)
{
    QVector<QPointF> out;
    const QVariantList points = series.value(QStringLiteral("points")).toList();
    out.reserve(points.size());
    for (const QVariant &p : points)
        out << pointOf(p);
    return out;
}

Qt::PenStyle penStyle(const QString &style)
{
    if (style == QLatin1String("dash"))
        return Qt::DashLine;
    if (style == QLatin1String("dot"))
        return Qt::DotLine;
    return Qt::SolidLine;
}

QString tickLabel(double value)
{
    return QString::number(std::lround(value));
}
} // namespace

struct LineChart::Frame
{
    QFont font;
    double pad = 0;
    QRectF plot;
    QRectF legend;
    double rowHeight = 0;
};

LineChart::LineChart(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    connect(this, &LineChart::chartChanged, this, [this] { update(); });
}

QVector<double> LineChart::xTicks() const
{
    QVector<double> ticks;
    if (!m_xLabels.isEmpty()) {
        for (int i = 0; i < m_xLabels.size(); ++i)
            ticks << i;
        return ticks;
    }
    const double span = m_xMax - m_xMin;
    if (span <= 0)
        return {m_xMin};
    const int most = qMax(2, m_xTickCount);
    const double step = qMax(1.0, std::ceil(span / (most - 1)));
    for (double x = std::ceil(m_xMin); x <= m_xMax + 1e-9; x += step)
        ticks << x;
    return ticks;
}

LineChart::Frame LineChart::layOut(const QFont &font) const
{
    Frame frame;
    frame.font = font;
    const QFontMetricsF metrics(font);
    frame.pad = std::round(metrics.height() * 0.5);
    frame.rowHeight = std::ceil(metrics.height() * 1.5);

    // The legend's entries flow into as many rows as the width needs.
    const double symbol = metrics.height() * 2.2;
    const double spacing = metrics.height();
    const double room = qMax(1.0, width() - 2 * frame.pad);
    int rows = 1;
    double x = 0;
    for (const QVariantList *list : {&m_lines, &m_markers})
        for (const QVariant &series : *list) {
            const double w =
                symbol + metrics.height() * 0.4 +
                metrics.horizontalAdvance(series.toMap().value(QStringLiteral("name")).toString());
            if (x > 0 && x + w > room) {
                ++rows;
                x = 0;
            }
            x += w + spacing;
        }
    const double legendHeight =
        (m_lines.isEmpty() && m_markers.isEmpty()) ? 0.0 : rows * frame.rowHeight;
    frame.legend = QRectF(frame.pad, height() - frame.pad - legendHeight, room, legendHeight);

    double labelsWidth = 0;
    for (int i = 0; i < qMax(2, m_yTickCount); ++i) {
        const double value = m_yMin + (m_yMax - m_yMin) * i / (qMax(2, m_yTickCount) - 1);
        labelsWidth = qMax(labelsWidth, metrics.horizontalAdvance(tickLabel(value)));
    }
    const double left =
        frame.pad + (m_yTitle.isEmpty() ? 0.0 : metrics.height() * 1.2) + labelsWidth + frame.pad;
    const double below = metrics.height() * 1.6 + (m_xTitle.isEmpty() ? 0.0 : metrics.height());
    const double top = frame.pad + metrics.height() * 0.5;
    const double right = width() - frame.pad - metrics.height();
    const double bottom = frame.legend.top() - frame.pad * 0.5 - below;
    frame.plot = QRectF(QPointF(left, top), QPointF(qMax(left + 1, right), qMax(top + 1, bottom)));
    return frame;
}

QPointF LineChart::mapToPosition(double x, double y) const
{
    return toPixel(layOut(chartFont(m_fontPixelSize)), x, y);
}

QPointF LineChart::toPixel(const Frame &frame, double x, double y) const
{
    const double xSpan = m_xMax - m_xMin;
    const double ySpan = m_yMax - m_yMin;
    const double fx = xSpan > 0 ? (x - m_xMin) / xSpan : 0.5;
    const double fy = ySpan > 0 ? (y - m_yMin) / ySpan : 0.5;
    return {frame.plot.left() + fx * frame.plot.width(),
            frame.plot.bottom() - fy * frame.plot.height()};
}

void LineChart::paint(QPainter *painter)
{
    painter->setRenderHint(QPainter::Antialiasing, antialiasing());
    const Frame frame = layOut(chartFont(m_fontPixelSize));
    painter->setFont(frame.font);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_backgroundColor);
    painter->drawRoundedRect(boundingRect(), m_radius, m_radius);
    paintAxes(painter, frame);
    painter->save();
    painter->setClipRect(frame.plot.adjusted(-frame.pad, -frame.pad, frame.pad, frame.pad));
    paintSeries(painter, frame);
    painter->restore();
    paintLegend(painter, frame);
}

void LineChart::paintAxes(QPainter *painter, const Frame &frame) const
{
    const QFontMetricsF metrics(frame.font);
    const QRectF &plot = frame.plot;
    painter->setBrush(Qt::NoBrush);

    const int yTicks = qMax(2, m_yTickCount);
    for (int i = 0; i < yTicks; ++i) {
        const double value = m_yMin + (m_yMax - m_yMin) * i / (yTicks - 1);
        const double y = toPixel(frame, m_xMin, value).y();
        painter->setPen(QPen(m_gridColor, 1));
        painter->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter->setPen(m_textColor);
        const QRectF box(0, y - metrics.height() / 2, plot.left() - frame.pad, metrics.height());
        painter->drawText(box, Qt::AlignRight | Qt::AlignVCenter, tickLabel(value));
    }

    const QVector<double> ticks = xTicks();
    for (int i = 0; i < ticks.size(); ++i) {
        const double x = toPixel(frame, ticks[i], m_yMin).x();
        if (m_xLabels.isEmpty()) {
            painter->setPen(QPen(m_gridColor, 1));
            painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        const QString label = m_xLabels.isEmpty() ? tickLabel(ticks[i]) : m_xLabels.value(i);
        const double w = metrics.horizontalAdvance(label);
        painter->setPen(m_textColor);
        painter->drawText(
            QRectF(x - w / 2 - 2, plot.bottom() + metrics.height() * 0.5, w + 4, metrics.height()),
            Qt::AlignCenter, label);
    }
    painter->setPen(QPen(m_gridColor, 1));
    painter->drawRect(plot);

    painter->setPen(m_textColor);
    if (!m_xTitle.isEmpty())
        painter->drawText(QRectF(plot.left(), plot.bottom() + metrics.height() * 1.6, plot.width(),
                                 metrics.height()),
                          Qt::AlignCenter, m_xTitle);
    if (!m_yTitle.isEmpty()) {
        painter->save();
        painter->translate(frame.pad, plot.center().y());
        painter->rotate(-90);
        painter->drawText(QRectF(-plot.height() / 2, 0, plot.height(), metrics.height()),
                          Qt::AlignCenter, m_yTitle);
        painter->restore();
    }
}

namespace {
void drawMarker(QPainter *painter, const QVariantMap &series, QPointF at, double size)
{
    painter->setBrush(series.value(QStringLiteral("color")).value<QColor>());
    painter->setPen(QPen(series.value(QStringLiteral("borderColor")).value<QColor>(), 2));
    const QRectF box(at.x() - size / 2, at.y() - size / 2, size, size);
    if (series.value(QStringLiteral("shape")).toString() == QLatin1String("square"))
        painter->drawRect(box);
    else
        painter->drawEllipse(box);
}

QPen linePen(const QVariantMap &series, double width)
{
    QPen pen(series.value(QStringLiteral("color")).value<QColor>(), width,
             penStyle(series.value(QStringLiteral("style")).toString()));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}
} // namespace

void LineChart::paintSeries(QPainter *painter, const Frame &frame) const
{
    for (const QVariant &value : m_lines) {
        const QVariantMap series = value.toMap();
        const QVector<QPointF> points = pointsOf(series);
        QPainterPath path;
        for (int i = 0; i < points.size(); ++i) {
            const QPointF at = toPixel(frame, points[i].x(), points[i].y());
            if (i == 0)
                path.moveTo(at);
            else
                path.lineTo(at);
        }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(linePen(series, m_lineWidth));
        painter->drawPath(path);
        // Each session's point, so that a single session still shows.
        painter->setPen(Qt::NoPen);
        painter->setBrush(series.value(QStringLiteral("color")).value<QColor>());
        for (const QPointF &p : points)
            painter->drawEllipse(toPixel(frame, p.x(), p.y()), m_lineWidth * 1.4,
                                 m_lineWidth * 1.4);
    }
    // The first kind of marker on top (the open cards, over done ones at the same point).
    for (auto it = m_markers.crbegin(); it != m_markers.crend(); ++it) {
        const QVariantMap series = it->toMap();
        const double size = series.value(QStringLiteral("size"), 12).toDouble();
        for (const QPointF &p : pointsOf(series))
            drawMarker(painter, series, toPixel(frame, p.x(), p.y()), size);
    }
}

void LineChart::paintLegend(QPainter *painter, const Frame &frame) const
{
    const QFontMetricsF metrics(frame.font);
    const double symbol = metrics.height() * 2.2;
    const double spacing = metrics.height();
    double x = 0;
    double top = frame.legend.top();
    const auto entry = [&](const QVariantMap &series, bool line) {
        const QString name = series.value(QStringLiteral("name")).toString();
        const double w = symbol + metrics.height() * 0.4 + metrics.horizontalAdvance(name);
        if (x > 0 && x + w > frame.legend.width()) {
            x = 0;
            top += frame.rowHeight;
        }
        const double left = frame.legend.left() + x;
        const double middle = top + frame.rowHeight / 2;
        if (line) {
            painter->setBrush(Qt::NoBrush);
            painter->setPen(linePen(series, m_lineWidth));
            painter->drawLine(QPointF(left + 2, middle), QPointF(left + symbol - 2, middle));
        } else {
            const double size =
                qMin(series.value(QStringLiteral("size"), 12).toDouble(), frame.rowHeight - 2);
            drawMarker(painter, series, QPointF(left + symbol / 2, middle), size);
        }
        painter->setPen(m_textColor);
        painter->drawText(QRectF(left + symbol + metrics.height() * 0.4, top,
                                 metrics.horizontalAdvance(name) + 2, frame.rowHeight),
                          Qt::AlignLeft | Qt::AlignVCenter, name);
        x += w + spacing;
    };
    for (const QVariant &series : m_lines)
        entry(series.toMap(), true);
    for (const QVariant &series : m_markers)
        entry(series.toMap(), false);
}

} // namespace triad::app
