#pragma once
// An R4 Questionnaire (a Triad export, or a licensed instrument a clinic built in a standard
// form builder) into Triad's questionnaire format (questionnaires/schema.json), scored from
// the answer options' ordinal values (the ordinalValue or itemWeight extension).
//
// Strict and complete: every construct Triad cannot honour (enableWhen, repeats, nested
// questions, answer value sets, display items, dates, modifier extensions, options without an
// ordinal value...) is listed with its JSON path, and then nothing is imported. The converted
// form is also checked by the questionnaire loader, so what is written loads in the app.

#include "core/crypto/vault.h"
#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/instrumentloader.h"
#include "core/store/database.h"

#include <QJsonObject>

namespace triad::interop::fhir {

struct QuestionnaireImport
{
    QJsonObject form; // triad-questionnaire/1, set only when problems is empty
    std::optional<Instrument> instrument;
    QVector<LoadProblem> problems; // path: where in the FHIR file ("item[2].answerOption[0]")
    QStringList notes;             // what changed on the way that the user should know

    bool ok() const { return problems.isEmpty() && instrument.has_value(); }
};

struct QuestionnaireImportOptions
{
    QString respondent; // "child", "parent", "physio": for forms without Triad's extension
    // "goal", "task", "bond" or "voice": the construct of questions that name none (in
    // Triad's extension or as an item.code); without it such questions are problems.
    QString construct;
};

// `fileName` names the file in problems.
QuestionnaireImport importQuestionnaire(const QByteArray &json, const QString &fileName,
                                        const QuestionnaireImportOptions &options = {});
QuestionnaireImport importQuestionnaire(const QJsonObject &questionnaire, const QString &fileName,
                                        const QuestionnaireImportOptions &options = {});

// Writes `result.form` as DIR/<id>.json through QSaveFile; never over an existing file.
// Returns the path, or empty with `*error` set.
QString writeImportedForm(const QuestionnaireImport &result, const QString &folder, QString *error);

// Why `form` cannot join `library`: the same id and version is there already, or another
// version of that id is (a new version goes through the archive, questionnaires/README.md).
// Empty when it can.
QString libraryClash(const InstrumentLibrary &library, const Instrument &form);

// Into a clinic (`triad-cli import-questionnaire --db`, the app's Export and import screen):
// the signed-in member (`vault`) must be an active lead or admin; writes the form as
// writeImportedForm does, then records it in the clinic's audit log: "import-questionnaire",
// "<id>@<version>" and the SHA-256 of the file written as the new value. If the log refuses,
// the file is removed again (no form a clinic loaded may be missing from its log). Returns the
// path, or empty with `*error` set and nothing written.
QString importFormIntoClinic(const QuestionnaireImport &result, const QString &folder,
                             store::Database &db, const crypto::Vault &vault, QString *error);

} // namespace triad::interop::fhir
