#pragma once
// Reads questions and choices aloud for children who cannot read yet. Degrades
// gracefully: with no speech engine, no voice or no audio device, `available` is false
// and `status` says why in plain words; speak() then does nothing and never crashes.

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QTextToSpeech;

namespace triad::app {

class ReadAloud : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available NOTIFY availabilityChanged)
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY availabilityChanged)
    Q_PROPERTY(bool speaking READ speaking NOTIFY speakingChanged)
    Q_PROPERTY(QString status READ status NOTIFY availabilityChanged)

public:
    explicit ReadAloud(QObject *parent = nullptr);
    ~ReadAloud() override;

    bool available() const;
    bool enabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    bool speaking() const { return m_speaking; }
    QString status() const { return m_status; }

    Q_INVOKABLE void speak(const QString &text, const QString &language = QStringLiteral("en"));
    Q_INVOKABLE void stop();

signals:
    void availabilityChanged();
    void speakingChanged();

private:
    void ensureEngine();
    void setStatus(const QString &status);

    QTextToSpeech *m_speech = nullptr;
    bool m_tried = false;
    bool m_enabled = true;
    bool m_speaking = false;
    QString m_status;
};

} // namespace triad::app
