pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// A new tablet (no clinic yet) recreated from the clinic's backup file: choose the file
// (found on a USB stick or in the home folder, or typed), then a staff member's name and
// passphrase as they were when the backup was made. The restore runs on a worker thread;
// on success the sign-in screen follows, on failure nothing was created and the reason is
// shown here.
Page {
    id: screen

    property string message: ""
    property var backups: []

    signal cancelled

    title: qsTr("Restore from a backup")
    background: Rectangle { color: Theme.background }

    function lookAgain() {
        screen.backups = ClinicSession.backupFilesNearby()
    }
    function restore() {
        restoreButton.forceActiveFocus() // commits a field still being edited
        screen.message = ClinicSession.restoreFromBackup(fileField.text, nameField.text,
                                                         passphrase.text)
    }

    Connections {
        target: ClinicSession
        function onRestoreFinished(ok, message) {
            passphrase.text = ""
            screen.message = ok ? "" : message
        }
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
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("Restore the clinic onto this tablet")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("For a tablet that replaces a lost or broken one. Choose the clinic's latest backup file, then type your name and passphrase as they were when the backup was made. Nothing is created until the whole backup has been checked.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }

            Label {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                text: screen.backups.length > 0 ? qsTr("Backup files found")
                                                : qsTr("No backup file (.triadbak) found in %1. Plug in the USB stick and look again, or type the file's full path below.")
                                                  .arg(ClinicSession.backupPlaces().join(", "))
                wrapMode: Text.WordWrap
                font.pixelSize: screen.backups.length > 0 ? Theme.fontLarge : Theme.fontBody
                font.bold: screen.backups.length > 0
                color: Theme.text
            }
            Repeater {
                model: screen.backups
                // Two wrapped lines: a long file name or a deep folder is never cut off.
                delegate: Button {
                    id: backupButton
                    required property var modelData
                    readonly property bool chosen: fileField.text === modelData.path
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + 2 * Theme.spacing)
                    Accessible.name: qsTr("Use backup %1").arg(modelData.name)
                    enabled: !ClinicSession.busy
                    onClicked: {
                        fileField.text = modelData.path
                        screen.message = ""
                    }
                    contentItem: ColumnLayout {
                        spacing: Math.round(2 * Theme.scale)
                        opacity: backupButton.enabled ? 1.0 : 0.55
                        Label {
                            Layout.fillWidth: true
                            text: backupButton.modelData.name
                            wrapMode: Text.WrapAnywhere
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            color: backupButton.chosen ? Theme.accentText : Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · %2").arg(backupButton.modelData.folder).arg(backupButton.modelData.date)
                            wrapMode: Text.WrapAnywhere
                            font.pixelSize: Theme.fontBody
                            color: backupButton.chosen ? Theme.accentText : Theme.mutedText
                        }
                    }
                    background: Rectangle {
                        radius: Theme.radius
                        color: backupButton.chosen ? Theme.accent : Theme.surface
                        border.width: backupButton.visualFocus ? 4 : 2
                        border.color: backupButton.chosen && !backupButton.visualFocus ? Theme.accent : Theme.border
                        opacity: backupButton.down ? 0.8 : 1.0
                    }
                }
            }
            BigButton {
                text: qsTr("Look again")
                enabled: !ClinicSession.busy
                onClicked: screen.lookAgain()
            }
            FormField {
                id: fileField
                Layout.fillWidth: true
                label: qsTr("Backup file")
                enabled: !ClinicSession.busy
            }
            FormField {
                id: nameField
                Layout.fillWidth: true
                label: qsTr("Your name")
                enabled: !ClinicSession.busy
            }
            FormField {
                id: passphrase
                Layout.fillWidth: true
                label: qsTr("Your passphrase")
                masked: true
                enabled: !ClinicSession.busy
                onAccepted: screen.restore()
            }
            Label {
                Layout.fillWidth: true
                visible: screen.message.length > 0
                text: screen.message
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.warning
            }
            RowLayout {
                Layout.fillWidth: true
                visible: ClinicSession.busy
                spacing: Theme.spacing
                BusyIndicator {
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    running: ClinicSession.busy
                    Accessible.name: qsTr("Restoring")
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Restoring: opening the backup with your passphrase and checking every record…")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
            }
            GridLayout {
                Layout.fillWidth: true
                columns: screen.width > Math.round(700 * Theme.scale) ? 2 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                BigButton {
                    Layout.fillWidth: true
                    text: qsTr("Back")
                    Accessible.name: qsTr("Back to the first start")
                    enabled: !ClinicSession.busy
                    onClicked: screen.cancelled()
                }
                BigButton {
                    id: restoreButton
                    Layout.fillWidth: true
                    text: qsTr("Restore")
                    Accessible.name: qsTr("Restore the clinic")
                    primary: true
                    enabled: !ClinicSession.busy
                    onClicked: screen.restore()
                }
            }
        }
    }
}
