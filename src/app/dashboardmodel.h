#pragma once
// The clinic dashboard for the lead's screen: filters, the lists their pickers offer, and the
// figures per physio, per month and per instrument, as plain QVariantLists for QML.
// The figures come from the core (insights::DashboardQuery, then aggregateDashboard); this
// class only chooses what the signed-in person may see and turns codes into labels.
//
// Who sees what: a lead or an admin sees every physio; a physio sees only their own row,
// and their monthly means and ceiling rates are computed from their own episodes only,
// whatever physioId the screen asks for. Groups under the minimum size show "too few to
// compare" (null figures), so nobody is ranked on a handful of answers.

#include "core/alliance/dashboard.h"
#include "core/insights/dashboardquery.h"
#include "core/insights/itemnorms.h"

#include <optional>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace triad::app {

struct Workspace;
struct ClinicParts;
struct OpenCard;

class DashboardModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // "YYYY-MM-DD", inclusive; "" = open.
    Q_PROPERTY(QString fromDate READ fromDate WRITE setFromDate NOTIFY filterChanged)
    Q_PROPERTY(QString toDate READ toDate WRITE setToDate NOTIFY filterChanged)
    // A staff id, a condition id, an age band id ("8-12") or a respondent id; "" = all.
    Q_PROPERTY(QString physioId READ physioId WRITE setPhysioId NOTIFY filterChanged)
    Q_PROPERTY(QString condition READ condition WRITE setCondition NOTIFY filterChanged)
    Q_PROPERTY(QString ageBand READ ageBand WRITE setAgeBand NOTIFY filterChanged)
    Q_PROPERTY(QString respondent READ respondent WRITE setRespondent NOTIFY filterChanged)

    Q_PROPERTY(QVariantList physioChoices READ physioChoices NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList conditions READ conditions CONSTANT)
    Q_PROPERTY(QVariantList ageBands READ ageBands NOTIFY choicesChanged)
    Q_PROPERTY(QVariantList respondents READ respondents CONSTANT)

    Q_PROPERTY(QVariantList physios READ physios NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList monthly READ monthly NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList ceilings READ ceilings NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList itemNorms READ itemNorms NOTIFY clinicPartsChanged)
    Q_PROPERTY(QString itemNormsMessage READ itemNormsMessage NOTIFY clinicPartsChanged)
    Q_PROPERTY(QVariantList rules READ rules NOTIFY figuresChanged)
    Q_PROPERTY(QVariantList openCards READ openCards NOTIFY clinicPartsChanged)
    Q_PROPERTY(QString openCardsMessage READ openCardsMessage NOTIFY clinicPartsChanged)
    // The clinic figures the item figures and the open cards need are still being worked out
    // (right after sign-in, after a round): those two parts are empty meanwhile and fill in
    // by themselves; the rest of the dashboard does not need them. Those parts have a signal
    // of their own, so their arrival does not rebuild the other tables (at 2,000 patients
    // that rebuild was one frame of 60-130 ms).
    Q_PROPERTY(bool itemNormsPending READ itemNormsPending NOTIFY clinicPartsChanged)
    Q_PROPERTY(bool openCardsPending READ openCardsPending NOTIFY clinicPartsChanged)
    Q_PROPERTY(int responses READ responses NOTIFY figuresChanged)
    Q_PROPERTY(int minGroupSize READ minGroupSize CONSTANT)
    Q_PROPERTY(bool seesEveryPhysio READ seesEveryPhysio NOTIFY choicesChanged)
    // Why the figures are empty or a filter was not applied; "" when all is well.
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY figuresChanged)
    // The store is being read on a worker (the screen is up meanwhile, with the figures of the
    // last read, or none yet).
    Q_PROPERTY(bool loading READ loading NOTIFY figuresChanged)

public:
    // Where the store is read: on the UI thread before the constructor or reload() returns,
    // or on ClinicSession's reader pool (the screen, created from QML, opens at once and
    // fills in; a database without a file is read at once either way).
    enum class Reading {
        Now,
        InBackground
    };
    explicit DashboardModel(QObject *parent = nullptr); // InBackground
    explicit DashboardModel(Reading reading, QObject *parent = nullptr);

    QString fromDate() const { return m_fromDate; }
    void setFromDate(const QString &date);
    QString toDate() const { return m_toDate; }
    void setToDate(const QString &date);
    QString physioId() const { return m_physioId; }
    void setPhysioId(const QString &staffId);
    QString condition() const { return m_condition; }
    void setCondition(const QString &condition);
    QString ageBand() const { return m_ageBand; }
    void setAgeBand(const QString &band);
    QString respondent() const { return m_respondent; }
    void setRespondent(const QString &respondent);

    // [{id, name, label}] of the physios with episodes, by name; for a physio only themselves.
    QVariantList physioChoices() const { return m_physioChoices; }
    QVariantList conditions() const;                           // [{id, label}]
    QVariantList ageBands() const { return m_ageBandChoices; } // [{id, label}]
    QVariantList respondents() const;                          // [{id, label}]

    // Rows by name, never by score: {physioId, name, episodes, sessions, completionChild,
    // completionParent, completionPhysio, meanChild, meanParent, meanPhysio, ruptureRate,
    // repairRate, discrepancyRate, ruptureEpisodes, discrepancyEpisodes, tooFewToCompare}.
    // Rates and means are 0-100 (one decimal) or null when the group is too small; the
    // rupture and discrepancy rates are over the episodes where the rule could apply
    // (ruptureEpisodes, discrepancyEpisodes), withheld under minGroupSize of them.
    QVariantList physios() const { return m_physios; }
    // [{month "YYYY-MM", child, parent, physio}], oldest first; a mean or null.
    QVariantList monthly() const { return m_monthly; }
    // [{instrumentId, title, ceilingRate, n}] by title; n = completed responses.
    QVariantList ceilings() const { return m_ceilings; }
    // For the clinic lead only (the whole clinic's responses, no filter), per form (id and
    // major version) and respondent, by title: {instrumentId, title, majorVersion,
    // respondent, responses, alphaTotal, alphaCore (two decimals or null), retest (null when
    // missing), retestPairs, retestMeasure ("core" | "total"), retestReason (why missing),
    // weakItems: [{itemId, text, r}] with a corrected item-total correlation below 0.2}.
    QVariantList itemNorms() const { return m_itemNorms; }
    // Why there are no item figures ("" when they were read, or the role has none).
    QString itemNormsMessage() const { return m_itemNormsMessage; }
    // Per card rule, with the filters: {rule, label, eligibleEpisodes, episodesWithCard,
    // rate (0-100 or null: too few episodes), cards, falseAlarms, falseAlarmShare (0-100 or
    // null under minGroupSize cards)}: how often the rule made a card where it could apply,
    // and the share of its cards marked "not relevant / false alarm" (the clinic's own
    // precision).
    QVariantList rules() const { return m_rules; }
    // The open act-today cards (not acknowledged, not resolved by repair) of open episodes,
    // longest open first: {alertId, episodeId, patientCode (the pseudonym code, never a
    // name), physioId, physio, respondent, type, sessionIndex, daysOpen (since the card's
    // session)}. A lead or admin sees the whole clinic, a physio their own episodes only.
    QVariantList openCards() const { return m_openCards; }
    QString openCardsMessage() const { return m_openCardsMessage; }
    static constexpr double kWeakItemTotal = 0.2;
    int responses() const { return m_responses; }
    int minGroupSize() const { return kMinGroupSize; }
    bool seesEveryPhysio() const;
    QString errorMessage() const { return m_errorMessage; }
    bool loading() const { return m_loading; }

    // Reads the store again (after a round, or when the screen opens).
    Q_INVOKABLE void reload();
    bool itemNormsPending() const { return m_itemNormsPending; }
    bool openCardsPending() const { return m_openCardsPending; }

signals:
    void filterChanged();
    void choicesChanged();
    void figuresChanged();
    void clinicPartsChanged(); // the item figures and the open cards

private:
    static constexpr int kMinGroupSize = 10;

    void setFilterField(QString &field, const QString &value);
    void emitEverything(); // figuresChanged and clinicPartsChanged
    void clear(const QString &message);
    void readInBackground(const QString &path);
    // The item figures' check and the open cards on a worker (the clinic figures arrived).
    void readClinicPartsInBackground();
    // m_data was just read: choices, item figures, cards, figures. With the `parts` a worker
    // read beside it, else the item figures and the cards are read on this thread.
    void applyData(const ClinicParts *parts = nullptr);
    void applyClinicParts(const ClinicParts &parts);
    void updateChoices();
    void recompute();
    void loadItemNorms();
    void showItemNorms(const QVector<insights::FormReliability> &norms);
    // The open act-today cards (of the clinic, or of the physio signed in) into
    // ws->openCards, read on this thread; pending while the clinic figures are not current.
    void loadOpenCards();
    QVariantList cardRows(const QVector<OpenCard> &cards) const;
    // Whose cards: "" for every physio (a lead or an admin), else the physio signed in.
    QString cardsOf() const;
    // The filter as the core wants it; nullopt with m_errorMessage set when a field is bad.
    std::optional<DashboardFilter> coreFilter();

    Reading m_reading = Reading::InBackground;
    quint64 m_generation = 0; // bumped by every reload: an older read's result is dropped
    bool m_loading = false;
    bool m_partsReading = false; // readClinicPartsInBackground's read is on its way
    bool m_partsAgain = false;   // and the figures arrived again meanwhile
    std::optional<insights::DashboardData> m_data;
    QString m_fromDate;
    QString m_toDate;
    QString m_physioId;
    QString m_condition;
    QString m_ageBand;
    QString m_respondent;
    QVariantList m_physioChoices;
    QVariantList m_ageBandChoices;
    QVariantList m_physios;
    QVariantList m_monthly;
    QVariantList m_ceilings;
    QVariantList m_itemNorms;
    QString m_itemNormsMessage;
    QVariantList m_rules;
    QVariantList m_openCards;
    QString m_openCardsMessage;
    bool m_itemNormsPending = false;
    bool m_openCardsPending = false;
    int m_responses = 0;
    QString m_errorMessage;
};

} // namespace triad::app
