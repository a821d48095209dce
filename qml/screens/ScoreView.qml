pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// The scores of one completed form: total, subscales and constructs on 0-100, with the
// raw score and, when a score cannot be computed, the reason in words.
Page {
    id: view

    property var scores: ({})
    property string instrumentTitle: ""

    signal closeRequested

    title: qsTr("Scores")
    background: Rectangle { color: Theme.background }

    component ScoreRow: RowLayout {
        id: scoreRow
        property var score: ({})
        Layout.fillWidth: true
        spacing: Theme.spacing
        Label {
            Layout.preferredWidth: Math.round(180 * Theme.scale)
            text: scoreRow.score.title || ""
            font.pixelSize: Theme.fontBody
            color: Theme.text
            elide: Text.ElideRight
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(18 * Theme.scale)
            radius: height / 2
            color: Theme.surface
            border.color: Theme.border
            Rectangle {
                visible: scoreRow.score.scorable === true
                width: parent.width * (scoreRow.score.normalised || 0) / 100
                height: parent.height
                radius: height / 2
                color: Theme.accent
            }
        }
        Label {
            Layout.preferredWidth: Math.round(260 * Theme.scale)
            text: scoreRow.score.scorable === true
                  ? qsTr("%1 / 100 (raw %2 of %3–%4%5)")
                      .arg(Math.round(scoreRow.score.normalised))
                      .arg(Number(scoreRow.score.raw).toLocaleString(Qt.locale(), "f", 2))
                      .arg(scoreRow.score.min).arg(scoreRow.score.max)
                      .arg(scoreRow.score.prorated ? qsTr(", prorated") : "")
                  : qsTr("Not scorable: %1").arg(scoreRow.score.reason || "")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: scoreRow.score.scorable === true ? Theme.text : Theme.warning
        }
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: Theme.margin
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: view.instrumentTitle
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            ScoreRow { score: view.scores.total || ({}) }

            Label {
                text: qsTr("Subscales")
                visible: (view.scores.subscales || []).length > 0
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            Repeater {
                model: view.scores.subscales || []
                delegate: ScoreRow {
                    required property var modelData
                    score: modelData
                }
            }
            Label {
                text: qsTr("Alliance constructs")
                visible: (view.scores.constructs || []).length > 0
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            Repeater {
                model: view.scores.constructs || []
                delegate: ScoreRow {
                    required property var modelData
                    score: modelData
                }
            }
            BigButton {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Back to the list")
                onClicked: view.closeRequested()
            }
        }
    }
}
