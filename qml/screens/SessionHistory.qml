pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The episode's sessions, newest first: the three scores, and each alert of that
// session with its prompt and what was done about it.
ColumnLayout {
    id: history

    property EpisodeController episode

    // Plain JavaScript arrays (qmllint 6.4 types the controller's lists as QVariantList).
    readonly property var alerts: history.episode ? history.episode.alerts : []
    readonly property var sessions: history.episode ? history.episode.sessions : []

    signal actRequested(string alertId)
    signal actManyRequested(var alertIds)

    // Cards still waiting for the physio: notes are never "open", and neither is a card the
    // repair rule has resolved.
    function openCardIds() {
        return history.alerts.filter(a => a.severity !== "info" && !a.acknowledged && !a.resolved)
                             .map(a => a.alertId)
    }

    function alertsOf(sessionIndex) {
        return history.alerts.filter(a => a.sessionIndex === sessionIndex)
    }
    // A respondent's cell: the score, else what happened, so no row reads as empty.
    function outcome(row, who) {
        const value = row[who]
        if (value !== undefined && value !== null)
            return String(Math.round(value))
        const status = row[who + "Status"]
        if (status === "declined")
            return qsTr("declined")
        if (status === "skipped")
            return row[who + "ReasonLabel"] ? qsTr("skipped (%1)").arg(row[who + "ReasonLabel"])
                                            : qsTr("skipped")
        if (status === "draft")
            return qsTr("not handed in")
        return "–"
    }
    // Nobody handed in a form (stopped, skipped, or a draft still open).
    function nothingHandedIn(row) {
        return row.childStatus !== "complete" && row.parentStatus !== "complete"
               && row.physioStatus !== "complete"
    }

    spacing: Theme.spacing

    // A plain Label above the list, not a ListView header: Qt 6.4 will not create a bound
    // header component from this file.
    Label {
        Layout.fillWidth: true
        // Not "no sessions" while the episode is still being read (EpisodeController.openEpisode).
        text: history.sessions.length > 0 || !history.episode || history.episode.loading
              || history.episode.episodeId.length === 0
              ? qsTr("Sessions")
              : qsTr("No sessions yet. The first round starts from the button below the chart.")
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }

    // Right after sign-in or a round the clinic's figures are worked out on a worker thread:
    // the scores are all here, the cards (judged against those figures) follow by themselves.
    Label {
        objectName: "figuresPendingNote"
        Layout.fillWidth: true
        visible: history.episode !== null && history.episode.figuresPending
        text: qsTr("Working out clinic figures… the alert cards of this episode appear here in a moment.")
        Accessible.name: text
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        font.italic: true
        color: Theme.mutedText
    }

    BigButton {
        visible: history.openCardIds().length > 1
        text: qsTr("Handle all %1 open cards at once").arg(history.openCardIds().length)
        Accessible.name: qsTr("Handle all open cards at once")
        onClicked: history.actManyRequested(history.openCardIds())
    }

    ListView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        // No highlight is drawn: without this, its default 400 px/s animation kept
        // the window drawing frames for seconds, even with the list hidden.
        highlightFollowsCurrentItem: false
        spacing: Theme.spacing
        model: history.sessions.slice().reverse()
        ScrollIndicator.vertical: ScrollIndicator {}

        delegate: ColumnLayout {
            id: session
            required property var modelData
            width: ListView.view.width
            spacing: Math.round(6 * Theme.scale)
            Label {
                Layout.fillWidth: true
                text: qsTr("Session %1 · %2").arg(session.modelData.index).arg(session.modelData.date)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Child %1 · Parent %2 · Physio %3")
                          .arg(history.outcome(session.modelData, "child"))
                          .arg(history.outcome(session.modelData, "parent"))
                          .arg(history.outcome(session.modelData, "physio"))
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            Label {
                Layout.fillWidth: true
                visible: history.nothingHandedIn(session.modelData)
                text: qsTr("No form was handed in at this session.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.warning
            }
            Repeater {
                model: history.alertsOf(session.modelData.index)
                delegate: AlertCard {
                    required property var modelData
                    Layout.fillWidth: true
                    alert: modelData
                    onActRequested: alertId => history.actRequested(alertId)
                }
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 1
                color: Theme.border
            }
        }
    }
}
