// The recognition run as a whole: the contract asset and liability netted per contract whatever
// the order of invoices and recognition, a repeated run posting nothing new, the run as a job
// over HTTP (202, progress, completed or failed), who may do what (403, 404), bad requests (422),
// hard-closed periods (423), obligations (412, 409), schedules and the forecast.

#include "tst_revenue_fixture.h"

using namespace keel;
using namespace keel::test;

class RevenueRunTest : public QObject, public RevenueFixture
{
    Q_OBJECT

    QJsonObject waitForRevenueRun(HttpClient &http, const QString &id)
    {
        QJsonObject run;
        for (int i = 0; i < 600; ++i) {
            run = http.get("/api/v1/revenue/runs/" + id).json();
            if (run.value("status").toString() != "running")
                break;
            QThread::msleep(50);
        }
        return run;
    }

    HttpResult patch(HttpClient &http, const QString &path, const QJsonObject &body)
    {
        return http.send("PATCH", path, QJsonDocument(body).toJson(),
                         {{"Content-Type", "application/json"}});
    }

    void hardClose(qint64 entity, const QString &month)
    {
        db::query(db->sql(),
                  "INSERT INTO accounting_periods (legal_entity_id, period_start, period_end, "
                  "status) VALUES (?, ?::date, (?::date + interval '1 month' - interval "
                  "'1 day')::date, 'hard_closed') ON CONFLICT (legal_entity_id, period_start) DO "
                  "UPDATE SET status = 'hard_closed'",
                  {entity, month + "-01", month + "-01"});
    }

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void nettedPerContract()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        // Billed ahead: 5,000.00 invoiced before anything was earned.
        const Contract ahead = contract(acme, "USD", "Billed ahead");
        const qint64 ms = line(ahead.id, "milestones", {{"value", "10000"}});
        invoice(ahead.project, "2026-03-05", "5000.00");
        QCOMPARE(position(ahead.project), QString("0.00 0.00 5000.00"));
        milestone(ahead.project, ms, 1, "6000", "2026-03-20", "accepted", "2026-03-20");
        // Billed behind: 3,100.00 of time earned, nothing invoiced yet.
        const Contract behind = contract(acme, "USD", "Billed behind");
        const qint64 tm = line(behind.id, "time_and_materials");
        rateItem(tm, "SENIOR_CONSULTANT", "200");
        const qint64 senior = employee("US", "SENIOR_CONSULTANT");
        entry(senior, behind.project, "2026-03-02", "7.50");
        entry(senior, behind.project, "2026-03-03", "8.00");

        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(r.entries, 2);
        QCOMPARE(amount(r.revenue), QString("9100.00"));
        // Ahead: 6,000.00 earned against 5,000.00 billed: the liability is cleared (Dr 2200
        // 5,000.00) and 1,000.00 is a contract asset; never both.
        QCOMPARE(position(ahead.project), QString("6000.00 1000.00 0.00"));
        QCOMPARE(position(behind.project), QString("3100.00 3100.00 0.00"));

        // April: 4,000.00 invoiced on each. Ahead: 1,000.00 clears the asset, 3,000.00 goes
        // deferred. Behind: 3,100.00 clears the asset, 900.00 goes deferred. Both are netted
        // already, so April's run has nothing to post.
        invoice(ahead.project, "2026-04-10", "4000.00");
        invoice(behind.project, "2026-04-10", "4000.00");
        QCOMPARE(position(ahead.project), QString("6000.00 0.00 3000.00"));
        QCOMPARE(position(behind.project), QString("3100.00 0.00 900.00"));
        r = recognise("US", "2026-04");
        QCOMPARE(r.entries, 0);

        // May: 2 h more (400.00) earned against the 900.00 deferred: 500.00 stays deferred.
        entry(senior, behind.project, "2026-05-04", "2.00");
        r = recognise("US", "2026-05");
        QCOMPARE(amount(r.revenue), QString("400.00"));
        QCOMPARE(position(behind.project), QString("3500.00 0.00 500.00"));
        // And 1,500.00 more (7.50 h) in June: 1,000.00 earned beyond what was billed.
        entry(senior, behind.project, "2026-06-01", "7.50");
        r = recognise("US", "2026-06");
        QCOMPARE(position(behind.project), QString("5000.00 1000.00 0.00"));
        // The entry of June for the contract: Cr Revenue 1,500.00, Dr 2200 500.00, Dr 1150
        // 1,000.00, all on the project.
        QCOMPARE(rows("SELECT a.role, jl.debit::numeric(20, 2), jl.credit::numeric(20, 2), "
                      "jl.project_id = ? FROM journal_lines jl JOIN journal_entries e ON e.id = "
                      "jl.entry_id JOIN ledger_accounts a ON a.id = jl.ledger_account_id WHERE "
                      "e.source_type = 'revenue_recognition' AND e.source_id LIKE ? ORDER BY "
                      "jl.seq",
                      {behind.project, QStringLiteral("%1:2026-06:%").arg(behind.id)}),
                 QString("revenue 0.00 1500.00 true | unbilled_receivable 1000.00 0.00 true | "
                         "deferred_revenue 500.00 0.00 true"));
        QCOMPARE(text("SELECT entry_date FROM journal_entries WHERE source_id LIKE ?",
                      {QStringLiteral("%1:2026-06:%").arg(behind.id)}),
                 QString("2026-06-30"));
    }

    void repeatedRunPostsNothingNew()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Data platform");
        line(c.id, "fixed_fee", {{"value", "100000"}});
        const qint64 consultant = employee("US", "CONSULTANT");
        costedEntry(consultant, c.project, "2026-03-10", "8.00", "20000");
        estimateToComplete(c.project, "60000");
        RevenueRunResult first = recognise("US", "2026-03");
        QCOMPARE(first.entries, 1);
        QCOMPARE(first.obligations, 1);
        const int before = entries();
        const RevenueRunResult again = recognise("US", "2026-03");
        QCOMPARE(again.entries, 0);
        QCOMPARE(amount(again.revenue), QString("0.00"));
        QCOMPARE(amount(again.lossProvision), QString("0.00"));
        QCOMPARE(entries(), before);
        QVERIFY(again.runId != first.runId);
        QCOMPARE(text("SELECT status || ' ' || entry_count || ' ' || obligation_count FROM "
                      "revenue_runs WHERE id = ?",
                      {again.runId}),
                 QString("completed 0 1"));
        // A later cost in the same period: the repeat posts only the difference.
        // 25,000.00 → 30/90 = 33,333.33: 8,333.33 more.
        costedEntry(consultant, c.project, "2026-03-20", "4.00", "10000");
        estimateToComplete(c.project, "60000");
        const RevenueRunResult third = recognise("US", "2026-03");
        QCOMPARE(third.entries, 1);
        QCOMPARE(amount(third.revenue), QString("8333.33"));
        QCOMPARE(balance(c.project, "revenue"), QString("33333.33"));
    }

    void runAsJobOverHttp()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Rollout");
        const qint64 ms = line(c.id, "milestones", {{"value", "30000"}});
        milestone(c.project, ms, 1, "10000", "2026-03-20", "accepted", "2026-03-25");

        auto http = login("fin");
        HttpResult r = http->post("/api/v1/revenue/runs", {{"legal_entity_id", QString::number(us)},
                                                           {"period", "2026-03"}});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value("status").toString(), QString("running"));
        const QString id = r.json().value("id").toString();
        const QJsonObject run = waitForRevenueRun(*http, id);
        KEEL_COVERS_TRANSITION("revenue_run", "running", "complete",
                               run.value("status").toString());
        QCOMPARE(run.value("progress").toInt(), 100);
        QCOMPARE(run.value("period").toString(), QString("2026-03"));
        QCOMPARE(run.value("obligation_count").toInt(), 1);
        QCOMPARE(run.value("entry_count").toInt(), 1);
        QCOMPARE(run.value("revenue").toObject().value("amount").toString(), QString("10000.00"));
        QCOMPARE(run.value("revenue").toObject().value("currency").toString(), QString("USD"));
        QCOMPARE(position(c.project), QString("10000.00 10000.00 0.00"));
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE record_type = 'revenue_run' AND "
                        "record_id = ?",
                        {id}),
                 2); // start, complete

        const QJsonArray items =
            http->get("/api/v1/revenue/runs?legal_entity_id=" + QString::number(us) +
                      "&period=2026-03")
                .json()
                .value("items")
                .toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value("id").toString(), id);

        // A contract in euros and no EUR→USD rate: the run fails and says why; nothing posted.
        const qint64 euro = account("US", "Euro client", "DE", "EUR", "US_STANDARD", 30);
        const Contract e = contract(euro, "EUR", "Euro work");
        const qint64 eml = line(e.id, "milestones", {{"value", "5000"}});
        milestone(e.project, eml, 1, "5000", "2026-03-10", "accepted", "2026-03-10");
        r = http->post("/api/v1/revenue/runs",
                       {{"legal_entity_id", QString::number(us)}, {"period", "2026-03"}});
        QCOMPARE(r.status, 202);
        const QJsonObject failed = waitForRevenueRun(*http, r.json().value("id").toString());
        KEEL_COVERS_TRANSITION("revenue_run", "running", "fail", failed.value("status").toString());
        QVERIFY2(failed.value("error").toString().contains("EUR"),
                 qPrintable(failed.value("error").toString()));
        QCOMPARE(position(e.project), QString("0.00 0.00 0.00"));
        // With the rate, it goes through at the period end's rate: 5,000.00 × 1.1 = 5,500.00 USD.
        db::query(db->sql(),
                  "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) VALUES "
                  "('EUR', 'USD', '2026-03-31', 1.1)",
                  {});
        const RevenueRunResult withRate = recognise("US", "2026-03");
        QCOMPARE(amount(withRate.revenue), QString("5500.00"));
        QCOMPARE(text("SELECT sum(functional_credit)::numeric(20, 2) || ' ' || min(currency) FROM "
                      "journal_lines jl JOIN ledger_accounts a ON a.id = jl.ledger_account_id "
                      "WHERE a.role = 'revenue' AND jl.project_id = ?",
                      {e.project}),
                 QString("5500.00 EUR"));
    }

    void foreignCurrencyAdvance()
    {
        // A euro contract of the US entity: 4,000.00 EUR billed ahead on 5 March at 1.10
        // (4,400.00 USD deferred), 6,000.00 EUR earned by 31 March at 1.20.
        db::query(db->sql(),
                  "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) VALUES "
                  "('EUR', 'USD', '2026-03-01', 1.10), ('EUR', 'USD', '2026-03-31', 1.20)",
                  {});
        const qint64 euro = account("US", "Euro client", "DE", "EUR", "US_STANDARD", 30);
        const Contract c = contract(euro, "EUR", "Euro work");
        const qint64 ms = line(c.id, "milestones", {{"value", "10000"}});
        invoice(c.project, "2026-03-05", "4000.00");
        milestone(c.project, ms, 1, "6000", "2026-03-20", "accepted", "2026-03-20");

        // The advance is earned at its own rate, the rest at the period end's (IFRIC 22):
        // 4,000 × 1.10 + 2,000 × 1.20 = 4,400.00 + 2,400.00 = 6,800.00 USD; the liability is
        // cleared at what it carried, the asset of 2,000.00 EUR is 2,400.00 USD; no exchange line.
        const RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("6800.00"));
        QCOMPARE(position(c.project), QString("6000.00 2000.00 0.00"));
        QCOMPARE(rows("SELECT a.role, (jl.functional_debit - jl.functional_credit)::numeric(20, "
                      "2) FROM journal_lines jl JOIN ledger_accounts a ON a.id = "
                      "jl.ledger_account_id JOIN journal_entries e ON e.id = jl.entry_id WHERE "
                      "e.source_type = 'revenue_recognition' ORDER BY jl.seq"),
                 QString("revenue -6800.00 | unbilled_receivable 2400.00 | "
                         "deferred_revenue 4400.00"));
        QCOMPARE(text("SELECT sum(jl.functional_debit - jl.functional_credit)::numeric(20, 2) "
                      "FROM journal_lines jl JOIN ledger_accounts a ON a.id = "
                      "jl.ledger_account_id WHERE a.role = 'deferred_revenue' AND jl.project_id "
                      "= ?",
                      {c.project}),
                 QString("0.00"));
    }

    void whoMayDoWhat()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Rollout");
        line(c.id, "milestones", {{"value", "30000"}});
        const RevenueRunResult run = recognise("US", "2026-03");
        const QString runPath = "/api/v1/revenue/runs/" + QString::number(run.runId);

        // A consultant has neither permission: 403.
        auto amyHttp = login("amy");
        QCOMPARE(amyHttp
                     ->post("/api/v1/revenue/runs",
                            {{"legal_entity_id", QString::number(us)}, {"period", "2026-03"}})
                     .status,
                 403);
        QCOMPARE(amyHttp->get(runPath).status, 403);
        QCOMPARE(amyHttp->get("/api/v1/revenue/obligations").status, 403);

        // Finance of UK only: US's runs, contracts and obligations do not exist for them.
        auto uk = login("ukfin");
        QCOMPARE(uk->get(runPath).status, 404);
        QCOMPARE(uk->post("/api/v1/revenue/runs",
                          {{"legal_entity_id", QString::number(us)}, {"period", "2026-03"}})
                     .status,
                 404);
        QCOMPARE(uk->get("/api/v1/revenue/contracts/" + QString::number(c.id) + "/schedule").status,
                 404);
        QCOMPARE(uk->get("/api/v1/revenue/obligations?contract_id=" + QString::number(c.id)).status,
                 404);
        const QString obligation = QString::number(
            scalar("SELECT id FROM revenue_obligations WHERE contract_id = ?", {c.id}));
        QCOMPARE(patch(*uk, "/api/v1/revenue/obligations/" + obligation,
                       {{"method", "straight_line"}, {"version", 1}})
                     .status,
                 404);
        QCOMPARE(uk->get("/api/v1/revenue/runs?legal_entity_id=" + QString::number(us)).status,
                 404);
        QCOMPARE(uk->get("/api/v1/revenue/runs").json().value("items").toArray().size(), 0);
    }

    void badRequests()
    {
        auto http = login("fin");
        HttpResult r = http->post("/api/v1/revenue/runs", {{"legal_entity_id", QString::number(us)},
                                                           {"period", "2026-13"}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.fieldCodes().startsWith("period:"), qPrintable(r.fieldCodes()));
        r = http->post("/api/v1/revenue/runs", {{"period", "2026-03"}});
        QCOMPARE(r.status, 422);
        QVERIFY2(r.fieldCodes().startsWith("legal_entity_id:"), qPrintable(r.fieldCodes()));
        r = http->post("/api/v1/revenue/runs",
                       {{"legal_entity_id", "999999"}, {"period", "2026-03"}});
        QCOMPARE(r.status, 404);
        r = http->get("/api/v1/revenue/runs?period=March");
        QCOMPARE(r.status, 422);
        QCOMPARE(http->get("/api/v1/revenue/forecast?legal_entity_id=" + QString::number(us) +
                           "&from=2026-05&to=2026-01")
                     .status,
                 422);
        QCOMPARE(http->get("/api/v1/revenue/forecast?currency=entity").status, 422);
        QCOMPARE(scalar("SELECT count(*) FROM revenue_runs"), 0);
    }

    void hardClosedPeriod()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Rollout");
        const qint64 ms = line(c.id, "milestones", {{"value", "30000"}});
        milestone(c.project, ms, 1, "10000", "2026-02-20", "accepted", "2026-02-25");
        hardClose(us, "2026-02");

        auto http = login("fin");
        const HttpResult r =
            http->post("/api/v1/revenue/runs",
                       {{"legal_entity_id", QString::number(us)}, {"period", "2026-02"}});
        QCOMPARE(r.status, 423);
        QCOMPARE(r.fieldCodes(), QString("period:period_closed"));
        bool refused = false;
        try {
            recognise("US", "2026-02");
        } catch (const ApiError &e) {
            refused = e.problem().status == 423;
        }
        QVERIFY(refused);
        QCOMPARE(scalar("SELECT count(*) FROM revenue_runs"), 0);
        QCOMPARE(entries(), 0);
        // The open month after it takes the milestone.
        QCOMPARE(amount(recognise("US", "2026-03").revenue), QString("10000.00"));
    }

    void oneRunOfAnEntityAtATime()
    {
        db::query(db->sql(),
                  "INSERT INTO revenue_runs (legal_entity_id, period_start, created_by) VALUES "
                  "(?, '2026-03-01', ?)",
                  {us, fin});
        auto http = login("fin");
        const HttpResult r =
            http->post("/api/v1/revenue/runs",
                       {{"legal_entity_id", QString::number(us)}, {"period", "2026-04"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QString("legal_entity_id:run_in_progress"));
        // Another entity runs meanwhile.
        const HttpResult other =
            http->post("/api/v1/revenue/runs",
                       {{"legal_entity_id", QString::number(uk)}, {"period", "2026-04"}});
        QCOMPARE(other.status, 202);
        QCOMPARE(waitForRevenueRun(*http, other.json().value("id").toString())
                     .value("status")
                     .toString(),
                 QString("completed"));
    }

    void obligationMethods()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Data platform");
        const qint64 fee = line(c.id, "fixed_fee", {{"value", "100000"}});
        line(c.id, "subscription",
             {{"fee_per_period", "500"},
              {"period", "quarter"},
              {"start_date", "2026-01-01"},
              {"end_date", "2026-12-31"}});
        auto http = login("fin");
        HttpResult r =
            http->get("/api/v1/revenue/obligations?contract_id=" + QString::number(c.id));
        QCOMPARE(r.status, 200);
        const QJsonArray items = r.json().value("items").toArray();
        QCOMPARE(items.size(), 2);
        const QJsonObject first = items.at(0).toObject();
        QCOMPARE(first.value("method").toString(), QString("poc_cost"));
        QCOMPARE(first.value("transaction_price").toObject().value("amount").toString(),
                 QString("100000.00"));
        // No value on the line: four quarters of 500.00.
        QCOMPARE(items.at(1).toObject().value("method").toString(), QString("straight_line"));
        QCOMPARE(items.at(1).toObject().value("transaction_price").toObject().value("amount"),
                 QJsonValue("2000.00"));
        const QString path = "/api/v1/revenue/obligations/" + first.value("id").toString();

        r = patch(*http, path, {{"method", "magic"}, {"version", 1}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("method:invalid_value"));
        r = patch(*http, path, {{"method", "poc_effort"}, {"version", 7}});
        QCOMPARE(r.status, 412);
        r = patch(*http, path, {{"method", "poc_effort"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("method").toString(), QString("poc_effort"));
        QCOMPARE(r.json().value("version").toInt(), 2);

        // By effort: 40 h done, 120 h to go: 25 % of 100,000.00.
        const qint64 consultant = employee("US", "CONSULTANT");
        for (const char *d : {"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"})
            costedEntry(consultant, c.project, d, "8.00", "800");
        estimateToComplete(c.project, "100000", "120");
        recognise("US", "2026-03");
        QCOMPARE(recognition(fee, "2026-03"), QString("25000.00 25000.00 25.00"));
        // Measured now: the method stays.
        r = patch(*http, path, {{"method", "poc_cost"}, {"version", 2}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QString("method:already_recognised"));
        auto amyHttp = login("amy");
        QCOMPARE(patch(*amyHttp, path, {{"method", "poc_cost"}, {"version", 2}}).status, 403);
    }

    void scheduleAndForecast()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Monitoring");
        line(c.id, "subscription",
             {{"value", "12000"},
              {"fee_per_period", "1000"},
              {"period", "month"},
              {"start_date", "2026-03-15"},
              {"end_date", "2027-03-14"}});
        invoice(c.project, "2026-03-15", "1000.00", true);
        recognise("US", "2026-03");

        auto http = login("fin");
        const QJsonObject s =
            http->get("/api/v1/revenue/contracts/" + QString::number(c.id) + "/schedule").json();
        QCOMPARE(s.value("recognised_to_date").toObject().value("amount").toString(),
                 QString("558.90"));
        QCOMPARE(s.value("billed_to_date").toObject().value("amount").toString(),
                 QString("1000.00"));
        QCOMPARE(s.value("contract_liability").toObject().value("amount").toString(),
                 QString("441.10"));
        QCOMPARE(s.value("contract_asset").toObject().value("amount").toString(), QString("0.00"));
        const QJsonArray months = s.value("months").toArray();
        // March actual, then April 2026 … March 2027 forecast by day; together the price.
        QCOMPARE(months.size(), 13);
        QCOMPARE(months.at(0).toObject().value("period").toString(), QString("2026-03"));
        QCOMPARE(months.at(0).toObject().value("actual").toObject().value("amount").toString(),
                 QString("558.90"));
        // April: 1,545.21 − 558.90 = 986.31 (30 days).
        QCOMPARE(months.at(1).toObject().value("forecast").toObject().value("amount").toString(),
                 QString("986.31"));
        Money total = Money::zero(Currency::fromCode(u"USD").value());
        for (const QJsonValue &m : months)
            for (const char *k : {"actual", "forecast"})
                total = total
                            .add(Money::parse(
                                     m.toObject().value(k).toObject().value("amount").toString(),
                                     u"USD")
                                     .value())
                            .value();
        QCOMPARE(total.toString(), QString("12000.00"));

        const QJsonObject f =
            http->get("/api/v1/revenue/forecast?legal_entity_id=" + QString::number(us) +
                      "&from=2026-03&to=2026-05")
                .json();
        QCOMPARE(f.value("currency").toString(), QString("USD"));
        const QJsonArray fm = f.value("months").toArray();
        QCOMPARE(fm.size(), 3);
        QCOMPARE(fm.at(0).toObject().value("actual").toObject().value("amount").toString(),
                 QString("558.90"));
        // May: 31 days: 78 days 2,564.38 − 1,545.21 = 1,019.17.
        QCOMPARE(fm.at(2).toObject().value("forecast").toObject().value("amount").toString(),
                 QString("1019.17"));
        const QJsonObject mc = http->get("/api/v1/revenue/forecast/2026-04/contracts?"
                                         "legal_entity_id=" +
                                         QString::number(us))
                                   .json();
        QCOMPARE(mc.value("items").toArray().size(), 1);
        QCOMPARE(mc.value("items").toArray().at(0).toObject().value("contract_id").toString(),
                 QString::number(c.id));
        // Time and materials forecast from the plan: a senior assigned 20 h a week through April
        // (30 days: 85.714… h) at the contract's 200.00 = 17,142.857… → 17,142.86; at 50 %
        // probability in May (31 days, 10 h a week: 44.285… h) = 8,857.14, capped by the
        // not-to-exceed at 25,000.00 − 1,600.00 recognised − 17,142.86 = 6,257.14.
        const Contract tmc = contract(acme, "USD", "Team");
        const qint64 tm = line(tmc.id, "time_and_materials", {{"not_to_exceed", "25000"}});
        rateItem(tm, "SENIOR_CONSULTANT", "200");
        const qint64 senior = employee("US", "SENIOR_CONSULTANT");
        entry(senior, tmc.project, "2026-03-16", "8.00");
        recognise("US", "2026-03");
        db::query(db->sql(),
                  "INSERT INTO assignments (employee_id, project_id, start_date, end_date, "
                  "hours_per_week, kind, probability) VALUES (?, ?, '2026-04-01', '2026-04-30', "
                  "20, 'hard', 100), (?, ?, '2026-05-01', '2026-05-31', 20, 'soft', 50)",
                  {senior, tmc.project, senior, tmc.project});
        const QJsonArray tmMonths =
            http->get("/api/v1/revenue/contracts/" + QString::number(tmc.id) + "/schedule")
                .json()
                .value("months")
                .toArray();
        QStringList plan;
        for (const QJsonValue &m : tmMonths)
            plan << m.toObject().value("period").toString() + " " +
                        m.toObject().value("actual").toObject().value("amount").toString() + " " +
                        m.toObject().value("forecast").toObject().value("amount").toString();
        QCOMPARE(plan.join(" | "), QString("2026-03 1600.00 0.00 | 2026-04 0.00 17142.86 | "
                                           "2026-05 0.00 6257.14"));

        // The group view in USD too.
        QCOMPARE(http->get("/api/v1/revenue/forecast?from=2026-03&to=2026-05").status, 200);
    }
};

QTEST_GUILESS_MAIN(RevenueRunTest)
#include "tst_revenue_run.moc"
