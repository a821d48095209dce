pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// A date from three big pickers (day, month by name, year), so "03/04" can never be
// read two ways. `date` is "YYYY-MM-DD", or "" until all three are chosen.
ColumnLayout {
    id: field

    property string label: ""
    property string message: ""
    property string date: ""
    property int firstYear: new Date().getFullYear() - 30
    property int lastYear: new Date().getFullYear()

    readonly property var monthNames: [qsTr("January"), qsTr("February"), qsTr("March"), qsTr("April"),
        qsTr("May"), qsTr("June"), qsTr("July"), qsTr("August"), qsTr("September"), qsTr("October"),
        qsTr("November"), qsTr("December")]

    function pad2(n) {
        return n < 10 ? "0" + n : String(n)
    }
    function compose() {
        if (day.currentIndex < 0 || month.currentIndex < 0 || year.currentIndex < 0)
            return ""
        return (field.lastYear - year.currentIndex) + "-" + pad2(month.currentIndex + 1) + "-" + pad2(day.currentIndex + 1)
    }
    function show(value) {
        const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "")
        day.currentIndex = parts ? Number(parts[3]) - 1 : -1
        month.currentIndex = parts ? Number(parts[2]) - 1 : -1
        year.currentIndex = parts ? field.lastYear - Number(parts[1]) : -1
    }

    onDateChanged: if (date !== compose()) show(date)
    Component.onCompleted: show(date)
    spacing: Math.round(4 * Theme.scale)

    component Picker: ComboBox {
        id: picker
        property string name: ""
        Layout.preferredHeight: Theme.touchTarget
        Accessible.name: name
        font.pixelSize: Theme.fontBody
        displayText: currentIndex < 0 ? name : currentText
        onActivated: field.date = field.compose()
        delegate: Component {
            ItemDelegate {
                required property int index
                required property string modelData
                width: ListView.view ? ListView.view.width : implicitWidth
                height: Theme.touchTarget
                text: modelData
                font.pixelSize: Theme.fontBody
                highlighted: picker.highlightedIndex === index
            }
        }
    }

    Label {
        Layout.fillWidth: true
        text: field.label
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Picker {
            id: day
            name: qsTr("Day")
            Layout.preferredWidth: Math.round(110 * Theme.scale)
            model: Array.from({ "length": 31 }, (_, i) => String(i + 1))
        }
        Picker {
            id: month
            name: qsTr("Month")
            Layout.fillWidth: true
            Layout.minimumWidth: Math.round(150 * Theme.scale)
            model: field.monthNames
        }
        Picker {
            id: year
            name: qsTr("Year")
            Layout.preferredWidth: Math.round(130 * Theme.scale)
            model: Array.from({ "length": field.lastYear - field.firstYear + 1 }, (_, i) => String(field.lastYear - i))
        }
    }
    Label {
        Layout.fillWidth: true
        visible: field.message.length > 0
        text: field.message
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.warning
    }
}
