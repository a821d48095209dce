pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// Changes an open episode's condition and the goals, in the family's words.
Dialog {
    id: dialog

    property var conditions: [] // [{id, label}]
    property string message: ""

    signal submitted(string condition, string goals)

    function ask(currentCondition, currentGoals) {
        dialog.message = ""
        condition.currentIndex = -1
        for (let i = 0; i < dialog.conditions.length; ++i)
            if (dialog.conditions[i].id === currentCondition)
                condition.currentIndex = i
        goals.text = currentGoals
        dialog.open()
    }

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 600, Math.round(640 * Theme.scale))
    title: qsTr("Condition and goals")
    padding: Theme.margin
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
        border.width: 2
    }
    header: Label {
        text: dialog.title
        padding: Theme.margin
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing
        ComboBox {
            id: condition
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Condition")
            font.pixelSize: Theme.fontBody
            model: dialog.conditions
            textRole: "label"
            valueRole: "id"
            displayText: currentIndex < 0 ? qsTr("Choose the condition") : currentText
            delegate: ItemDelegate {
                required property int index
                required property var modelData
                width: ListView.view ? ListView.view.width : implicitWidth
                height: Theme.touchTarget
                text: modelData.label
                font.pixelSize: Theme.fontBody
                highlighted: condition.highlightedIndex === index
            }
        }
        FormField {
            id: goals
            Layout.fillWidth: true
            label: qsTr("Goals, in the family's words")
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.message.length > 0
            text: dialog.message
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.warning
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Item { Layout.fillWidth: true }
            BigButton {
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            BigButton {
                text: qsTr("Save changes")
                primary: true
                onClicked: dialog.submitted(condition.currentIndex < 0 ? "" : condition.currentValue, goals.text)
            }
        }
    }
}
