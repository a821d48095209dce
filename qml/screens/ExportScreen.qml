pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Export and import (clinic lead and admin): the research data as CSV with its codebook and
// scripts, an episode's report as a PDF, the whole clinic as a FHIR R4 bundle, and a FHIR
// bundle from another tablet into this clinic, and an R4 Questionnaire into the clinic's
// questionnaires. Pseudonymised unless the lead asks for names, which needs a confirmation.
// Large exports and the bundle import show their progress and can be cancelled; a cancelled or
// failed export leaves nothing behind, a cancelled import or one with problems adds nothing.
Page {
    id: screen

    // An episode id or pseudonym code to report on (set when opened from an episode).
    property string episodeOrCode: ""
    // For tests and the header: the controller behind the screen.
    readonly property alias controller: exporter

    title: qsTr("Export and import")
    background: Rectangle { color: Theme.background }

    ExportController {
        id: exporter
        // The outcome is shown at the top of the page: bring it into view.
        onChanged: if (message.length > 0) page.contentY = 0
    }

    component SectionLabel: Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    // Choices whose words wrap instead of widening the page (text at twice the size, portrait).
    component WrappingCheck: CheckBox {
        id: check
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        Accessible.name: text
        font.pixelSize: Theme.fontBody
        contentItem: Label {
            text: check.text
            font: check.font
            wrapMode: Text.WordWrap
            leftPadding: check.indicator.width + check.spacing
            verticalAlignment: Text.AlignVCenter
            color: Theme.text
        }
    }
    component WrappingRadio: RadioButton {
        id: radio
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        Accessible.name: text
        font.pixelSize: Theme.fontBody
        contentItem: Label {
            text: radio.text
            font: radio.font
            wrapMode: Text.WordWrap
            leftPadding: radio.indicator.width + radio.spacing
            verticalAlignment: Text.AlignVCenter
            color: Theme.text
        }
    }
    component Fact: Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.text
    }
    component Note: Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }

    function run(what) {
        if (what === "csv")
            exporter.exportCsv(folder.text, identified.checked, freeText.checked)
        else
            exporter.exportPdf(episodeField.text, folder.text, identified.checked)
    }
    function folderOf(path) {
        const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"))
        return slash > 0 ? path.substring(0, slash) : folder.text
    }
    function start(what) {
        if (identified.checked) {
            confirm.what = what
            confirm.ask()
        } else {
            screen.run(what)
        }
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Choose the folder to export into")
        onAccepted: folder.text = exporter.localPath(selectedFolder)
    }

    FileDialog {
        id: questionnaireDialog
        title: qsTr("Choose the FHIR Questionnaire to import")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("FHIR Questionnaires (*.json)"), qsTr("All files (*)")]
        onAccepted: questionnaireFile.text = exporter.localPath(selectedFile)
    }

    // What a checked questionnaire would add, before anything is written.
    Dialog {
        id: questionnaireConfirm
        readonly property var form: exporter.pendingQuestionnaire
        property bool added: false
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 600,
                        Math.round(640 * Theme.scale))
        height: Math.min(implicitHeight, (Overlay.overlay ? Overlay.overlay.height : 800)
                                         - 2 * Theme.margin)
        padding: Theme.margin
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.color: Theme.border
            border.width: 2
        }
        onOpened: added = false
        // Closed without "Add questionnaire" (Escape, a tap outside, "Do not add"): nothing added.
        onClosed: if (!added) exporter.discardQuestionnaire()

        // The facts scroll when they do not fit (twice the text size, portrait); the
        // question and the buttons stay in view.
        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: qsTr("Add this questionnaire to the clinic?")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            Flickable {
                id: factsView
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredHeight: facts.implicitHeight
                contentWidth: width
                contentHeight: facts.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {
                    policy: factsView.contentHeight > factsView.height ? ScrollBar.AlwaysOn
                                                                       : ScrollBar.AsNeeded
                }
                ColumnLayout {
                    id: facts
                    width: factsView.width - Math.round(16 * Theme.scale)
                    spacing: Theme.spacing
                    Fact {
                        Accessible.name: qsTr("Questionnaire to add")
                        text: qsTr("%1\nVersion %2 (form id %3)\n%4 questions, answered by %5\nLanguages: %6")
                              .arg(questionnaireConfirm.form.title || "")
                              .arg(questionnaireConfirm.form.version || "")
                              .arg(questionnaireConfirm.form.id || "")
                              .arg(questionnaireConfirm.form.items || 0)
                              .arg(questionnaireConfirm.form.respondent || "")
                              .arg(questionnaireConfirm.form.languages || "")
                    }
                    Fact {
                        visible: text.length > 0
                        color: Theme.mutedText
                        text: (questionnaireConfirm.form.notes || []).join("\n")
                    }
                    Fact {
                        color: Theme.mutedText
                        text: qsTr("It is offered for new rounds at once, and the audit log records who added which version.")
                    }
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                layoutDirection: Qt.RightToLeft
                BigButton {
                    text: qsTr("Add questionnaire")
                    primary: true
                    onClicked: {
                        questionnaireConfirm.added = true
                        questionnaireConfirm.close()
                        exporter.importQuestionnaire()
                    }
                }
                BigButton {
                    text: qsTr("Do not add")
                    onClicked: questionnaireConfirm.close()
                }
            }
        }
    }

    FileDialog {
        id: bundleDialog
        title: qsTr("Choose the FHIR bundle to import")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("FHIR bundles (*.json)"), qsTr("All files (*)")]
        onAccepted: bundleFile.text = exporter.localPath(selectedFile)
    }

    ConfirmDialog {
        id: confirm
        property string what: "csv"
        question: qsTr("Export with names and birth dates? Anyone with the files can identify "
                       + "the children. The export is recorded in the audit log.")
        confirmText: qsTr("Export identified data")
        onConfirmed: screen.run(what)
    }

    Flickable {
        id: page
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            width: Math.min(page.width - 2 * Theme.margin, Math.round(820 * Theme.scale))
            spacing: Theme.spacing

            Note {
                visible: !exporter.allowed
                text: qsTr("Only a clinic lead or admin may export the clinic's data.")
                color: Theme.warning
            }

            // Progress and the outcome first, where they are seen whatever was tapped.
            ColumnLayout {
                Layout.fillWidth: true
                visible: exporter.busy
                spacing: Theme.spacing
                ProgressBar {
                    Layout.fillWidth: true
                    visible: exporter.cancellable
                    Accessible.name: exporter.operation === "fhir-import" ? qsTr("Import progress")
                                                                         : qsTr("Export progress")
                    value: exporter.progress
                }
                BigButton {
                    visible: exporter.cancellable
                    text: exporter.operation === "fhir-import" ? qsTr("Cancel import")
                                                               : qsTr("Cancel export")
                    onClicked: exporter.cancel()
                }
            }
            Label {
                Layout.fillWidth: true
                visible: exporter.message.length > 0
                Accessible.name: qsTr("Export message")
                text: exporter.message
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: exporter.failed ? Theme.warning : Theme.text
            }
            // A refused import: every problem with its place in the bundle (nothing written),
            // in a framed box that scrolls on its own.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(problemList.contentHeight + 2 * Theme.spacing,
                                                 Math.round(320 * Theme.scale))
                visible: exporter.problems.length > 0
                color: Theme.surface
                border.width: 2
                border.color: Theme.border
                radius: Theme.radius / 2
                ListView {
                    id: problemList
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    Accessible.name: qsTr("Import problems")
                    clip: true
                    // No highlight is drawn: without this, its default 400 px/s animation kept
                    // the window drawing frames for seconds, even with the list hidden.
                    highlightFollowsCurrentItem: false
                    boundsBehavior: Flickable.StopAtBounds
                    spacing: Math.round(6 * Theme.scale)
                    model: exporter.problems
                    ScrollBar.vertical: ScrollBar {
                        policy: problemList.contentHeight > problemList.height
                                ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
                    }
                    delegate: Row {
                        id: problemRow
                        required property string modelData
                        width: problemList.width - Math.round(16 * Theme.scale)
                        spacing: Math.round(6 * Theme.scale)
                        Label {
                            id: bullet
                            text: "•"
                            font.pixelSize: Theme.fontBody
                            color: Theme.warning
                        }
                        Label {
                            width: problemRow.width - bullet.width - problemRow.spacing
                            text: problemRow.modelData
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                    }
                }
            }
            FormField {
                id: folder
                Layout.fillWidth: true
                label: qsTr("Export folder")
                text: exporter.defaultFolder
                enabled: !exporter.busy
            }
            BigButton {
                text: qsTr("Choose folder…")
                enabled: !exporter.busy
                onClicked: {
                    folderDialog.currentFolder = exporter.folderUrl(folder.text)
                    folderDialog.open()
                }
            }
            WrappingCheck {
                id: identified
                text: qsTr("Include names and birth dates (identified)")
                enabled: !exporter.busy
            }
            Note {
                text: identified.checked
                      ? qsTr("Identified: patients' names and birth dates are written. You will be asked to confirm.")
                      : qsTr("Pseudonymised: patients appear by their code and age in years; no names, no birth dates.")
            }

            SectionLabel {
                Layout.topMargin: Theme.margin
                text: qsTr("Research data (CSV)")
            }
            Note {
                text: qsTr("A new folder with one row per response (every score and answer), one row per answer, a codebook, an R script and SPSS syntax.")
            }
            WrappingCheck {
                id: freeText
                text: qsTr("Include free-text answers")
                enabled: !exporter.busy
            }
            BigButton {
                text: qsTr("Export research data")
                primary: true
                enabled: exporter.allowed && !exporter.busy
                onClicked: screen.start("csv")
            }

            SectionLabel {
                Layout.topMargin: Theme.margin
                text: qsTr("Episode report (PDF)")
            }
            FormField {
                id: episodeField
                Layout.fillWidth: true
                label: qsTr("Patient code or episode")
                hint: qsTr("e.g. TRD-7K4M-Q2")
                text: screen.episodeOrCode
                enabled: !exporter.busy
            }
            Note {
                text: qsTr("A patient code reports on that patient's most recent episode.")
            }
            BigButton {
                text: qsTr("Export PDF report")
                primary: true
                enabled: exporter.allowed && !exporter.busy
                onClicked: screen.start("pdf")
            }

            // The whole clinic for an electronic health record or a FHIR server; always
            // pseudonymised, so no confirmation.
            ColumnLayout {
                Layout.fillWidth: true
                visible: exporter.allowed
                spacing: Theme.spacing

                SectionLabel {
                    Layout.topMargin: Theme.margin
                    text: qsTr("FHIR R4 bundle")
                }
                Note {
                    text: qsTr("The whole clinic as one FHIR R4 file in the export folder: patients by their code (never names or birth dates), episodes, sessions, every response with its scores, and the alerts with the actions taken.")
                }
                WrappingRadio {
                    id: collection
                    text: qsTr("Collection: a file to keep or send")
                    checked: true
                    enabled: !exporter.busy
                }
                WrappingRadio {
                    id: transaction
                    text: qsTr("Transaction: for a FHIR server")
                    enabled: !exporter.busy
                }
                WrappingCheck {
                    id: fhirFreeText
                    text: qsTr("Include free-text answers in the bundle")
                    enabled: !exporter.busy
                }
                Note {
                    text: fhirFreeText.checked
                          ? qsTr("Free-text answers are written. They may name people (a parent, a teacher, a physio): keep the file as you would the clinical record.")
                          : qsTr("Free-text answers are left out: they may name people.")
                    color: fhirFreeText.checked ? Theme.warning : Theme.mutedText
                }
                BigButton {
                    text: qsTr("Export FHIR bundle")
                    primary: true
                    enabled: !exporter.busy
                    onClicked: exporter.exportFhir(folder.text, transaction.checked,
                                                   fhirFreeText.checked)
                }
            }

            // How a clinic moves data between tablets until they synchronise.
            ColumnLayout {
                Layout.fillWidth: true
                visible: exporter.allowed
                spacing: Theme.spacing

                SectionLabel {
                    Layout.topMargin: Theme.margin
                    text: qsTr("Import a FHIR bundle")
                }
                Note {
                    text: qsTr("Responses from a FHIR bundle exported by another Triad tablet are added to this clinic: patients by their code, their episodes and sessions, and scores and cards worked out as if answered here. Importing the same file again changes nothing; a bundle with any problem is not imported at all, and a cancelled import adds nothing.")
                }
                FormField {
                    id: bundleFile
                    Layout.fillWidth: true
                    label: qsTr("Bundle file to import")
                    hint: qsTr("triad-fhir-….json")
                    enabled: !exporter.busy
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    BigButton {
                        text: qsTr("Choose file…")
                        enabled: !exporter.busy
                        onClicked: {
                            bundleDialog.currentFolder = exporter.folderUrl(
                                        screen.folderOf(bundleFile.text))
                            bundleDialog.open()
                        }
                    }
                    BigButton {
                        text: qsTr("Import bundle")
                        primary: true
                        enabled: !exporter.busy
                        onClicked: exporter.importFhir(bundleFile.text)
                    }
                }
            }

            // A licensed instrument the clinic built in a standard form builder (FHIR R4
            // Questionnaire), into the questionnaires this tablet offers.
            ColumnLayout {
                Layout.fillWidth: true
                visible: exporter.allowed
                spacing: Theme.spacing

                SectionLabel {
                    Layout.topMargin: Theme.margin
                    text: qsTr("Import a questionnaire (FHIR R4)")
                }
                Note {
                    text: qsTr("A FHIR R4 Questionnaire, for example a licensed instrument built in a form builder, becomes one of this clinic's questionnaires, scored from its answers' ordinal values. Anything Triad cannot honour is listed with its place in the file and nothing is added; otherwise you see what will be added and confirm.")
                }
                FormField {
                    id: questionnaireFile
                    Layout.fillWidth: true
                    label: qsTr("Questionnaire file to import")
                    hint: qsTr("questionnaire.json")
                    enabled: !exporter.busy
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Who answers it, if the file does not say")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                ComboBox {
                    id: respondentChoice
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("Who answers it")
                    font.pixelSize: Theme.fontBody
                    enabled: !exporter.busy
                    textRole: "label"
                    valueRole: "id"
                    model: [
                        { id: "", label: qsTr("As the file says") },
                        { id: "child", label: qsTr("The child") },
                        { id: "parent", label: qsTr("A parent") },
                        { id: "physio", label: qsTr("The physiotherapist") }
                    ]
                    delegate: ItemDelegate {
                        required property int index
                        required property var modelData
                        width: ListView.view ? ListView.view.width : implicitWidth
                        height: Theme.touchTarget
                        text: modelData.label
                        font.pixelSize: Theme.fontBody
                        highlighted: respondentChoice.highlightedIndex === index
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("What its questions measure, if the file does not say")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                ComboBox {
                    id: constructChoice
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    Accessible.name: qsTr("What its questions measure")
                    font.pixelSize: Theme.fontBody
                    enabled: !exporter.busy
                    textRole: "label"
                    valueRole: "id"
                    model: [
                        { id: "", label: qsTr("As the file says") },
                        { id: "goal", label: qsTr("Agreement on goals") },
                        { id: "task", label: qsTr("Agreement on tasks") },
                        { id: "bond", label: qsTr("The bond") },
                        { id: "voice", label: qsTr("The child's voice") }
                    ]
                    delegate: ItemDelegate {
                        required property int index
                        required property var modelData
                        width: ListView.view ? ListView.view.width : implicitWidth
                        height: Theme.touchTarget
                        text: modelData.label
                        font.pixelSize: Theme.fontBody
                        highlighted: constructChoice.highlightedIndex === index
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    BigButton {
                        text: qsTr("Choose questionnaire…")
                        enabled: !exporter.busy
                        onClicked: {
                            questionnaireDialog.currentFolder = exporter.folderUrl(
                                        screen.folderOf(questionnaireFile.text))
                            questionnaireDialog.open()
                        }
                    }
                    BigButton {
                        text: qsTr("Import questionnaire")
                        primary: true
                        enabled: !exporter.busy
                        onClicked: {
                            exporter.checkQuestionnaire(questionnaireFile.text,
                                                        respondentChoice.currentValue,
                                                        constructChoice.currentValue)
                            if (exporter.questionnaireWaiting)
                                questionnaireConfirm.open()
                        }
                    }
                }
            }

        }
    }
}
