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
    readonly property var measureNames: ({
        "total": qsTr("Total"),
        "goal": qsTr("Goals"),
        "task": qsTr("Tasks"),
        "bond": qsTr("Bond")
    })
    readonly property var respondentNames: ({
        "child": qsTr("Child"),
        "parent": qsTr("Parent"),
        "physio": qsTr("Physio")
    })

    signal actRequested(string alertId)

    // "Total, Goals, Bond" when one card stands for the same sentence on several measures.
    function measuresText() {
        const ids = card.alert.measures && card.alert.measures.length > 0 ? card.alert.measures
                                                                           : [card.alert.measure || ""]
        let names = []
        for (let i = 0; i < ids.length; ++i)
            if (card.measureNames[ids[i]])
                names.push(card.measureNames[ids[i]])
        return names.join(", ")
    }

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: card.alert.acknowledged ? Theme.surface : Theme.alertSurface
    border.color: card.alert.acknowledged ? Theme.border : Theme.warning
    border.width: 2

    ColumnLayout {
        id: column
        x: Theme.spacing
        y: Theme.spacing
        width: card.width - 2 * Theme.spacing
        spacing: Math.round(6 * Theme.scale)
        Label {
            Layout.fillWidth: true
            text: [qsTr("Session %1").arg(card.alert.sessionIndex),
                   card.respondentNames[card.alert.respondent] || card.alert.respondent || "",
                   card.measuresText()].filter(part => part.length > 0).join(" · ")
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
            visible: card.alert.acknowledged === true
            text: qsTr("Done: %1").arg(card.alert.action || "")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
        BigButton {
            visible: card.canAct && card.alert.acknowledged !== true
            text: qsTr("I did something about this")
            Accessible.name: qsTr("I did something about the alert of session %1").arg(card.alert.sessionIndex)
            onClicked: card.actRequested(card.alert.alertId)
        }
    }
}
