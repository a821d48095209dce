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
    // The "not yet / doesn't apply" answer (stored as -1, scored as missing); empty if none.
    property string notApplicableLabel: ""
    readonly property bool notApplicableChosen: view.answered && view.answer === -1

    // The delegate only asks; the model checks and keeps the value.
    signal answerRequested(var value)

    implicitHeight: loader.implicitHeight
                    + (notApplicableButton.visible ? notApplicableButton.implicitHeight + Theme.spacing : 0)
    implicitWidth: loader.implicitWidth

    Loader {
        id: loader
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: implicitHeight
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

    // Apart from the scale, so it is never read as its lowest point.
    BigButton {
        id: notApplicableButton
        objectName: "notApplicableButton"
        visible: view.notApplicableLabel.length > 0
        anchors.top: loader.bottom
        anchors.topMargin: Theme.spacing
        anchors.horizontalCenter: parent.horizontalCenter
        text: view.notApplicableLabel
        Accessible.name: view.notApplicableLabel
        primary: view.notApplicableChosen
        onClicked: view.answerRequested(-1)
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
            answer: view.notApplicableChosen ? undefined : view.answer
            answered: view.answered && !view.notApplicableChosen
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
