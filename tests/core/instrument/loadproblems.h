#pragma once
// What the loader tests share: where the fixtures are, and how to show problems in a failure.
#include "core/instrument/instrumentloader.h"

#include <algorithm>
#include <QFile>

namespace triad::test {

inline QString validDir()
{
    return QStringLiteral(TRIAD_TEST_DATA "/instruments/valid");
}
inline QString invalidDir()
{
    return QStringLiteral(TRIAD_TEST_DATA "/instruments/invalid");
}

// Every problem on its own line, for failure messages.
inline QString listed(const QVector<LoadProblem> &problems)
{
    QStringList lines;
    for (const auto &p : problems)
        lines.append(p.toString());
    return lines.join(QLatin1Char('\n'));
}

inline bool hasProblem(const QVector<LoadProblem> &problems, const QString &path,
                       const QString &part)
{
    return std::any_of(problems.cbegin(), problems.cend(), [&](const LoadProblem &p) {
        return p.path == path && p.message.contains(part);
    });
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test fixture %s", qPrintable(path));
    return file.readAll();
}

} // namespace triad::test
