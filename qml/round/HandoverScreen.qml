pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Between two people. After a family member finished (RoundFlow.handoverGate) this is a
// neutral screen with no button that opens a form: only a press-and-hold naming the next
// person does, so the child who just finished cannot start the parent's form by tapping
// on. Then (or straight away when the physio handed the tablet over) a big Start button;
// several languages are offered each named in itself, never a one-button language step.
// Nothing of the previous answers is on this screen.
Page {
    id: screen

    readonly property var plan: RoundFlow.plan
    readonly property bool someoneFinished: plan.some(entry => entry.status === "done")
    property string message: ""
    // Resuming an interrupted form: RoundFlow has already reopened this person's draft.
    readonly property bool resuming: RoundFlow.questionnaire.loaded
                                     && RoundFlow.questionnaire.respondent === RoundFlow.currentRespondent
    readonly property bool gate: RoundFlow.handoverGate
    readonly property var languages: RoundFlow.currentLanguages

    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.margin)
        clip: true
        ColumnLayout {
            id: column
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            spacing: Theme.margin
            Face {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.round(140 * Theme.scale)
                Layout.preferredHeight: Layout.preferredWidth
                mood: 1
            }
            Label {
                Layout.fillWidth: true
                visible: screen.gate && screen.someoneFinished
                text: qsTr("Thank you!")
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: screen.gate ? qsTr("Please give the tablet to %1").arg(RoundFlow.currentName)
                                  : qsTr("Hello %1!").arg(RoundFlow.currentName)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontQuestion
                color: Theme.text
            }

            // The gate: held for 1.5 s by the person named, never opened by a tap.
            HoldButton {
                Layout.alignment: Qt.AlignHCenter
                Layout.maximumWidth: column.width
                visible: screen.gate
                text: qsTr("%1: press and hold here to start").arg(RoundFlow.currentName)
                Accessible.name: qsTr("Press and hold to start")
                onHeld: screen.message = RoundFlow.openHandoverGate()
            }

            BigButton {
                Layout.alignment: Qt.AlignHCenter
                visible: !screen.gate && screen.resuming
                text: qsTr("Go on with my questions")
                primary: true
                font.pixelSize: Theme.fontLarge
                onClicked: screen.message = RoundFlow.proceed()
            }
            // One language: no language step, a big Start with a picture.
            BigButton {
                Layout.alignment: Qt.AlignHCenter
                visible: !screen.gate && !screen.resuming && screen.languages.length === 1
                text: qsTr("▶  Start")
                Accessible.name: qsTr("Start my questions")
                primary: true
                font.pixelSize: Theme.fontTitle
                Layout.preferredWidth: Math.round(260 * Theme.scale)
                Layout.preferredHeight: Theme.touchTarget * 1.6
                onClicked: screen.message = RoundFlow.proceed()
            }
            Flow {
                visible: !screen.gate && !screen.resuming && screen.languages.length > 1
                Layout.fillWidth: true
                Layout.maximumWidth: implicitWidth
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.margin
                Repeater {
                    model: screen.languages.length > 1 ? screen.languages : []
                    delegate: BigButton {
                        required property string modelData
                        text: "▶  " + LanguageNames.nameOf(modelData)
                        Accessible.name: LanguageNames.nameOf(modelData)
                        primary: true
                        font.pixelSize: Theme.fontLarge
                        onClicked: screen.message = RoundFlow.beginForm(modelData)
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: screen.message.length > 0
                text: screen.message
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.warning
            }
        }
    }
}
