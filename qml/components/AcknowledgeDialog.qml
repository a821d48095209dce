pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// "I did something about this": what kind of action, and a short note. The next
// sessions then show whether the alliance recovered.
Dialog {
    id: dialog

    property var alertIds: []
    property var actionKinds: [] // [{id, label}]
    property string message: ""

    signal submitted(var alertIds, string actionKind, string note)

    function ask(id) {
        dialog.askMany([id])
    }
    function askMany(ids) {
        dialog.alertIds = ids
        dialog.message = ""
        kind.currentIndex = -1
        note.text = ""
        dialog.open()
    }

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.margin : 600, Math.round(640 * Theme.scale))
    title: dialog.alertIds.length > 1 ? qsTr("What did you do about these %1 cards?").arg(dialog.alertIds.length)
                                      : qsTr("What did you do about it?")
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
            id: kind
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Kind of action")
            font.pixelSize: Theme.fontBody
            model: dialog.actionKinds
            textRole: "label"
            valueRole: "id"
            displayText: currentIndex < 0 ? qsTr("Choose what you did") : currentText
            delegate: ItemDelegate {
                required property int index
                required property var modelData
                width: ListView.view ? ListView.view.width : implicitWidth
                height: Theme.touchTarget
                text: modelData.label
                Accessible.name: modelData.label
                font.pixelSize: Theme.fontBody
                highlighted: kind.highlightedIndex === index
            }
        }
        FormField {
            id: note
            Layout.fillWidth: true
            label: qsTr("Note (optional)")
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
                text: qsTr("Save")
                primary: true
                Accessible.name: qsTr("Save what you did")
                onClicked: dialog.submitted(dialog.alertIds, kind.currentIndex < 0 ? "" : kind.currentValue, note.text)
            }
        }
    }
}
