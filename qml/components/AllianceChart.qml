pragma ComponentBehavior: Bound
import QtQuick
import QtCharts
import Triad.App
import Triad.Ui

// The alliance over the sessions of an episode: one line per respondent (0-100), and a
// red marker where an alert was raised. Filled from EpisodeController.series().
ChartView {
    id: chart

    property EpisodeController episode
    property string measure: "total"
    readonly property var respondents: ["child", "parent", "physio"]

    function refill() {
        if (!chart.episode)
            return
        const lines = [childLine, parentLine, physioLine]
        const scoreAt = {}
        let lastSession = 1
        for (let i = 0; i < lines.length; ++i) {
            const points = chart.episode.series(chart.respondents[i], chart.measure)
            lines[i].clear()
            scoreAt[chart.respondents[i]] = {}
            for (const p of points) {
                lines[i].append(p.x, p.y)
                scoreAt[chart.respondents[i]][p.x] = p.y
                lastSession = Math.max(lastSession, p.x)
            }
        }
        for (const s of chart.episode.sessions)
            lastSession = Math.max(lastSession, s.index)
        alertMarkers.clear()
        doneMarkers.clear()
        noteMarkers.clear()
        for (const a of chart.episode.alerts) {
            const byRespondent = scoreAt[a.respondent]
            if (!byRespondent || byRespondent[a.sessionIndex] === undefined)
                continue
            // Open cards red; acknowledged or resolved (repaired) ones grey; notes small.
            const target = a.severity === "info" ? noteMarkers
                         : (a.acknowledged || a.resolved) ? doneMarkers : alertMarkers
            target.append(a.sessionIndex, byRespondent[a.sessionIndex])
        }
        // qmllint disable
        xAxis.max = Math.max(2, lastSession)
        xAxis.tickCount = Math.min(xAxis.max, 11)
        // qmllint enable
    }

    onMeasureChanged: refill()
    onEpisodeChanged: refill()
    Connections {
        target: chart.episode
        function onChanged() {
            chart.refill()
        }
    }

    antialiasing: true
    backgroundColor: Theme.surface
    backgroundRoundness: Theme.radius
    plotAreaColor: Theme.surface
    legend.visible: true
    legend.alignment: Qt.AlignBottom
    legend.labelColor: Theme.text
    legend.font.pixelSize: Theme.fontSmall
    margins.top: 4
    margins.bottom: 4
    margins.left: 4
    margins.right: 4
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Alliance over the sessions")

    // The Qt 6.4 Charts qmltypes describe ValueAxis twice (ValueAxis and ValuesAxis share one
    // C++ class), so qmllint cannot resolve it or its properties: disabled for the axes and
    // the lines that use them, for that reason only.
    // qmllint disable
    ValueAxis {
        id: xAxis
        min: 1
        max: 2
        tickCount: 2
        labelFormat: "%d"
        titleText: qsTr("Session")
        titleFont.pixelSize: Theme.fontSmall
        labelsFont.pixelSize: Theme.fontSmall
        labelsColor: Theme.text
        titleBrush: Theme.text
        gridLineColor: Theme.border
        color: Theme.border
    }
    ValueAxis {
        id: yAxis
        min: 0
        max: 100
        tickCount: 6
        labelFormat: "%d"
        titleText: qsTr("Score")
        titleFont.pixelSize: Theme.fontSmall
        labelsFont.pixelSize: Theme.fontSmall
        labelsColor: Theme.text
        titleBrush: Theme.text
        gridLineColor: Theme.border
        color: Theme.border
    }
    LineSeries {
        id: childLine
        name: qsTr("Child")
        axisX: xAxis
        axisY: yAxis
        color: Theme.childLine
        width: 4
        pointsVisible: true
    }
    LineSeries {
        id: parentLine
        name: qsTr("Parent")
        axisX: xAxis
        axisY: yAxis
        color: Theme.parentLine
        width: 4
        style: Qt.DashLine
        pointsVisible: true
    }
    LineSeries {
        id: physioLine
        name: qsTr("Physio")
        axisX: xAxis
        axisY: yAxis
        color: Theme.physioLine
        width: 4
        style: Qt.DotLine
        pointsVisible: true
    }
    ScatterSeries {
        id: alertMarkers
        name: qsTr("Open card")
        axisX: xAxis
        axisY: yAxis
        color: Theme.alertMarker
        borderColor: Theme.surface
        markerShape: ScatterSeries.MarkerShapeRectangle
        markerSize: Math.round(16 * Theme.scale)
    }
    ScatterSeries {
        id: doneMarkers
        name: qsTr("Done or resolved")
        axisX: xAxis
        axisY: yAxis
        color: Theme.mutedText
        borderColor: Theme.surface
        markerShape: ScatterSeries.MarkerShapeCircle
        markerSize: Math.round(14 * Theme.scale)
    }
    ScatterSeries {
        id: noteMarkers
        name: qsTr("Note")
        axisX: xAxis
        axisY: yAxis
        color: Theme.border
        borderColor: Theme.mutedText
        markerShape: ScatterSeries.MarkerShapeCircle
        markerSize: Math.round(9 * Theme.scale)
    }
    // qmllint enable
}
