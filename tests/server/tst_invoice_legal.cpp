// Invoice legal details: a reverse-charge invoice is not issued without the client's VAT id
// (alone: 422 naming account.tax_id; in a batch: only it fails, the rest issue together with
// gapless numbers), drafts of it exist all the same; the PDF shows the seller's address, tax id,
// registration and bank details, the client's billing address and VAT id, and both VAT ids by
// the reverse-charge note; an issued invoice keeps the details it was issued with.

#include "tst_invoice_fixture.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

using namespace keel;
using namespace keel::test;

class InvoiceLegalTest : public QObject, public InvoiceFixture
{
    Q_OBJECT

    qint64 defin = 0, paris = 0, lyon = 0, berlin = 0, works = 0;

    qint64 deDraft(qint64 client, const char *taxCode, const char *taxRate, const char *amount)
    {
        const qint64 inv = draft(de, client, "EUR", taxCode, "2026-03-31", {{0, amount, taxRate}});
        setApproved(inv);
        return inv;
    }

    QString pdfText(const QByteArray &pdf)
    {
        QTemporaryFile f;
        if (!f.open())
            return {};
        f.write(pdf);
        f.flush();
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), f.fileName(), "-"});
        p.waitForFinished(10000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private Q_SLOTS:
    void init()
    {
        setUp(QTest::currentTestFunction());
        defin = server->createUser("defin", "defin password", {{"finance", "DE"}}, "DE");
        // Reverse charge: a German entity billing businesses elsewhere in the EU.
        paris = account(de, "Parisienne de Conseil SA", "FR", "EUR");
        lyon = account(de, "Lyon Logistique SAS", "FR", "EUR");
        berlin = account(de, "Spree Handel GmbH", "DE", "EUR");
        db::query(db->sql(),
                  "UPDATE accounts SET tax_id = 'FR40303265045', billing_address = ? WHERE id = ?",
                  {"18 rue de la Paix\n75002 Paris\nFrance", lyon});
        works = project(de, paris, "Paris works", "EUR");
    }

    void cleanup() { tearDown(); }

    void reverseChargeIsNotIssuedWithoutTheClientsVatId()
    {
        // The draft exists and is approved: only issuing needs the VAT id.
        const qint64 inv = deDraft(paris, "EU_REVERSE_CHARGE", "0", "4800.00");
        auto http = login("defin");
        HttpResult r = http->post(path(inv, "/issue"), {});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("account.tax_id:required_for_reverse_charge"));
        const QString message = r.json()["errors"][0]["message"].toString();
        QVERIFY2(message.contains("VAT id") && message.contains("Parisienne de Conseil SA"),
                 qPrintable(message));
        // Nothing happened: not numbered, not posted, no number drawn, not audited.
        QCOMPARE(
            text("SELECT status || ':' || coalesce(number, '-') FROM invoices WHERE id = ?", {inv}),
            QString("approved:-"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 0);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'invoice.issue'"), 0);

        // With the VAT id recorded it issues, as the first number of the year.
        db::query(db->sql(), "UPDATE accounts SET tax_id = 'FR76552081317' WHERE id = ?", {paris});
        r = http->post(path(inv, "/issue"), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("number").toString(), QString("INV-DE-2026-000001"));
        QCOMPARE(text("SELECT legal_details->>'account_tax_id' FROM invoices WHERE id = ?", {inv}),
                 QString("FR76552081317"));
    }

    void aBatchIssuesTheRestTogether()
    {
        const qint64 a = deDraft(lyon, "EU_REVERSE_CHARGE", "0", "1000.00");
        const qint64 b = deDraft(paris, "EU_REVERSE_CHARGE", "0", "2000.00"); // no VAT id
        const qint64 c = deDraft(berlin, "DE_UST_STANDARD", "19", "3000.00");
        auto http = login("defin");
        const HttpResult r = http->post(
            "/api/v1/billing/invoices/bulk",
            {{"action", "issue"},
             {"ids", QJsonArray{QString::number(a), QString::number(b), QString::number(c)}}});
        QCOMPARE(r.status, 200);
        const QJsonArray results = r.json().value("results").toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0)["status"].toString(), QString("ok"));
        QCOMPARE(results.at(1)["status"].toString(), QString("error"));
        const QJsonObject problem = results.at(1)["problem"].toObject();
        QCOMPARE(problem.value("status").toInt(), 422);
        QCOMPARE(problem["errors"][0]["field"].toString(), QString("account.tax_id"));
        QCOMPARE(problem["errors"][0]["code"].toString(), QString("required_for_reverse_charge"));
        QCOMPARE(results.at(2)["status"].toString(), QString("ok"));
        // Gapless: the refused one drew no number.
        QCOMPARE(text("SELECT string_agg(coalesce(number, '-'), ' ' ORDER BY id) FROM invoices "
                      "WHERE id = ANY(?::bigint[])",
                      {QStringLiteral("{%1,%2,%3}").arg(a).arg(b).arg(c)}),
                 QString("INV-DE-2026-000001 - INV-DE-2026-000002"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries"), 2);
    }

    void thePdfShowsBothPartiesAsIssued()
    {
        db::query(db->sql(),
                  "UPDATE legal_entities SET address = ?, tax_id = 'DE298765431', registration = "
                  "'Amtsgericht Charlottenburg, HRB 201234 B', bank_details = ? WHERE id = ?",
                  {"Friedrichstraße 123\n10117 Berlin\nGermany",
                   "Deutsche Bank Berlin\nIBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX", de});
        const qint64 inv = deDraft(lyon, "EU_REVERSE_CHARGE", "0", "12500.00");
        auto http = login("defin");
        QCOMPARE(http->post(path(inv, "/issue"), {}).status, 200);
        // The client moves after issue: the issued invoice still shows where it was billed.
        db::query(
            db->sql(),
            "UPDATE accounts SET billing_address = 'Somewhere else', tax_id = 'FR00000000000' "
            "WHERE id = ?",
            {lyon});
        const HttpResult r = http->get(path(inv, "/pdf"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("%PDF-"));
        if (const QString out = qEnvironmentVariable("KEEL_INVOICE_PDF_OUT"); !out.isEmpty()) {
            QFile f(out); // to look at it: KEEL_INVOICE_PDF_OUT=/tmp/legal.pdf
            if (f.open(QIODevice::WriteOnly))
                f.write(r.body);
        }
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const QString t = pdfText(r.body);
        for (const char *expected :
             {"Keel Consulting GmbH", "Friedrichstraße 123", "10117 Berlin",
              "USt-IdNr. DE298765431", "Amtsgericht Charlottenburg, HRB 201234 B", "Bill to",
              "Lyon Logistique SAS", "18 rue de la Paix", "75002 Paris", "VAT id FR40303265045",
              "Reverse charge", "Supplier VAT id: DE298765431", "Customer VAT id: FR40303265045",
              "Payment to", "IBAN DE89 3704 0044 0532 0130 00", "INV-DE-2026-000001"})
            QVERIFY2(t.contains(QString::fromUtf8(expected)), qPrintable(expected + ("\n" + t)));
        QVERIFY2(!t.contains("Somewhere else") && !t.contains("FR00000000000"), qPrintable(t));

        // A draft reads the details as they are now.
        const qint64 next = deDraft(lyon, "EU_REVERSE_CHARGE", "0", "100.00");
        const QString draftText = pdfText(http->get(path(next, "/pdf")).body);
        QVERIFY2(draftText.contains("Somewhere else") && draftText.contains("FR00000000000"),
                 qPrintable(draftText));
    }
};

KEEL_INVOICE_TEST_MAIN(InvoiceLegalTest)
#include "tst_invoice_legal.moc"
