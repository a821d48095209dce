pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// One episode of care: the alliance chart (child, parent, physio), the sessions with
// their scores, the alerts with what to talk about, and the end-of-session round.
Page {
    id: screen

    property string episodeId: ""
    property alias episode: controller
    property string message: ""
    // What the chart shows ("core", "total", "goal", "task", "bond"); the chart is built later.
    property string chartMeasure: "total"
    // Side by side only when both halves still have room at the chosen text size.
    readonly property bool wide: width > height && width >= Math.round(1100 * Theme.scale)

    signal roundStarted
    signal editPatientRequested(string patientId)
    signal reportRequested(string episodeId)

    title: controller.patientName.length > 0 ? qsTr("%1 (%2)").arg(controller.patientName).arg(controller.patientCode)
                                             : qsTr("Episode")
    background: Rectangle { color: Theme.background }

    // One session per visit: today's unfinished session is continued by start(); a second
    // session the same day only when the physio says so.
    function startRound() {
        if (!ClinicSession.hasPin) {
            screen.dialog("firstPin", firstPinDialog).ask()
            return
        }
        if (RoundFlow.roundDoneToday(controller.episodeId)) {
            screen.dialog("separateSession", separateSessionDialog).ask()
            return
        }
        screen.message = RoundFlow.start(controller.episodeId)
        if (screen.message.length === 0)
            screen.roundStarted()
    }

    // Read on a worker: the screen is up at once and fills in (errors in controller.errorMessage).
    Component.onCompleted: controller.openEpisode(screen.episodeId)

    EpisodeController {
        id: controller
    }

    // The dialogs are built at their first use, not with the screen: together they were
    // 7-20 ms of opening an episode, for dialogs most visits never open.
    property AcknowledgeDialog acknowledge: null
    property EpisodeEditDialog editEpisode: null
    property FirstPinDialog firstPin: null
    property ConfirmDialog separateSession: null
    property ConfirmDialog closeEpisode: null
    function dialog(name: string, component: Component): var {
        if (!screen[name])
            screen[name] = component.createObject(screen)
        return screen[name]
    }

    Component {
        id: acknowledgeDialog
        AcknowledgeDialog {
            id: dialog
            actionKinds: controller.actionKinds
            onSubmitted: (alertIds, actionKind, note) => {
                dialog.message = controller.acknowledgeMany(alertIds, actionKind, note)
                if (dialog.message.length === 0)
                    dialog.close()
            }
        }
    }

    Component {
        id: editEpisodeDialog
        EpisodeEditDialog {
            id: dialog
            conditions: controller.conditions
            onSubmitted: (condition, goals) => {
                dialog.message = controller.update(condition, goals)
                if (dialog.message.length === 0) {
                    dialog.close()
                    savedBanner.show(qsTr("Saved: condition and goals"))
                }
            }
        }
    }

    Component {
        id: firstPinDialog
        FirstPinDialog {
            onPinSet: screen.startRound()
        }
    }

    Component {
        id: separateSessionDialog
        ConfirmDialog {
            question: qsTr("Today's round for this episode is already recorded. Record another, separate session today?")
            confirmText: qsTr("Record another session")
            onConfirmed: {
                screen.message = RoundFlow.startSeparate(controller.episodeId)
                if (screen.message.length === 0)
                    screen.roundStarted()
            }
        }
    }

    Component {
        id: closeEpisodeDialog
        ConfirmDialog {
            question: qsTr("Close this episode of care? Its sessions stay in the record; no new round can start in it.")
            confirmText: qsTr("Close episode")
            onConfirmed: screen.message = controller.close()
        }
    }

    // One column (portrait, large text) scrolls as a whole; side by side fills the screen.
    Flickable {
        id: page
        anchors.fill: parent
        contentHeight: screen.wide ? height : grid.implicitHeight + 2 * Theme.margin
        interactive: !screen.wide
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        GridLayout {
            id: grid
            x: Theme.margin
            y: Theme.margin
            width: page.width - 2 * Theme.margin
            height: screen.wide ? page.height - 2 * Theme.margin : implicitHeight
            columns: screen.wide ? 2 : 1
            columnSpacing: Theme.margin
            rowSpacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Label {
                        Layout.fillWidth: true
                        text: controller.goals.length > 0 ? qsTr("%1 · Goals: %2").arg(controller.conditionLabel).arg(controller.goals)
                                                          : controller.conditionLabel
                        wrapMode: Text.WordWrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    BigButton {
                        visible: controller.open
                        text: qsTr("Edit")
                        Accessible.name: qsTr("Edit condition and goals")
                        onClicked: screen.dialog("editEpisode", editEpisodeDialog).ask(controller.condition, controller.goals)
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        // The shared questions (the common core) first when the forms have
                        // them: the same questions from every viewpoint, so the three lines
                        // compare like with like.
                        model: (controller.hasCore
                                ? [{ "id": "core", "label": qsTr("Shared questions") }] : []).concat([
                            { "id": "total", "label": qsTr("Total") },
                            { "id": "goal", "label": qsTr("Goals") },
                            { "id": "task", "label": qsTr("Tasks") },
                            { "id": "bond", "label": qsTr("Bond") }
                        ])
                        delegate: BigButton {
                            required property var modelData
                            text: modelData.label
                            Accessible.name: qsTr("Show %1").arg(modelData.label)
                            primary: screen.chartMeasure === modelData.id
                            checkable: true
                            checked: screen.chartMeasure === modelData.id
                            onClicked: screen.chartMeasure = modelData.id
                        }
                    }
                }
                // The chart (LineChart, painted once its data is in) is built
                // asynchronously once the rest of the screen is on show, so opening an
                // episode never blocks the UI thread for the whole of it (docs/PERFORMANCE.md).
                Loader {
                    id: chartLoader
                    objectName: "allianceChart"
                    Layout.fillWidth: true
                    Layout.fillHeight: screen.wide
                    Layout.minimumHeight: Math.round(260 * Theme.scale)
                    Layout.preferredHeight: screen.wide ? -1 : Math.round(320 * Theme.scale)
                    asynchronous: true
                    // By URL, not an inline component: Qt 6.4 will not let a Loader create a
                    // component of this Bound file ("outside its creation context").
                    Component.onCompleted: setSource("../components/AllianceChart.qml",
                                                     { "episode": controller })
                }
                Binding {
                    target: chartLoader.item
                    property: "measure"
                    value: screen.chartMeasure
                    when: chartLoader.status === Loader.Ready
                }
                // A respondent's form changed major version: their line starts again there.
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: controller.formChanges.length > 0
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Questionnaire changed during this episode")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.text
                    }
                    Repeater {
                        model: controller.formChanges
                        delegate: Label {
                            required property string modelData
                            objectName: "formChangeNote"
                            Layout.fillWidth: true
                            text: modelData
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.mutedText
                        }
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: screen.message.length > 0 || controller.errorMessage.length > 0
                    text: screen.message.length > 0 ? screen.message : controller.errorMessage
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.warning
                }
                GridLayout {
                    id: episodeActions
                    Layout.fillWidth: true
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing
                    visible: controller.open
                    // One row when the three buttons fit, else one under the other (portrait,
                    // large text): none is pushed off the screen.
                    columns: width >= startRoundButton.implicitWidth + detailsButton.implicitWidth
                             + closeButton.implicitWidth + 2 * Theme.spacing ? 3 : 1
                    BigButton {
                        id: startRoundButton
                        Layout.fillWidth: true
                        text: qsTr("End-of-session round")
                        primary: true
                        font.pixelSize: Theme.fontLarge
                        onClicked: screen.startRound()
                    }
                    BigButton {
                        id: detailsButton
                        Layout.fillWidth: episodeActions.columns === 1
                        text: qsTr("Patient details")
                        onClicked: screen.editPatientRequested(controller.patientId)
                    }
                    BigButton {
                        id: closeButton
                        Layout.fillWidth: episodeActions.columns === 1
                        text: qsTr("Close episode")
                        onClicked: screen.dialog("closeEpisode", closeEpisodeDialog).ask()
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: !controller.open && controller.episodeId.length > 0
                    text: qsTr("This episode is closed.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.mutedText
                }
                BigButton {
                    // The episode's PDF report (leads and admins; checked in C++ too).
                    text: qsTr("PDF report")
                    visible: ClinicSession.signedInRole !== "physio"
                             && controller.episodeId.length > 0
                    onClicked: screen.reportRequested(controller.episodeId)
                }
            }

            SessionHistory {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                Layout.preferredHeight: screen.wide ? -1 : Math.round(560 * Theme.scale)
                episode: controller
                onActRequested: alertId => screen.dialog("acknowledge", acknowledgeDialog).ask(alertId)
                onActManyRequested: alertIds => screen.dialog("acknowledge", acknowledgeDialog).askMany(alertIds)
            }
        }
    }

    SavedBanner {
        id: savedBanner
    }
}
