#include "instrumentlibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace triad {

QStringList InstrumentLibrary::defaultFolders()
{
    QStringList folders;
    const QString fromEnv = qEnvironmentVariable("TRIAD_QUESTIONNAIRES");
    if (!fromEnv.isEmpty())
        folders << fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty()) {
        folders << appDir + QStringLiteral("/questionnaires")
                << appDir + QStringLiteral("/../share/triad/questionnaires");
    }
#ifdef TRIAD_SOURCE_DIR
    folders << QStringLiteral(TRIAD_SOURCE_DIR "/questionnaires");
#endif
    return folders;
}

InstrumentLibrary InstrumentLibrary::loadDefault()
{
    for (const QString &folder : defaultFolders())
        if (QFileInfo(folder).isDir())
            return loadFrom(folder);
    InstrumentLibrary empty;
    empty.m_problems.append(
        {QString(), QString(),
         QCoreApplication::translate("InstrumentLibrary",
                                     "no questionnaires folder found (looked in %1)")
             .arg(defaultFolders().join(QStringLiteral(", ")))});
    return empty;
}

InstrumentLibrary InstrumentLibrary::loadFrom(const QString &folder)
{
    InstrumentLibrary lib;
    lib.m_folder = QDir(folder).absolutePath();
    auto loaded = InstrumentLoader::loadFolder(folder);
    lib.m_instruments = std::move(loaded.instruments);
    lib.m_problems = std::move(loaded.problems);
    return lib;
}

const Instrument *InstrumentLibrary::find(const QString &id) const
{
    for (const auto &i : m_instruments)
        if (i.id == id)
            return &i;
    return nullptr;
}

int InstrumentLibrary::ageOn(const QDate &birthDate, const QDate &sessionDate)
{
    if (!birthDate.isValid() || !sessionDate.isValid() || birthDate > sessionDate)
        return -1;
    int years = sessionDate.year() - birthDate.year();
    if (sessionDate.month() < birthDate.month() ||
        (sessionDate.month() == birthDate.month() && sessionDate.day() < birthDate.day()))
        --years;
    return years;
}

const Instrument *InstrumentLibrary::childFormFor(const QDate &birthDate,
                                                  const QDate &sessionDate) const
{
    const int age = ageOn(birthDate, sessionDate);
    if (age < 0)
        return nullptr;
    for (const auto &i : m_instruments)
        if (i.respondent == Respondent::Child && i.ageBand && i.ageBand->contains(age))
            return &i;
    return nullptr;
}

const Instrument *InstrumentLibrary::formFor(Respondent respondent) const
{
    for (const auto &i : m_instruments)
        if (i.respondent == respondent)
            return &i;
    return nullptr;
}

} // namespace triad
