pragma Singleton
import QtQuick

// Each language named in itself, so a parent finds theirs without reading English.
// Qt.locale("en") names itself "American English": a bare language code gets the plain
// name from this table, anything else what the locale says.
QtObject {
    readonly property var plain: ({
        "en": "English",
        "fr": "Français",
        "de": "Deutsch",
        "nl": "Nederlands",
        "es": "Español",
        "it": "Italiano",
        "pt": "Português"
    })

    function nameOf(code) {
        if (plain[code] !== undefined)
            return plain[code]
        const name = Qt.locale(code).nativeLanguageName
        return name.length > 0 ? name.charAt(0).toUpperCase() + name.slice(1) : code
    }
}
