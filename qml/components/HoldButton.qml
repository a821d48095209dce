pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.Ui

// A step nobody takes by accident: the button fills while it is held and fires `held`
// only after holdMs without letting go. A tap, or a release before the end, does nothing
// but empty it again. Space held down on a keyboard works the same way.
AbstractButton {
    id: control

    property int holdMs: 1500
    // 0..1 while held; drawn as the fill.
    property real progress: 0

    signal held

    implicitHeight: Math.max(Theme.touchTarget * 1.4, implicitContentHeight + 24)
    implicitWidth: Math.max(Theme.touchTarget * 4, implicitContentWidth + 48)
    font.pixelSize: Theme.fontLarge
    Accessible.role: Accessible.Button
    Accessible.name: text

    onPressedChanged: {
        if (pressed) {
            control.progress = 0
            grow.restart()
        } else if (grow.running) {
            grow.stop()
            control.progress = 0
        }
    }

    NumberAnimation {
        id: grow
        target: control
        property: "progress"
        from: 0
        to: 1
        duration: control.holdMs
        onFinished: {
            if (control.pressed)
                control.held()
            control.progress = 0
        }
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.width: control.visualFocus ? 4 : 3
        border.color: Theme.accent
        clip: true
        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: parent.width * control.progress
            radius: Theme.radius
            color: Theme.accent
            opacity: 0.45
        }
    }
    contentItem: Label {
        text: control.text
        font: control.font
        color: Theme.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
}
