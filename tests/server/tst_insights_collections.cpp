// Collections prediction on a small firm with known habits: a client that always paid 40 days
// late gets due + 40 and a high P(> 30 days late), a punctual one its due date and a low one; an
// invoice already 60 days overdue is expected after today; every cash-in week equals the open
// amounts of its records to the cent, in the entity's and in the group currency; 409 before
// training, 403 for another entity, 422 for a week that is not a Monday.

#include "decimal.h"
#include "insights/insights_model.h"
#include "insights/insights_model_store.h"
#include "tst_receivables_fixture.h"

#include <QUrlQuery>

using namespace keel;
using namespace keel::test;

class InsightsCollectionsTest : public QObject, public ReceivablesFixture
{
    Q_OBJECT

    QDate today = QDate::currentDate();
    qint64 late40 = 0, punctual = 0;
    qint64 openLate = 0, overdueLate = 0, openPunctual = 0, openUk1 = 0, openUk2 = 0;
    std::unique_ptr<HttpClient> finHttp, groupHttp;

    // An invoice of `client` due on `due`, paid in full by a receipt on `paidOn`.
    void paid(HttpClient &http, qint64 entity, qint64 client, qint64 bankAccount,
              const char *currency, const char *total, QDate due, QDate paidOn)
    {
        const qint64 inv = invoice(entity, client, currency, total, due.addDays(-30), due);
        const HttpResult r =
            receipt(http, entity, client, bankAccount, qPrintable(paidOn.toString(Qt::ISODate)),
                    m(total, currency), {alloc(inv, total, currency)});
        QVERIFY2(r.status == 201, r.body);
    }

    void seedHistory()
    {
        finHttp = login("fin");
        late40 = client_(us, "Late Forty", "USD");
        punctual = client_(us, "Punctual", "USD");
        for (int i = 0; i < 8; ++i) {
            const QDate due = today.addDays(-300 + 20 * i);
            paid(*finHttp, us, late40, usBank, "USD", "2000.00", due, due.addDays(40));
            paid(*finHttp, us, punctual, usBank, "USD", "1500.00", due, due);
        }
        for (int i = 0; i < 4; ++i) {
            const QDate due = today.addDays(-250 + 30 * i);
            paid(*ukfin, uk, initech, ukGbpBank, "GBP", "800.00", due, due);
        }
        openLate = invoice(us, late40, "USD", "1000.01", today.addDays(-20), today.addDays(10));
        overdueLate = invoice(us, late40, "USD", "333.33", today.addDays(-90), today.addDays(-60));
        openPunctual =
            invoice(us, punctual, "USD", "2500.50", today.addDays(-25), today.addDays(5));
        openUk1 = invoice(uk, initech, "GBP", "100.37", today.addDays(-27), today.addDays(3));
        openUk2 = invoice(uk, initech, "GBP", "200.49", today.addDays(-26), today.addDays(4));
    }

    void train()
    {
        const InsightsTrained t = collectionsModel().train(db->sql(), today, {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        storeInsightsModel(db->sql(), QStringLiteral("collections"), today, t, 5, 0);
    }

    QJsonObject itemOf(const QJsonArray &items, qint64 invoiceId)
    {
        for (const QJsonValue &v : items)
            if (v.toObject().value("invoice_id").toString() == QString::number(invoiceId))
                return v.toObject();
        return {};
    }

    QJsonObject factorOf(const QJsonObject &item, const char *name)
    {
        for (const QJsonValue &v : item.value("factors").toArray())
            if (v.toObject().value("factor").toString() == QLatin1String(name))
                return v.toObject();
        return {};
    }

    static Decimal dec(const QJsonValue &v) { return Decimal::parse(v.toString()).value(); }

    // Every week of the curve equals the sum of its records' parts in it and lies within its
    // P10–P90; each invoice's parts over the weeks add up to its open amount (all of this
    // fixture's invoices are expected within the 13 weeks), and all invoices to total_open.
    void checkWeeksAgainstRecords(HttpClient &http, const QString &entityQuery,
                                  const QString &currency, int openInvoices,
                                  QHash<qint64, QString> *amounts)
    {
        const HttpResult c = http.get("/api/v1/insights/cash-in" + entityQuery);
        QVERIFY2(c.status == 200, c.body);
        const QJsonObject cash = c.json();
        QCOMPARE(cash.value("currency").toString(), currency);
        const QJsonArray weeks = cash.value("weeks").toArray();
        QCOMPARE(weeks.size(), 13);
        QCOMPARE(weeks.first().toObject().value("week_start").toString(),
                 today.addDays(1 - today.dayOfWeek()).toString(Qt::ISODate));
        QHash<QString, Decimal> parts;
        for (const QJsonValue &w : weeks) {
            const QJsonObject week = w.toObject();
            const QString sep = entityQuery.isEmpty() ? QStringLiteral("?") : QStringLiteral("&");
            const HttpResult r =
                http.get("/api/v1/insights/collections" + entityQuery + sep +
                         "week=" + week.value("week_start").toString() + "&limit=500");
            QVERIFY2(r.status == 200, r.body);
            Decimal sum;
            const QJsonArray items = r.json().value("items").toArray();
            for (const QJsonValue &v : items) {
                const QJsonObject item = v.toObject();
                QCOMPARE(item.value("currency").toString(), currency);
                sum = sum.add(dec(item.value("week_amount"))).value();
                const QString id = item.value("invoice_id").toString();
                parts[id] = parts.value(id).add(dec(item.value("week_amount"))).value();
                if (amounts)
                    amounts->insert(item.value("invoice_id").toString().toLongLong(),
                                    item.value("open_amount").toString());
            }
            QCOMPARE(items.size(), week.value("invoices").toInt());
            QCOMPARE(sum.toString(), dec(week.value("expected")).toString());
            QVERIFY2(dec(week.value("p10")) <= dec(week.value("expected")) &&
                         dec(week.value("expected")) <= dec(week.value("p90")),
                     qPrintable(QJsonDocument(week).toJson(QJsonDocument::Compact)));
        }
        QCOMPARE(parts.size(), openInvoices);
        const HttpResult all = http.get("/api/v1/insights/collections" + entityQuery);
        Decimal total;
        for (const QJsonValue &v : all.json().value("items").toArray()) {
            const QJsonObject item = v.toObject();
            total = total.add(dec(item.value("open_amount"))).value();
            QCOMPARE(parts.value(item.value("invoice_id").toString()).toString(),
                     dec(item.value("open_amount")).toString());
        }
        QCOMPARE(total.toString(), dec(cash.value("total_open")).toString());
    }

private slots:
    void init()
    {
        setUpReceivables(QTest::currentTestFunction());
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'USD', '2025-01-01', 1.2345)");
        server->createUser("grp", "grp password", {{"finance", "US"}, {"finance", "UK"}}, "US");
        seedHistory();
    }
    void cleanup()
    {
        finHttp.reset();
        groupHttp.reset();
        ukfin.reset();
        tearDown();
    }

    void notTrainedIs409()
    {
        QCOMPARE(finHttp->get("/api/v1/insights/collections").status, 409);
        QCOMPARE(finHttp->get("/api/v1/insights/cash-in").status, 409);
    }

    void lateAndPunctualClients()
    {
        train();
        const HttpResult r = finHttp->get("/api/v1/insights/collections?limit=500");
        QVERIFY2(r.status == 200, r.body);
        const QJsonObject answer = r.json();
        QCOMPARE(answer.value("model").toObject().value("name").toString(), QString("collections"));
        const QJsonArray items = answer.value("items").toArray();
        QCOMPARE(items.size(), 3); // fin sees the US entity only

        // Always 40 days late: due + 40, and surely more than 30 days late.
        const QJsonObject late = itemOf(items, openLate);
        QCOMPARE(late.value("expected_payment_date").toString(),
                 today.addDays(50).toString(Qt::ISODate));
        QCOMPARE(late.value("expected_days_late").toInt(), 40);
        QVERIFY2(late.value("p_late_30").toString().toDouble() > 0.9,
                 qPrintable(late.value("p_late_30").toString()));
        QCOMPARE(late.value("open_amount").toString(), QString("1000.01"));
        const QJsonObject history = factorOf(late, "client_history");
        QCOMPARE(history.value("value").toDouble(), 40.0);
        QCOMPARE(history.value("invoices").toInt(), 8);
        QCOMPARE(history.value("late_30_share").toString(), QString("1.0000"));
        QVERIFY2(history.value("text").toString().contains("40 days after due"),
                 qPrintable(history.value("text").toString()));
        QVERIFY(!factorOf(late, "amount_band").isEmpty());

        // Punctual: its due date, and hardly ever late.
        const QJsonObject onTime = itemOf(items, openPunctual);
        QCOMPARE(onTime.value("expected_payment_date").toString(),
                 today.addDays(5).toString(Qt::ISODate));
        QVERIFY2(onTime.value("p_late_30").toString().toDouble() < 0.1,
                 qPrintable(onTime.value("p_late_30").toString()));
        QCOMPARE(factorOf(onTime, "client_history").value("value").toDouble(), 0.0);

        // 60 days overdue from a client that pays at 40: not in the past, after today.
        const QJsonObject overdue = itemOf(items, overdueLate);
        const QDate expected =
            QDate::fromString(overdue.value("expected_payment_date").toString(), Qt::ISODate);
        QVERIFY2(expected > today, qPrintable(expected.toString(Qt::ISODate)));
        QCOMPARE(overdue.value("p_late_30").toString(), QString("1.0000"));
        QCOMPARE(factorOf(overdue, "overdue").value("value").toInt(), 60);
    }

    void cashInWeeksEqualTheirRecords()
    {
        train();
        // One entity: its functional currency, amounts as open.
        QHash<qint64, QString> usd;
        checkWeeksAgainstRecords(*finHttp, QStringLiteral("?entity=%1").arg(us),
                                 QStringLiteral("USD"), 3, &usd);
        QCOMPARE(usd.value(openLate), QString("1000.01"));
        QCOMPARE(usd.value(overdueLate), QString("333.33"));
        QHash<qint64, QString> gbp;
        checkWeeksAgainstRecords(*ukfin, QStringLiteral("?entity=%1").arg(uk),
                                 QStringLiteral("GBP"), 2, &gbp);
        QCOMPARE(gbp.value(openUk1), QString("100.37"));

        // The group: UK's GBP at 1.2345, rounded per entity and week. The two UK invoices fall
        // in different weeks or the same one; either way each week adds up exactly.
        groupHttp = login("grp");
        QHash<qint64, QString> group;
        checkWeeksAgainstRecords(*groupHttp, QString(), QStringLiteral("USD"), 5, &group);
        QCOMPARE(group.value(openLate), QString("1000.01"));
        // 100.37 × 1.2345 = 123.906765, 200.49 × 1.2345 = 247.504905: 123.91 + 247.50 whether
        // apart (each rounded) or together (371.41 split 123.91 / 247.50).
        QCOMPARE(group.value(openUk1), QString("123.91"));
        QCOMPARE(group.value(openUk2), QString("247.50"));
    }

    // A client whose delays spread evenly over seven weeks, with eight equal invoices due the
    // same day: their median dates all fall in one week, but the same distributions spread the
    // money, so the sum of medians lay above that week's P90 (the demo's bug). Each week now
    // expects the mean and holds it within its range; and an invoice beyond the history (60 days
    // overdue, nobody paid that late) is certain in the week of today + 7, which its range, its
    // expectation and its record all say.
    void cashInRangesHoldTheExpectation()
    {
        const qint64 spread = client_(us, "Spread Payer", "USD");
        for (int i = 0; i < 16; ++i) {
            const QDate due = today.addDays(-400 + 20 * i);
            paid(*finHttp, us, spread, usBank, "USD", "700.00", due, due.addDays(3 * i));
        }
        for (int i = 0; i < 8; ++i)
            invoice(us, spread, "USD", "1000.00", today.addDays(-25), today.addDays(5));
        train();
        checkWeeksAgainstRecords(*finHttp, QStringLiteral("?entity=%1").arg(us),
                                 QStringLiteral("USD"), 11, nullptr);

        const QDate monday = today.addDays(1 - today.dayOfWeek());
        const QDate certainWeek = monday.addDays(7 * (monday.daysTo(today.addDays(7)) / 7));
        const HttpResult c =
            finHttp->get(QStringLiteral("/api/v1/insights/cash-in?entity=%1").arg(us));
        QJsonObject week;
        for (const QJsonValue &w : c.json().value("weeks").toArray())
            if (w.toObject().value("week_start").toString() == certainWeek.toString(Qt::ISODate))
                week = w.toObject();
        QVERIFY(!week.isEmpty());
        QVERIFY2(dec(week.value("p10")) >= dec(QJsonValue("333.33")),
                 qPrintable(QJsonDocument(week).toJson(QJsonDocument::Compact)));
        const HttpResult r = finHttp->get(
            QStringLiteral("/api/v1/insights/collections?entity=%1&limit=500&week=").arg(us) +
            certainWeek.toString(Qt::ISODate));
        const QJsonObject overdue = itemOf(r.json().value("items").toArray(), overdueLate);
        QCOMPARE(overdue.value("week_amount").toString(), QString("333.33"));
        QCOMPARE(overdue.value("week_start").toString(), certainWeek.toString(Qt::ISODate));
    }

    void otherEntityIs403AndBadWeekIs422()
    {
        train();
        QCOMPARE(
            finHttp->get(QStringLiteral("/api/v1/insights/collections?entity=%1").arg(uk)).status,
            403);
        QCOMPARE(finHttp->get(QStringLiteral("/api/v1/insights/cash-in?entity=%1").arg(uk)).status,
                 403);
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        HttpResult r = finHttp->get("/api/v1/insights/collections?week=" +
                                    monday.addDays(1).toString(Qt::ISODate));
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("\"week\"") && r.body.contains("not_monday"), r.body);
        r = finHttp->get("/api/v1/insights/collections?week=2026-13-01");
        QCOMPARE(r.status, 422);
        QVERIFY2(r.body.contains("\"week\""), r.body);
        QCOMPARE(finHttp->get("/api/v1/insights/collections?week=" + monday.toString(Qt::ISODate))
                     .status,
                 200);
    }

    // The backtest on a copy of the demo firm, when KEEL_COLLECTIONS_DEMO_DB names one (never a
    // threshold here: the benchmark prints the figures).
    void demoBacktest()
    {
        const QByteArray name = qgetenv("KEEL_COLLECTIONS_DEMO_DB");
        if (name.isEmpty())
            QSKIP("KEEL_COLLECTIONS_DEMO_DB not set");
        QSqlDatabase demo = QSqlDatabase::addDatabase("QPSQL", "collections_demo");
        demo.setHostName(qEnvironmentVariable("KEEL_TEST_PGHOST"));
        demo.setPort(qEnvironmentVariable("KEEL_TEST_PGPORT").toInt());
        demo.setUserName("postgres");
        demo.setDatabaseName(QString::fromLatin1(name));
        QVERIFY(demo.open());
        QElapsedTimer timer;
        timer.start();
        const InsightsTrained t = collectionsModel().train(
            demo,
            QDate::fromString(qEnvironmentVariable("KEEL_COLLECTIONS_AS_OF", "2026-11-15"),
                              Qt::ISODate),
            {});
        qInfo().noquote() << "training_ms" << timer.elapsed() << "error" << t.error
                          << QJsonDocument(t.backtest).toJson(QJsonDocument::Compact);
    }
};

QTEST_GUILESS_MAIN(InsightsCollectionsTest)
#include "tst_insights_collections.moc"
