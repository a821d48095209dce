pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// The clinic dashboard: filters, one row per physio in name order (never ranked by score),
// the monthly alliance means and each instrument's ceiling rate. Groups too small to
// compare say so instead of showing numbers. Who may see which rows is decided in C++
// (DashboardModel); this screen only shows what the model hands over.
Page {
    id: screen

    property DashboardModel dashboard: DashboardModel {}
    // The model reads the store on a worker: the screen is up at once and fills in.
    readonly property bool firstRead: dashboard.loading && dashboard.responses === 0
    // Column widths of the physio table, shared by the header and the rows.
    readonly property int nameWidth: Math.round(170 * Theme.scale)
    readonly property int countWidth: Math.round(84 * Theme.scale)
    readonly property int figureWidth: Math.round(82 * Theme.scale)
    // Columns of the per-rule table.
    readonly property int ruleWidth: Math.round(400 * Theme.scale)
    readonly property int ruleFigureWidth: Math.round(380 * Theme.scale)

    function figure(value) {
        return value === null || value === undefined ? "—" : Number(value).toLocaleString(Qt.locale(), "f", 0)
    }
    function withAll(list, allLabel) {
        const out = [{ "id": "", "label": allLabel }]
        for (let i = 0; i < list.length; ++i)
            out.push(list[i])
        return out
    }

    title: qsTr("Clinic dashboard")
    background: Rectangle { color: Theme.background }
    // No reload here: DashboardModel reads the store, on a worker, when it is created (and
    // again when the workspace changes); a second read at Component.onCompleted doubled the
    // time to open.

    component FilterBox: ComboBox {
        id: box
        property string current
        signal picked(string id)
        implicitHeight: Theme.touchTarget
        implicitContentWidthPolicy: ComboBox.WidestText
        font.pixelSize: Theme.fontBody
        textRole: "label"
        valueRole: "id"
        currentIndex: Math.max(0, indexOfValue(current))
        onActivated: box.picked(box.currentValue)
        // Items at the app's text size and a finger's height (Basic's are tiny). Wrapped in
        // a Component: an inline component's delegate is not wrapped implicitly.
        delegate: Component {
            ItemDelegate {
                required property int index
                required property var modelData
                width: ListView.view ? ListView.view.width : implicitWidth
                height: Theme.touchTarget
                text: modelData.label
                Accessible.name: modelData.label
                font.pixelSize: Theme.fontBody
                highlighted: box.highlightedIndex === index
            }
        }
    }
    component DateBox: TextField {
        id: field
        signal committed(string text)
        implicitWidth: Math.round(170 * Theme.scale)
        implicitHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        placeholderText: qsTr("YYYY-MM-DD")
        inputMethodHints: Qt.ImhDate
        onEditingFinished: field.committed(field.text)
    }
    component Cell: Label {
        property int cellWidth
        Layout.preferredWidth: cellWidth
        font.pixelSize: Theme.fontBody
        color: Theme.text
        horizontalAlignment: Text.AlignRight
        elide: Text.ElideRight
    }
    component HeaderCell: Cell {
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: Theme.mutedText
        wrapMode: Text.WordWrap
        elide: Text.ElideNone
    }

    ScrollView {
        id: scroller
        objectName: "dashboardScroll"
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroller.availableWidth - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing

            Label {
                Layout.topMargin: Theme.margin
                text: screen.title
                font.pixelSize: Theme.fontTitle
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.mutedText
                text: screen.firstRead ? qsTr("Reading the clinic's questionnaires…")
                                       : qsTr("Completed questionnaires: %1. Groups with fewer than %2 completed answers show \"Too few to compare\" instead of figures.").arg(screen.dashboard.responses).arg(screen.dashboard.minGroupSize)
            }
            Label {
                Layout.fillWidth: true
                visible: screen.dashboard.errorMessage.length > 0
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: Theme.warning
                text: screen.dashboard.errorMessage
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                DateBox {
                    text: screen.dashboard.fromDate
                    Accessible.name: qsTr("From date")
                    onCommitted: text => screen.dashboard.fromDate = text
                }
                DateBox {
                    text: screen.dashboard.toDate
                    Accessible.name: qsTr("To date")
                    onCommitted: text => screen.dashboard.toDate = text
                }
                FilterBox {
                    visible: screen.dashboard.seesEveryPhysio
                    model: screen.withAll(screen.dashboard.physioChoices, qsTr("All physios"))
                    current: screen.dashboard.physioId
                    Accessible.name: qsTr("Physio filter")
                    onPicked: id => screen.dashboard.physioId = id
                }
                FilterBox {
                    model: screen.withAll(screen.dashboard.conditions, qsTr("All conditions"))
                    current: screen.dashboard.condition
                    Accessible.name: qsTr("Condition filter")
                    onPicked: id => screen.dashboard.condition = id
                }
                FilterBox {
                    model: screen.withAll(screen.dashboard.ageBands, qsTr("All ages"))
                    current: screen.dashboard.ageBand
                    Accessible.name: qsTr("Age band filter")
                    onPicked: id => screen.dashboard.ageBand = id
                }
                FilterBox {
                    model: screen.withAll(screen.dashboard.respondents, qsTr("All respondents"))
                    current: screen.dashboard.respondent
                    Accessible.name: qsTr("Respondent filter")
                    onPicked: id => screen.dashboard.respondent = id
                }
                BigButton {
                    text: qsTr("Clear filters")
                    onClicked: {
                        screen.dashboard.fromDate = ""
                        screen.dashboard.toDate = ""
                        screen.dashboard.physioId = ""
                        screen.dashboard.condition = ""
                        screen.dashboard.ageBand = ""
                        screen.dashboard.respondent = ""
                    }
                }
            }

            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("Physios")
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            RowLayout {
                spacing: Theme.spacing
                HeaderCell { cellWidth: screen.nameWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Physio") }
                HeaderCell { cellWidth: screen.countWidth; text: qsTr("Episodes") }
                HeaderCell { cellWidth: screen.countWidth; text: qsTr("Sessions") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Done: child %") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Done: parent %") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Done: physio %") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Mean child") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Mean parent") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Mean physio") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Rupture %") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Repair %") }
                HeaderCell { cellWidth: screen.figureWidth; text: qsTr("Differ %") }
            }
            Repeater {
                model: screen.dashboard.physios
                delegate: Rectangle {
                    id: row
                    required property var modelData
                    Layout.fillWidth: true
                    implicitHeight: Math.max(Theme.minimumTarget, cells.implicitHeight + Theme.spacing)
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius / 2
                    Accessible.role: Accessible.Row
                    Accessible.name: row.modelData.tooFewToCompare ? qsTr("%1: too few to compare").arg(row.modelData.name) : row.modelData.name

                    RowLayout {
                        id: cells
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: Theme.spacing
                        Cell { cellWidth: screen.nameWidth; horizontalAlignment: Text.AlignLeft; leftPadding: Theme.spacing / 2; text: row.modelData.name }
                        Cell { cellWidth: screen.countWidth; text: row.modelData.episodes }
                        Cell { cellWidth: screen.countWidth; text: row.modelData.sessions }
                        Cell {
                            visible: row.modelData.tooFewToCompare
                            cellWidth: 9 * screen.figureWidth + 8 * Theme.spacing
                            horizontalAlignment: Text.AlignHCenter
                            color: Theme.mutedText
                            text: qsTr("Too few to compare")
                        }
                        Repeater {
                            model: row.modelData.tooFewToCompare ? [] : ["completionChild", "completionParent", "completionPhysio", "meanChild", "meanParent", "meanPhysio", "ruptureRate", "repairRate", "discrepancyRate"]
                            delegate: Cell {
                                required property string modelData
                                cellWidth: screen.figureWidth
                                text: screen.figure(row.modelData[modelData])
                            }
                        }
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                text: qsTr("Done: of those asked (skips included), the share who finished. Mean: alliance total, 0–100. Rupture: share of the episodes where the rule could apply (one person with 4 sessions) that had a \"much lower than usual\" card. Differ: share of the episodes where raters could be compared (two of them in 3 sessions) that had a card for raters drifting apart or the child falling while the adults stay high. Both shown from %1 such episodes. Repair: share of ruptures repaired. \"—\": too few answers or episodes, or nothing to count.").arg(screen.dashboard.minGroupSize)
            }

            Label {
                Layout.topMargin: Theme.spacing
                text: screen.dashboard.seesEveryPhysio ? qsTr("Open act-today cards (whole clinic)") : qsTr("Your open act-today cards")
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                text: qsTr("Cards nobody has handled yet and the score has not come back since; days counted from the card's session.")
            }
            ColumnLayout {
                id: openCardList
                Layout.fillWidth: true
                spacing: 2
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Open act-today cards")
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    visible: screen.dashboard.openCards.length === 0
                    Accessible.name: text
                    text: screen.dashboard.openCardsMessage.length > 0 ? screen.dashboard.openCardsMessage
                          : screen.firstRead ? qsTr("Reading the open cards…")
                          : screen.dashboard.openCardsPending ? qsTr("Working out clinic figures… the open cards appear here in a moment.")
                                                              : qsTr("None open.")
                    font.pixelSize: Theme.fontBody
                    color: screen.dashboard.openCardsMessage.length > 0 ? Theme.warning : Theme.mutedText
                }
                Repeater {
                    model: screen.dashboard.openCards
                    delegate: Rectangle {
                        id: card
                        required property var modelData
                        readonly property string who: card.modelData.respondent === "child" ? qsTr("child") : card.modelData.respondent === "parent" ? qsTr("parent") : qsTr("physio")
                        readonly property string days: card.modelData.daysOpen === 1 ? qsTr("open 1 day") : qsTr("open %1 days").arg(card.modelData.daysOpen)
                        Layout.fillWidth: true
                        implicitHeight: Math.max(Theme.minimumTarget, cardRow.implicitHeight + Theme.spacing)
                        color: Theme.surface
                        border.color: Theme.warning
                        radius: Theme.radius / 2
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1, %2, %3, session %4, %5").arg(card.modelData.patientCode).arg(card.modelData.physio).arg(card.who).arg(card.modelData.sessionIndex).arg(card.days)
                        RowLayout {
                            id: cardRow
                            anchors.verticalCenter: parent.verticalCenter
                            x: Theme.spacing / 2
                            width: parent.width - Theme.spacing
                            spacing: Theme.spacing
                            Label { Layout.preferredWidth: screen.nameWidth; text: card.modelData.patientCode; font.pixelSize: Theme.fontBody; font.bold: true; color: Theme.text }
                            Label { Layout.preferredWidth: screen.nameWidth; text: card.modelData.physio; font.pixelSize: Theme.fontBody; color: Theme.text; elide: Text.ElideRight }
                            Label { Layout.fillWidth: true; text: qsTr("%1, session %2").arg(card.who).arg(card.modelData.sessionIndex); font.pixelSize: Theme.fontBody; color: Theme.text; elide: Text.ElideRight }
                            Label { text: card.days; font.pixelSize: Theme.fontBody; font.bold: card.modelData.daysOpen >= 7; color: Theme.text }
                        }
                    }
                }
            }

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
                text: qsTr("How often each rule made a card in the episodes where it could apply, and how many of its cards were marked \"not relevant / false alarm\": the clinic's own measure of how often a rule is right. A share is shown from %1 cards.").arg(screen.dashboard.minGroupSize)
            }
            RowLayout {
                spacing: Theme.spacing
                HeaderCell { cellWidth: screen.ruleWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Rule") }
                HeaderCell { cellWidth: screen.ruleFigureWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Episodes with a card, of those where it could apply") }
                HeaderCell { cellWidth: screen.ruleFigureWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Cards marked \"not relevant / false alarm\"") }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Cards per rule")
                Repeater {
                    model: screen.dashboard.rules
                    delegate: RowLayout {
                        id: rule
                        required property var modelData
                        readonly property bool withheld: rule.modelData.rate === null || rule.modelData.rate === undefined
                        readonly property bool noShare: rule.modelData.falseAlarmShare === null || rule.modelData.falseAlarmShare === undefined
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Accessible.role: Accessible.ListItem
                        Accessible.name: rule.modelData.label
                        Cell { cellWidth: screen.ruleWidth; horizontalAlignment: Text.AlignLeft; text: rule.modelData.label }
                        Cell {
                            cellWidth: screen.ruleFigureWidth
                            horizontalAlignment: Text.AlignLeft
                            text: rule.withheld ? qsTr("Too few to compare (%1 of %2)").arg(rule.modelData.episodesWithCard).arg(rule.modelData.eligibleEpisodes)
                                                : qsTr("%1% (%2 of %3)").arg(screen.figure(rule.modelData.rate)).arg(rule.modelData.episodesWithCard).arg(rule.modelData.eligibleEpisodes)
                            color: rule.withheld ? Theme.mutedText : Theme.text
                        }
                        Cell {
                            cellWidth: screen.ruleFigureWidth
                            horizontalAlignment: Text.AlignLeft
                            text: rule.modelData.cards === 0 ? qsTr("No cards yet")
                                  : rule.modelData.cards === 1 ? qsTr("%1 of 1 card").arg(rule.modelData.falseAlarms)
                                  : rule.noShare ? qsTr("%1 of %2 cards").arg(rule.modelData.falseAlarms).arg(rule.modelData.cards)
                                                 : qsTr("%1% (%2 of %3 cards)").arg(screen.figure(rule.modelData.falseAlarmShare)).arg(rule.modelData.falseAlarms).arg(rule.modelData.cards)
                            color: rule.modelData.cards === 0 ? Theme.mutedText : Theme.text
                        }
                    }
                }
            }
            Label {
                visible: screen.dashboard.physios.length === 0 && screen.dashboard.errorMessage.length === 0 && !screen.firstRead
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
                                                 { "months": screen.dashboard.monthly })
            }
            Binding {
                target: monthlyLoader.item
                property: "months"
                value: screen.dashboard.monthly
                when: monthlyLoader.status === Loader.Ready
            }

            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
                text: qsTr("A month with fewer than %1 completed answers from a respondent has no point for them: too few to compare.").arg(screen.dashboard.minGroupSize)
            }
            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("Ceiling rate per questionnaire (answers at the top score)")
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            Repeater {
                model: screen.dashboard.ceilings
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
                        text: ceiling.modelData.ceilingRate === null ? qsTr("Too few to compare (n = %1)").arg(ceiling.modelData.n) : qsTr("%1% at the top (n = %2)").arg(screen.figure(ceiling.modelData.ceilingRate)).arg(ceiling.modelData.n)
                        font.pixelSize: Theme.fontBody
                        color: ceiling.modelData.ceilingRate === null ? Theme.mutedText : Theme.text
                    }
                }
            }
            Label {
                Layout.topMargin: Theme.spacing
                Layout.fillWidth: true
                visible: screen.dashboard.seesEveryPhysio
                text: qsTr("Item figures per questionnaire (whole clinic, all dates)")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                visible: screen.dashboard.seesEveryPhysio && (screen.dashboard.itemNormsMessage.length > 0 || screen.dashboard.itemNorms.length === 0)
                Accessible.name: text
                text: screen.dashboard.itemNormsMessage.length > 0 ? screen.dashboard.itemNormsMessage
                      : screen.firstRead ? qsTr("Reading the item figures…")
                      : screen.dashboard.itemNormsPending ? qsTr("Working out clinic figures… the item figures appear here in a moment.")
                                                          : qsTr("No completed questionnaires yet.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontBody
                color: screen.dashboard.itemNormsMessage.length > 0 ? Theme.warning : Theme.mutedText
            }
            Repeater {
                model: screen.dashboard.seesEveryPhysio ? screen.dashboard.itemNorms : []
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
            Item { implicitHeight: Theme.margin }
        }
    }
}
