pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Window
import Triad.App
import Triad.Ui

// The respondent's own form in patient mode. Every answer goes to RoundFlow's model,
// which saves it as a draft at once; "I'm done" hands the form in.
Item {
    id: screen

    property alias runner: runner
    property string message: ""

    ConfirmDialog {
        id: declineDialog
        question: qsTr("Would you rather not answer today? That is fine.")
        confirmText: qsTr("Yes, not today")
        onConfirmed: screen.message = RoundFlow.declineForm()
    }

    // "I'm done" first shows the form's thank-you; the form is stored on the next turn of
    // the event loop after that frame, and the next screen is built on the turn after the
    // following frame. Saving (with its fsync), clearing the form and building the next
    // screen (the physio's session summary reads the episode) in one turn made the tablet
    // skip frames under a child's finger and kept the UI thread 20-50 ms (issue 12). Every
    // answer is already saved as a draft; if no frame comes (a hidden window), each step
    // runs after 100 ms all the same.
    QtObject {
        id: handIn

        property bool pending: false
        property bool stored: false

        function afterThanks() {
            if (handIn.pending)
                return
            handIn.pending = true
            handIn.stored = false
            handIn.waitForAFrame()
        }
        function waitForAFrame() {
            frames.target = screen.Window.window
            fallback.start()
        }
        function step() {
            if (!handIn.pending)
                return
            frames.target = null
            fallback.stop()
            afterFrame.stop()
            if (!handIn.stored) {
                screen.message = RoundFlow.storeForm()
                handIn.stored = screen.message.length === 0
                if (handIn.stored) {
                    handIn.waitForAFrame()
                    // Nothing on screen changed: ask for the frame all the same.
                    if (screen.Window.window)
                        screen.Window.window.update()
                } else
                    handIn.pending = false
                return
            }
            handIn.pending = false
            screen.message = RoundFlow.finishForm()
        }
    }
    Connections {
        id: frames
        target: null
        function onFrameSwapped() {
            afterFrame.start()
        }
    }
    Timer {
        id: afterFrame
        interval: 0
        onTriggered: handIn.step()
    }
    Timer {
        id: fallback
        interval: 100
        onTriggered: handIn.step()
    }

    FormRunner {
        id: runner
        objectName: "patientForm"
        anchors.fill: parent
        externalModel: RoundFlow.questionnaire
        headerRightInset: Theme.minimumTarget * 2
        onFinished: handIn.afterThanks()
        Component.onCompleted: {
            // A resumed draft opens at the first question still unanswered.
            const flags = RoundFlow.questionnaire.answeredFlags
            if (RoundFlow.questionnaire.answeredCount > 0) {
                const open = flags.indexOf(false)
                runner.startAt(open < 0 ? flags.length - 1 : open)
            }
        }
    }

    RowLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.margin
        spacing: Theme.spacing
        BigButton {
            visible: runner.stage === "intro"
            text: qsTr("I'd rather not answer")
            onClicked: declineDialog.ask()
        }
        Label {
            Layout.fillWidth: true
            visible: screen.message.length > 0
            text: screen.message
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.warning
        }
    }
}
