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

    property alias instrumentId: questionnaire.instrumentId
    property alias physioName: questionnaire.physioName
    property alias childName: questionnaire.childName
    property alias language: questionnaire.language
    property alias questionnaire: questionnaire
    property string stage: "intro" // intro, question, review, thanks
    property alias currentIndex: pages.currentIndex

    signal finished(var scores)
    signal cancelled

    title: questionnaire.title
    background: Rectangle { color: Theme.background }

    function speak(words) {
        ReadAloud.speak(words, questionnaire.language)
    }
    function start() {
        stage = "question"
        pages.currentIndex = 0
        if (questionnaire.readAloudAutomatically)
            speak(questionnaire.readAloudTextAt(0))
    }
    function next() {
        if (pages.currentIndex + 1 < questionnaire.count) {
            pages.currentIndex += 1
            if (questionnaire.readAloudAutomatically)
                speak(questionnaire.readAloudTextAt(pages.currentIndex))
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
        runner.finished(questionnaire.scoreSummary())
    }

    QuestionnaireModel {
        id: questionnaire
    }

    header: ToolBar {
        implicitHeight: Theme.touchTarget + 8
        background: Rectangle { color: Theme.surface }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.margin
            anchors.rightMargin: Theme.margin
            Label {
                Layout.fillWidth: true
                text: questionnaire.title
                elide: Text.ElideRight
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.text
            }
            ProgressDots {
                visible: runner.stage === "question"
                count: questionnaire.count
                current: pages.currentIndex
                answered: questionnaire.answeredFlags
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
            text: questionnaire.intro
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontQuestion
            color: Theme.text
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.margin
            ReadAloudButton {
                words: questionnaire.introReadAloud
                language: questionnaire.language
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
            model: questionnaire
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
                        onAnswerRequested: value => {
                            const problem = questionnaire.setAnswer(page.index, value)
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
                words: questionnaire.readAloudTextAt(pages.currentIndex)
                language: questionnaire.language
            }
            Item { Layout.fillWidth: true }
            BigButton {
                readonly property bool answered: questionnaire.answeredFlags[pages.currentIndex] === true
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
        questionnaire: questionnaire
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
            text: questionnaire.thanks
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Item { Layout.fillHeight: true }
    }
}
