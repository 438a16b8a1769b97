// What finance reads about receivables, to the cent: aging buckets at a fixed date with the
// invoices behind a cell, the client statement's running balance, collection notes and dunning
// levels, DSO computed by hand, and who may read what.

#include "tst_receivables_fixture.h"

using namespace keel;
using namespace keel::test;

class ReceivablesReportsTest : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    QJsonObject clientRow(const QJsonObject &aging, qint64 account)
    {
        for (const QJsonValue &v : aging.value("clients").toArray())
            if (v.toObject().value("account_id").toString() == id(account))
                return v.toObject();
        return {};
    }

    static QString buckets(const QJsonObject &row)
    {
        QStringList out;
        for (const char *k :
             {"current", "d1_30", "d31_60", "d61_90", "d90_plus", "total", "unapplied", "net"})
            out << row.value(k).toObject().value("amount").toString();
        return out.join(u' ');
    }

private slots:
    void init() { setUpReceivables(QTest::currentTestFunction()); }
    void cleanup()
    {
        ukfin.reset();
        tearDown();
    }

    void agingBucketsAtAFixedDate()
    {
        const QDate i(2026, 1, 5);
        // As of 2026-06-30: due 07-15 and 06-30 are current, 06-20 is 10 days late, 05-15 46,
        // 04-10 81, 03-01 121.
        invoice(uk, initech, "GBP", "100.00", i, QDate(2026, 7, 15));
        invoice(uk, initech, "GBP", "200.00", i, QDate(2026, 6, 30));
        invoice(uk, initech, "GBP", "300.00", i, QDate(2026, 6, 20));
        const qint64 d45 = invoice(uk, initech, "GBP", "400.00", i, QDate(2026, 5, 15));
        invoice(uk, initech, "GBP", "500.00", i, QDate(2026, 4, 10));
        const qint64 old = invoice(uk, initech, "GBP", "600.00", i, QDate(2026, 3, 1));
        // Partly paid before the date: 250.00 of the oldest left.
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-06-01", m("350.00", "GBP"),
                         {alloc(old, "350.00", "GBP")})
                     .status,
                 201);
        // Paid in full before the date: gone; paid after it: still open then.
        const qint64 paidBefore = invoice(uk, initech, "GBP", "700.00", i, QDate(2026, 2, 1));
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-06-10", m("700.00", "GBP"),
                         {alloc(paidBefore, "700.00", "GBP")})
                     .status,
                 201);
        const qint64 paidAfter = invoice(uk, initech, "GBP", "50.00", i, QDate(2026, 6, 25));
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-07-05", m("80.00", "GBP"),
                         {alloc(paidAfter, "50.00", "GBP")})
                     .status,
                 201);
        // Another client in USD at 0.79: functional 790.00 in 31–60.
        invoice(uk, globex, "USD", "1000.00", QDate(2026, 2, 1), QDate(2026, 5, 20));
        // An invoice issued after the date does not exist yet.
        invoice(uk, initech, "GBP", "999.00", QDate(2026, 7, 1), QDate(2026, 7, 31));

        HttpResult r =
            ukfin->get("/api/v1/receivables/aging?legal_entity_id=" + id(uk) + "&as_of=2026-06-30");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(buckets(clientRow(r.json(), initech)),
                 QString("300.00 350.00 400.00 500.00 250.00 1800.00 0.00 1800.00"));
        QCOMPARE(buckets(clientRow(r.json(), globex)),
                 QString("0.00 0.00 790.00 0.00 0.00 790.00 0.00 790.00"));
        const QJsonObject totals = r.json().value("totals").toArray().first().toObject();
        QCOMPARE(totals.value("currency").toString(), QString("GBP"));
        QCOMPARE(buckets(totals),
                 QString("300.00 350.00 1190.00 500.00 250.00 2590.00 0.00 2590.00"));

        // Today (after 07-05): the 50.00 is paid and its receipt left 30.00 unapplied.
        r = ukfin->get("/api/v1/receivables/aging?legal_entity_id=" + id(uk) +
                       "&as_of=2026-07-10&currency=transaction");
        QCOMPARE(buckets(clientRow(r.json(), initech)).section(u' ', 5),
                 QString("2749.00 30.00 2719.00"));
        QCOMPARE(clientRow(r.json(), globex).value("total").toObject().value("currency").toString(),
                 QString("USD"));

        // The cell 31–60 of Initech is the invoice due 05-15.
        r = ukfin->get("/api/v1/receivables/aging/" + id(initech) +
                       "/invoices?legal_entity_id=" + id(uk) + "&as_of=2026-06-30&bucket=d31_60");
        QVERIFY2(r.status == 200, r.body);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().toObject().value("id").toString(), id(d45));
        QCOMPARE(items.first().toObject().value("days_past_due").toInt(), 46);
        r = ukfin->get("/api/v1/receivables/aging/" + id(initech) +
                       "/invoices?legal_entity_id=" + id(uk) + "&as_of=2026-06-30");
        QCOMPARE(r.json().value("items").toArray().size(), 7);
        QCOMPARE(
            ukfin->get("/api/v1/receivables/aging?legal_entity_id=" + id(uk) + "&as_of=2026-13-01")
                .status,
            422);
    }

    void statementRunsTheBalance()
    {
        // Before March: invoice 1,000.00 and a receipt of 400.00 → opening 600.00.
        const qint64 jan =
            invoice(uk, initech, "GBP", "1000.00", QDate(2026, 1, 10), QDate(2026, 2, 9));
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-02-15", m("400.00", "GBP"),
                         {alloc(jan, "400.00", "GBP")})
                     .status,
                 201);
        // March: invoice 500.00 (+500 → 1,100.00), receipt 300.00 (→ 800.00), credit note
        // 100.00 (→ 700.00).
        const qint64 mar =
            invoice(uk, initech, "GBP", "500.00", QDate(2026, 3, 1), QDate(2026, 3, 31));
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-10", m("300.00", "GBP"),
                         {alloc(mar, "300.00", "GBP")})
                     .status,
                 201);
        creditNote(mar, "100.00", QDate(2026, 3, 20));
        // After the statement's end: not on it.
        invoice(uk, initech, "GBP", "77.00", QDate(2026, 4, 2), QDate(2026, 5, 2));

        const HttpResult r =
            ukfin->get("/api/v1/receivables/statements/" + id(initech) +
                       "?legal_entity_id=" + id(uk) + "&from=2026-03-01&to=2026-03-31");
        QVERIFY2(r.status == 200, r.body);
        const QJsonObject s = r.json();
        QCOMPARE(amt(s.value("opening_balance")), QString("600.00 GBP"));
        QStringList lines;
        for (const QJsonValue &v : s.value("lines").toArray()) {
            const QJsonObject l = v.toObject();
            lines << l.value("date").toString() + u' ' + l.value("kind").toString() + u' ' +
                         l.value("debit").toObject().value("amount").toString() + u' ' +
                         l.value("credit").toObject().value("amount").toString() + u' ' +
                         l.value("balance").toObject().value("amount").toString();
        }
        QCOMPARE(lines, (QStringList{"2026-03-01 invoice 500.00 0.00 1100.00",
                                     "2026-03-10 receipt 0.00 300.00 800.00",
                                     "2026-03-20 credit_note 0.00 100.00 700.00"}));
        QCOMPARE(amt(s.value("closing_balance")), QString("700.00 GBP"));
        // What is open at the end is the closing balance: 600.00 of January (due 02-09, 50 days
        // late) and 100.00 of March (current).
        const QJsonObject aging = s.value("aging").toObject();
        QCOMPARE(buckets(aging), QString("100.00 0.00 600.00 0.00 0.00 700.00 0.00 700.00"));
    }

    void collectionNotesRaiseTheDunningLevel()
    {
        const qint64 inv =
            invoice(uk, initech, "GBP", "500.00", QDate(2026, 1, 10), QDate(2026, 2, 9));
        const QString path = "/api/v1/receivables/invoices/" + id(inv) + "/collection-notes";
        HttpResult r = ukfin->post(path, {{"note", "Called AP, invoice not received"}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("invoice").toObject().value("dunning_level").toInt(), 0);
        r = ukfin->post(path, {{"note", "First reminder sent"}, {"dunning_level", 1}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("invoice").toObject().value("dunning_level").toInt(), 1);
        QCOMPARE(r.json().value("invoice").toObject().value("last_dunned_on").toString(),
                 QDate::currentDate().toString(Qt::ISODate));
        r = ukfin->post(path, {{"note", "Promised for Friday"},
                               {"promised_date", "2026-03-06"},
                               {"dunning_level", 2}});
        QCOMPARE(r.status, 201);
        QCOMPARE(scalar("SELECT dunning_level FROM invoices WHERE id = ?", {inv}), 2);
        // A level never goes down, and 4 does not exist.
        r = ukfin->post(path, {{"note", "Oops"}, {"dunning_level", 1}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("dunning_level:below_current"));
        QCOMPARE(ukfin->post(path, {{"note", "x"}, {"dunning_level", 4}}).fieldCodes(),
                 QString("dunning_level:invalid_value"));
        r = ukfin->get(path);
        QCOMPARE(r.status, 200);
        const QJsonArray notes = r.json().value("items").toArray();
        QCOMPARE(notes.size(), 3);
        QCOMPARE(notes.first().toObject().value("note").toString(), QString("Promised for Friday"));
        QCOMPARE(notes.first().toObject().value("promised_date").toString(), QString("2026-03-06"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'invoice.dunning'"), 2);
        // A paid invoice is not dunned.
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-03-05", m("500.00", "GBP"),
                         {alloc(inv, "500.00", "GBP")})
                     .status,
                 201);
        QCOMPARE(ukfin->post(path, {{"note", "x"}, {"dunning_level", 3}}).status, 409);
        // Another entity's invoice does not exist for UK finance; a consultant may not read.
        const qint64 usInv =
            invoice(us, client, "USD", "10.00", QDate(2026, 1, 10), QDate(2026, 2, 9));
        QCOMPARE(
            ukfin->get("/api/v1/receivables/invoices/" + id(usInv) + "/collection-notes").status,
            404);
        QCOMPARE(login("amy")->get(path).status, 403);
    }

    void dsoByHand()
    {
        // As of 2026-06-30 the 90 days are 04-02 … 06-30.
        const qint64 a = invoice(uk, initech, "GBP", "7200.00", QDate(2026, 5, 1),
                                 QDate(2026, 5, 31), "1200.00");
        const qint64 b = invoice(uk, initech, "GBP", "3600.00", QDate(2026, 6, 15),
                                 QDate(2026, 7, 15), "600.00");
        invoice(uk, initech, "GBP", "2400.00", QDate(2026, 3, 1), QDate(2026, 3, 31), "400.00");
        creditNote(b, "600.00", QDate(2026, 6, 20), "100.00");
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-06-10", m("2000.00", "GBP"),
                         {alloc(a, "2000.00", "GBP")})
                     .status,
                 201);
        QCOMPARE(receipt(*ukfin, uk, initech, ukGbpBank, "2026-06-12", m("600.00", "GBP")).status,
                 201);
        // Revenue: 6,000 + 3,000 − 500 = 8,500.00 net of tax. AR: 7,200 + 3,600 − 600 + 2,400
        // − 2,000 − 600 unapplied = 10,000.00. DSO = 10,000 / 8,500 × 90 = 105.88 → 105.9.
        const HttpResult r =
            ukfin->get("/api/v1/receivables/dso?legal_entity_id=" + id(uk) + "&as_of=2026-06-30");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(amt(r.json().value("revenue_90d")), QString("8500.00 GBP"));
        QCOMPARE(amt(r.json().value("ar")), QString("10000.00 GBP"));
        QCOMPARE(r.json().value("dso").toString(), QString("105.9"));
        QVERIFY(r.json().value("basis").toString().contains("billed revenue"));
        // The ledger agrees on AR (credit note not posted here: 600.00 more on the ledger).
        QCOMPARE(arOf(uk, initech), QString("10600.00"));

        // Once UK recognises revenue, DSO reads the revenue account: 9,000.00 recognised on
        // 2026-05-31 (and 1,000.00 in March, outside the 90 days): 10,000 / 9,000 × 90 = 100.0.
        for (const auto &[date, amount] :
             {std::pair{QDate(2026, 3, 31), "1000.00"}, std::pair{QDate(2026, 5, 31), "9000.00"}}) {
            posting_rules::RevenueCatchUp e;
            e.entityId = uk;
            e.sourceId = QStringLiteral("dso:%1").arg(date.toString(Qt::ISODate));
            e.date = date;
            e.revenue = Money::parse(QString::fromLatin1(amount), u"GBP").value();
            e.unbilled = e.revenue;
            QSqlDatabase sql = db->sql();
            db::Transaction tx(sql);
            ledger->postMany({*posting_rules::buildRevenueCatchUp(e)});
            tx.commit();
        }
        const HttpResult recognised =
            ukfin->get("/api/v1/receivables/dso?legal_entity_id=" + id(uk) + "&as_of=2026-06-30");
        QCOMPARE(amt(recognised.json().value("revenue_90d")), QString("9000.00 GBP"));
        QCOMPARE(recognised.json().value("dso").toString(), QString("100.0"));
        QVERIFY(recognised.json().value("basis").toString().contains("recognised revenue"));
    }

    void readsAreFinancesAndPerEntity()
    {
        auto amyHttp = login("amy");
        QCOMPARE(amyHttp->get("/api/v1/receivables/aging?legal_entity_id=" + id(us)).status, 403);
        QCOMPARE(amyHttp->get("/api/v1/receivables/dso?legal_entity_id=" + id(us)).status, 403);
        QCOMPARE(ukfin->get("/api/v1/receivables/aging?legal_entity_id=" + id(us)).status, 404);
        QCOMPARE(ukfin->get("/api/v1/receivables/dso?legal_entity_id=" + id(us)).status, 404);
        QCOMPARE(
            ukfin
                ->get("/api/v1/receivables/statements/" + id(client) + "?legal_entity_id=" + id(us))
                .status,
            404);
        QCOMPARE(ukfin->get("/api/v1/receivables/aging").status, 422);
    }
};

QTEST_GUILESS_MAIN(ReceivablesReportsTest)
#include "tst_receivables_reports.moc"
