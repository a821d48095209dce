pragma ComponentBehavior: Bound
import QtQuick
import QtCharts
import Triad.Ui

// The dashboard's alliance by month: one line per respondent over the months; a month too
// small to compare has no point. `months` is DashboardModel.monthly. Built by an asynchronous
// Loader once the rest of the dashboard is on show (docs/PERFORMANCE.md, staff screens).
ChartView {
    id: chart
    property var months: []
    function refill() {
        const lines = { "child": childLine, "parent": parentLine, "physio": physioLine }
        for (const who in lines)
            lines[who].clear()
        // qmllint disable
        // A copy: remove() changes the list being read.
        for (const label of Array.from(monthAxis.categoriesLabels))
            monthAxis.remove(label)
        chart.months.forEach((m, i) => {
            monthAxis.append(Date.fromLocaleString(Qt.locale("C"), m.month, "yyyy-MM").toLocaleDateString(Qt.locale(), "MMM yyyy"), i + 0.5)
            for (const who in lines)
                if (m[who] !== null && m[who] !== undefined)
                    lines[who].append(i, m[who])
        })
        monthAxis.max = Math.max(1, chart.months.length) - 0.5
        // qmllint enable
    }
    onMonthsChanged: refill()
    Component.onCompleted: refill()
    antialiasing: true
    backgroundColor: Theme.surface
    backgroundRoundness: Theme.radius
    legend.alignment: Qt.AlignBottom
    legend.labelColor: Theme.text
    legend.font.pixelSize: Theme.fontSmall
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Alliance by month")

    // The Qt 6.4 Charts qmltypes describe ValueAxis twice (ValueAxis and ValuesAxis share
    // one C++ class), so qmllint cannot resolve it or the lines that use it: disabled for
    // the axis and the lines, for that reason only.
    // qmllint disable
    CategoryAxis {
        id: monthAxis
        min: -0.5
        max: 0.5
        startValue: -0.5
        labelsPosition: CategoryAxis.AxisLabelsPositionCenter
        labelsColor: Theme.text
        labelsFont.pixelSize: Theme.fontSmall
    }
    ValueAxis {
        id: scoreAxis
        min: 0
        max: 100
        tickCount: 6
        labelFormat: "%d"
        labelsColor: Theme.text
        labelsFont.pixelSize: Theme.fontSmall
    }
    LineSeries { id: childLine; name: qsTr("Child"); color: "#0b5f8a"; style: Qt.SolidLine; axisX: monthAxis; axisY: scoreAxis; width: 3; pointsVisible: true }
    LineSeries { id: parentLine; name: qsTr("Parent"); color: "#8a3b00"; style: Qt.DashLine; axisX: monthAxis; axisY: scoreAxis; width: 3; pointsVisible: true }
    LineSeries { id: physioLine; name: qsTr("Physio"); color: "#2e6b1f"; style: Qt.DotLine; axisX: monthAxis; axisY: scoreAxis; width: 3; pointsVisible: true }
    // qmllint enable
}
