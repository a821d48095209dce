// Fuzz target: an R4 Questionnaire through import-questionnaire's parser (FHIR -> Triad).
#include "core/interop/fhir/fhirquestionnaire.h"
#include "core/interop/fhir/questionnaireimport.h"

#include <cstddef>
#include <cstdint>
#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace triad::interop::fhir;
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    QuestionnaireImportOptions options;
    options.respondent = QStringLiteral("parent");
    options.construct = QStringLiteral("bond");
    const QuestionnaireImport result =
        importQuestionnaire(json, QStringLiteral("fuzz.json"), options);
    // Either a form or problems, never both, never neither.
    if (result.ok() == !result.problems.isEmpty() || result.ok() != !result.form.isEmpty())
        __builtin_trap();
    if (result.ok()) {
        // What was imported exports and imports again unchanged in size.
        const QuestionnaireImport again =
            importQuestionnaire(QJsonDocument(questionnaireResource(*result.instrument)).toJson(),
                                QStringLiteral("again.json"), options);
        if (!again.ok() || again.instrument->items.size() != result.instrument->items.size())
            __builtin_trap();
    }
    return 0;
}
