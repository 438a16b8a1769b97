// Exchange rates by day and the group's settings, through real HTTP: a manual rate set and
// replaced, a CSV import that writes all or nothing and names the bad line and column, the
// rate used on a day (the latest on or before it), who may read and write, and the group's
// settings changed only by a controller with the current version.

#include "tst_ledger_fixture.h"

using namespace keel;
using namespace keel::test;

class FxRatesTest : public QObject, public LedgerFixture
{
    Q_OBJECT

    std::unique_ptr<HttpClient> finance, controller, consultant;

    qint64 rateCount() { return scalar("SELECT count(*) FROM fx_rates"); }

    HttpResult put(HttpClient &http, const QJsonObject &body)
    {
        return http.send("PUT", "/api/v1/fx/rates", QJsonDocument(body).toJson(),
                         {{"Content-Type", "application/json"}});
    }

    HttpResult import(HttpClient &http, const QByteArray &csv, const QByteArray &type = "text/csv")
    {
        return http.send("POST", "/api/v1/fx/rates/import", csv, {{"Content-Type", type}});
    }

    HttpResult patchGroup(HttpClient &http, const QJsonObject &body, const QByteArray &ifMatch)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!ifMatch.isEmpty())
            headers.append({"If-Match", ifMatch});
        return http.send("PATCH", "/api/v1/group", QJsonDocument(body).toJson(), headers);
    }

    static QJsonObject rate(const char *from, const char *to, const char *date,
                            const QJsonValue &value)
    {
        return {{"from_currency", from}, {"to_currency", to}, {"rate_date", date}, {"rate", value}};
    }

    // "FROM TO date rate" of every row of a list page.
    static QStringList rows(const QJsonObject &page)
    {
        QStringList out;
        for (const QJsonValue &v : page.value("items").toArray()) {
            const QJsonObject o = v.toObject();
            out << QStringLiteral("%1 %2 %3 %4")
                       .arg(o.value("from_currency").toString(), o.value("to_currency").toString(),
                            o.value("rate_date").toString(), o.value("rate").toString());
        }
        return out;
    }

private slots:
    void init()
    {
        setUp(QTest::currentTestFunction());
        finance = login("fin");
        controller = login("ctl");
        consultant = login("amy");
    }
    void cleanup()
    {
        finance.reset();
        controller.reset();
        consultant.reset();
        tearDown();
    }

    void manualRateIsSetThenReplacedAndAudited()
    {
        HttpResult r = put(*finance, rate("USD", "GBP", "2026-10-30", "0.7912345678"));
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("rate").toString(), QString("0.7912345678"));
        QCOMPARE(r.json().value("replaced").toBool(), false);
        QCOMPARE(r.json().value("source").toString(), QString("manual"));
        r = put(*finance, rate("USD", "GBP", "2026-10-30", "0.80"));
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("rate").toString(), QString("0.8"));
        QCOMPARE(r.json().value("replaced").toBool(), true);
        // The inverse pair is not implied.
        QCOMPARE(scalar("SELECT count(*) FROM fx_rates WHERE from_currency = 'GBP'"), qint64(0));
        QCOMPARE(text("SELECT rate::text FROM fx_rates WHERE from_currency = 'USD' AND "
                      "to_currency = 'GBP' AND rate_date = '2026-10-30'"),
                 QString("0.8000000000"));
        QCOMPARE(text("SELECT string_agg(actor_name || ' ' || (before IS NULL)::text, ',' ORDER "
                      "BY id) FROM audit_log WHERE action = 'fx_rate.set' AND record_id = "
                      "'USD:GBP:2026-10-30'"),
                 QString("fin true,fin false"));
    }

    void badManualRateIsRefusedAndNothingWritten()
    {
        const qint64 before = rateCount();
        const struct
        {
            QJsonObject body;
            const char *codes;
        } cases[] = {
            {rate("USD", "GBP", "2026-10-30", "0"), "rate:invalid_value"},
            {rate("USD", "GBP", "2026-10-30", "-0.5"), "rate:invalid_value"},
            {rate("USD", "GBP", "2026-10-30", "0.12345678901"), "rate:invalid_value"},
            {rate("USD", "GBP", "2026-10-30", "0,80"), "rate:invalid_value"},
            {rate("USD", "GBP", "2026-10-30", 0.8), "rate:invalid_type"},
            {rate("usd", "GBP", "2026-10-30", "0.8"), "from_currency:invalid_value"},
            {rate("USD", "GBPX", "2026-10-30", "0.8"), "to_currency:invalid_value"},
            {rate("USD", "USD", "2026-10-30", "1"), "to_currency:same_currency"},
            {rate("USD", "GBP", "2026-02-30", "0.8"), "rate_date:invalid_value"},
        };
        for (const auto &c : cases) {
            const HttpResult r = put(*finance, c.body);
            QVERIFY2(r.status == 422, r.body);
            QVERIFY2(r.fieldCodes().contains(QString::fromLatin1(c.codes)), r.body);
        }
        QCOMPARE(rateCount(), before);
    }

    void csvImportWritesEveryLine()
    {
        const HttpResult r = import(*finance, "\xEF\xBB\xBF"
                                              "date,from,to,rate\r\n"
                                              "2026-10-01,USD,GBP,0.79\r\n"
                                              "2026-10-02,USD,GBP,0.7905\r\n"
                                              "\r\n"
                                              "2026-01-01,EUR,USD,1.0900000001\r\n");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("imported").toInt(), 3);
        QCOMPARE(r.json().value("inserted").toInt(), 2);
        QCOMPARE(r.json().value("replaced").toInt(), 1); // EUR→USD 2026-01-01 was in the fixture
        QCOMPARE(text("SELECT string_agg(rate::text || ' ' || source, ',' ORDER BY rate_date) "
                      "FROM fx_rates WHERE from_currency = 'USD'"),
                 QString("0.7900000000 import,0.7905000000 import"));
        QCOMPARE(text("SELECT rate::text FROM fx_rates WHERE from_currency = 'EUR' AND "
                      "rate_date = '2026-01-01'"),
                 QString("1.0900000001"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'fx_rate.import'"),
                 qint64(1));
        // Without a header line too.
        const HttpResult plain = import(*finance, "2026-10-05,USD,GBP,0.791\n");
        QVERIFY2(plain.status == 200, plain.body);
        QCOMPARE(plain.json().value("inserted").toInt(), 1);
    }

    void csvImportWithABadLineWritesNothing()
    {
        const qint64 before = rateCount();
        HttpResult r = import(*finance, "date,from,to,rate\n"
                                        "2026-10-01,USD,GBP,0.79\n"
                                        "2026-10-02,USD,GBP,0,80\n"
                                        "2026-10-03,usd,GBP,0.79\n"
                                        "2026-10-04,USD,GBP,0\n"
                                        "2026-10-01,USD,GBP,0.81\n");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("lines/3:column_count,lines/4/from:invalid_value,"
                                         "lines/5/rate:invalid_value,lines/6/date:duplicate"));
        const QJsonArray errors = r.json().value("errors").toArray();
        QVERIFY2(
            errors.at(2).toObject().value("message").toString().startsWith("line 5, column rate:"),
            r.body);
        QCOMPARE(rateCount(), before);

        r = import(*finance, "2026-10-01,USD,GBP,0.123456789012\n");
        QCOMPARE(r.fieldCodes(), QString("lines/1/rate:invalid_value"));
        r = import(*finance, "2026-13-01,EUR,EUR,1\n");
        QCOMPARE(r.fieldCodes(), QString("lines/1/date:invalid_value,lines/1/to:same_currency"));
        r = import(*finance, "date,currency,rate\n2026-10-01,USD,0.8\n");
        QCOMPARE(r.fieldCodes(), QString("lines/1:invalid_header,lines/2:column_count"));
        r = import(*finance, "");
        QCOMPARE(r.fieldCodes(), QString("lines/1:required"));
        r = import(*finance, "2026-10-01,USD,GBP,0.8\n", "application/json");
        QCOMPARE(r.status, 415);
        QCOMPARE(rateCount(), before);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'fx_rate.%'"), qint64(0));
    }

    void theRateUsedOnADayIsTheLatestOnOrBeforeIt()
    {
        // The fixture: EUR→USD 1.0834 from 2026-01-01, 1.1 from 2026-03-01.
        const auto on = [&](const char *date) {
            return finance->get(
                QStringLiteral("/api/v1/fx/rates/on?from_currency=EUR&to_currency=USD&date=%1")
                    .arg(date));
        };
        HttpResult r = on("2026-02-28");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("rate").toString(), QString("1.0834"));
        QCOMPARE(r.json().value("rate_date").toString(), QString("2026-01-01"));
        QCOMPARE(r.json().value("date").toString(), QString("2026-02-28"));
        r = on("2026-03-01");
        QCOMPARE(r.json().value("rate").toString(), QString("1.1"));
        QCOMPARE(r.json().value("rate_date").toString(), QString("2026-03-01"));
        r = on("2026-12-06");
        QCOMPARE(r.json().value("rate").toString(), QString("1.1"));
        QCOMPARE(on("2025-12-31").status, 404);
        // The other way round is not implied.
        QCOMPARE(finance
                     ->get("/api/v1/fx/rates/on?from_currency=USD&to_currency=EUR&date="
                           "2026-03-01")
                     .status,
                 404);
        QCOMPARE(finance->get("/api/v1/fx/rates/on?from_currency=EUR&date=2026-03-01").fieldCodes(),
                 QString("to_currency:required"));
        QCOMPARE(finance->get("/api/v1/fx/rates/on?from_currency=EUR&to_currency=USD&date=2026-3-1")
                     .fieldCodes(),
                 QString("date:invalid_value"));
        // Same currency: 1.
        QCOMPARE(finance->get("/api/v1/fx/rates/on?from_currency=EUR&to_currency=EUR")
                     .json()
                     .value("rate")
                     .toString(),
                 QString("1"));
    }

    void listIsKeysetPagedAndFiltered()
    {
        QVERIFY(import(*finance, "2026-10-01,USD,GBP,0.79\n2026-10-02,USD,GBP,0.791\n"
                                 "2026-10-03,USD,GBP,0.792\n2026-10-01,EUR,GBP,0.85\n")
                    .status == 200);
        HttpResult r = finance->get("/api/v1/fx/rates?limit=3");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(rows(r.json()), (QStringList{"EUR GBP 2026-10-01 0.85", "EUR USD 2026-03-01 1.1",
                                              "EUR USD 2026-01-01 1.0834"}));
        QCOMPARE(r.json().value("next_after").toString(), QString("EUR:USD:2026-01-01"));
        r = finance->get("/api/v1/fx/rates?limit=3&after=EUR:USD:2026-01-01");
        QCOMPARE(rows(r.json()),
                 (QStringList{"USD GBP 2026-10-03 0.792", "USD GBP 2026-10-02 0.791",
                              "USD GBP 2026-10-01 0.79"}));
        r = finance->get("/api/v1/fx/rates?limit=3&after=USD:GBP:2026-10-01");
        QCOMPARE(rows(r.json()), QStringList{});
        QVERIFY(!r.json().contains("next_after"));
        r = finance->get(
            "/api/v1/fx/rates?from_currency=USD&to_currency=GBP&from=2026-10-02&to=2026-10-31");
        QCOMPARE(rows(r.json()),
                 (QStringList{"USD GBP 2026-10-03 0.792", "USD GBP 2026-10-02 0.791"}));
        QCOMPARE(finance->get("/api/v1/fx/rates?after=17").fieldCodes(),
                 QString("after:invalid_value"));
        QCOMPARE(finance->get("/api/v1/fx/rates?limit=0").fieldCodes(),
                 QString("limit:out_of_range"));
    }

    void consultantMayNeitherReadNorWriteRates()
    {
        QCOMPARE(consultant->get("/api/v1/fx/rates").status, 403);
        QCOMPARE(consultant->get("/api/v1/fx/rates/on?from_currency=EUR&to_currency=USD").status,
                 403);
        QCOMPARE(put(*consultant, rate("USD", "GBP", "2026-10-30", "0.8")).status, 403);
        QCOMPARE(import(*consultant, "2026-10-01,USD,GBP,0.79\n").status, 403);
        QCOMPARE(consultant->get("/api/v1/group").status, 403);
        QCOMPARE(patchGroup(*consultant, {{"intercompany_markup", "0.2"}}, "1").status, 403);
        QCOMPARE(scalar("SELECT count(*) FROM fx_rates WHERE from_currency = 'USD'"), qint64(0));
    }

    void groupSettingsChangeOnlyByAControllerWithTheCurrentVersion()
    {
        HttpResult r = finance->get("/api/v1/group");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("group_currency").toString(), QString("USD"));
        QCOMPARE(r.json().value("intercompany_markup").toString(), QString("0.1"));
        QCOMPARE(r.json().value("version").toInt(), 1);
        // Finance writes rates but not the group (close.approve).
        QCOMPARE(patchGroup(*finance, {{"intercompany_markup", "0.2"}}, "1").status, 403);

        r = patchGroup(*controller, {{"intercompany_markup", "0.125"}}, "1");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("intercompany_markup").toString(), QString("0.125"));
        QCOMPARE(r.json().value("group_currency").toString(), QString("USD"));
        QCOMPARE(r.json().value("version").toInt(), 2);
        // Someone who read version 1 is stale now.
        r = patchGroup(*controller, {{"group_currency", "EUR"}}, "1");
        QCOMPARE(r.status, 412);
        r = patchGroup(*controller, {{"group_currency", "EUR"}, {"version", 1}}, {});
        QCOMPARE(r.status, 412);
        QCOMPARE(text("SELECT group_currency || ' ' || intercompany_markup::text || ' ' || "
                      "version FROM group_settings"),
                 QString("USD 0.125000 2"));
        r = patchGroup(*controller, {{"group_currency", "eur"}, {"intercompany_markup", "-0.1"}},
                       "2");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(),
                 QString("group_currency:invalid_value,intercompany_markup:invalid_value"));
        QCOMPARE(patchGroup(*controller, {{"intercompany_markup", 0.2}}, "2").fieldCodes(),
                 QString("intercompany_markup:invalid_value"));
        r = patchGroup(*controller, {{"group_currency", "EUR"}}, "W/\"2\"");
        QVERIFY2(r.status == 200, r.body);
        QCOMPARE(r.json().value("version").toInt(), 3);
        QCOMPARE(text("SELECT before->>'group_currency' || '→' || (after->>'group_currency') "
                      "FROM audit_log WHERE action = 'group_settings.update' ORDER BY id DESC "
                      "LIMIT 1"),
                 QString("USD→EUR"));
    }
};

QTEST_GUILESS_MAIN(FxRatesTest)
#include "tst_fx_rates.moc"
