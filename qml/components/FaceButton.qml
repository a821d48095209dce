pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// One face choice: the face and its word, one big target.
AbstractButton {
    id: control

    property real mood: 0
    property string label: ""
    property bool chosen: false
    property int faceSize: Math.round(96 * Theme.scale)

    Accessible.role: Accessible.RadioButton
    Accessible.name: label
    Accessible.checked: chosen
    focusPolicy: Qt.StrongFocus
    implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + 16)
    implicitHeight: implicitContentHeight + 16

    background: Rectangle {
        radius: Theme.radius
        color: control.chosen ? Qt.rgba(Theme.selected.r, Theme.selected.g, Theme.selected.b, 0.15) : "transparent"
        border.width: control.chosen || control.visualFocus ? 4 : 0
        border.color: Theme.selected
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing / 2
        Face {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: control.faceSize
            Layout.preferredHeight: Layout.preferredWidth
            mood: control.mood
            selected: control.chosen
        }
        Label {
            Layout.fillWidth: true
            text: control.label
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            font.bold: control.chosen
            color: Theme.text
        }
    }
}
