pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.Ui

// A button sized for a hand in a hurry: at least the theme's touch target.
Button {
    id: control

    property bool primary: false

    Accessible.name: text
    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + 16)
    implicitWidth: Math.max(Theme.touchTarget * 2, contentItem.implicitWidth + 40)
    font.pixelSize: Theme.fontBody

    contentItem: Label {
        text: control.text
        font: control.font
        color: control.primary ? Theme.accentText : Theme.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        opacity: control.enabled ? 1.0 : 0.55
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? Theme.accent : Theme.surface
        border.width: control.visualFocus ? 4 : 2
        border.color: control.primary && !control.visualFocus ? Theme.accent : Theme.border
        opacity: control.down ? 0.8 : 1.0
    }
}
