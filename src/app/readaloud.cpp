#include "readaloud.h"

#include <QLocale>
#include <QTextToSpeech>

namespace triad::app {

ReadAloud::ReadAloud(QObject *parent)
    : QObject(parent)
{
    // Tests and headless self-checks set this to avoid touching audio at all.
    if (qEnvironmentVariableIsSet("TRIAD_NO_SPEECH")) {
        m_tried = true;
        m_status = tr("Reading aloud is switched off on this device.");
        return;
    }
    // Found out once, here: a getter that changed state would loop QML bindings.
    ensureEngine();
}

ReadAloud::~ReadAloud() = default;

void ReadAloud::ensureEngine()
{
    if (m_tried)
        return;
    m_tried = true;
    const QStringList engines = QTextToSpeech::availableEngines();
    if (engines.isEmpty()) {
        setStatus(tr("No speech engine is installed, so questions cannot be read aloud."));
        return;
    }
    m_speech = new QTextToSpeech(this);
    connect(m_speech, &QTextToSpeech::stateChanged, this, [this](QTextToSpeech::State state) {
        const bool speaking = state == QTextToSpeech::Speaking;
        if (speaking != m_speaking) {
            m_speaking = speaking;
            emit speakingChanged();
        }
        if (state == QTextToSpeech::Error)
            setStatus(tr("Reading aloud stopped working: %1").arg(m_speech->errorString()));
    });
    if (m_speech->state() == QTextToSpeech::Error) {
        setStatus(tr("Reading aloud is not available: %1").arg(m_speech->errorString()));
        return;
    }
    if (m_speech->availableVoices().isEmpty()) {
        setStatus(tr("No voice is installed, so questions cannot be read aloud."));
        return;
    }
    setStatus(QString());
}

void ReadAloud::setStatus(const QString &status)
{
    m_status = status;
    emit availabilityChanged();
}

bool ReadAloud::available() const
{
    return m_enabled && m_speech && m_status.isEmpty();
}

void ReadAloud::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        stop();
    emit availabilityChanged();
}

void ReadAloud::speak(const QString &text, const QString &language)
{
    if (!available() || text.trimmed().isEmpty())
        return;
    const QLocale locale(language);
    if (m_speech->availableLocales().contains(locale))
        m_speech->setLocale(locale);
    m_speech->stop();
    m_speech->say(text);
}

void ReadAloud::stop()
{
    if (m_speech && m_speaking)
        m_speech->stop();
}

} // namespace triad::app
