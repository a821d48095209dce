#include "researchexport.h"

#include "csvtext.h"
#include "exportfolder.h"
#include "researchscripts.h"

#include "core/store/auditlog.h"
#include "core/store/staffrepository.h"

#include <atomic>
#include <cmath>
#include <QCoreApplication>
#include <QDateTime>
#include <thread>

namespace triad::interop::csv {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::csv::ResearchExport", text);
}

// Builds one CSV record while tracking the widest text of each column (SPSS string widths).
struct Row
{
    QByteArray &out;
    QVector<int> *widths = nullptr;
    int column = 0;

    void text(const QByteArray &value)
    {
        if (column)
            out += ',';
        appendField(out, value);
        if (widths && column < widths->size() && value.size() > (*widths)[column])
            (*widths)[column] = int(value.size());
        ++column;
    }
    void number(double value)
    {
        if (column)
            out += ',';
        appendNumber(out, value);
        ++column;
    }
    void integer(int value)
    {
        if (value < 0)
            number(std::nan(""));
        else
            number(value);
    }
    void end() { out += "\r\n"; }
};

void header(QByteArray &out, const QVector<ResearchColumn> &columns)
{
    for (int i = 0; i < columns.size(); ++i) {
        if (i)
            out += ',';
        out += columns.at(i).name.toUtf8();
    }
    out += "\r\n";
}

// What each stored value means, per form and column: labels[value + 1] (value -1..points).
using LabelTable = QVector<QByteArray>;

} // namespace

const QStringList &ResearchExport::fileNames()
{
    static const QStringList names{
        QStringLiteral("responses_wide.csv"), QStringLiteral("answers_long.csv"),
        QStringLiteral("codebook.csv"),       QStringLiteral("codebook.md"),
        QStringLiteral("read_wide.R"),        QStringLiteral("labels.sps")};
    return names;
}

bool ResearchExport::mayExport(store::Database &db, const crypto::Vault &vault, InteropError *error)
{
    if (!vault.isUnlocked()) {
        *error = {InteropErrorKind::Store, tr("Sign in first.")};
        return false;
    }
    store::StaffRepository staff(db);
    const auto member = staff.get(vault.staffId());
    if (!member || !member->active || member->role == store::StaffRole::Physio) {
        *error = {InteropErrorKind::Store,
                  tr("Only an active clinic lead or admin may export the clinic's data.")};
        return false;
    }
    return true;
}

bool ResearchExport::write(store::Database &db, const crypto::Vault &vault,
                           const InstrumentLibrary &library, const ResearchOptions &options,
                           ResearchReport *report, InteropError *error)
{
    *report = {};
    if (!mayExport(db, vault, error))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ExportFolder folder;
    if (!folder.begin(options.parentFolder,
                      QStringLiteral("triad-research-") +
                          now.toString(QStringLiteral("yyyyMMdd-HHmmss")),
                      error))
        return false;
    {
        // Audited before a byte is written: no export exists without its entry.
        store::AuditLog audit(db, vault.subkey(crypto::KeyPurpose::Audit), vault.staffId());
        store::Transaction tx(db);
        if (!tx.begin() ||
            !audit.append(options.identified ? QStringLiteral("export-csv-identified")
                                             : QStringLiteral("export-csv"),
                          QStringLiteral("clinic"), QStringLiteral("1")) ||
            !tx.commit()) {
            *error = {InteropErrorKind::Store,
                      tr("The export could not be recorded in the audit log, so nothing was "
                         "exported: %1")
                          .arg(db.lastError().detail)};
            return false;
        }
        audit.publishHead();
    }

    const crypto::FieldCipher cipher(vault.subkey(crypto::KeyPurpose::Fields));
    ResearchData data;
    std::unique_ptr<ResearchColumns> columns;
    bool cancelled = false;
    if (!loadResearchData(db, cipher, library, options.identified, options.freeText,
                          options.progress, data, columns, &cancelled)) {
        report->cancelled = cancelled;
        *error =
            cancelled
                ? InteropError{InteropErrorKind::Invalid,
                               tr("Export cancelled; no file was left behind.")}
                : InteropError{
                      InteropErrorKind::Store,
                      tr("The clinic's data could not be read: %1").arg(db.lastError().detail)};
        return false;
    }

    const QVector<ResearchColumn> &wide = columns->wide();
    const int columnCount = int(wide.size());
    const qint64 total = qint64(data.responses.size()) * 2;
    QVector<int> widths(columnCount, 1);
    for (int c = 0; c < columnCount; ++c)
        for (const ValueLabel &v : wide.at(c).values)
            if (wide.at(c).kind == ColumnKind::Category)
                widths[c] = qMax(widths[c], int(v.value.toUtf8().size()));

    // Per form: column -> value labels, so a long row finds its label in constant time.
    QHash<const Instrument *, QVector<LabelTable>> labels;
    for (const Instrument *instrument : data.used) {
        QVector<LabelTable> &byColumn = labels[instrument];
        byColumn.resize(columnCount);
        for (int c = columns->fixedCount(); c < columnCount; ++c)
            for (const ItemSource &s : wide.at(c).sources)
                if (s.instrument == instrument) {
                    const ResponseFormat *format = instrument->format(s.item->formatId);
                    if (!format)
                        continue;
                    LabelTable table(format->choices.size() + 2);
                    for (const ResponseChoice &choice : format->choices)
                        if (choice.value + 1 >= 0 && choice.value + 1 < table.size())
                            table[choice.value + 1] =
                                choice.label.in(QStringLiteral("en")).toUtf8();
                    if (format->notApplicable)
                        table[0] = format->notApplicable->label.in(QStringLiteral("en")).toUtf8();
                    byColumn[c] = table;
                }
    }

    auto wideFile = folder.open(QStringLiteral("responses_wide.csv"), error);
    auto longFile = wideFile ? folder.open(QStringLiteral("answers_long.csv"), error) : nullptr;
    if (!longFile)
        return false;
    header(wideFile->buffer(), wide);
    const QVector<ResearchColumn> longColumns = ResearchColumns::longColumns(options.freeText);
    header(longFile->buffer(), longColumns);

    QVector<QByteArray> sessionPrefix(data.sessions.size());
    QVector<QByteArray> itemIds(columnCount);
    for (int c = 0; c < columnCount; ++c)
        itemIds[c] = wide.at(c).itemId.toUtf8();
    QVector<int> cell(columnCount, -1);
    QVector<double> scoreCell(columnCount, std::nan(""));
    // The long file is written on a second thread while this one writes the wide file (both
    // only read `data`); a failure or a cancel on either side stops the other.
    std::atomic<bool> stop{false};
    bool longOk = true;
    const auto writeLong = [&] {
        QByteArray longHead;
        const QByteArray one("1"), zero("0");
        for (const ResearchResponse &r : data.responses) {
            if (r.session < 0 || r.answerCount == 0)
                continue;
            if (stop.load(std::memory_order_relaxed))
                return;
            const ResearchSession &s = data.sessions.at(r.session);
            const ResearchPatient *p = s.patient >= 0 ? &data.patients.at(s.patient) : nullptr;
            // The response's fixed fields once, then one row per answer.
            longHead.clear();
            Row head{longHead};
            head.text(r.id);
            head.text(p ? p->code : QByteArray());
            head.text(s.episodeId);
            head.integer(s.number);
            head.text(r.respondent);
            const auto found = r.instrument ? labels.constFind(r.instrument) : labels.constEnd();
            const QVector<LabelTable> *tables =
                found != labels.constEnd() ? &found.value() : nullptr;
            QByteArray &lo = longFile->buffer();
            for (int k = r.firstAnswer; k < r.firstAnswer + r.answerCount; ++k) {
                const ResearchAnswer &a = data.answers.at(k);
                lo += longHead;
                Row line{lo, nullptr, 5};
                line.text(itemIds.at(a.column));
                if (wide.at(a.column).kind == ColumnKind::FreeText) {
                    line.number(std::nan(""));
                    line.text({});
                    line.text(zero);
                    line.text(a.text.toUtf8());
                } else {
                    line.number(a.number);
                    QByteArray label;
                    const int index = int(a.number) + 1;
                    if (tables && a.number == std::floor(a.number) && index >= 0 &&
                        index < tables->at(a.column).size())
                        label = tables->at(a.column).at(index);
                    line.text(label);
                    line.text(int(a.number) == notApplicableValue ? one : zero);
                    if (options.freeText)
                        line.text({});
                }
                line.end();
            }
            if (!longFile->flushIfFull()) {
                longOk = false;
                stop = true;
                return;
            }
        }
    };
    std::thread longWriter(writeLong);
    struct JoinOnExit
    {
        std::thread &thread;
        std::atomic<bool> &stop;
        ~JoinOnExit()
        {
            stop = true; // a no-op once the writer has finished
            if (thread.joinable())
                thread.join();
        }
    } joinOnExit{longWriter, stop};

    for (int n = 0; n < data.responses.size(); ++n) {
        if (stop.load(std::memory_order_relaxed))
            break; // the long file failed: its error is reported below
        const ResearchResponse &r = data.responses.at(n);
        if (r.session < 0)
            continue;
        const ResearchSession &s = data.sessions.at(r.session);
        const ResearchPatient *p = s.patient >= 0 ? &data.patients.at(s.patient) : nullptr;
        QByteArray &prefix = sessionPrefix[r.session];
        if (prefix.isEmpty()) {
            Row row{prefix, &widths, 1}; // from patient_code; starts with its comma
            row.text(p ? p->code : QByteArray());
            if (options.identified) {
                row.text(p ? p->name.toUtf8() : QByteArray());
                row.text(p ? p->birthDate.toString(Qt::ISODate).toLatin1() : QByteArray());
            }
            row.integer(s.ageYears);
            row.text(s.episodeId);
            row.text(s.condition);
            row.text(s.episodeStart);
            row.text(s.id);
            row.integer(s.number);
            row.text(s.date);
            row.text(s.setting);
        }
        QByteArray &out = wideFile->buffer();
        Row row{out, &widths, 0};
        row.text(r.id);
        out += prefix;
        row.column = columns->fixedCount() - 9; // the response's own columns
        row.text(r.respondent);
        row.text(r.relationship);
        row.text(r.instrumentId);
        row.text(r.instrumentVersion);
        row.text(r.language);
        row.text(r.status);
        row.text(r.declineReason);
        row.text(r.supersedes);
        row.text(r.completedAt);
        for (int k = r.firstScore; k < r.firstScore + r.scoreCount; ++k)
            scoreCell[data.scores.at(k).column] = data.scores.at(k).value;
        for (int k = r.firstAnswer; k < r.firstAnswer + r.answerCount; ++k)
            cell[data.answers.at(k).column] = k;
        for (int c = columns->fixedCount(); c < columnCount; ++c) {
            const ColumnKind kind = wide.at(c).kind;
            if (kind == ColumnKind::Score) {
                row.number(scoreCell[c]);
                scoreCell[c] = std::nan("");
            } else if (cell[c] < 0) {
                row.number(std::nan(""));
            } else if (kind == ColumnKind::FreeText) {
                row.text(data.answers.at(cell[c]).text.toUtf8());
                cell[c] = -1;
            } else {
                row.number(data.answers.at(cell[c]).number);
                cell[c] = -1;
            }
        }
        row.end();

        if (!wideFile->flushIfFull()) {
            folder.close(*wideFile, error);
            return false;
        }
        if ((n + 1) % 1000 == 0 && options.progress &&
            !options.progress(data.responses.size() + n + 1, total)) {
            report->cancelled = true;
            *error = {InteropErrorKind::Invalid, tr("Export cancelled; no file was left behind.")};
            return false;
        }
    }
    longWriter.join(); // the long file is complete (or stopped after failing)
    if (!longOk) {
        folder.close(*longFile, error);
        return false;
    }
    if (!folder.close(*wideFile, error) || !folder.close(*longFile, error))
        return false;

    ScriptContext context;
    context.columns = columns.get();
    context.used = data.used;
    context.generatedAt = now.toString(Qt::ISODate);
    context.identified = options.identified;
    context.freeText = options.freeText;
    context.responses = data.responses.size();
    context.answers = data.answers.size();
    context.textWidths = widths;
    if (!folder.writeFile(QStringLiteral("codebook.csv"), codebookCsv(context), error) ||
        !folder.writeFile(QStringLiteral("codebook.md"), codebookMarkdown(context), error) ||
        !folder.writeFile(QStringLiteral("read_wide.R"), rScript(context), error) ||
        !folder.writeFile(QStringLiteral("labels.sps"), spssSyntax(context), error))
        return false;
    if (options.progress && !options.progress(total, total)) {
        report->cancelled = true;
        *error = {InteropErrorKind::Invalid, tr("Export cancelled; no file was left behind.")};
        return false;
    }
    if (!folder.commit(error))
        return false;
    report->folder = folder.finalPath();
    report->files = folder.files();
    report->responses = data.responses.size();
    report->answers = data.answers.size();
    return true;
}

} // namespace triad::interop::csv
