pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Runs one respondent through one form: intro, one question per screen with progress
// dots and read-aloud, a review screen, then "Thank you!".
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
        stage = "question"
        pages.currentIndex = Math.max(0, Math.min(index, runner.questionnaire.count - 1))
        if (runner.questionnaire.readAloudAutomatically)
            speak(runner.questionnaire.readAloudTextAt(pages.currentIndex))
    }
    function next() {
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
        if (pages.currentIndex > 0)
            pages.currentIndex -= 1
        else
            stage = "intro"
    }
    function goTo(index) {
        pages.currentIndex = index
        stage = "question"
    }
    function submit() {
        ReadAloud.stop()
        stage = "thanks"
        runner.finished(runner.questionnaire.scoreSummary())
    }

    QuestionnaireModel {
        id: ownModel
    }

    header: ToolBar {
        implicitHeight: Theme.touchTarget + 8
        background: Rectangle { color: Theme.surface }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin + runner.headerRightInset
            Label {
                Layout.fillWidth: true
                text: runner.questionnaire.title
                elide: Text.ElideRight
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            ProgressDots {
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
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.margin
            ReadAloudButton {
                words: runner.questionnaire.introReadAloud
                language: runner.questionnaire.language
            }
            BigButton {
                text: qsTr("Start")
                primary: true
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
            highlightMoveDuration: 200
            snapMode: ListView.SnapOneItem
            cacheBuffer: width * 20
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
                        }
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

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BigButton {
                text: qsTr("Back")
                onClicked: runner.previous()
            }
            Item { Layout.fillWidth: true }
            ReadAloudButton {
                words: runner.questionnaire.readAloudTextAt(pages.currentIndex)
                language: runner.questionnaire.language
            }
            Item { Layout.fillWidth: true }
            BigButton {
                readonly property bool answered: runner.questionnaire.answeredFlags[pages.currentIndex] === true
                text: answered ? qsTr("Next") : qsTr("Skip")
                Accessible.name: qsTr("Next")
                primary: answered
                onClicked: runner.next()
            }
        }
    }

    ReviewPage {
        anchors.fill: parent
        anchors.margins: Theme.margin
        visible: runner.stage === "review"
        questionnaire: runner.questionnaire
        onEditRequested: index => runner.goTo(index)
        onSubmitRequested: runner.submit()
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
