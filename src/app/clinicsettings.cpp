#include "clinicsettings.h"

#include <algorithm>
#include <QDir>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>

namespace triad::app {

namespace {
const char *const kIdle = "session/idleMinutes";
const char *const kFont = "display/fontScale";
const char *const kContrast = "display/highContrast";
const char *const kLanguage = "display/language";
const char *const kSpeech = "speech/enabled";
const char *const kAdvanceChild = "forms/autoAdvanceChild";
const char *const kAdvanceAdult = "forms/autoAdvanceAdult";
} // namespace

QStringList builtUiLanguages()
{
    static const QRegularExpression name(QStringLiteral("^triad_([a-z]{2,3}(?:_[A-Z]{2})?)\\.qm$"));
    QStringList codes;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList(QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = name.match(file);
        if (match.hasMatch())
            codes << match.captured(1);
    }
    // English is the source language: always offered, and first.
    codes.removeAll(QStringLiteral("en"));
    codes.prepend(QStringLiteral("en"));
    return codes;
}

DeviceSettings readDeviceSettings()
{
    QSettings s;
    DeviceSettings d;
    // Values edited by hand (or by an older build) are brought back into range, never trusted.
    d.idleMinutes = std::clamp(s.value(kIdle, d.idleMinutes).toInt(), 1, 60);
    d.fontScale = std::clamp(s.value(kFont, d.fontScale).toDouble(), 1.0, 2.0);
    d.highContrast = s.value(kContrast, d.highContrast).toBool();
    const QStringList built = builtUiLanguages();
    const QString device = QLocale().name().section(QLatin1Char('_'), 0, 0);
    const QString fallback = built.contains(device) ? device : QStringLiteral("en");
    const QString language = s.value(kLanguage, fallback).toString();
    d.language = built.contains(language) ? language : fallback;
    d.speechEnabled = s.value(kSpeech, d.speechEnabled).toBool();
    d.autoAdvanceChild = s.value(kAdvanceChild, d.autoAdvanceChild).toBool();
    d.autoAdvanceAdult = s.value(kAdvanceAdult, d.autoAdvanceAdult).toBool();
    return d;
}

void writeDeviceSettings(const DeviceSettings &d)
{
    QSettings s;
    s.setValue(kIdle, d.idleMinutes);
    s.setValue(kFont, d.fontScale);
    s.setValue(kContrast, d.highContrast);
    s.setValue(kLanguage, d.language);
    s.setValue(kSpeech, d.speechEnabled);
    s.setValue(kAdvanceChild, d.autoAdvanceChild);
    s.setValue(kAdvanceAdult, d.autoAdvanceAdult);
    s.sync();
}

QString demoClinicName()
{
    return QStringLiteral("Demo Clinic (synthetic data)");
}

bool isDemoClinicName(const QString &name)
{
    return name == demoClinicName();
}

} // namespace triad::app
