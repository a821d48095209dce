pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// A row of labelled points (2 to 11); each point is a full-height target.
Item {
    id: question

    property var choices: []
    property var answer: undefined

    signal answerRequested(var value)

    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight

    RowLayout {
        id: row
        width: parent.width
        spacing: Math.round(6 * Theme.scale)

        Repeater {
            model: question.choices
            delegate: AbstractButton {
                id: point
                required property var modelData
                readonly property bool chosen: question.answer === modelData.value
                Layout.fillWidth: true
                Layout.preferredWidth: 10
                Layout.minimumHeight: Theme.touchTarget * 1.6
                Accessible.role: Accessible.RadioButton
                Accessible.name: modelData.label
                Accessible.checked: chosen
                focusPolicy: Qt.StrongFocus
                onClicked: question.answerRequested(modelData.value)

                background: Rectangle {
                    radius: Theme.radius
                    color: point.chosen ? Theme.accent : Theme.surface
                    border.width: point.visualFocus ? 4 : 2
                    border.color: point.chosen ? Theme.accent : Theme.border
                }
                contentItem: Label {
                    text: point.modelData.label
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    font.pixelSize: Theme.fontBody
                    font.bold: point.chosen
                    color: point.chosen ? Theme.accentText : Theme.text
                }
            }
        }
    }
}
