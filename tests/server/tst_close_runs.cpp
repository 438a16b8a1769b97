// Close runs: subcontractor accruals to the cent and their reversal, a run of kind all with its
// progress, repeatable until the hard close, the abandoned run failed when read, and the C++
// entry points the demo and benches use.

#include "tst_close_periods_fixture.h"

using namespace keel;
using namespace keel::test;

class CloseRunsTest : public QObject, public CloseFixture
{
    Q_OBJECT

    qint64 agreement = 0, contractor = 0, vendor = 0;

    // A contractor (employee record) working under an agreement at 95.50 GBP/h on the project.
    void seedContractor()
    {
        vendor = scalar("INSERT INTO vendors (legal_entity_id, name, country, currency) VALUES "
                        "(?, 'Pennine Analytics', 'GB', 'GBP') RETURNING id",
                        {uk});
        agreement = scalar("INSERT INTO subcontract_agreements (vendor_id, legal_entity_id, "
                           "project_id, reference, hourly_rate, currency, start_date, end_date) "
                           "VALUES (?, ?, ?, 'SUB-1', 95.50, 'GBP', '2026-09-01', '2027-06-30') "
                           "RETURNING id",
                           {vendor, uk, proj});
        const qint64 user = server->createUser("sub", "sub password", {{"consultant", "UK"}}, "UK");
        contractor = scalar("INSERT INTO employees (user_id, legal_entity_id, country, "
                            "job_role_id) VALUES (?, ?, 'GB', ?) RETURNING id",
                            {user, uk, roleId("CONSULTANT")});
        db::query(db->sql(),
                  "INSERT INTO subcontract_agreement_workers (agreement_id, employee_id) VALUES "
                  "(?, ?)",
                  {agreement, contractor});
    }

    qint64 vendorBill(const char *ref, const char *date, const char *hours, const char *status)
    {
        const qint64 id = scalar(
            "INSERT INTO vendor_bills (legal_entity_id, vendor_id, agreement_id, "
            "vendor_ref, bill_date, due_date, currency, total, status) VALUES (?, ?, ?, "
            "?, ?::date, ?::date + 30, 'GBP', round(?::numeric * 95.50, 2), ?) RETURNING "
            "id",
            {uk, vendor, agreement, QString::fromLatin1(ref), QString::fromLatin1(date),
             QString::fromLatin1(date), QString::fromLatin1(hours), QString::fromLatin1(status)});
        db::query(db->sql(),
                  "INSERT INTO vendor_bill_lines (bill_id, seq, project_id, description, hours, "
                  "rate, amount) VALUES (?, 1, ?, 'Analytics', ?::numeric, 95.50, "
                  "round(?::numeric * 95.50, 2))",
                  {id, proj, QString::fromLatin1(hours), QString::fromLatin1(hours)});
        return id;
    }

    // Account balance (credit positive) of the UK ledger up to and including `date`.
    QString credit(const char *number, const char *date)
    {
        return text(
            "SELECT coalesce(sum(l.functional_credit - l.functional_debit), 0)::numeric(20, "
            "2)::text FROM journal_lines l JOIN ledger_accounts a ON a.id = "
            "l.ledger_account_id WHERE l.legal_entity_id = ? AND a.number = ? AND "
            "l.entry_date <= ?::date",
            {uk, QString::fromLatin1(number), QString::fromLatin1(date)});
    }

private slots:
    void init() { setUpClose(QTest::currentTestFunction()); }
    void cleanup() { tearDownClose(); }

    void accrualToTheCentAndItsReversal()
    {
        closeBefore("2026-10");
        seedContractor();
        // 18.25 h approved in October (and 3 h in September, billed), 2 h still submitted.
        timeEntry("2026-09-29", "3", "approved", true, contractor);
        timeEntry("2026-10-06", "10.25", "approved", true, contractor);
        timeEntry("2026-10-07", "8", "invoiced", true, contractor);
        timeEntry("2026-10-08", "2", "submitted", true, contractor);
        timeEntry("2026-11-02", "8", "approved", true, contractor); // November
        vendorBill("PA-09", "2026-10-03", "3", "approved");
        vendorBill("PA-10a", "2026-10-20", "6", "approved");
        vendorBill("PA-10b", "2026-10-29", "4", "submitted"); // not approved: covers nothing
        vendorBill("PA-10c", "2026-11-04", "5", "approved");  // dated after the period end

        auto fin = as("fin");
        QJsonObject run = runAndWait(*fin, "2026-10", "subcontractor_accruals");
        QCOMPARE(run.value("status").toString(), QString("completed"));
        QCOMPARE(run.value("progress").toInt(), 100);
        QCOMPARE(run.value("kind").toString(), QString("subcontractor_accruals"));
        KEEL_COVERS_TRANSITION("close_run", "running", "complete", run.value("status").toString());
        // (3 + 10.25 + 8 − 3 − 6) h = 12.25 h × 95.50 = 1169.875 → 1169.88.
        QCOMPARE(run.value("result").toObject().value("totals").toArray()[0].toObject(),
                 (QJsonObject{{"amount", "1169.88"}, {"currency", "GBP"}}));
        QCOMPARE(credit("2600", "2026-10-31"), QString("1169.88"));
        QCOMPARE(credit("5100", "2026-10-31"), QString("-1169.88"));
        QCOMPARE(text("SELECT l.project_id::text FROM journal_lines l JOIN ledger_accounts a ON "
                      "a.id = l.ledger_account_id WHERE a.number = '5100' AND l.entry_date = "
                      "'2026-10-31'"),
                 QString::number(proj));
        // Reversed on the first day of November.
        QCOMPARE(credit("2600", "2026-11-01"), QString("0.00"));
        QCOMPARE(credit("5100", "2026-11-01"), QString("0.00"));
        QCOMPARE(scalar("SELECT count(*) FROM journal_entries WHERE source_type = "
                        "'close_accrual' AND entry_date = '2026-11-01' AND reverses_id IS NOT "
                        "NULL"),
                 1);

        // Two more hours approved: the run again replaces the accrual, nothing twice.
        timeEntry("2026-10-09", "2", "approved", true, contractor);
        run = runAndWait(*fin, "2026-10", "subcontractor_accruals");
        QCOMPARE(run.value("status").toString(), QString("completed"));
        // 14.25 h × 95.50 = 1360.875 → 1360.88.
        QCOMPARE(credit("2600", "2026-10-31"), QString("1360.88"));
        QCOMPARE(credit("2600", "2026-11-01"), QString("0.00"));
        QCOMPARE(scalar("SELECT count(*) FROM close_accruals WHERE legal_entity_id = ? AND NOT "
                        "superseded",
                        {uk}),
                 1);
        // The checklist shows the run done.
        const QJsonObject list = fin->get(path("2026-10")).json();
        QCOMPARE(item(list, "subcontractor_accruals").value("state").toString(), QString("green"));
        // A posting in October after the run makes it stale again.
        QCOMPARE(journal("2026-10-30", "75.00"), 200);
        const QJsonObject stale = fin->get(path("2026-10")).json();
        QCOMPARE(item(stale, "subcontractor_accruals").value("state").toString(), QString("red"));
        QCOMPARE(item(stale, "subcontractor_accruals").value("run").toObject().value("status"),
                 QJsonValue("completed"));
    }

    void allRunsInOrderWithProgressRepeatableUntilHardClose()
    {
        closeBefore("2026-10");
        auto fin = as("fin");
        QJsonObject run = runAndWait(*fin, "2026-10", "all");
        QVERIFY2(run.value("status").toString() == "completed",
                 qPrintable(run.value("error").toString()));
        QCOMPARE(run.value("progress").toInt(), 100);
        const QJsonObject result = run.value("result").toObject();
        QCOMPARE(result.keys(),
                 (QStringList{"accruals", "fx_revaluation", "intercompany", "revenue"}));
        QJsonObject list = fin->get(path("2026-10")).json();
        for (const char *task :
             {"revenue_recognition", "subcontractor_accruals", "fx_revaluation", "intercompany"})
            QCOMPARE(item(list, task).value("state").toString(), QString("green"));
        // Again: completed, a run of its own.
        const QJsonObject again = runAndWait(*fin, "2026-10", "all");
        QCOMPARE(again.value("status").toString(), QString("completed"));
        QVERIFY(again.value("id").toString() != run.value("id").toString());

        // Until the hard close.
        db::exec(db->sql(), QStringLiteral("UPDATE accounting_periods SET status = "
                                           "'hard_closed' WHERE legal_entity_id = %1 AND "
                                           "period_start = '2026-10-01'")
                                .arg(uk));
        const HttpResult r = fin->post(path("2026-10", "/runs/all"), {});
        QCOMPARE(r.status, 423);
    }

    void badRunsAndWhoMayStartThem()
    {
        auto fin = as("fin");
        auto consultant = as("consultant");
        auto deFin = client("de.fin", "fin password");
        HttpResult r = fin->post(path("2026-10", "/runs/everything"), {});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("kind:invalid_value"));
        QCOMPARE(consultant->post(path("2026-10", "/runs/all"), {}).status, 403);
        QCOMPARE(deFin->post(path("2026-10", "/runs/all"), {}).status, 404);
        QCOMPARE(fin->get("/api/v1/close/runs/999999").status, 404);
        QCOMPARE(fin->post(path("2026-1", "/runs/all"), {}).status, 422);
        QCOMPARE(scalar("SELECT count(*) FROM close_runs"), 0);
    }

    void anAbandonedRunFailsWhenRead()
    {
        const qint64 id = scalar("INSERT INTO close_runs (legal_entity_id, period_start, kind, "
                                 "created_by, started_at) VALUES (?, '2026-10-01', "
                                 "'accruals', ?, now() - interval '5 minutes') RETURNING id",
                                 {uk, finId});
        auto fin = as("fin");
        const QJsonObject run = fin->get("/api/v1/close/runs/" + QString::number(id)).json();
        KEEL_COVERS_TRANSITION("close_run", "running", "fail", run.value("status").toString());
        QVERIFY(!run.value("error").toString().isEmpty());
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action = 'close_run.fail'"), 1);
    }

    void entryPointsForTheDemo()
    {
        closeBefore("2026-10");
        submitWeeks("2026-10");
        QSqlDatabase sql = db::connection(db->config());
        const QDate october(2026, 10, 1);
        {
            db::Transaction tx(sql);
            runCloseRuns(sql, uk, october, ctlId);
            closePeriod(sql, uk, october, QStringLiteral("soft_closed"), ctlId);
            closePeriod(sql, uk, october, QStringLiteral("hard_closed"), ctlId);
            tx.commit();
        }
        QCOMPARE(periodStatus("2026-10"), QString("hard_closed"));
        QCOMPARE(text("SELECT status FROM close_runs WHERE kind = 'all'"), QString("completed"));
        // November's red unapproved time blocks it unless the loader skips the gate.
        timeEntry("2026-11-03", "4", "submitted");
        {
            db::Transaction tx(sql);
            bool refused = false;
            try {
                closePeriod(sql, uk, october.addMonths(1), QStringLiteral("soft_closed"), ctlId);
            } catch (const ApiError &e) {
                refused = e.problem().status == 409;
            }
            QVERIFY(refused);
            closePeriod(sql, uk, october.addMonths(1), QStringLiteral("hard_closed"), ctlId, true);
            tx.commit();
        }
        QCOMPARE(periodStatus("2026-11"), QString("hard_closed"));
    }
};

QTEST_MAIN(CloseRunsTest)
#include "tst_close_runs.moc"
