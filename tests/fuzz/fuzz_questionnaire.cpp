// Fuzz target: a questionnaire file, through the loader every installed file goes through.
#include "core/instrument/instrumentloader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const triad::LoadResult result = triad::InstrumentLoader::loadJson(json, "fuzz.json");
    // A result is either an instrument or problems, never both, never neither.
    if (result.instrument.has_value() == !result.problems.isEmpty())
        __builtin_trap();
    return 0;
}
