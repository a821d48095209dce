pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The lower half of the clinic dashboard: cards per rule, alliance by month, ceiling rates and
// the item figures. DashboardScreen loads it with an asynchronous Loader once the first read is
// in, so its tables are built over the next frames instead of in the one that shows the
// figures (docs/PERFORMANCE.md, eleventh pass); the physio table and the open cards above it
// come first.
ColumnLayout {
    id: details

    required property DashboardModel dashboard
    readonly property bool firstRead: dashboard.loading && dashboard.responses === 0
    // Columns of the per-rule table.
    readonly property int ruleWidth: Math.round(400 * Theme.scale)
    readonly property int ruleFigureWidth: Math.round(380 * Theme.scale)

    function figure(value) {
        return value === null || value === undefined ? "—" : Number(value).toLocaleString(Qt.locale(), "f", 0)
    }

    spacing: Theme.spacing

    Label {
        Layout.topMargin: Theme.spacing
        Layout.fillWidth: true
        text: qsTr("Cards per rule")
        font.pixelSize: Theme.fontLarge
        color: Theme.text
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        text: qsTr("How often each rule made a card in the episodes where it could apply, and how many of its cards were marked \"not relevant / false alarm\": the clinic's own measure of how often a rule is right. A share is shown from %1 cards.").arg(details.dashboard.minGroupSize)
    }
    RowLayout {
        spacing: Theme.spacing
        DashboardHeaderCell { cellWidth: details.ruleWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Rule") }
        DashboardHeaderCell { cellWidth: details.ruleFigureWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Episodes with a card, of those where it could apply") }
        DashboardHeaderCell { cellWidth: details.ruleFigureWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Cards marked \"not relevant / false alarm\"") }
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 2
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Cards per rule")
        Repeater {
            model: details.dashboard.rules
            delegate: RowLayout {
                id: rule
                required property var modelData
                readonly property bool withheld: rule.modelData.rate === null || rule.modelData.rate === undefined
                readonly property bool noShare: rule.modelData.falseAlarmShare === null || rule.modelData.falseAlarmShare === undefined
                Layout.fillWidth: true
                spacing: Theme.spacing
                Accessible.role: Accessible.ListItem
                Accessible.name: rule.modelData.label
                DashboardCell { cellWidth: details.ruleWidth; horizontalAlignment: Text.AlignLeft; text: rule.modelData.label }
                DashboardCell {
                    cellWidth: details.ruleFigureWidth
                    horizontalAlignment: Text.AlignLeft
                    text: rule.withheld ? qsTr("Too few to compare (%1 of %2)").arg(rule.modelData.episodesWithCard).arg(rule.modelData.eligibleEpisodes)
                                        : qsTr("%1% (%2 of %3)").arg(details.figure(rule.modelData.rate)).arg(rule.modelData.episodesWithCard).arg(rule.modelData.eligibleEpisodes)
                    color: rule.withheld ? Theme.mutedText : Theme.text
                }
                DashboardCell {
                    cellWidth: details.ruleFigureWidth
                    horizontalAlignment: Text.AlignLeft
                    text: rule.modelData.cards === 0 ? qsTr("No cards yet")
                          : rule.modelData.cards === 1 ? qsTr("%1 of 1 card").arg(rule.modelData.falseAlarms)
                          : rule.noShare ? qsTr("%1 of %2 cards").arg(rule.modelData.falseAlarms).arg(rule.modelData.cards)
                                         : qsTr("%1% (%2 of %3 cards)").arg(details.figure(rule.modelData.falseAlarmShare)).arg(rule.modelData.falseAlarms).arg(rule.modelData.cards)
                    color: rule.modelData.cards === 0 ? Theme.mutedText : Theme.text
                }
            }
        }
    }
    Label {
        visible: details.dashboard.physios.length === 0 && details.dashboard.errorMessage.length === 0 && !details.firstRead
        text: qsTr("No questionnaires match these filters.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }

    Label {
        Layout.topMargin: Theme.spacing
        text: qsTr("Alliance by month (mean, 0–100)")
        font.pixelSize: Theme.fontLarge
        color: Theme.text
    }
    // The chart (LineChart, painted once its data is in) is built
    // asynchronously after the rest of the screen, as on the episode screen, so
    // opening the dashboard never blocks the UI thread for the whole of it.
    Loader {
        id: monthlyLoader
        objectName: "monthlyChart"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.round(320 * Theme.scale)
        asynchronous: true
        // By URL: Qt 6.4 will not let a Loader create an inline component of this
        // Bound file ("outside its creation context").
        Component.onCompleted: setSource("../components/MonthlyChart.qml",
                                         { "months": details.dashboard.monthly })
    }
    Binding {
        target: monthlyLoader.item
        property: "months"
        value: details.dashboard.monthly
        when: monthlyLoader.status === Loader.Ready
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
        text: qsTr("A month with fewer than %1 completed answers from a respondent has no point for them: too few to compare.").arg(details.dashboard.minGroupSize)
    }
    Label {
        Layout.topMargin: Theme.spacing
        text: qsTr("Ceiling rate per questionnaire (answers at the top score)")
        font.pixelSize: Theme.fontLarge
        color: Theme.text
    }
    Repeater {
        model: details.dashboard.ceilings
        delegate: RowLayout {
            id: ceiling
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: ceiling.modelData.title
                font.pixelSize: Theme.fontBody
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Label {
                text: ceiling.modelData.ceilingRate === null ? qsTr("Too few to compare (n = %1)").arg(ceiling.modelData.n) : qsTr("%1% at the top (n = %2)").arg(details.figure(ceiling.modelData.ceilingRate)).arg(ceiling.modelData.n)
                font.pixelSize: Theme.fontBody
                color: ceiling.modelData.ceilingRate === null ? Theme.mutedText : Theme.text
            }
        }
    }
    Label {
        Layout.topMargin: Theme.spacing
        Layout.fillWidth: true
        visible: details.dashboard.seesEveryPhysio
        text: qsTr("Item figures per questionnaire (whole clinic, all dates)")
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontLarge
        color: Theme.text
    }
    Label {
        Layout.fillWidth: true
        visible: details.dashboard.seesEveryPhysio && (details.dashboard.itemNormsMessage.length > 0 || details.dashboard.itemNorms.length === 0)
        Accessible.name: text
        text: details.dashboard.itemNormsMessage.length > 0 ? details.dashboard.itemNormsMessage
              : details.firstRead ? qsTr("Reading the item figures…")
              : details.dashboard.itemNormsPending ? qsTr("Working out clinic figures… the item figures appear here in a moment.")
                                                  : qsTr("No completed questionnaires yet.")
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: details.dashboard.itemNormsMessage.length > 0 ? Theme.warning : Theme.mutedText
    }
    Repeater {
        model: details.dashboard.seesEveryPhysio ? details.dashboard.itemNorms : []
        delegate: ColumnLayout {
            id: norm
            required property var modelData
            // A withheld figure reaches QML as undefined (an empty QVariant) or null.
            function missing(value) {
                return value === null || value === undefined
            }
            function alpha(value) {
                return norm.missing(value) ? qsTr("not computable") : Number(value).toLocaleString(Qt.locale(), "f", 2)
            }
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: qsTr("%1, version %2 (n = %3)").arg(norm.modelData.title).arg(norm.modelData.majorVersion).arg(norm.modelData.responses)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Cronbach's alpha: total %1, core %2").arg(norm.alpha(norm.modelData.alphaTotal)).arg(norm.missing(norm.modelData.alphaCore) && norm.modelData.retestMeasure === "total" ? qsTr("none on this form") : norm.alpha(norm.modelData.alphaCore))
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: norm.missing(norm.modelData.retest) ? qsTr("Test-retest (%1): not yet, %2").arg(norm.modelData.retestMeasure).arg(norm.modelData.retestReason)
                                                     : qsTr("Test-retest (%1): r = %2 over %3 session pairs").arg(norm.modelData.retestMeasure).arg(Number(norm.modelData.retest).toLocaleString(Qt.locale(), "f", 2)).arg(norm.modelData.retestPairs)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: norm.missing(norm.modelData.retest) ? Theme.mutedText : Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: norm.modelData.weakItems.length === 0 ? qsTr("No item runs against its form (every item-total correlation is 0.2 or more, or has no spread yet).")
                                                            : qsTr("Items below 0.2 item-total correlation: %1").arg(norm.modelData.weakItems.map(i => qsTr("\"%1\" (r = %2)").arg(i.text).arg(Number(i.r).toLocaleString(Qt.locale(), "f", 2))).join("; "))
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: norm.modelData.weakItems.length === 0 ? Theme.mutedText : Theme.warning
            }
        }
    }
}
