#include "instrumentlibrary.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

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

QString InstrumentLibrary::clinicFolder()
{
    const QString fromEnv = qEnvironmentVariable("TRIAD_CLINIC_FORMS");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return data.isEmpty() ? QString()
                          : QDir(data).filePath(QStringLiteral("clinic-questionnaires"));
}

InstrumentLibrary InstrumentLibrary::loadDefault()
{
    for (const QString &folder : defaultFolders())
        if (QFileInfo(folder).isDir()) {
            InstrumentLibrary lib = loadFrom(folder);
            lib.addClinicForms(clinicFolder());
            return lib;
        }
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
    // Each archived version has a folder of its own, named after the version it holds.
    const QDir archive(QDir(folder).filePath(QStringLiteral("archive")));
    if (archive.exists()) {
        QStringList versions = archive.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        std::sort(versions.begin(), versions.end());
        for (const QString &version : versions) {
            auto old = InstrumentLoader::loadFolder(archive.filePath(version));
            lib.m_problems += old.problems;
            for (Instrument &instrument : old.instruments) {
                if (instrument.version != version) {
                    lib.m_problems.append(
                        {instrument.sourceFile, QStringLiteral("version"),
                         QCoreApplication::translate("InstrumentLibrary",
                                                     "is \"%1\", but the file is in the archive "
                                                     "folder of version %2; it is not loaded")
                             .arg(instrument.version, version)});
                    continue;
                }
                if (lib.find(instrument.id, instrument.version)) {
                    lib.m_problems.append(
                        {instrument.sourceFile, QStringLiteral("version"),
                         QCoreApplication::translate("InstrumentLibrary",
                                                     "%1 %2 is already loaded; this archived copy "
                                                     "is not")
                             .arg(instrument.id, instrument.version)});
                    continue;
                }
                lib.m_archived.append(std::move(instrument));
            }
        }
    }
    return lib;
}

void InstrumentLibrary::addClinicForms(const QString &folder)
{
    if (folder.isEmpty() || !QFileInfo(folder).isDir() ||
        QDir(folder).absolutePath() == QDir(m_folder).absolutePath())
        return;
    InstrumentLibrary clinic = loadFrom(folder);
    m_clinicFolder = clinic.m_folder;
    m_problems += clinic.m_problems;
    // One id is one form: a clinic copy beside an installed form of the same id would leave
    // two "current" versions, and scoring must never guess between them.
    QHash<QString, QString> installed; // id -> the installed version named in the problem
    for (const auto *list : {&m_archived, &m_instruments})
        for (const Instrument &i : *list)
            installed.insert(i.id, i.version);
    const auto add = [&](QVector<Instrument> &from, QVector<Instrument> &into) {
        for (Instrument &instrument : from) {
            if (installed.contains(instrument.id)) {
                m_problems.append(
                    {instrument.sourceFile, QStringLiteral("id"),
                     QCoreApplication::translate("InstrumentLibrary",
                                                 "%1 is already a form of this tablet (version "
                                                 "%2 in %3); the clinic's copy is not loaded")
                         .arg(instrument.id, installed.value(instrument.id),
                              QDir::toNativeSeparators(m_folder))});
                continue;
            }
            into.append(std::move(instrument));
        }
    };
    add(clinic.m_instruments, m_instruments);
    add(clinic.m_archived, m_archived);
}

const Instrument *InstrumentLibrary::find(const QString &id, const QString &version) const
{
    for (const auto *list : {&m_instruments, &m_archived})
        for (const auto &i : *list)
            if (i.id == id && i.version == version)
                return &i;
    return nullptr;
}

QString InstrumentLibrary::majorVersion(const QString &version)
{
    return version.section(QLatin1Char('.'), 0, 0);
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
