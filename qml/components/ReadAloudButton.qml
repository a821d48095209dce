pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.App
import Triad.Ui

// Reads the current words aloud; says plainly when this device cannot.
BigButton {
    id: control

    property string words: ""
    property string language: "en"

    text: ReadAloud.speaking ? qsTr("Stop reading") : qsTr("Read aloud")
    Accessible.name: qsTr("Read aloud")
    Accessible.description: ReadAloud.available ? "" : ReadAloud.status
    enabled: ReadAloud.available
    onClicked: ReadAloud.speaking ? ReadAloud.stop() : ReadAloud.speak(words, language)

    ToolTip.visible: hovered && !ReadAloud.available
    ToolTip.text: ReadAloud.status
}
