pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The signed-in staff screens: my patients, patient editor, episode, settings and the
// questionnaire preview, on one stack under one header.
FocusScope {
    id: area

    property alias stack: stack
    // The current screen as a plain object: screens differ (title, episode, reload).
    readonly property var page: stack.currentItem

    Keys.onEscapePressed: event => {
        event.accepted = stack.depth > 1
        if (event.accepted)
            stack.pop()
    }
    Keys.onBackPressed: event => {
        event.accepted = stack.depth > 1
        if (event.accepted)
            stack.pop()
    }

    Connections {
        target: RoundFlow
        // Back from a round: the episode shows the new session and its alerts.
        function onStageChanged() {
            if (RoundFlow.stage === "idle" && area.page && area.page.episode)
                area.page.episode.refresh()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        AppHeader {
            Layout.fillWidth: true
            title: area.page ? area.page.title : ""
            canGoBack: stack.depth > 1
            onBackRequested: stack.pop()
            BigButton {
                // Leads and admins compare across physios; a physio's own figures are
                // enforced in C++ (DashboardModel), the button only saves them a detour.
                text: qsTr("Dashboard")
                visible: ClinicSession.signedInRole !== "physio"
                         && !(stack.currentItem instanceof DashboardScreen)
                onClicked: stack.push(dashboardScreen)
            }
            BigButton {
                // The research CSV and PDF reports (leads and admins; checked in C++ too).
                text: qsTr("Export")
                visible: ClinicSession.signedInRole !== "physio"
                         && !(stack.currentItem instanceof ExportScreen)
                onClicked: stack.push(exportScreen)
            }
            BigButton {
                text: qsTr("Settings")
                visible: !(stack.currentItem instanceof SettingsScreen)
                onClicked: stack.push(settingsScreen)
            }
            // Lock keeps the session for the PIN; Sign out always signs out.
            BigButton {
                visible: ClinicSession.hasPin
                text: qsTr("Lock")
                onClicked: ClinicSession.lock()
            }
            BigButton {
                text: qsTr("Sign out")
                onClicked: ClinicSession.signOut()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            visible: RoundFlow.resumeAvailable
            implicitHeight: resumeRow.implicitHeight + 2 * Theme.spacing
            color: Theme.alertSurface
            RowLayout {
                id: resumeRow
                x: Theme.margin
                y: Theme.spacing
                width: parent.width - 2 * Theme.margin
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: qsTr("A round was interrupted: %1").arg(RoundFlow.resumeDescription)
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                BigButton {
                    text: qsTr("Resume the unfinished round")
                    primary: true
                    onClicked: resumeMessage.text = RoundFlow.resume()
                }
            }
        }
        Label {
            id: resumeMessage
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            visible: text.length > 0
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.warning
        }

        StackView {
            id: stack
            objectName: "mainStack"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            initialItem: patientsScreen
            // A short fade instead of the style's 400 ms slide: the screen is there as soon as
            // it is built, and still visibly new (docs/PERFORMANCE.md, staff screens).
            pushEnter: fadeIn
            popEnter: fadeIn
            replaceEnter: fadeIn
            pushExit: Transition {}
            popExit: Transition {}
            replaceExit: Transition {}
            Transition {
                id: fadeIn
                NumberAnimation {
                    property: "opacity"
                    from: 0
                    to: 1
                    duration: 60
                    easing.type: Easing.OutCubic
                }
            }
            onCurrentItemChanged: {
                if (currentItem && currentItem instanceof PatientsScreen)
                    currentItem.reload()
            }
        }
    }

    Component {
        id: patientsScreen
        PatientsScreen {
            onPatientOpened: (patientId, episodeId) => episodeId.length > 0
                             ? stack.push(episodeScreen, { "episodeId": episodeId })
                             : stack.push(patientEditor, { "patientId": patientId })
            onNewPatientRequested: stack.push(patientEditor)
        }
    }
    Component {
        id: patientEditor
        PatientEditorScreen {
            onEpisodeOpened: episodeId => stack.replace(episodeScreen, { "episodeId": episodeId })
        }
    }
    Component {
        id: episodeScreen
        EpisodeScreen {
            onEditPatientRequested: patientId => stack.push(patientEditor, {
                "patientId": patientId,
                "hasOpenEpisode": true
            })
            onReportRequested: episodeId => stack.push(exportScreen, { "episodeOrCode": episodeId })
        }
    }
    Component {
        id: dashboardScreen
        DashboardScreen {}
    }
    Component {
        id: exportScreen
        ExportScreen {}
    }
    Component {
        id: settingsScreen
        SettingsScreen {
            onPreviewRequested: stack.push(previewScreen)
        }
    }
    Component {
        id: previewScreen
        PreviewScreen {
            onRunRequested: instrumentId => stack.push(formRunner, { "instrumentId": instrumentId })
        }
    }
    Component {
        id: formRunner
        FormRunner {
            id: runner
            onFinished: scores => stack.replace(scoreView, {
                "scores": scores,
                "instrumentTitle": runner.title
            })
        }
    }
    Component {
        id: scoreView
        ScoreView {
            onCloseRequested: stack.pop()
        }
    }
}
