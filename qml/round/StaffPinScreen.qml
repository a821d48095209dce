pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The family is done: the tablet goes back to the physio, whose PIN ends patient mode
// before their own form and the summary (or a staff passphrase when no PIN can: StaffUnlock).
Page {
    id: screen

    background: Rectangle { color: Theme.background }

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.margin)
        clip: true
        ColumnLayout {
            id: column
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, Math.round(560 * Theme.scale))
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("Thank you!")
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Please hand the tablet back to %1").arg(RoundFlow.physioName)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            StaffUnlock {
                id: unlock
                Layout.fillWidth: true
                focus: true
                title: qsTr("%1, your PIN").arg(RoundFlow.physioName)
                Component.onCompleted: unlock.focusInput()
            }
        }
    }
}
