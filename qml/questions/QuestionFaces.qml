pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Triad.Ui

// 3 or 5 faces from sad to happy, each with its word; a tap chooses.
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
        width: Math.min(parent.width, implicitWidth)
        spacing: Theme.spacing

        Repeater {
            model: question.choices
            delegate: FaceButton {
                required property var modelData
                required property int index
                Layout.fillWidth: true
                Layout.preferredWidth: faceSize + Theme.margin
                label: modelData.label
                // Three faces (the youngest children) get the biggest targets.
                faceSize: Math.round((question.choices.length <= 3 ? 150 : 110) * Theme.scale)
                // Spread the moods evenly from -1 (first) to 1 (last).
                mood: question.choices.length > 1 ? -1 + 2 * index / (question.choices.length - 1) : 0
                chosen: question.answer === modelData.value
                onClicked: question.answerRequested(modelData.value)
            }
        }
    }
}
