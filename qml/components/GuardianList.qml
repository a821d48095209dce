pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// The parents or carers of a child: a name and a relation each, added and removed with
// big buttons. Works on a copy and hands the whole list back through `edited`.
ColumnLayout {
    id: list

    property var guardians: []
    property var relations: [] // [{id, label}]

    signal edited(var guardians)

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
                    const copy = list.guardians.slice()
                    copy.splice(entry.index, 1)
                    list.edited(copy)
                }
            }
        }
    }
    BigButton {
        text: qsTr("Add a parent or carer")
        onClicked: list.edited(list.guardians.concat([{ "name": "", "relation": "" }]))
    }
}
