#include "researchscripts.h"

#include "csvtext.h"

#include <QCoreApplication>
#include <QSet>

namespace triad::interop::csv {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("triad::interop::csv::ResearchScripts", text);
}

QString kindName(ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Text:
        return QStringLiteral("text");
    case ColumnKind::Integer:
        return QStringLiteral("integer");
    case ColumnKind::Date:
        return QStringLiteral("date");
    case ColumnKind::Category:
        return QStringLiteral("category");
    case ColumnKind::Score:
        return QStringLiteral("score");
    case ColumnKind::Item:
        return QStringLiteral("item");
    case ColumnKind::FreeText:
        return QStringLiteral("free-text");
    }
    return {};
}

QString valueList(const QVector<ValueLabel> &values)
{
    QStringList parts;
    for (const ValueLabel &v : values)
        parts << v.value + QLatin1Char('=') + v.label;
    return parts.join(QStringLiteral("; "));
}

bool isNumeric(ColumnKind kind)
{
    return kind == ColumnKind::Integer || kind == ColumnKind::Score || kind == ColumnKind::Item;
}

// An R string literal: ASCII only (other characters as \u escapes), so the script reads the
// same in any locale.
QString rString(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\') + c;
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c.unicode() < 32)
            out += QLatin1Char(' ');
        else if (c.unicode() < 128)
            out += c;
        else
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return out + QLatin1Char('"');
}

// An SPSS string: single quotes doubled, one line, at most 250 bytes.
QString spssString(const QString &s)
{
    QString t = s.simplified();
    t.replace(QLatin1Char('\''), QStringLiteral("''"));
    while (t.toUtf8().size() > 250)
        t.chop(1);
    if (t.endsWith(QLatin1Char('\'')) && !t.endsWith(QStringLiteral("''")))
        t.chop(1);
    return QLatin1Char('\'') + t + QLatin1Char('\'');
}

QString mdCell(QString s)
{
    s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}

const ResponseFormat *formatOf(const ItemSource &source)
{
    return source.instrument->format(source.item->formatId);
}

} // namespace

QStringList codebookLanguages(const QVector<const Instrument *> &used)
{
    QSet<QString> set;
    for (const Instrument *i : used)
        for (const QString &l : i->languages)
            set.insert(l);
    QStringList list(set.begin(), set.end());
    list.sort();
    return list;
}

bool isLabelledScale(const ResearchColumn &column)
{
    if (column.kind != ColumnKind::Item || column.sources.isEmpty())
        return false;
    const ResponseFormat *format = formatOf(column.sources.first());
    return format && !format->choices.isEmpty() && format->kind != FormatKind::Slider;
}

QByteArray codebookCsv(const ScriptContext &context)
{
    const QStringList languages = codebookLanguages(context.used);
    QByteArray out;
    QStringList header{QStringLiteral("file"),          QStringLiteral("variable"),
                       QStringLiteral("label"),         QStringLiteral("type"),
                       QStringLiteral("value_labels"),  QStringLiteral("rule"),
                       QStringLiteral("instrument_id"), QStringLiteral("instrument_version"),
                       QStringLiteral("item_id"),       QStringLiteral("format"),
                       QStringLiteral("subscale"),      QStringLiteral("construct"),
                       QStringLiteral("facet"),         QStringLiteral("core"),
                       QStringLiteral("reverse")};
    for (const QString &l : languages)
        header << QStringLiteral("text_") + ResearchColumns::variableName(l);
    const auto line = [&](const QStringList &fields) {
        for (int i = 0; i < fields.size(); ++i) {
            if (i)
                out += ',';
            appendField(out, fields.at(i));
        }
        out += "\r\n";
    };
    line(header);
    const auto columnRow = [&](const QString &file, const ResearchColumn &c) {
        if (c.sources.isEmpty()) {
            QStringList row{file,   c.name, c.label, kindName(c.kind), valueList(c.values),
                            c.rule, {},     {},      c.itemId};
            while (row.size() < header.size())
                row << QString();
            line(row);
            return;
        }
        for (const ItemSource &s : c.sources) {
            const ResponseFormat *format = formatOf(s);
            QStringList row{file,
                            c.name,
                            s.item->text.in(QStringLiteral("en")),
                            kindName(c.kind),
                            valueList(c.values),
                            c.rule,
                            s.instrument->id,
                            s.instrument->version,
                            s.item->id,
                            format ? formatKindId(format->kind) : QString(),
                            s.item->subscaleId,
                            constructId(s.item->construct),
                            s.item->facet,
                            s.item->core ? QStringLiteral("1") : QStringLiteral("0"),
                            s.item->reverse ? QStringLiteral("1") : QStringLiteral("0")};
            for (const QString &l : languages)
                row << (s.item->text.has(l) ? s.item->text.in(l) : QString());
            line(row);
        }
    };
    for (const ResearchColumn &c : context.columns->wide())
        columnRow(QStringLiteral("responses_wide.csv"), c);
    for (const ResearchColumn &c : ResearchColumns::longColumns(context.freeText))
        columnRow(QStringLiteral("answers_long.csv"), c);
    return out;
}

QByteArray codebookMarkdown(const ScriptContext &context)
{
    const QStringList languages = codebookLanguages(context.used);
    QString md;
    md += tr("# Triad research export: codebook\n\n");
    md += tr("Generated %1 (UTC). %2 responses, %3 answers.\n\n")
              .arg(context.generatedAt)
              .arg(context.responses)
              .arg(context.answers);
    md += context.identified
              ? tr("**Identified export**: holds patient names and birth dates. Keep it as you "
                   "would the clinical record.\n\n")
              : tr("**Pseudonymised export**: patients appear by their pseudonym code and age in "
                   "years at each session; no names, no birth dates.\n\n");
    md += context.freeText ? tr("Free-text answers are included, in the respondents' words; "
                                "they may name people.\n\n")
                           : tr("Free-text answers are left out.\n\n");
    md += tr("## Files\n\n"
             "- `responses_wide.csv`: one row per response (complete or declined; a response "
             "corrected later is replaced by its correction), with every score and every "
             "answer.\n"
             "- `answers_long.csv`: one row per answer.\n"
             "- `codebook.csv`: this codebook as a table (one row per column, and per form "
             "version for item columns, with the item text in every language).\n"
             "- `read_wide.R`: `Rscript read_wide.R FOLDER` or `source()` it; builds `wide` "
             "with labelled factors.\n"
             "- `labels.sps`: SPSS (or PSPP) syntax reading the wide file with variable and "
             "value labels.\n\n"
             "CSV files are UTF-8, comma-separated, with a header row; an empty field is a "
             "missing value.\n\n");
    md += tr("## Columns of responses_wide.csv\n\n| Variable | Label | Type | Values or rule "
             "|\n|---|---|---|---|\n");
    for (const ResearchColumn &c : context.columns->wide())
        md += QStringLiteral("| `%1` | %2 | %3 | %4 |\n")
                  .arg(c.name, mdCell(c.label), kindName(c.kind),
                       mdCell(c.values.isEmpty()
                                  ? c.rule
                                  : valueList(c.values) +
                                        (c.rule.isEmpty()
                                             ? QString()
                                             : QStringLiteral(" (") + c.rule + QLatin1Char(')'))));
    md += tr("\n## Columns of answers_long.csv\n\n| Variable | Label | Type |\n|---|---|---|\n");
    for (const ResearchColumn &c : ResearchColumns::longColumns(context.freeText))
        md += QStringLiteral("| `%1` | %2 | %3 |\n").arg(c.name, mdCell(c.label), kindName(c.kind));
    md += tr("\n## Forms\n\n");
    for (const Instrument *i : context.used) {
        md += QStringLiteral("### %1 %2: %3\n\n")
                  .arg(i->id, i->version, i->title.in(QStringLiteral("en")));
        md += tr("Respondent: %1. Languages: %2. Scoring: %3 of the item values; at most %4 "
                 "answers missing for the total (prorated). Licence: %5.\n\n")
                  .arg(respondentId(i->respondent), i->languages.join(QStringLiteral(", ")),
                       i->scoring.method == ScoreMethod::Sum ? tr("sum") : tr("mean"))
                  .arg(i->scoring.totalMaxMissing)
                  .arg(i->licence.holder);
        for (const Subscale &s : i->subscales)
            md += tr("- Subscale `%1` (%2): at most %3 missing%4.\n")
                      .arg(s.id, s.title.in(QStringLiteral("en")))
                      .arg(s.maxMissing)
                      .arg(s.countsInTotal ? QString() : tr("; not counted in the total"));
        md += QStringLiteral("\n| Item | Variable |");
        for (const QString &l : languages)
            md += QStringLiteral(" Text (%1) |").arg(l);
        md += tr(" Values | Scoring |\n|---|---|");
        for (int k = 0; k < languages.size() + 2; ++k)
            md += QStringLiteral("---|");
        md += QLatin1Char('\n');
        for (const Item &item : i->items) {
            QString variable;
            QString values;
            QString rule;
            for (const ResearchColumn &c : context.columns->wide())
                for (const ItemSource &s : c.sources)
                    if (s.item == &item) {
                        variable = c.name;
                        values = valueList(c.values);
                        rule = c.rule;
                    }
            md += QStringLiteral("| `%1` | %2 |")
                      .arg(item.id, variable.isEmpty() ? tr("(left out)")
                                                       : QStringLiteral("`%1`").arg(variable));
            for (const QString &l : languages)
                md += QLatin1Char(' ') + mdCell(item.text.has(l) ? item.text.in(l) : QString()) +
                      QStringLiteral(" |");
            md += QStringLiteral(" %1 | %2 |\n").arg(mdCell(values), mdCell(rule));
        }
        md += QLatin1Char('\n');
    }
    md += tr("## Scoring rules\n\n"
             "- An item's value is reversed as (lowest + highest - value) when the item is "
             "reverse-keyed.\n"
             "- Scores are on a 0-100 scale: the mean over the answered items of (value - "
             "lowest) / (highest - lowest) x 100.\n"
             "- Missing answers up to the form's allowance are prorated; more missing: the score "
             "is empty (not scorable).\n"
             "- A 'not yet / doesn't apply' answer (stored as -1) counts as missing.\n"
             "- The total and goal/task/bond leave out subscales about another relationship "
             "(the parent's or physio's own alliance with each other).\n"
             "- The core (and core_goal, core_task, core_bond) is the mean over the shared "
             "questions every respondent answers: compare child, parent and physio on it.\n");
    return md.toUtf8();
}

QByteArray rScript(const ScriptContext &context)
{
    const auto &wide = context.columns->wide();
    QString r;
    r += QStringLiteral(
             "# Reads responses_wide.csv of a Triad research export with labelled factors.\n"
             "# Generated %1 (UTC). Usage: Rscript read_wide.R FOLDER, or in R:\n"
             "#   triad_folder <- \"FOLDER\"; source(\"FOLDER/read_wide.R\")\n"
             "# Result: the data frame `wide`; answer scales as ordered factors in <item>_f "
             "columns,\n"
             "# 'not yet / doesn't apply' (-1) as NA in the numeric item columns, labels in\n"
             "# attr(, \"label\").\n\n"
             "if (!exists(\"triad_folder\")) {\n"
             "  triad_args <- commandArgs(trailingOnly = TRUE)\n"
             "  triad_folder <- if (length(triad_args) > 0) triad_args[1] else \".\"\n"
             "}\n\n"
             "triad_columns <- c(\n")
             .arg(context.generatedAt);
    for (int i = 0; i < wide.size(); ++i) {
        const ResearchColumn &c = wide.at(i);
        const QString type = c.kind == ColumnKind::Integer ? QStringLiteral("integer")
                             : isNumeric(c.kind)           ? QStringLiteral("numeric")
                                                           : QStringLiteral("character");
        r += QStringLiteral("  %1 = \"%2\"%3\n")
                 .arg(c.name, type, i + 1 < wide.size() ? QStringLiteral(",") : QString());
    }
    r += QStringLiteral(
        ")\n\n"
        "wide <- utils::read.csv(file.path(triad_folder, \"responses_wide.csv\"),\n"
        "                        colClasses = triad_columns, na.strings = \"\",\n"
        "                        fileEncoding = \"UTF-8\", check.names = FALSE)\n"
        "if (!identical(names(wide), names(triad_columns)))\n"
        "  stop(\"responses_wide.csv does not have the columns this script was written for\")\n\n");
    for (const ResearchColumn &c : wide) {
        if (c.kind == ColumnKind::Category) {
            QStringList levels;
            QStringList labels;
            for (const ValueLabel &v : c.values) {
                levels << rString(v.value);
                labels << rString(v.label);
            }
            r += QStringLiteral("wide$%1 <- factor(wide$%1, levels = c(%2),\n    labels = c(%3))\n")
                     .arg(c.name, levels.join(QStringLiteral(", ")),
                          labels.join(QStringLiteral(", ")));
        } else if (c.kind == ColumnKind::Date) {
            r += QStringLiteral("wide$%1 <- as.Date(wide$%1)\n").arg(c.name);
        } else if (isLabelledScale(c)) {
            QStringList levels;
            QStringList labels;
            for (const ValueLabel &v : c.values) {
                levels << v.value;
                labels << rString(v.label);
            }
            r += QStringLiteral("wide$%1_f <- factor(wide$%1, levels = c(%2),\n    labels = "
                                "c(%3), ordered = TRUE)\n")
                     .arg(c.name, levels.join(QStringLiteral(", ")),
                          labels.join(QStringLiteral(", ")));
        }
        if (c.kind == ColumnKind::Item)
            r += QStringLiteral("wide$%1[which(wide$%1 == -1)] <- NA\n").arg(c.name);
        r += QStringLiteral("attr(wide$%1, \"label\") <- %2\n").arg(c.name, rString(c.label));
    }
    r += QStringLiteral("\ninvisible(wide)\n");
    return r.toUtf8();
}

QByteArray spssSyntax(const ScriptContext &context)
{
    const auto &wide = context.columns->wide();
    QString s;
    s += QStringLiteral("* Triad research export: reads responses_wide.csv with variable and value "
                        "labels.\n* Generated %1 (UTC). Run it from the export's folder (or put "
                        "the full path in /FILE).\n\n"
                        "GET DATA\n  /TYPE=TXT\n  /FILE='responses_wide.csv'\n"
                        "  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n"
                        "  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n"
                        "  /VARIABLES=\n")
             .arg(context.generatedAt);
    for (int i = 0; i < wide.size(); ++i) {
        const ResearchColumn &c = wide.at(i);
        QString format;
        if (c.kind == ColumnKind::Integer)
            format = QStringLiteral("F8.0");
        else if (c.kind == ColumnKind::Score)
            format = QStringLiteral("F12.6");
        else if (c.kind == ColumnKind::Item)
            format = QStringLiteral("F8.2");
        else
            format = QStringLiteral("A%1").arg(
                qBound(1, i < context.textWidths.size() ? context.textWidths.at(i) : 255, 32767));
        s += QStringLiteral("    %1 %2\n").arg(c.name, format);
    }
    s += QStringLiteral(".\n\nVARIABLE LABELS\n");
    for (int i = 0; i < wide.size(); ++i)
        s += QStringLiteral("  %1%2 %3\n")
                 .arg(i ? QStringLiteral("/") : QString(), wide.at(i).name,
                      spssString(wide.at(i).label));
    s += QStringLiteral(".\n\nVALUE LABELS\n");
    bool first = true;
    QStringList missing;
    for (int i = 0; i < wide.size(); ++i) {
        const ResearchColumn &c = wide.at(i);
        if (c.values.isEmpty())
            continue;
        s += QStringLiteral("  %1%2").arg(first ? QString() : QStringLiteral("/"), c.name);
        first = false;
        const int width = i < context.textWidths.size() ? context.textWidths.at(i) : 255;
        for (const ValueLabel &v : c.values) {
            // A string variable's value may not be longer than the variable.
            if (c.kind == ColumnKind::Category && v.value.toUtf8().size() > width)
                continue;
            s += QStringLiteral("\n    %1 %2")
                     .arg(c.kind == ColumnKind::Category ? spssString(v.value) : v.value,
                          spssString(v.label));
        }
        s += QLatin1Char('\n');
        if (c.kind == ColumnKind::Item)
            for (const ValueLabel &v : c.values)
                if (v.value == QString::number(notApplicableValue))
                    missing << c.name;
    }
    s += QStringLiteral(".\n");
    if (first) // no labelled variable at all: VALUE LABELS needs one
        s.chop(QStringLiteral("VALUE LABELS\n.\n").size());
    for (const QString &m : missing)
        s += QStringLiteral("MISSING VALUES %1 (%2).\n").arg(m).arg(notApplicableValue);
    s += QStringLiteral("EXECUTE.\n");
    return s.toUtf8();
}

} // namespace triad::interop::csv
