pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Runs one respondent through one form: intro, one question per screen with progress
// dots and read-aloud, a review screen, then "Thank you!".
//
// Made for hands that are not careful: Next (bottom right, filled, only once the question
// has an answer), "Skip this question" (bottom centre, outlined, asks first) and "I'm done"
// (on the review, bottom left, asks first when something is unanswered) never share a spot.
// A tap on one of them is ignored for tapGuardMs after the screen under it changed (a new
// question slid in, the review replaced the last question), so a double tap cannot skip a
// question unseen. With autoAdvance a single-choice answer (faces, Likert, yes/no) shows
// "Got it" briefly and then moves on by itself.
Page {
    id: runner

    // Either the runner's own model, set up from instrumentId (preview), or a model run
    // by someone else (the round's RoundFlow.questionnaire, which saves every answer).
    property QuestionnaireModel externalModel: null
    readonly property QuestionnaireModel questionnaire: externalModel ? externalModel : ownModel
    property alias instrumentId: ownModel.instrumentId
    property alias physioName: ownModel.physioName
    property alias childName: ownModel.childName
    property alias language: ownModel.language
    property string stage: "intro" // intro, question, review, thanks
    // Room kept free at the header's right end (the round's "Staff" button sits there).
    property int headerRightInset: 0
    property alias currentIndex: pages.currentIndex
    // How long taps on Next, Skip and Done are ignored after the screen under them changed:
    // longer than the 80 ms slide plus a quick second tap, shorter than a deliberate tap.
    readonly property int tapGuardMs: 500
    readonly property bool tapGuarded: tapGuard.running
    // Single-choice answers move on by themselves after advanceDelayMs (child forms by
    // default; Settings).
    property bool autoAdvance: runner.questionnaire.respondent === "child" ? ClinicSession.autoAdvanceChild
                                                                          : ClinicSession.autoAdvanceAdult
    readonly property int advanceDelayMs: 800
    readonly property bool advancing: advance.running
    // The response format of the question on screen ("faces", "text"...).
    readonly property string currentKind: runner.questionnaire.count > 0
                                          ? runner.questionnaire.kindAt(pages.currentIndex) : ""
    readonly property int advancingPage: advance.page

    signal finished(var scores)
    signal cancelled

    title: runner.questionnaire.title
    background: Rectangle { color: Theme.background }

    function speak(words) {
        ReadAloud.speak(words, runner.questionnaire.language)
    }
    function start() {
        startAt(0)
    }
    // Resuming a saved draft opens the question where the respondent stopped.
    function startAt(index) {
        tapGuard.restart()
        stage = "question"
        pages.currentIndex = Math.max(0, Math.min(index, runner.questionnaire.count - 1))
        if (runner.questionnaire.readAloudAutomatically)
            speak(runner.questionnaire.readAloudTextAt(pages.currentIndex))
    }
    function next() {
        advance.stop()
        tapGuard.restart()
        // Takes focus from a text field, which saves what was typed before the page moves.
        pages.forceActiveFocus()
        if (pages.currentIndex + 1 < runner.questionnaire.count) {
            pages.currentIndex += 1
            if (runner.questionnaire.readAloudAutomatically)
                speak(runner.questionnaire.readAloudTextAt(pages.currentIndex))
        } else {
            ReadAloud.stop()
            stage = "review"
        }
    }
    function previous() {
        advance.stop()
        tapGuard.restart()
        if (pages.currentIndex > 0)
            pages.currentIndex -= 1
        else
            stage = "intro"
    }
    function goTo(index) {
        tapGuard.restart()
        pages.currentIndex = index
        stage = "question"
    }
    // "I'm done": asks first when a question has no answer.
    function requestSubmit() {
        if (tapGuard.running)
            return
        if (runner.questionnaire.answeredCount < runner.questionnaire.count)
            submitDialog.ask()
        else
            runner.submit()
    }
    function submit() {
        pages.forceActiveFocus()
        ReadAloud.stop()
        stage = "thanks"
        runner.finished(runner.questionnaire.scoreSummary())
    }

    QuestionnaireModel {
        id: ownModel
    }

    Timer {
        id: tapGuard
        interval: runner.tapGuardMs
    }
    Timer {
        id: advance
        property int page: -1
        interval: runner.advanceDelayMs
        onTriggered: {
            if (runner.stage === "question" && pages.currentIndex === advance.page)
                runner.next()
        }
    }
    ConfirmDialog {
        id: skipDialog
        question: qsTr("Leave this question without an answer?")
        confirmText: qsTr("Skip it")
        onConfirmed: runner.next()
    }
    ConfirmDialog {
        id: submitDialog
        question: qsTr("Some questions have no answer. Hand in the answers anyway?")
        confirmText: qsTr("Hand in")
        onConfirmed: runner.submit()
    }

    header: ToolBar {
        implicitHeight: Math.max(Theme.touchTarget + 8, titleGrid.implicitHeight + 8)
        background: Rectangle { color: Theme.surface }
        // The title wraps rather than being cut; when the dots leave it too little room
        // (portrait, large text) they move under it.
        GridLayout {
            id: titleGrid
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin + runner.headerRightInset
            columns: width - dots.implicitWidth < 10 * Theme.fontLarge ? 1 : 2
            rowSpacing: 0
            Label {
                Layout.fillWidth: true
                text: runner.questionnaire.title
                wrapMode: Text.Wrap
                maximumLineCount: 3
                elide: Text.ElideRight
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            ProgressDots {
                id: dots
                visible: runner.stage === "question"
                count: runner.questionnaire.count
                current: pages.currentIndex
                answered: runner.questionnaire.answeredFlags
            }
        }
    }

    // Intro
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        visible: runner.stage === "intro"
        spacing: Theme.margin
        Item { Layout.fillHeight: true }
        Label {
            Layout.fillWidth: true
            text: runner.questionnaire.intro
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontQuestion
            color: Theme.text
        }
        // No speech on this device and a child who may not read: a grown-up reads.
        Label {
            Layout.fillWidth: true
            visible: runner.questionnaire.forNonReaders && !ReadAloud.available
            text: qsTr("A grown-up reads each question aloud to you.")
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontLarge
            color: Theme.mutedText
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.margin
            ReadAloudButton {
                words: runner.questionnaire.introReadAloud
                language: runner.questionnaire.language
            }
            BigButton {
                text: runner.questionnaire.forNonReaders ? qsTr("▶  Start") : qsTr("Start")
                Accessible.name: qsTr("Start")
                primary: true
                font.pixelSize: runner.questionnaire.forNonReaders ? Theme.fontTitle : Theme.fontBody
                onClicked: runner.start()
            }
        }
        Item { Layout.fillHeight: true }
    }

    // One question per screen
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        visible: runner.stage === "question"
        spacing: Theme.margin

        ListView {
            id: pages
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: ListView.Horizontal
            interactive: false
            clip: true
            highlightRangeMode: ListView.StrictlyEnforceRange
            // A short slide: the child sees the page change, and the next question is
            // settled within about 100 ms of the tap (an 80 ms slide).
            highlightMoveDuration: 80
            // The (invisible) highlight takes a page's size at once: at the default 400 px/s,
            // its growth to the page's width kept the window drawing frames for 2.4 s after
            // "Start".
            highlightResizeDuration: 0
            snapMode: ListView.SnapOneItem
            // The pages on either side only: they are built ahead (asynchronously) while the
            // child reads, instead of every page of the form at once when it opens.
            cacheBuffer: width
            model: runner.questionnaire
            delegate: Item {
                id: page
                required property int index
                required property string kind
                required property string prompt
                required property string readAloudText
                required property var choices
                required property var answer
                required property bool answered
                required property string lowAnchor
                required property string highAnchor
                required property int step
                required property int maxLength
                required property string notApplicableLabel
                width: pages.width
                height: pages.height

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.margin * 1.5
                    Item { Layout.fillHeight: true }
                    Label {
                        Layout.fillWidth: true
                        text: page.prompt
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                        font.pixelSize: Theme.fontQuestion
                        font.bold: true
                        color: Theme.text
                    }
                    QuestionView {
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        kind: page.kind
                        choices: page.choices
                        answer: page.answer
                        answered: page.answered
                        lowAnchor: page.lowAnchor
                        highAnchor: page.highAnchor
                        step: page.step
                        maxLength: page.maxLength
                        prompt: page.prompt
                        notApplicableLabel: page.notApplicableLabel
                        onAnswerRequested: value => {
                            const problem = runner.questionnaire.setAnswer(page.index, value)
                            problemLabel.text = problem
                            if (problem.length === 0 && runner.autoAdvance
                                    && ["faces", "likert", "yesno"].indexOf(page.kind) >= 0) {
                                advance.page = page.index
                                advance.restart()
                            }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        // The brief confirmation before an answer moves on by itself.
                        opacity: runner.advancing && runner.advancingPage === page.index ? 1 : 0
                        text: qsTr("✓ Got it")
                        horizontalAlignment: Text.AlignHCenter
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        color: Theme.accent
                    }
                    Item { Layout.fillHeight: true }
                }
            }
        }

        Label {
            id: problemLabel
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.WordWrap
            color: Theme.warning
            font.pixelSize: Theme.fontBody
        }

        // Back at the left, Skip in the middle (outlined, asks first), Next at the right
        // (filled, only with an answer): three places, three looks.
        // When the three do not fit on one line (portrait, large text), Skip moves above
        // Back and Next, still in the middle.
        Item {
            id: navBar
            readonly property bool narrow: width < backButton.implicitWidth + middleRow.implicitWidth
                                           + nextButton.implicitWidth + 4 * Theme.spacing
            Layout.fillWidth: true
            implicitHeight: narrow ? middleRow.implicitHeight + Theme.spacing
                                     + Math.max(backButton.implicitHeight, nextButton.implicitHeight)
                                   : Math.max(backButton.implicitHeight, middleRow.implicitHeight)
            BigButton {
                id: backButton
                anchors.left: parent.left
                anchors.bottom: parent.bottom
                text: qsTr("Back")
                onClicked: if (!runner.tapGuarded) runner.previous()
            }
            RowLayout {
                id: middleRow
                anchors.horizontalCenter: parent.horizontalCenter
                y: navBar.narrow ? 0 : (navBar.height - height) / 2
                spacing: Theme.spacing
                ReadAloudButton {
                    words: runner.questionnaire.readAloudTextAt(pages.currentIndex)
                    language: runner.questionnaire.language
                }
                Button {
                    id: skipButton
                    readonly property bool answered: runner.questionnaire.answeredFlags[pages.currentIndex] === true
                    visible: !answered && runner.currentKind !== "text"
                    implicitHeight: Theme.touchTarget
                    implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + 40)
                    Accessible.name: qsTr("Skip this question")
                    onClicked: if (!runner.tapGuarded) skipDialog.ask()
                    contentItem: Label {
                        text: qsTr("Skip this question")
                        font.pixelSize: Theme.fontBody
                        font.underline: true
                        color: Theme.mutedText
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                    }
                    background: Rectangle {
                        radius: Theme.radius
                        color: "transparent"
                        border.width: skipButton.visualFocus ? 4 : 1
                        border.color: Theme.border
                    }
                }
            }
            BigButton {
                id: nextButton
                readonly property bool answered: runner.questionnaire.answeredFlags[pages.currentIndex] === true
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                text: pages.currentIndex + 1 < runner.questionnaire.count ? qsTr("Next") : qsTr("Check answers")
                Accessible.name: qsTr("Next")
                primary: true
                // Free text is optional and saved as typed: Next is always open there.
                enabled: answered || runner.currentKind === "text"
                onClicked: if (!runner.tapGuarded) runner.next()
            }
        }
    }

    ReviewPage {
        anchors.fill: parent
        anchors.margins: Theme.margin
        visible: runner.stage === "review"
        questionnaire: runner.questionnaire
        onEditRequested: index => {
            if (!runner.tapGuarded)
                runner.goTo(index)
        }
        onSubmitRequested: runner.requestSubmit()
    }

    // Thank you
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        visible: runner.stage === "thanks"
        Item { Layout.fillHeight: true }
        Face {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.round(160 * Theme.scale)
            Layout.preferredHeight: Layout.preferredWidth
            mood: 1
        }
        Label {
            Layout.fillWidth: true
            text: runner.questionnaire.thanks
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Item { Layout.fillHeight: true }
    }
}
