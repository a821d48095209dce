#pragma once
// The staff screens' line charts (the alliance over an episode's sessions, the dashboard's
// months), drawn with QPainter. It replaces Qt Charts, which needed a QApplication and so Qt
// Widgets in every process, and a graphics scene per chart: 6 MiB of the app's PSS with a
// child's form showing and most of an episode screen's build time (issue 12).
//
// Lines: [{ name, color, style: "solid" | "dash" | "dot", points: [{ x, y }, ...] }, ...],
// joined in the order given. Markers: [{ name, color, borderColor, shape: "square" | "circle",
// size, points }, ...], the first drawn on top. Points may also be Qt.point(x, y). Every series has
// a legend entry below the plot, empty or not, so that the key never moves.

#include <QColor>
#include <QQuickPaintedItem>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

class QPainter;

namespace triad::app {

class LineChart : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList lines MEMBER m_lines NOTIFY chartChanged)
    Q_PROPERTY(QVariantList markers MEMBER m_markers NOTIFY chartChanged)
    Q_PROPERTY(int count READ count NOTIFY chartChanged) // the lines, as ChartView's count
    Q_PROPERTY(double xMin MEMBER m_xMin NOTIFY chartChanged)
    Q_PROPERTY(double xMax MEMBER m_xMax NOTIFY chartChanged)
    Q_PROPERTY(double yMin MEMBER m_yMin NOTIFY chartChanged)
    Q_PROPERTY(double yMax MEMBER m_yMax NOTIFY chartChanged)
    // Whole-number ticks at most this many (x), exactly this many (y).
    Q_PROPERTY(int xTickCount MEMBER m_xTickCount NOTIFY chartChanged)
    Q_PROPERTY(int yTickCount MEMBER m_yTickCount NOTIFY chartChanged)
    // When set, x is a category axis: label i centred under x = i (the months).
    Q_PROPERTY(QStringList xLabels MEMBER m_xLabels NOTIFY chartChanged)
    Q_PROPERTY(QString xTitle MEMBER m_xTitle NOTIFY chartChanged)
    Q_PROPERTY(QString yTitle MEMBER m_yTitle NOTIFY chartChanged)
    Q_PROPERTY(QColor textColor MEMBER m_textColor NOTIFY chartChanged)
    Q_PROPERTY(QColor gridColor MEMBER m_gridColor NOTIFY chartChanged)
    Q_PROPERTY(QColor backgroundColor MEMBER m_backgroundColor NOTIFY chartChanged)
    Q_PROPERTY(int fontPixelSize MEMBER m_fontPixelSize NOTIFY chartChanged)
    Q_PROPERTY(double lineWidth MEMBER m_lineWidth NOTIFY chartChanged)
    Q_PROPERTY(double radius MEMBER m_radius NOTIFY chartChanged)

public:
    explicit LineChart(QQuickItem *parent = nullptr);

    int count() const { return int(m_lines.size()); }
    void paint(QPainter *painter) override;

    // Where a data point is drawn, in the item's coordinates (tests).
    Q_INVOKABLE QPointF mapToPosition(double x, double y) const;

signals:
    void chartChanged();

private:
    struct Frame; // the plot area and the legend's rows for the item's size
    Frame layOut(const QFont &font) const;
    QPointF toPixel(const Frame &frame, double x, double y) const;
    void paintAxes(QPainter *painter, const Frame &frame) const;
    void paintSeries(QPainter *painter, const Frame &frame) const;
    void paintLegend(QPainter *painter, const Frame &frame) const;
    QVector<double> xTicks() const;

    QVariantList m_lines;
    QVariantList m_markers;
    double m_xMin = 0;
    double m_xMax = 1;
    double m_yMin = 0;
    double m_yMax = 100;
    int m_xTickCount = 11;
    int m_yTickCount = 6;
    QStringList m_xLabels;
    QString m_xTitle;
    QString m_yTitle;
    QColor m_textColor = Qt::black;
    QColor m_gridColor = Qt::lightGray;
    QColor m_backgroundColor = Qt::white;
    int m_fontPixelSize = 15;
    double m_lineWidth = 3;
    double m_radius = 0;
};

} // namespace triad::app
