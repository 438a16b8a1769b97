// The checklist of an entity's period: each check counts exactly the records its drill-down
// lists, states red / amber / green, the cockpit grid, responsible person and sign-off.

#include "tst_close_periods_fixture.h"

using namespace keel;
using namespace keel::test;

class CloseChecklistTest : public QObject, public CloseFixture
{
    Q_OBJECT

    qint64 usEmployee = 0;
    QStringList unapprovedTime, unbilledTime, expenses;
    qint64 bill = 0, invoice = 0;

    // October 2026 of UK with something for every check.
    void seedOctober()
    {
        closeBefore("2026-10");
        // The consultant submitted two of October's four weeks; pm, pm2, pm3 none: 14 missing.
        db::query(db->sql(),
                  "INSERT INTO timesheet_weeks (employee_id, week_start, submitted_hours) VALUES "
                  "(?, '2026-10-05', 40), (?, '2026-10-12', 40)",
                  {consultantEmployee, consultantEmployee});
        unapprovedTime = {
            timeEntry("2026-10-05", "8", "draft"), timeEntry("2026-10-06", "7.5", "submitted"),
            timeEntry("2026-10-07", "6", "rejected"), timeEntry("2026-10-30", "1.25", "draft")};
        unapprovedTime.sort();
        // The project bills time (a time-and-materials line); another project's contract is a
        // fixed fee and a third has no contract: their approved time is billed by no hour.
        contract(proj, "time_and_materials");
        const qint64 fixedFee = project(pmId, QStringLiteral("Fixed-fee audit"));
        contract(fixedFee, "fixed_fee");
        const qint64 internal = project(pmId, QStringLiteral("Internal tooling"));
        unbilledTime = {timeEntry("2026-10-08", "8", "approved"),
                        timeEntry("2026-10-09", "4", "approved")};
        unbilledTime.sort();
        timeEntry("2026-10-08", "6", "approved", true, 0, fixedFee);
        timeEntry("2026-10-09", "2", "approved", true, 0, internal);
        timeEntry("2026-10-12", "3", "approved", false); // not billable
        timeEntry("2026-10-13", "8", "invoiced");
        timeEntry("2026-11-02", "8", "draft"); // November
        timeEntry("2026-09-30", "8", "submitted");

        const qint64 category =
            scalar("INSERT INTO expense_categories (legal_entity_id, code, name) VALUES (?, "
                   "'TRAVEL', 'Travel') RETURNING id",
                   {uk});
        for (const auto &[amount, status] : QList<std::pair<const char *, const char *>>{
                 {"12.50", "submitted"}, {"7.25", "draft"}, {"99.00", "approved"}}) {
            const QString id = newId();
            db::query(db->sql(),
                      "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, "
                      "project_id, expense_date, description, amount, currency, fx_rate, "
                      "functional_amount, functional_currency, billable, status) VALUES "
                      "(?::uuid, ?, ?, ?, ?, '2026-10-20', 'Train', ?::numeric, 'GBP', 1, "
                      "?::numeric, 'GBP', true, ?)",
                      {id, consultantEmployee, uk, category, proj, QString::fromLatin1(amount),
                       QString::fromLatin1(amount), QString::fromLatin1(status)});
            if (QByteArray(status) != "approved")
                expenses << id;
        }
        expenses.sort();

        const qint64 vendor = scalar("INSERT INTO vendors (legal_entity_id, name, country, "
                                     "currency) VALUES (?, 'Thames Digital', 'GB', 'GBP') "
                                     "RETURNING id",
                                     {uk});
        bill = scalar("INSERT INTO vendor_bills (legal_entity_id, vendor_id, vendor_ref, "
                      "bill_date, due_date, currency, total, status) VALUES (?, ?, 'TD-1', "
                      "'2026-10-28', '2026-11-28', 'GBP', 500.00, 'submitted') RETURNING id",
                      {uk, vendor});
        scalar("INSERT INTO vendor_bills (legal_entity_id, vendor_id, vendor_ref, bill_date, "
               "due_date, currency, total, status) VALUES (?, ?, 'TD-2', '2026-10-28', "
               "'2026-11-28', 'GBP', 80.00, 'approved') RETURNING id",
               {uk, vendor});

        invoice =
            scalar("INSERT INTO invoices (legal_entity_id, account_id, invoice_date, "
                   "due_date, currency, tax_code, subtotal, total) VALUES (?, ?, '2026-10-31', "
                   "'2026-11-30', 'GBP', (SELECT code FROM tax_codes ORDER BY code LIMIT "
                   "1), 1440.00, 1440.00) RETURNING id",
                   {uk, accountId});

        // An employee of US worked on the UK project, approved, not charged.
        const qint64 usUser =
            server->createUser("sam", "sam password", {{"consultant", "US"}}, "US");
        usEmployee = scalar("INSERT INTO employees (user_id, legal_entity_id, country, "
                            "job_role_id) VALUES (?, (SELECT id FROM legal_entities WHERE code "
                            "= 'US'), 'US', ?) RETURNING id",
                            {usUser, roleId("CONSULTANT")});
        timeEntry("2026-10-21", "5", "approved", false, usEmployee);
    }

    // A signed UK contract of one line in `model` for the project.
    void contract(qint64 project, const char *model)
    {
        const qint64 c = scalar(
            "INSERT INTO contracts (legal_entity_id, account_id, number, title, currency, "
            "start_date, end_date, signature_date, status) VALUES (?, ?, 'SOW-UK-2026-' || ?, "
            "'Work', 'GBP', '2026-01-01', '2027-12-31', '2026-01-01', 'signed') RETURNING id",
            {uk, accountId, project});
        db::query(db->sql(),
                  "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, "
                  "value) VALUES (?, 1, 'Work', ?, 10000)",
                  {c, QString::fromLatin1(model)});
        db::query(db->sql(), "UPDATE projects SET contract_id = ? WHERE id = ?", {c, project});
    }

    QStringList ids(const QJsonObject &page)
    {
        QStringList out;
        for (const QJsonValue &v : page.value("items").toArray())
            out << v.toObject().value("id").toString();
        return out;
    }

private slots:
    void init() { setUpClose(QTest::currentTestFunction()); }
    void cleanup() { tearDownClose(); }

    void countsAreTheRecordsBehindThem()
    {
        seedOctober();
        auto fin = as("fin");
        HttpResult r = fin->get(path("2026-10"));
        QCOMPARE(r.status, 200);
        const QJsonObject list = r.json();
        QCOMPARE(list.value("status").toString(), QString("open"));
        QCOMPARE(list.value("previous_closed").toBool(), true);
        QStringList tasks;
        for (const QJsonValue &v : list.value("items").toArray())
            tasks << v.toObject().value("task").toString();
        QCOMPARE(tasks,
                 (QStringList{"missing_timesheets", "unapproved_time", "unapproved_expenses",
                              "unapproved_vendor_bills", "unbilled_time", "draft_invoices",
                              "revenue_recognition", "subcontractor_accruals", "fx_revaluation",
                              "intercompany", "intercompany_balanced", "trial_balance"}));
        const auto expect = [&](const char *task, int count, const char *state,
                                const char *amount = nullptr) {
            const QJsonObject i = item(list, QString::fromLatin1(task));
            QCOMPARE(i.value("count").toInt(), count);
            QCOMPARE(i.value("state").toString(), QString::fromLatin1(state));
            if (amount)
                QCOMPARE(i.value("amount").toObject(),
                         (QJsonObject{{"amount", amount}, {"currency", "GBP"}}));
        };
        expect("missing_timesheets", 14, "amber");
        expect("unapproved_time", 4, "red");
        expect("unapproved_expenses", 2, "red", "19.75");
        expect("unapproved_vendor_bills", 1, "red", "500.00");
        expect("unbilled_time", 2, "amber");
        expect("draft_invoices", 1, "amber", "1440.00");
        expect("revenue_recognition", 1, "red");
        expect("intercompany_balanced", 1, "amber");
        expect("trial_balance", 0, "green", "0.00");
        QCOMPARE(list.value("red").toInt(), 7);
        QCOMPARE(list.value("amber").toInt(), 4);
        QCOMPARE(list.value("green").toInt(), 1);

        // Each drill-down lists exactly what was counted.
        const auto page = [&](const char *task, const QString &query = {}) {
            const HttpResult p =
                fin->get(path("2026-10", "/items/" + QString::fromLatin1(task)) + query);
            if (p.status != 200)
                qWarning() << task << p.status << p.body;
            return p.json();
        };
        QCOMPARE(ids(page("unapproved_time")), unapprovedTime);
        QCOMPARE(ids(page("unbilled_time")), unbilledTime);
        QCOMPARE(ids(page("unapproved_expenses")), expenses);
        QCOMPARE(ids(page("unapproved_vendor_bills")), QStringList{QString::number(bill)});
        QCOMPARE(ids(page("draft_invoices")), QStringList{QString::number(invoice)});
        QCOMPARE(ids(page("intercompany_balanced")),
                 QStringList{QString::number(usEmployee) + ":" + QString::number(proj)});
        QCOMPARE(ids(page("missing_timesheets")).size(), 14);
        QVERIFY(!ids(page("missing_timesheets"))
                     .contains(QString::number(consultantEmployee) + ":2026-10-05"));
        QCOMPARE(ids(page("trial_balance")), QStringList{});
        const QJsonObject expense =
            page("unapproved_expenses").value("items").toArray()[0].toObject();
        QCOMPARE(expense.value("owner").toObject().value("id").toString(),
                 QString::number(consultantId));

        // Keyset pages: 3, then the last one.
        const QJsonObject first = page("unapproved_time", "?limit=3");
        QCOMPARE(ids(first), unapprovedTime.mid(0, 3));
        QVERIFY(first.contains("next_after"));
        const QJsonObject second =
            page("unapproved_time", "?limit=3&after=" + first.value("next_after").toString());
        QCOMPARE(ids(second), unapprovedTime.mid(3));
        QVERIFY(!second.contains("next_after"));
        QCOMPARE(fin->get(path("2026-10", "/items/unapproved_time?limit=0")).status, 422);

        // The red items block the soft close, named.
        r = fin->post(path("2026-10", "/soft-close"), {});
        QCOMPARE(r.status, 409);
        for (const char *task : {"unapproved_time", "unapproved_expenses",
                                 "unapproved_vendor_bills", "revenue_recognition"})
            QVERIFY2(r.fieldCodes().contains(QStringLiteral("items/%1:red").arg(task)),
                     r.body.constData());
        QVERIFY(!r.fieldCodes().contains("missing_timesheets"));
    }

    void cockpitGrid()
    {
        seedOctober();
        auto fin = as("fin");
        const HttpResult r = fin->get("/api/v1/close/periods?from=2026-09&to=2026-10");
        QCOMPARE(r.status, 200);
        QJsonObject sep, oct;
        for (const QJsonValue &v : r.json().value("items").toArray()) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row.value("entity_code").toString(), QString("UK")); // fin sees UK only
            (row.value("period").toString() == "2026-09" ? sep : oct) = row;
        }
        QCOMPARE(sep.value("status").toString(), QString("hard_closed"));
        QCOMPARE(sep.value("red").toInt(), 0);
        QCOMPARE(oct.value("status").toString(), QString("open"));
        QCOMPARE(oct.value("red").toInt(), 7);
        QCOMPARE(oct.value("amber").toInt(), 4);
        QCOMPARE(oct.value("green").toInt(), 1);
        QCOMPARE(fin->get("/api/v1/close/periods?from=2026-11&to=2026-10").status, 422);
        QCOMPARE(fin->get("/api/v1/close/periods?from=2024-01&to=2026-10").status, 422);
        QCOMPARE(fin->get("/api/v1/close/periods?from=2026-1").status, 422);
        auto consultant = as("consultant");
        QCOMPARE(consultant->get("/api/v1/close/periods").status, 403);
    }

    void responsibleAndSignOff()
    {
        seedOctober();
        auto fin = as("fin");
        auto consultant = as("consultant");
        const QString missing = path("2026-10", "/items/missing_timesheets");
        HttpResult r = fin->send("PATCH", missing,
                                 QStringLiteral("{\"responsible_user_id\":\"%1\",\"note\":\"Chase "
                                                "the managers\"}")
                                     .arg(fin2Id)
                                     .toUtf8(),
                                 {{"Content-Type", "application/json"}});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value("responsible").toObject().value("id").toString(),
                 QString::number(fin2Id));
        QCOMPARE(r.json().value("note").toString(), QString("Chase the managers"));
        r = fin->send("PATCH", missing, "{\"responsible_user_id\":\"999999\"}",
                      {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("responsible_user_id:unknown"));
        r = fin->send("PATCH", missing, "{\"note\":\"x\",\"version\":1}",
                      {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 412);
        QCOMPARE(
            consultant
                ->send("PATCH", missing, "{\"note\":\"x\"}", {{"Content-Type", "application/json"}})
                .status,
            403);

        // Amber is signed off; red is not.
        r = fin->post(missing + "/sign-off", {});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.json().value("state").toString(), QString("amber"));
        QCOMPARE(r.json().value("signed_off_by").toObject().value("id").toString(),
                 QString::number(finId));
        r = fin->post(path("2026-10", "/items/unapproved_time/sign-off"), {});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.fieldCodes(), QString("task:item_red"));
        r = fin->post(path("2026-10", "/items/trial_balance/sign-off"), {});
        QCOMPARE(r.status, 409);
        QCOMPARE(scalar("SELECT count(*) FROM audit_log WHERE action IN ('close_task.update', "
                        "'close_task.sign_off')"),
                 2);
    }
};

QTEST_MAIN(CloseChecklistTest)
#include "tst_close_checklist.moc"
