pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Every question with the answer given (or "Not answered"); a tap goes back to it.
Item {
    id: review

    property QuestionnaireModel questionnaire

    signal editRequested(int index)
    signal submitRequested

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Check your answers")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Tap a question to change it.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }

        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Math.round(6 * Theme.scale)
            model: review.questionnaire
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string prompt
                required property string answerLabel
                required property bool answered
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + 16)
                Accessible.name: qsTr("Change question %1").arg(index + 1)
                onClicked: review.editRequested(index)
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: row.visualFocus ? 3 : 1
                    border.color: row.visualFocus ? Theme.selected : Theme.border
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                        text: (row.index + 1) + ". " + row.prompt
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 2
                        text: row.answerLabel
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignRight
                        font.pixelSize: Theme.fontBody
                        font.bold: row.answered
                        font.italic: !row.answered
                        color: row.answered ? Theme.text : Theme.mutedText
                    }
                }
            }
        }

        BigButton {
            Layout.alignment: Qt.AlignRight
            text: qsTr("I'm done")
            primary: true
            onClicked: review.submitRequested()
        }
    }
}
