pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// The bar on top of every staff screen: back, the screen's title, and whatever the
// screen puts on the right (default property). When the buttons and a readable title do not
// fit on one line (portrait, large text), the buttons move to a second line under the title,
// so none is pushed off the screen or drawn over the title.
ToolBar {
    id: bar

    property string title: ""
    property bool canGoBack: false
    default property alias actions: actionRow.data

    signal backRequested

    // The title keeps at least this much width beside the buttons, else the buttons wrap.
    readonly property real titleRoom: 8 * Theme.fontLarge
    readonly property bool stacked: width - 2 * Theme.spacing
                                    < (bar.canGoBack ? backButton.implicitWidth + Theme.spacing : 0)
                                      + titleRoom + Theme.spacing + actionRow.implicitWidth

    implicitHeight: Math.max(Theme.touchTarget + Theme.spacing, grid.implicitHeight + Theme.spacing)
    background: Rectangle {
        color: Theme.surface
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }
    }

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        columns: bar.stacked ? 2 : 3
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing / 2
        BigButton {
            id: backButton
            visible: bar.canGoBack
            text: qsTr("‹ Back")
            Accessible.name: qsTr("Back")
            onClicked: bar.backRequested()
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: bar.canGoBack ? 0 : Theme.spacing
            text: bar.title
            // Up to four lines before anything is cut: a long name with its code still fits
            // at twice the text size.
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Theme.text
        }
        RowLayout {
            id: actionRow
            Layout.columnSpan: bar.stacked ? 2 : 1
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            spacing: Theme.spacing
        }
    }
}
