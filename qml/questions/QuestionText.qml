pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// Free text: private words for what went unsaid. Optional, never scored.
Item {
    id: question

    property var answer: undefined
    property int maxLength: 1000
    property string prompt: ""

    signal answerRequested(var value)

    function flush() {
        pause.stop()
        if (area.text !== (question.answer === undefined ? "" : question.answer))
            question.answerRequested(area.text)
    }

    Timer {
        id: pause
        interval: 700
        onTriggered: question.flush()
    }

    implicitWidth: 600
    implicitHeight: column.implicitHeight

    ColumnLayout {
        id: column
        width: parent.width
        spacing: Theme.spacing / 2

        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(160 * Theme.scale)
            TextArea {
                id: area
                Accessible.name: question.prompt.length > 0 ? question.prompt : qsTr("Your words")
                text: question.answer === undefined ? "" : question.answer
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
                placeholderText: qsTr("Write here if you like. You can also leave it empty.")
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: area.activeFocus ? 3 : 2
                    border.color: area.activeFocus ? Theme.selected : Theme.border
                }
                // Saved after a short pause in typing, and at once when the field loses focus
                // (tapping Next takes it), not on every key: each save is a durable write.
                onTextChanged: {
                    if (text.length > question.maxLength && question.maxLength > 0)
                        text = text.substring(0, question.maxLength)
                    else
                        pause.restart()
                }
                onActiveFocusChanged: if (!activeFocus) question.flush()

            }
        }
        Label {
            Layout.alignment: Qt.AlignRight
            visible: question.maxLength > 0
            text: qsTr("%1 of %2 characters").arg(area.text.length).arg(question.maxLength)
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
    }
}
