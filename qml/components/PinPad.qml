pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// A number pad with big keys for a PIN. The digits typed show as dots only; `entered`
// fires with the whole PIN on "OK" and the pad clears itself for the next try.
ColumnLayout {
    id: pad

    property string title: ""
    property string message: ""
    property int minimumLength: 4
    property int maximumLength: 8
    property bool busy: false
    readonly property int keySize: Math.round(76 * Theme.scale)
    property string pin: ""

    signal entered(string pin)

    function clear() {
        pin = ""
    }
    function press(digit) {
        if (pin.length < maximumLength)
            pin += digit
    }
    function submit() {
        if (pin.length < minimumLength || busy)
            return
        const value = pin
        pin = ""
        pad.entered(value)
    }

    spacing: Theme.spacing

    Keys.onPressed: event => {
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9) {
            pad.press(String(event.key - Qt.Key_0))
            event.accepted = true
        } else if (event.key === Qt.Key_Backspace) {
            pad.pin = pad.pin.slice(0, -1)
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            pad.submit()
            event.accepted = true
        }
    }

    Label {
        Layout.fillWidth: true
        visible: pad.title.length > 0
        text: pad.title
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: Theme.text
    }
    Label {
        Layout.fillWidth: true
        text: pad.pin.length > 0 ? "●".repeat(pad.pin.length) : qsTr("Enter your PIN")
        horizontalAlignment: Text.AlignHCenter
        font.pixelSize: Theme.fontLarge
        color: pad.pin.length > 0 ? Theme.text : Theme.mutedText
        Accessible.name: qsTr("Digits entered: %1").arg(pad.pin.length)
    }
    Label {
        Layout.fillWidth: true
        Layout.maximumWidth: pad.keySize * 3 + Theme.spacing * 4
        Layout.alignment: Qt.AlignHCenter
        visible: pad.message.length > 0
        text: pad.message
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: Theme.warning
    }
    GridLayout {
        Layout.alignment: Qt.AlignHCenter
        columns: 3
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing
        Repeater {
            model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
            delegate: BigButton {
                id: key
                required property string modelData
                Layout.preferredWidth: pad.keySize
                Layout.preferredHeight: pad.keySize
                font.pixelSize: modelData.length === 1 ? Theme.fontTitle : Theme.fontBody
                primary: modelData === "ok"
                enabled: modelData !== "ok" || (pad.pin.length >= pad.minimumLength && !pad.busy)
                text: modelData === "clear" ? qsTr("Clear") : modelData === "ok" ? qsTr("OK") : modelData
                Accessible.name: modelData === "clear" ? qsTr("Clear PIN")
                                 : modelData === "ok" ? qsTr("Enter PIN") : qsTr("Digit %1").arg(modelData)
                onClicked: {
                    if (modelData === "clear")
                        pad.clear()
                    else if (modelData === "ok")
                        pad.submit()
                    else
                        pad.press(modelData)
                }
            }
        }
    }
}
