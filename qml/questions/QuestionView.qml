// Qt 6.4: components made "Bound" cannot be instantiated by this Loader inside a
// ListView delegate ("outside its creation context"), so this file reads `view` from the
// components' enclosing scope instead, which qmllint reports as unqualified access.
// qmllint disable unqualified
import QtQuick
import QtQuick.Controls
import Triad.Ui

// Shows one question with the delegate for its response format (QField-style: one
// delegate per kind, chosen from the model, with a fallback for an unknown kind).
Item {
    id: view

    property string kind: ""
    property var choices: []
    property var answer: undefined
    property bool answered: false
    property string lowAnchor: ""
    property string highAnchor: ""
    property int step: 1
    property int maxLength: 0
    property string prompt: ""

    // The delegate only asks; the model checks and keeps the value.
    signal answerRequested(var value)

    implicitHeight: loader.implicitHeight
    implicitWidth: loader.implicitWidth

    Loader {
        id: loader
        anchors.fill: parent
        sourceComponent: {
            switch (view.kind) {
            case "faces": return facesComponent
            case "likert": return likertComponent
            case "slider": return sliderComponent
            case "yesno": return yesNoComponent
            case "text": return textComponent
            default: return unknownComponent
            }
        }
    }

    Component {
        id: facesComponent
        QuestionFaces {
            choices: view.choices
            answer: view.answer
            onAnswerRequested: value => view.answerRequested(value)
        }
    }
    Component {
        id: likertComponent
        QuestionLikert {
            choices: view.choices
            answer: view.answer
            onAnswerRequested: value => view.answerRequested(value)
        }
    }
    Component {
        id: sliderComponent
        QuestionSlider {
            answer: view.answer
            answered: view.answered
            lowAnchor: view.lowAnchor
            highAnchor: view.highAnchor
            step: view.step
            prompt: view.prompt
            onAnswerRequested: value => view.answerRequested(value)
        }
    }
    Component {
        id: yesNoComponent
        QuestionYesNo {
            choices: view.choices
            answer: view.answer
            onAnswerRequested: value => view.answerRequested(value)
        }
    }
    Component {
        id: textComponent
        QuestionText {
            answer: view.answer
            maxLength: view.maxLength
            prompt: view.prompt
            onAnswerRequested: value => view.answerRequested(value)
        }
    }
    Component {
        id: unknownComponent
        Label {
            text: qsTr("This question cannot be shown on this version of Triad (format \"%1\"). Please skip it.").arg(view.kind)
            wrapMode: Text.WordWrap
            color: Theme.warning
            font.pixelSize: Theme.fontBody
        }
    }
}
