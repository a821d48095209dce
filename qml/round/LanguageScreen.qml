pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The respondent picks the language of their form, among those the form is written in.
// Each language is named in itself, so a parent finds theirs without reading English.
Page {
    id: screen

    property string message: ""

    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.margin
        Item { Layout.fillHeight: true }
        Label {
            Layout.fillWidth: true
            text: qsTr("Which language would you like?")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontQuestion
            font.bold: true
            color: Theme.text
        }
        Flow {
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.margin
            Repeater {
                model: RoundFlow.currentLanguages
                delegate: BigButton {
                    required property string modelData
                    text: LanguageNames.nameOf(modelData)
                    primary: true
                    font.pixelSize: Theme.fontLarge
                    onClicked: screen.message = RoundFlow.beginForm(modelData)
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: screen.message.length > 0
            text: screen.message
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.warning
        }
        Item { Layout.fillHeight: true }
    }
}
