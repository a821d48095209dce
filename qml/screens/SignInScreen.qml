pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Tap your name, type your passphrase. Unlocking takes a moment on purpose (the key
// derivation is slow to stop guessing), so a busy indicator shows it is working.
Page {
    id: screen

    property string chosenStaffId: ""
    property string chosenName: ""
    property string message: ""
    readonly property var staff: ClinicSession.staff

    title: qsTr("Sign in")
    background: Rectangle { color: Theme.background }

    readonly property var demoAccounts: ClinicSession.demoAccounts

    function demoPassphraseOf(staffId) {
        for (const account of screen.demoAccounts)
            if (account.staffId === staffId)
                return account.passphrase
        return ""
    }

    function roleInWords(role) {
        switch (role) {
        case "admin": return qsTr("administrator")
        case "lead": return qsTr("clinic lead")
        default: return qsTr("physiotherapist")
        }
    }

    function signIn() {
        if (screen.chosenStaffId.length === 0) {
            screen.message = qsTr("Tap your name first.")
            return
        }
        screen.message = ""
        ClinicSession.signIn(screen.chosenStaffId, passphrase.text)
    }

    Connections {
        target: ClinicSession
        function onSignInFinished(ok, message) {
            passphrase.text = ""
            screen.message = ok ? "" : message
        }
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.width > screen.height ? 2 : 1
        columnSpacing: Theme.margin * 2
        rowSpacing: Theme.margin

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: ClinicSession.clinicName
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Who are you?")
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            // The synthetic demo clinic names its made-up accounts and their public
            // passphrases, so whoever is trying Triad knows whom to sign in as.
            Label {
                Layout.fillWidth: true
                visible: screen.demoAccounts.length > 0
                text: qsTr("This is the demo clinic: its staff are made up. Tap one of them; their demo passphrase fills in.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
                padding: Theme.spacing / 2
                background: Rectangle {
                    color: Theme.bannerSurface
                    border.color: Theme.bannerBorder
                    border.width: 2
                    radius: Theme.radius / 2
                }
            }
            ListView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: Theme.touchTarget * 2
                clip: true
                // No highlight is drawn: without this, its default 400 px/s animation kept
                // the window drawing frames for seconds, even with the list hidden.
                highlightFollowsCurrentItem: false
                spacing: Theme.spacing
                model: screen.staff.filter(member => member.active)
                ScrollIndicator.vertical: ScrollIndicator {}
                delegate: BigButton {
                    id: person
                    required property var modelData
                    readonly property string demoPassphrase: screen.demoPassphraseOf(modelData.staffId)
                    width: ListView.view.width
                    text: demoPassphrase.length > 0
                          ? qsTr("%1 (%2)\npassphrase: %3").arg(modelData.name)
                                .arg(screen.roleInWords(modelData.role)).arg(demoPassphrase)
                          : modelData.name
                    Accessible.name: qsTr("I am %1").arg(modelData.name)
                    primary: screen.chosenStaffId === modelData.staffId
                    // Wraps rather than elides: a name or a demo passphrase stays whole at
                    // twice the text size in portrait.
                    contentItem: Label {
                        text: person.text
                        font: person.font
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        color: person.primary ? Theme.accentText : Theme.text
                    }
                    onClicked: {
                        screen.chosenStaffId = modelData.staffId
                        screen.chosenName = modelData.name
                        screen.message = ""
                        if (demoPassphrase.length > 0)
                            passphrase.text = demoPassphrase
                        passphrase.input.forceActiveFocus()
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                visible: ClinicSession.lockReason.length > 0
                text: ClinicSession.lockReason
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.warning
            }
            Label {
                Layout.fillWidth: true
                text: screen.chosenName.length > 0 ? qsTr("Hello, %1").arg(screen.chosenName)
                                                   : qsTr("Tap your name to sign in.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            FormField {
                id: passphrase
                Layout.fillWidth: true
                label: qsTr("Passphrase")
                masked: true
                enabled: !ClinicSession.busy
                onAccepted: screen.signIn()
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
                spacing: Theme.spacing
                BigButton {
                    Layout.fillWidth: true
                    text: qsTr("Sign in")
                    primary: true
                    enabled: !ClinicSession.busy
                    onClicked: screen.signIn()
                }
                BusyIndicator {
                    Layout.preferredWidth: Theme.touchTarget
                    Layout.preferredHeight: Theme.touchTarget
                    running: ClinicSession.busy
                    visible: running
                    Accessible.name: qsTr("Unlocking")
                }
            }
            Label {
                Layout.fillWidth: true
                visible: ClinicSession.busy
                text: qsTr("Unlocking the records…")
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
            }
        }
    }
}
