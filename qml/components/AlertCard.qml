pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// One alert: what to talk about, in a plain sentence, and either what was done about it
// or the button to say that something was.
Rectangle {
    id: card

    property var alert: ({})
    property bool canAct: true
    readonly property var levelNames: ({
        "concern": qsTr("Act today"),
        "watch": qsTr("Keep an eye"),
        "info": qsTr("Note")
    })
    readonly property var dyadNames: ({
        "child-physio": qsTr("Child and you"),
        "parent-physio": qsTr("Parent and you"),
        "child-parent": qsTr("Child and parent")
    })
    readonly property var respondentNames: ({
        "child": qsTr("Child"),
        "parent": qsTr("Parent"),
        "physio": qsTr("Physio")
    })

    signal actRequested(string alertId)

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    readonly property bool done: card.alert.acknowledged === true || card.alert.resolved === true
    color: card.done || card.alert.severity !== "concern" ? Theme.surface : Theme.alertSurface
    border.color: card.done || card.alert.severity === "info" ? Theme.border : Theme.warning
    border.width: 2

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: card.width - 2 * Theme.spacing
        spacing: Math.round(6 * Theme.scale)
        Label {
            Layout.fillWidth: true
            text: [card.levelNames[card.alert.severity] || "",
                   qsTr("Session %1").arg(card.alert.sessionIndex),
                   card.alert.dyad ? (card.dyadNames[card.alert.dyad] || card.alert.dyad)
                                   : (card.respondentNames[card.alert.respondent] || card.alert.respondent || "")
                   ].filter(part => part.length > 0).join(" · ")
            elide: Text.ElideRight
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: card.alert.prompt || ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: (card.alert.details || []).join("\n")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
        Label {
            Layout.fillWidth: true
            visible: card.alert.resolved === true
            text: qsTr("Resolved: the score came back at a later session.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
        Label {
            Layout.fillWidth: true
            visible: card.alert.acknowledged === true
            text: qsTr("Done: %1").arg(card.alert.action || "")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
        BigButton {
            visible: card.canAct && card.alert.acknowledged !== true && card.alert.severity !== "info"
            text: qsTr("I did something about this")
            Accessible.name: qsTr("I did something about the alert of session %1").arg(card.alert.sessionIndex)
            onClicked: card.actRequested(card.alert.alertId)
        }
    }
}
