pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// For the physio only, after patient mode: the three scores of today, the change since
// the last session, and each alert with the plain sentence on what to talk about.
Page {
    id: screen

    readonly property var summary: RoundFlow.summary
    readonly property var scores: summary.respondents || []
    readonly property var notes: summary.notes || []
    readonly property var alerts: summary.alerts || []
    readonly property var respondentNames: ({
        "child": qsTr("Child"),
        "parent": qsTr("Parent"),
        "physio": qsTr("Physio")
    })

    signal done

    function statusText(status) {
        return status === "skipped" ? qsTr("Skipped today")
             : status === "declined" ? qsTr("Declined today")
             : qsTr("No score")
    }

    function change(value) {
        if (value === undefined || value === null)
            return qsTr("first session")
        const rounded = Math.round(value)
        return rounded > 0 ? qsTr("+%1 since last session").arg(rounded)
             : rounded < 0 ? qsTr("%1 since last session").arg(rounded)
             : qsTr("same as last session")
    }

    background: Rectangle { color: Theme.background }

    // Always on screen, however many alerts there are.
    footer: Rectangle {
        implicitHeight: doneButton.implicitHeight + 2 * Theme.spacing
        color: Theme.background
        BigButton {
            id: doneButton
            anchors.fill: parent
            anchors.margins: Theme.spacing
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            text: qsTr("Done")
            primary: true
            onClicked: screen.done()
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: Theme.margin

            Label {
                Layout.fillWidth: true
                text: qsTr("Session summary")
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            GridLayout {
                Layout.fillWidth: true
                columns: screen.width > screen.height ? 3 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    model: screen.scores
                    delegate: Rectangle {
                        id: card
                        required property var modelData
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.respondentColor(card.modelData.respondent)
                        border.width: 3
                        ColumnLayout {
                            id: cardColumn
                            x: Theme.spacing
                            y: Theme.spacing
                            width: card.width - 2 * Theme.spacing
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: qsTr("%1 · %2").arg(screen.respondentNames[card.modelData.respondent] || card.modelData.respondent)
                                                     .arg(card.modelData.name || "")
                                elide: Text.ElideRight
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                text: card.modelData.now === undefined || card.modelData.now === null
                                      ? screen.statusText(card.modelData.status)
                                      : qsTr("%1 / 100").arg(Math.round(card.modelData.now))
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.fontTitle
                                font.bold: true
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: card.modelData.now !== undefined && card.modelData.now !== null
                                text: screen.change(card.modelData.change)
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.fontBody
                                color: Theme.mutedText
                            }
                            // A note (info card) is a small mark on this response, not a card.
                            Label {
                                Layout.fillWidth: true
                                visible: (card.modelData.marks || []).length > 0
                                text: qsTr("Note: %1").arg((card.modelData.marks || []).join(" "))
                                wrapMode: Text.WordWrap
                                font.pixelSize: Theme.fontSmall
                                font.italic: true
                                color: Theme.mutedText
                            }
                        }
                    }
                }
            }
            // The child said yes to "something you want to tell": no score carries it.
            Rectangle {
                Layout.fillWidth: true
                visible: (screen.summary.childWantsToTell || "").length > 0
                implicitHeight: tell.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.warning
                border.width: 2
                Label {
                    id: tell
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    text: screen.summary.childWantsToTell || ""
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
            }
            Label {
                Layout.fillWidth: true
                text: screen.alerts.length > 0 ? qsTr("What to talk about")
                                               : screen.summary.figuresPending ? qsTr("What to talk about")
                                                                               : qsTr("No alerts today.")
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            // This round's answers changed the clinic's figures, worked out again on a worker
            // thread: the cards are judged against them and appear here when they are ready.
            Label {
                objectName: "figuresPendingNote"
                Layout.fillWidth: true
                visible: screen.summary.figuresPending === true
                text: qsTr("Working out clinic figures… the alert cards of this session appear here in a moment.")
                Accessible.name: text
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                font.italic: true
                color: Theme.mutedText
            }
            Repeater {
                model: screen.alerts
                delegate: AlertCard {
                    required property var modelData
                    Layout.fillWidth: true
                    alert: Object.assign({ "sessionIndex": screen.summary.sessionIndex }, modelData)
                    canAct: false
                }
            }
            Repeater {
                model: screen.notes
                delegate: Label {
                    required property string modelData
                    Layout.fillWidth: true
                    text: modelData
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontSmall
                    color: Theme.mutedText
                }
            }
        }
    }
}
