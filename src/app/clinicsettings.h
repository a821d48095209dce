#pragma once
// Device settings (QSettings): they belong to the tablet, not to the clinic's data, so they
// are readable before anyone signs in (font size and contrast of the sign-in screen).

#include <QString>

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

DeviceSettings readDeviceSettings();
void writeDeviceSettings(const DeviceSettings &settings);

// The demo clinic names itself so (store/democlinic.cpp); the banner depends on it.
QString demoClinicName();
bool isDemoClinicName(const QString &name);

} // namespace triad::app
