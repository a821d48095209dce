pragma ComponentBehavior: Bound
import QtQuick
import Triad.App
import Triad.Ui

// The dashboard's alliance by month: one line per respondent over the months; a month too
// small to compare has no point. `months` is DashboardModel.monthly. Built by an asynchronous
// Loader once the rest of the dashboard is on show (docs/PERFORMANCE.md, staff screens).
LineChart {
    id: chart
    property var months: []
    function refill() {
        const who = ["child", "parent", "physio"]
        const names = [qsTr("Child"), qsTr("Parent"), qsTr("Physio")]
        const colors = [Theme.childLine, Theme.parentLine, Theme.physioLine]
        const styles = ["solid", "dash", "dot"]
        const filled = []
        for (let r = 0; r < who.length; ++r) {
            const points = []
            chart.months.forEach((m, i) => {
                if (m[who[r]] !== null && m[who[r]] !== undefined)
                    points.push({ "x": i, "y": m[who[r]] })
            })
            filled.push({ "name": names[r], "color": colors[r], "style": styles[r],
                          "points": points })
        }
        chart.xLabels = chart.months.map(m => Date.fromLocaleString(Qt.locale("C"), m.month, "yyyy-MM")
                                                   .toLocaleDateString(Qt.locale(), "MMM yyyy"))
        chart.xMax = Math.max(1, chart.months.length) - 0.5
        chart.lines = filled
    }
    onMonthsChanged: refill()
    Component.onCompleted: refill()
    xMin: -0.5
    xMax: 0.5
    yMin: 0
    yMax: 100
    yTickCount: 6
    textColor: Theme.text
    gridColor: Theme.border
    backgroundColor: Theme.surface
    radius: Theme.radius
    fontPixelSize: Theme.fontSmall
    lineWidth: 3
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Alliance by month")
}
