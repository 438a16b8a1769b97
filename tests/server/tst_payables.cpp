// Payables: a EUR bill of the UK entity (GBP) approved at its date's rate and paid in parts at
// other rates, with the realised FX difference to the penny; what a payment may not do; the
// aging per vendor; who may do what.

#include "http/http_types.h"
#include "payables/vendor_payment_service.h"
#include "tst_payables_fixture.h"

using namespace keel;
using namespace keel::test;

class PayablesTest : public QObject, public PayablesFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void approvalCarriesTheBillDatesRateAndOtherCostsGoToGeneralExpenses()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        // 10 h × 100.00 on the project and software without one: 1,234.56 EUR at 0.85.
        const QJsonObject a =
            approvedBill(*fin, *fin2, v, "BD-100", "2026-02-10",
                         {hoursLine(project, "10", "100"), costLine("Cloud software", "234.56")});
        QCOMPARE(a.value("status").toString(), QString("approved"));
        QCOMPARE(a.value("fx_rate").toString(), QString("0.85"));
        QCOMPARE(a.value("functional_total").toObject(),
                 (QJsonObject{{"amount", "1049.38"}, {"currency", "GBP"}}));
        QCOMPARE(amountOf(a.value("balance")), QString("1234.56"));
        QVERIFY(a.value("lines").toArray().at(1).toObject().value("project_id").isNull());
        const qint64 entry = scalar("SELECT id FROM journal_entries WHERE source_type = "
                                    "'vendor_bill' AND source_id = ?",
                                    {a.value("id").toString()});
        QCOMPARE(linesOf(entry),
                 (QStringList{"5100 Dr 1000.00 EUR / 850.00", "6000 Dr 234.56 EUR / 199.38",
                              "2000 Cr 1234.56 EUR / 1049.38"}));

        // A line needs hours or an amount, not both, in the bill's currency.
        HttpResult r = bill(*fin, v, "BD-101", "2026-02-10", {QJsonObject{{"description", "X"}}});
        QCOMPARE(r.fieldCodes(), QString("lines/0/hours:required"));
        QJsonObject both = hoursLine(project, "1", "1");
        both.insert("amount", money("1.00", "EUR"));
        r = bill(*fin, v, "BD-101", "2026-02-10",
                 {both, QJsonObject{{"description", "Y"}, {"amount", money("5.00", "GBP")}}});
        QCOMPARE(r.fieldCodes(),
                 QString("lines/0/amount:invalid_value,lines/1/amount:invalid_value"));
    }

    void draftsAreEditedWithTheirVersionAndClosedPeriodsRefuseBills()
    {
        auto fin = login("ukfin");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        db::exec(db->sql(), QStringLiteral("INSERT INTO accounting_periods (legal_entity_id, "
                                           "period_start, period_end, status) VALUES (%1, "
                                           "'2025-11-01', '2025-11-30', 'hard_closed')")
                                .arg(uk));
        HttpResult r = bill(*fin, v, "BD-1", "2025-11-20", {costLine("Rent", "10.00")});
        QCOMPARE(r.status, 423);
        r = bill(*fin, v, "BD-1", "2026-02-10", {costLine("Rent", "10.00")});
        QCOMPARE(r.status, 201);
        const QJsonObject draft = r.json();
        const QString path = "/api/v1/vendor-bills/" + draft.value("id").toString();
        const auto patch = [&](const QJsonObject &body) {
            return fin->send("PATCH", path, QJsonDocument(body).toJson(),
                             {{"Content-Type", "application/json"}});
        };
        r = patch({{"version", 1},
                   {"bill_date", "2026-02-12"},
                   {"lines",
                    QJsonArray{costLine("Rent", "1500.00"), hoursLine(project, "2.5", "80.125")}}});
        QCOMPARE(r.status, 200);
        // 2.5 × 80.125 = 200.3125 → 200.31.
        QCOMPARE(amountOf(r.json().value("total")), QString("1700.31"));
        QCOMPARE(r.json().value("due_date").toString(), QString("2026-03-14"));
        QCOMPARE(r.json().value("version").toInt(), 2);
        QCOMPARE(r.json().value("lines").toArray().size(), 2);
        QCOMPARE(patch({{"version", 1}, {"vendor_ref", "BD-2"}}).status, 412);
        QCOMPARE(patch({{"version", 2}, {"bill_date", "2025-11-02"}}).status, 423);
        r = patch({{"version", 2}, {"vendor_ref", "BD-2"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("vendor_ref").toString(), QString("BD-2"));
        QCOMPARE(amountOf(r.json().value("total")), QString("1700.31"));
        r = fin->post(path + "/submit", {{"version", 3}});
        QCOMPARE(r.status, 200);
        QCOMPARE(patch({{"version", 4}, {"vendor_ref", "BD-3"}}).status, 409);
        auto us = login("usfin");
        QCOMPARE(us->send("PATCH", path, "{\"version\":4}", {{"Content-Type", "application/json"}})
                     .status,
                 404);
    }

    void partThenFullPaymentAtOtherRatesRealisesTheDifference()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject gbp = bankAccount(*fin, "Operating", "GB29NWBK60161331926819", "GBP");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "GB11NWBK60161300000001", "EUR");
        QCOMPARE(gbp.value("ledger_account_number").toString(), QString("1000"));
        QCOMPARE(eur.value("ledger_account_number").toString(), QString("1001"));
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        QJsonObject a =
            approvedBill(*fin, *fin2, v, "BD-100", "2026-02-10",
                         {hoursLine(project, "10", "100"), costLine("Cloud software", "234.56")});

        // 500.00 EUR on 5 March at 0.87 = 435.00 GBP of cash for 425.00 of payable: 10.00 lost.
        HttpResult r = pay(*fin, uk, v, eur, "2026-03-05", "500.00", {allocation(a, "500.00")});
        QCOMPARE(r.status, 201);
        const QJsonObject p1 = r.json();
        QCOMPARE(p1.value("functional_amount").toObject(),
                 (QJsonObject{{"amount", "435.00"}, {"currency", "GBP"}}));
        QCOMPARE(p1.value("fx_rate").toString(), QString("0.87"));
        const QJsonObject al = p1.value("allocations").toArray().at(0).toObject();
        QCOMPARE(amountOf(al.value("payable_functional")), QString("425.00"));
        QCOMPARE(amountOf(al.value("cash_functional")), QString("435.00"));
        QCOMPARE(linesOf(p1.value("journal_entry_id").toString().toLongLong()),
                 (QStringList{"2000 Dr 500.00 EUR / 425.00", "1001 Cr 500.00 EUR / 435.00",
                              "7010 Dr 10.00 GBP / 10.00"}));
        a = getBill(*fin, a);
        KEEL_COVERS_TRANSITION("vendor_bill", "approved", "pay_part", a.value("status").toString());
        QCOMPARE(amountOf(a.value("amount_paid")), QString("500.00"));
        QCOMPARE(amountOf(a.value("balance")), QString("734.56"));
        QCOMPARE(amountOf(a.value("functional_paid")), QString("425.00"));

        // More than is left, another currency's account, sums that do not add up: nothing moves.
        r = pay(*fin, uk, v, eur, "2026-03-06", "734.57", {allocation(a, "734.57")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/amount:exceeds_balance"));
        QVERIFY2(r.body.contains("734.56 EUR"), r.body);
        r = pay(*fin, uk, v, gbp, "2026-03-06", "10.00", {allocation(a, "10.00")});
        QCOMPARE(r.fieldCodes(), QString("amount:other_currency"));
        r = pay(*fin, uk, v, eur, "2026-03-06", "100.00", {allocation(a, "50.00")});
        QCOMPARE(r.fieldCodes(), QString("amount:not_allocated"));
        QCOMPARE(scalar("SELECT count(*) FROM vendor_payments"), 1);

        // The rest on 2 April at 0.80: 587.65 GBP of cash clears the 624.38 left: 36.73 gained.
        r = pay(*fin, uk, v, eur, "2026-04-02", "734.56", {allocation(a, "734.56")});
        QCOMPARE(r.status, 201);
        const QJsonObject p2 = r.json();
        QCOMPARE(linesOf(p2.value("journal_entry_id").toString().toLongLong()),
                 (QStringList{"2000 Dr 734.56 EUR / 624.38", "1001 Cr 734.56 EUR / 587.65",
                              "7000 Cr 36.73 GBP / 36.73"}));
        a = getBill(*fin, a);
        KEEL_COVERS_TRANSITION("vendor_bill", "partially_paid", "pay_in_full",
                               a.value("status").toString());
        QCOMPARE(a.value("functional_paid").toObject(),
                 (QJsonObject{{"amount", "1049.38"}, {"currency", "GBP"}}));
        QCOMPARE(amountOf(a.value("balance")), QString("0.00"));
        // AP for the bill is cleared exactly: 1049.38 credited at approval, debited by payments.
        QCOMPARE(text("SELECT sum(l.functional_debit - l.functional_credit)::numeric(20,2)::text "
                      "FROM journal_lines l JOIN ledger_accounts x ON x.id = l.ledger_account_id "
                      "WHERE x.number = '2000' AND l.legal_entity_id = ?",
                      {uk}),
                 QString("0.00"));
        r = pay(*fin, uk, v, eur, "2026-04-03", "1.00", {allocation(a, "1.00")});
        QCOMPARE(r.fieldCodes(), QString("allocations/0/bill_id:not_open"));
        QCOMPARE(fin->get("/api/v1/payables/payments?legal_entity_id=" + QString::number(uk) +
                          "&vendor_id=" + v.value("id").toString())
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 2);
    }

    void oneCashAmountSplitOverBillsAndTheCppEntryPoint()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "EUR-1", "EUR");
        QCOMPARE(eur.value("ledger_account_number").toString(), QString("1000"));
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        QJsonObject b = approvedBill(*fin, *fin2, v, "BD-090", "2025-12-01",
                                     {costLine("Hosting", "100.00")}, "2025-12-15");
        QJsonObject c =
            approvedBill(*fin, *fin2, v, "BD-110", "2026-03-20", {costLine("Licences", "200.00")});
        QCOMPARE(amountOf(b.value("functional_total")), QString("84.00"));
        QCOMPARE(amountOf(c.value("functional_total")), QString("174.00"));
        // 150.00 EUR at 0.80 = 120.00 GBP split 40.00 / 80.00; AP 43.50 (50 at 0.87) + 84.00.
        HttpResult r = pay(*fin, uk, v, eur, "2026-04-02", "150.00",
                           {allocation(c, "50.00"), allocation(b, "100.00")});
        QCOMPARE(r.status, 201);
        const QJsonArray al = r.json().value("allocations").toArray();
        QCOMPARE(amountOf(al.at(0).toObject().value("cash_functional")), QString("40.00"));
        QCOMPARE(amountOf(al.at(0).toObject().value("payable_functional")), QString("43.50"));
        QCOMPARE(amountOf(al.at(1).toObject().value("cash_functional")), QString("80.00"));
        QCOMPARE(amountOf(al.at(1).toObject().value("payable_functional")), QString("84.00"));
        QCOMPARE(linesOf(r.json().value("journal_entry_id").toString().toLongLong()),
                 (QStringList{"2000 Dr 150.00 EUR / 127.50", "1000 Cr 150.00 EUR / 120.00",
                              "7000 Cr 7.50 GBP / 7.50"}));
        c = getBill(*fin, c);
        KEEL_COVERS_TRANSITION("vendor_bill", "approved", "pay_part", c.value("status").toString());
        b = getBill(*fin, b);
        KEEL_COVERS_TRANSITION("vendor_bill", "approved", "pay_in_full",
                               b.value("status").toString());

        // The demo loader's entry point, inside its own transaction.
        const VendorPaymentService payments(db->config());
        const QSqlDatabase conn = db::connection(db->config());
        qint64 id = 0;
        {
            db::Transaction tx(conn);
            id = payments.pay(
                conn,
                {uk,
                 v.value("id").toString().toLongLong(),
                 eur.value("id").toString().toLongLong(),
                 QDate(2026, 4, 3),
                 Money::parse(u"20.00", u"EUR").value(),
                 QStringLiteral("Loader"),
                 {{c.value("id").toString().toLongLong(), Money::parse(u"20.00", u"EUR").value()}}},
                ukfin);
            tx.commit();
        }
        QVERIFY(id > 0);
        c = getBill(*fin, c);
        KEEL_COVERS_TRANSITION("vendor_bill", "partially_paid", "pay_part",
                               c.value("status").toString());
        QCOMPARE(amountOf(c.value("balance")), QString("130.00"));
        {
            db::Transaction tx(conn);
            bool refused = false;
            try {
                payments.pay(conn,
                             {uk,
                              v.value("id").toString().toLongLong(),
                              eur.value("id").toString().toLongLong(),
                              QDate(2026, 4, 3),
                              Money::parse(u"130.01", u"EUR").value(),
                              QString(),
                              {{c.value("id").toString().toLongLong(),
                                Money::parse(u"130.01", u"EUR").value()}}},
                             ukfin);
            } catch (const ApiError &e) {
                refused = e.problem().status == 422;
            }
            QVERIFY(refused);
        }
    }

    void aBatchPaysSetBasedAndALaterPaymentSeesAnEarlierOne()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "EUR-1", "EUR");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        QJsonObject x =
            approvedBill(*fin, *fin2, v, "X-1", "2026-02-01", {costLine("Rent", "100.00")});
        QJsonObject y =
            approvedBill(*fin, *fin2, v, "Y-1", "2026-02-01", {costLine("Rent", "200.00")});
        const qint64 vendorId = v.value("id").toString().toLongLong();
        const qint64 bank = eur.value("id").toString().toLongLong();
        const auto input = [&](const QJsonObject &b, const char *amount, QDate date) {
            const Money m = Money::parse(QString::fromLatin1(amount), u"EUR").value();
            return VendorPaymentInput{uk,
                                      vendorId,
                                      bank,
                                      date,
                                      m,
                                      QStringLiteral("Run"),
                                      {{b.value("id").toString().toLongLong(), m}}};
        };
        const VendorPaymentService payments(db->config());
        const QSqlDatabase conn = db::connection(db->config());
        {
            db::Transaction tx(conn);
            bool refused = false;
            try {
                payments.payMany(
                    conn,
                    {input(x, "40.00", QDate(2026, 3, 5)), input(x, "60.01", QDate(2026, 4, 2))},
                    ukfin);
            } catch (const ApiError &e) {
                refused = e.problem().errors.size() == 1 &&
                          e.problem().errors.first().field ==
                              QLatin1String("payments/1/allocations/0/amount") &&
                          e.problem().errors.first().code == QLatin1String("exceeds_balance");
            }
            QVERIFY(refused);
        }
        QCOMPARE(scalar("SELECT count(*) FROM vendor_payments"), 0);
        QList<qint64> ids;
        {
            db::Transaction tx(conn);
            ids = payments.payMany(conn,
                                   {input(x, "40.00", QDate(2026, 3, 5)),
                                    input(x, "60.00", QDate(2026, 4, 2)),
                                    input(y, "200.00", QDate(2026, 4, 2))},
                                   ukfin);
            tx.commit();
        }
        QCOMPARE(ids.size(), 3);
        QVERIFY(ids.at(0) < ids.at(1) && ids.at(1) < ids.at(2));
        const auto journal = [&](qint64 payment) {
            return linesOf(
                scalar("SELECT journal_entry_id FROM vendor_payments WHERE id = ?", {payment}));
        };
        // 40 at 0.87 for 34.00 carried; the rest, 60 at 0.80, clears the 51.00 left of 85.00.
        QCOMPARE(journal(ids.at(0)),
                 (QStringList{"2000 Dr 40.00 EUR / 34.00", "1000 Cr 40.00 EUR / 34.80",
                              "7010 Dr 0.80 GBP / 0.80"}));
        QCOMPARE(journal(ids.at(1)),
                 (QStringList{"2000 Dr 60.00 EUR / 51.00", "1000 Cr 60.00 EUR / 48.00",
                              "7000 Cr 3.00 GBP / 3.00"}));
        QCOMPARE(journal(ids.at(2)),
                 (QStringList{"2000 Dr 200.00 EUR / 170.00", "1000 Cr 200.00 EUR / 160.00",
                              "7000 Cr 10.00 GBP / 10.00"}));
        x = getBill(*fin, x);
        QCOMPARE(x.value("status").toString(), QString("paid"));
        QCOMPARE(amountOf(x.value("functional_paid")), QString("85.00"));
        QCOMPARE(x.value("version").toInt(), 5); // draft 1, submitted, approved, two payments
        QCOMPARE(getBill(*fin, y).value("status").toString(), QString("paid"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'vendor_bill.pay'"), 2);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'vendor_payment.create'"),
                 3);
    }

    void anotherVendorsBillAndDrafts()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "EUR-1", "EUR");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        const QJsonObject v2 = vendor(*fin, "Cloud Rent Ltd");
        const QJsonObject rent =
            approvedBill(*fin, *fin2, v2, "R-1", "2026-01-02", {costLine("Rent", "1000.00")});
        HttpResult r = pay(*fin, uk, v, eur, "2026-03-05", "10.00", {allocation(rent, "10.00")});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("allocations/0/bill_id:other_vendor"));
        const QJsonObject draft =
            bill(*fin, v, "BD-7", "2026-02-10", {costLine("Rent", "10.00")}).json();
        r = pay(*fin, uk, v, eur, "2026-03-05", "10.00", {allocation(draft, "10.00")});
        QCOMPARE(r.fieldCodes(), QString("allocations/0/bill_id:not_open"));
        QCOMPARE(scalar("SELECT count(*) FROM vendor_payments"), 0);
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'vendor_payment'"),
                 0);
    }

    void agingPerVendorInBuckets()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "EUR-1", "EUR");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        const QJsonObject v2 = vendor(*fin, "Cloud Rent Ltd");
        const QJsonObject a =
            approvedBill(*fin, *fin2, v, "BD-100", "2026-02-10",
                         {hoursLine(project, "10", "100"), costLine("Cloud software", "234.56")});
        approvedBill(*fin, *fin2, v, "BD-090", "2025-12-01", {costLine("Hosting", "100.00")},
                     "2025-12-15");
        approvedBill(*fin, *fin2, v, "BD-110", "2026-03-20", {costLine("Licences", "200.00")});
        approvedBill(*fin, *fin2, v2, "R-1", "2026-01-02", {costLine("Rent", "1000.00")},
                     "2026-01-02");
        bill(*fin, v2, "R-2", "2026-01-02", {costLine("Rent", "1000.00")}); // a draft: not owed
        QCOMPARE(pay(*fin, uk, v, eur, "2026-03-05", "500.00", {allocation(a, "500.00")}).status,
                 201);
        // Paid after the date: still owed on it.
        QCOMPARE(pay(*fin, uk, v, eur, "2026-04-02", "734.56", {allocation(a, "734.56")}).status,
                 201);

        const QString base =
            "/api/v1/payables/aging?legal_entity_id=" + QString::number(uk) + "&as_of=2026-03-31";
        HttpResult r = fin->get(base);
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject berlin = items.at(0).toObject();
        QCOMPARE(berlin.value("vendor_name").toString(), QString("Berlin Data GmbH"));
        QCOMPARE(berlin.value("currency").toString(), QString("GBP"));
        QCOMPARE(amountOf(berlin.value("current")), QString("174.00")); // BD-110, due 19 Apr
        QCOMPARE(amountOf(berlin.value("d1_30")), QString("624.38"));   // BD-100, 19 days
        QCOMPARE(amountOf(berlin.value("d31_60")), QString("0.00"));
        QCOMPARE(amountOf(berlin.value("d61_90")), QString("0.00"));
        QCOMPARE(amountOf(berlin.value("d90_plus")), QString("84.00")); // BD-090, 106 days
        QCOMPARE(amountOf(berlin.value("total")), QString("882.38"));
        const QJsonObject rent = items.at(1).toObject();
        QCOMPARE(amountOf(rent.value("d61_90")), QString("850.00")); // R-1, 88 days
        const QJsonObject totals = r.json().value("totals").toArray().at(0).toObject();
        QCOMPARE(amountOf(totals.value("total")), QString("1732.38"));
        QCOMPARE(amountOf(totals.value("d61_90")), QString("850.00"));

        r = fin->get(base + "&currency=transaction");
        const QJsonObject inEur = r.json().value("items").toArray().at(0).toObject();
        QCOMPARE(inEur.value("currency").toString(), QString("EUR"));
        QCOMPARE(amountOf(inEur.value("d1_30")), QString("734.56"));
        QCOMPARE(amountOf(inEur.value("total")), QString("1034.56"));
        // After the second payment BD-100 is gone.
        r = fin->get("/api/v1/payables/aging?legal_entity_id=" + QString::number(uk) +
                     "&as_of=2026-04-30");
        QCOMPARE(amountOf(r.json().value("items").toArray().at(0).toObject().value("total")),
                 QString("258.00"));

        // The finance list: open bills with balances, keyset paged.
        r = fin->get("/api/v1/payables/bills?legal_entity_id=" + QString::number(uk) +
                     "&status=open&limit=2");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("items").toArray().size(), 2);
        const QString next = r.json().value("next_after").toString();
        r = fin->get("/api/v1/payables/bills?legal_entity_id=" + QString::number(uk) +
                     "&status=open&limit=2&after=" + next);
        QCOMPARE(r.json().value("items").toArray().size(), 1);
        QVERIFY(!r.json().contains("next_after"));
        r = fin->get("/api/v1/payables/bills?legal_entity_id=" + QString::number(uk) +
                     "&status=paid");
        QCOMPARE(r.json().value("items").toArray().at(0).toObject().value("vendor_ref").toString(),
                 QString("BD-100"));
        QCOMPARE(fin->get("/api/v1/payables/bills?legal_entity_id=" + QString::number(uk) +
                          "&status=nope")
                     .status,
                 400);
    }

    void whoMayDoWhat()
    {
        auto fin = login("ukfin");
        auto fin2 = login("ukfin2");
        const QJsonObject eur = bankAccount(*fin, "Euro account", "EUR-1", "EUR");
        const QJsonObject v = vendor(*fin, "Berlin Data GmbH");
        const QJsonObject a =
            approvedBill(*fin, *fin2, v, "BD-100", "2026-02-10", {costLine("Rent", "100.00")});
        const HttpResult paid =
            pay(*fin, uk, v, eur, "2026-03-05", "10.00", {allocation(a, "10.00")});
        QCOMPARE(paid.status, 201);
        const QString ukId = QString::number(uk);

        auto bob = login("bob");
        QCOMPARE(bob->get("/api/v1/payables/aging?legal_entity_id=" + ukId).status, 403);
        QCOMPARE(pay(*bob, uk, v, eur, "2026-03-05", "10.00", {allocation(a, "10.00")}).status,
                 403);
        auto us = login("usfin");
        QCOMPARE(us->get("/api/v1/payables/aging?legal_entity_id=" + ukId).status, 404);
        QCOMPARE(us->get("/api/v1/payables/bills?legal_entity_id=" + ukId).status, 404);
        QCOMPARE(us->get("/api/v1/payables/payments?legal_entity_id=" + ukId).status, 404);
        QCOMPARE(us->get("/api/v1/payables/payments/" + paid.json().value("id").toString()).status,
                 404);
        QCOMPARE(pay(*us, uk, v, eur, "2026-03-05", "10.00", {allocation(a, "10.00")}).status, 404);
        QCOMPARE(fin->get("/api/v1/payables/payments/" + paid.json().value("id").toString()).status,
                 200);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'vendor_payment'"), 1);
    }
};

QTEST_GUILESS_MAIN(PayablesTest)
#include "tst_payables.moc"
