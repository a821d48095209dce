pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Triad.Ui

// Two big buttons. The model keeps true for the choice with value 1, false for 0.
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
                required property var modelData
                readonly property bool chosen: question.answer === (modelData.value === 1)
                Layout.preferredWidth: Math.round(180 * Theme.scale)
                Layout.preferredHeight: Theme.touchTarget * 1.4
                text: modelData.label
                primary: chosen
                checkable: true
                checked: chosen
                Accessible.role: Accessible.RadioButton
                Accessible.checked: chosen
                onClicked: question.answerRequested(modelData.value === 1)
            }
        }
    }
}
