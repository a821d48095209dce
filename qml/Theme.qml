pragma Singleton
import QtQuick

// Colours, sizes and the user's font scale in one place. Sizes grow with the font scale
// so targets stay at least 48 px at scale 1. Contrast of text on its background is at
// least 4.5:1 in both palettes (checked in tests/app/tst_theme).
QtObject {
    id: theme

    property real fontScale: 1.0
    property bool highContrast: false

    readonly property real scale: Math.max(1.0, Math.min(2.0, fontScale))
    readonly property int touchTarget: Math.round(56 * scale)
    readonly property int minimumTarget: 48
    readonly property int spacing: Math.round(12 * scale)
    readonly property int margin: Math.round(24 * scale)
    readonly property int radius: 12

    readonly property int fontSmall: Math.round(15 * scale)
    readonly property int fontBody: Math.round(19 * scale)
    readonly property int fontLarge: Math.round(26 * scale)
    readonly property int fontTitle: Math.round(32 * scale)
    readonly property int fontQuestion: Math.round(30 * scale)

    readonly property color background: highContrast ? "#000000" : "#f7f5f0"
    readonly property color surface: highContrast ? "#000000" : "#ffffff"
    readonly property color text: highContrast ? "#ffffff" : "#1d2530"
    readonly property color mutedText: highContrast ? "#ffffff" : "#4a5563"
    readonly property color accent: highContrast ? "#ffd500" : "#0b5f8a"
    // Text on the accent colour. Not called "onAccent": QML takes a name starting with "on"
    // for a signal handler, and such a property reads as an invalid (black) colour.
    readonly property color accentText: highContrast ? "#000000" : "#ffffff"
    readonly property color border: highContrast ? "#ffffff" : "#b8c0cc"
    readonly property color selected: highContrast ? "#ffd500" : "#0b5f8a"
    readonly property color faceFill: highContrast ? "#000000" : "#ffe08a"
    readonly property color faceInk: highContrast ? "#ffffff" : "#3a2a00"
    readonly property color warning: highContrast ? "#ffd500" : "#8a3b00"
    // Alerts and the demo banner: text on these is Theme.text (checked in tst_theme).
    readonly property color alertSurface: highContrast ? "#000000" : "#fdecd8"
    readonly property color bannerSurface: highContrast ? "#000000" : "#fff2b3"
    readonly property color bannerBorder: highContrast ? "#ffd500" : "#8a6d00"

    // One line colour per respondent, the same on every chart and legend. Distinct in
    // hue and lightness, so they stay apart for the common colour-vision deficiencies.
    readonly property color childLine: highContrast ? "#ffd500" : "#0b5f8a"
    readonly property color parentLine: highContrast ? "#00e5ff" : "#b34700"
    readonly property color physioLine: highContrast ? "#ff80ff" : "#2f7d32"
    readonly property color alertMarker: highContrast ? "#ff4040" : "#c62828"

    function respondentColor(respondent) {
        if (respondent === "child")
            return childLine
        if (respondent === "parent")
            return parentLine
        return physioLine
    }
}
