pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// The bar on top of every staff screen: back, the screen's title, and whatever the
// screen puts on the right (default property).
ToolBar {
    id: bar

    property string title: ""
    property bool canGoBack: false
    default property alias actions: actionRow.data

    signal backRequested

    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, row.implicitHeight + Theme.spacing)
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing
        BigButton {
            visible: bar.canGoBack
            text: qsTr("‹ Back")
            Accessible.name: qsTr("Back")
            onClicked: bar.backRequested()
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: bar.canGoBack ? 0 : Theme.spacing
            text: bar.title
            // Four lines before anything is cut: a long name with its code still fits at twice
            // the text size beside Settings, Lock and Sign out.
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            id: actionRow
            spacing: Theme.spacing
        }
    }
}
