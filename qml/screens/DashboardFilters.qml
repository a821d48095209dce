pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Triad.App
import Triad.Ui

// The clinic dashboard's filters: dates, physio, condition, age band, respondent. Built by an
// asynchronous Loader after the screen is pushed: four ComboBoxes are most of what building
// the screen costs (docs/PERFORMANCE.md, eleventh pass), and they may come a frame later.
Flow {
    id: filters

    required property DashboardModel dashboard

    function withAll(list, allLabel) {
        const out = [{ "id": "", "label": allLabel }]
        for (let i = 0; i < list.length; ++i)
            out.push(list[i])
        return out
    }

    spacing: Theme.spacing

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

    DateBox {
        text: filters.dashboard.fromDate
        Accessible.name: qsTr("From date")
        onCommitted: text => filters.dashboard.fromDate = text
    }
    DateBox {
        text: filters.dashboard.toDate
        Accessible.name: qsTr("To date")
        onCommitted: text => filters.dashboard.toDate = text
    }
    FilterBox {
        visible: filters.dashboard.seesEveryPhysio
        model: filters.withAll(filters.dashboard.physioChoices, qsTr("All physios"))
        current: filters.dashboard.physioId
        Accessible.name: qsTr("Physio filter")
        onPicked: id => filters.dashboard.physioId = id
    }
    FilterBox {
        model: filters.withAll(filters.dashboard.conditions, qsTr("All conditions"))
        current: filters.dashboard.condition
        Accessible.name: qsTr("Condition filter")
        onPicked: id => filters.dashboard.condition = id
    }
    FilterBox {
        model: filters.withAll(filters.dashboard.ageBands, qsTr("All ages"))
        current: filters.dashboard.ageBand
        Accessible.name: qsTr("Age band filter")
        onPicked: id => filters.dashboard.ageBand = id
    }
    FilterBox {
        model: filters.withAll(filters.dashboard.respondents, qsTr("All respondents"))
        current: filters.dashboard.respondent
        Accessible.name: qsTr("Respondent filter")
        onPicked: id => filters.dashboard.respondent = id
    }
    BigButton {
        text: qsTr("Clear filters")
        onClicked: {
            filters.dashboard.fromDate = ""
            filters.dashboard.toDate = ""
            filters.dashboard.physioId = ""
            filters.dashboard.condition = ""
            filters.dashboard.ageBand = ""
            filters.dashboard.respondent = ""
        }
    }
}
