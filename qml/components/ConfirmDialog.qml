pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// Asks before something that cannot be taken back; optionally asks for the reason too
// (skipping a form, abandoning a round), picked from big buttons and kept with the record.
Dialog {
    id: dialog

    property string question: ""
    property string confirmText: qsTr("Yes")
    property bool asksReason: false
    property string message: ""
    property var reasons: [] // [{id, label}]
    property string reason: ""

    signal confirmed(string reason)

    function ask() {
        dialog.reason = ""
        dialog.message = ""
        dialog.open()
    }

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 600, Math.round(640 * Theme.scale))
    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
        border.width: 2
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: dialog.question
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Flow {
            Layout.fillWidth: true
            visible: dialog.asksReason
            spacing: Theme.spacing
            Repeater {
                model: dialog.reasons
                delegate: BigButton {
                    required property var modelData
                    text: modelData.label
                    primary: dialog.reason === modelData.id
                    onClicked: dialog.reason = modelData.id
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.message.length > 0
            text: dialog.message
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.warning
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Item { Layout.fillWidth: true }
            BigButton {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            BigButton {
                text: dialog.confirmText
                Accessible.name: qsTr("Confirm: %1").arg(dialog.confirmText)
                primary: true
                onClicked: {
                    if (dialog.asksReason && dialog.reason.length === 0) {
                        dialog.message = qsTr("Please choose a reason.")
                        return
                    }
                    dialog.confirmed(dialog.reason)
                    dialog.close()
                }
            }
        }
    }
}
