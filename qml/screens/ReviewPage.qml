pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Every question with the answer given (or "Not answered"); a tap goes back to it. For a
// child who may not read yet (forNonReaders) the answers are pictures: one tile per
// question with its number and the face, tick or cross chosen (a question mark when open).
Item {
    id: review

    property QuestionnaireModel questionnaire

    readonly property bool pictorial: questionnaire !== null && questionnaire.forNonReaders

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
            visible: !review.pictorial
            text: qsTr("Tap a question to change it.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }

        GridView {
            id: tiles
            readonly property int tile: Math.round(170 * Theme.scale)
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: review.pictorial
            clip: true
            cellWidth: tile + Theme.spacing
            cellHeight: tile + Theme.spacing
            model: review.pictorial ? review.questionnaire : null
            delegate: AbstractButton {
                id: tileButton
                required property int index
                required property string kind
                required property var choices
                required property var answer
                required property bool answered
                readonly property int choiceIndex: {
                    for (let i = 0; i < choices.length; ++i)
                        if (choices[i].value === answer)
                            return i
                    return -1
                }
                width: tiles.tile
                height: tiles.tile
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Change question %1").arg(index + 1)
                onClicked: review.editRequested(index)
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: tileButton.visualFocus ? 4 : 2
                    border.color: tileButton.visualFocus ? Theme.selected : Theme.border
                }
                contentItem: Item {
                    Label {
                        x: Theme.spacing / 2
                        y: Theme.spacing / 2
                        text: tileButton.index + 1
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.mutedText
                    }
                    Face {
                        anchors.centerIn: parent
                        width: tiles.tile * 0.6
                        height: width
                        visible: tileButton.answered && tileButton.kind === "faces"
                        mood: tileButton.choices.length > 1
                              ? -1 + 2 * tileButton.choiceIndex / (tileButton.choices.length - 1) : 0
                    }
                    Text {
                        anchors.centerIn: parent
                        visible: !tileButton.answered || tileButton.kind !== "faces"
                        text: !tileButton.answered ? "?"
                              : tileButton.kind === "yesno" ? (tileButton.answer === true ? "✓" : "✗")
                              : "✓"
                        font.pixelSize: Math.round(tiles.tile * 0.45)
                        font.bold: true
                        color: !tileButton.answered ? Theme.mutedText
                               : tileButton.kind === "yesno" && tileButton.answer !== true ? Theme.warning
                               : Theme.accent
                        Accessible.ignored: true
                    }
                }
            }
        }

        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !review.pictorial
            clip: true
            // No highlight is drawn: without this, its default 400 px/s animation kept
            // the window drawing frames for seconds, even with the list hidden.
            highlightFollowsCurrentItem: false
            spacing: Math.round(6 * Theme.scale)
            model: review.pictorial ? null : review.questionnaire
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

        // Bottom left, far from where Next was on the last question (bottom right).
        BigButton {
            Layout.alignment: Qt.AlignLeft
            text: review.pictorial ? qsTr("✓  I'm done") : qsTr("I'm done")
            Accessible.name: qsTr("I'm done")
            font.pixelSize: review.pictorial ? Theme.fontTitle : Theme.fontBody
            primary: true
            onClicked: review.submitRequested()
        }
    }
}
