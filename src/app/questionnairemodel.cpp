#include "questionnairemodel.h"

#include "instrumentcatalog.h"

#include <QLocale>

namespace triad::app {

QuestionnaireModel::QuestionnaireModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void QuestionnaireModel::setInstrument(const Instrument &instrument)
{
    beginResetModel();
    m_instrument = instrument;
    m_answers = Answers();
    if (!m_instrument.languages.contains(m_language) && !m_instrument.languages.isEmpty())
        m_language = m_instrument.languages.first();
    endResetModel();
    emit instrumentChanged();
    emit answersChanged();
}

void QuestionnaireModel::setAnswers(const Answers &answers)
{
    beginResetModel();
    m_answers = Answers();
    for (const QString &id : answers.itemIds())
        if (Answers::problemWith(m_instrument, id, answers.value(id)).isEmpty())
            m_answers.set(id, answers.value(id));
    endResetModel();
    emit answersChanged();
}

void QuestionnaireModel::setInstrumentId(const QString &id)
{
    if (id == m_instrument.id)
        return;
    if (const Instrument *found = InstrumentCatalog::instance()->find(id))
        setInstrument(*found);
    else
        setInstrument(Instrument());
}

void QuestionnaireModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    beginResetModel();
    m_language = language;
    endResetModel();
    emit instrumentChanged();
}

void QuestionnaireModel::setPhysioName(const QString &name)
{
    if (name == m_physioName)
        return;
    beginResetModel();
    m_physioName = name;
    endResetModel();
    emit instrumentChanged();
}

void QuestionnaireModel::setChildName(const QString &name)
{
    if (name == m_childName)
        return;
    beginResetModel();
    m_childName = name;
    endResetModel();
    emit instrumentChanged();
}

QString QuestionnaireModel::localized(const LocalizedText &text) const
{
    return fill(text.in(m_language));
}

// Fills {physio} and {child}; without a name the words still read naturally.
QString QuestionnaireModel::fill(QString text) const
{
    const QString physio = m_physioName.isEmpty() ? tr("the physio") : m_physioName;
    const QString child = m_childName.isEmpty() ? tr("the child") : m_childName;
    const bool capitalise = text.startsWith(QLatin1Char('{'));
    text.replace(QStringLiteral("{physio}"), physio);
    text.replace(QStringLiteral("{child}"), child);
    if (capitalise && !text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString QuestionnaireModel::title() const
{
    return localized(m_instrument.title);
}
QString QuestionnaireModel::intro() const
{
    return localized(m_instrument.intro);
}
QString QuestionnaireModel::thanks() const
{
    const QString t = localized(m_instrument.thanks);
    return t.isEmpty() ? tr("Thank you!") : t;
}
QString QuestionnaireModel::introReadAloud() const
{
    const QString t = localized(m_instrument.introReadAloud);
    return t.isEmpty() ? intro() : t;
}
QString QuestionnaireModel::respondent() const
{
    return respondentId(m_instrument.respondent);
}

bool QuestionnaireModel::forNonReaders() const
{
    return m_instrument.ageBand && m_instrument.ageBand->maxYears <= 7;
}

int QuestionnaireModel::answeredCount() const
{
    int n = 0;
    for (const auto &item : m_instrument.items)
        n += m_answers.has(item.id) ? 1 : 0;
    return n;
}

bool QuestionnaireModel::requiredAnswered() const
{
    for (const auto &item : m_instrument.items)
        if (item.required && !m_answers.has(item.id))
            return false;
    return true;
}

QVariantList QuestionnaireModel::answeredFlags() const
{
    QVariantList flags;
    for (const auto &item : m_instrument.items)
        flags.append(m_answers.has(item.id));
    return flags;
}

int QuestionnaireModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QString QuestionnaireModel::answerLabel(const Item &item) const
{
    if (!m_answers.has(item.id))
        return tr("Not answered");
    const QVariant v = m_answers.value(item.id);
    const ResponseFormat *format = m_instrument.format(item.formatId);
    if (!format)
        return {};
    if (isNotApplicable(*format, v))
        return localized(format->notApplicable->label);
    switch (format->kind) {
    case FormatKind::Likert:
    case FormatKind::Faces:
    case FormatKind::YesNo: {
        const int value = format->kind == FormatKind::YesNo ? (v.toBool() ? 1 : 0) : v.toInt();
        for (const auto &c : format->choices)
            if (c.value == value)
                return localized(c.label);
        return {};
    }
    case FormatKind::Slider:
        return tr("%1 of 100").arg(QLocale().toString(v.toDouble(), 'f', 0));
    case FormatKind::FreeText:
        return v.toString();
    }
    return {};
}

QVariant QuestionnaireModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const Item &item = m_instrument.items.at(index.row());
    const ResponseFormat *format = m_instrument.format(item.formatId);
    switch (role) {
    case ItemIdRole:
        return item.id;
    case KindRole:
        return format ? formatKindId(format->kind) : QString();
    case PromptRole:
        return localized(item.text);
    case ReadAloudRole: {
        QString words = localized(item.readAloud.isEmpty() ? item.text : item.readAloud);
        if (format) {
            for (const auto &c : format->choices) {
                const QString said = localized(c.readAloud.isEmpty() ? c.label : c.readAloud);
                if (!said.isEmpty())
                    words += QLatin1Char(' ') + said;
            }
            if (const auto &na = format->notApplicable) {
                const QString said = localized(na->readAloud.isEmpty() ? na->label : na->readAloud);
                if (!said.isEmpty())
                    words += QLatin1Char(' ') + said;
            }
        }
        return words;
    }
    case ChoicesRole: {
        QVariantList list;
        if (format)
            for (const auto &c : format->choices)
                list.append(QVariantMap{{QStringLiteral("value"), c.value},
                                        {QStringLiteral("label"), localized(c.label)},
                                        {QStringLiteral("readAloud"), localized(c.readAloud)}});
        return list;
    }
    case AnswerRole:
        return m_answers.value(item.id);
    case AnsweredRole:
        return m_answers.has(item.id);
    case AnswerLabelRole:
        return answerLabel(item);
    case RequiredRole:
        return item.required;
    case LowAnchorRole:
        return format ? localized(format->lowAnchor) : QString();
    case HighAnchorRole:
        return format ? localized(format->highAnchor) : QString();
    case StepRole:
        return format ? format->step : 1;
    case MaxLengthRole:
        return format ? format->maxLength : 0;
    case NotApplicableRole:
        return format && format->notApplicable ? localized(format->notApplicable->label)
                                               : QString();
    }
    return {};
}

QHash<int, QByteArray> QuestionnaireModel::roleNames() const
{
    return {{ItemIdRole, "itemId"},         {KindRole, "kind"},
            {PromptRole, "prompt"},         {ReadAloudRole, "readAloudText"},
            {ChoicesRole, "choices"},       {AnswerRole, "answer"},
            {AnsweredRole, "answered"},     {AnswerLabelRole, "answerLabel"},
            {RequiredRole, "required"},     {LowAnchorRole, "lowAnchor"},
            {HighAnchorRole, "highAnchor"}, {StepRole, "step"},
            {MaxLengthRole, "maxLength"},   {NotApplicableRole, "notApplicableLabel"}};
}

QString QuestionnaireModel::setAnswer(int row, const QVariant &value)
{
    if (row < 0 || row >= count())
        return tr("There is no question %1.").arg(row + 1);
    const Item &item = m_instrument.items.at(row);
    QVariant kept = value;
    // QML hands numbers over as double; faces and Likert keep whole numbers.
    const ResponseFormat *format = m_instrument.format(item.formatId);
    if (format && (format->kind == FormatKind::Likert || format->kind == FormatKind::Faces) &&
        value.canConvert<double>() && value.typeId() != QMetaType::QString &&
        value.toDouble() == double(qRound(value.toDouble())))
        kept = qRound(value.toDouble());
    if (format && format->kind == FormatKind::Slider && value.canConvert<double>() &&
        value.typeId() != QMetaType::QString)
        kept = value.toDouble();
    const QString problem = Answers::problemWith(m_instrument, item.id, kept);
    if (!problem.isEmpty())
        return problem;
    if (format && format->kind == FormatKind::FreeText && kept.toString().trimmed().isEmpty()) {
        clearAnswer(row);
        return {};
    }
    m_answers.set(item.id, kept);
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {AnswerRole, AnsweredRole, AnswerLabelRole});
    emit answersChanged();
    emit answerAccepted(item.id, kept);
    return {};
}

void QuestionnaireModel::clearAnswer(int row)
{
    if (row < 0 || row >= count())
        return;
    const Item &item = m_instrument.items.at(row);
    if (!m_answers.has(item.id))
        return;
    m_answers.clear(item.id);
    const QModelIndex i = index(row);
    emit dataChanged(i, i, {AnswerRole, AnsweredRole, AnswerLabelRole});
    emit answersChanged();
    emit answerCleared(item.id);
}

QVariantMap QuestionnaireModel::scoreSummary() const
{
    const ScoreSet set = score(m_instrument, m_answers);
    auto toMap = [](const Score &s, const QString &title) {
        QVariantMap m = s.toJson().toVariantMap();
        m.insert(QStringLiteral("id"), s.id);
        m.insert(QStringLiteral("title"), title);
        return m;
    };
    QVariantList subs, cons;
    for (const Score &s : set.subscales) {
        const Subscale *sub = m_instrument.subscale(s.id);
        subs.append(toMap(s, sub ? localized(sub->title) : s.id));
    }
    const QHash<QString, QString> constructTitles{{QStringLiteral("goal"), tr("Goals")},
                                                  {QStringLiteral("task"), tr("Tasks")},
                                                  {QStringLiteral("bond"), tr("Bond")}};
    for (const Score &s : set.constructs)
        cons.append(toMap(s, constructTitles.value(s.id, s.id)));
    return {{QStringLiteral("total"), toMap(set.total, tr("Total"))},
            {QStringLiteral("subscales"), subs},
            {QStringLiteral("constructs"), cons}};
}

QString QuestionnaireModel::readAloudTextAt(int row) const
{
    return data(index(row), ReadAloudRole).toString();
}

QString QuestionnaireModel::kindAt(int row) const
{
    return data(index(row), KindRole).toString();
}

void QuestionnaireModel::reset()
{
    setAnswers(Answers());
}

} // namespace triad::app
