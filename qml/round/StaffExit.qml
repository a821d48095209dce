pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The one way out of patient mode: a small, quiet "Staff" button (still a full finger
// target) that asks for a staff PIN. Children rarely notice it; a wrong PIN does nothing.
Item {
    id: exit

    property string message: ""

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
            exit.message = ""
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

    Popup {
        id: pinPopup
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        focus: true
        padding: Theme.margin
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.color: Theme.border
            border.width: 2
        }
        onOpened: pad.forceActiveFocus()
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            PinPad {
                id: pad
                title: qsTr("Staff PIN to leave the questions")
                message: exit.message
                onEntered: pin => {
                    if (RoundFlow.leavePatientMode(pin))
                        pinPopup.close()
                    else
                        exit.message = qsTr("That PIN did not match. The questions stay open.")
                }
            }
            BigButton {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Back to the questions")
                onClicked: pinPopup.close()
            }
        }
    }
}
