pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// A labelled text field with room for the message that names what is wrong with it.
ColumnLayout {
    id: field

    property string label: ""
    property string hint: ""
    property string message: ""
    property alias text: input.text
    property alias masked: input.passwordMode
    property alias input: input

    signal accepted

    spacing: Math.round(4 * Theme.scale)

    Label {
        Layout.fillWidth: true
        text: field.label
        // The field below carries this name; a second control named the same confuses a
        // screen reader (and the UI tests, which find controls by name).
        Accessible.ignored: true
        Accessible.name: ""
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    TextField {
        id: input
        property bool passwordMode: false
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touchTarget
        Accessible.name: field.label
        echoMode: passwordMode ? TextInput.Password : TextInput.Normal
        inputMethodHints: passwordMode ? Qt.ImhSensitiveData | Qt.ImhNoPredictiveText : Qt.ImhNone
        placeholderText: field.hint
        placeholderTextColor: Theme.mutedText
        font.pixelSize: Theme.fontBody
        color: Theme.text
        onAccepted: field.accepted()
        background: Rectangle {
            radius: Theme.radius / 2
            color: Theme.surface
            border.width: input.activeFocus ? 3 : 2
            border.color: field.message.length > 0 ? Theme.warning
                          : input.activeFocus ? Theme.selected : Theme.border
        }
    }
    Label {
        Layout.fillWidth: true
        visible: field.message.length > 0
        text: field.message
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.warning
    }
}
