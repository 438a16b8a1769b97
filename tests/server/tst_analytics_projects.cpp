// The project metrics (server/analytics/README.md "Project metrics") on a small hand-computed
// firm: project A of the US company (USD) staffed by Ann (US) and Bob (UK, costs in GBP at
// 1.25), with an expense, a subcontractor bill and an invoice written down from 2,100.00 to
// 1,890.00, on a time-and-materials contract; project B of the UK company in GBP on a retainer;
// project C of the US company burning its budget ahead of progress; fixed-fee work on "Acme sea"
// in October. September 2026 unless said otherwise.
//
//   A, September: revenue 2,000.00; labour 600.00 (Ann) + 200.00 GBP × 1.25 (Bob) + 120.00
//     (Ann, non-billable) = 970.00; expenses 80.00; subcontractor 330.00
//     → margin 620.00 / 2,000.00 = 0.3100.
//   A, May: revenue 1,000.00, labour 300.00 → margin 0.7000 (the "before" window of the risk).
//   A, time billed: 10 h × 150 + 4 h × 150 = 2,100.00 standard, invoiced 2,100.00 less a
//     210.00 write-down → realisation 1,890.00 / 2,100.00 = 0.9000 once the invoice is issued
//     (while it is a draft nothing is billed: no value). Approved time not yet billed counts on
//     neither side; 2 h held beyond a cap and written off count at 300.00 standard, 0 billed:
//     1,890.00 / 2,400.00 = 0.7875.
//   B (UK, GBP): revenue 1,000.00, labour 250.00 → 0.7500; in USD 937.50 / 1,250.00.
//   Budget burn (to September): A cost 1,680.00 of 4,000.00 (the latest budget version) = 0.4200,
//     21 h done and 10 h to go = 0.6774, EAC 1,680.00 + 630.00 = 2,310.00; C 600.00 of
//     1,000.00 = 0.6000 with 4 h of 20 done (0.2000): ahead by 40 points.

#include "analytics/analytics_facts.h"
#include "tst_ledger_fixture.h"

#include <QUrlQuery>

using namespace keel;
using namespace keel::test;

class AnalyticsProjectsTest : public QObject, public LedgerFixture
{
    Q_OBJECT

    qint64 projectB = 0, projectC = 0, ann = 0, bob = 0, invoice = 0;
    QString te1, te2;

    qint64 employee(const char *user, qint64 entity, const char *country, const char *grantCode)
    {
        const qint64 userId =
            server->createUser(QString::fromLatin1(user), QString::fromLatin1(user) + " password",
                               {{"consultant", grantCode}}, grantCode);
        return scalar("INSERT INTO employees (user_id, legal_entity_id, country, job_role_id) "
                      "VALUES (?, ?, ?, (SELECT id FROM job_roles WHERE code = 'CONSULTANT')) "
                      "RETURNING id",
                      {userId, entity, QString::fromLatin1(country)});
    }

    QString time(qint64 employeeId, qint64 projectId, const char *day, const char *hours,
                 bool billable, const char *cost, const char *currency,
                 const char *status = "approved")
    {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        db::query(db->sql(),
                  "INSERT INTO time_entries (id, employee_id, legal_entity_id, project_id, "
                  "work_date, hours, billable, status, cost_amount, cost_currency) SELECT ?, "
                  "e.id, e.legal_entity_id, ?, ?::date, ?::numeric, ?, ?, ?::numeric, ? FROM "
                  "employees e WHERE e.id = ?",
                  {id, projectId, QString::fromLatin1(day), QString::fromLatin1(hours), billable,
                   QString::fromLatin1(status), QString::fromLatin1(cost),
                   QString::fromLatin1(currency), employeeId});
        return id;
    }

    void recognise(qint64 entity, qint64 projectId, const char *sourceId, QDate date,
                   const char *amount, const char *currency)
    {
        inTx([&] {
            return posting_rules::revenueRecognised(
                *ledger, {entity,
                          client,
                          fin,
                          QString::fromLatin1(sourceId),
                          date,
                          {{projectId, money(amount, currency), std::nullopt, {}}},
                          {}});
        });
    }

    qint64 budget(qint64 projectId, int version, const QStringList &costs)
    {
        const qint64 v = scalar("INSERT INTO project_budget_versions (project_id, budget_version, "
                                "reason) VALUES (?, ?, 'plan') RETURNING id",
                                {projectId, version});
        for (const QString &cost : costs)
            db::query(db->sql(),
                      "INSERT INTO project_budget_lines (budget_version_id, job_role_id, hours, "
                      "cost, revenue) VALUES (?, (SELECT id FROM job_roles WHERE code = "
                      "'CONSULTANT'), 10, ?::numeric, 0)",
                      {v, cost});
        return v;
    }

    // A contract for the project with one line of the billing model.
    void contract(qint64 projectId, qint64 entity, const char *currency, const char *model)
    {
        const qint64 c = scalar("INSERT INTO contracts (legal_entity_id, account_id, title, "
                                "currency, start_date, end_date) VALUES (?, ?, 'Work', ?, "
                                "'2026-01-01', '2026-12-31') RETURNING id",
                                {entity, client, QString::fromLatin1(currency)});
        db::query(db->sql(),
                  "INSERT INTO contract_lines (contract_id, line_no, description, billing_model, "
                  "value) VALUES (?, 1, 'Work', ?, 0)",
                  {c, QString::fromLatin1(model)});
        db::query(db->sql(), "UPDATE projects SET contract_id = ? WHERE id = ?", {c, projectId});
    }

    void task(qint64 projectId, int seq, const char *etcHours, const char *etcCost)
    {
        db::query(db->sql(),
                  "INSERT INTO project_tasks (project_id, seq, name, etc_hours, etc_cost) VALUES "
                  "(?, ?, 'Work', ?::numeric, ?::numeric)",
                  {projectId, seq, QString::fromLatin1(etcHours), QString::fromLatin1(etcCost)});
    }

    void refresh()
    {
        refreshStaleFacts(db->sql(),
                          {QStringLiteral("ledger_month"), QStringLiteral("project_month")});
    }

    // The fixture of the file comment.
    void firm()
    {
        db::exec(db->sql(),
                 "INSERT INTO fx_rates (from_currency, to_currency, rate_date, rate) VALUES "
                 "('GBP', 'USD', '2025-01-01', 1.25)");
        server->createUser("boss", "boss password", {{"finance", "US"}, {"finance", "UK"}}, "US");
        ann = employee("ann", us, "US", "US");
        bob = employee("bob", uk, "GB", "UK");
        db::query(db->sql(),
                  "INSERT INTO rate_card_rates (legal_entity_id, currency, job_role_id, "
                  "hourly_rate, valid_from) SELECT e.id, e.functional_currency, r.id, "
                  "CASE e.code WHEN 'US' THEN 150 ELSE 100 END, '2026-01-01' FROM "
                  "legal_entities e, job_roles r WHERE r.code = 'CONSULTANT' AND e.code IN "
                  "('US', 'UK')",
                  {});
        projectB = scalar("INSERT INTO projects (legal_entity_id, account_id, name, currency, "
                          "start_date, end_date, status) VALUES (?, ?, 'Thames', 'GBP', "
                          "'2026-01-01', '2026-12-31', 'active') RETURNING id",
                          {uk, client});
        projectC = makeProject(us, "Acme river");
        contract(project, us, "USD", "time_and_materials");
        contract(projectB, uk, "GBP", "retainer");
        contract(project2, us, "USD", "fixed_fee");

        te1 = time(ann, project, "2026-09-10", "10", true, "600.00", "USD");
        te2 = time(bob, project, "2026-09-11", "4", true, "200.00", "GBP");
        time(ann, project, "2026-09-12", "2", false, "120.00", "USD");
        time(ann, project, "2026-09-15", "8", true, "480.00", "USD", "draft"); // not counted
        time(ann, project, "2026-05-12", "5", false, "300.00", "USD");
        time(bob, projectB, "2026-09-08", "5", true, "250.00", "GBP");
        time(ann, projectC, "2026-08-05", "4", false, "600.00", "USD");
        // Fixed-fee work is paid by the fee: no standard value for realisation.
        time(ann, project2, "2026-10-05", "3", true, "180.00", "USD");

        const qint64 category = scalar(
            "INSERT INTO expense_categories (legal_entity_id, code, name) VALUES (?, 'TRAVEL', "
            "'Travel') RETURNING id",
            {us});
        db::query(db->sql(),
                  "INSERT INTO expenses (id, employee_id, legal_entity_id, category_id, "
                  "project_id, expense_date, description, amount, currency, fx_rate, "
                  "functional_amount, functional_currency, billable, status) VALUES (?, ?, ?, ?, "
                  "?, '2026-09-20', 'Train', 80, 'USD', 1, 80, 'USD', true, 'approved')",
                  {QUuid::createUuid().toString(QUuid::WithoutBraces), ann, us, category, project});
        const qint64 vendor = scalar("INSERT INTO vendors (legal_entity_id, name, country, "
                                     "currency) VALUES (?, 'Subco', 'US', 'USD') RETURNING id",
                                     {us});
        const qint64 bill = scalar(
            "INSERT INTO vendor_bills (legal_entity_id, vendor_id, vendor_ref, bill_date, "
            "due_date, currency, total, status) VALUES (?, ?, 'B-1', '2026-09-25', '2026-10-25', "
            "'USD', 330, 'draft') RETURNING id",
            {us, vendor});
        db::query(db->sql(),
                  "INSERT INTO vendor_bill_lines (bill_id, seq, project_id, description, hours, "
                  "rate, amount) VALUES (?, 1, ?, 'Design', 3, 110, 330)",
                  {bill, project});
        // A draft bill costs nothing until it is approved.
        db::query(db->sql(),
                  "UPDATE vendor_bills SET status = 'approved', fx_rate = 1 WHERE id = ?", {bill});

        recognise(us, project, "a:9", QDate(2026, 9, 30), "2000.00", "USD");
        recognise(us, project, "a:5", QDate(2026, 5, 31), "1000.00", "USD");
        recognise(uk, projectB, "b:9", QDate(2026, 9, 30), "1000.00", "GBP");

        budget(project, 1, {"1000"});
        budget(project, 2, {"3000", "1000"});
        budget(projectB, 1, {"400"});
        budget(projectC, 1, {"1000"});
        task(project, 1, "8", "500");
        task(project, 2, "2", "130");
        task(projectC, 1, "16", "0");

        // Invoice of A's September time: 2,100.00 written down by 210.00, still a draft.
        invoice = scalar("INSERT INTO invoices (legal_entity_id, account_id, project_id, "
                         "invoice_date, due_date, currency, tax_code, subtotal, total) VALUES "
                         "(?, ?, ?, '2026-10-02', '2026-11-01', 'USD', 'US_STANDARD', 1890, "
                         "1890) RETURNING id",
                         {us, client, project});
        const qint64 line = scalar(
            "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, description, "
            "quantity, unit, unit_price, gross_amount, write_down, write_down_reason, "
            "write_down_status, amount) VALUES (?, 1, 'time', ?, 'Consulting', 14, 'hours', 150, "
            "2100, 210, 'goodwill', 'approved', 1890) RETURNING id",
            {invoice, project});
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, invoice_id, "
                  "invoice_line_id, hours, amount) VALUES ('time_entry', ?, ?, ?, 10, 1500), "
                  "('time_entry', ?, ?, ?, 4, 600)",
                  {te1, invoice, line, te2, invoice, line});
    }

    void issueInvoice()
    {
        db::query(db->sql(),
                  "UPDATE invoices SET status = 'issued', number = 'INV-US-2026-000001', "
                  "functional_currency = 'USD', fx_rate = 1, functional_total = 1890 WHERE id = ?",
                  {invoice});
        db::query(
            db->sql(),
            "UPDATE time_entries SET status = 'invoiced', invoice_id = ? WHERE id IN (?::uuid, "
            "?::uuid)",
            {invoice, te1, te2});
    }

    static QString path(const char *metric, const QString &query, bool records = false)
    {
        return QStringLiteral("/api/v1/analytics/metrics/%1%2?%3")
            .arg(QLatin1String(metric), records ? QStringLiteral("/records") : QString(), query);
    }

    static QJsonObject pointOf(const QJsonObject &answer, const QString &key)
    {
        for (const QJsonValue &p : answer.value("points").toArray())
            if (p.toObject().value("key").toString() == key)
                return p.toObject();
        return {};
    }

    static QString str(const QJsonObject &o, const char *key)
    {
        return o.value(QLatin1String(key)).toString();
    }

private slots:
    void init()
    {
        setUp(QTest::currentTestFunction());
        firm();
    }
    void cleanup() { tearDown(); }

    void marginWithSubcontractorsAndExpenses()
    {
        auto f = login("fin");
        const HttpResult r =
            f->get(path("project_margin", "from=2026-09&to=2026-09&entity=" + QString::number(us)));
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(str(a, "currency"), QString("USD"));
        QCOMPARE(str(a, "value"), QString("0.3100"));
        QCOMPARE(str(a, "numerator"), QString("620.00"));
        QCOMPARE(str(a, "denominator"), QString("2000.00"));
        QCOMPARE(a.value("points").toArray().size(), 1);
        QCOMPARE(str(pointOf(a, "2026-09"), "value"), QString("0.3100"));

        // A trend has every month: July without data, August with C's cost and no revenue.
        const QJsonObject trend = f->get(path("project_margin", "from=2026-07&to=2026-09")).json();
        QCOMPARE(trend.value("points").toArray().size(), 3);
        QCOMPARE(str(pointOf(trend, "2026-07"), "label"), QString("Jul 2026"));
        QCOMPARE(str(pointOf(trend, "2026-07"), "numerator"), QString("0.00"));
        QVERIFY(pointOf(trend, "2026-07").value("value").isNull());
        QCOMPARE(str(pointOf(trend, "2026-08"), "numerator"), QString("-600.00"));
        QVERIFY(pointOf(trend, "2026-08").value("value").isNull());
        QCOMPARE(str(trend, "numerator"), QString("20.00")); // 620.00 − 600.00

        // The records: one project-month whose margin is the numerator.
        const HttpResult d =
            f->get(path("project_margin", "from=2026-09&to=2026-09&key=2026-09", true));
        QCOMPARE(d.status, 200);
        const QJsonObject rec = d.json();
        QCOMPARE(str(rec, "total"), QString("620.00"));
        const QJsonArray items = rec.value("items").toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject row = items.first().toObject();
        QCOMPARE(row.value("revenue").toObject().value("amount").toString(), QString("2000.00"));
        QCOMPARE(row.value("labour").toObject().value("amount").toString(), QString("970.00"));
        QCOMPARE(row.value("expenses").toObject().value("amount").toString(), QString("80.00"));
        QCOMPARE(row.value("subcontractors").toObject().value("amount").toString(),
                 QString("330.00"));
        QCOMPARE(row.value("margin_ratio").toString(), QString("0.3100"));
        const HttpResult den =
            f->get(path("project_margin", "from=2026-09&to=2026-09&part=denominator", true));
        QCOMPARE(str(den.json(), "total"), QString("2000.00"));
    }

    void groupCurrencyWithAGbpProject()
    {
        issueInvoice();
        auto b = login("boss");
        const HttpResult r = b->get(path("project_margin", "from=2026-09&to=2026-09&by=project"));
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(str(a, "currency"), QString("USD"));
        // US 620.00 / 2,000.00 and UK 750.00 × 1.25 / 1,000.00 × 1.25.
        QCOMPARE(str(a, "numerator"), QString("1557.50"));
        QCOMPARE(str(a, "denominator"), QString("3250.00"));
        QCOMPARE(str(a, "value"), QString("0.4792"));
        const QJsonArray points = a.value("points").toArray();
        QCOMPARE(points.size(), 2);
        QCOMPARE(str(points.at(0).toObject(), "key"), QString::number(projectB)); // 0.75 first
        QCOMPARE(str(points.at(0).toObject(), "numerator"), QString("937.50"));
        QCOMPARE(str(points.at(0).toObject(), "value"), QString("0.7500"));
        QCOMPARE(str(points.at(1).toObject(), "value"), QString("0.3100"));

        const HttpResult d = b->get(
            path("project_margin",
                 "from=2026-09&to=2026-09&by=project&key=" + QString::number(projectB), true));
        QCOMPARE(d.status, 200);
        QCOMPARE(str(d.json(), "total"), QString("937.50"));
        const QJsonObject row = d.json().value("items").toArray().first().toObject();
        QCOMPARE(row.value("revenue").toObject(),
                 (QJsonObject{{"amount", "1000.00"}, {"currency", "GBP"}}));
        const HttpResult den = b->get(path("project_margin",
                                           "from=2026-09&to=2026-09&by=project&part=denominator&"
                                           "key=" +
                                               QString::number(projectB),
                                           true));
        QCOMPARE(str(den.json(), "total"), QString("1250.00"));

        // A point of one entity drills in the group currency when asked for (without currency=
        // the drill-down is the entity's own figure, in pounds).
        const QJsonObject ukPoint = pointOf(
            b->get(path("project_margin", "from=2026-09&to=2026-09&by=entity")).json(), "UK");
        QCOMPARE(str(ukPoint, "numerator"), QString("937.50"));
        const QJsonObject ukDrill =
            b->get(path("project_margin", "from=2026-09&to=2026-09&currency=group&by=entity&key=UK",
                        true))
                .json();
        QCOMPARE(str(ukDrill, "currency"), QString("USD"));
        QCOMPARE(str(ukDrill, "total"), QString("937.50"));

        // Realisation in USD: US 1,890.00 / 2,100.00; UK's 5 h are approved, not billed: work in
        // progress, in neither side (the UK point has no value, not 0 %).
        const QJsonObject re =
            b->get(path("realisation", "from=2026-09&to=2026-09&by=entity")).json();
        QCOMPARE(str(re, "numerator"), QString("1890.00"));
        QCOMPARE(str(re, "denominator"), QString("2100.00"));
        QCOMPARE(str(re, "value"), QString("0.9000"));
        QCOMPARE(str(pointOf(re, "US"), "value"), QString("0.9000"));
        QCOMPARE(str(pointOf(re, "UK"), "denominator"), QString("0.00"));
        QVERIFY(pointOf(re, "UK").value("value").isNull());
    }

    void realisationAfterAWriteDown()
    {
        auto f = login("fin");
        const QString q = QStringLiteral("from=2026-09&to=2026-09");
        // While the invoice is a draft nothing is billed: no realisation yet (null, not 0 %),
        // and no records.
        QJsonObject a = f->get(path("realisation", q)).json();
        QCOMPARE(str(a, "numerator"), QString("0.00"));
        QCOMPARE(str(a, "denominator"), QString("0.00"));
        QVERIFY(a.value("value").isNull());
        QVERIFY(pointOf(a, "2026-09").value("value").isNull());
        QJsonObject draft = f->get(path("realisation", q + "&key=2026-09", true)).json();
        QCOMPARE(str(draft, "total"), QString("0.00"));
        QCOMPARE(draft.value("items").toArray().size(), 0);

        issueInvoice();
        a = f->get(path("realisation", q)).json();
        QCOMPARE(str(a, "value"), QString("0.9000"));
        QCOMPARE(str(a, "numerator"), QString("1890.00"));
        QCOMPARE(str(a, "denominator"), QString("2100.00"));

        const QJsonObject rec = f->get(path("realisation", q + "&key=2026-09", true)).json();
        QCOMPARE(str(rec, "total"), QString("1890.00"));
        const QJsonArray items = rec.value("items").toArray();
        QCOMPARE(items.size(), 2); // the billable entries; the non-billable and the draft not
        QCOMPARE(items.at(0).toObject().value("billed_value").toObject().value("amount").toString(),
                 QString("1350.0000")); // 1,890 × 1,500 / 2,100
        QCOMPARE(
            items.at(0).toObject().value("standard_value").toObject().value("amount").toString(),
            QString("1500.00"));
        QCOMPARE(items.at(1).toObject().value("billed_value").toObject().value("amount").toString(),
                 QString("540.0000"));
        QCOMPARE(str(f->get(path("realisation", q + "&part=denominator", true)).json(), "total"),
                 QString("2100.00"));
        // Narrowed to the project: the same two entries.
        const QJsonObject byProject =
            f->get(path("realisation", q + "&by=project&key=" + QString::number(project), true))
                .json();
        QCOMPARE(str(byProject, "total"), QString("1890.00"));
        QCOMPARE(byProject.value("items").toArray().size(), 2);
        QCOMPARE(str(f->get(path("realisation", q + "&by=project&key=" + QString::number(projectC),
                                 true))
                         .json(),
                     "total"),
                 QString("0.00"));

        // A paging of one: the second page holds the second entry, the total stays.
        const QJsonObject page1 = f->get(path("realisation", q + "&limit=1", true)).json();
        QCOMPARE(page1.value("items").toArray().size(), 1);
        QVERIFY(!str(page1, "next").isEmpty());
        const QJsonObject page2 =
            f->get(path("realisation", q + "&limit=1&after=" + str(page1, "next"), true)).json();
        QCOMPARE(page2.value("items").toArray().size(), 1);
        QCOMPARE(str(page2, "total"), QString("1890.00"));
        QVERIFY(page2.value("next").isNull());

        // A credit note of 189.00 on the line: the billed value falls to 1,701.00.
        const qint64 cn = scalar(
            "INSERT INTO invoices (legal_entity_id, account_id, project_id, kind, "
            "credits_invoice_id, invoice_date, due_date, currency, tax_code, subtotal, total) "
            "VALUES (?, ?, ?, 'credit_note', ?, '2026-10-20', '2026-10-20', 'USD', "
            "'US_STANDARD', 189, 189) RETURNING id",
            {us, client, project, invoice});
        db::query(db->sql(),
                  "INSERT INTO invoice_lines (invoice_id, line_no, kind, project_id, description, "
                  "gross_amount, amount) VALUES (?, 1, 'credit', ?, 'Credit', 189, 189)",
                  {cn, project});
        db::query(db->sql(),
                  "UPDATE invoices SET status = 'paid', number = 'CN-US-2026-000001', fx_rate = 1 "
                  "WHERE id = ?",
                  {cn});
        a = f->get(path("realisation", q)).json();
        QCOMPARE(str(a, "numerator"), QString("1701.00"));
        QCOMPARE(str(a, "value"), QString("0.8100"));
        QCOMPARE(str(f->get(path("realisation", q, true)).json(), "total"), QString("1701.00"));

        // October's only billable time is fixed-fee work: nothing to realise.
        a = f->get(path("realisation", "from=2026-10&to=2026-10")).json();
        QCOMPARE(str(a, "denominator"), QString("0.00"));
        QVERIFY(a.value("value").isNull());
        QCOMPARE(f->get(path("realisation", "from=2026-10&to=2026-10", true))
                     .json()
                     .value("items")
                     .toArray()
                     .size(),
                 0);
    }

    // Approved time waiting for the next run is work in progress; hours a cap held and finance
    // wrote off were done for nothing and count at their standard value. A credit note that
    // releases the sources puts the entries back to work in progress.
    void realisationCountsBilledTimeOnly()
    {
        auto f = login("fin");
        const QString q = QStringLiteral("from=2026-09&to=2026-09");
        issueInvoice();
        refresh();

        // 6 h approved in September, not billed yet: the margin takes its cost (the partition
        // was rebuilt), realisation does not move.
        time(ann, project, "2026-09-21", "6", true, "360.00", "USD");
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = "
                        "'project_month'"),
                 1);
        QCOMPARE(str(f->get(path("project_margin", q)).json(), "numerator"), QString("260.00"));
        QJsonObject a = f->get(path("realisation", q)).json();
        QCOMPARE(str(a, "value"), QString("0.9000"));
        QCOMPARE(str(a, "numerator"), QString("1890.00"));
        QCOMPARE(str(a, "denominator"), QString("2100.00"));
        QCOMPARE(f->get(path("realisation", q, true)).json().value("items").toArray().size(), 2);

        // 2 h beyond the not-to-exceed cap, held on an exception: open, nothing changes.
        const QString held = time(ann, project, "2026-09-22", "2", true, "120.00", "USD");
        const qint64 x = scalar(
            "INSERT INTO billing_exceptions (legal_entity_id, contract_id, contract_line_id, "
            "kind, hours, amount, currency, detail) SELECT ?, p.contract_id, cl.id, "
            "'cap_exceeded', 2, 300, 'USD', 'cap' FROM projects p JOIN contract_lines cl ON "
            "cl.contract_id = p.contract_id WHERE p.id = ? RETURNING id",
            {us, project});
        db::query(db->sql(),
                  "INSERT INTO billing_sources (source_kind, source_key, billing_exception_id, "
                  "hours, amount) VALUES ('time_entry', ?, ?, 2, 300)",
                  {held, x});
        QCOMPARE(str(f->get(path("realisation", q)).json(), "value"), QString("0.9000"));

        // Written off: 2 h × 150 = 300.00 more standard value, nothing billed.
        db::query(db->sql(), "UPDATE billing_exceptions SET status = 'written_off' WHERE id = ?",
                  {x});
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = "
                        "'project_month'"),
                 1);
        a = f->get(path("realisation", q)).json();
        QCOMPARE(str(a, "numerator"), QString("1890.00"));
        QCOMPARE(str(a, "denominator"), QString("2400.00"));
        QCOMPARE(str(a, "value"), QString("0.7875"));
        const QJsonObject rec = f->get(path("realisation", q, true)).json();
        QCOMPARE(str(rec, "total"), QString("1890.00"));
        const QJsonArray items = rec.value("items").toArray();
        QCOMPARE(items.size(), 3); // the two billed entries and the written-off one
        const QJsonObject wo = items.at(2).toObject();
        QCOMPARE(str(wo, "time_entry_id"), held);
        QCOMPARE(str(wo, "hours"), QString("2.00"));
        QCOMPARE(wo.value("standard_value").toObject().value("amount").toString(),
                 QString("300.00"));
        QCOMPARE(wo.value("billed_value").toObject().value("amount").toString(), QString("0.0000"));
        QCOMPARE(str(wo, "realisation"), QString("0.0000"));
        QCOMPARE(str(f->get(path("realisation", q + "&part=denominator", true)).json(), "total"),
                 QString("2400.00"));

        // A full credit note releasing the sources: the billed entries are approved again, work
        // in progress; only the written-off hours remain (0 of 300.00).
        db::query(db->sql(), "UPDATE billing_sources SET released_at = now() WHERE invoice_id = ?",
                  {invoice});
        db::query(db->sql(),
                  "UPDATE time_entries SET status = 'approved', invoice_id = NULL WHERE "
                  "invoice_id = ?",
                  {invoice});
        a = f->get(path("realisation", q)).json();
        QCOMPARE(str(a, "numerator"), QString("0.00"));
        QCOMPARE(str(a, "denominator"), QString("300.00"));
        QCOMPARE(str(a, "value"), QString("0.0000"));

        // What the triggers kept equals a rebuild from the detail.
        refresh();
        db::exec(db->sql(), "CREATE TEMP TABLE kept AS SELECT * FROM analytics_project_month");
        rebuildAllFacts(db->sql(), QDate(2026, 1, 1), QDate(2026, 12, 1));
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM "
                        "analytics_project_month) d"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM analytics_project_month EXCEPT ALL "
                        "SELECT * FROM kept) d"),
                 0);
    }

    void budgetBurnAndEac()
    {
        auto f = login("fin");
        const HttpResult r = f->get(path("budget_burn", "from=2026-09&to=2026-09"));
        QCOMPARE(r.status, 200);
        const QJsonObject a = r.json();
        QCOMPARE(str(a, "numerator"), QString("2280.00"));
        QCOMPARE(str(a, "denominator"), QString("5000.00"));
        QCOMPARE(str(a, "value"), QString("0.4560"));
        const QJsonArray points = a.value("points").toArray();
        QCOMPARE(points.size(), 2);
        QCOMPARE(str(points.at(0).toObject(), "key"), QString::number(projectC));
        QCOMPARE(str(points.at(0).toObject(), "value"), QString("0.6000"));
        const QJsonObject pa = pointOf(a, QString::number(project));
        QCOMPARE(str(pa, "value"), QString("0.4200"));
        QCOMPARE(str(pa, "numerator"), QString("1680.00"));
        QCOMPARE(str(pa, "denominator"), QString("4000.00"));
        const QJsonObject extra =
            a.value("extra").toObject().value(QString::number(project)).toObject();
        QCOMPARE(str(extra, "percent_complete"), QString("0.6774"));
        QCOMPARE(str(extra, "eac"), QString("2310.00"));

        const QJsonObject rec = f->get(path("budget_burn", "from=2026-09&to=2026-09", true)).json();
        QCOMPARE(str(rec, "total"), QString("2280.00"));
        QCOMPARE(rec.value("items").toArray().size(), 2);
        const QJsonObject one =
            f->get(path("budget_burn", "from=2026-09&to=2026-09&key=" + QString::number(project),
                        true))
                .json();
        QCOMPARE(str(one, "total"), QString("1680.00"));
        QCOMPARE(one.value("items")
                     .toArray()
                     .first()
                     .toObject()
                     .value("eac")
                     .toObject()
                     .value("amount")
                     .toString(),
                 QString("2310.00"));

        // The group: B's 250.00 GBP of 400.00 at September's closing 1.25.
        auto b = login("boss");
        const QJsonObject g = b->get(path("budget_burn", "from=2026-09&to=2026-09")).json();
        QCOMPARE(str(g, "numerator"), QString("2592.50"));
        QCOMPARE(str(g, "denominator"), QString("5500.00"));
        QCOMPARE(str(g, "value"), QString("0.4714"));
        QCOMPARE(str(pointOf(g, QString::number(projectB)), "value"), QString("0.6250"));
    }

    void projectsAtRisk()
    {
        auto f = login("fin");
        const QJsonObject a = f->get(path("projects_at_risk", "from=2026-09&to=2026-09")).json();
        QCOMPARE(str(a, "value"), QString("2"));
        QCOMPARE(str(pointOf(a, QString::number(project)), "label"),
                 QString("Acme lake: margin falling"));
        QCOMPARE(str(pointOf(a, QString::number(projectC)), "label"),
                 QString("Acme river: burn ahead of progress"));
        const QJsonObject rec =
            f->get(path("projects_at_risk", "from=2026-09&to=2026-09", true)).json();
        QCOMPARE(str(rec, "total"), QString("2"));
        const QJsonObject first = rec.value("items").toArray().first().toObject();
        QCOMPARE(str(first, "margin_before"), QString("0.7000"));
        QCOMPARE(str(first, "margin_recent"), QString("0.3100"));

        // October has no recognised revenue yet: the windows still end with September.
        QCOMPARE(str(f->get(path("projects_at_risk", "from=2026-10&to=2026-10")).json(), "value"),
                 QString("2"));
        // A closed project is past risk.
        db::query(db->sql(), "UPDATE projects SET status = 'closed' WHERE id = ?", {projectC});
        QCOMPARE(str(f->get(path("projects_at_risk", "from=2026-09&to=2026-09")).json(), "value"),
                 QString("1"));
    }

    void theAggregateFollowsTheDetail()
    {
        auto f = login("fin");
        const QString q = QStringLiteral("from=2026-09&to=2026-09");
        QCOMPARE(str(f->get(path("project_margin", q)).json(), "value"), QString("0.3100"));

        // A new approved hour of Ann's: labour 1,030.00, margin 560.00 / 2,000.00.
        const QString extra = time(ann, project, "2026-09-28", "1", false, "60.00", "USD");
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = "
                        "'project_month'"),
                 1);
        QJsonObject a = f->get(path("project_margin", q)).json();
        QCOMPARE(str(a, "value"), QString("0.2800"));
        QCOMPARE(str(f->get(path("project_margin", q, true)).json(), "total"), QString("560.00"));

        // A draft typed later marks nothing; deleting the approved hour brings 0.3100 back.
        time(ann, project, "2026-09-29", "3", true, "180.00", "USD", "draft");
        QCOMPARE(scalar("SELECT count(*) FROM analytics_stale_months WHERE fact = "
                        "'project_month'"),
                 0);
        db::query(db->sql(), "DELETE FROM time_entries WHERE id = ?::uuid", {extra});
        QCOMPARE(str(f->get(path("project_margin", q)).json(), "value"), QString("0.3100"));

        // What the triggers kept equals a rebuild from the detail.
        refresh();
        db::exec(db->sql(), "CREATE TEMP TABLE kept AS SELECT * FROM analytics_project_month");
        rebuildAllFacts(db->sql(), QDate(2026, 1, 1), QDate(2026, 12, 1));
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM "
                        "analytics_project_month) d"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM (SELECT * FROM analytics_project_month EXCEPT ALL "
                        "SELECT * FROM kept) d"),
                 0);
        QCOMPARE(scalar("SELECT count(*) FROM kept"), 5); // A in May and September, B, C, Acme sea
    }

    void badFiltersAndForeignEntities()
    {
        auto f = login("fin");
        HttpResult r = f->get(path("project_margin", "by=person"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("by:invalid_choice"));
        r = f->get(path("realisation", "person=1"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("person:not_applicable"));
        r = f->get(path("budget_burn", "by=month"));
        QCOMPARE(r.status, 422);
        r = f->get(path("budget_burn", "person=1", true));
        QCOMPARE(r.status, 422);
        r = f->get(path("project_margin", "after=nonsense", true));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.fieldCodes(), QString("after:invalid_cursor"));
        r = f->get(path("project_margin", "manager=me&from=2026-09&to=2026-09"));
        QCOMPARE(r.status, 200); // a manager filter is honoured: fin manages nothing yet
        QVERIFY(r.json().value("value").isNull());
        db::query(db->sql(), "UPDATE projects SET project_manager_id = ? WHERE id = ?",
                  {fin, project});
        r = f->get(path("project_margin", "manager=me&from=2026-09&to=2026-09"));
        QCOMPARE(str(r.json(), "value"), QString("0.3100"));

        auto u = login("ukfin");
        r = u->get(path("project_margin", "entity=" + QString::number(us)));
        QCOMPARE(r.status, 403);
        r = u->get(path("budget_burn", "entity=" + QString::number(us), true));
        QCOMPARE(r.status, 403);
    }
};

QTEST_GUILESS_MAIN(AnalyticsProjectsTest)
#include "tst_analytics_projects.moc"
