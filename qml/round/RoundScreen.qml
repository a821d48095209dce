import QtQuick
import Triad.App
import Triad.Ui

// No `pragma ComponentBehavior: Bound`: Qt 6.4 refuses to let the Loader below create
// bound components ("outside its creation context"), as in Main.qml.
//
// The end-of-session round, one screen per RoundFlow stage. While the tablet is in the
// family's hands (patient mode) only the current screen and the "Staff" button exist:
// no header, no back, Escape and Back do nothing (Main.qml also refuses to close).
FocusScope {
    id: round

    readonly property string stage: RoundFlow.stage
    property alias current: stageLoader.item

    Keys.onEscapePressed: event => event.accepted = RoundFlow.patientMode
    Keys.onBackPressed: event => event.accepted = RoundFlow.patientMode

    Rectangle {
        anchors.fill: parent
        color: Theme.background
    }

    Loader {
        id: stageLoader
        anchors.fill: parent
        focus: true
        sourceComponent: {
            switch (round.stage) {
            case "plan": return planScreen
            case "handover": return handoverScreen
            case "language": return languageScreen
            case "form": return formScreen
            case "staffPin": return staffPinScreen
            case "summary": return summaryScreen
            default: return null
            }
        }
    }

    StaffExit {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.spacing
        visible: RoundFlow.patientMode && round.stage !== "staffPin"
    }

    Component {
        id: planScreen
        RoundPlanScreen {}
    }
    Component {
        id: handoverScreen
        HandoverScreen {}
    }
    Component {
        id: languageScreen
        LanguageScreen {}
    }
    Component {
        id: formScreen
        PatientFormScreen {}
    }
    Component {
        id: staffPinScreen
        StaffPinScreen {}
    }
    Component {
        id: summaryScreen
        SessionSummaryScreen {
            onDone: RoundFlow.close()
        }
    }
}
