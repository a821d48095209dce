#pragma once
// An R4 Questionnaire (a Triad export, or a licensed instrument a clinic built in a standard
// form builder) into Triad's questionnaire format (questionnaires/schema.json), scored from
// the answer options' ordinal values (the ordinalValue or itemWeight extension).
//
// Strict and complete: every construct Triad cannot honour (enableWhen, repeats, nested
// questions, answer value sets, display items, dates, modifier extensions, options without an
// ordinal value...) is listed with its JSON path, and then nothing is imported. The converted
// form is also checked by the questionnaire loader, so what is written loads in the app.

#include "core/instrument/instrumentloader.h"

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

} // namespace triad::interop::fhir
