pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// A 0-100 line with words at both ends. It starts with NO value and no handle, so
// nobody is nudged towards a preset answer; the first touch places the handle.
Item {
    id: question

    property var answer: undefined
    property bool answered: false
    property string lowAnchor: ""
    property string highAnchor: ""
    property int step: 1
    property string prompt: ""

    signal answerRequested(var value)

    implicitWidth: 600
    implicitHeight: column.implicitHeight

    function valueAt(x) {
        const ratio = Math.max(0, Math.min(1, (x - track.x) / track.width))
        const stepped = Math.round(ratio * 100 / question.step) * question.step
        return Math.max(0, Math.min(100, stepped))
    }

    ColumnLayout {
        id: column
        width: parent.width
        spacing: Theme.spacing

        Item {
            id: area
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget * 1.5

            Accessible.role: Accessible.Slider
            Accessible.name: question.prompt.length > 0 ? question.prompt : qsTr("Slider from 0 to 100")
            Accessible.description: question.answered ? qsTr("%1 of 100").arg(Math.round(question.answer))
                                                      : qsTr("Not answered yet")
            activeFocusOnTab: true
            Keys.onLeftPressed: question.answered && question.answerRequested(Math.max(0, question.answer - question.step))
            Keys.onRightPressed: question.answered && question.answerRequested(Math.min(100, question.answer + question.step))

            Rectangle {
                id: track
                x: Theme.touchTarget / 2
                width: parent.width - Theme.touchTarget
                height: Math.round(10 * Theme.scale)
                radius: height / 2
                anchors.verticalCenter: parent.verticalCenter
                color: Theme.border
                border.width: area.activeFocus ? 2 : 0
                border.color: Theme.selected
            }

            Rectangle {
                id: handle
                objectName: "sliderHandle"
                visible: question.answered
                width: Theme.touchTarget
                height: width
                radius: width / 2
                color: Theme.accent
                border.width: 3
                border.color: Theme.surface
                anchors.verticalCenter: parent.verticalCenter
                x: track.x + track.width * ((question.answered ? question.answer : 0) / 100) - width / 2
            }

            MouseArea {
                anchors.fill: parent
                onPressed: mouse => { area.forceActiveFocus(); question.answerRequested(question.valueAt(mouse.x)) }
                onPositionChanged: mouse => { if (pressed) question.answerRequested(question.valueAt(mouse.x)) }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: question.lowAnchor
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: question.highAnchor
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignRight
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
        }

        Label {
            Layout.fillWidth: true
            visible: !question.answered
            text: qsTr("Touch the line where your answer is.")
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
    }
}
