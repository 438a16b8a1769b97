// Revenue recognition method by method, to the cent (each figure worked out in the comment next
// to it), through the real run (runRevenueRecognition) and the real ledger: percentage of
// completion by cost with an estimate revised mid-project, an onerous contract (one starting
// later, one with a milestone and a fixed-fee line tested as a whole), a subscription
// starting mid-month, a retainer with rollover, milestones on acceptance, time and materials as
// delivered.

#include "tst_revenue_fixture.h"

using namespace keel;
using namespace keel::test;

class RevenueMethodsTest : public QObject, public RevenueFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(QTest::currentTestFunction()); }
    void cleanup() { tearDown(); }

    void percentageOfCompletionWithRevisedEstimate()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Data platform");
        const qint64 fee = line(c.id, "fixed_fee", {{"value", "100000"}});
        const qint64 consultant = employee("US", "CONSULTANT");

        // March: 20,000.00 spent, 60,000.00 to go: 20/80 = 25 % of 100,000.00 = 25,000.00.
        costedEntry(consultant, c.project, "2026-03-10", "8.00", "20000");
        estimateToComplete(c.project, "60000");
        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("25000.00"));
        QCOMPARE(r.entries, 1);
        QCOMPARE(recognition(fee, "2026-03"), QString("25000.00 25000.00 25.00"));
        // Nothing billed: the whole of it is a contract asset.
        QCOMPARE(position(c.project), QString("25000.00 25000.00 0.00"));

        // April: 30,000.00 spent, the estimate revised up to 65,000.00: 30/95 of 100,000.00 =
        // 31,578.947… → 31,578.95; April takes the catch-up, 6,578.95.
        costedEntry(consultant, c.project, "2026-04-08", "4.00", "10000");
        estimateToComplete(c.project, "65000");
        r = recognise("US", "2026-04");
        QCOMPARE(amount(r.revenue), QString("6578.95"));
        QCOMPARE(recognition(fee, "2026-04"), QString("6578.95 31578.95 31.58"));

        // May: no new cost, the estimate up again to 70,000.00: 30/100 = 30,000.00; May gives
        // back 1,578.95 (Dr Revenue / Cr Unbilled receivable).
        estimateToComplete(c.project, "70000");
        r = recognise("US", "2026-05");
        QCOMPARE(amount(r.revenue), QString("-1578.95"));
        QCOMPARE(recognition(fee, "2026-05"), QString("-1578.95 30000.00 30.00"));
        QCOMPARE(position(c.project), QString("30000.00 30000.00 0.00"));
        QCOMPARE(balance(c.project, "revenue", "2026-04-30"), QString("31578.95"));
        // A revised estimate within the budget is no loss.
        QCOMPARE(balance(c.project, "loss_provision"), QString("0.00"));
    }

    void onerousContract()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Migration");
        const qint64 fee = line(c.id, "fixed_fee", {{"value", "50000"}});
        const qint64 consultant = employee("US", "CONSULTANT");

        // Cost 30,000.00, 30,000.00 to go: cost at completion 60,000.00 > 50,000.00, a loss of
        // 10,000.00 expected. 50 % done: revenue 25,000.00, so 5,000.00 of the loss is realised
        // already (cost 30,000.00 − revenue 25,000.00); the other 5,000.00 is provided at once.
        costedEntry(consultant, c.project, "2026-03-03", "8.00", "30000");
        estimateToComplete(c.project, "30000");
        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("25000.00"));
        QCOMPARE(amount(r.lossProvision), QString("5000.00"));
        QCOMPARE(balance(c.project, "loss_provision"), QString("5000.00"));
        QCOMPARE(balance(c.project, "contract_loss"), QString("5000.00"));
        // The whole loss is in March's result: 25,000.00 − 30,000.00 − 5,000.00 = −10,000.00.

        // April: cost 45,000.00, 15,000.00 to go (the same 60,000.00 at completion): 75 %,
        // revenue 37,500.00, realised loss 7,500.00, provision 2,500.00 — 2,500.00 released.
        costedEntry(consultant, c.project, "2026-04-06", "6.00", "15000");
        estimateToComplete(c.project, "15000");
        r = recognise("US", "2026-04");
        QCOMPARE(amount(r.revenue), QString("12500.00"));
        QCOMPARE(amount(r.lossProvision), QString("-2500.00"));
        QCOMPARE(balance(c.project, "loss_provision"), QString("2500.00"));

        // May: the estimate rises to 25,000.00: 70,000.00 at completion, a 20,000.00 loss.
        // 45/70 of 50,000.00 = 32,142.857… → 32,142.86 (May −5,357.14); realised 45,000.00 −
        // 32,142.86 = 12,857.14; provision 20,000.00 − 12,857.14 = 7,142.86 (+4,642.86).
        estimateToComplete(c.project, "25000");
        r = recognise("US", "2026-05");
        QCOMPARE(amount(r.revenue), QString("-5357.14"));
        QCOMPARE(amount(r.lossProvision), QString("4642.86"));
        QCOMPARE(balance(c.project, "loss_provision"), QString("7142.86"));
        QCOMPARE(text("SELECT loss_provision::numeric(20, 2) FROM revenue_recognitions r JOIN "
                      "revenue_obligations o ON o.id = r.obligation_id WHERE "
                      "o.contract_line_id = ? AND r.period_start = '2026-05-01'",
                      {fee}),
                 QString("7142.86"));
        // Revenue to date 32,142.86, costs 45,000.00, provision 7,142.86: the loss is 20,000.00.
        QCOMPARE(balance(c.project, "revenue"), QString("32142.86"));
        QCOMPARE(text("SELECT loss_provision::numeric(20, 2) FROM revenue_runs ORDER BY id DESC "
                      "LIMIT 1"),
                 QString("4642.86"));
    }

    // Before its start a contract has nothing to measure: an onerous one is provided for in its
    // first month, not in the months before (the demo provided for 2026's contracts in 2024-01).
    void onerousContractStartingLater()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Late start");
        db::query(db->sql(), "UPDATE contracts SET start_date = '2026-05-01' WHERE id = ?", {c.id});
        db::query(db->sql(), "UPDATE projects SET start_date = '2026-05-01' WHERE id = ?",
                  {c.project});
        const qint64 fee = line(c.id, "fixed_fee", {{"value", "50000"}});
        const qint64 consultant = employee("US", "CONSULTANT");
        // Planned already: 60,000.00 to complete against a price of 50,000.00.
        estimateToComplete(c.project, "60000");

        // April, before the start: nothing measured, recognised or provided.
        RevenueRunResult r = recognise("US", "2026-04");
        QCOMPARE(r.entries, 0);
        QCOMPARE(amount(r.revenue), QString("0.00"));
        QCOMPARE(amount(r.lossProvision), QString("0.00"));
        QCOMPARE(recognition(fee, "2026-04"), QString());
        QCOMPARE(balance(c.project, "loss_provision"), QString("0.00"));

        // May, its first month: 12,000.00 spent, 48,000.00 to go: 60,000.00 at completion, a
        // 10,000.00 loss. 12/60 = 20 % of 50,000.00 = 10,000.00 revenue, 2,000.00 of the loss
        // realised (cost 12,000.00 − revenue 10,000.00), 8,000.00 provided.
        costedEntry(consultant, c.project, "2026-05-05", "8.00", "12000");
        estimateToComplete(c.project, "48000");
        r = recognise("US", "2026-05");
        QCOMPARE(amount(r.revenue), QString("10000.00"));
        QCOMPARE(amount(r.lossProvision), QString("8000.00"));
        QCOMPARE(recognition(fee, "2026-05"), QString("10000.00 10000.00 20.00"));
        QCOMPARE(balance(c.project, "loss_provision", "2026-04-30"), QString("0.00"));
        QCOMPARE(balance(c.project, "loss_provision"), QString("8000.00"));
    }

    // A milestone line and a fixed-fee line on one contract: the project's cost measures the
    // project's percent complete, which the fixed-fee line applies to its own price; the onerous
    // test is the contract's (its cost at completion against the price of both lines).
    void milestoneAndFixedFeeOnOneContract()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Platform and go-live");
        const qint64 ms = line(c.id, "milestones", {{"value", "40000"}});
        const qint64 fee = line(c.id, "fixed_fee", {{"value", "60000"}});
        const qint64 goLive = milestone(c.project, ms, 1, "40000", "2026-04-30", "completed");
        const qint64 consultant = employee("US", "CONSULTANT");

        // March: the project has spent 30,000.00 with 45,000.00 to go, 30/75 = 40 %: the fixed
        // fee earns 40 % of 60,000.00 = 24,000.00. Cost at completion 75,000.00 is within the
        // contract's 100,000.00: no loss (against the fixed fee's 60,000.00 alone it was a
        // 15,000.00 loss, 9,000.00 provided, before).
        costedEntry(consultant, c.project, "2026-03-10", "8.00", "30000");
        estimateToComplete(c.project, "45000");
        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("24000.00"));
        QCOMPARE(amount(r.lossProvision), QString("0.00"));
        QCOMPARE(recognition(fee, "2026-03"), QString("24000.00 24000.00 40.00"));
        QCOMPARE(recognition(ms, "2026-03"), QString("0.00 0.00 0.00"));
        QCOMPARE(balance(c.project, "loss_provision"), QString("0.00"));

        // April: the go-live accepted (40,000.00); 45,000.00 spent and 65,000.00 to go, 110,000.00
        // at completion: the contract now loses 10,000.00. The fixed fee at 45/110 of 60,000.00 =
        // 24,545.454… → 24,545.45 (+545.45). Revenue to date 64,545.45 exceeds the cost to date,
        // so none of the loss is realised yet: all 10,000.00 is provided, on the project.
        db::query(db->sql(),
                  "UPDATE project_milestones SET state = 'accepted', accepted_date = "
                  "'2026-04-20' WHERE id = ?",
                  {goLive});
        costedEntry(consultant, c.project, "2026-04-08", "6.00", "15000");
        estimateToComplete(c.project, "65000");
        r = recognise("US", "2026-04");
        QCOMPARE(amount(r.revenue), QString("40545.45"));
        QCOMPARE(amount(r.lossProvision), QString("10000.00"));
        QCOMPARE(recognition(fee, "2026-04"), QString("545.45 24545.45 40.91"));
        QCOMPARE(recognition(ms, "2026-04"), QString("40000.00 40000.00 100.00"));
        QCOMPARE(balance(c.project, "loss_provision"), QString("10000.00"));
        QCOMPARE(balance(c.project, "contract_loss"), QString("10000.00"));
        QCOMPARE(text("SELECT loss_provision::numeric(20, 2) FROM revenue_recognitions r JOIN "
                      "revenue_obligations o ON o.id = r.obligation_id WHERE "
                      "o.contract_line_id = ? AND r.period_start = '2026-04-01'",
                      {fee}),
                 QString("10000.00"));
    }

    void subscriptionStartingMidMonth()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Monitoring");
        const qint64 sub = line(c.id, "subscription",
                                {{"value", "12000"},
                                 {"fee_per_period", "1000"},
                                 {"period", "month"},
                                 {"start_date", "2026-03-15"},
                                 {"end_date", "2027-03-14"}});
        // The first month billed ahead on the start date.
        invoice(c.project, "2026-03-15", "1000.00", true);

        // 2026-03-15 … 2027-03-14 is 365 days. March: 17 of them, 12,000 × 17 / 365 =
        // 558.904… → 558.90; billed 1,000.00 ahead, so 441.10 stays deferred, no asset.
        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("558.90"));
        QCOMPARE(recognition(sub, "2026-03"), QString("558.90 558.90 4.66"));
        QCOMPARE(position(c.project), QString("558.90 0.00 441.10"));

        // April: 47 days, 1,545.205… → 1,545.21 (April 986.31); a second 1,000.00 billed
        // ahead: 2,000.00 − 1,545.21 = 454.79 deferred.
        invoice(c.project, "2026-04-15", "1000.00", true);
        r = recognise("US", "2026-04");
        QCOMPARE(amount(r.revenue), QString("986.31"));
        QCOMPARE(position(c.project), QString("1545.21 0.00 454.79"));

        // The last month: all 365 days, exactly 12,000.00 in total.
        r = recognise("US", "2027-03");
        QCOMPARE(amount(r.revenue), QString("10454.79"));
        QCOMPARE(recognition(sub, "2027-03"), QString("10454.79 12000.00 100.00"));
        // 12,000.00 recognised, 2,000.00 billed: a contract asset of 10,000.00, nothing deferred.
        QCOMPARE(position(c.project), QString("12000.00 10000.00 0.00"));
    }

    void retainerWithRolloverStraightLine()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Advisory");
        const qint64 retainer = line(c.id, "retainer",
                                     {{"value", "96000"},
                                      {"monthly_amount", "8000"},
                                      {"drawdown_hours", "30"},
                                      {"rollover", "next_period"},
                                      {"start_date", "2026-01-01"},
                                      {"end_date", "2026-12-31"}});
        line(c.id, "time_and_materials");
        rateItem(retainer, "CONSULTANT", "150");
        const qint64 consultant = employee("US", "CONSULTANT");
        // Hours drawn down (and rolled over) do not change what the fee earns: the retainer
        // bills the time, so the contract's time-and-materials line does not count it either.
        for (const char *d : {"2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"})
            entry(consultant, c.project, d, "8.00");

        // By day over 365 days: January 31 days, 96,000 × 31 / 365 = 8,153.424… → 8,153.42.
        RevenueRunResult r = recognise("US", "2026-01");
        QCOMPARE(amount(r.revenue), QString("8153.42"));
        QCOMPARE(recognition(retainer, "2026-01"), QString("8153.42 8153.42 8.49"));
        // February: 59 days, 15,517.808… → 15,517.81, February 7,364.39.
        r = recognise("US", "2026-02");
        QCOMPARE(amount(r.revenue), QString("7364.39"));
        QCOMPARE(recognition(retainer, "2026-02"), QString("7364.39 15517.81 16.16"));

        // Hours beyond the drawdown are billed as overage (3 h × 150.00 on an invoice issued in
        // March): earned as billed, on top of the fee. March: 90 days, 23,671.232… → 23,671.23,
        // the fee 8,153.42 more, plus 450.00.
        const qint64 inv =
            scalar("INSERT INTO invoices (legal_entity_id, account_id, contract_id, invoice_date, "
                   "due_date, currency, tax_code, subtotal, total) VALUES (?, ?, ?, '2026-03-05', "
                   "'2026-04-04', 'USD', 'US_STANDARD', 450, 450) RETURNING id",
                   {us, acme, c.id});
        db::query(db->sql(),
                  "INSERT INTO invoice_lines (invoice_id, line_no, kind, contract_line_id, "
                  "project_id, description, quantity, unit, unit_price, gross_amount, amount) "
                  "VALUES (?, 1, 'retainer_overage', ?, ?, 'Overage', 3, 'hours', 150, 450, 450)",
                  {inv, retainer, c.project});
        db::query(db->sql(),
                  "UPDATE invoices SET status = 'issued', number = 'INV-T-OV' WHERE id = ?", {inv});
        r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("8603.42"));
        QCOMPARE(recognition(retainer, "2026-03"), QString("8603.42 24121.23 24.66"));
        // The schedule forecasts the fee alone after March: April to 120 days, 31,561.643… →
        // 31,561.64, less the fee to March 23,671.23: 7,890.41 (the overage is not repeated).
        const QJsonArray months =
            login("fin")
                ->get("/api/v1/revenue/contracts/" + QString::number(c.id) + "/schedule")
                .json()
                .value("months")
                .toArray();
        QCOMPARE(months.at(3).toObject().value("period").toString(), QString("2026-04"));
        QCOMPARE(months.at(3).toObject().value("forecast").toObject().value("amount").toString(),
                 QString("7890.41"));
    }

    void milestonesOnAcceptance()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Rollout");
        const qint64 ms = line(c.id, "milestones", {{"value", "30000"}});
        milestone(c.project, ms, 1, "10000", "2026-03-20", "accepted", "2026-03-25");
        const qint64 second = milestone(c.project, ms, 2, "20000", "2026-04-30", "completed");

        // March: the accepted one, 10,000.00; the completed one waits for acceptance.
        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("10000.00"));
        QCOMPARE(recognition(ms, "2026-03"), QString("10000.00 10000.00 33.33"));
        // Accepted on 2 May: nothing new in April (no entry), 20,000.00 in May.
        db::query(db->sql(),
                  "UPDATE project_milestones SET state = 'accepted', accepted_date = "
                  "'2026-05-02' WHERE id = ?",
                  {second});
        r = recognise("US", "2026-04");
        QCOMPARE(amount(r.revenue), QString("0.00"));
        QCOMPARE(r.entries, 0);
        r = recognise("US", "2026-05");
        QCOMPARE(amount(r.revenue), QString("20000.00"));
        QCOMPARE(position(c.project), QString("30000.00 30000.00 0.00"));
    }

    void timeAndMaterialsAsDelivered()
    {
        const qint64 acme = account("US", "Acme", "US", "USD", "US_STANDARD", 30);
        const Contract c = contract(acme, "USD", "Support");
        const qint64 tm = line(c.id, "time_and_materials");
        rateItem(tm, "SENIOR_CONSULTANT", "200");
        const qint64 senior = employee("US", "SENIOR_CONSULTANT");
        entry(senior, c.project, "2026-03-02", "7.50");
        entry(senior, c.project, "2026-03-03", "8.00", "invoiced");  // billed: still delivered
        entry(senior, c.project, "2026-03-04", "3.00", "submitted"); // not approved
        entry(senior, c.project, "2026-03-05", "3.00", "approved", false); // not billable
        entry(senior, c.project, "2026-04-01", "2.00");                    // after the period
        const qint64 travel = scalar("INSERT INTO expense_categories (legal_entity_id, code, name) "
                                     "VALUES (?, 'TRAVEL', 'Travel') RETURNING id",
                                     {us});
        db::query(db->sql(),
                  "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, "
                  "project_id, expense_date, description, amount, currency, fx_rate, "
                  "functional_amount, functional_currency, billable, markup_pct, status) VALUES "
                  "(gen_random_uuid(), ?, ?, ?, ?, '2026-03-06', 'Train', 100.05, 'USD', 1, "
                  "100.05, 'USD', true, 10, 'approved')",
                  {senior, us, travel, c.project});

        // 15.50 h × 200.00 = 3,100.00; the train 100.05 + 10 % = 110.055 → 110.06.
        RevenueRunResult r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("3210.06"));
        QCOMPARE(recognition(tm, "2026-03"), QString("3210.06 3210.06 0.00"));

        // A not-to-exceed caps it: 2,500.00.
        const Contract capped = contract(acme, "USD", "Capped support");
        const qint64 cappedLine =
            line(capped.id, "time_and_materials", {{"not_to_exceed", "2500"}});
        rateItem(cappedLine, "SENIOR_CONSULTANT", "200");
        entry(senior, capped.project, "2026-03-09", "8.00");
        entry(senior, capped.project, "2026-03-10", "8.00");
        r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("2500.00"));
        QCOMPARE(recognition(cappedLine, "2026-03"), QString("2500.00 2500.00 100.00"));
        // Two time-and-materials lines: as the billing run, the line with a rate item for the
        // role carries its hours, each under its own cap. Seniors on the first line, 8 h × 200.00
        // = 1,600.00 capped at 1,000.00; a consultant on the second, 8 h × 100.00 = 800.00.
        const Contract teams = contract(acme, "USD", "Two teams");
        const qint64 first = line(teams.id, "time_and_materials", {{"not_to_exceed", "1000"}});
        rateItem(first, "SENIOR_CONSULTANT", "200");
        const qint64 second = line(teams.id, "time_and_materials");
        rateItem(second, "CONSULTANT", "100");
        entry(senior, teams.project, "2026-03-11", "8.00");
        entry(employee("US", "CONSULTANT"), teams.project, "2026-03-12", "8.00");
        r = recognise("US", "2026-03");
        QCOMPARE(amount(r.revenue), QString("1800.00"));
        QCOMPARE(recognition(first, "2026-03"), QString("1000.00 1000.00 100.00"));
        QCOMPARE(recognition(second, "2026-03"), QString("800.00 800.00 0.00"));

        // April: the first contract's 2 h, 400.00.
        r = recognise("US", "2026-04");
        QCOMPARE(amount(r.revenue), QString("400.00"));
    }
};

QTEST_GUILESS_MAIN(RevenueMethodsTest)
#include "tst_revenue_methods.moc"
