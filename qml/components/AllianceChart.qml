pragma ComponentBehavior: Bound
import QtQuick
import Triad.App
import Triad.Ui

// The alliance over the sessions of an episode: one line per respondent (0-100), and a
// marker where a card was raised: open cards red squares, done or resolved ones grey, notes
// small. Filled from EpisodeController.series(). Drawn by LineChart (src/app/linechart.h).
LineChart {
    id: chart

    property EpisodeController episode
    property string measure: "total"
    readonly property var respondents: ["child", "parent", "physio"]
    readonly property var names: [qsTr("Child"), qsTr("Parent"), qsTr("Physio")]
    readonly property var colors: [Theme.childLine, Theme.parentLine, Theme.physioLine]
    readonly property var styles: ["solid", "dash", "dot"]

    function refill() {
        if (!chart.episode)
            return
        const scoreAt = {}
        let lastSession = 1
        const filled = []
        for (let i = 0; i < chart.respondents.length; ++i) {
            const points = chart.episode.series(chart.respondents[i], chart.measure)
            scoreAt[chart.respondents[i]] = {}
            for (const p of points) {
                scoreAt[chart.respondents[i]][p.x] = p.y
                lastSession = Math.max(lastSession, p.x)
            }
            filled.push({ "name": chart.names[i], "color": chart.colors[i],
                          "style": chart.styles[i], "points": points })
        }
        for (const s of chart.episode.sessions)
            lastSession = Math.max(lastSession, s.index)
        const open = [], done = [], notes = []
        for (const a of chart.episode.alerts) {
            const byRespondent = scoreAt[a.respondent]
            if (!byRespondent || byRespondent[a.sessionIndex] === undefined)
                continue
            const target = a.severity === "info" ? notes
                         : (a.acknowledged || a.resolved) ? done : open
            target.push({ "x": a.sessionIndex, "y": byRespondent[a.sessionIndex] })
        }
        chart.xMax = Math.max(2, lastSession)
        chart.lines = filled
        chart.markers = [
            { "name": qsTr("Open card"), "color": Theme.alertMarker, "borderColor": Theme.surface,
              "shape": "square", "size": Math.round(16 * Theme.scale), "points": open },
            { "name": qsTr("Done or resolved"), "color": Theme.mutedText,
              "borderColor": Theme.surface, "shape": "circle",
              "size": Math.round(14 * Theme.scale), "points": done },
            { "name": qsTr("Note"), "color": Theme.border, "borderColor": Theme.mutedText,
              "shape": "circle", "size": Math.round(9 * Theme.scale), "points": notes }
        ]
    }

    onMeasureChanged: refill()
    onEpisodeChanged: refill() // also on creation: the Loader sets it as an initial property

    // The episode's new reading is built into the screen on one turn of the UI thread and its
    // frame shown; the chart is filled and painted on the turn after that frame (painting it
    // in the same frame made one episode open in three block the UI thread 20-21 ms).
    Connections {
        target: chart.episode
        function onChanged() {
            frames.target = chart.Window.window
            fallback.restart()
        }
    }
    Connections {
        id: frames
        target: null
        function onFrameSwapped() {
            frames.target = null
            fallback.stop()
            afterFrame.restart()
        }
    }
    Timer {
        id: afterFrame
        interval: 0
        onTriggered: chart.refill()
    }
    // No frame (not on screen): filled all the same.
    Timer {
        id: fallback
        interval: 100
        onTriggered: {
            frames.target = null
            chart.refill()
        }
    }

    xMin: 1
    xMax: 2
    xTickCount: 11
    yMin: 0
    yMax: 100
    yTickCount: 6
    xTitle: qsTr("Session")
    yTitle: qsTr("Score")
    textColor: Theme.text
    gridColor: Theme.border
    backgroundColor: Theme.surface
    radius: Theme.radius
    fontPixelSize: Theme.fontSmall
    lineWidth: 4
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("Alliance over the sessions")
}
