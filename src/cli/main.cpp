// triad-cli: validate and score questionnaires, and administer a clinic's database.
#include "commands.h"

#include "core/buildinfo.h"

#include <algorithm>
#include <memory>
#include <QCoreApplication>
#include <QGuiApplication>

using namespace triad::cli;

namespace {
QVector<Command> &registry()
{
    static QVector<Command> all;
    return all;
}

void printUsage(QTextStream &s)
{
    s << "Usage: triad-cli COMMAND [ARGS...]\n\nCommands:\n";
    auto sorted = registry();
    std::sort(sorted.begin(), sorted.end(),
              [](const Command &a, const Command &b) { return a.name < b.name; });
    for (const auto &c : sorted)
        s << "  " << (c.name + QLatin1Char(' ') + c.usage).leftJustified(44) << ' ' << c.help
          << '\n';
    s << "\nOptions for every command: --json (machine-readable output where supported).\n";
    s << "triad-cli --version prints the version.\n";
}
} // namespace

namespace triad::cli {

CommandRegistration::CommandRegistration(Command command)
{
    registry().append(std::move(command));
}

const QVector<Command> &commands()
{
    return registry();
}

QString takeOption(QStringList &args, const QString &flag, const QString &fallback)
{
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == flag && i + 1 < args.size()) {
            const QString value = args[i + 1];
            args.remove(i, 2);
            return value;
        }
        if (args[i].startsWith(flag + QLatin1Char('='))) {
            const QString value = args[i].mid(flag.size() + 1);
            args.removeAt(i);
            return value;
        }
    }
    return fallback;
}

bool takeFlag(QStringList &args, const QString &flag)
{
    return args.removeAll(flag) > 0;
}

} // namespace triad::cli

int main(int argc, char *argv[])
{
    // "export pdf" draws with QPainter, which needs a GUI application: on the offscreen
    // platform, so no display is needed. Every other command stays a plain core application.
    const bool drawing =
        argc > 2 && qstrcmp(argv[1], "export") == 0 && qstrcmp(argv[2], "pdf") == 0;
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application(drawing ? new QGuiApplication(argc, argv)
                                                                : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Triad"));
    QCoreApplication::setApplicationName(QStringLiteral("Triad"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Io io{out, err};

    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") ||
        args.first() == QLatin1String("help")) {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        out << triad::buildInfo() << '\n';
        return 0;
    }

    // Longest match first, so "staff add" wins over a hypothetical "staff".
    const Command *best = nullptr;
    int bestWords = 0;
    for (const auto &c : registry()) {
        const QStringList words = c.name.split(QLatin1Char(' '));
        if (words.size() <= args.size() && args.mid(0, words.size()) == words &&
            words.size() > bestWords) {
            best = &c;
            bestWords = int(words.size());
        }
    }
    if (!best) {
        err << "triad-cli: unknown command \"" << args.first() << "\"\n\n";
        printUsage(err);
        return 2;
    }
    return best->run(args.mid(bestWords), io);
}
