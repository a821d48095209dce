// Fuzz target: an answers file as `triad-cli score` reads it (strict JSON, then the answers
// checked against a real questionnaire, then scored).
#include "core/instrument/answers.h"
#include "core/instrument/instrumentloader.h"
#include "core/instrument/scoring.h"
#include "core/instrument/strictjson.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const triad::Instrument instrument = [] {
        auto loaded = triad::InstrumentLoader::loadFile(TRIAD_QUESTIONNAIRES "/triad-physio.json");
        if (!loaded.instrument)
            std::abort();
        return *loaded.instrument;
    }();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return 0;
    if (triad::findJsonDefect(bytes))
        return 0;
    QStringList problems;
    const auto answers = triad::Answers::fromJson(doc.object(), instrument, &problems);
    if (answers.has_value() == !problems.isEmpty())
        __builtin_trap();
    if (answers)
        (void)triad::score(instrument, *answers).toJson();
    return 0;
}
