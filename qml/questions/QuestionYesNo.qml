pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Triad.Ui

// Two big buttons, each with a picture (a tick for yes, a cross for no) so a child who
// cannot read yet can answer. The model keeps true for the choice with value 1, false for 0.
Item {
    id: question

    property var choices: []
    property var answer: undefined

    signal answerRequested(var value)

    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight

    RowLayout {
        id: row
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: Theme.margin

        Repeater {
            model: question.choices
            delegate: BigButton {
                id: choice
                required property var modelData
                readonly property bool yes: modelData.value === 1
                readonly property bool chosen: question.answer === yes
                Layout.preferredWidth: Math.round(200 * Theme.scale)
                Layout.preferredHeight: Math.round(170 * Theme.scale)
                text: modelData.label
                Accessible.name: modelData.label
                primary: chosen
                checkable: true
                checked: chosen
                Accessible.role: Accessible.RadioButton
                Accessible.checked: chosen
                onClicked: question.answerRequested(choice.yes)
                contentItem: Column {
                    spacing: Math.round(4 * Theme.scale)
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: choice.yes ? "✓" : "✗"
                        font.pixelSize: Math.round(80 * Theme.scale)
                        font.bold: true
                        color: choice.chosen ? Theme.accentText : (choice.yes ? Theme.accent : Theme.warning)
                        Accessible.ignored: true
                    }
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: choice.modelData.label
                        font.pixelSize: Theme.fontLarge
                        color: choice.chosen ? Theme.accentText : Theme.text
                        Accessible.ignored: true
                    }
                }
            }
        }
    }
}
