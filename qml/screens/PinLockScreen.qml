pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The tablet locked itself (idle, or on request) while the records key is still in
// memory: the signed-in person's PIN opens it again. Too many wrong PINs, or "Sign out",
// forget the key, and the passphrase is needed.
Page {
    id: screen

    property string message: ""

    title: qsTr("Locked")

    Connections {
        target: ClinicSession
        function onPinUnlockFinished(ok, message) {
            screen.message = message
        }
    }
    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.margin)
        clip: true

        ColumnLayout {
            id: column
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, Math.round(520 * Theme.scale))
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("Locked — %1").arg(ClinicSession.signedInName)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                visible: ClinicSession.lockReason.length > 0
                text: ClinicSession.lockReason
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
            PinPad {
                id: pad
                Layout.fillWidth: true
                focus: true
                message: screen.message
                busy: ClinicSession.busy
                // The PIN's slow hash runs on a worker thread; the verdict comes back below.
                onEntered: pin => {
                    screen.message = ""
                    ClinicSession.unlockWithPinAsync(pin)
                }
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                visible: ClinicSession.busy
                spacing: Theme.spacing
                BusyIndicator {
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    running: ClinicSession.busy
                    Accessible.name: qsTr("Checking")
                }
                Label {
                    text: qsTr("Checking the PIN…")
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
            }
            BigButton {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Sign out")
                enabled: !ClinicSession.busy
                onClicked: ClinicSession.signOut()
            }
        }
    }
}
