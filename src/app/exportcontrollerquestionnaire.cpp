// ExportController: an R4 Questionnaire (a licensed instrument a clinic built in a standard form
// builder, or another Triad's export) into this clinic's questionnaires, as
// `triad-cli import-questionnaire --db` does: the same core conversion (every unsupported
// construct listed by JSON path, nothing written on any problem), the same core write and audit
// (interop::fhir::importFormIntoClinic). In two steps: checkQuestionnaire() converts and shows
// what would be added, importQuestionnaire() adds it once the lead confirmed, into the folder
// the instrument catalog loads, and reloads the catalog so the form is offered at once.
#include "clinicsession.h"
#include "exportcontroller.h"
#include "instrumentcatalog.h"

#include "core/instrument/regularfile.h"
#include "core/interop/fhir/questionnaireimport.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace triad::app {
namespace {

QString respondentName(Respondent respondent)
{
    switch (respondent) {
    case Respondent::Child:
        return ExportController::tr("the child");
    case Respondent::Parent:
        return ExportController::tr("a parent");
    case Respondent::Physio:
        return ExportController::tr("the physiotherapist");
    }
    return {};
}

QStringList problemLines(const QVector<LoadProblem> &problems)
{
    QStringList lines;
    for (const LoadProblem &p : problems)
        lines << (p.path.isEmpty() ? p.message : QStringLiteral("%1: %2").arg(p.path, p.message));
    return lines;
}

} // namespace

void ExportController::clearPending()
{
    m_pending.reset();
    m_pendingSummary.clear();
}

void ExportController::discardQuestionnaire()
{
    if (!m_pending)
        return;
    const QString file = m_pendingSummary.value(QStringLiteral("file")).toString();
    clearPending();
    finish(true, tr("Nothing was added: %1 was left as it is.").arg(file));
}

QString ExportController::checkQuestionnaire(const QString &file, const QString &respondent,
                                             const QString &construct)
{
    if (const auto refused = refusal(tr("Only a clinic lead or admin may import a questionnaire.")))
        return *refused;
    clearPending();
    m_operation = QStringLiteral("questionnaire");
    const QString path = localFolder(file);
    if (path.isEmpty())
        return finish(false, tr("Choose the questionnaire file to import."));
    const QString shown = QDir::toNativeSeparators(path);
    const RegularFileRead read = readRegularFile(path, InstrumentLoader::maxFileSize);
    if (!read.ok())
        return finish(false, QStringLiteral("%1: %2").arg(shown, read.problem));
    interop::fhir::QuestionnaireImportOptions options;
    options.respondent = respondent;
    options.construct = construct;
    auto result = std::make_unique<interop::fhir::QuestionnaireImport>(
        interop::fhir::importQuestionnaire(read.bytes, QFileInfo(path).fileName(), options));
    if (!result->ok()) {
        const QStringList problems = problemLines(result->problems);
        const QString outcome = problems.size() == 1
                                    ? tr("1 problem in %1; nothing was imported.").arg(shown)
                                    : tr("%1 problems in %2; nothing was imported.")
                                          .arg(QString::number(problems.size()), shown);
        return finish(false, outcome, {}, problems);
    }
    const Instrument &form = *result->instrument;
    InstrumentCatalog *catalog = InstrumentCatalog::instance();
    if (InstrumentLibrary::clinicFolder().isEmpty())
        return finish(false, tr("This tablet has no folder for the clinic's own questionnaires."));
    if (const QString clash = interop::fhir::libraryClash(catalog->library(), form);
        !clash.isEmpty())
        return finish(false, QStringLiteral("%1: %2").arg(shown, clash));
    QStringList languages;
    for (const QString &code : form.languages)
        languages << QLocale::languageToString(QLocale(code).language()) + QStringLiteral(" (") +
                         code + QLatin1Char(')');
    m_pendingSummary = {
        {QStringLiteral("title"), form.title.in(QStringLiteral("en"), form.languages.value(0))},
        {QStringLiteral("id"), form.id},
        {QStringLiteral("version"), form.version},
        {QStringLiteral("items"), int(form.items.size())},
        {QStringLiteral("languages"), languages.join(QStringLiteral(", "))},
        {QStringLiteral("respondent"), respondentName(form.respondent)},
        {QStringLiteral("notes"), result->notes},
        {QStringLiteral("file"), shown},
    };
    m_pending = std::move(result);
    return finish(true, tr("%1 is ready to add: check what it holds and confirm.").arg(shown));
}

QString ExportController::importQuestionnaire()
{
    if (const auto refused = refusal(tr("Only a clinic lead or admin may import a questionnaire.")))
        return *refused;
    m_operation = QStringLiteral("questionnaire");
    if (!m_pending)
        return finish(false, tr("Check a questionnaire file first."));
    const std::unique_ptr<interop::fhir::QuestionnaireImport> pending = std::move(m_pending);
    const QVariantMap summary = m_pendingSummary;
    clearPending();
    InstrumentCatalog *catalog = InstrumentCatalog::instance();
    // The clinic's own forms folder, not the installed one (read-only on a kiosk tablet).
    const QString folder = InstrumentLibrary::clinicFolder();
    // Looked at again: either folder may have changed since the check.
    InstrumentLibrary library = InstrumentLibrary::loadDefault();
    if (const QString clash = interop::fhir::libraryClash(library, *pending->instrument);
        !clash.isEmpty())
        return finish(false, clash);
    if (!QDir().mkpath(folder))
        return finish(false, tr("Cannot create the folder for the clinic's own questionnaires, "
                                "%1; nothing was imported.")
                                 .arg(QDir::toNativeSeparators(folder)));
    ClinicSession *session = ClinicSession::instance();
    QString error;
    const QString written = interop::fhir::importFormIntoClinic(
        *pending, folder, session->database(), session->vault(), &error);
    if (written.isEmpty())
        return finish(false, error);
    library = InstrumentLibrary::loadDefault();
    const bool offered =
        library.find(pending->instrument->id, pending->instrument->version) != nullptr;
    catalog->setLibrary(std::move(library));
    if (!offered)
        return finish(false, tr("%1 was written but does not load: %2")
                                 .arg(QDir::toNativeSeparators(written), catalog->problemText()));
    return finish(true,
                  tr("Added %1 (version %2, %3 questions) to this clinic's questionnaires as "
                     "%4. It is offered from now on; the audit log records the import.")
                      .arg(summary.value(QStringLiteral("title")).toString(),
                           summary.value(QStringLiteral("version")).toString(),
                           QString::number(summary.value(QStringLiteral("items")).toInt()),
                           QDir::toNativeSeparators(written)),
                  written);
}

} // namespace triad::app
