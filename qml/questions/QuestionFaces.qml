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

    // The widest face that lets every face and its margin share the width given.
    readonly property real faceRoom: width > 0 && choices.length > 0
                                     ? (width - Theme.spacing * (choices.length - 1)) / choices.length
                                       - Theme.margin
                                     : Number.POSITIVE_INFINITY

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
                // Three faces (the youngest children) get the biggest targets, as big as the
                // line allows: at large text on a portrait tablet all of them stay on screen.
                faceSize: Math.round(Math.min((question.choices.length <= 3 ? 150 : 110) * Theme.scale,
                                              question.faceRoom))
                // Spread the moods evenly from -1 (first) to 1 (last).
                mood: question.choices.length > 1 ? -1 + 2 * index / (question.choices.length - 1) : 0
                chosen: question.answer === modelData.value
                onClicked: question.answerRequested(modelData.value)
            }
        }
    }
}
