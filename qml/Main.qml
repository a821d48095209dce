pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.Ui

ApplicationWindow {
    id: window

    width: 1280
    height: 800
    visible: true
    title: qsTr("Triad")
    color: Theme.background

    StackView {
        id: stack
        objectName: "mainStack"
        anchors.fill: parent
        initialItem: previewScreen
    }

    Component {
        id: previewScreen
        PreviewScreen {
            onRunRequested: (instrumentId, title) => stack.push(formRunner, {
                "instrumentId": instrumentId
            })
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
            onCloseRequested: stack.pop(null)
        }
    }
}
