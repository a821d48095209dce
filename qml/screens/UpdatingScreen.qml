import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The first start after an update of Triad: the clinic's file is brought up to this version
// on a worker thread (a copy of it first). Seconds on a large clinic; this screen says what is
// happening so nobody switches the tablet off or thinks it froze. Nothing to tap.
Page {
    id: screen

    readonly property int stage: ClinicSession.updateStage

    title: qsTr("Updating the clinic's records")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Math.round(760 * Theme.scale))
        spacing: Theme.spacing * 2

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.round(72 * Theme.scale)
            Layout.preferredHeight: Math.round(72 * Theme.scale)
            running: true
            Accessible.name: qsTr("Updating the clinic's records")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Updating the clinic's records")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: screen.stage === 2
                  ? qsTr("Step 2 of 2: bringing the records up to this version of Triad.")
                  : qsTr("Step 1 of 2: keeping a copy of the records as they were.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontLarge
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("This happens once after Triad is updated and can take a minute on a large clinic. Please leave the tablet on and Triad open. If it is interrupted, nothing is lost: Triad starts the update again next time.")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
    }
}
