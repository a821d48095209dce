pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.Ui

// Always on screen in a demo clinic, so nobody mistakes synthetic records for patients.
Rectangle {
    id: banner

    implicitHeight: label.implicitHeight + Theme.spacing
    color: Theme.bannerSurface
    border.color: Theme.bannerBorder
    border.width: 2

    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Label {
        id: label
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.margin
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: qsTr("Demo clinic — synthetic data")
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
}
