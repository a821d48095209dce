// Robustness of the questionnaire loader: valid files mutated many times, deterministically
// (every key deleted, every value replaced by each JSON type, every truncation, seeded byte
// flips). The loader must never crash, and must either load an instrument the rest of the app
// can trust or report at least one problem.
#include "core/instrument/instrumentloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <random>

using namespace triad;

namespace {

struct Step
{
    QString key; // used when index < 0
    int index = -1;
};
using Location = QVector<Step>;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test fixture %s", qPrintable(path));
    return file.readAll();
}

void collect(const QJsonValue &value, Location here, QVector<Location> &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            Location next = here;
            next.append({it.key(), -1});
            out.append(next);
            collect(it.value(), next, out);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i) {
            Location next = here;
            next.append({QString(), i});
            out.append(next);
            collect(array.at(i), next, out);
        }
    }
}

// The value with the element at `location` replaced (or removed when `replacement` is
// undefined).
QJsonValue changed(const QJsonValue &value, const Location &location, int depth,
                   const QJsonValue &replacement)
{
    const Step &step = location[depth];
    const bool last = depth == location.size() - 1;
    if (step.index < 0) {
        QJsonObject object = value.toObject();
        if (last && replacement.isUndefined())
            object.remove(step.key);
        else
            object[step.key] =
                last ? replacement : changed(object[step.key], location, depth + 1, replacement);
        return object;
    }
    QJsonArray array = value.toArray();
    if (last && replacement.isUndefined())
        array.removeAt(step.index);
    else
        array[step.index] =
            last ? replacement : changed(array[step.index], location, depth + 1, replacement);
    return array;
}

// What the app relies on once a file has loaded.
QString brokenPromise(const Instrument &form)
{
    if (form.id.isEmpty() || form.items.isEmpty() || form.languages.isEmpty())
        return QStringLiteral("empty id, items or languages");
    for (const auto &item : form.items) {
        const ResponseFormat *format = form.format(item.formatId);
        if (!format)
            return QStringLiteral("item %1 has no format").arg(item.id);
        if (!item.subscaleId.isEmpty() && !form.subscale(item.subscaleId))
            return QStringLiteral("item %1 has an unknown subscale").arg(item.id);
        for (const auto &language : form.languages)
            if (!item.text.has(language))
                return QStringLiteral("item %1 lacks %2").arg(item.id, language);
    }
    for (const auto &format : form.formats) {
        if (format.kind == FormatKind::Likert || format.kind == FormatKind::Faces)
            for (int i = 0; i < format.choices.size(); ++i)
                if (format.choices[i].value != i + 1)
                    return QStringLiteral("format %1 has choice values out of order")
                        .arg(format.id);
    }
    for (const auto &subscale : form.subscales)
        if (form.itemsOf(subscale.id).size() <= subscale.maxMissing)
            return QStringLiteral("subscale %1 can be all missing").arg(subscale.id);
    if (form.scoredItems().size() <= form.scoring.totalMaxMissing)
        return QStringLiteral("the total can be all missing");
    return {};
}

} // namespace

class TestInstrumentFuzz : public QObject
{
    Q_OBJECT

private slots:
    void mutatedFilesLoadOrExplain_data();
    void mutatedFilesLoadOrExplain();

private:
    // Checks one mutation; returns whether it loaded. Records a failure message otherwise.
    bool check(const QByteArray &json, const QString &fileName, const QString &what);
    QStringList m_failures;
};

void TestInstrumentFuzz::mutatedFilesLoadOrExplain_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("child 4-7") << QStringLiteral(TRIAD_QUESTIONNAIRES "/triad-child-4to7.json");
    QTest::newRow("bilingual child")
        << QStringLiteral(TRIAD_TEST_DATA "/instruments/valid/bilingual-child.json");
    QTest::newRow("licensed 12 items")
        << QStringLiteral(TRIAD_TEST_DATA "/instruments/valid/licensed-12-item.json");
}

bool TestInstrumentFuzz::check(const QByteArray &json, const QString &fileName, const QString &what)
{
    const LoadResult result = InstrumentLoader::loadJson(json, fileName);
    if (result.ok() != result.problems.isEmpty())
        m_failures.append(what + QStringLiteral(": loaded and problems disagree"));
    for (const auto &problem : result.problems)
        if (problem.file != fileName || problem.message.isEmpty())
            m_failures.append(what + QStringLiteral(": unlabelled problem ") + problem.toString());
    if (result.ok()) {
        const QString broken = brokenPromise(*result.instrument);
        if (!broken.isEmpty())
            m_failures.append(what + QStringLiteral(": loaded, but ") + broken);
    }
    return result.ok();
}

void TestInstrumentFuzz::mutatedFilesLoadOrExplain()
{
    QFETCH(QString, path);
    m_failures.clear();
    const QString fileName = QFileInfo(path).fileName();
    const QByteArray original = readAll(path);
    QVERIFY(InstrumentLoader::loadJson(original, fileName).ok());
    const QJsonObject root = QJsonDocument::fromJson(original).object();

    QVector<Location> locations;
    collect(root, {}, locations);
    QVERIFY(locations.size() > 50);

    // null and an object with an unknown key are wrong everywhere in the format.
    const QJsonValue alwaysWrong[] = {QJsonValue(QJsonValue::Null),
                                      QJsonObject{{QStringLiteral("zz"), 1}}};
    const QJsonValue sometimesWrong[] = {QJsonValue(true),
                                         QJsonValue(2.5),
                                         QJsonValue(-7),
                                         QJsonValue(1e300),
                                         QJsonValue(QString()),
                                         QJsonValue(QStringLiteral("{therapist}")),
                                         QJsonValue(QJsonArray()),
                                         QJsonValue(QJsonObject()),
                                         QJsonArray{QJsonArray{QJsonArray{}}}};
    int mutations = 0;
    int loaded = 0;
    auto run = [&](const QJsonValue &document, const QString &what) {
        const QByteArray json = QJsonDocument(document.toObject()).toJson();
        ++mutations;
        loaded += check(json, fileName, what) ? 1 : 0;
    };
    for (int l = 0; l < locations.size(); ++l) {
        const Location &location = locations[l];
        const QString where = QStringLiteral("location %1").arg(l);
        run(changed(root, location, 0, QJsonValue(QJsonValue::Undefined)), where + " deleted");
        for (const auto &value : alwaysWrong) {
            const QByteArray json =
                QJsonDocument(changed(root, location, 0, value).toObject()).toJson();
            ++mutations;
            if (check(json, fileName, where))
                m_failures.append(where + QStringLiteral(": loaded with a null or unknown object"));
        }
        for (const auto &value : sometimesWrong)
            run(changed(root, location, 0, value), where + " replaced");
    }
    // Every truncation of the file, as a half-copied file would be.
    for (int size = 0; size < original.size() - 1; ++size) {
        ++mutations;
        if (check(original.left(size), fileName, QStringLiteral("truncated to %1").arg(size)))
            m_failures.append(QStringLiteral("truncated to %1 bytes: loaded").arg(size));
    }
    // Seeded byte flips: the same bytes on every run, so a failure can be replayed.
    std::mt19937 random(20240601u);
    for (int n = 0; n < 3000; ++n) {
        QByteArray json = original;
        const int flips = 1 + int(random() % 3);
        for (int f = 0; f < flips; ++f)
            json[int(random() % unsigned(json.size()))] = char(random() % 256);
        ++mutations;
        loaded += check(json, fileName, QStringLiteral("byte flip %1").arg(n)) ? 1 : 0;
    }
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.mid(0, 20).join('\n')));
    QVERIFY(mutations > 3000);
    // Sanity: harmless mutations (e.g. a flipped letter in a label) still load.
    QVERIFY(loaded > 0);
    qInfo("%d mutations, %d still loaded", mutations, loaded);
}

QTEST_GUILESS_MAIN(TestInstrumentFuzz)
#include "tst_instrumentfuzz.moc"
