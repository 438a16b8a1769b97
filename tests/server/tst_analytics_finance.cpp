// The finance metrics of analytics (server/analytics/README.md "Finance metrics") on a small
// book posted through the ledger's posting rules and the receipt service, checked against
// hand-computed figures:
//
// US (USD), projects lake and sea of Acme:
//   revenue recognised  Jan 40,000 (lake, unbilled), Feb 30,000 (lake, unbilled),
//                       Mar 16,000 (lake, unbilled) + 4,000 (sea, from deferred)  → Q1 90,000
//   invoice A 2026-03-15 due 04-14  60,000 clearing lake's unbilled
//   invoice B 2026-03-10 due 03-20  10,000 billed ahead on sea (deferred)
//   receipt   2026-03-20            40,000 into the US bank, allocated to A
//   intercompany charge to UK on 03-31: 5,000 on 4100, not revenue of the group
//   → at the end of March: AR 30,000 (A 20,000 current, B 10,000 11 days late), unbilled
//     26,000, deferred 6,000, cash 40,000, DSO 30,000 / 90,000 × 90 = 30.0
// UK (GBP), client Initech: revenue Feb 10,000, Mar 8,000 (unbilled, no project); an invoice
//   of 1,000 GBP on 03-20 (due 04-19) clears 1,000 of it.
//   GBP→USD 1.25 from 01-01, 1.30 from 03-16: Feb average 1.25; March average
//   (15 × 1.25 + 16 × 1.30) / 31 = 1.275806, closing 1.30.
//   → in USD: revenue Feb 12,500.00, Mar 10,206.45; unbilled at March end 17,000 × 1.30 =
//     22,100.00; AR 1,300.00.

#include "analytics/analytics_facts.h"
#include "analytics/ledger_month_fact.h"
#include "receivables/aging_service.h"
#include "receivables/receipt_service.h"
#include "tst_receivables_fixture.h"

using namespace keel;
using namespace keel::test;

class AnalyticsFinanceTest : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    qint64 invoiceA = 0, invoiceB = 0, ukProject = 0, cloud = 0;

    void recognise(qint64 entity, qint64 clientId, const char *sourceId, QDate date,
                   QList<posting_rules::ProjectAmount> unbilled,
                   QList<posting_rules::ProjectAmount> deferred = {})
    {
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger,
                {entity, clientId, fin, QString::fromLatin1(sourceId), date, unbilled, deferred});
        });
    }

    // An issued USD invoice of the US entity, posted as billing posts it.
    qint64 issue(QDate date, QDate due, const char *total,
                 QList<posting_rules::ProjectAmount> recognised,
                 QList<posting_rules::ProjectAmount> ahead)
    {
        const QString number = QStringLiteral("INV-F-%1").arg(++invoiceNo, 6, 10, QChar('0'));
        const qint64 id =
            scalar("INSERT INTO invoices (legal_entity_id, account_id, kind, number, status, "
                   "invoice_date, due_date, currency, tax_code, subtotal, tax_total, total, "
                   "functional_currency, fx_rate, functional_total) VALUES (?, ?, 'invoice', ?, "
                   "'issued', ?, ?, 'USD', 'UK_VAT_STANDARD', ?, 0, ?, 'USD', 1, ?) RETURNING id",
                   {us, client, number, date, due, total, total, total});
        posting_rules::InvoiceIssued e{us,     id,         client, fin,    date,
                                       number, recognised, ahead,  Money()};
        inTx([&] { return posting_rules::invoiceIssued(*ledger, e); });
        return id;
    }

    void book()
    {
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'USD', '2026-01-01', 1.25), "
                            "('GBP', 'USD', '2026-03-16', 1.30)");
        ukProject = makeProject(uk, "UK work");
        // Lake is a practice's, managed by fin: its lines carry the practice.
        cloud = scalar(
            "INSERT INTO practices (code, name) VALUES ('FIN_TEST', 'Finance test') RETURNING id");
        db::query(db->sql(),
                  "UPDATE projects SET practice_id = ?, project_manager_id = ? WHERE id = ?",
                  {cloud, fin, project});
        const Money usd40k = money("40000.00", "USD");
        recognise(us, client, "fin:jan", QDate(2026, 1, 31), {{project, usd40k, std::nullopt, {}}});
        recognise(us, client, "fin:feb", QDate(2026, 2, 28),
                  {{project, money("30000.00", "USD"), std::nullopt, {}}});
        recognise(us, client, "fin:mar", QDate(2026, 3, 31),
                  {{project, money("16000.00", "USD"), std::nullopt, {}}},
                  {{project2, money("4000.00", "USD"), std::nullopt, {}}});
        invoiceA = issue(QDate(2026, 3, 15), QDate(2026, 4, 14), "60000.00",
                         {{project, money("60000.00", "USD"), std::nullopt, {}}}, {});
        invoiceB = issue(QDate(2026, 3, 10), QDate(2026, 3, 20), "10000.00", {},
                         {{project2, money("10000.00", "USD"), std::nullopt, {}}});
        const ReceiptService receipts(db->config());
        inTx([&] {
            return receipts.record(
                ledger->store().db(),
                {us, client, usBank, QDate(2026, 3, 20), usd40k, "Wire", {{invoiceA, usd40k}}},
                fin);
        });
        inTx([&] {
            posting_rules::IntercompanyCharge ic;
            ic.employingEntityId = us;
            ic.contractingEntityId = uk;
            ic.postedBy = fin;
            ic.projectId = ukProject;
            ic.sourceId = QStringLiteral("fin:ic");
            ic.date = QDate(2026, 3, 31);
            ic.amount = money("5000.00", "USD");
            return posting_rules::intercompanyCharge(*ledger, ic).employing.entryId;
        });
        recognise(uk, initech, "fin:uk:feb", QDate(2026, 2, 28),
                  {{0, money("10000.00", "GBP"), std::nullopt, {}}});
        recognise(uk, initech, "fin:uk:mar", QDate(2026, 3, 31),
                  {{0, money("8000.00", "GBP"), std::nullopt, {}}});
        invoice(uk, initech, "GBP", "1000.00", QDate(2026, 3, 20), QDate(2026, 4, 19));
    }

    static QString metric(const char *name, const QString &query)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1?%2").arg(QLatin1String(name), query);
    }
    static QString records(const char *name, const QString &query)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1/records?%2")
            .arg(QLatin1String(name), query);
    }

    static QJsonObject ok(HttpClient &http, const QString &path)
    {
        const HttpResult r = http.get(path);
        if (r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }

    // "key=value" of every point, in order.
    static QStringList points(const QJsonObject &answer)
    {
        QStringList out;
        for (const QJsonValue &p : answer.value("points").toArray())
            out << p.toObject().value("key").toString() + u'=' +
                       p.toObject().value("value").toString();
        return out;
    }

    static QString fieldError(const HttpResult &r)
    {
        const QJsonObject e = r.json().value("errors").toArray().first().toObject();
        return QString::number(r.status) + u' ' + e.value("field").toString() + u' ' +
               e.value("code").toString();
    }

private slots:
    void init()
    {
        setUpReceivables(QTest::currentTestFunction());
        server->createUser("grp", "grp password", {{"finance", "US"}, {"finance", "UK"}}, "US");
        book();
    }
    void cleanup() { tearDown(); }

    void theUsBooksAtTheQuarterEnd()
    {
        auto f = login("fin");
        const QString q1 = QStringLiteral("from=2026-01&to=2026-03");

        const QJsonObject revenue = ok(*f, metric("revenue", q1));
        QCOMPARE(revenue.value("currency").toString(), QString("USD"));
        QCOMPARE(revenue.value("unit").toString(), QString("money"));
        QCOMPARE(revenue.value("value").toString(), QString("90000.00")); // 4100 left out
        QCOMPARE(points(revenue),
                 QStringList({"2026-01=40000.00", "2026-02=30000.00", "2026-03=20000.00"}));
        QCOMPARE(points(ok(*f, metric("revenue", q1 + "&by=project"))),
                 QStringList({QString::number(project) + "=86000.00",
                              QString::number(project2) + "=4000.00"}));

        const QJsonObject unbilled = ok(*f, metric("unbilled", q1));
        QCOMPARE(unbilled.value("value").toString(), QString("26000.00"));
        QCOMPARE(points(unbilled),
                 QStringList({"2026-01=40000.00", "2026-02=70000.00", "2026-03=26000.00"}));

        const QJsonObject deferred = ok(*f, metric("deferred_revenue", q1 + "&by=project"));
        QCOMPARE(deferred.value("value").toString(), QString("6000.00"));
        QCOMPARE(points(deferred), QStringList({QString::number(project2) + "=6000.00"}));

        const QJsonObject ar = ok(*f, metric("ar", q1 + "&by=client"));
        QCOMPARE(ar.value("value").toString(), QString("30000.00"));
        QCOMPARE(points(ar), QStringList({QString::number(client) + "=30000.00"}));
        QCOMPARE(ok(*f, metric("cash", q1)).value("value").toString(), QString("40000.00"));

        // DSO = 30,000.00 / 90,000.00 × 90 = 30.0 days; February: 70,000 unbilled but no AR.
        const QJsonObject dso = ok(*f, metric("dso", q1));
        QCOMPARE(dso.value("unit").toString(), QString("days"));
        QCOMPARE(dso.value("value").toString(), QString("30.0"));
        QCOMPARE(dso.value("numerator").toString(), QString("30000.00"));
        QCOMPARE(dso.value("denominator").toString(), QString("90000.00"));
        QCOMPARE(points(dso), QStringList({"2026-01=0.0", "2026-02=0.0", "2026-03=30.0"}));

        // Aging at 2026-03-31: A's 20,000 is not due yet, B's 10,000 is 11 days late.
        const QJsonObject aging = ok(*f, metric("ar_aging", "to=2026-03"));
        QCOMPARE(aging.value("value").toString(), QString("30000.00"));
        QCOMPARE(points(aging), QStringList({"current=20000.00", "d1_30=10000.00", "d31_60=0.00",
                                             "d61_90=0.00", "d90_plus=0.00"}));
        QCOMPARE(aging.value("extra").toObject().value("as_of").toString(), QString("2026-03-31"));
        // The receivables route's DSO follows the same rule (its 90 days are Jan 1 – Mar 31).
        const HttpResult r = f->get(
            QStringLiteral("/api/v1/receivables/dso?legal_entity_id=%1&as_of=2026-03-31").arg(us));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("dso").toString(), QString("30.0"));
    }

    void practiceAndManagerSliceTheProjectMetrics()
    {
        auto f = login("fin");
        const QString q1 = QStringLiteral("from=2026-01&to=2026-03");
        const QString c = QString::number(cloud);
        QCOMPARE(points(ok(*f, metric("revenue", q1 + "&by=practice"))),
                 QStringList({c + "=86000.00", "none=4000.00"}));
        QCOMPARE(ok(*f, metric("revenue", q1 + "&practice=" + c)).value("value").toString(),
                 QString("86000.00"));
        QCOMPARE(ok(*f, records("revenue", q1 + "&by=practice&key=none")).value("total").toString(),
                 QString("4000.00"));
        QCOMPARE(ok(*f, metric("unbilled", q1 + "&manager=me")).value("value").toString(),
                 QString("26000.00"));
        QCOMPARE(ok(*f, metric("deferred_revenue", q1 + "&manager=me")).value("value").toString(),
                 QString("0.00"));
        QCOMPARE(ok(*f, records("revenue", q1 + "&manager=me")).value("total").toString(),
                 QString("86000.00"));
    }

    void drillDownsAddUpToTheirPoint()
    {
        auto f = login("fin");
        const QString q1 = QStringLiteral("from=2026-01&to=2026-03");

        // March's revenue: the two lines of the March recognition, paged one by one.
        QJsonObject page = ok(*f, records("revenue", q1 + "&key=2026-03&limit=1"));
        QCOMPARE(page.value("total").toString(), QString("20000.00"));
        QCOMPARE(page.value("items").toArray().size(), 1);
        const QString next = page.value("next").toString();
        QVERIFY(!next.isEmpty());
        QJsonObject second = ok(*f, records("revenue", q1 + "&key=2026-03&limit=1&after=" + next));
        QCOMPARE(second.value("total").toString(), QString("20000.00"));
        QCOMPARE(second.value("items").toArray().size(), 1);
        QVERIFY(second.value("next").isNull());
        QStringList amounts;
        for (const QJsonObject &p : {page, second})
            amounts << p.value("items")
                           .toArray()
                           .first()
                           .toObject()
                           .value("amount")
                           .toObject()
                           .value("amount")
                           .toString();
        amounts.sort();
        QCOMPARE(amounts, QStringList({"16000.00", "4000.00"}));
        QCOMPARE(ok(*f, records("revenue", q1)).value("total").toString(), QString("90000.00"));

        // Balances by project / client / bank account at the month end.
        const QJsonObject unbilled = ok(*f, records("unbilled", q1 + "&key=2026-02"));
        QCOMPARE(unbilled.value("total").toString(), QString("70000.00"));
        QCOMPARE(unbilled.value("items").toArray().size(), 1);
        QCOMPARE(unbilled.value("items").toArray().first().toObject().value("project").toString(),
                 QString("Acme lake"));
        const QJsonObject deferred = ok(*f, records("deferred_revenue", q1));
        QCOMPARE(deferred.value("total").toString(), QString("6000.00"));
        QCOMPARE(deferred.value("items").toArray().first().toObject().value("project").toString(),
                 QString("Acme sea"));
        const QJsonObject ar = ok(*f, records("ar", q1));
        QCOMPARE(ar.value("total").toString(), QString("30000.00"));
        QCOMPARE(ar.value("items").toArray().first().toObject().value("client").toString(),
                 QString("Acme"));
        const QJsonObject cash = ok(*f, records("cash", q1));
        QCOMPARE(cash.value("total").toString(), QString("40000.00"));
        QCOMPARE(cash.value("items").toArray().first().toObject().value("bank_accounts").toString(),
                 QString("US USD"));

        // DSO: the receivables by client, and the three months' revenue lines.
        QCOMPARE(ok(*f, records("dso", q1 + "&key=2026-03")).value("total").toString(),
                 QString("30000.00"));
        const QJsonObject revenue90 = ok(*f, records("dso", q1 + "&key=2026-03&part=denominator"));
        QCOMPARE(revenue90.value("total").toString(), QString("90000.00"));
        QCOMPARE(revenue90.value("items").toArray().size(), 4);

        // Aging: the late invoice behind 1–30 days.
        const QJsonObject late = ok(*f, records("ar_aging", "to=2026-03&key=d1_30"));
        QCOMPARE(late.value("total").toString(), QString("10000.00"));
        QCOMPARE(late.value("items").toArray().size(), 1);
        const QJsonObject b = late.value("items").toArray().first().toObject();
        QCOMPARE(b.value("id").toString(), QString::number(invoiceB));
        QCOMPARE(b.value("days_past_due").toInt(), 11);
        QCOMPARE(b.value("functional_balance").toObject().value("amount").toString(),
                 QString("10000.00"));
        QCOMPARE(ok(*f, records("ar_aging", "to=2026-03")).value("total").toString(),
                 QString("30000.00"));
    }

    void theGroupCurrencyConvertsEachEntityMonth()
    {
        auto g = login("grp");
        const QString q1 = QStringLiteral("from=2026-01&to=2026-03");
        // Flows at the month's average rate: Feb 30,000 + 10,000 × 1.25; Mar 20,000 + 8,000 ×
        // 1.275806 = 10,206.448 → 10,206.45.
        const QJsonObject revenue = ok(*g, metric("revenue", q1));
        QCOMPARE(revenue.value("currency").toString(), QString("USD"));
        QCOMPARE(points(revenue),
                 QStringList({"2026-01=40000.00", "2026-02=42500.00", "2026-03=30206.45"}));
        QCOMPARE(revenue.value("value").toString(), QString("112706.45"));
        QCOMPARE(ok(*g, records("revenue", q1 + "&key=2026-03")).value("total").toString(),
                 QString("30206.45"));
        QCOMPARE(points(ok(*g, metric("revenue", q1 + "&by=entity"))),
                 QStringList({"UK=22706.45", "US=90000.00"}));

        // Balances at the month's closing rate: Feb 10,000 × 1.25, Mar 17,000 × 1.30.
        const QJsonObject unbilled = ok(*g, metric("unbilled", q1));
        QCOMPARE(points(unbilled),
                 QStringList({"2026-01=40000.00", "2026-02=82500.00", "2026-03=48100.00"}));
        // Two balances (US lake, UK without a project), one per page.
        const QJsonObject first = ok(*g, records("unbilled", q1 + "&key=2026-03&limit=1"));
        QCOMPARE(first.value("total").toString(), QString("48100.00"));
        QCOMPARE(first.value("items").toArray().size(), 1);
        const QJsonObject rest =
            ok(*g, records("unbilled",
                           q1 + "&key=2026-03&limit=1&after=" + first.value("next").toString()));
        QCOMPARE(rest.value("total").toString(), QString("48100.00"));
        QCOMPARE(rest.value("items").toArray().size(), 1);
        QVERIFY(rest.value("next").isNull());
        QStringList balances;
        for (const QJsonObject &p : {first, rest}) {
            const QJsonObject item = p.value("items").toArray().first().toObject();
            balances << item.value("entity").toString() + u' ' + item.value("project").toString() +
                            u' ' + amt(item.value("balance"));
        }
        balances.sort();
        QCOMPARE(balances,
                 QStringList({"UK No project 17000.00 GBP", "US Acme lake 26000.00 USD"}));
        QCOMPARE(ok(*g, metric("unbilled", q1 + "&currency=group&entity=" + QString::number(uk)))
                     .value("value")
                     .toString(),
                 QString("22100.00"));

        // DSO of the group: (30,000.00 + 1,300.00) / 112,706.45 × 90 = 24.994 → 25.0; the UK's
        // 1,300.00 / 22,706.45 × 90 = 5.15 → 5.2.
        const QJsonObject dso = ok(*g, metric("dso", q1));
        QCOMPARE(dso.value("value").toString(), QString("25.0"));
        QCOMPARE(dso.value("numerator").toString(), QString("31300.00"));
        QCOMPARE(dso.value("denominator").toString(), QString("112706.45"));
        QCOMPARE(ok(*g, records("dso", q1 + "&part=denominator")).value("total").toString(),
                 QString("112706.45"));
        QCOMPARE(points(ok(*g, metric("dso", "to=2026-03&from=2026-03&by=entity"))),
                 QStringList({"UK=5.2", "US=30.0"}));

        // Aging at the closing rate of `to`: the UK invoice is current, 1,000 × 1.30.
        const QJsonObject aging = ok(*g, metric("ar_aging", "to=2026-03&by=entity"));
        QCOMPARE(aging.value("value").toString(), QString("31300.00"));
        QCOMPARE(points(aging), QStringList({"UK=1300.00", "US=30000.00"}));
        QCOMPARE(points(ok(*g, metric("ar_aging", "to=2026-03"))).first(),
                 QString("current=21300.00"));
        QCOMPARE(ok(*g, records("ar_aging", "to=2026-03&key=current")).value("total").toString(),
                 QString("21300.00"));

        // The UK in its own currency.
        const QJsonObject own =
            ok(*g, metric("revenue", q1 + "&currency=entity&entity=" + QString::number(uk)));
        QCOMPARE(own.value("currency").toString(), QString("GBP"));
        QCOMPARE(own.value("value").toString(), QString("18000.00"));
    }

    void aNewPostingIsInTheNextAnswer()
    {
        auto f = login("fin");
        const QString march = QStringLiteral("from=2026-03&to=2026-03");
        QCOMPARE(ok(*f, metric("revenue", march)).value("value").toString(), QString("20000.00"));
        recognise(us, client, "fin:mar:late", QDate(2026, 3, 31),
                  {{project, money("1000.00", "USD"), std::nullopt, {}}});
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = 'ledger_month'"),
                 1);
        QCOMPARE(ok(*f, metric("revenue", march)).value("value").toString(), QString("21000.00"));
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = 'ledger_month'"),
                 0);
        QCOMPARE(ok(*f, metric("unbilled", march)).value("value").toString(), QString("27000.00"));
        // 30,000 / 91,000 × 90 = 29.67 → 29.7.
        QCOMPARE(ok(*f, metric("dso", march)).value("value").toString(), QString("29.7"));
        QCOMPARE(ok(*f, records("revenue", march)).value("total").toString(), QString("21000.00"));

        // The maintained aggregate equals a rebuild from the journal.
        db::exec(db->sql(), QStringLiteral("CREATE TEMP TABLE kept AS SELECT * FROM "
                                           "analytics_ledger_month"));
        QList<EntityMonth> partitions;
        for (const qint64 e : {us, uk, de})
            for (int m = 1; m <= 12; ++m)
                partitions.append({e, QDate(2026, m, 1)});
        inTx([&] {
            ledgerMonthFact().rebuild(ledger->store().db(), partitions);
            return 0;
        });
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM "
                        "analytics_ledger_month) d"),
                 0);
    }

    // One rounding, from the exact quotient: 49,999.95 × 90 / 90,000,000.00 = 0.04999995 days
    // is 0.0, where rounding the quotient to six places first would make it 0.1.
    void theDsoRuleRoundsOnce()
    {
        const auto d = [](const char *ar, const char *revenue) {
            const auto days =
                receivables::dsoDays(Decimal::parse(QString::fromLatin1(ar)).value(),
                                     Decimal::parse(QString::fromLatin1(revenue)).value());
            return days ? days->toString(1) : QStringLiteral("null");
        };
        QCOMPARE(d("49999.95", "90000000.00"), QString("0.0"));
        QCOMPARE(d("50000.00", "90000000.00"), QString("0.1")); // 0.05: half away from zero
        QCOMPARE(d("-50000.00", "90000000.00"), QString("-0.1"));
        QCOMPARE(d("30000.00", "90000.00"), QString("30.0"));
        QCOMPARE(d("30000.00", "0"), QString("null"));
        QCOMPARE(d("30000.00", "-5.00"), QString("null"));
    }

    void badFiltersAre422AndOtherEntities403()
    {
        auto f = login("fin");
        QCOMPARE(fieldError(f->get(metric("revenue", "person=5"))),
                 QString("422 person not_applicable"));
        QCOMPARE(fieldError(f->get(metric("ar", "project=" + QString::number(project)))),
                 QString("422 project not_applicable"));
        QCOMPARE(fieldError(f->get(metric("cash", "client=" + QString::number(client)))),
                 QString("422 client not_applicable"));
        QCOMPARE(fieldError(f->get(metric("dso", "practice=1"))),
                 QString("422 practice not_applicable"));
        QCOMPARE(fieldError(f->get(metric("ar_aging", "by=month"))),
                 QString("422 by invalid_choice"));
        QCOMPARE(fieldError(f->get(records("ar_aging", "key=d7"))), QString("422 key invalid_key"));
        QCOMPARE(fieldError(f->get(records("revenue", "after=abc"))),
                 QString("422 after invalid_value"));
        QCOMPARE(fieldError(f->get(metric("revenue", "from=2026-13"))).section(u' ', 0, 1),
                 QString("422 from"));

        auto uk = login("ukfin");
        QCOMPARE(uk->get(metric("revenue", "entity=" + QString::number(us))).status, 403);
        QCOMPARE(uk->get(records("ar_aging", "entity=" + QString::number(us))).status, 403);
        const QJsonObject own = uk->get(metric("ar_aging", "to=2026-03")).json();
        QCOMPARE(own.value("currency").toString(), QString("GBP"));
        QCOMPARE(own.value("value").toString(), QString("1000.00"));
    }
};

QTEST_GUILESS_MAIN(AnalyticsFinanceTest)
#include "tst_analytics_finance.moc"
