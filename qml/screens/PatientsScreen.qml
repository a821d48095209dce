pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// "My patients": find a child by code or name, see what is next and what needs
// attention, open their episode, or add a new patient.
Page {
    id: screen

    signal patientOpened(string patientId, string episodeId)
    signal newPatientRequested

    // Shown again (Back): the rows are read again only when something was written since,
    // on a worker; the rows on show stay meanwhile, then change in place.
    function reload() {
        patients.refreshInBackground()
    }

    title: qsTr("My patients")
    background: Rectangle { color: Theme.background }

    PatientListModel {
        id: patients
        backgroundReads: true
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: search
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Search by code or name")
                placeholderText: qsTr("Search by code or name")
                placeholderTextColor: Theme.mutedText
                inputMethodHints: Qt.ImhNoPredictiveText
                font.pixelSize: Theme.fontBody
                color: Theme.text
                onTextChanged: patients.search = text
                background: Rectangle {
                    radius: Theme.radius / 2
                    color: Theme.surface
                    border.width: search.activeFocus ? 3 : 2
                    border.color: search.activeFocus ? Theme.selected : Theme.border
                }
            }
            BigButton {
                text: qsTr("New patient")
                primary: true
                onClicked: screen.newPatientRequested()
            }
        }

        Label {
            Layout.fillWidth: true
            visible: patients.errorMessage.length > 0 || patients.count === 0
            text: patients.errorMessage.length > 0 ? patients.errorMessage
                  : patients.loading ? qsTr("Reading the patient list…")
                  : search.text.length > 0 ? qsTr("No patient matches “%1”.").arg(search.text)
                  : qsTr("No patients yet. Tap “New patient” to add one.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: patients.errorMessage.length > 0 ? Theme.warning : Theme.mutedText
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            // No highlight is drawn: without this, its default 400 px/s animation kept
            // the window drawing frames for seconds, even with the list hidden.
            highlightFollowsCurrentItem: false
            spacing: Theme.spacing
            model: patients
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: ItemDelegate {
                id: row
                required property string patientId
                required property string code
                required property string name
                required property int age
                required property string nextAction
                required property int openAlerts
                required property int cardsToCheck
                required property string episodeId
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touchTarget * 1.4, implicitContentHeight + 24)
                Accessible.name: qsTr("Open %1 (%2)").arg(name).arg(code)
                onClicked: screen.patientOpened(patientId, episodeId)
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: row.visualFocus ? 3 : 1
                    border.color: row.visualFocus ? Theme.selected : Theme.border
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: row.name
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.age >= 0 ? qsTr("%1 · %2 years").arg(row.code).arg(row.age) : row.code
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: row.nextAction.length > 0
                            text: row.nextAction
                            wrapMode: Text.WordWrap
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                    }
                    // Cards whose state needs the clinic figures (worked out on a worker thread
                    // right after sign-in and after a round): named as such, then counted.
                    Label {
                        visible: row.cardsToCheck > 0
                        Layout.alignment: Qt.AlignVCenter
                        Layout.maximumWidth: Math.round(220 * Theme.scale)
                        // No words laid out for a badge not shown (most rows: issue 12).
                        text: row.cardsToCheck > 0 ? qsTr("Working out clinic figures… cards to check: %1").arg(row.cardsToCheck) : ""
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontSmall
                        font.italic: true
                        color: Theme.mutedText
                    }
                    Label {
                        visible: row.openAlerts > 0
                        Layout.alignment: Qt.AlignVCenter
                        leftPadding: Theme.spacing
                        rightPadding: Theme.spacing
                        topPadding: Theme.spacing / 2
                        bottomPadding: Theme.spacing / 2
                        text: row.openAlerts > 0 ? qsTr("Needs attention today: %1").arg(row.openAlerts) : ""
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                        color: Theme.text
                        background: Rectangle {
                            radius: height / 2
                            color: Theme.alertSurface
                            border.color: Theme.warning
                            border.width: 2
                        }
                    }
                }
            }
        }
    }
}
