// The export's fast paths write JSON bytes directly; the Bundle must be byte for byte the one
// built from QJsonObjects (responseResource, BundleWriter::add/addRaw) that the validators
// check in tst_fhirexport: every shipped and archived form, every answer kind, "not yet"
// answers, free text with quotes, control characters and accents, unknown form versions,
// drafts, declined and corrected responses, collections and transactions, and the worker
// threads keeping the order of 2,000 responses.
#include "core/instrument/instrumentlibrary.h"
#include "core/instrument/scoring.h"
#include "core/interop/fhir/fhirbundlewriter.h"
#include "core/interop/fhir/fhirentrypipeline.h"
#include "core/interop/fhir/fhirjsonbytes.h"
#include "core/interop/fhir/fhirresources.h"
#include "core/interop/fhir/fhirresponseentries.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace triad;
using namespace triad::interop::fhir;

namespace {

const QString kTrickyText =
    QStringLiteral("She said \"ok\" \\ then\nleft\t\x01\x1f caf\u00e9 \u2028 \u00ff");

Answers randomAnswers(const Instrument &instrument, QRandomGenerator &rng)
{
    Answers a;
    for (const Item &item : instrument.items) {
        const ResponseFormat *f = instrument.format(item.formatId);
        if (!f || rng.bounded(8) == 0)
            continue;
        if (f->notApplicable && rng.bounded(6) == 0) {
            a.set(item.id, f->kind == FormatKind::Slider ? QVariant(double(notApplicableValue))
                                                         : QVariant(notApplicableValue));
            continue;
        }
        switch (f->kind) {
        case FormatKind::Likert:
        case FormatKind::Faces:
            // Stored as an int on the tablet, read back as a double from the database.
            if (rng.bounded(2))
                a.set(item.id, f->choices.at(int(rng.bounded(int(f->choices.size())))).value);
            else
                a.set(item.id,
                      double(f->choices.at(int(rng.bounded(int(f->choices.size())))).value));
            break;
        case FormatKind::YesNo:
            a.set(item.id, rng.bounded(2) == 1);
            break;
        case FormatKind::Slider:
            a.set(item.id, rng.bounded(3) ? double(rng.bounded(101)) : rng.bounded(100.0));
            break;
        case FormatKind::FreeText:
            a.set(item.id, rng.bounded(2) ? kTrickyText : QStringLiteral("plain"));
            break;
        }
    }
    return a;
}

QString uuid(QRandomGenerator &rng)
{
    Q_UNUSED(rng)
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct Case
{
    store::StoredResponse response;
    const Instrument *instrument = nullptr;
    ResponseLinks links;
    bool freeText = false;
};

QVector<Case> cases(const InstrumentLibrary &library, int count)
{
    QVector<const Instrument *> forms;
    for (const Instrument &i : library.instruments())
        forms << &i;
    for (const Instrument &i : library.archived())
        forms << &i;
    QRandomGenerator rng(42);
    QVector<Case> out;
    for (int n = 0; n < count; ++n) {
        const Instrument *form = forms.at(n % forms.size());
        Case c;
        store::ResponseRecord &r = c.response.record;
        r.id = uuid(rng);
        r.sessionId = uuid(rng);
        r.respondent = form->respondent;
        r.instrumentId = form->id;
        r.instrumentVersion = form->version;
        r.language = n % 7 == 3 ? QString() : QStringLiteral("en");
        r.startedAt = n % 5 == 1 ? QString() : QStringLiteral("2025-03-27T16:30:00.000Z");
        r.updatedAt = n % 3 ? QStringLiteral("2025-03-27T16:31:00.000Z") : QString();
        switch (n % 6) {
        case 0:
            r.status = store::ResponseStatus::Draft;
            break;
        case 1:
            r.status = store::ResponseStatus::Declined;
            r.declineReason = QStringLiteral("too-tired");
            break;
        default:
            r.status = store::ResponseStatus::Complete;
            r.completedAt = QStringLiteral("2025-03-27T16:32:10.000Z");
        }
        if (n % 9 == 4)
            r.supersedes = uuid(rng);
        c.response.answers = randomAnswers(*form, rng);
        if (r.status == store::ResponseStatus::Complete)
            c.response.scores = score(*form, c.response.answers);
        // Now and then a version the library lacks: answers written by their stored type.
        c.instrument = n % 11 == 5 ? nullptr : form;
        if (!c.instrument)
            c.response.answers.set(QStringLiteral("zz-extra"), 7);
        c.links.patientId = uuid(rng);
        c.links.encounterId = uuid(rng);
        c.links.authorType = QStringLiteral("Patient");
        c.links.authorId = c.links.patientId;
        if (n % 4 == 2)
            c.links.handedOverBy = uuid(rng);
        c.freeText = n % 2 == 1;
        out << c;
    }
    return out;
}

// The Bundle as the export wrote it before the fast paths: QJsonObjects through BundleWriter.
QByteArray slowBundle(const QVector<Case> &all, BundleWriter::Type type)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    BundleWriter bundle(buffer, type, QStringLiteral("2025-03-27T17:00:00Z"));
    for (const Case &c : all) {
        const QJsonObject q = responseResource(c.response, c.instrument, c.links, c.freeText);
        bundle.add(q, urn(q.value(QStringLiteral("id")).toString()));
        for (const RawResource &o : scoreObservations(c.response, c.links))
            bundle.addRaw(o.type, o.id, o.json, urn(o.id));
    }
    bundle.finish();
    return buffer.data();
}

} // namespace

class TestFhirResponseBytes : public QObject
{
    Q_OBJECT

private slots:
    void stringsAndNumbersAsQJsonDocumentWritesThem()
    {
        for (const QString &text : {kTrickyText, QString(), QStringLiteral("\x7f/<>&'")}) {
            QByteArray mine;
            appendJsonString(mine, text);
            const QByteArray theirs =
                QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
            QCOMPARE(mine, theirs.mid(1, theirs.size() - 2));
        }
        for (const double v : {0.0, 1.0, 50.0, 100.0, 33.333333333333336, 0.1, 1e-7, 12345.678}) {
            QByteArray mine;
            appendJsonNumber(mine, v);
            const QByteArray theirs = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
            QCOMPARE(mine, theirs.mid(1, theirs.size() - 2));
        }
    }

    void responseIsTheQJsonDocumentBytes()
    {
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        QVERIFY(library.instruments().size() == 5);
        ResponseEntryWriter writer;
        int withItems = 0, notApplicable = 0, freeText = 0;
        for (const Case &c : cases(library, 600)) {
            const QByteArray expected =
                QJsonDocument(responseResource(c.response, c.instrument, c.links, c.freeText))
                    .toJson(QJsonDocument::Compact);
            const QByteArray bytes = writer.response(c.response, c.instrument, c.links, c.freeText);
            QCOMPARE(bytes, expected);
            withItems += expected.contains("\"item\":[");
            notApplicable += expected.contains("not-applicable");
            freeText += expected.contains("caf\xc3\xa9");
        }
        // The cases reached every branch that matters.
        QVERIFY(withItems > 500);
        QVERIFY(notApplicable > 50);
        QVERIFY(freeText > 10);
    }

    void bundleIsTheSameByteForByte_data()
    {
        QTest::addColumn<bool>("transaction");
        QTest::addColumn<int>("threads");
        QTest::newRow("collection, one worker") << false << 1;
        QTest::newRow("collection, three workers") << false << 3;
        QTest::newRow("transaction, two workers") << true << 2;
    }

    void bundleIsTheSameByteForByte()
    {
        QFETCH(bool, transaction);
        QFETCH(int, threads);
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        const QVector<Case> all = cases(library, 2000);
        const BundleWriter::Type type =
            transaction ? BundleWriter::Type::Transaction : BundleWriter::Type::Collection;
        const QByteArray expected = slowBundle(all, type);

        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        BundleWriter bundle(buffer, type, QStringLiteral("2025-03-27T17:00:00Z"));
        qint64 observations = 0;
        {
            EntryPipeline pipeline(bundle, transaction, threads);
            for (const Case &c : all)
                pipeline.addResponse(c.response, c.instrument, c.links, c.freeText);
            QVERIFY(pipeline.finish());
            observations = pipeline.observations();
        }
        bundle.finish();
        QCOMPARE(buffer.data().size(), expected.size());
        QVERIFY(buffer.data() == expected);
        qint64 expectedObservations = 0;
        for (const Case &c : all)
            expectedObservations += scoreObservations(c.response, c.links).size();
        QCOMPARE(observations, expectedObservations);
        // Every complete response has its total and construct scores (11-12 Observations).
        QVERIFY(expectedObservations > qint64(all.size()) * 5);
        QVERIFY(expected.count("\"resourceType\":\"Observation\"") == expectedObservations);
        QCOMPARE(bundle.entries(), qint64(all.size()) + expectedObservations);
    }

    // Resources added between responses keep their place; a pipeline dropped before finish()
    // (a cancel) writes nothing more and stops its workers.
    void orderAndCancel()
    {
        const InstrumentLibrary library = InstrumentLibrary::loadFrom(TRIAD_QUESTIONNAIRES);
        const QVector<Case> all = cases(library, 700);
        QBuffer slow;
        slow.open(QIODevice::WriteOnly);
        BundleWriter slowBundle(slow, BundleWriter::Type::Collection, QStringLiteral("t"));
        QBuffer fast;
        fast.open(QIODevice::WriteOnly);
        BundleWriter fastBundle(fast, BundleWriter::Type::Collection, QStringLiteral("t"));
        EntryPipeline pipeline(fastBundle, false, 2);
        for (int i = 0; i < all.size(); ++i) {
            const Case &c = all.at(i);
            const QJsonObject patient{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                                      {QStringLiteral("id"), c.links.patientId}};
            if (i % 3 == 0) {
                slowBundle.add(patient, urn(c.links.patientId));
                pipeline.add(patient, urn(c.links.patientId));
            }
            const QJsonObject q = responseResource(c.response, c.instrument, c.links, c.freeText);
            slowBundle.add(q, urn(q.value(QStringLiteral("id")).toString()));
            for (const RawResource &o : scoreObservations(c.response, c.links))
                slowBundle.addRaw(o.type, o.id, o.json, urn(o.id));
            pipeline.addResponse(c.response, c.instrument, c.links, c.freeText);
        }
        QVERIFY(pipeline.finish());
        QVERIFY(fast.data() == slow.data());

        QBuffer cancelled;
        cancelled.open(QIODevice::WriteOnly);
        BundleWriter cancelledBundle(cancelled, BundleWriter::Type::Collection,
                                     QStringLiteral("t"));
        qint64 written = 0;
        {
            EntryPipeline dropped(cancelledBundle, false, 2);
            for (const Case &c : all)
                dropped.addResponse(c.response, c.instrument, c.links, c.freeText);
            written = cancelled.size();
        }
        QCOMPARE(cancelled.size(), written); // nothing written after the drop
        QVERIFY(written < fast.size());
    }
};

QTEST_GUILESS_MAIN(TestFhirResponseBytes)
#include "tst_fhirresponsebytes.moc"
