pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The very first start: set up the clinic and its first administrator, or look around
// in a demo clinic filled with synthetic patients.
Page {
    id: screen

    property string message: ""
    // Making the demo clinic: a progress bar with its steps instead of the bare spinner.
    readonly property bool makingDemo: ClinicSession.busy && ClinicSession.demoStep.length > 0

    title: qsTr("Welcome to Triad")
    background: Rectangle { color: Theme.background }

    function create() {
        screen.message = ClinicSession.createClinic(clinicName.text, adminName.text,
                                                    passphrase.text, repeat.text)
        if (screen.message.length === 0) {
            passphrase.text = ""
            repeat.text = ""
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        GridLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            // Two columns only where both fit (not at twice the text size).
            columns: screen.width > screen.height && screen.width >= Math.round(1100 * Theme.scale) ? 2 : 1
            columnSpacing: Theme.margin * 2
            rowSpacing: Theme.margin

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Welcome to Triad")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Set up your clinic. The passphrase protects every record on this tablet: without it nobody can read them, not even you, so keep it somewhere safe.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
                FormField {
                    id: clinicName
                    Layout.fillWidth: true
                    label: qsTr("Clinic name")
                }
                FormField {
                    id: adminName
                    Layout.fillWidth: true
                    label: qsTr("Your name (first administrator)")
                }
                FormField {
                    id: passphrase
                    Layout.fillWidth: true
                    label: qsTr("Passphrase")
                    hint: qsTr("At least a few words")
                    masked: true
                }
                FormField {
                    id: repeat
                    Layout.fillWidth: true
                    label: qsTr("Passphrase again")
                    masked: true
                    onAccepted: screen.create()
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
                    Layout.fillWidth: true
                    text: qsTr("Create the clinic")
                    primary: true
                    enabled: !ClinicSession.busy
                    onClicked: screen.create()
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Just looking?")
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("The demo clinic has made-up patients and sessions; nothing in it is about a real person.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
                BigButton {
                    Layout.fillWidth: true
                    text: qsTr("Explore with a demo clinic")
                    enabled: !ClinicSession.busy
                    onClicked: screen.message = ClinicSession.createDemoClinic()
                }
                // The demo's real progress: each step of the work as it happens.
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: screen.makingDemo
                    spacing: Theme.spacing / 2
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Making the demo clinic…")
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                    }
                    ProgressBar {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.spacing * 2
                        from: 0
                        to: 1
                        value: ClinicSession.demoProgress
                        Accessible.name: qsTr("Demo clinic progress")
                    }
                    Label {
                        Layout.fillWidth: true
                        text: ClinicSession.demoStep
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.mutedText
                        Accessible.name: text
                    }
                }
                // A tablet replacing a lost or broken one starts from the clinic's backup.
                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.margin
                    text: qsTr("Replacing a lost or broken tablet?")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Bring the clinic back from its latest backup file, e.g. on a USB stick.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
                BigButton {
                    Layout.fillWidth: true
                    text: qsTr("Restore from a backup")
                    enabled: !ClinicSession.busy
                    onClicked: {
                        restore.lookAgain()
                        restore.visible = true
                    }
                }
            }
        }
    }
    // Over this screen while chosen (a Loader of a bound component fails in Qt 6.4 here).
    RestoreScreen {
        id: restore
        anchors.fill: parent
        z: 1
        visible: false
        onCancelled: restore.visible = false
    }
    BusyIndicator {
        anchors.centerIn: parent
        running: ClinicSession.busy && !screen.makingDemo
        visible: running
    }
}
