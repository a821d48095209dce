pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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

    FormRunner {
        id: runner
        objectName: "patientForm"
        anchors.fill: parent
        externalModel: RoundFlow.questionnaire
        headerRightInset: Theme.minimumTarget * 2
        onFinished: screen.message = RoundFlow.finishForm()
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
