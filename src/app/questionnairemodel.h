#pragma once
// One respondent's run through one instrument: the items as rows for QML, the answers
// given so far, validation and scores. QML only displays rows and requests changes;
// every value is checked here (Answers::problemWith) before it is kept.

#include "core/instrument/answers.h"
#include "core/instrument/scoring.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace triad::app {

class QuestionnaireModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        QString instrumentId READ instrumentId WRITE setInstrumentId NOTIFY instrumentChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY instrumentChanged)
    Q_PROPERTY(QString physioName READ physioName WRITE setPhysioName NOTIFY instrumentChanged)
    Q_PROPERTY(QString childName READ childName WRITE setChildName NOTIFY instrumentChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY instrumentChanged)
    Q_PROPERTY(QString title READ title NOTIFY instrumentChanged)
    Q_PROPERTY(QString intro READ intro NOTIFY instrumentChanged)
    Q_PROPERTY(QString introReadAloud READ introReadAloud NOTIFY instrumentChanged)
    Q_PROPERTY(QString thanks READ thanks NOTIFY instrumentChanged)
    Q_PROPERTY(QString respondent READ respondent NOTIFY instrumentChanged)
    Q_PROPERTY(bool readAloudAutomatically READ readAloudAutomatically NOTIFY instrumentChanged)
    // A form for children who may not read yet (age band ending at 7 or below): the screens
    // then rely on pictures, and on a grown-up reading when the device cannot speak.
    Q_PROPERTY(bool forNonReaders READ forNonReaders NOTIFY instrumentChanged)
    Q_PROPERTY(int count READ count NOTIFY instrumentChanged)
    Q_PROPERTY(int answeredCount READ answeredCount NOTIFY answersChanged)
    Q_PROPERTY(bool requiredAnswered READ requiredAnswered NOTIFY answersChanged)
    Q_PROPERTY(QVariantList answeredFlags READ answeredFlags NOTIFY answersChanged)

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        KindRole,        // "likert", "faces", "slider", "yesno", "text"
        PromptRole,      // the item's words (named so as not to clash with `text`)
        ReadAloudRole,   // what the read-aloud button says: the item and its choices
        ChoicesRole,     // [{value, label, readAloud}]
        AnswerRole,      // the value, or undefined
        AnsweredRole,    // bool
        AnswerLabelRole, // the answer in words, for the review screen
        RequiredRole,
        LowAnchorRole,     // slider
        HighAnchorRole,    // slider
        StepRole,          // slider
        MaxLengthRole,     // text
        NotApplicableRole, // the "not yet / doesn't apply" answer's words; empty if none
    };
    Q_ENUM(Role)

    explicit QuestionnaireModel(QObject *parent = nullptr);

    // Used directly by C++ (tests, the session flow) without the catalog.
    void setInstrument(const Instrument &instrument);
    const Instrument &instrument() const { return m_instrument; }
    const Answers &answers() const { return m_answers; }
    void setAnswers(const Answers &answers);

    QString instrumentId() const { return m_instrument.id; }
    void setInstrumentId(const QString &id);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString physioName() const { return m_physioName; }
    void setPhysioName(const QString &name);
    QString childName() const { return m_childName; }
    void setChildName(const QString &name);

    bool loaded() const { return !m_instrument.id.isEmpty(); }
    QString title() const;
    QString intro() const;
    QString introReadAloud() const;
    QString thanks() const;
    QString respondent() const;
    bool forNonReaders() const;
    bool readAloudAutomatically() const { return m_instrument.readAloudAutomatically; }
    int count() const { return int(m_instrument.items.size()); }
    int answeredCount() const;
    bool requiredAnswered() const;
    QVariantList answeredFlags() const; // one bool per item, for the progress dots

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Keeps the value when it fits the item's format. Returns an empty string on success,
    // else a plain message (and keeps the previous answer).
    Q_INVOKABLE QString setAnswer(int row, const QVariant &value);
    Q_INVOKABLE void clearAnswer(int row);
    // {total: {scorable, normalised, raw, min, max, reason}, subscales: [{id, title, ...}],
    //  constructs: [{id, ...}]} for the score view.
    Q_INVOKABLE QVariantMap scoreSummary() const;
    Q_INVOKABLE void reset();
    Q_INVOKABLE QString readAloudTextAt(int row) const;
    // The response format of row `row` ("faces", "text"...), as KindRole.
    Q_INVOKABLE QString kindAt(int row) const;

signals:
    void instrumentChanged();
    void answersChanged();
    // Emitted after a value was accepted, so the session flow can save a draft at once.
    void answerAccepted(const QString &itemId, const QVariant &value);
    void answerCleared(const QString &itemId);

private:
    QString localized(const LocalizedText &text) const;
    QString fill(QString text) const;
    QString answerLabel(const Item &item) const;

    Instrument m_instrument;
    Answers m_answers;
    QString m_language = QStringLiteral("en");
    QString m_physioName;
    QString m_childName;
};

} // namespace triad::app
