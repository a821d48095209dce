pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.App
import Triad.Ui

// Reads the current words aloud. Hidden where this device cannot speak (no engine, no
// voice, no audio device: a normal state); the form's intro then says a grown-up reads.
BigButton {
    id: control

    property string words: ""
    property string language: "en"

    text: ReadAloud.speaking ? qsTr("Stop reading") : qsTr("Read aloud")
    Accessible.name: qsTr("Read aloud")
    Accessible.description: ReadAloud.available ? "" : ReadAloud.status
    visible: ReadAloud.available
    onClicked: ReadAloud.speaking ? ReadAloud.stop() : ReadAloud.speak(words, language)

    ToolTip.visible: hovered && !ReadAloud.available
    ToolTip.text: ReadAloud.status
}
