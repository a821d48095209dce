// Helper process for tst_crash: saves responses as the app does (answer by answer as drafts,
// then one completing transaction) in an endless loop, and prints each response id on
// stdout only after its completion has committed. The test kills it with SIGKILL at random.
//
// Usage: store_crash_writer DB SESSION_ID STAFF_ID FIELD_KEY_HEX AUDIT_KEY_HEX SEED

#include "core/crypto/fieldcipher.h"
#include "core/instrument/instrumentloader.h"
#include "core/store/auditlog.h"
#include "core/store/responserepository.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace triad;
using namespace triad::store;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 7) {
        std::fprintf(stderr, "usage: store_crash_writer DB SESSION STAFF FIELDKEY AUDITKEY SEED\n");
        return 2;
    }
    const LoadResult loaded =
        InstrumentLoader::loadFile(QStringLiteral(TRIAD_QUESTIONNAIRES "/triad-physio.json"));
    if (!loaded.ok()) {
        std::fprintf(stderr, "cannot load the physio form\n");
        return 2;
    }
    const Instrument &form = *loaded.instrument;
    Database db;
    if (!db.open(args.at(1))) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.lastError().detail));
        return 1;
    }
    crypto::FieldCipher cipher(crypto::SecureBytes(QByteArray::fromHex(args.at(4).toLatin1())));
    AuditLog audit(db, crypto::SecureBytes(QByteArray::fromHex(args.at(5).toLatin1())), args.at(3));
    ResponseRepository responses(db, cipher, audit);
    QRandomGenerator random(args.at(6).toUInt());
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    for (;;) {
        const auto draft =
            responses.startDraft(args.at(2), Respondent::Physio, form, QStringLiteral("en"));
        if (!draft)
            return 1;
        Answers answers;
        // Items in order, as a physio taps through the form.
        for (const Item &item : form.items) {
            const ResponseFormat *format = form.format(item.formatId);
            QVariant value =
                format->kind == FormatKind::FreeText
                    ? QVariant(QStringLiteral("Synthetic words %1").arg(random.generate()))
                    : QVariant(int(1 + random.bounded(int(format->choices.size()))));
            answers.set(item.id, value);
            if (!responses.saveAnswer(draft->id, form, item.id, value))
                return 1;
        }
        if (!responses.complete(draft->id, form, answers))
            return 1;
        std::fputs(qPrintable(draft->id + QLatin1Char('\n')), stdout);
        std::fflush(stdout);
    }
}
