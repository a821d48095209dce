#pragma once
// Typed, path-tracking reads from a JSON object for the questionnaire loader.
// Every read that fails records a LoadProblem naming the JSON path and what was
// expected, and returns nothing, so the loader can keep going and report every
// problem in a file rather than stopping at the first.

#include "instrumentloader.h"

#include <climits>
#include <optional>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace triad {

// The problems found in one file.
class ProblemLog
{
public:
    explicit ProblemLog(QString fileName)
        : m_file(std::move(fileName))
    {}

    void add(const QString &path, const QString &message);
    const QString &fileName() const { return m_file; }
    const QVector<LoadProblem> &problems() const { return m_problems; }
    bool isEmpty() const { return m_problems.isEmpty(); }

private:
    QString m_file;
    QVector<LoadProblem> m_problems;
};

enum class Presence {
    Optional,
    Required
};

class JsonObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(InstrumentLoader)

public:
    JsonObjectReader(QJsonObject object, QString path, ProblemLog *log);

    // The reader for the element `index` of `array` (at `arrayPath`), if it is an object;
    // otherwise records a problem.
    static std::optional<JsonObjectReader> element(const QJsonArray &array, int index,
                                                   const QString &arrayPath, ProblemLog *log);

    // "items[3]" + "subscale" -> "items[3].subscale"; keys that are not plain words are quoted.
    static QString childPath(const QString &parent, const QString &key);
    static QString indexPath(const QString &parent, int index);
    // "a string", "a whole number", "2.5", "an array", ... for messages about wrong types.
    static QString describe(const QJsonValue &value);
    // "a, b, c": how messages list the expected values.
    static QString listOf(const QStringList &values);

    const QString &path() const { return m_path; }
    QString pathOf(const QString &key) const { return childPath(m_path, key); }
    const QJsonObject &object() const { return m_object; }
    ProblemLog *log() const { return m_log; }
    bool has(const QString &key) const { return m_object.contains(key); }

    // Each read marks the key as known. A missing required key, or a value of the wrong type,
    // is recorded as a problem and yields std::nullopt.
    std::optional<QString> string(const QString &key, Presence presence);
    // As string(), and an empty (or blank) string is a problem too.
    std::optional<QString> nonEmptyString(const QString &key, Presence presence);
    std::optional<int> integer(const QString &key, Presence presence, int min = INT_MIN,
                               int max = INT_MAX);
    std::optional<double> number(const QString &key, Presence presence);
    std::optional<bool> boolean(const QString &key, Presence presence);
    std::optional<QJsonArray> array(const QString &key, Presence presence);
    std::optional<JsonObjectReader> object(const QString &key, Presence presence);
    // An item, format or subscale id: letters, digits, "-", "_" and ".", at most 64 characters,
    // so it is safe in exports (CSV columns, FHIR linkId) and in the database.
    std::optional<QString> identifier(const QString &key, Presence presence);
    // The raw value (marked known) for values that need their own checks.
    std::optional<QJsonValue> value(const QString &key, Presence presence);

    // Marks keys as belonging here without reading them.
    void allow(const QStringList &keys);
    // Keys present in the object that no read or allow() claimed.
    QStringList unclaimedKeys() const;
    // Records "unknown key" for every unclaimed key, suggesting the closest known key.
    void reportUnknownKeys(const QStringList &knownKeys);

private:
    std::optional<QJsonValue> take(const QString &key, Presence presence);
    void wrongType(const QString &key, const QString &expected, const QJsonValue &actual);

    QJsonObject m_object;
    QString m_path;
    ProblemLog *m_log;
    QSet<QString> m_claimed;
};

} // namespace triad
