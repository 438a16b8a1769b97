// Banking: bank accounts on their own ledger accounts, CSV statements imported all or nothing
// and never twice, matching suggestions ranked by amount and reference, reconciling lines with
// payments, receipts, bills and bank charges, and the reconciliation that explains the
// difference between statement and ledger.

#include "banking/bank_account_service.h"
#include "ledger/posting_rules.h"
#include "tst_payables_fixture.h"

using namespace keel;
using namespace keel::test;

class BankingTest : public QObject, public PayablesFixture
{
    Q_OBJECT

    static HttpResult import(HttpClient &http, const QJsonObject &account, const QByteArray &csv,
                             const QByteArray &type = "text/csv")
    {
        return http.send("POST",
                         "/api/v1/banking/accounts/" + account.value("id").toString() +
                             "/statements?file_name=march.csv",
                         csv, {{"Content-Type", type}});
    }

    static QJsonArray lines(HttpClient &http, const QJsonObject &account, const QString &query = {})
    {
        return http
            .get("/api/v1/banking/accounts/" + account.value("id").toString() + "/statement-lines" +
                 query)
            .json()
            .value("items")
            .toArray();
    }

    static QJsonObject lineWith(const QJsonArray &items, const char *reference)
    {
        for (const QJsonValue &v : items)
            if (v.toObject().value("reference").toString() == QLatin1String(reference))
                return v.toObject();
        return {};
    }

    static HttpResult act(HttpClient &http, const QJsonObject &line, const char *what,
                          const QJsonObject &extra = {})
    {
        QJsonObject body{{"version", line.value("version")}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        return http.post(
            "/api/v1/banking/statement-lines/" + line.value("id").toString() + "/" + what, body);
    }

    QJsonObject reconciliation(HttpClient &http, const QJsonObject &account, const char *asOf)
    {
        return http
            .get("/api/v1/banking/accounts/" + account.value("id").toString() +
                 "/reconciliation?as_of=" + asOf)
            .json();
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void importIsAllOrNothingAndNeverTwice()
    {
        auto fin = login("ukfin");
        const QJsonObject gbp = bankAccount(*fin, "Operating", "GB29NWBK60161331926819", "GBP");
        QCOMPARE(gbp.value("ledger_account_number").toString(), QString("1000"));
        QCOMPARE(
            bankAccount(*fin, "Other", "GB29NWBK60161331926819", "GBP").value("status").toInt(),
            422);

        HttpResult r = import(*fin, gbp,
                              "date,amount,reference,counterparty\n"
                              "2026-03-02,-12.50,Fee,Bank\n"
                              "2026-03-03,\"12,50\",Refund,Shop\n"
                              "2026-02-30,1.00,X,Y\n"
                              "2026-03-04,1.00,too,many,columns\n");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines/3/amount:invalid_value,lines/4/date:invalid_value,"
                                         "lines/5:column_count"));
        QVERIFY2(r.body.contains("line 3, column amount: '12,50'"), r.body);
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines"), 0);
        QCOMPARE(import(*fin, gbp, "when,amount,ref\n2026-03-02,1.00,x\n").fieldCodes(),
                 QString("lines/1:invalid_header"));
        QCOMPARE(import(*fin, gbp, "{}", "application/json").status, 415);

        // Two equal card payments on one day are two lines; quotes may hold commas.
        const QByteArray csv = "\xEF\xBB\xBF"
                               "Date,Amount,Reference,Counterparty\r\n"
                               "2026-03-02,-12.50,Fee,Bank\r\n"
                               "2026-03-05,-4.20,Coffee,\"Bean, Co\"\r\n"
                               "2026-03-05,-4.20,Coffee,\"Bean, Co\"\r\n"
                               "2026-03-09,1500.00,\"INV-UK-2026-000001 \"\"Albion\"\"\",Albion\r\n"
                               "\r\n";
        r = import(*fin, gbp, csv);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("imported").toInt(), 4);
        QCOMPARE(r.json().value("duplicates").toInt(), 0);
        r = import(*fin, gbp, csv);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("imported").toInt(), 0);
        QCOMPARE(r.json().value("duplicates").toInt(), 4);
        r = import(*fin, gbp, csv + "2026-03-10,-4.20,Coffee,\"Bean, Co\"\n");
        QCOMPARE(r.json().value("imported").toInt(), 1);
        QCOMPARE(r.json().value("duplicates").toInt(), 4);
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines"), 5);
        QCOMPARE(scalar("SELECT sum(duplicate_count) FROM bank_statement_imports"), 8);

        const QJsonArray all = lines(*fin, gbp, "?limit=3");
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(1).toObject().value("counterparty").toString(), QString("Bean, Co"));
        QCOMPARE(all.at(0).toObject().value("amount").toObject(),
                 (QJsonObject{{"amount", "-12.50"}, {"currency", "GBP"}}));
        QCOMPARE(
            lineWith(lines(*fin, gbp), "INV-UK-2026-000001 \"Albion\"").value("status").toString(),
            QString("unmatched"));
        QCOMPARE(lines(*fin, gbp, "?from=2026-03-05&to=2026-03-09").size(), 3);
        QCOMPARE(fin->get("/api/v1/banking/accounts/" + gbp.value("id").toString() +
                          "/statement-lines?status=nope")
                     .status,
                 400);
    }

    void suggestionsMatchingAndAReconciliationThatAddsUp()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "EUR-1", "EUR");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        const QJsonObject bd100 =
            approvedBill(*fin, *fin2, v, "BD-100", "2026-02-10", {costLine("Data", "1234.56")});
        const QJsonObject bd101 =
            approvedBill(*fin, *fin2, v, "BD-101", "2026-02-12", {costLine("Data", "1234.56")});
        const QJsonObject bd10 =
            approvedBill(*fin, *fin2, v, "BD-10", "2026-02-01", {costLine("Data", "99.00")});
        const QJsonObject bd200 =
            approvedBill(*fin, *fin2, v, "BD-200", "2026-02-20", {costLine("Data", "500.00")});
        const QJsonObject bd300 =
            approvedBill(*fin, *fin2, v, "BD-300", "2026-02-20", {costLine("Data", "300.00")});
        HttpResult r = pay(*fin, uk, v, eur, "2026-03-10", "300.00", {allocation(bd300, "300.00")});
        QCOMPARE(r.status, 201);
        const QJsonObject p300 = r.json();
        // A receipt recorded by receivables (its rows and its posting, as its service makes them).
        const qint64 receipt = scalar(
            "INSERT INTO customer_receipts (legal_entity_id, account_id, bank_account_id, "
            "receipt_date, amount, currency, fx_rate, functional_amount, reference, created_by) "
            "VALUES (?, ?, ?, '2026-03-25', 1000, 'EUR', 0.87, 870, 'INV-77', ?) RETURNING id",
            {uk, client, eur.value("id").toString().toLongLong(), ukfin});
        {
            const LedgerService ledger(db->config());
            const QSqlDatabase conn = ledger.store().db();
            db::Transaction tx(conn);
            posting_rules::customerReceipt(ledger, {uk, receipt, client, ukfin, QDate(2026, 3, 25),
                                                    Money::parse(u"1000.00", u"EUR").value(),
                                                    Money::parse(u"870.00", u"GBP").value(),
                                                    QStringLiteral("INV-77")});
            tx.commit();
        }

        // An invoice issued in EUR at 0.85, as billing issues and posts it.
        const qint64 invoice = scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, kind, number, status, "
            "invoice_date, due_date, currency, tax_code, subtotal, tax_total, total, "
            "functional_currency, fx_rate, functional_total) VALUES (?, ?, 'invoice', "
            "'INV-UK-2026-000042', 'issued', '2026-02-27', '2026-03-29', 'EUR', 'UK_VAT_ZERO', "
            "2400, 0, 2400, 'GBP', 0.85, 2040) RETURNING id",
            {uk, client});
        {
            const LedgerService ledger(db->config());
            const QSqlDatabase conn = ledger.store().db();
            db::Transaction tx(conn);
            posting_rules::invoiceIssued(
                ledger, {uk,
                         invoice,
                         client,
                         ukfin,
                         QDate(2026, 2, 27),
                         QStringLiteral("INV-UK-2026-000042"),
                         {{0, Money::parse(u"2400.00", u"EUR").value(), std::nullopt, {}}},
                         {},
                         Money()});
            tx.commit();
        }

        r = import(*fin, eur,
                   "date,amount,reference,counterparty\n"
                   "2026-03-28,2400.00,Albion INV-UK-2026-000042,Albion Retail\n"
                   "2026-03-12,-1234.56,\"Transfer BD-100, thanks\",Berlin Data GmbH\n"
                   "2026-03-11,-300.00,Payment run,Berlin Data GmbH\n"
                   "2026-03-20,-500.00,SEPA 7781,Berlin Data\n"
                   "2026-03-26,1000.00,Albion INV-77,Albion Retail\n"
                   "2026-03-31,-12.50,Account fee March,Bank\n"
                   "2026-03-31,3.10,Cashback,Bank\n");
        QCOMPARE(r.json().value("imported").toInt(), 7);
        const QJsonArray ls = lines(*fin, eur);
        QJsonObject transfer = lineWith(ls, "Transfer BD-100, thanks");
        QJsonObject run = lineWith(ls, "Payment run");
        QJsonObject sepa = lineWith(ls, "SEPA 7781");
        QJsonObject albion = lineWith(ls, "Albion INV-77");
        QJsonObject fee = lineWith(ls, "Account fee March");
        QJsonObject cashback = lineWith(ls, "Cashback");
        const QJsonObject wire = lineWith(ls, "Albion INV-UK-2026-000042");

        // Exact amount and the bill's number first, then the same amount due within 10 days, then
        // a number the reference holds (BD-10 is inside "BD-100").
        r = fin->get("/api/v1/banking/statement-lines/" + transfer.value("id").toString() +
                     "/suggestions");
        QCOMPARE(r.status, 200);
        QStringList ranked;
        for (const QJsonValue &s : r.json().value("items").toArray())
            ranked << QStringLiteral("%1 %2 %3 %4")
                          .arg(s.toObject().value("kind").toString(),
                               s.toObject().value("number").toString(),
                               s.toObject().value("reason").toString(),
                               amountOf(s.toObject().value("amount")));
        QCOMPARE(ranked, (QStringList{"bill BD-100 amount_and_reference 1234.56",
                                      "bill BD-101 amount_and_date 1234.56",
                                      "bill BD-10 reference 99.00"}));
        r = fin->get("/api/v1/banking/statement-lines/" + run.value("id").toString() +
                     "/suggestions");
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("id"), p300.value("id"));
        r = fin->get("/api/v1/banking/statement-lines/" + albion.value("id").toString() +
                     "/suggestions");
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("kind").toString(),
                 QString("customer_receipt"));
        r = fin->get("/api/v1/banking/statement-lines/" + wire.value("id").toString() +
                     "/suggestions");
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("number").toString(),
                 QString("INV-UK-2026-000042"));
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("reason").toString(),
                 QString("amount_and_reference"));

        // Before any match everything is explained by what is open on either side.
        QJsonObject rec = reconciliation(*fin, eur, "2026-03-31");
        QCOMPARE(amountOf(rec.value("statement_balance")), QString("1356.04"));
        QCOMPARE(amountOf(rec.value("ledger_balance")), QString("700.00"));
        QCOMPARE(rec.value("not_on_statement").toArray().size(), 2);
        QCOMPARE(amountOf(rec.value("difference")), QString("0.00"));

        // Matching: a payment and a receipt as they are, bills by paying them, a fee by a journal.
        QCOMPARE(act(*fin, sepa, "match", {{"vendor_payment_id", p300.value("id")}}).fieldCodes(),
                 QString("vendor_payment_id:other_amount"));
        QCOMPARE(act(*fin, sepa, "match", {{"customer_receipt_id", QString::number(receipt)}})
                     .fieldCodes(),
                 QString("customer_receipt_id:wrong_direction"));
        QCOMPARE(
            act(*fin, sepa, "match", {{"bill_id", bd200.value("id")}, {"journal", QJsonObject{}}})
                .fieldCodes(),
            QString("match:one_of"));
        QCOMPARE(act(*fin, sepa, "match", {{"bill_id", bd10.value("id")}}).fieldCodes(),
                 QString("bill_id:exceeds_balance"));
        r = act(*fin, run, "match", {{"vendor_payment_id", p300.value("id")}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("bank_statement_line", "unmatched", "match",
                               r.json().value("status").toString());
        QCOMPARE(act(*fin, run, "match", {{"vendor_payment_id", p300.value("id")}}).status, 409);
        QCOMPARE(act(*fin, sepa, "match", {{"vendor_payment_id", p300.value("id")}}).fieldCodes(),
                 QString("vendor_payment_id:already_matched"));
        r = act(*fin, albion, "match", {{"customer_receipt_id", QString::number(receipt)}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("customer_receipt_id").toString(), QString::number(receipt));
        // An open invoice: the match records its receipt (receivables' service) at the line's date.
        r = act(*fin, wire, "match", {{"invoice_id", QString::number(invoice)}});
        QCOMPARE(r.status, 200);
        QCOMPARE(text("SELECT status FROM invoices WHERE id = ?", {invoice}), QString("paid"));
        QCOMPARE(text("SELECT receipt_date::text || ' ' || amount::numeric(20,2)::text FROM "
                      "customer_receipts WHERE id = ?",
                      {r.json().value("customer_receipt_id").toString()}),
                 QString("2026-03-28 2400.00"));
        r = act(*fin, transfer, "match", {{"bill_id", bd100.value("id")}});
        QCOMPARE(r.status, 200);
        const QJsonObject paid =
            fin->get("/api/v1/payables/payments/" + r.json().value("vendor_payment_id").toString())
                .json();
        QCOMPARE(paid.value("payment_date").toString(), QString("2026-03-12"));
        QCOMPARE(paid.value("statement_line_id"), transfer.value("id"));
        QCOMPARE(getBill(*fin, bd100).value("status").toString(), QString("paid"));
        QCOMPARE(act(*fin, sepa, "match", {{"bill_id", bd200.value("id")}}).status, 200);
        QCOMPARE(act(*fin, fee, "match", {{"journal", QJsonObject{{"account_number", "1000"}}}})
                     .fieldCodes(),
                 QString("journal/account_number:unknown"));
        r = act(*fin, fee, "match",
                {{"journal",
                  QJsonObject{{"account_number", "6000"}, {"description", "Bank charges March"}}}});
        QCOMPARE(r.status, 200);
        const qint64 charge = r.json().value("journal_entry_id").toString().toLongLong();
        // 12.50 EUR at 0.87 = 10.875 → 10.88 GBP.
        QCOMPARE(linesOf(charge),
                 (QStringList{"1000 Cr 12.50 EUR / 10.88", "6000 Dr 12.50 EUR / 10.88"}));
        QCOMPARE(text("SELECT source_type FROM journal_entries WHERE id = ?", {charge}),
                 QString("bank_statement_line"));

        // Unmatching a journal match reverses it; matching again posts anew.
        fee = r.json();
        r = act(*fin, fee, "unmatch");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("bank_statement_line", "matched", "unmatch",
                               r.json().value("status").toString());
        QCOMPARE(text("SELECT status FROM journal_entries WHERE id = ?", {charge}),
                 QString("reversed"));
        r = act(*fin, r.json(), "match",
                {{"journal",
                  QJsonObject{{"account_number", "6000"}, {"description", "Bank charges March"}}}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.json().value("journal_entry_id").toString().toLongLong() != charge);

        // A cashback nothing in the books explains is ignored.
        r = act(*fin, cashback, "ignore");
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("bank_statement_line", "unmatched", "ignore",
                               r.json().value("status").toString());
        const QJsonObject ignored = r.json();
        r = act(*fin, ignored, "unmatch");
        KEEL_COVERS_TRANSITION("bank_statement_line", "ignored", "unmatch",
                               r.json().value("status").toString());
        QCOMPARE(act(*fin, ignored, "ignore").status, 412); // read before the unmatch
        QCOMPARE(act(*fin, r.json(), "ignore").status, 200);

        // Everything matched: statement and ledger agree once the ignored line is set aside.
        rec = reconciliation(*fin, eur, "2026-03-31");
        QCOMPARE(amountOf(rec.value("statement_balance")), QString("1356.04"));
        QCOMPARE(amountOf(rec.value("ledger_balance")), QString("1352.94"));
        QCOMPARE(amountOf(rec.value("ignored_total")), QString("3.10"));
        QCOMPARE(amountOf(rec.value("unmatched_total")), QString("0.00"));
        QCOMPARE(rec.value("unmatched_lines").toArray().size(), 0);
        QCOMPARE(rec.value("not_on_statement").toArray().size(), 0);
        QCOMPARE(rec.value("difference").toObject(),
                 (QJsonObject{{"amount", "0.00"}, {"currency", "EUR"}}));
        QCOMPARE(lines(*fin, eur, "?status=unmatched").size(), 0);

        // A posting to the bank account that neither a line nor a document explains shows.
        {
            const LedgerService ledger(db->config());
            const QSqlDatabase conn = ledger.store().db();
            db::Transaction tx(conn);
            PostingLine dr, cr;
            dr.accountNumber = QStringLiteral("1000");
            dr.debit = Money::parse(u"50.00", u"EUR").value();
            cr.accountNumber = QStringLiteral("3000");
            cr.credit = dr.debit;
            ledger.post({uk,
                         QDate(2026, 3, 30),
                         QStringLiteral("test"),
                         QStringLiteral("1"),
                         QStringLiteral("post"),
                         QStringLiteral("Capital"),
                         {dr, cr},
                         ukfin});
            tx.commit();
        }
        QCOMPARE(amountOf(reconciliation(*fin, eur, "2026-03-31").value("difference")),
                 QString("-50.00"));
        QCOMPARE(amountOf(reconciliation(*fin, eur, "2026-03-15").value("statement_balance")),
                 QString("-1534.56"));
        Q_UNUSED(bd101);
    }

    void theLoadersDefaultAccountIsMadeOnce()
    {
        const BankAccountService accounts(db->config());
        const QSqlDatabase conn = db::connection(db->config());
        qint64 first = 0, again = 0, second = 0;
        {
            db::Transaction tx(conn);
            first = accounts.ensureDefault(conn, uk);
            again = accounts.ensureDefault(conn, uk);
            second = accounts.create(conn,
                                     {uk, QStringLiteral("Reserve"), QStringLiteral("Bank"),
                                      QStringLiteral("GB-RESERVE"), QStringLiteral("GBP"), 0},
                                     ukfin);
            tx.commit();
        }
        QCOMPARE(again, first);
        QCOMPARE(text("SELECT b.account_number || ' ' || b.currency || ' ' || a.number FROM "
                      "bank_accounts b JOIN ledger_accounts a ON a.id = b.ledger_account_id "
                      "WHERE b.id = ?",
                      {first}),
                 QString("UK-OPERATING GBP 1000"));
        QCOMPARE(text("SELECT a.number || ' ' || a.type || ' ' || a.name FROM bank_accounts b "
                      "JOIN ledger_accounts a ON a.id = b.ledger_account_id WHERE b.id = ?",
                      {second}),
                 QString("1001 asset Bank: Reserve"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'bank_account'"), 2);
    }

    void whoMayDoWhat()
    {
        auto fin = login("ukfin");
        const QJsonObject gbp = bankAccount(*fin, "Operating", "GB-1", "GBP");
        // Without ?file_name= too.
        QCOMPARE(fin->send("POST",
                           "/api/v1/banking/accounts/" + gbp.value("id").toString() + "/statements",
                           "date,amount,reference,counterparty\n2026-03-02,-1.00,Fee,Bank\n",
                           {{"Content-Type", "text/csv; charset=utf-8"}})
                     .status,
                 201);
        const QJsonObject line = lines(*fin, gbp).at(0).toObject();
        const QString ukId = QString::number(uk);
        const QString account = "/api/v1/banking/accounts/" + gbp.value("id").toString();
        const QString lineUrl = "/api/v1/banking/statement-lines/" + line.value("id").toString();

        auto bob = login("bob");
        QCOMPARE(bob->get("/api/v1/banking/accounts?legal_entity_id=" + ukId).status, 403);
        QCOMPARE(bob->get(account + "/statement-lines").status, 403);
        QCOMPARE(import(*bob, gbp, "date,amount,reference,counterparty\n").status, 403);
        QCOMPARE(act(*bob, line, "ignore").status, 403);

        auto us = login("usfin");
        QCOMPARE(us->get("/api/v1/banking/accounts?legal_entity_id=" + ukId).status, 404);
        QCOMPARE(us->get(account + "/statement-lines").status, 404);
        QCOMPARE(us->get(account + "/reconciliation").status, 404);
        QCOMPARE(us->get(lineUrl + "/suggestions").status, 404);
        QCOMPARE(act(*us, line, "ignore").status, 404);
        QCOMPARE(
            import(*us, gbp, "date,amount,reference,counterparty\n2026-03-02,-2.00,X,Y\n").status,
            404);
        QCOMPARE(bankAccount(*us, "Mine", "X-1", "GBP").value("status").toInt(), 404);
        QCOMPARE(fin->get("/api/v1/banking/accounts?legal_entity_id=" + ukId)
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(scalar("SELECT count(*) FROM bank_statement_lines"), 1);
    }
};

QTEST_GUILESS_MAIN(BankingTest)
#include "tst_banking.moc"
