// The executive forecast (server/insights/README.md "Executive forecast") on a small US book,
// against hand-computed figures. M0 is the current month, Mk the k-th after it.
//
// Contract "Platform" (fixed fee 12,000.00 USD, poc_cost), signed 10 days before M0 begins, runs
// M0 to the end of M5 (six months); nothing recognised yet, so the schedules spread the price
// evenly: backlog 2,000.00 in each of M0..M5. It is the firm's only contract: the learned lag is
// 10 days, the duration six months; no T&M, so the run-rate is 0.00.
// Deal "Rollout" (6,000.00 USD, rep's probability 50 %, no scoring model) closes on M1's 5th: it
// starts in M1 (5th + 10 days) and spreads over six months: pipeline 6,000 × 0.5 / 6 = 500.00 in
// M1..M6. Expected M1 = 2,500.00; no backtest history, so the range is ±20 %: 2,000.00–3,000.00.
// Its effort is 6,000 architect hours: 500.00 h a month against one architect (< 184 h a month):
// capacity_ok false in M1..M6, true in M0.

#include "insights/executive_forecast.h"
#include "insights/executive_forecast_params.h"
#include "insights/insights_model.h"
#include "insights/insights_model_store.h"
#include "insights/insights_scope.h"
#include "tst_revenue_fixture.h"

#include "revenue/revenue_obligation_store.h"

#include <QElapsedTimer>

using namespace keel;
using namespace keel::test;

class InsightsExecutiveForecastTest : public QObject, public RevenueFixture
{
    Q_OBJECT

    QDate m0;
    qint64 architect = 0, deal = 0, other = 0;
    Contract platform;

    QString month(int k) const { return m0.addMonths(k).toString("yyyy-MM"); }

    static QJsonObject ok(HttpClient &http, const QString &path)
    {
        const HttpResult r = http.get(path);
        if (r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }
    static QString problem(const HttpResult &r)
    {
        const QJsonObject e = r.json().value("errors").toArray().first().toObject();
        return QString::number(r.status) + u' ' + e.value("field").toString() + u' ' +
               e.value("code").toString();
    }

    void seed()
    {
        m0 = QDate(QDate::currentDate().year(), QDate::currentDate().month(), 1);
        const qint64 acme = account("US", "Acme", "US", "USD");
        platform = contract(acme, "USD", "Platform");
        db::query(db->sql(),
                  "UPDATE contracts SET start_date = ?, end_date = ?, signature_date = ? WHERE "
                  "id = ?",
                  {m0, m0.addMonths(6).addDays(-1), m0.addDays(-10), platform.id});
        db::query(db->sql(), "UPDATE projects SET start_date = ?, end_date = ? WHERE id = ?",
                  {m0, m0.addMonths(6).addDays(-1), platform.project});
        line(platform.id, "fixed_fee", {{"value", "12000.00"}});
        revenue_obligation_store::sync(db->sql(), us, platform.id);

        architect = employee("US", "ARCHITECT");
        deal = scalar("INSERT INTO opportunities (legal_entity_id, account_id, owner_id, name, "
                      "stage_id, probability, expected_value, currency, expected_close) "
                      "SELECT ?, ?, ?, 'Rollout', id, 50, 6000.00, 'USD', ? FROM "
                      "opportunity_stages WHERE code = 'PROPOSE' RETURNING id",
                      {us, acme, fin, m0.addMonths(1).addDays(4)});
        db::query(db->sql(),
                  "INSERT INTO opportunity_effort (opportunity_id, job_role_id, hours) VALUES "
                  "(?, ?, 6000)",
                  {deal, role("ARCHITECT")});
        // Another entity's deal never shows in the US answer.
        const qint64 globex = account("UK", "Globex", "GB", "GBP");
        other = scalar("INSERT INTO opportunities (legal_entity_id, account_id, owner_id, name, "
                       "stage_id, probability, expected_value, currency, expected_close) "
                       "SELECT ?, ?, ?, 'Elsewhere', id, 90, 99000.00, 'GBP', ? FROM "
                       "opportunity_stages WHERE code = 'NEGOTIATE' RETURNING id",
                       {uk, globex, fin, m0.addMonths(1)});
        server->createUser("usexec", "usexec password", {{"finance", "US"}}, "US");
    }

    void train()
    {
        QSqlDatabase sql = db->sql();
        const InsightsTrained t = executiveForecastModel().train(sql, QDate::currentDate(), {});
        QVERIFY2(t.error.isEmpty(), qPrintable(t.error));
        storeInsightsModel(sql, "executive_forecast", QDate::currentDate(), t, 1, 0);
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void notTrainedIs409()
    {
        seed();
        auto http = login("usexec");
        QCOMPARE(http->get("/api/v1/insights/forecast").status, 409);
        QCOMPARE(http->get("/api/v1/insights/forecast/" + month(1) + "/records").status, 409);
    }

    void learnsLagAndDuration()
    {
        seed();
        QSqlDatabase sql = db->sql();
        const InsightsTrained t = executiveForecastModel().train(sql, QDate::currentDate(), {});
        const ExecutiveForecastFit fit = ExecutiveForecastFit::fromJson(t.parameters);
        QCOMPARE(fit.lagDays, 10);
        QCOMPARE(fit.defaultDuration, 6.0);
        QCOMPARE(fit.tmRatio, 1.0);
        QCOMPARE(t.sampleSize, 1);
    }

    void monthsToTheCent()
    {
        seed();
        train();
        auto http = login("usexec");
        const QJsonObject a = ok(*http, "/api/v1/insights/forecast");
        QCOMPARE(a.value("currency").toString(), QString("USD"));
        QCOMPARE(a.value("model").toObject().value("name").toString(),
                 QString("executive_forecast"));
        const QJsonArray months = a.value("months").toArray();
        QCOMPARE(months.size(), 12);
        QStringList got, want;
        for (int k = 0; k < 12; ++k) {
            const QJsonObject m = months.at(k).toObject();
            got << QStringList{m.value("month").toString(), m.value("backlog").toString(),
                               m.value("pipeline").toString(), m.value("run_rate").toString(),
                               m.value("expected").toString()}
                       .join(u' ');
            const QString backlog = k <= 5 ? "2000.00" : "0.00";
            const QString pipeline = k >= 1 && k <= 6 ? "500.00" : "0.00";
            const QString expected = k == 0   ? "2000.00"
                                     : k <= 5 ? "2500.00"
                                     : k == 6 ? "500.00"
                                              : "0.00";
            want << QStringList{month(k), backlog, pipeline, "0.00", expected}.join(u' ');
        }
        QCOMPARE(got, want);
        const QJsonObject m1 = months.at(1).toObject();
        QCOMPARE(m1.value("p10").toString(), QString("2000.00"));
        QCOMPARE(m1.value("p90").toString(), QString("3000.00"));
    }

    void capacityShortfall()
    {
        seed();
        train();
        auto http = login("usexec");
        const QJsonObject a = ok(*http, "/api/v1/insights/forecast");
        const QJsonArray months = a.value("months").toArray();
        QVERIFY(months.at(0).toObject().value("capacity_ok").toBool());
        for (int k = 1; k <= 6; ++k) {
            const QJsonObject m = months.at(k).toObject();
            QVERIFY2(!m.value("capacity_ok").toBool(), qPrintable(m.value("month").toString()));
            QCOMPARE(m.value("required_hours").toString(), QString("500.00"));
            QVERIFY(m.value("available_hours").toString().toDouble() < 200);
        }
        QVERIFY(months.at(7).toObject().value("capacity_ok").toBool());
        const QJsonArray shortfalls = a.value("capacity").toArray();
        QCOMPARE(shortfalls.size(), 6);
        const QJsonObject s = shortfalls.at(0).toObject();
        QCOMPARE(s.value("month").toString(), month(1));
        QCOMPARE(s.value("role").toString(), QString("ARCHITECT"));
        QCOMPARE(s.value("required_hours").toString(), QString("500.00"));
        const QString available =
            text("SELECT capacity_hours FROM employee_range_capacity(?, ?) WHERE employee_id = ?",
                 {m0.addMonths(1), m0.addMonths(2).addDays(-1), architect});
        QCOMPARE(s.value("available_hours").toString(), available);
        QCOMPARE(s.value("shortfall_hours").toString(),
                 text("SELECT 500.00 - ?::numeric", {available}));
    }

    void recordsTotalEqualsThePart()
    {
        seed();
        train();
        auto http = login("usexec");
        const QJsonObject pipeline =
            ok(*http, "/api/v1/insights/forecast/" + month(1) + "/records?part=pipeline");
        QCOMPARE(pipeline.value("total").toString(), QString("500.00"));
        const QJsonArray items = pipeline.value("items").toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject d = items.at(0).toObject();
        QCOMPARE(d.value("kind").toString(), QString("opportunity"));
        QCOMPARE(d.value("id").toString(), QString::number(deal));
        QCOMPARE(d.value("name").toString(), QString("Rollout"));
        QCOMPARE(d.value("account").toString(), QString("Acme"));
        QCOMPARE(d.value("amount").toString(), QString("500.00"));
        QCOMPARE(d.value("probability").toString(), QString("0.5000"));

        const QJsonObject backlog =
            ok(*http, "/api/v1/insights/forecast/" + month(1) + "/records?part=backlog");
        QCOMPARE(backlog.value("total").toString(), QString("2000.00"));
        const QJsonObject c = backlog.value("items").toArray().at(0).toObject();
        QCOMPARE(c.value("kind").toString(), QString("contract"));
        QCOMPARE(c.value("id").toString(), QString::number(platform.id));
        QCOMPARE(c.value("amount").toString(), QString("2000.00"));
        QVERIFY(c.value("probability").isNull());

        const QJsonObject runRate =
            ok(*http, "/api/v1/insights/forecast/" + month(1) + "/records?part=run_rate");
        QCOMPARE(runRate.value("total").toString(), QString("0.00"));
        QCOMPARE(runRate.value("items").toArray().size(), 0);
    }

    // Several entities answer in the group currency (USD), each entity's amounts converted at
    // today's rate: the UK deal (99,000.00 GBP at 90 %, closing at M1's start, six months) adds
    // 99,000 × 1.25 × 0.9 / 6 = 18,562.50 to M1..M6.
    void groupCurrency()
    {
        seed();
        db::query(db->sql(),
                  "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) VALUES "
                  "('GBP', 'USD', ?, 1.25)",
                  {m0.addMonths(-1)});
        train();
        auto http = login("fin");
        const QJsonObject a = ok(*http, "/api/v1/insights/forecast");
        QCOMPARE(a.value("currency").toString(), QString("USD"));
        const QJsonObject m1 = a.value("months").toArray().at(1).toObject();
        QCOMPARE(m1.value("pipeline").toString(), QString("19062.50"));
        QCOMPARE(m1.value("expected").toString(), QString("21062.50"));
        const QJsonObject r =
            ok(*http, "/api/v1/insights/forecast/" + month(1) + "/records?part=pipeline");
        QCOMPARE(r.value("total").toString(), QString("19062.50"));
        const QJsonObject top = r.value("items").toArray().at(0).toObject();
        QCOMPARE(top.value("id").toString(), QString::number(other));
        QCOMPARE(top.value("amount").toString(), QString("18562.50"));
        QCOMPARE(top.value("currency").toString(), QString("USD"));
        QCOMPARE(top.value("probability").toString(), QString("0.9000"));
    }

    // T&M: a snapshot taken at M-3 planned 800.00 for "Support" in M-2, which recognised 10 h at
    // 100.00 = 1,000.00: the ratio is 1.25, and each month's run-rate of the contract is a
    // quarter of its backlog (planned assignment hours × rate), to the cent.
    void tmRunRate()
    {
        seed();
        const qint64 acme = scalar("SELECT id FROM accounts WHERE name = 'Acme'");
        const Contract tm = contract(acme, "USD", "Support");
        const QDate start = m0.addMonths(-3), end = m0.addMonths(3).addDays(-1);
        db::query(db->sql(),
                  "UPDATE contracts SET start_date = ?, end_date = ?, signature_date = ? WHERE "
                  "id = ?",
                  {start, end, start.addDays(-10), tm.id});
        db::query(db->sql(), "UPDATE projects SET start_date = ?, end_date = ? WHERE id = ?",
                  {start, end, tm.project});
        const qint64 tmLine = line(tm.id, "time_and_materials");
        rateItem(tmLine, "ARCHITECT", "100.00");
        costedEntry(architect, tm.project, m0.addMonths(-2).addDays(3).toString(Qt::ISODate), "10",
                    "500.00");
        recognise("US", month(-2));
        QCOMPARE(text("SELECT sum(period_revenue)::numeric(20, 2) FROM revenue_recognitions "
                      "WHERE contract_id = ?",
                      {tm.id}),
                 QString("1000.00"));
        db::query(db->sql(),
                  "INSERT INTO revenue_forecast_snapshots (snapshot_month, legal_entity_id, "
                  "forecast_month, contract_id, amount, currency) VALUES (?, ?, ?, ?, 800, 'USD')",
                  {m0.addMonths(-3), us, m0.addMonths(-2), tm.id});
        db::query(db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind) VALUES (?, ?, ?, ?, 20, 'hard')",
                  {architect, tm.project, m0, end});

        QSqlDatabase sql = db->sql();
        const InsightsTrained t = executiveForecastModel().train(sql, QDate::currentDate(), {});
        QCOMPARE(ExecutiveForecastFit::fromJson(t.parameters).tmRatio, 1.25);
        train();
        auto http = login("usexec");
        // The answer names what it rests on: the T&M ratio first, with its numbers.
        const QJsonArray factors =
            ok(*http, "/api/v1/insights/forecast").value("factors").toArray();
        const QJsonObject tmFactor = factors.at(0).toObject();
        QCOMPARE(tmFactor.value("factor").toString(), QString("tm_ratio"));
        QCOMPARE(tmFactor.value("value").toString(), QString("1.2500"));
        QCOMPARE(tmFactor.value("compared_with").toString(), QString("1.0000"));
        QVERIFY(tmFactor.value("text").toString().contains("1.25 times"));
        QStringList codes;
        for (const QJsonValue &f : factors)
            codes << f.toObject().value("factor").toString();
        QCOMPARE(codes, QStringList({"tm_ratio", "signature_to_start_days", "duration_months",
                                     "pipeline_realisation", "probability_source", "range"}));
        QCOMPARE(factors.at(4).toObject().value("value").toString(), QString("rep"));
        for (int k = 0; k < 3; ++k) {
            const QJsonObject backlog =
                ok(*http, "/api/v1/insights/forecast/" + month(k) + "/records?part=backlog");
            QString planned;
            for (const QJsonValue &v : backlog.value("items").toArray())
                if (v.toObject().value("id").toString() == QString::number(tm.id))
                    planned = v.toObject().value("amount").toString();
            QVERIFY2(!planned.isEmpty(), qPrintable(month(k)));
            const QJsonObject runRate =
                ok(*http, "/api/v1/insights/forecast/" + month(k) + "/records?part=run_rate");
            const QJsonArray items = runRate.value("items").toArray();
            QCOMPARE(items.size(), 1);
            QCOMPARE(items.at(0).toObject().value("id").toString(), QString::number(tm.id));
            QCOMPARE(items.at(0).toObject().value("amount").toString(),
                     text("SELECT round(?::numeric * 0.25, 2)::text", {planned}));
            QCOMPARE(runRate.value("total").toString(),
                     items.at(0).toObject().value("amount").toString());
        }
        const QJsonObject m1 =
            ok(*http, "/api/v1/insights/forecast").value("months").toArray().at(1).toObject();
        QCOMPARE(m1.value("run_rate").toString(),
                 ok(*http, "/api/v1/insights/forecast/" + month(1) + "/records?part=run_rate")
                     .value("total")
                     .toString());
    }

    void otherEntityAndBadInput()
    {
        seed();
        train();
        auto http = login("usexec");
        QCOMPARE(http->get(QStringLiteral("/api/v1/insights/forecast?entity=%1").arg(uk)).status,
                 403);
        QCOMPARE(problem(http->get("/api/v1/insights/forecast/2026-13/records")),
                 QString("422 month invalid"));
        QCOMPARE(problem(http->get("/api/v1/insights/forecast/soon/records")),
                 QString("422 month invalid"));
        QCOMPARE(problem(http->get("/api/v1/insights/forecast/" +
                                   m0.addMonths(12).toString("yyyy-MM") + "/records")),
                 QString("422 month out_of_range"));
        QCOMPARE(problem(http->get("/api/v1/insights/forecast/" + month(1) + "/records?part=all")),
                 QString("422 part invalid"));
        QCOMPARE(problem(http->get("/api/v1/insights/forecast?entity=x")),
                 QString("422 entity invalid"));
    }

    // Diagnostics, not a test: KEEL_EXEC_FORECAST_DB=<libpq URL of a demo firm's copy> trains on
    // it and prints the backtest (the benchmark prints the figure; no threshold is asserted);
    // KEEL_EXEC_FORECAST_STORE=1 also stores the model there and times the two routes' answers.
    void demoBacktest()
    {
        const QString url = qEnvironmentVariable("KEEL_EXEC_FORECAST_DB");
        if (url.isEmpty())
            QSKIP("KEEL_EXEC_FORECAST_DB not set");
        const std::optional<DbConfig> config = DbConfig::fromUrl(url);
        QVERIFY(config.has_value());
        QSqlDatabase sql = db::connection(*config);
        QElapsedTimer timer;
        timer.start();
        const InsightsTrained t = executiveForecastModel().train(sql, QDate::currentDate(), {});
        qInfo().noquote() << "training_ms" << timer.elapsed();
        qInfo().noquote() << QJsonDocument(t.backtest).toJson(QJsonDocument::Indented);
        qInfo().noquote() << QJsonDocument(t.parameters).toJson(QJsonDocument::Compact);
        if (!qEnvironmentVariableIsSet("KEEL_EXEC_FORECAST_STORE"))
            return;
        storeInsightsModel(sql, "executive_forecast", QDate::currentDate(), t, int(timer.elapsed()),
                           0);
        InsightsScope scope;
        QSqlQuery e = db::exec(sql, "SELECT id, functional_currency FROM legal_entities");
        while (e.next()) {
            scope.entityIds.append(e.value(0).toLongLong());
            scope.functionalCurrency.insert(e.value(0).toLongLong(), e.value(1).toString());
        }
        scope.groupCurrency = scope.currency = "USD";
        for (int i = 0; i < 2; ++i) {
            timer.restart();
            const QJsonObject a = executiveForecastJson(sql, scope, QDate::currentDate());
            qInfo().noquote() << "forecast_ms" << timer.elapsed();
            if (i == 1)
                qInfo().noquote()
                    << QJsonDocument(a.value("months").toArray()).toJson(QJsonDocument::Compact)
                    << QJsonDocument(a.value("capacity").toArray()).toJson(QJsonDocument::Compact);
        }
        timer.restart();
        const QJsonObject r = executiveForecastRecordsJson(
            sql, scope, QDate::currentDate(), QDate::currentDate().addMonths(2).toString("yyyy-MM"),
            "pipeline");
        qInfo().noquote() << "records_ms" << timer.elapsed() << r.value("total").toString()
                          << r.value("items").toArray().size();
    }
};

QTEST_GUILESS_MAIN(InsightsExecutiveForecastTest)
#include "tst_insights_executive_forecast.moc"
