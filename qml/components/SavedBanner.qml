pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.Ui

// A short, clear confirmation that something was saved ("Saved: patient TRD-K7Q2-F4"), shown
// for a few seconds at the bottom of the page and announced to screen readers. It takes no
// taps: whatever is under it stays usable.
Rectangle {
    id: banner

    property string text: ""

    function show(message) {
        banner.text = message
        banner.visible = true
        hideTimer.restart()
    }

    visible: false
    z: 100
    anchors.horizontalCenter: parent.horizontalCenter
    anchors.bottom: parent.bottom
    anchors.bottomMargin: Theme.margin
    width: Math.min(parent.width - 2 * Theme.margin, label.implicitWidth + 2 * Theme.margin)
    height: label.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.bannerSurface
    border.color: Theme.bannerBorder
    border.width: 2

    Accessible.role: Accessible.AlertMessage
    Accessible.name: banner.text

    Label {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, banner.parent.width - 4 * Theme.margin)
        text: "✓ " + banner.text
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
        Accessible.ignored: true
    }
    Timer {
        id: hideTimer
        interval: 4000
        onTriggered: banner.visible = false
    }
}
