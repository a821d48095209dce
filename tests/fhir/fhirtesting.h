#pragma once
// Shared by the FHIR tests: the validators of tests/fhir/validate.js run with Node.js, the
// triad-cli runner, and bundle readers.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace triad::fhirtesting {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// node tests/fhir/validate.js FILES with the validators the fixture fhir_validator_setup
// installed. A missing validator fails the test loudly (exit 2 of validate.js).
inline Run validate(const QStringList &files)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"),
               QStringLiteral(TRIAD_FHIR_VALIDATOR_DIR "/node_modules"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("node"), QStringList{QStringLiteral(TRIAD_FHIR_VALIDATE_JS)} + files);
    if (!p.waitForStarted(10000))
        return {-1, {}, QStringLiteral("FHIR VALIDATOR NOT RUN: node could not be started")};
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline Run cli(const QStringList &args, const QString &passphrase, const QString &xdg = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TRIAD_PASSPHRASE"), passphrase);
    if (!xdg.isEmpty())
        env.insert(QStringLiteral("XDG_DATA_HOME"), xdg);
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(TRIAD_CLI), args);
    if (!p.waitForFinished(300000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline QVector<QJsonObject> resourcesOf(const QJsonObject &bundle, const QString &type)
{
    QVector<QJsonObject> out;
    for (const QJsonValue &e : bundle.value(QStringLiteral("entry")).toArray()) {
        const QJsonObject r = e.toObject().value(QStringLiteral("resource")).toObject();
        if (r.value(QStringLiteral("resourceType")).toString() == type)
            out.append(r);
    }
    return out;
}

} // namespace triad::fhirtesting
