#include "localizedtextreader.h"

#include <QRegularExpression>

namespace triad {

QStringList LocalizedTextReader::placeholders()
{
    return {QStringLiteral("physio"), QStringLiteral("child")};
}

LocalizedText LocalizedTextReader::read(JsonObjectReader &parent, const QString &key,
                                        Presence presence)
{
    const auto object = parent.object(key, presence);
    if (!object)
        return {};
    const QString path = object->path();
    LocalizedText text;
    const QJsonObject &byLanguage = object->object();
    for (auto it = byLanguage.constBegin(); it != byLanguage.constEnd(); ++it) {
        const QString languagePath = JsonObjectReader::childPath(path, it.key());
        if (!m_languages.isEmpty() && !m_languages.contains(it.key())) {
            m_log->add(languagePath, tr("\"%1\" is not one of the languages (%2)")
                                         .arg(it.key(), JsonObjectReader::listOf(m_languages)));
            continue;
        }
        if (!it.value().isString()) {
            m_log->add(languagePath,
                       tr("must be a string, not %1").arg(JsonObjectReader::describe(it.value())));
            continue;
        }
        const QString value = it.value().toString();
        if (value.trimmed().isEmpty()) {
            m_log->add(languagePath, tr("must not be empty"));
            continue;
        }
        checkPlaceholders(value, languagePath);
        text.set(it.key(), value);
    }
    for (const auto &language : m_languages) {
        if (!byLanguage.contains(language))
            m_log->add(path, tr("has no \"%1\" text; every text needs each of the languages (%2)")
                                 .arg(language, JsonObjectReader::listOf(m_languages)));
    }
    if (m_languages.isEmpty() && byLanguage.isEmpty())
        m_log->add(path,
                   tr("must contain the text in at least one language, e.g. {\"en\": \"...\"}"));
    return text;
}

void LocalizedTextReader::checkPlaceholders(const QString &text, const QString &path)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]*)\\}"));
    const QStringList known = placeholders();
    QString rest = text;
    auto matches = placeholder.globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        if (!known.contains(match.captured(1)))
            m_log->add(path, tr("unknown placeholder \"%1\"; only {physio} and {child} are allowed")
                                 .arg(match.captured(0)));
    }
    rest.remove(placeholder);
    if (rest.contains(QLatin1Char('{')) || rest.contains(QLatin1Char('}')))
        m_log->add(path, tr("has a \"{\" or \"}\" that is not part of a placeholder; only {physio} "
                            "and {child} are allowed"));
}

} // namespace triad
