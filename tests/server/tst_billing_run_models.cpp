// What a billing run bills, model by model, to the cent (each figure computed by hand in the
// comment next to it): time and materials at the rate chain, a not-to-exceed cap reached in the
// middle of the period, expenses with markup in another currency, milestones, fixed-fee items,
// a retainer with rollover and overage, subscriptions.

#include "tst_billing_run_fixture.h"

using namespace keel;
using namespace keel::test;

class BillingRunModelsTest : public QObject, public BillingRunFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void timeAndMaterialsAtTheRateChain()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Acme lake");
        const qint64 tm = line(c.id, "time_and_materials");
        rateItem(tm, "SENIOR_CONSULTANT", "200");
        db::query(db->sql(),
                  "INSERT INTO client_rate_overrides (account_id, currency, job_role_id, "
                  "hourly_rate, valid_from) VALUES (?, 'USD', ?, 152.35, '2026-01-01')",
                  {acme, role("CONSULTANT")});
        db::query(db->sql(),
                  "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, "
                  "hourly_rate, valid_from, valid_to) VALUES (?, 'USD', ?, 90, '2025-01-01', "
                  "'2026-02-28'), (?, 'USD', ?, 100, '2026-03-01', NULL)",
                  {us, role("ANALYST"), us, role("ANALYST")});
        const qint64 senior = employee("US", "SENIOR_CONSULTANT");
        const qint64 consultant = employee("US", "CONSULTANT");
        const qint64 manager = employee("US", "MANAGER");
        // The task's role wins over the employee's: the consultant works as an analyst here.
        const qint64 analysis = scalar("INSERT INTO project_tasks (project_id, seq, name, "
                                       "job_role_id) VALUES (?, 1, 'Analysis', ?) RETURNING id",
                                       {c.project, role("ANALYST")});
        entry(senior, c.project, "2026-03-02", "7.50");
        entry(senior, c.project, "2026-03-03", "8.00");
        for (const char *d : {"2026-03-04", "2026-03-05", "2026-03-06"})
            entry(consultant, c.project, d, "2.33");
        entry(consultant, c.project, "2026-03-09", "2.50", "approved", true, analysis);
        const QString noRate = entry(manager, c.project, "2026-03-10", "4.00");
        entry(senior, c.project, "2026-03-11", "3.00", "submitted");       // not approved
        entry(senior, c.project, "2026-03-12", "3.00", "approved", false); // not billable
        entry(senior, c.project, "2026-04-01", "3.00");                    // after the period

        const qint64 run = runNow("US", "2026-03");
        // Lines in fixed order: time by project, description.
        //   Analyst (rate card from March)  2.50 h × 100.00 = 250.00
        //   Consultant (client override)    6.99 h × 152.35 = 1,064.9265 → 1,064.93
        //     (rounded once per line: three entries rounded alone would make 1,064.94)
        //   Senior consultant (contract)   15.50 h × 200.00 = 3,100.00
        QCOMPARE(lines(run, c.id), QString("time 2.50 100.00 250.00 0.00 | "
                                           "time 6.99 152.35 1064.93 0.00 | "
                                           "time 15.50 200.00 3100.00 0.00"));
        // 250.00 + 1,064.93 + 3,100.00 = 4,414.93, no tax on US services; due 30 days on.
        QCOMPARE(invoices(run, c.id), QString("US_STANDARD 4414.93 0.00 4414.93 USD 2026-04-30"));
        // The manager's role has no rate anywhere: held, not billed.
        QCOMPARE(rows("SELECT kind, hours, amount::numeric(20, 2), status FROM "
                      "billing_exceptions WHERE billing_run_id = ?",
                      {run}),
                 QString("no_rate 4.00 0.00 open"));
        QCOMPARE(text("SELECT billing_exception_id IS NOT NULL FROM billing_sources WHERE "
                      "source_key = ?",
                      {noRate}),
                 QString("true"));
        QCOMPARE(text("SELECT invoice_count || ' ' || line_count || ' ' || exception_count || "
                      "' ' || status FROM billing_runs WHERE id = ?",
                      {run}),
                 QString("1 3 1 completed"));

        // Nothing is billed twice: the same period again finds nothing left.
        const qint64 again = runNow("US", "2026-03");
        QCOMPARE(text("SELECT invoice_count || ' ' || exception_count FROM billing_runs WHERE "
                      "id = ?",
                      {again}),
                 QString("0 0"));
        // April: the entry of April 1.
        const qint64 april = runNow("US", "2026-04");
        QCOMPARE(lines(april, c.id), QString("time 3.00 200.00 600.00 0.00"));
    }

    void capReachedMidPeriod()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Capped");
        const qint64 tm = line(c.id, "time_and_materials", {{"not_to_exceed", "5000"}});
        rateItem(tm, "CONSULTANT", "150");
        const qint64 consultant = employee("US", "CONSULTANT");
        QStringList ids;
        for (int day = 2; day <= 11; ++day) // ten entries of 4 h: 6,000.00 of work
            ids << entry(consultant, c.project,
                         QStringLiteral("2026-03-%1").arg(day, 2, 10, QChar('0')), "4.00");

        const qint64 run = runNow("US", "2026-03");
        // Entries 1–8: 32 h = 4,800.00; 200.00 left under the cap; entry 9 fits for
        // trunc(200 / 150, 2) = 1.33 h (199.50); the rest of it (2.67 h) and entry 10 (4 h) wait.
        QCOMPARE(lines(run, c.id), QString("time 33.33 150.00 4999.50 0.00"));
        // Held: 6.67 h; 2.67 × 150 = 400.50 and 4 × 150 = 600.00: 1,000.50.
        QCOMPARE(rows("SELECT kind, hours, amount::numeric(20, 2), currency FROM "
                      "billing_exceptions WHERE billing_run_id = ?",
                      {run}),
                 QString("cap_exceeded 6.67 1000.50 USD"));
        // Entry 9 is billed in two parts: 1.33 h on the invoice, 2.67 h on the exception.
        QCOMPARE(rows("SELECT part, hours, invoice_line_id IS NOT NULL, amount::numeric(20, 2) "
                      "FROM billing_sources WHERE source_key = ? ORDER BY part",
                      {ids.at(8)}),
                 QString("1 1.33 true 199.50 | 2 2.67 false 400.50"));

        auto http = login("fin");
        const QString exceptionId = QString::number(
            scalar("SELECT id FROM billing_exceptions WHERE billing_run_id = ?", {run}));
        const QString open =
            "/api/v1/billing/exceptions?legal_entity_id=" + QString::number(us) + "&status=open";
        QJsonArray items = http->get(open).json().value("items").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value("hours").toString(), QString("6.67"));
        QCOMPARE(items.at(0).toObject().value("amount").toObject().value("amount").toString(),
                 QString("1000.50"));
        // 0.50 left under the cap would not bill a hundredth of an hour at 150.00.
        HttpResult r = http->post("/api/v1/billing/exceptions/" + exceptionId + "/release",
                                  {{"note", "Change order pending"}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QString("id:cap_still_reached"));
        r = http->post("/api/v1/billing/exceptions/" + exceptionId + "/release", QJsonObject{});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("note:required"));

        // A change order raises the cap to 7,000.00; the release hands the hours back.
        db::query(db->sql(), "UPDATE contract_lines SET not_to_exceed = 7000 WHERE id = ?", {tm});
        r = http->post("/api/v1/billing/exceptions/" + exceptionId + "/release",
                       {{"note", "Change order CO-1 raised the cap to 7,000.00"}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("billing_exception", "open", "release",
                               r.json().value("status").toString());
        QCOMPARE(http->get(open).json().value("items").toArray().size(), 0);
        r = http->post("/api/v1/billing/exceptions/" + exceptionId + "/write-off",
                       {{"note", "too late"}});
        QCOMPARE(r.status, 409);

        // April's run bills the rest: 2.67 + 4.00 = 6.67 h × 150.00 = 1,000.50, all under the
        // raised cap (4,999.50 + 1,000.50 = 6,000.00 ≤ 7,000.00).
        const qint64 april = runNow("US", "2026-04");
        QCOMPARE(lines(april, c.id), QString("time 6.67 150.00 1000.50 0.00"));
        QCOMPARE(
            scalar("SELECT count(*) FROM billing_exceptions WHERE billing_run_id = ?", {april}), 0);
        // Every approved hour is claimed once: 40.00 h.
        QCOMPARE(text("SELECT sum(hours) FROM billing_sources WHERE source_kind = 'time_entry' "
                      "AND released_at IS NULL"),
                 QString("40.00"));
        QCOMPARE(rows("SELECT part, hours FROM billing_sources WHERE source_key = ? ORDER BY part",
                      {ids.at(8)}),
                 QString("1 1.33 | 2 2.67"));
    }

    void writeOffKeepsTheHoursClaimed()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "No rate");
        line(c.id, "time_and_materials");
        const qint64 principal = employee("US", "PRINCIPAL");
        entry(principal, c.project, "2026-03-02", "6.00");
        const qint64 run = runNow("US", "2026-03");
        QCOMPARE(lines(run, c.id), QString());
        const QString id =
            QString::number(scalar("SELECT id FROM billing_exceptions WHERE billing_run_id = ? "
                                   "AND kind = 'no_rate'",
                                   {run}));
        auto http = login("fin");
        HttpResult r = http->post("/api/v1/billing/exceptions/" + id + "/write-off",
                                  {{"note", "Goodwill: not billed"}, {"version", 1}});
        QCOMPARE(r.status, 200);
        KEEL_COVERS_TRANSITION("billing_exception", "open", "write_off",
                               r.json().value("status").toString());
        QCOMPARE(r.json().value("resolution_note").toString(), QString("Goodwill: not billed"));
        // A rate now exists, yet the written-off hours stay claimed and are never billed.
        db::query(db->sql(),
                  "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, "
                  "hourly_rate, valid_from) VALUES (?, 'USD', ?, 300, '2026-01-01')",
                  {us, role("PRINCIPAL")});
        const qint64 april = runNow("US", "2026-04");
        QCOMPARE(lines(april, c.id), QString());
        r = http->post("/api/v1/billing/exceptions/" + id + "/release", {{"note", "again"}});
        QCOMPARE(r.status, 409);
        // Another entity's finance does not see it.
        auto uk = login("ukfin");
        QCOMPARE(
            uk->post("/api/v1/billing/exceptions/" + id + "/write-off", {{"note", "x"}}).status,
            404);
    }

    void expensesWithMarkupInTheContractCurrency()
    {
        db::exec(db->sql(), "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) "
                            "VALUES ('GBP', 'EUR', '2026-01-01', 1.15), "
                            "('GBP', 'EUR', '2026-03-01', 1.1712)");
        const qint64 consultant = employee("US", "CONSULTANT");
        const qint64 cat = scalar("INSERT INTO expense_categories (legal_entity_id, code, name) "
                                  "VALUES (?, 'TRAVEL', 'Travel') RETURNING id",
                                  {us});
        const auto expense = [&](qint64 project, const char *date, const char *amount,
                                 const char *currency, const char *rate, const char *functional,
                                 const char *markup) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            db::query(db->sql(),
                      "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, "
                      "project_id, expense_date, description, amount, currency, fx_rate, "
                      "functional_amount, functional_currency, billable, markup_pct, status) "
                      "VALUES (?::uuid, ?, ?, ?, ?, ?::date, 'Client visit', ?::numeric, ?, "
                      "?::numeric, ?::numeric, 'USD', true, ?::numeric, 'approved')",
                      {id, consultant, us, cat, project, date, amount, currency, rate, functional,
                       markup});
            return id;
        };
        // A EUR contract of the US entity; the client is in France (export of services from
        // the US: no tax).
        const qint64 paris = account("US", "Paris SA", "FR", "EUR", "US_STANDARD", 45);
        const Contract eur = contract(paris, "EUR", "Paris");
        line(eur.id, "time_and_materials");
        // 200.00 GBP at the expense date's GBP→EUR rate 1.1712 = 234.24 EUR; + 10 % = 257.664
        // → 257.66.
        expense(eur.project, "2026-03-10", "200.00", "GBP", "1.27", "254.00", "10");
        // Already in EUR: 80.00 + 12.5 % = 90.00.
        expense(eur.project, "2026-03-11", "80.00", "EUR", "1.0834", "86.67", "12.5");
        // A USD contract: the functional amount is in its currency already: 108.34 + 5 % =
        // 113.757 → 113.76.
        const qint64 boston = account("US", "Boston", "US", "USD", "US_STANDARD", 30);
        const Contract usd = contract(boston, "USD", "Boston");
        line(usd.id, "time_and_materials");
        expense(usd.project, "2026-03-12", "100.00", "EUR", "1.0834", "108.34", "5");

        const qint64 run = runNow("US", "2026-03");
        QCOMPARE(lines(run, eur.id),
                 QString("expense 1.00 257.66 257.66 0.00 | expense 1.00 90.00 90.00 0.00"));
        QCOMPARE(invoices(run, eur.id), QString("US_STANDARD 347.66 0.00 347.66 EUR 2026-05-15"));
        QCOMPARE(lines(run, usd.id), QString("expense 1.00 113.76 113.76 0.00"));
        QCOMPARE(scalar("SELECT count(*) FROM billing_sources WHERE source_kind = 'expense'"), 3);
    }

    void milestonesFixedFeesAndSubscriptions()
    {
        const qint64 acme = account("UK", "Acme Ltd", "GB", "GBP", "UK_VAT_STANDARD", 30);
        const Contract c = contract(acme, "GBP", "Platform");
        const qint64 ms = line(c.id, "milestones");
        db::query(db->sql(),
                  "INSERT INTO project_milestones (project_id, contract_line_id, seq, name, "
                  "amount, currency, planned_date, actual_date, state) VALUES "
                  "(?, ?, 1, 'Design signed off', 12000, 'GBP', '2026-03-15', '2026-03-20', "
                  "'accepted'), "
                  "(?, ?, 2, 'Go-live', 18000, 'GBP', '2026-03-25', NULL, 'billable'), "
                  "(?, ?, 3, 'Hypercare', 5000, 'GBP', '2026-03-28', '2026-03-28', 'completed'), "
                  "(?, ?, 4, 'Later', 7000, 'GBP', '2026-04-20', '2026-04-20', 'accepted')",
                  {c.project, ms, c.project, ms, c.project, ms, c.project, ms});
        const qint64 ff = line(c.id, "fixed_fee", {{"description", "Discovery"}});
        scheduleItem(ff, "First half", "2500.50", "2026-03-31");
        scheduleItem(ff, "Second half", "2500.50", "2026-04-30");
        // Quarterly from 2026-01-15: the period starting in January is due (billed ahead), the
        // one starting 2026-04-15 not yet.
        line(c.id, "subscription",
             {{"description", "Managed service"},
              {"fee_per_period", "3000"},
              {"period", "quarter"},
              {"start_date", "2026-01-15"},
              {"end_date", "2026-12-31"}});

        const qint64 run = runNow("UK", "2026-03");
        // Fixed fee 2,500.50 (VAT 500.10); milestones 12,000.00 (2,400.00) and 18,000.00
        // (3,600.00); subscription 3,000.00 (600.00).
        QCOMPARE(lines(run, c.id), QString("fixed_fee 1.00 2500.50 2500.50 500.10 | "
                                           "milestone 1.00 12000.00 12000.00 2400.00 | "
                                           "milestone 1.00 18000.00 18000.00 3600.00 | "
                                           "subscription 1.00 3000.00 3000.00 600.00"));
        // 35,500.50 + 7,100.10 = 42,600.60.
        QCOMPARE(invoices(run, c.id),
                 QString("UK_VAT_STANDARD 35500.50 7100.10 42600.60 GBP 2026-04-30"));
        QCOMPARE(rows("SELECT timing, service_start, service_end FROM invoice_lines WHERE kind = "
                      "'subscription'"),
                 QString("ahead 2026-01-15 2026-04-14"));

        const qint64 april = runNow("UK", "2026-04");
        QCOMPARE(lines(april, c.id), QString("fixed_fee 1.00 2500.50 2500.50 500.10 | "
                                             "milestone 1.00 7000.00 7000.00 1400.00 | "
                                             "subscription 1.00 3000.00 3000.00 600.00"));
    }

    void aCompletedContractIsBilledForWhatWasDeliveredOnly()
    {
        // The work ended in March and the contract was marked completed before the run: the
        // accepted milestone and the schedule item due are still billed, and so is February's
        // retainer fee that no run billed (delivered, so billed in arrears); no subscription
        // period or retainer month is billed ahead any more.
        const qint64 acme = account("UK", "Acme Ltd", "GB", "GBP", "UK_VAT_STANDARD", 30);
        const Contract c = contract(acme, "GBP", "Wrapped up");
        const qint64 ms = line(c.id, "milestones");
        db::query(db->sql(),
                  "INSERT INTO project_milestones (project_id, contract_line_id, seq, name, "
                  "amount, currency, planned_date, actual_date, state) VALUES "
                  "(?, ?, 1, 'Handover', 4000.25, 'GBP', '2026-03-15', '2026-03-20', 'accepted')",
                  {c.project, ms});
        scheduleItem(line(c.id, "fixed_fee"), "Final", "1000", "2026-03-31");
        line(c.id, "subscription",
             {{"fee_per_period", "300"},
              {"period", "month"},
              {"start_date", "2026-03-01"},
              {"end_date", "2026-12-31"}});
        line(c.id, "retainer",
             {{"monthly_amount", "2000"},
              {"drawdown_hours", "10"},
              {"rollover", "none"},
              {"start_date", "2026-02-01"},
              {"end_date", "2026-12-31"}});
        db::query(db->sql(), "UPDATE contracts SET status = 'completed' WHERE id = ?", {c.id});

        const qint64 run = runNow("UK", "2026-03");
        QCOMPARE(lines(run, c.id), QString("fixed_fee 1.00 1000.00 1000.00 200.00 | "
                                           "milestone 1.00 4000.25 4000.25 800.05 | "
                                           "retainer_fee 1.00 2000.00 2000.00 400.00"));
        QCOMPARE(invoices(run, c.id),
                 QString("UK_VAT_STANDARD 7000.25 1400.05 8400.30 GBP 2026-04-30"));
        // The next run bills March's retainer month and subscription period, delivered before
        // the contract ended; nothing ahead.
        const qint64 april = runNow("UK", "2026-04");
        QCOMPARE(lines(april, c.id), QString("retainer_fee 1.00 2000.00 2000.00 400.00 | "
                                             "subscription 1.00 300.00 300.00 60.00"));
    }

    void retainerWithRolloverAndOverage()
    {
        const qint64 acme = account("UK", "Acme Ltd", "GB", "GBP", "UK_VAT_STANDARD", 30);
        const Contract c = contract(acme, "GBP", "Advisory");
        const qint64 retainer = line(c.id, "retainer",
                                     {{"description", "Advisory retainer"},
                                      {"monthly_amount", "10000"},
                                      {"drawdown_hours", "40"},
                                      {"rollover", "next_period"},
                                      {"start_date", "2026-03-01"},
                                      {"end_date", "2026-12-31"}});
        db::query(db->sql(),
                  "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, "
                  "hourly_rate, valid_from) VALUES (?, 'GBP', ?, 150, '2026-01-01')",
                  {uk, role("CONSULTANT")});
        const qint64 consultant = employee("UK", "CONSULTANT");

        // February's run bills March's fee ahead.
        const qint64 feb = runNow("UK", "2026-02");
        QCOMPARE(lines(feb, c.id), QString("retainer_fee 1.00 10000.00 10000.00 2000.00"));
        const qint64 marchFee = scalar("SELECT l.id FROM invoice_lines l JOIN invoices i ON i.id = "
                                       "l.invoice_id WHERE i.billing_run_id = ?",
                                       {feb});

        // February's invoice is issued (as the invoice part's issue leaves it).
        const qint64 febInvoice = scalar("SELECT id FROM invoices WHERE billing_run_id = ?", {feb});
        db::query(db->sql(),
                  "UPDATE invoices SET status = 'issued', number = 'INV-UK-2026-000001' WHERE "
                  "id = ?",
                  {febInvoice});

        // March: 30 h worked, all within the 40 h drawdown; April's fee goes ahead.
        for (int day = 2; day <= 7; ++day)
            entry(consultant, c.project, QStringLiteral("2026-03-0%1").arg(day), "5.00");
        const qint64 march = runNow("UK", "2026-03");
        QCOMPARE(lines(march, c.id), QString("retainer_fee 1.00 10000.00 10000.00 2000.00"));
        // The 30 h are claimed at 0 on March's fee line, billed in February.
        QCOMPARE(rows("SELECT count(*), sum(hours), sum(amount)::numeric(20, 2) FROM "
                      "billing_sources WHERE invoice_line_id = ? AND source_kind = 'time_entry'",
                      {marchFee}),
                 QString("6 30.00 0.00"));
        // Drawn whole from a fee already issued: invoiced by that invoice at once.
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'invoiced' AND "
                        "invoice_id = ?",
                        {febInvoice}),
                 6);

        // April: 8 entries of 7 h = 56 h against 40 h + the 10 h March left = 50 h: entries 1–7
        // draw 49 h, the 8th draws 1 h and 6 h are overage at the rate card's 150.00 = 900.00.
        QString last;
        for (int day = 1; day <= 8; ++day)
            last = entry(consultant, c.project, QStringLiteral("2026-04-0%1").arg(day), "7.00");
        const qint64 april = runNow("UK", "2026-04");
        // May's fee 10,000.00 (VAT 2,000.00) and the overage 6 h × 150.00 = 900.00 (180.00).
        QCOMPARE(lines(april, c.id), QString("retainer_fee 1.00 10000.00 10000.00 2000.00 | "
                                             "retainer_overage 6.00 150.00 900.00 180.00"));
        // 10,900.00 + 2,180.00 = 13,080.00.
        QCOMPARE(invoices(april, c.id),
                 QString("UK_VAT_STANDARD 10900.00 2180.00 13080.00 GBP 2026-05-30"));
        QCOMPARE(rows("SELECT bs.part, bs.hours, l.kind, l.service_start FROM billing_sources bs "
                      "JOIN invoice_lines l ON l.id = bs.invoice_line_id WHERE bs.source_key = ? "
                      "ORDER BY bs.part",
                      {last}),
                 QString("1 6.00 retainer_overage 2026-04-08 | 2 1.00 retainer_fee 2026-04-01"));
        // April's fee is on March's draft: its entries wait for that invoice's issue.
        QCOMPARE(scalar("SELECT count(*) FROM time_entries WHERE status = 'approved'"), 8);
        QCOMPARE(text("SELECT sum(bs.hours) FROM billing_sources bs JOIN invoice_lines l ON l.id = "
                      "bs.invoice_line_id WHERE l.kind = 'retainer_fee' AND l.service_start = "
                      "'2026-04-01' AND l.contract_line_id = ?",
                      {retainer}),
                 QString("50.00"));
    }
};

QTEST_GUILESS_MAIN(BillingRunModelsTest)
#include "tst_billing_run_models.moc"
