pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The physio's view of the round before the tablet goes round: who answers which form,
// who is done, and a skip (with its reason) for anyone who cannot answer today.
Page {
    id: screen

    property string message: ""
    property string skipping: ""
    readonly property var respondentNames: ({
        "child": qsTr("Child"),
        "parent": qsTr("Parent"),
        "physio": qsTr("Physiotherapist")
    })
    readonly property var statusNames: ({
        "pending": qsTr("To do"),
        "done": qsTr("Done"),
        "skipped": qsTr("Skipped"),
        "declined": qsTr("Declined")
    })
    readonly property var plan: RoundFlow.plan
    readonly property var next: plan.find(entry => entry.status === "pending")

    title: qsTr("End-of-session round")
    background: Rectangle { color: Theme.background }

    ConfirmDialog {
        id: skipDialog
        question: screen.skipping === "child" ? qsTr("Skip the child's form today?")
                  : screen.skipping === "parent" ? qsTr("Skip the parent's form today?")
                  : qsTr("Skip your own form today?")
        confirmText: qsTr("Skip")
        asksReason: true
        reasons: RoundFlow.skipReasons
        onConfirmed: reason => screen.message = RoundFlow.skip(screen.skipping, reason)
    }
    ConfirmDialog {
        id: abandonDialog
        question: qsTr("Stop this round? Forms already finished are kept.")
        confirmText: qsTr("Stop the round")
        asksReason: true
        reasons: RoundFlow.skipReasons
        onConfirmed: reason => screen.message = RoundFlow.abandon(reason)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Round for %1").arg(RoundFlow.childName)
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            visible: RoundFlow.continued
            text: qsTr("This continues today's session: the answers given earlier today are kept.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        // What happened while the family held the tablet (a PIN lockout), in plain words.
        Rectangle {
            Layout.fillWidth: true
            visible: ClinicSession.lockoutNotice.length > 0
            implicitHeight: notice.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.warning
            border.width: 2
            RowLayout {
                id: notice
                x: Theme.spacing
                y: Theme.spacing
                width: parent.width - 2 * Theme.spacing
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: ClinicSession.lockoutNotice
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                BigButton {
                    text: qsTr("OK")
                    Accessible.name: qsTr("Dismiss the PIN notice")
                    onClicked: ClinicSession.dismissLockoutNotice()
                }
            }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            // No highlight is drawn: without this, its default 400 px/s animation kept
            // the window drawing frames for seconds, even with the list hidden.
            highlightFollowsCurrentItem: false
            spacing: Theme.spacing
            model: RoundFlow.plan
            delegate: Rectangle {
                id: entry
                required property var modelData
                width: ListView.view.width
                implicitHeight: row.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: entry.modelData.problem.length > 0 ? Theme.warning : Theme.border
                border.width: entry.modelData.problem.length > 0 ? 2 : 1
                GridLayout {
                    id: row
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    columns: screen.width > Math.round(700 * Theme.scale) ? 2 : 1
                    columnSpacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(screen.respondentNames[entry.modelData.respondent] || entry.modelData.respondent)
                                                 .arg(entry.modelData.name)
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 — %2").arg(entry.modelData.instrumentTitle.length > 0 ? entry.modelData.instrumentTitle : qsTr("No form"))
                                                 .arg(entry.modelData.started ? qsTr("Started, answers kept")
                                                      : (screen.statusNames[entry.modelData.status] || entry.modelData.status))
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: entry.modelData.problem.length > 0
                            text: entry.modelData.problem
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.warning
                        }
                    }
                    BigButton {
                        visible: entry.modelData.status === "pending"
                        primary: entry.modelData.problem.length > 0
                        text: entry.modelData.respondent === "child" ? qsTr("Skip the child's form")
                              : entry.modelData.respondent === "parent" ? qsTr("Skip the parent's form")
                              : qsTr("Skip my form")
                        onClicked: {
                            screen.skipping = entry.modelData.respondent
                            skipDialog.ask()
                        }
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: screen.message.length > 0
            text: screen.message
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.warning
        }
        GridLayout {
            Layout.fillWidth: true
            columns: screen.width > screen.height ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            BigButton {
                text: qsTr("Stop the round")
                onClicked: abandonDialog.ask()
            }
            BigButton {
                Layout.fillWidth: true
                enabled: screen.next !== undefined && screen.next.problem.length === 0
                primary: true
                font.pixelSize: Theme.fontLarge
                text: screen.next === undefined ? qsTr("Nobody left to answer")
                      : screen.next.respondent === "physio" ? qsTr("Start my form")
                      : qsTr("Hand the tablet to %1").arg(screen.next.name)
                Accessible.name: qsTr("Go on with the round")
                onClicked: screen.message = RoundFlow.proceed()
            }
        }
    }
}
