pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// "Please hand the tablet to …", with a thank-you to whoever just finished. The person
// named taps their language to begin (English is still shown as a choice when it is the
// only one); nothing of the previous answers is on this screen.
Page {
    id: screen

    readonly property var plan: RoundFlow.plan
    readonly property bool someoneFinished: plan.some(entry => entry.status === "done")
    property string message: ""
    // Resuming an interrupted form: RoundFlow has already reopened this person's draft.
    readonly property bool resuming: RoundFlow.questionnaire.loaded
                                     && RoundFlow.questionnaire.respondent === RoundFlow.currentRespondent

    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin
        Item { Layout.fillHeight: true }
        Face {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.round(140 * Theme.scale)
            Layout.preferredHeight: Layout.preferredWidth
            mood: 1
        }
        Label {
            Layout.fillWidth: true
            visible: screen.someoneFinished
            text: qsTr("Thank you!")
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Please hand the tablet to %1").arg(RoundFlow.currentName)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontQuestion
            color: Theme.text
        }
        BigButton {
            Layout.alignment: Qt.AlignHCenter
            visible: screen.resuming
            text: qsTr("Go on with my questions")
            primary: true
            font.pixelSize: Theme.fontLarge
            onClicked: screen.message = RoundFlow.proceed()
        }
        Label {
            Layout.fillWidth: true
            visible: !screen.resuming
            text: qsTr("Tap your language to start")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        Flow {
            visible: !screen.resuming
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.margin
            Repeater {
                model: RoundFlow.currentLanguages
                delegate: BigButton {
                    required property string modelData
                    text: LanguageNames.nameOf(modelData)
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
        Item { Layout.fillHeight: true }
    }
}
