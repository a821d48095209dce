#pragma once
// Device settings (QSettings): they belong to the tablet, not to the clinic's data, so they
// are readable before anyone signs in (font size and contrast of the sign-in screen).

#include <QString>
#include <QStringList>

namespace triad::app {

struct DeviceSettings
{
    int idleMinutes = 2;
    double fontScale = 1.0; // 1.0-2.0
    bool highContrast = false;
    QString language = QStringLiteral("en");
    bool speechEnabled = true;
    // A single-choice answer (faces, Likert, yes/no) moves on by itself after a brief
    // confirmation: on for the child forms, off for the parent's and physio's by default.
    bool autoAdvanceChild = true;
    bool autoAdvanceAdult = false;
};

// The languages of the app's own words: one per translation built into the app
// (":/i18n/triad_<code>.qm", src/CMakeLists.txt), found at run time, English first.
QStringList builtUiLanguages();

// A language not stored yet is the device's own when a translation is built, else English;
// a stored language whose translation is no longer built falls back the same way.
DeviceSettings readDeviceSettings();
void writeDeviceSettings(const DeviceSettings &settings);

// The demo clinic names itself so (store/democlinic.cpp); the banner depends on it.
QString demoClinicName();
bool isDemoClinicName(const QString &name);

} // namespace triad::app
