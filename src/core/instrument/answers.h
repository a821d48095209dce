#pragma once
// One respondent's answers to one instrument, keyed by item id.

#include "instrument.h"

#include <QJsonObject>
#include <QVariant>

namespace triad {

class Answers
{
public:
    // Likert/Faces: int 1..points; Slider: double 0..100; YesNo: bool; FreeText: QString.
    // A missing answer is simply absent.
    void set(const QString &itemId, const QVariant &value) { m_values.insert(itemId, value); }
    void clear(const QString &itemId) { m_values.remove(itemId); }
    bool has(const QString &itemId) const { return m_values.contains(itemId); }
    QVariant value(const QString &itemId) const { return m_values.value(itemId); }
    QStringList itemIds() const { return m_values.keys(); }
    int count() const { return int(m_values.size()); }

    // Checks one value against the item's format; returns a plain message, or empty when fine.
    static QString problemWith(const Instrument &instrument, const QString &itemId,
                               const QVariant &value);
    // The same check when the item's format is already at hand (scoring a whole clinic's
    // answers: no look-up of the item and its format by id for every answer).
    static QString problemWith(const ResponseFormat &format, const QVariant &value);

    // Reads {"answers": {"itemId": value, ...}} (or the bare map). Every problem is
    // appended to `problems` as "answers.<itemId>: message"; on any problem returns nullopt.
    static std::optional<Answers> fromJson(const QJsonObject &json, const Instrument &instrument,
                                           QStringList *problems);
    QJsonObject toJson() const;

private:
    QHash<QString, QVariant> m_values;
};

} // namespace triad
