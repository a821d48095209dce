pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The first round needs a PIN (it takes the tablet back from the family): chosen right
// here, typed twice, instead of an error sending the physio to Settings. A PIN anyone
// would guess (1234, 0000) is refused with the reason (ClinicSession.setPinTwice).
Dialog {
    id: dialog

    property string message: ""

    signal pinSet

    function ask() {
        dialog.message = ""
        pin.text = ""
        repeat.text = ""
        dialog.open()
        pin.input.forceActiveFocus()
    }
    function submit() {
        dialog.message = ClinicSession.setPinTwice(pin.text, repeat.text)
        pin.text = ""
        repeat.text = ""
        if (dialog.message.length === 0) {
            dialog.close()
            dialog.pinSet()
        } else {
            pin.input.forceActiveFocus()
        }
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
            text: qsTr("Choose your PIN first")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("While the family answers, the tablet is locked to their questions. Your PIN (4 to 8 digits) takes it back. Type it twice.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        FormField {
            id: pin
            Layout.fillWidth: true
            label: qsTr("New PIN (digits)")
            masked: true
            input.inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
            onAccepted: repeat.input.forceActiveFocus()
        }
        FormField {
            id: repeat
            Layout.fillWidth: true
            label: qsTr("The same PIN again")
            masked: true
            input.inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
            onAccepted: dialog.submit()
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
                text: qsTr("Set PIN and start")
                primary: true
                onClicked: dialog.submit()
            }
        }
    }
}
