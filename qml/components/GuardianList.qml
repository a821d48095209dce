pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// The parents or carers of a child: a name and a relation each, added with a big button.
// Works on a copy and hands the whole list back through `edited`. "Remove" emits
// removeRequested; the screen calls askRemoval with the question naming them, and on
// "Remove" removeConfirmed follows; the screen removes (a stored guardian at once, in the
// database) and reports a problem through `message`.
ColumnLayout {
    id: list

    property var guardians: []
    property var relations: [] // [{id, label}]
    property string message: ""
    property string notice: ""

    signal edited(var guardians)
    signal removeRequested(int index)
    signal removeConfirmed(int index)

    function askRemoval(index, question) {
        confirmRemoval.index = index
        confirmRemoval.question = question
        confirmRemoval.ask()
    }

    function changed(index, key, value) {
        const copy = list.guardians.slice()
        const entry = Object.assign({}, copy[index])
        entry[key] = value
        copy[index] = entry
        list.edited(copy)
    }

    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        text: qsTr("Parents or carers")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    Repeater {
        model: list.guardians
        delegate: GridLayout {
            id: entry
            required property int index
            required property var modelData
            Layout.fillWidth: true
            columns: list.width > Math.round(640 * Theme.scale) ? 3 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            TextField {
                id: nameField
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Name of parent or carer %1").arg(entry.index + 1)
                placeholderText: qsTr("Name")
                placeholderTextColor: Theme.mutedText
                text: entry.modelData.name || ""
                font.pixelSize: Theme.fontBody
                color: Theme.text
                onEditingFinished: if (text !== (entry.modelData.name || "")) list.changed(entry.index, "name", text)
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border.width: nameField.activeFocus ? 3 : 2
                    border.color: nameField.activeFocus ? Theme.selected : Theme.border
                }
            }
            ComboBox {
                id: relation
                Layout.preferredHeight: Theme.touchTarget
                Layout.preferredWidth: Math.round(200 * Theme.scale)
                Accessible.name: qsTr("Relation of parent or carer %1").arg(entry.index + 1)
                font.pixelSize: Theme.fontBody
                model: list.relations
                textRole: "label"
                valueRole: "id"
                currentIndex: list.relations.findIndex(r => r.id === entry.modelData.relation)
                displayText: currentIndex < 0 ? qsTr("Relation") : currentText
                onActivated: list.changed(entry.index, "relation", currentValue)
                delegate: ItemDelegate {
                    required property int index
                    required property var modelData
                    width: ListView.view ? ListView.view.width : implicitWidth
                    height: Theme.touchTarget
                    text: modelData.label
                    font.pixelSize: Theme.fontBody
                    highlighted: relation.highlightedIndex === index
                }
            }
            BigButton {
                text: qsTr("Remove")
                Accessible.name: qsTr("Remove parent or carer %1").arg(entry.index + 1)
                onClicked: {
                    nameField.focus = false // commits a name still being typed
                    list.message = ""
                    list.notice = ""
                    list.removeRequested(entry.index)
                }
            }
        }
    }
    Label {
        Layout.fillWidth: true
        visible: list.notice.length > 0
        text: list.notice
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }
    Label {
        Layout.fillWidth: true
        visible: list.message.length > 0
        text: list.message
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.warning
    }
    ConfirmDialog {
        id: confirmRemoval
        property int index: -1
        confirmText: qsTr("Remove")
        onConfirmed: list.removeConfirmed(confirmRemoval.index)
    }
    BigButton {
        text: qsTr("Add a parent or carer")
        onClicked: list.edited(list.guardians.concat([{ "name": "", "relation": "" }]))
    }
}
