#include "benchsuite.h"

#include <QFile>
#include <QTextStream>

namespace triad::bench {

void printSample(const char *figure, double value)
{
    QTextStream out(stdout);
    out << "SAMPLE " << figure << ' ' << QString::number(value, 'f', 3) << Qt::endl;
}

double procMiB(const char *file, const char *field)
{
    QFile f(QString::fromLatin1(file));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

} // namespace triad::bench
