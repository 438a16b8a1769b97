// Customer receipts to the cent: the receipt posts Dr bank / Cr AR at its own rate, each
// allocation clears the invoice's receivable at the invoice's rate and posts the realised FX
// difference; partial payments, one receipt over two invoices, unapplied cash allocated later,
// and what a bad allocation gets (422, nothing written).

#include "tst_receivables_fixture.h"

using namespace keel;
using namespace keel::test;

class ReceivablesReceiptsTest : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    qint64 count(const char *table)
    {
        return scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    }

private slots:
    void init() { setUpReceivables(QTest::currentTestFunction()); }
    void cleanup()
    {
        ukfin.reset();
        tearDown();
    }

    void fxInvoicePaidAtAHigherRateRealisesAGain()
    {
        // USD 1,000.00 invoiced by the UK entity on 2026-02-10 at 0.79: AR 790.00 GBP.
        const qint64 inv =
            invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        QCOMPARE(arOf(uk, globex), QString("790.00"));
        // Paid in full on 2026-03-10 at 0.81: the bank gets 810.00 GBP.
        const HttpResult r = receipt(*ukfin, uk, globex, ukUsdBank, "2026-03-10",
                                     m("1000.00", "USD"), {alloc(inv, "1000.00", "USD")});
        QVERIFY2(r.status == 201, r.body);
        const QJsonObject rc = r.json();
        QCOMPARE(amt(rc.value("functional_amount")), QString("810.00 GBP"));
        QCOMPARE(rc.value("fx_rate").toString(), QString("0.81"));
        QCOMPARE(amt(rc.value("unapplied")), QString("0.00 USD"));
        const QJsonObject a = rc.value("allocations").toArray().first().toObject();
        QCOMPARE(amt(a.value("receivable_functional")), QString("790.00 GBP"));
        QCOMPARE(amt(a.value("cash_functional")), QString("810.00 GBP"));
        QCOMPARE(amt(a.value("fx_difference")), QString("20.00 GBP"));
        QCOMPARE(
            linesOf(rc.value("journal_entry_id").toString().toLongLong()),
            (QStringList{"1000 Dr 1000.00 USD / 810.00 p-", "1100 Cr 1000.00 USD / 810.00 p-"}));
        QCOMPARE(linesOf(a.value("journal_entry_id").toString().toLongLong()),
                 (QStringList{"1100 Dr 20.00 GBP / 20.00 p-", "7000 Cr 20.00 GBP / 20.00 p-"}));
        // The receivable is gone in functional currency; the gain is on 7000.
        QCOMPARE(arOf(uk, globex), QString("0.00"));
        QCOMPARE(invoiceState(inv), QString("paid 1000.00 / 790.00"));
        KEEL_COVERS_TRANSITION("invoice", "issued", "pay",
                               text("SELECT status FROM invoices WHERE id = ?", {inv}));
        QCOMPARE(text("SELECT paid_on FROM invoices WHERE id = ?", {inv}), QString("2026-03-10"));
    }

    void partialPaymentThenTheRest()
    {
        // GBP: 1,200.00 paid 500.00, then 700.00.
        const qint64 gbp =
            invoice(uk, initech, "GBP", "1200.00", QDate(2026, 2, 1), QDate(2026, 3, 3));
        HttpResult r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("500.00", "GBP"),
                               {alloc(gbp, "500.00", "GBP")});
        QVERIFY2(r.status == 201, r.body);
        QCOMPARE(invoiceState(gbp), QString("partially_paid 500.00 / 500.00"));
        KEEL_COVERS_TRANSITION("invoice", "issued", "pay_part",
                               text("SELECT status FROM invoices WHERE id = ?", {gbp}));
        QVERIFY(r.json()
                    .value("allocations")
                    .toArray()
                    .first()
                    .toObject()
                    .value("journal_entry_id")
                    .isNull()); // same currency: no FX
        r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-20", m("700.00", "GBP"),
                    {alloc(gbp, "700.00", "GBP")});
        QVERIFY2(r.status == 201, r.body);
        QCOMPARE(invoiceState(gbp), QString("paid 1200.00 / 1200.00"));
        KEEL_COVERS_TRANSITION("invoice", "partially_paid", "pay",
                               text("SELECT status FROM invoices WHERE id = ?", {gbp}));
        QCOMPARE(arOf(uk, initech), QString("0.00"));

        // USD at 0.79 paid 400.00 then 600.00 at 0.81: 316.00 vs 324.00 (gain 8.00), then the
        // rest of what the invoice carries, 474.00 vs 486.00 (gain 12.00).
        const qint64 usd =
            invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        r = receipt(*ukfin, uk, globex, ukUsdBank, "2026-03-10", m("400.00", "USD"),
                    {alloc(usd, "400.00", "USD")});
        QVERIFY2(r.status == 201, r.body);
        QJsonObject a = r.json().value("allocations").toArray().first().toObject();
        QCOMPARE(amt(a.value("receivable_functional")), QString("316.00 GBP"));
        QCOMPARE(amt(a.value("fx_difference")), QString("8.00 GBP"));
        QCOMPARE(arOf(uk, globex), QString("474.00"));
        r = receipt(*ukfin, uk, globex, ukUsdBank, "2026-03-15", m("600.00", "USD"),
                    {alloc(usd, "600.00", "USD")});
        QVERIFY2(r.status == 201, r.body);
        a = r.json().value("allocations").toArray().first().toObject();
        QCOMPARE(amt(a.value("receivable_functional")), QString("474.00 GBP"));
        QCOMPARE(amt(a.value("cash_functional")), QString("486.00 GBP"));
        QCOMPARE(amt(a.value("fx_difference")), QString("12.00 GBP"));
        QCOMPARE(invoiceState(usd), QString("paid 1000.00 / 790.00"));
        QCOMPARE(arOf(uk, globex), QString("0.00"));
        QCOMPARE(text("SELECT sum(functional_credit - functional_debit)::numeric(20,2)::text FROM "
                      "journal_lines l JOIN ledger_accounts a ON a.id = l.ledger_account_id "
                      "WHERE a.legal_entity_id = ? AND a.number = '7000'",
                      {uk}),
                 QString("20.00"));
    }

    void oneReceiptAcrossTwoInvoices()
    {
        const qint64 a =
            invoice(uk, initech, "GBP", "300.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        const qint64 b =
            invoice(uk, initech, "GBP", "450.50", QDate(2026, 2, 2), QDate(2026, 3, 2));
        const HttpResult r =
            receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("750.50", "GBP"),
                    {alloc(a, "300.00", "GBP"), alloc(b, "450.50", "GBP")});
        QVERIFY2(r.status == 201, r.body);
        QCOMPARE(amt(r.json().value("allocated")), QString("750.50 GBP"));
        QCOMPARE(amt(r.json().value("unapplied")), QString("0.00 GBP"));
        QCOMPARE(r.json().value("allocations").toArray().size(), 2);
        QCOMPARE(invoiceState(a), QString("paid 300.00 / 300.00"));
        QCOMPARE(invoiceState(b), QString("paid 450.50 / 450.50"));
        QCOMPARE(arOf(uk, initech), QString("0.00"));
    }

    void unappliedCashIsAllocatedLater()
    {
        const qint64 a =
            invoice(uk, initech, "GBP", "1000.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        const qint64 b =
            invoice(uk, initech, "GBP", "800.00", QDate(2026, 2, 5), QDate(2026, 3, 5));
        HttpResult r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-02", m("1000.00", "GBP"));
        QVERIFY2(r.status == 201, r.body);
        const QString rid = r.json().value("id").toString();
        QCOMPARE(amt(r.json().value("unapplied")), QString("1000.00 GBP"));
        // AR on the ledger already holds the cash: 1,800.00 invoiced less 1,000.00 received.
        QCOMPARE(arOf(uk, initech), QString("800.00"));
        r = ukfin->get("/api/v1/receivables/receipts?legal_entity_id=" + id(uk) +
                       "&unapplied=true");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 1);

        r = ukfin->post(
            "/api/v1/receivables/receipts/" + rid + "/allocations",
            {{"allocations", QJsonArray{alloc(a, "600.00", "GBP")}}, {"date", "2026-03-09"}});
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(amt(r.json().value("unapplied")), QString("400.00 GBP"));
        QCOMPARE(r.json().value("allocations").toArray().first().toObject().value("allocated_on"),
                 QJsonValue("2026-03-09"));
        QCOMPARE(invoiceState(a), QString("partially_paid 600.00 / 600.00"));
        // More than is left of the receipt: 422, nothing changes.
        r = ukfin->post(
            "/api/v1/receivables/receipts/" + rid + "/allocations",
            {{"allocations", QJsonArray{alloc(b, "500.00", "GBP")}}, {"date", "2026-03-10"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/amount:exceeds_unapplied"));
        QCOMPARE(invoiceState(b), QString("issued 0.00 / 0.00"));
        // The rest goes to the first invoice again.
        r = ukfin->post(
            "/api/v1/receivables/receipts/" + rid + "/allocations",
            {{"allocations", QJsonArray{alloc(a, "300.00", "GBP")}}, {"date", "2026-03-10"}});
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(invoiceState(a), QString("partially_paid 900.00 / 900.00"));
        KEEL_COVERS_TRANSITION("invoice", "partially_paid", "pay_part",
                               text("SELECT status FROM invoices WHERE id = ?", {a}));
        QCOMPARE(amt(r.json().value("unapplied")), QString("100.00 GBP"));
        // Before the receipt date: 422.
        r = ukfin->post(
            "/api/v1/receivables/receipts/" + rid + "/allocations",
            {{"allocations", QJsonArray{alloc(b, "50.00", "GBP")}}, {"date", "2026-03-01"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("date:before_receipt"));
        QCOMPARE(arOf(uk, initech), QString("800.00"));
    }

    void overAllocationIs422AndWritesNothing()
    {
        const qint64 inv =
            invoice(uk, initech, "GBP", "500.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        const qint64 entries = count("journal_entries");
        HttpResult r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("600.00", "GBP"),
                               {alloc(inv, "500.01", "GBP")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/amount:exceeds_balance"));
        // More than the receipt itself.
        r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("400.00", "GBP"),
                    {alloc(inv, "450.00", "GBP")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/amount:exceeds_unapplied"));
        QCOMPARE(count("customer_receipts"), 0);
        QCOMPARE(count("receipt_allocations"), 0);
        QCOMPARE(count("journal_entries"), entries);
        QCOMPARE(invoiceState(inv), QString("issued 0.00 / 0.00"));
    }

    void anotherClientsOrCurrencysOrAClosedInvoiceIs422()
    {
        const qint64 theirs =
            invoice(uk, globex, "USD", "100.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        const qint64 usdOfInitech =
            invoice(uk, initech, "USD", "100.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        const qint64 usInvoice =
            invoice(us, client, "USD", "100.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        HttpResult r =
            receipt(*ukfin, uk, initech, ukUsdBank, "2026-03-05", m("300.00", "USD"),
                    {alloc(theirs, "100.00", "USD"), alloc(usdOfInitech, "100.00", "USD"),
                     alloc(usInvoice, "100.00", "USD")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/invoice_id:other_client,"
                                         "allocations/2/invoice_id:unknown"));
        const qint64 gbp =
            invoice(uk, initech, "GBP", "100.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        r = receipt(*ukfin, uk, initech, ukUsdBank, "2026-03-05", m("100.00", "USD"),
                    {alloc(gbp, "100.00", "USD")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/invoice_id:other_currency"));
        // Paid already: not open.
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("100.00", "GBP"),
                         {alloc(gbp, "100.00", "GBP")})
                     .status,
                 201);
        r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-06", m("100.00", "GBP"),
                    {alloc(gbp, "100.00", "GBP")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/invoice_id:not_open"));
        // A bank account of another entity, or in another currency than the money.
        r = receipt(*ukfin, uk, initech, usBank, "2026-03-06", m("100.00", "USD"));
        QCOMPARE(r.fieldCodes(), QString("bank_account_id:unknown"));
        r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-06", m("100.00", "USD"));
        QCOMPARE(r.fieldCodes(), QString("amount:other_currency"));
        QCOMPARE(count("customer_receipts"), 1);
    }

    void aReceiptIntoAHardClosedPeriodIs423()
    {
        const qint64 inv =
            invoice(uk, initech, "GBP", "100.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        ledger->ensureFiscalYear(uk, 2026);
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = 'hard_closed' "
                                           "WHERE legal_entity_id = %1 AND period_start = "
                                           "'2026-03-01'")
                                .arg(uk));
        HttpResult r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("100.00", "GBP"),
                               {alloc(inv, "100.00", "GBP")});
        QCOMPARE(r.status, 423);
        QCOMPARE(count("customer_receipts"), 0);
        QCOMPARE(invoiceState(inv), QString("issued 0.00 / 0.00"));
        // Nothing was half written: an April receipt pays the invoice in full.
        r = receipt(*ukfin, uk, initech, ukGbpBank, "2026-04-02", m("100.00", "GBP"));
        QCOMPARE(r.status, 201);
        r = ukfin->post(
            "/api/v1/receivables/receipts/" + r.json().value("id").toString() + "/allocations",
            {{"allocations", QJsonArray{alloc(inv, "100.00", "GBP")}}, {"date", "2026-04-03"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(invoiceState(inv), QString("paid 100.00 / 100.00"));
    }

    void idempotencyKeyReturnsTheFirstReceipt()
    {
        const HttpResult a =
            receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("100.00", "GBP"), {}, "rc-1");
        const HttpResult b =
            receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("100.00", "GBP"), {}, "rc-1");
        QCOMPARE(a.status, 201);
        QCOMPARE(b.status, 201);
        QCOMPARE(b.json().value("id"), a.json().value("id"));
        QCOMPARE(count("customer_receipts"), 1);
    }

    void whoMayRecordReceipts()
    {
        const qint64 usInvoice =
            invoice(us, client, "USD", "100.00", QDate(2026, 2, 1), QDate(2026, 3, 1));
        // A consultant: 403.
        auto amyHttp = login("amy");
        QCOMPARE(receipt(*amyHttp, us, client, usBank, "2026-03-05", m("100.00", "USD")).status,
                 403);
        QCOMPARE(amyHttp->get("/api/v1/receivables/receipts?legal_entity_id=" + id(us)).status,
                 403);
        // UK finance and a US receipt: another entity's records are 404.
        auto finHttp = login("fin");
        const HttpResult r =
            receipt(*finHttp, us, client, usBank, "2026-03-05", m("100.00", "USD"));
        QVERIFY2(r.status == 201, r.body);
        const QString rid = r.json().value("id").toString();
        QCOMPARE(receipt(*ukfin, us, client, usBank, "2026-03-05", m("100.00", "USD")).status, 404);
        QCOMPARE(ukfin
                     ->post("/api/v1/receivables/receipts/" + rid + "/allocations",
                            {{"allocations", QJsonArray{alloc(usInvoice, "100.00", "USD")}}})
                     .status,
                 404);
        QCOMPARE(ukfin->get("/api/v1/receivables/receipts?legal_entity_id=" + id(us)).status, 404);
        QCOMPARE(invoiceState(usInvoice), QString("issued 0.00 / 0.00"));
    }

    void loadersRecordManyReceiptsInTheCallersTransaction()
    {
        const qint64 a =
            invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        const qint64 b =
            invoice(uk, initech, "GBP", "250.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        const qint64 c =
            invoice(uk, initech, "GBP", "100.00", QDate(2026, 2, 10), QDate(2026, 3, 12));
        ReceiptService service(db->config());
        QList<ReceiptInput> in{
            {uk,
             globex,
             ukUsdBank,
             QDate(2026, 3, 10),
             money("1000.00", "USD"),
             "L1",
             {{a, money("1000.00", "USD")}}},
            {uk,
             initech,
             ukGbpBank,
             QDate(2026, 3, 11),
             money("300.00", "GBP"),
             "L2",
             {{b, money("250.00", "GBP")}}},
            {uk, initech, ukGbpBank, QDate(2026, 3, 12), money("40.00", "GBP"), "L3", {}},
            // Two instalments of one invoice in one receipt.
            {uk,
             initech,
             ukGbpBank,
             QDate(2026, 3, 13),
             money("100.00", "GBP"),
             "L4",
             {{c, money("40.00", "GBP")}, {c, money("60.00", "GBP")}}}};
        db::Transaction tx(db->sql());
        const QList<qint64> ids = service.recordMany(db->sql(), in, fin);
        tx.commit();
        QCOMPARE(ids.size(), 4);
        QCOMPARE(text("SELECT string_agg(reference || ' ' || allocated::numeric(20,2) || ' ' || "
                      "functional_amount::numeric(20,2), ', ' ORDER BY id) FROM customer_receipts"),
                 QString("L1 1000.00 810.00, L2 250.00 300.00, L3 0.00 40.00, L4 100.00 100.00"));
        QCOMPARE(invoiceState(c), QString("paid 100.00 / 100.00"));
        QCOMPARE(invoiceState(a), QString("paid 1000.00 / 790.00"));
        QCOMPARE(invoiceState(b), QString("paid 250.00 / 250.00"));
        QCOMPARE(arOf(uk, globex), QString("0.00"));
        QCOMPARE(arOf(uk, initech), QString("-90.00")); // unapplied cash: 50.00 + 40.00
        QCOMPARE(scalar("SELECT count(*) FROM customer_receipts WHERE journal_entry_id IS NULL"),
                 0);
        // A bad one fails the batch, naming it.
        try {
            service.recordMany(
                db->sql(),
                {{uk, initech, ukGbpBank, QDate(2026, 3, 12), money("40.00", "GBP"), "ok", {}},
                 {uk,
                  initech,
                  ukGbpBank,
                  QDate(2026, 3, 12),
                  money("40.00", "GBP"),
                  "bad",
                  {{a, money("1.00", "GBP")}}}},
                fin);
            QFAIL("accepted");
        } catch (const ApiError &e) {
            QCOMPARE(e.problem().status, 422);
            QCOMPARE(e.problem().errors.first().field,
                     QString("receipts/1/allocations/0/invoice_id"));
        }
        QCOMPARE(count("customer_receipts"), 4);
    }
};

QTEST_GUILESS_MAIN(ReceivablesReceiptsTest)
#include "tst_receivables_receipts.moc"
