pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Shapes
import Triad.Ui

// A face drawn as vector shapes (no emoji font needed). mood -1 is sad, 0 neutral, 1 happy.
Item {
    id: face

    property real mood: 0
    property bool selected: false

    implicitWidth: 96
    implicitHeight: 96

    Shape {
        anchors.fill: parent

        ShapePath {
            id: head
            strokeWidth: face.selected ? face.width * 0.07 : face.width * 0.035
            strokeColor: face.selected ? Theme.selected : Theme.faceInk
            fillColor: Theme.faceFill
            startX: face.width / 2
            startY: head.strokeWidth
            PathArc {
                x: face.width / 2
                y: face.height - head.strokeWidth
                radiusX: face.width / 2 - head.strokeWidth
                radiusY: face.height / 2 - head.strokeWidth
            }
            PathArc {
                x: face.width / 2
                y: head.strokeWidth
                radiusX: face.width / 2 - head.strokeWidth
                radiusY: face.height / 2 - head.strokeWidth
            }
        }

        ShapePath {
            // The mouth: a curve that bends up (smile) or down (frown) with the mood.
            strokeWidth: face.width * 0.05
            strokeColor: Theme.faceInk
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            startX: face.width * 0.30
            startY: face.height * (0.68 - 0.04 * face.mood)
            PathQuad {
                x: face.width * 0.70
                y: face.height * (0.68 - 0.04 * face.mood)
                controlX: face.width * 0.5
                controlY: face.height * (0.68 + 0.16 * face.mood)
            }
        }
    }

    Repeater {
        model: 2
        delegate: Rectangle {
            required property int index
            width: face.width * 0.11
            height: width * 1.3
            radius: width / 2
            color: Theme.faceInk
            x: face.width * (index === 0 ? 0.33 : 0.67) - width / 2
            y: face.height * 0.36 - height / 2
        }
    }
}
