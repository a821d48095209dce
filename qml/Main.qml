import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// No `pragma ComponentBehavior: Bound` here: Qt 6.4 then refuses to let these Loaders
// create the screens ("Cannot instantiate bound component outside its creation context").
// The screens need nothing from this file's scope, so nothing is lost.
//
// The tablet app: first run, sign-in and PIN lock from ClinicSession's state; once signed
// in, the staff screens (a stack) or the end-of-session round (RoundFlow's stages).
ApplicationWindow {
    id: window

    readonly property string sessionState: ClinicSession.state
    readonly property bool signedIn: sessionState === "signedIn"
    readonly property bool inRound: RoundFlow.stage !== "idle"
    // Too many wrong PINs in patient mode: signed out, but the round stays on screen until a
    // staff passphrase takes it back (StaffUnlock); the sign-in screen does not replace it.
    readonly property bool lockedOut: ClinicSession.staffLockout && inRound

    width: 1280
    height: 800
    visible: true
    title: qsTr("Triad")
    color: Theme.background

    // Patient mode: the window does not close under a child's fingers (Android's Back on
    // an unhandled key closes the window, and so would a stray shortcut on a desktop).
    onClosing: close => {
        if (RoundFlow.patientMode)
            close.accepted = false
    }

    Binding {
        target: Theme
        property: "fontScale"
        value: ClinicSession.fontScale
    }
    Binding {
        target: Theme
        property: "highContrast"
        value: ClinicSession.highContrast
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        DemoBanner {
            Layout.fillWidth: true
            visible: ClinicSession.isDemo
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                visible: window.sessionState === "error"
                text: ClinicSession.errorMessage
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontLarge
                color: Theme.warning
            }
            Loader {
                anchors.fill: parent
                active: window.sessionState === "updating"
                sourceComponent: updatingScreen
            }
            Loader {
                anchors.fill: parent
                active: window.sessionState === "firstRun"
                sourceComponent: firstRunScreen
            }
            Loader {
                anchors.fill: parent
                active: window.sessionState === "signIn" && !window.lockedOut
                sourceComponent: signInScreen
            }
            Loader {
                anchors.fill: parent
                active: window.sessionState === "pinLocked"
                sourceComponent: pinLockScreen
            }
            // Kept alive while the PIN lock is up, so unlocking returns to the same place;
            // gone at sign-out, so the next person starts fresh.
            Loader {
                id: staffArea
                anchors.fill: parent
                active: window.signedIn || window.sessionState === "pinLocked"
                visible: window.signedIn && !window.inRound
                focus: visible
                sourceComponent: staffAreaScreen
            }
            Loader {
                id: roundArea
                objectName: "roundArea"
                anchors.fill: parent
                active: (window.signedIn || window.sessionState === "pinLocked" || window.lockedOut)
                        && window.inRound
                visible: window.signedIn || window.lockedOut
                focus: visible
                sourceComponent: roundScreen
            }
        }
    }

    // Any touch counts as activity for the idle lock; the press still reaches the control.
    MouseArea {
        anchors.fill: parent
        z: 1000
        acceptedButtons: Qt.AllButtons
        propagateComposedEvents: true
        onPressed: mouse => {
            ClinicSession.userActivity()
            mouse.accepted = false
        }
    }

    Component {
        id: updatingScreen
        UpdatingScreen {}
    }
    Component {
        id: firstRunScreen
        FirstRunScreen {}
    }
    Component {
        id: signInScreen
        SignInScreen {}
    }
    Component {
        id: pinLockScreen
        PinLockScreen {}
    }
    Component {
        id: staffAreaScreen
        StaffArea {}
    }
    Component {
        id: roundScreen
        RoundScreen {}
    }
}
