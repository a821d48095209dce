#pragma once
// The files that explain the wide and long CSV: the codebook (CSV and Markdown), an R script
// that reads the wide file with labelled factors, and SPSS syntax with VARIABLE LABELS and
// VALUE LABELS. All are generated from the same ResearchColumns.

#include "researchcolumns.h"

#include <QByteArray>
#include <QHash>

namespace triad::interop::csv {

struct ScriptContext
{
    const ResearchColumns *columns = nullptr;
    QVector<const Instrument *> used;
    QString generatedAt; // ISO 8601 UTC
    bool identified = false;
    bool freeText = false;
    qint64 responses = 0;
    qint64 answers = 0;
    QVector<int> textWidths; // widest value in bytes per wide column (SPSS string widths)
};

// Every language any used form declares, sorted.
QStringList codebookLanguages(const QVector<const Instrument *> &used);
// Whether a column's answers are points on a labelled scale (a factor in R).
bool isLabelledScale(const ResearchColumn &column);

QByteArray codebookCsv(const ScriptContext &context);
QByteArray codebookMarkdown(const ScriptContext &context);
QByteArray rScript(const ScriptContext &context);
QByteArray spssSyntax(const ScriptContext &context);

} // namespace triad::interop::csv
