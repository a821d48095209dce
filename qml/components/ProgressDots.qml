pragma ComponentBehavior: Bound
import QtQuick
import Triad.Ui

// One dot per question: filled when answered, ringed for the current one.
Row {
    id: dots

    property int count: 0
    property int current: 0
    property var answered: [] // one bool per question

    spacing: Math.round(8 * Theme.scale)
    Accessible.role: Accessible.ProgressBar
    Accessible.name: qsTr("Question %1 of %2").arg(current + 1).arg(count)

    Repeater {
        model: dots.count
        delegate: Rectangle {
            required property int index
            width: Math.round(16 * Theme.scale)
            height: width
            radius: width / 2
            color: dots.answered[index] === true ? Theme.accent : "transparent"
            border.width: index === dots.current ? 4 : 2
            border.color: index === dots.current ? Theme.selected : Theme.border
        }
    }
}
