#pragma once
// The patients the signed-in staff member may see, for the patient list: physios their own
// (patients with an episode of theirs, or created by them), leads and admins everyone.
// Names are decrypted here, in memory only; the search matches code or name.

#include "patientrows.h"

#include <QAbstractListModel>
#include <QDate>
#include <QQmlParserStatus>
#include <QtQml/qqmlregistration.h>

namespace triad::app {

struct Workspace;

class PatientListModel : public QAbstractListModel
{
    Q_OBJECT
    // The screens make PatientListScreenModel (below), under this name.
    QML_ANONYMOUS
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY countChanged)
    // Set by the screen: when the clinic figures arrive, the rows whose cards waited for them
    // are read again on a worker (refreshInBackground) rather than on this thread.
    Q_PROPERTY(bool backgroundReads MEMBER m_backgroundReads NOTIFY backgroundReadsChanged)
    // No rows read yet for whoever is signed in: a read is on its way (not "no patients").
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Role {
        PatientIdRole = Qt::UserRole + 1,
        CodeRole,
        NameRole,
        AgeRole,
        NextActionRole,
        OpenAlertsRole,
        EpisodeIdRole,
        // Unacknowledged act-today cards not counted yet: whether they are still open (not
        // resolved by repair) needs the clinic figures, still being worked out.
        CardsToCheckRole,
    };
    Q_ENUM(Role)

    using Row = PatientRow;

    // Reads the rows at once (tools and tests).
    explicit PatientListModel(QObject *parent = nullptr);

    bool loading() const { return m_loading; }

    QString search() const { return m_search; }
    void setSearch(const QString &search);
    QString errorMessage() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads every visible patient again (at sign-in, when the workspace changes).
    Q_INVOKABLE void reload();
    // The list shown again (Back to "My patients"): reads again only when the clinic
    // database was written since the last read, or the day or the language changed;
    // otherwise the rows stay as they are (store::changeStamp).
    Q_INVOKABLE void refresh();
    // The same, reading on ClinicSession's reader pool (the screen, after Back): the rows on
    // show stay until the read returns, then change in place. A database without a file is
    // read at once.
    Q_INVOKABLE void refreshInBackground();
    // The row as a map (for tests and for screens that open a patient by row).
    Q_INVOKABLE QVariantMap get(int row) const;
    // The rounds of the first rows with an open episode are read on the worker with the rows
    // (issue 12: their queries took 2-4 ms of the turn that built their delegates at sign-in).
    static constexpr int kRoundsReadWithTheRows = 20;
    // How many rows' rounds this model read on its own thread, when shown (tests).
    int roundsReadOnShowing() const { return m_roundsReadOnShowing; }

signals:
    void searchChanged();
    void countChanged();
    void backgroundReadsChanged();
    void loadingChanged();

protected:
    enum class FirstRead {
        Now,
        Later
    };
    PatientListModel(QObject *parent, FirstRead first);
    // The first read of a screen's model: on the reader pool when it reads in the background.
    void readFirst();

private:
    void setLoading(bool loading);
    void applySearch();
    // Counts again the cards of the rows that waited for the clinic figures.
    void recountWaitingCards();

    // What the rows were read under: the store's change stamp, the day and the language.
    QString readStamp() const;
    // Who reads now, with the clinic figures as they stand.
    PatientRowsFor reader() const;
    void install(const PatientRows &read);
    // Rows read on a worker keep their strings in that thread's malloc arena (and 2,000 of
    // them kept 3.4 MiB of its freed pages from going back): copied here (detached()).
    void detachRows();
    // "Session 4 round due": read when a row is first shown (a data() call), not for every
    // patient at every read (issue 12: at 2,000 patients that one query over every session
    // of every open episode took 70 of the 111 ms the list took to read again after a round).
    QString nextActionOf(const Row &row) const;
    static QString nextActionText(const store::SessionRepository::RoundProgress &progress);

    QString m_search;
    QString m_readStamp;
    const Workspace *m_readFor = nullptr; // the workspace and staff member the rows were read for
    QString m_readForStaff;
    QString m_error;
    QVector<Row> m_all;
    QVector<Row> m_rows;
    // By open episode id, the rows' next actions read so far; emptied by every reload.
    mutable QHash<QString, QString> m_nextActions;
    mutable int m_roundsReadOnShowing = 0;
    quint64 m_generation = 0; // which read may still be installed
    bool m_backgroundReads = false;
    bool m_readingInBackground = false;
    bool m_loading = false;
    // What the read on its way was begun for: the sign-in's signal does not read it twice.
    const Workspace *m_pendingFor = nullptr;
    QString m_pendingStaff;
    QString m_pendingStamp;
};

// The patient list's screen model, as QML makes it ("PatientListModel"): its first read
// (at sign-in, when the staff area is built) runs on the reader pool as its later reads do,
// once the screen has set backgroundReads. At 2,000 patients the admin's list took about
// 60 ms of the UI thread before the staff area's first frame.
class PatientListScreenModel : public triad::app::PatientListModel, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(PatientListModel)

public:
    explicit PatientListScreenModel(QObject *parent = nullptr)
        : PatientListModel(parent, FirstRead::Later)
    {}
    void classBegin() override {}
    void componentComplete() override { readFirst(); }
};

} // namespace triad::app
