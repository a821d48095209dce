import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.Ui

// One cell of the dashboard's tables: a fixed width shared by the header and the rows, so the
// columns line up.
Label {
    property int cellWidth
    Layout.preferredWidth: cellWidth
    font.pixelSize: Theme.fontBody
    color: Theme.text
    horizontalAlignment: Text.AlignRight
    elide: Text.ElideRight
}
