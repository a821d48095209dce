pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Triad.App
import Triad.Ui

// This tablet's settings: text size, contrast, when it locks itself, language, reading
// aloud; a PIN for quick unlocking; and a way to try the questionnaires.
Page {
    id: screen

    property string pinMessage: ""
    property bool pinSaved: false

    signal previewRequested

    // Every translation built into the app, each named in itself.
    function languageChoices() {
        const choices = []
        for (const code of ClinicSession.uiLanguages)
            choices.push({ "id": code, "label": LanguageNames.nameOf(code) })
        return choices
    }

    // Every change is saved at once; the banner says what was saved.
    function confirm(what) {
        savedBanner.show(qsTr("Saved: %1").arg(what))
    }

    function applyFontScale(value) {
        if (Math.abs(value - ClinicSession.fontScale) < 0.01)
            return
        ClinicSession.fontScale = value
        screen.confirm(qsTr("text size %1%").arg(Math.round(value * 100)))
    }

    title: qsTr("Settings")
    background: Rectangle { color: Theme.background }

    component SettingLabel: Label {
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        font.bold: true
        color: Theme.text
    }

    Flickable {
        id: page
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            x: Theme.margin
            y: Theme.margin
            // The page's own width (not the content item's, 0 at first): laid out right at
            // the first frame, not after a resize.
            width: Math.min(page.width - 2 * Theme.margin, Math.round(760 * Theme.scale))
            spacing: Theme.margin

            SettingLabel {
                text: qsTr("Text size: %1%").arg(Math.round(ClinicSession.fontScale * 100))
            }
            Slider {
                id: fontScale
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                Accessible.name: qsTr("Text size")
                from: 1.0
                to: 2.0
                stepSize: 0.1
                snapMode: Slider.SnapAlways
                value: ClinicSession.fontScale
                // Applied on release: rescaling every screen while the finger moves is jumpy.
                onPressedChanged: if (!pressed) screen.applyFontScale(value)
                onMoved: if (!pressed) screen.applyFontScale(value)
            }
            RowLayout {
                Layout.fillWidth: true
                SettingLabel {
                    text: qsTr("High contrast")
                }
                Switch {
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Theme.touchTarget * 1.5
                    Accessible.name: qsTr("High contrast")
                    checked: ClinicSession.highContrast
                    onToggled: {
                        ClinicSession.highContrast = checked
                        screen.confirm(checked ? qsTr("high contrast on") : qsTr("high contrast off"))
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                SettingLabel {
                    text: qsTr("Read questions aloud")
                }
                Switch {
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Theme.touchTarget * 1.5
                    Accessible.name: qsTr("Read questions aloud")
                    checked: ClinicSession.speechEnabled
                    onToggled: {
                        ClinicSession.speechEnabled = checked
                        screen.confirm(checked ? qsTr("questions read aloud") : qsTr("questions not read aloud"))
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                SettingLabel {
                    text: qsTr("Child forms: a tapped answer moves on by itself")
                }
                Switch {
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Theme.touchTarget * 1.5
                    Accessible.name: qsTr("Child forms: a tapped answer moves on by itself")
                    checked: ClinicSession.autoAdvanceChild
                    onToggled: {
                        ClinicSession.autoAdvanceChild = checked
                        screen.confirm(checked ? qsTr("child forms move on by themselves")
                                               : qsTr("child forms wait for Next"))
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                SettingLabel {
                    text: qsTr("Parent and physio forms: a tapped answer moves on by itself")
                }
                Switch {
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Theme.touchTarget * 1.5
                    Accessible.name: qsTr("Parent and physio forms: a tapped answer moves on by itself")
                    checked: ClinicSession.autoAdvanceAdult
                    onToggled: {
                        ClinicSession.autoAdvanceAdult = checked
                        screen.confirm(checked ? qsTr("parent and physio forms move on by themselves")
                                               : qsTr("parent and physio forms wait for Next"))
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: !ReadAloud.available && ReadAloud.status.length > 0
                text: ReadAloud.status
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                SettingLabel {
                    text: qsTr("Lock after this many idle minutes")
                }
                SpinBox {
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Math.round(200 * Theme.scale)
                    Accessible.name: qsTr("Idle minutes before locking")
                    font.pixelSize: Theme.fontBody
                    from: 1
                    to: 30
                    value: ClinicSession.idleMinutes
                    onValueModified: {
                        ClinicSession.idleMinutes = value
                        screen.confirm(qsTr("locks after %1 idle minutes").arg(value))
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                SettingLabel {
                    text: qsTr("Language")
                }
                ComboBox {
                    id: language
                    Layout.preferredHeight: Theme.touchTarget
                    Layout.preferredWidth: Math.round(240 * Theme.scale)
                    Accessible.name: qsTr("Language")
                    font.pixelSize: Theme.fontBody
                    textRole: "label"
                    valueRole: "id"
                    model: screen.languageChoices()
                    currentIndex: Math.max(0, model.findIndex(l => l.id === ClinicSession.language))
                    onActivated: {
                        ClinicSession.language = currentValue
                        screen.confirm(currentText)
                    }
                    // Items at the app's text size and a finger's height (Basic's are tiny).
                    delegate: ItemDelegate {
                        required property int index
                        required property var modelData
                        width: ListView.view ? ListView.view.width : implicitWidth
                        height: Theme.touchTarget
                        text: modelData.label
                        Accessible.name: modelData.label
                        font.pixelSize: Theme.fontBody
                        highlighted: language.highlightedIndex === index
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: ClinicSession.languageIncomplete
                text: qsTr("Not every word of the app is translated into this language yet: those show in English.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
            SettingLabel {
                text: ClinicSession.hasPin ? qsTr("Change your PIN for quick unlocking")
                                           : qsTr("Choose a PIN for quick unlocking")
            }
            GridLayout {
                Layout.fillWidth: true
                columns: screen.width > Math.round(900 * Theme.scale) ? 3 : 1
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                FormField {
                    id: pin
                    Layout.fillWidth: true
                    label: qsTr("New PIN (digits)")
                    masked: true
                    message: screen.pinMessage
                    input.inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                }
                FormField {
                    id: pinRepeat
                    Layout.fillWidth: true
                    label: qsTr("The same PIN again")
                    masked: true
                    input.inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData
                }
                BigButton {
                    Layout.alignment: Qt.AlignBottom
                    text: qsTr("Set PIN")
                    onClicked: {
                        screen.pinMessage = ClinicSession.setPinTwice(pin.text, pinRepeat.text)
                        screen.pinSaved = screen.pinMessage.length === 0
                        pin.text = ""
                        pinRepeat.text = ""
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                visible: screen.pinSaved
                text: qsTr("PIN saved.")
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            BigButton {
                Layout.fillWidth: true
                text: qsTr("Try the questionnaires")
                onClicked: screen.previewRequested()
            }
        }
    }

    SavedBanner {
        id: savedBanner
    }
}
