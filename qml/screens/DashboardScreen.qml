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

    function figure(value) {
        return value === null || value === undefined ? "—" : Number(value).toLocaleString(Qt.locale(), "f", 0)
    }
    title: qsTr("Clinic dashboard")
    onFirstReadChanged: details.start()
    background: Rectangle { color: Theme.background }
    // No reload here: DashboardModel reads the store, on a worker, when it is created (and
    // again when the workspace changes); a second read at Component.onCompleted doubled the
    // time to open.

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

            // The filters: built by an asynchronous Loader as the screen is pushed (by URL,
            // as the details below).
            Loader {
                objectName: "dashboardFilters"
                Layout.fillWidth: true
                asynchronous: true
                Component.onCompleted: setSource("DashboardFilters.qml", { "dashboard": screen.dashboard })
            }

            Label {
                Layout.topMargin: Theme.spacing
                text: qsTr("Physios")
                font.pixelSize: Theme.fontLarge
                color: Theme.text
            }
            RowLayout {
                spacing: Theme.spacing
                DashboardHeaderCell { cellWidth: screen.nameWidth; horizontalAlignment: Text.AlignLeft; text: qsTr("Physio") }
                DashboardHeaderCell { cellWidth: screen.countWidth; text: qsTr("Episodes") }
                DashboardHeaderCell { cellWidth: screen.countWidth; text: qsTr("Sessions") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Done: child %") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Done: parent %") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Done: physio %") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Mean child") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Mean parent") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Mean physio") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Rupture %") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Repair %") }
                DashboardHeaderCell { cellWidth: screen.figureWidth; text: qsTr("Differ %") }
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
                        DashboardCell { cellWidth: screen.nameWidth; horizontalAlignment: Text.AlignLeft; leftPadding: Theme.spacing / 2; text: row.modelData.name }
                        DashboardCell { cellWidth: screen.countWidth; text: row.modelData.episodes }
                        DashboardCell { cellWidth: screen.countWidth; text: row.modelData.sessions }
                        DashboardCell {
                            visible: row.modelData.tooFewToCompare
                            cellWidth: 9 * screen.figureWidth + 8 * Theme.spacing
                            horizontalAlignment: Text.AlignHCenter
                            color: Theme.mutedText
                            text: qsTr("Too few to compare")
                        }
                        Repeater {
                            model: row.modelData.tooFewToCompare ? [] : ["completionChild", "completionParent", "completionPhysio", "meanChild", "meanParent", "meanPhysio", "ruptureRate", "repairRate", "discrepancyRate"]
                            delegate: DashboardCell {
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

            // The rest of the page (cards per rule, alliance by month, ceiling rates, item
            // figures) is built by an asynchronous Loader once the first read is in, so its
            // tables fill in over the next frames instead of all in the one that shows the
            // figures. By URL, with the model as an initial property: its tables must have
            // their rows while they are incubated (Qt 6.4 cannot Loader-create an inline
            // component of this Bound file).
            Loader {
                id: details
                objectName: "dashboardDetails"
                Layout.fillWidth: true
                asynchronous: true
                function start() {
                    if (!screen.firstRead && details.status === Loader.Null)
                        details.setSource("DashboardDetails.qml", { "dashboard": screen.dashboard })
                }
                Component.onCompleted: details.start()
            }
            Item { implicitHeight: Theme.margin }
        }
    }
}
