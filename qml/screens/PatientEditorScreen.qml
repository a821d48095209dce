pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// A new patient, or changes to one: name, birth date, parents or carers, notes. Once
// saved, a patient without an open episode can start one here (condition and goals).
Page {
    id: screen

    property string patientId: ""
    property bool hasOpenEpisode: false
    property string message: ""
    property string episodeMessage: ""

    signal episodeOpened(string episodeId)
    signal saved

    title: patientId.length > 0 ? qsTr("Patient") : qsTr("New patient")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: {
        if (patientId.length > 0)
            message = editor.load(patientId)
        else
            editor.clear()
    }

    function save() {
        saveButton.forceActiveFocus() // commits a field still being edited
        // Everything as typed, read before anything is handed over: each assignment makes the
        // editor re-announce its fields, and a field bound to them would snap back to the
        // stored value (the notes typed were lost that way).
        const typedName = nameField.text
        const typedNotes = notesArea.text
        const typedBirth = birth.date
        editor.name = typedName
        editor.notes = typedNotes
        editor.birthDate = typedBirth
        screen.message = editor.save()
        // A failed save keeps every field as typed; the message names the field.
        if (screen.message.length === 0)
            savedBanner.show(qsTr("Saved: patient %1").arg(editor.code))
        if (editor.patientId.length > 0) {
            screen.patientId = editor.patientId
            screen.saved()
        }
    }

    PatientEditor {
        id: editor
    }
    EpisodeController {
        id: episode
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: Math.min(parent.width - 2 * Theme.margin, Math.round(820 * Theme.scale))
            spacing: Theme.margin

            Label {
                Layout.fillWidth: true
                visible: editor.code.length > 0
                text: qsTr("Code: %1").arg(editor.code)
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            FormField {
                id: nameField
                Layout.fillWidth: true
                label: qsTr("Child's name")
                text: editor.name
            }
            DateField {
                id: birth
                Layout.fillWidth: true
                label: qsTr("Date of birth")
                date: editor.birthDate
            }
            GuardianList {
                id: guardianList
                Layout.fillWidth: true
                guardians: editor.guardians
                relations: editor.relations
                onEdited: list => editor.guardians = list
                onRemoveRequested: index => guardianList.askRemoval(index, editor.removalQuestion(index))
                onRemoveConfirmed: index => {
                    const entry = editor.guardians[index]
                    const who = entry && entry.name ? entry.name : ""
                    guardianList.message = editor.removeGuardian(index)
                    if (guardianList.message.length === 0 && who.length > 0)
                        guardianList.notice = qsTr("%1 is no longer on the list.").arg(who)
                }
            }
            Label {
                text: qsTr("Notes")
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
            }
            TextArea {
                id: notesArea
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget * 2
                Accessible.name: qsTr("Notes")
                text: editor.notes
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border.width: notesArea.activeFocus ? 3 : 2
                    border.color: notesArea.activeFocus ? Theme.selected : Theme.border
                }
            }
            Label {
                Layout.fillWidth: true
                visible: screen.message.length > 0
                text: screen.message
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.warning
            }
            BigButton {
                id: saveButton
                Layout.fillWidth: true
                text: qsTr("Save patient")
                primary: true
                onClicked: screen.save()
            }

            // Starting an episode of care, once the patient exists.
            ColumnLayout {
                Layout.fillWidth: true
                visible: editor.patientId.length > 0 && !screen.hasOpenEpisode
                spacing: Theme.spacing
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 1
                    color: Theme.border
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Start an episode of care")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    text: qsTr("Condition")
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    color: Theme.text
                }
                ComboBox {
                    id: condition
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("Condition")
                    font.pixelSize: Theme.fontBody
                    model: episode.conditions
                    textRole: "label"
                    valueRole: "id"
                    currentIndex: -1
                    displayText: currentIndex < 0 ? qsTr("Choose the condition") : currentText
                    delegate: ItemDelegate {
                        required property int index
                        required property var modelData
                        width: ListView.view ? ListView.view.width : implicitWidth
                        height: Theme.touchTarget
                        text: modelData.label
                        font.pixelSize: Theme.fontBody
                        highlighted: condition.highlightedIndex === index
                    }
                }
                FormField {
                    id: goals
                    Layout.fillWidth: true
                    label: qsTr("Goals, in the family's words")
                    hint: qsTr("e.g. “Play football with my friends again”")
                }
                Label {
                    Layout.fillWidth: true
                    visible: screen.episodeMessage.length > 0
                    text: screen.episodeMessage
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.warning
                }
                BigButton {
                    Layout.fillWidth: true
                    text: qsTr("Start the episode")
                    primary: true
                    onClicked: {
                        screen.episodeMessage = episode.create(editor.patientId,
                                                               condition.currentIndex < 0 ? "" : condition.currentValue,
                                                               goals.text)
                        if (screen.episodeMessage.length === 0)
                            screen.episodeOpened(episode.episodeId)
                    }
                }
            }
        }
    }

    SavedBanner {
        id: savedBanner
    }
}
