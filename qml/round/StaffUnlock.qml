pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// How a staff member takes the tablet back from the family. The PIN pad while a PIN is set;
// after too many wrong PINs (a child mashing the keys), or with no PIN set, a staff
// passphrase on the same spot: the signed-in member is offered first, any active member may
// unlock. Never a PIN that cannot exist. Both checks run off the UI thread, with a visible
// wait; a refusal says what was wrong.
ColumnLayout {
    id: unlock

    property string title: ""
    property string message: ""
    readonly property bool usePassphrase: ClinicSession.staffLockout || !ClinicSession.hasPin
    property string chosenStaffId: ClinicSession.staffLockout ? ClinicSession.lockoutStaffId
                                                              : ClinicSession.signedInStaffId
    readonly property var staffList: ClinicSession.staff
    readonly property var members: staffList.filter(member => member.active)

    function reset() {
        unlock.message = ""
        passphrase.text = ""
    }
    function focusInput() {
        if (unlock.usePassphrase)
            passphrase.input.forceActiveFocus()
        else
            pad.forceActiveFocus()
    }
    function submitPassphrase() {
        if (unlock.chosenStaffId.length === 0) {
            unlock.message = qsTr("Tap your name first.")
            return
        }
        unlock.message = ""
        RoundFlow.leaveWithPassphrase(unlock.chosenStaffId, passphrase.text)
    }

    spacing: Theme.spacing
    onUsePassphraseChanged: if (usePassphrase) passphrase.input.forceActiveFocus()

    Connections {
        target: RoundFlow
        function onStaffCheckFailed(message) {
            unlock.message = message
        }
    }
    // A passphrase never stays in the field, whatever the outcome.
    Connections {
        target: ClinicSession
        function onStaffPassphraseChecked() {
            passphrase.text = ""
        }
    }

    PinPad {
        id: pad
        Layout.fillWidth: true
        visible: !unlock.usePassphrase
        focus: visible
        title: unlock.title
        message: unlock.message
        busy: ClinicSession.busy
        onEntered: pin => {
            unlock.message = ""
            RoundFlow.leaveWithPin(pin)
        }
    }

    Label {
        Layout.fillWidth: true
        visible: unlock.usePassphrase
        text: ClinicSession.staffLockout ? qsTr("Too many wrong PINs") : qsTr("Staff passphrase")
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    Label {
        Layout.fillWidth: true
        visible: unlock.usePassphrase
        text: ClinicSession.staffLockout
              ? qsTr("The PIN is switched off. A staff member unlocks the tablet with their passphrase; the answers are kept.")
              : qsTr("No PIN is set: a staff member unlocks the tablet with their passphrase.")
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }
    Flow {
        Layout.fillWidth: true
        visible: unlock.usePassphrase
        spacing: Theme.spacing
        Repeater {
            model: unlock.members
            delegate: BigButton {
                required property var modelData
                text: modelData.name
                Accessible.name: qsTr("Unlock as %1").arg(modelData.name)
                primary: unlock.chosenStaffId === modelData.staffId
                onClicked: {
                    unlock.chosenStaffId = modelData.staffId
                    unlock.message = ""
                    passphrase.input.forceActiveFocus()
                }
            }
        }
    }
    FormField {
        id: passphrase
        Layout.fillWidth: true
        visible: unlock.usePassphrase
        label: qsTr("Passphrase")
        masked: true
        enabled: !ClinicSession.busy
        onAccepted: unlock.submitPassphrase()
    }
    Label {
        Layout.fillWidth: true
        visible: unlock.usePassphrase && unlock.message.length > 0
        text: unlock.message
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.warning
    }
    BigButton {
        Layout.fillWidth: true
        visible: unlock.usePassphrase
        text: qsTr("Unlock")
        Accessible.name: qsTr("Unlock with passphrase")
        primary: true
        enabled: !ClinicSession.busy
        onClicked: unlock.submitPassphrase()
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
            text: unlock.usePassphrase ? qsTr("Checking the passphrase…") : qsTr("Checking the PIN…")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
