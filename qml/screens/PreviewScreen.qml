pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// Lists the clinic's instruments; any of them can be tried end to end and scored.
// Nothing entered here is saved: it is for trying forms out.
Page {
    id: screen

    signal runRequested(string instrumentId, string title)

    title: qsTr("Questionnaires")
    background: Rectangle { color: Theme.background }

    readonly property var respondentNames: ({
        "child": qsTr("Child"),
        "parent": qsTr("Parent"),
        "physio": qsTr("Physiotherapist")
    })

    function details(respondent, ageBand, itemCount, licenceHolder) {
        let parts = [respondentNames[respondent] || respondent]
        if (ageBand.length > 0)
            parts.push(ageBand)
        parts.push(qsTr("Questions: %1").arg(itemCount))
        if (licenceHolder.length > 0)
            parts.push(licenceHolder)
        return parts.join(" · ")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("Try a questionnaire")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Preview only: answers given here are scored on screen and not saved.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }
        Label {
            Layout.fillWidth: true
            visible: InstrumentCatalog.problemText.length > 0
            text: qsTr("Some questionnaire files could not be loaded:\n%1").arg(InstrumentCatalog.problemText)
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.warning
        }

        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            // No highlight is drawn: without this, its default 400 px/s animation kept
            // the window drawing frames for seconds, even with the list hidden.
            highlightFollowsCurrentItem: false
            spacing: Theme.spacing
            model: InstrumentCatalog
            delegate: ItemDelegate {
                id: entry
                required property string instrumentId
                required property string title
                required property string respondent
                required property string ageBand
                required property int itemCount
                required property string licenceHolder
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touchTarget * 1.4, implicitContentHeight + 24)
                Accessible.name: ageBand.length > 0 ? qsTr("Try %1 (%2)").arg(title).arg(ageBand)
                                                    : qsTr("Try %1").arg(title)
                onClicked: screen.runRequested(instrumentId, title)
                background: Rectangle {
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: entry.visualFocus ? 3 : 1
                    border.color: entry.visualFocus ? Theme.selected : Theme.border
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: entry.title
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            color: Theme.text
                        }
                        Label {
                            Layout.fillWidth: true
                            text: screen.details(entry.respondent, entry.ageBand, entry.itemCount, entry.licenceHolder)
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                        }
                    }
                    Label {
                        text: qsTr("Try")
                        font.pixelSize: Theme.fontBody
                        font.bold: true
                        color: Theme.accent
                    }
                }
            }
        }
    }
}
