import QtQuick
import Triad.Ui

// A column heading of the dashboard's tables: small, bold, wrapped rather than cut.
DashboardCell {
    font.pixelSize: Theme.fontSmall
    font.bold: true
    color: Theme.mutedText
    wrapMode: Text.WordWrap
    elide: Text.ElideNone
}
