pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The one way out of patient mode: a small, quiet "Staff" button (still a full finger
// target) that asks for a staff PIN. Children rarely notice it; a wrong PIN does nothing
// but count: after too many, a staff passphrase is asked on the same spot (StaffUnlock).
Item {
    id: exit

    implicitWidth: button.implicitWidth
    implicitHeight: button.implicitHeight

    AbstractButton {
        id: button
        implicitWidth: Math.max(Theme.minimumTarget, implicitContentWidth + Theme.spacing * 2)
        implicitHeight: Theme.minimumTarget
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Staff")
        opacity: 0.7
        onClicked: {
            unlock.reset()
            pinPopup.open()
        }
        contentItem: Label {
            text: qsTr("Staff")
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
        background: Rectangle {
            radius: Theme.radius / 2
            color: "transparent"
            border.color: Theme.border
            border.width: 1
        }
    }

    // A lockout (too many wrong PINs) keeps this open: only a staff passphrase closes it.
    Connections {
        target: ClinicSession
        function onPinChanged() {
            if (ClinicSession.staffLockout && RoundFlow.patientMode && exit.visible)
                pinPopup.open()
        }
    }
    Connections {
        target: RoundFlow
        function onStageChanged() {
            if (!RoundFlow.patientMode)
                pinPopup.close()
        }
    }

    Popup {
        id: pinPopup
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Math.round(520 * Theme.scale))
        height: Math.min(parent.height - 2 * Theme.margin, implicitHeight)
        modal: true
        focus: true
        padding: Theme.margin
        closePolicy: ClinicSession.staffLockout ? Popup.NoAutoClose
                                                : Popup.CloseOnEscape | Popup.CloseOnPressOutside
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.color: Theme.border
            border.width: 2
        }
        onOpened: unlock.focusInput()
        Flickable {
            anchors.fill: parent
            implicitWidth: content.implicitWidth
            implicitHeight: content.implicitHeight
            contentHeight: content.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: content
                width: parent.width
                spacing: Theme.spacing
                StaffUnlock {
                    id: unlock
                    Layout.fillWidth: true
                    title: qsTr("Staff PIN to leave the questions")
                }
                BigButton {
                    Layout.alignment: Qt.AlignHCenter
                    visible: !ClinicSession.staffLockout
                    text: qsTr("Back to the questions")
                    onClicked: pinPopup.close()
                }
            }
        }
    }
}
